"""Crash safety: SIGKILL the real indexer process at random moments, re-run, and check that the collection
converges to exactly one row per distinct valid image with the right paths."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings
from PIL import Image

from indexer.lite import endpoint_file
from indexer.pipeline import content_id
from indexer.store import ImageStore
from indexer.summary import Summary

pytestmark = pytest.mark.slow

N_IMAGES = 300
KILLS = 5
SEED = 20240611
COLLECTION = "resume"


def make_source(root: Path, n_images: int = N_IMAGES) -> None:
    """`n_images` distinct JPEGs over a few folders, byte-identical copies, and files that must be skipped."""
    rng = np.random.default_rng(SEED)
    for i in range(n_images):
        path = root / f"d{i % 6}" / f"img{i:04d}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(rng.integers(0, 255, (72, 96, 3), dtype=np.uint8)).save(path, quality=85)
    for i in (3, 50, 151, 299):
        shutil.copyfile(root / f"d{i % 6}" / f"img{i:04d}.jpg", root / f"d{i % 6}" / f"zz_copy{i:03d}.jpg")
    (root / "bad").mkdir()
    (root / "bad" / "empty.jpg").write_bytes(b"")
    (root / "bad" / "text.png").write_text("not an image at all\n")
    good = (root / "d0" / "img0000.jpg").read_bytes()
    (root / "bad" / "truncated.jpg").write_bytes(good[: len(good) // 3])


def expected_rows(root: Path) -> dict[str, str]:
    """content id -> the path that should hold it: the first file in walk order with that content."""
    from indexer.ingest import read_source

    rows: dict[str, str] = {}
    for item in read_source(root).items:
        if item.rel.startswith("bad/"):
            continue
        rows.setdefault(content_id(item.file.read_bytes()), item.rel)
    return rows


def start(source: Path, db: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "indexer", "index", str(source), "--db", db, "--collection", COLLECTION,
         "--pretrained", "random", "--batch-size", "8", "--workers", "2", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def wait_until_store_open(proc: subprocess.Popen[str], db: str, timeout: float = 120) -> bool:
    """True once the child has its model loaded and the Lite dir open (it advertises its pid in the
    endpoint file); False if it exited first. Kills are timed from here so they land in the indexing
    itself rather than in the interpreter's start-up."""
    marker = endpoint_file(Path(db).resolve())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if json.loads(marker.read_text())["pid"] == proc.pid:
                return True
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.02)
    return proc.poll() is None


def test_killed_runs_converge_to_one_row_per_image(
    tmp_path: Path, subprocess_env: dict[str, str], no_text_embeddings: Embeddings
) -> None:
    source, db = tmp_path / "src", str(tmp_path / "milvus" / "resume.db")
    make_source(source)
    rng = random.Random(SEED)
    kills, attempts, moved = 0, 0, False
    while kills < KILLS:
        attempts += 1
        assert attempts <= 3 * KILLS, f"only {kills} kills landed in {attempts - 1} runs"
        proc = start(source, db, subprocess_env)
        if wait_until_store_open(proc, db):
            time.sleep(rng.uniform(0.0, 1.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        _, err = proc.communicate(timeout=60)
        assert proc.returncode in (0, -signal.SIGKILL), err[-2000:]
        if kills == 2 and not moved:
            # Files moved between crashes must be repointed, not duplicated or lost.
            (source / "moved").mkdir()
            for i in (1, 7, 13):
                (source / f"d{i % 6}" / f"img{i:04d}.jpg").rename(source / "moved" / f"img{i:04d}.jpg")
            moved = True

    final = start(source, db, subprocess_env)
    out, err = final.communicate(timeout=300)
    assert final.returncode == 0, err[-2000:]
    report = json.loads(out.strip().splitlines()[-1])
    assert report["skipped"] == 3
    assert report["indexed"] + report["unchanged"] == report["total"] - 3 == N_IMAGES + 4
    assert {entry["path"] for entry in report["skipped_files"]} == {"bad/empty.jpg", "bad/text.png",
                                                                    "bad/truncated.jpg"}

    expected = expected_rows(source)
    assert len(expected) == N_IMAGES
    store = ImageStore(db, COLLECTION, None, embeddings=no_text_embeddings, create=False)
    try:
        stored = {rec.id: rec.path for rec in store.existing()}
        assert store.count() == len(stored), "the collection holds duplicate ids"
        assert set(stored) == set(expected)
        wrong = {cid: (stored[cid], want) for cid, want in expected.items() if stored[cid] != want}
        assert wrong == {}
        # and the summary the bot and `info` read describes exactly these rows, however the kills fell
        assert store.summary(bar=False) == Summary().count_all(hit.photo for hit in store.browse(None, 10 * N_IMAGES))
    finally:
        store.close()
