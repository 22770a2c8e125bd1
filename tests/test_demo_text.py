"""The demo's text scenes (data/demo/text, indexer.demo.textscenes), end to end with the real parts: the
committed pictures are what the generator draws; their words are nowhere but in the pixels; indexed with
`--ocr` (RapidOCR, the bundled demo model, Milvus Lite) beside a few main scenes the way `./run demo` does it
(main manifest with --prune, text manifest with --ocr, same folder), the chat finds the boat by its name, the
car by its plate (whole or a part), the shop by its sign. OCR of the 48 pictures takes 30-50 s on two cores."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.demo import textdraw, textscenes
from indexer.demo.scenes import ATTRIBUTES
from indexer.settings import ENV_PREFIX
from indexer.textsearch import fold
from tests.bot_fixtures import trained_available

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "data" / "demo"
MAIN_SAMPLE = 3  # main scenes indexed beside the text set: enough to see --prune keep both


def _key() -> dict[str, dict[str, str]]:
    return {row["path"]: row for row in textscenes.read_key(DEMO)}


def _manifest(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(newline="") as f:
        return list(csv.DictReader(f))


def _wanted(thing: str, text: str) -> str:
    """The path of the picture the key says shows `text` on a `thing` (the test asks by the key, not by file)."""
    return next(p for p, row in _key().items() if row["thing"] == thing and row["text"] == text)


def test_committed_text_scenes_match_the_generator(tmp_path: Path) -> None:
    if not textdraw.fonts_present():
        pytest.skip("a DejaVu/Liberation font is missing: the pictures differ from the committed ones")
    textscenes.main(["--out", str(tmp_path), "--seed", "1"])
    made = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "text").iterdir())
    committed = sorted(p.relative_to(DEMO).as_posix() for p in (DEMO / "text").iterdir())
    assert made == committed and len(made) == 49  # 48 pictures and the key
    for rel in [*made, textscenes.MANIFEST]:
        assert (tmp_path / rel).read_bytes() == (DEMO / rel).read_bytes(), rel


def test_the_words_are_only_in_the_pixels() -> None:
    """Captions, columns and file names are searched as text too: none may give a picture's words away, and
    no word may be one of the demo's attribute values (a boat called "BLUE ..." would match every blue scene)."""
    rows = _manifest(DEMO, textscenes.MANIFEST)
    key = _key()
    assert [r["path"] for r in rows] == list(key) and len(rows) == 48
    vocabulary = {v for values in ATTRIBUTES.values() for v in values}
    for row in rows:
        words = set(fold(key[row["path"]]["text"]).split())
        about = set(fold(" ".join([row["path"], *row.values()])).split())
        assert not words & about, row
        assert not words & vocabulary, row
    assert len({fold(r["text"]) for r in key.values()}) == 48  # each text names one picture
    plates = [r["text"] for r in key.values() if r["thing"] == "car"]
    assert len({p.split()[0] for p in plates}) == len(plates)  # a plate's first group alone finds one car


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The text set and a few main scenes in a temporary demo folder, laid out as data/demo is."""
    root = tmp_path_factory.mktemp("demo-text") / "demo"
    shutil.copytree(DEMO / "text", root / "text")
    shutil.copy(DEMO / textscenes.MANIFEST, root)
    with (DEMO / "manifest.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))[:MAIN_SAMPLE]
    for row in rows:
        (root / row["path"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DEMO / row["path"], root / row["path"])
    with (root / "manifest.csv").open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return root


@pytest.fixture(scope="module")
def indexed(demo_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict]]:
    """The runs of `./run demo` that matter: (db, the summaries of the text set read, the main manifest with
    --prune after it, as on every start after the first, and the text set again)."""
    if not trained_available():
        pytest.skip("the bundled demo checkpoint data/model/demo-clip.pt is not there")
    pytest.importorskip("rapidocr_onnxruntime", reason="the [ocr] extra is not installed")
    db = str(tmp_path_factory.mktemp("demo-text-db") / "demo.db")
    text = demo_copy / textscenes.MANIFEST
    return db, [_cli(text, db, "--ocr"), _cli(demo_copy / "manifest.csv", db, "--prune"), _cli(text, db, "--ocr")]


def _cli(source: Path, db: str, *extra: str) -> dict:
    """One `python -m indexer index` run as `./run demo` makes it: a child process (its Milvus Lite server goes
    with it), its JSON summary read from its output."""
    cmd = [sys.executable, "-m", "indexer", "index", str(source), "--db", db, "--collection", "demo", "--json",
           "--model", "demo-clip", "--on-model-change", "rebuild", *extra]
    env = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIX)} | {"TQDM_DISABLE": "1"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=env, check=True, timeout=600)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_demo_runs_read_each_text_once_and_prune_keeps_both_sets(indexed: tuple[str, list[dict]]) -> None:
    _, (text1, main, text2) = indexed
    assert (text1["indexed"], text1["ocr_images"]) == (48, 48) and text1["ocr_seconds"] > 0
    assert (main["indexed"], main["ocr_images"]) == (MAIN_SAMPLE, 0)  # the main scenes are never OCR'd
    assert main["removed"] == 0  # --prune of the main manifest keeps the text scenes' rows: their files are there
    assert (text2["unchanged"], text2["indexed"], text2["ocr_images"]) == (48, 0, 0)  # a re-run reads nothing


@pytest.fixture(scope="module")
def chat(indexed: tuple[str, list[dict]]):  # noqa: ANN201 - the bot's parts
    from bot.factory import build_bot
    from indexer.settings import Settings

    built = build_bot(Settings.load(db=indexed[0], collection="demo", k=5))
    yield built
    built.store.close()


# (what the person says, the thing and the words they remember seeing on it): the picture with those words first
ASKED = [
    ("the boat called marlin", "boat", "MARLIN"),
    ("the boat called sea breeze", "boat", "SEA BREEZE"),
    ("boat named poseidon", "boat", "POSEIDON"),
    ("the red car with plate KV51 ELV", "car", "KV51 ELV"),
    ("the orange car with plate XG91 DTD", "car", "XG91 DTD"),
    ("a car with plate CR42", "car", "CR42 KML"),  # a part of the plate
    ("WA59", "car", "WA59 HGF"),  # a part of a plate, and nothing else
    ("the shop sign saying bakery", "house", "BAKERY"),
    ("the sign saying toy store", "house", "TOY STORE"),  # read "TOYSTORE": the 3-grams find it
    ("the fish with the label saying salmon", "fish", "SALMON"),
    ("the receipt from Corner Deli", "receipt", "CORNER DELI"),
    ("a ticket that says westcliff", "ticket", "WESTCLIFF"),
]


@pytest.mark.parametrize(("said", "thing", "text"), ASKED)
def test_the_chat_finds_the_picture_by_its_words(chat, said: str, thing: str, text: str) -> None:  # noqa: ANN001
    from bot.chat import Conversation

    answer = chat.bot.reply(Conversation(), said)
    assert "with the text" in answer.headline, answer.headline
    top = answer.results[0]
    assert top.path == _wanted(thing, text), [r.path for r in answer.results]
    assert top.why.startswith("the words in the picture"), top.why
    assert top.marks, top.text  # the words asked for are marked in what the picture says


def test_the_car_asked_for_by_plate_is_the_colour_it_was_said_to_be() -> None:
    """The README's example request names the car as the manifest has it."""
    rows = {r["path"]: r for r in _manifest(DEMO, textscenes.MANIFEST)}
    assert rows[_wanted("car", "KV51 ELV")]["color"] == "red"
    assert rows[_wanted("car", "XG91 DTD")]["color"] == "orange"
