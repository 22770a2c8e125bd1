"""Thumbnails made by `python -m indexer index`: written where the page reads them, for every format, from
the decode made for the model (the stored vectors are the same with them or without); unchanged files keep
theirs untouched, changed and pruned files lose theirs. Real CLI, real open_clip (demo-clip, a saved random
checkpoint so every run has the same weights), Milvus Lite in tmp_path."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from indexer.cli import main
from indexer.pipeline import content_id
from indexer.store import ImageStore
from indexer.thumbs import GRID, STRIP, Thumbnails, default_folder

# name -> (format, size): a 12 MP photo the model's draft decode covers, a JPEG drafted below the grid's
# size, HEIC and AVIF (no draft decode), a portrait PNG smaller than the grid
ROLL = {"big.jpg": ("JPEG", (4000, 3000)), "small.jpg": ("JPEG", (900, 600)), "phone.heic": ("HEIF", (1200, 900)),
        "web.avif": ("AVIF", (1000, 750)), "scan.png": ("PNG", (200, 300))}


def write(path: Path, fmt: str, size: tuple[int, int], seed: int) -> None:
    coarse = np.random.default_rng(seed).integers(0, 255, (6, 8, 3), dtype=np.uint8)
    Image.fromarray(coarse).resize(size, Image.Resampling.BICUBIC).save(path, fmt)


@pytest.fixture
def roll(tmp_path: Path) -> Path:
    folder = tmp_path / "roll"
    folder.mkdir()
    for seed, (name, (fmt, size)) in enumerate(ROLL.items()):
        write(folder / name, fmt, size, seed)
    return folder


def index(roll: Path, db: str, ckpt: Path, *flags: str) -> None:
    argv = ["index", str(roll), "--db", db, "--collection", "photos", "--pretrained", str(ckpt), "--json", *flags]
    assert main(argv) == 0


def ids(roll: Path) -> dict[str, str]:
    return {p.name: content_id(p.read_bytes()) for p in sorted(roll.iterdir())}


def sizes(thumbs: Thumbnails, image_id: str) -> dict[int, tuple[int, int]]:
    return {side: Image.open(io.BytesIO(data)).size for side in (GRID, STRIP)
            if (data := thumbs.cached(image_id, side)) is not None}


def files(thumbs: Thumbnails) -> dict[Path, int]:
    """Every thumbnail file with its modification time (ns): rewriting one changes it."""
    return {p: p.stat().st_mtime_ns for p in thumbs.folder.rglob("*.jpg")}


def test_every_format_gets_grid_and_strip_where_the_page_looks(roll: Path, tmp_db: str, random_checkpoint: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    index(roll, tmp_db, random_checkpoint)
    thumbs = Thumbnails(default_folder(tmp_db, "photos"))  # the page's default for this store
    got = {name: sizes(thumbs, cid) for name, cid in ids(roll).items()}
    assert got == {
        "big.jpg": {GRID: (384, 288), STRIP: (96, 72)},
        "small.jpg": {GRID: (384, 256), STRIP: (96, 64)},
        "phone.heic": {GRID: (384, 288), STRIP: (96, 72)},
        "web.avif": {GRID: (384, 288), STRIP: (96, 72)},
        "scan.png": {GRID: (200, 300), STRIP: (64, 96)},  # never enlarged
    }
    assert len(files(thumbs)) == 2 * len(ROLL)  # nothing else: no full-size view is made at index time


def test_vectors_are_the_same_with_thumbnails_or_without(roll: Path, tmp_path: Path, random_checkpoint: Path,
                                                         random_clip) -> None:  # noqa: ANN001
    on, off = str(tmp_path / "on" / "x.db"), str(tmp_path / "off" / "x.db")
    index(roll, on, random_checkpoint)
    index(roll, off, random_checkpoint, "--no-thumbnails")
    assert not default_folder(off, "photos").exists()
    vectors = []
    for db in (on, off):
        store = ImageStore(db, "photos", None, embeddings=random_clip, create=False)
        rows = store.get(list(ids(roll).values()), with_vectors=True)
        vectors.append(np.array([rows[i]["vector"] for i in sorted(rows)], dtype=np.float32))
        store.close()
    assert vectors[0].shape == (len(ROLL), vectors[0].shape[1])
    assert np.array_equal(vectors[0], vectors[1])  # the model sees the same pixels: thumbnails are extra work only


def test_unchanged_keep_theirs_changed_and_pruned_lose_theirs(roll: Path, tmp_db: str,
                                                              random_checkpoint: Path) -> None:
    index(roll, tmp_db, random_checkpoint)
    thumbs = Thumbnails(default_folder(tmp_db, "photos"))
    before, old = files(thumbs), ids(roll)
    write(roll / "small.jpg", "JPEG", (900, 600), seed=99)  # new content under the same name
    (roll / "web.avif").unlink()
    index(roll, tmp_db, random_checkpoint)
    new = ids(roll)
    assert not thumbs.has(old["small.jpg"]) and thumbs.has(new["small.jpg"])  # changed: the old content's go
    assert thumbs.has(old["web.avif"])  # gone from the folder, but without --prune its row stays, and they too
    kept = {p: t for p, t in before.items() if old["small.jpg"] not in p.name}
    assert {p: t for p, t in files(thumbs).items() if p in kept} == kept  # unchanged: not even rewritten
    index(roll, tmp_db, random_checkpoint, "--prune")
    assert not thumbs.has(old["web.avif"])
    assert sorted(files(thumbs)) == sorted(thumbs.path(cid, side) for cid in new.values() for side in (GRID, STRIP))
