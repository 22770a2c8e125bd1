"""The demo generator: determinism, captions, query predicate, demo/training disjointness."""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

import pytest

from indexer.demo import make_data
from indexer.demo.queries import AttributeQuery, make_queries, phrase_for, satisfies
from indexer.demo.scenes import ATTRIBUTES, Scene, caption, render, sample_scene, scene_attributes
from indexer.demo.trainset import ScenePool, encode_attrs, train_rng

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "data" / "demo"
COUNT_WORDS = {"1": ("a", "one", "a single"), "2": ("two",), "3": ("three",)}
COLOR_WORDS = set(ATTRIBUTES["color"]) | {"white", "black", "pink", "brown", "grey", "gray", "dark"}


def _scenes(seed: int, n: int) -> list[tuple[Scene, bytes, str]]:
    out = []
    for i in range(n):
        rng = random.Random(f"t:{seed}:{i}")
        scene = sample_scene(rng)
        out.append((scene, render(scene, rng).tobytes(), caption(scene, rng)))
    return out


def test_same_seed_same_scenes_captions_and_pixels() -> None:
    assert _scenes(3, 20) == _scenes(3, 20)
    assert _scenes(3, 20) != _scenes(4, 20)


def test_render_is_rgb_of_requested_size() -> None:
    img = render(sample_scene(random.Random(0)), random.Random(0), size=96)
    assert img.mode == "RGB" and img.size == (96, 96)


def test_every_attribute_value_is_reachable() -> None:
    rng = random.Random(0)
    seen = {a: set() for a in ATTRIBUTES}
    for _ in range(500):
        for a, v in scene_attributes(sample_scene(rng)).items():
            seen[a].add(v)
    assert seen == {a: set(v) for a, v in ATTRIBUTES.items()}


@pytest.mark.parametrize("seed", range(40))
def test_caption_mentions_each_attribute_and_no_other_colour(seed: int) -> None:
    rng = random.Random(seed)
    scene = sample_scene(rng)
    for text in (caption(scene), caption(scene, rng)):
        words = re.findall(r"[a-z]+", text)
        assert scene.kind in text and scene.size in words and scene.color in words
        assert scene.setting in text and scene.time in text
        assert any(re.search(rf"\b{w}\b", text) for w in COUNT_WORDS[scene.count])
        assert COLOR_WORDS & set(words) == {scene.color}


def test_plural_nouns_follow_count() -> None:
    one = Scene("car", "red", "1", "big", "snow", "night")
    three = Scene("car", "red", "3", "big", "snow", "night")
    assert caption(one) == "a big red car in the snow at night"
    assert caption(three) == "three big red cars in the snow at night"


def test_satisfies_hand_made_cases() -> None:
    attrs = {"kind": "car", "color": "red", "count": "2", "size": "big", "setting": "snow", "time": "night"}
    assert satisfies(attrs, AttributeQuery("red car", {"kind": "car", "color": "red"}))
    assert satisfies(attrs, AttributeQuery("two cars at night", {"count": "2", "kind": "car", "time": "night"}))
    assert not satisfies(attrs, AttributeQuery("blue car", {"kind": "car", "color": "blue"}))
    assert not satisfies(attrs, AttributeQuery("car by day", {"kind": "car", "time": "day"}))
    assert satisfies(attrs, AttributeQuery("anything", {}))


def test_phrase_for_reads_naturally() -> None:
    assert phrase_for({"kind": "car", "color": "red"}) == "red car"
    assert phrase_for({"kind": "boat", "time": "night"}) == "boat at night"
    assert phrase_for({"kind": "car", "count": "2", "setting": "beach"}) == "two cars on the beach"
    assert phrase_for({"color": "blue"}) == "blue objects"
    assert phrase_for({"setting": "snow", "time": "day"}) == "a scene in the snow during the day"
    with pytest.raises(ValueError):
        phrase_for({"mood": "happy"})


@pytest.mark.parametrize("n_attrs", [1, 2, 3])
def test_queries_exist_in_demo_split_with_support(n_attrs: int) -> None:
    rows = _manifest()
    attrs = [{a: r[a] for a in ATTRIBUTES} for r in rows]
    queries = make_queries(n_attrs, random.Random(0), 20)
    assert len(queries) == 20 and len({q.text for q in queries}) == 20
    for q in queries:
        assert len(q.constraints) == n_attrs and q.text == phrase_for(q.constraints)
        assert sum(satisfies(a, q) for a in attrs) >= 10


def _manifest() -> list[dict[str, str]]:
    with (DEMO / "manifest.csv").open(newline="") as f:
        return list(csv.DictReader(f))


def test_committed_demo_split_matches_generator(tmp_path: Path) -> None:
    rows = _manifest()
    assert len(rows) >= 1000
    assert list(rows[0]) == ["path", "caption", *ATTRIBUTES]
    # regenerate a prefix of the split: same scenes, captions and JPEG bytes as committed
    make_data.write_demo(tmp_path, 30, seed=1)
    with (tmp_path / "manifest.csv").open(newline="") as f:
        assert list(csv.DictReader(f)) == rows[:30]
    for row in rows[:30]:
        assert (tmp_path / row["path"]).read_bytes() == (DEMO / row["path"]).read_bytes()
        assert row["path"].startswith(row["setting"] + "/")


def test_make_data_twice_is_byte_identical(tmp_path: Path) -> None:
    for name in ("a", "b"):
        make_data.main(["--out", str(tmp_path / name), "--n", "40", "--seed", "7"])
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b and len(files_a) == 42
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()


def test_training_streams_are_disjoint_from_demo() -> None:
    demo_hashes = make_data.load_demo_hashes(DEMO)
    assert len(demo_hashes) == len(_manifest())
    for i in range(200):
        rng = train_rng(0, i)
        scene = sample_scene(rng)
        assert make_data.pixel_hash(render(scene, rng)) not in demo_hashes


def test_pool_drops_scenes_that_render_like_demo_images() -> None:
    # pretend the first training scene is a demo image: the pool must exclude it
    rng = train_rng(5, 0)
    scene = sample_scene(rng)
    fake_demo = {make_data.pixel_hash(render(scene, rng))}
    pool = ScenePool(5, 6, 64, fake_demo, workers=1)
    assert pool.dropped == 1 and len(pool) == 5
    assert encode_attrs(scene_attributes(pool.scene(0))) == list(pool.codes[0])


def test_hard_negative_groups_differ_in_exactly_one_attribute() -> None:
    from indexer.demo.trainset import GROUP, sample_indices

    pool = ScenePool(0, 6000, 32, set(), workers=2)  # ~3 scenes per combination
    idx = sample_indices(pool, random.Random(0), 64)
    assert len(idx) == 64
    codes = pool.codes[idx]
    # groups vary in size (a two-valued attribute gives one variant), so compare each scene with
    # the few before it: most must differ from one of them in exactly one attribute
    one_off = sum(any((codes[k] != codes[j]).sum() == 1 for j in range(max(0, k - GROUP + 1), k))
                  for k in range(1, 64))
    assert one_off >= 0.6 * 48
