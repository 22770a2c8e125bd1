"""The collection remembers its model: later runs without --model/--pretrained load the same weights, and a
checkpoint that moved or changed is named in one line with the way to point at it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from indexer.cli import main
from indexer.embedding import ModelIdentity, recorded_weights
from indexer.errors import ModelLoadError
from tests.test_index_cli import write_photo


@pytest.fixture
def run(tmp_db: str, capsys: pytest.CaptureFixture[str]):  # noqa: ANN201 - returns the runner below
    def invoke(*args: str) -> tuple[int, dict | None, str]:
        rc = main([*args, "--db", tmp_db, "--collection", "photos", "--json"])
        out, err = capsys.readouterr()
        lines = out.strip().splitlines()
        return rc, (json.loads(lines[-1]) if rc == 0 and lines else None), err

    return invoke


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    for i in range(3):
        write_photo(tmp_path / "photos" / f"p{i}.jpg", seed=i)
    return tmp_path / "photos"


def test_runs_without_flags_reuse_the_recorded_checkpoint(run, photos: Path, random_checkpoint: Path,
                                                          tmp_path: Path, tmp_db: str) -> None:  # noqa: ANN001
    weights = tmp_path / "models" / "mine.pt"
    weights.parent.mkdir()
    shutil.copy(random_checkpoint, weights)
    rc, first, err = run("index", str(photos), "--pretrained", str(weights))
    assert rc == 0, err
    write_photo(photos / "p3.jpg", seed=3)
    rc, again, err = run("index", str(photos))  # next week, no flags
    assert rc == 0, err
    assert (again["model"], again["indexed"], again["unchanged"]) == (first["model"], 1, 3)
    rc, info, _ = run("info")
    assert info["weights"] == first["model"].split("[")[1].split("]")[0] and info["count"] == 4

    from bot.factory import build_bot
    from indexer.settings import Settings

    parts = build_bot(Settings.load(db=tmp_db, collection="photos"))  # the page and `python -m bot` alike
    assert str(parts.embeddings.identity) == first["model"]
    assert parts.embeddings.identity.source == str(weights.resolve())
    parts.store.close()


def test_a_moved_or_changed_checkpoint_is_named_with_the_fix(run, photos: Path, random_checkpoint: Path,
                                                             tmp_path: Path) -> None:  # noqa: ANN001
    weights = tmp_path / "mine.pt"
    shutil.copy(random_checkpoint, weights)
    rc, first, _ = run("index", str(photos), "--pretrained", str(weights))
    checksum = first["model"].split("[")[1].split("]")[0]
    moved = tmp_path / "elsewhere.pt"
    weights.rename(moved)
    rc, _, err = run("index", str(photos))
    assert rc == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(weights.resolve()) in lines[0] and checksum in lines[0]
    assert "--pretrained PATH" in lines[0] and "not there" in lines[0]
    rc, report, err = run("index", str(photos), "--pretrained", str(moved))  # pointing at it again works...
    assert rc == 0 and report["unchanged"] == 3, err
    rc, report, err = run("index", str(photos))  # ...and is remembered
    assert rc == 0 and report["model"] == first["model"], err

    with moved.open("ab") as fh:
        fh.write(b"\0")  # the recorded file, changed
    rc, info, _ = run("info")
    assert rc == 0 and info["count"] == 3  # info needs no model
    rc, _, err = run("index", str(photos))
    assert rc == 1 and "has changed since" in err and checksum in err and str(moved.resolve()) in err


def test_explicit_flags_still_win_and_a_real_mismatch_is_refused(run, photos: Path, random_checkpoint: Path) -> None:
    rc, _, _ = run("index", str(photos), "--pretrained", str(random_checkpoint))
    assert rc == 0
    rc, _, err = run("index", str(photos), "--pretrained", "random")
    assert rc == 1 and "collection was indexed with demo-clip [sha256:" in err


def test_recorded_weights_for_tags_random_and_files(tmp_path: Path) -> None:
    assert recorded_weights(ModelIdentity("ViT-B-32", "laion2b_s34b_b79k", 512)) == ("ViT-B-32", "laion2b_s34b_b79k")
    assert recorded_weights(ModelIdentity("demo-clip", "random", 128)) == ("demo-clip", "random")
    with pytest.raises(ModelLoadError, match="not recorded"):
        recorded_weights(ModelIdentity("ViT-B-32", "sha256:0123456789abcdef", 512))
    legacy = ModelIdentity.from_json('{"model": "ViT-B-32", "weights": "laion2b_s34b_b79k", "dim": 512}')
    assert legacy.source == "" and ModelIdentity.from_json(legacy.to_json()) == legacy
    moved = ModelIdentity("ViT-B-32", "sha256:0123456789abcdef", 512, "/a/b.pt")
    assert moved == ModelIdentity("ViT-B-32", "sha256:0123456789abcdef", 512, "/c/d.pt")  # where is not what
