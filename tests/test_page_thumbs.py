"""The page shows the thumbnails the indexer made without reading an original (the originals are deleted
before the page opens); without them it makes each from its original after the rest of the answer; and it
says under the answer where the turn's time went. Real script (AppTest), bot, store and model in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indexer.demo.queries import DEMO_MANIFEST
from indexer.thumbs import GRID, Thumbnails, default_folder
from tests import bot_fixtures as fx
from tests.page_cards import grids

APP = str(Path(fx.REPO_ROOT, "bot", "app.py"))
SCENES = ["water/00000.jpg", "snow/00001.jpg", "street/00002.jpg", "beach/00004.jpg", "grass/00006.jpg"]
MISSING = "image file not available"


def index_scenes(dest: Path, ckpt: Path, *flags: str) -> Path:
    """A folder of demo scenes indexed into its own Lite dir by the real CLI; returns the closed data dir."""
    from milvus_lite.server_manager import server_manager_instance

    from indexer.cli import main

    roll = dest / "roll"
    for rel in SCENES:
        (roll / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEMO_MANIFEST.parent / rel, roll / rel)
    db = dest / "scenes.db"
    argv = ["index", str(roll), "--db", str(db), "--collection", "scenes", "--pretrained", str(ckpt), "--json"]
    assert main([*argv, *flags]) == 0
    server_manager_instance.release_server(str(db))  # the page opens the dir next
    return db


def ask(db: Path, ckpt: Path, monkeypatch: pytest.MonkeyPatch, text: str = "red car") -> AppTest:
    env = {"IMGSEARCH_DB": str(db), "IMGSEARCH_COLLECTION": "scenes", "IMGSEARCH_PRETRAINED": str(ckpt),
           "IMGSEARCH_MIN_SCORE": "0"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.chat_input(key="chat").set_value(text)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> tuple[int, int, int]:
    """(results of the last answer, pictures in its grid, results drawn as 'not available')."""
    results = len(at.session_state["conv"].turns[-1][1].results)
    (cards,) = grids(at)
    return results, sum(bool(c["src"]) for c in cards), sum(MISSING in c["label"] for c in cards)


def test_thumbnails_from_the_index_need_no_original(tmp_path: Path, random_checkpoint: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    db = index_scenes(tmp_path, random_checkpoint)
    shutil.rmtree(tmp_path / "roll")  # nothing left to decode: only the thumbnail store can show them
    at = ask(db, random_checkpoint, monkeypatch)
    results, images, missing = shown(at)
    assert results == len(SCENES) and images == results and missing == 0
    timing = [c.value for c in at.caption if c.value.startswith("Answered in")]
    assert len(timing) == 1, [c.value for c in at.caption]
    for phase in ("planning", "text encoding", "search", "ranking + why", "thumbnails", "page"):
        assert f"{phase} " in timing[0]


def test_without_index_thumbnails_they_come_from_the_originals(tmp_path: Path, random_checkpoint: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = index_scenes(tmp_path, random_checkpoint, "--no-thumbnails")
    thumbs = Thumbnails(default_folder(str(db), "scenes"))
    assert not thumbs.folder.exists()
    at = ask(db, random_checkpoint, monkeypatch)
    results, images, missing = shown(at)
    assert results == len(SCENES) and images == results and missing == 0  # made in the second pass
    assert len(list((thumbs.folder / str(GRID)).rglob("*.jpg"))) == results  # and stored for the next turn


def test_without_thumbnails_or_originals_the_page_says_so(tmp_path: Path, random_checkpoint: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The control for the first test: the same deletion without index thumbnails shows no picture."""
    db = index_scenes(tmp_path, random_checkpoint, "--no-thumbnails")
    shutil.rmtree(tmp_path / "roll")
    results, images, missing = shown(ask(db, random_checkpoint, monkeypatch))
    assert results == len(SCENES) and images == 0 and missing == results
