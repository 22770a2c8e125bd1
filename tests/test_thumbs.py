"""The thumbnail store: grid and strip made from the indexer's decode, other sizes made once from the original,
read from disk afterwards; lazily made views bounded."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from indexer.errors import UnreadableImage
from indexer.imageio import decode_image
from indexer.thumbs import GRID, STRIP, Thumbnails, default_folder, from_decoded, prune


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "big.jpg"
    rng = np.random.default_rng(0)
    base = Image.fromarray(rng.integers(0, 255, (30, 40, 3), dtype=np.uint8)).resize((4000, 3000))
    base.save(path, "JPEG", quality=90)
    return path


def test_made_once_then_read_from_disk(tmp_path: Path, photo: Path) -> None:
    thumbs = Thumbnails(tmp_path / "cache")
    first = thumbs.get("ab12cd", photo, 384)
    image = Image.open(io.BytesIO(first))
    assert image.format == "JPEG" and max(image.size) == 384 and image.size == (384, 288)
    assert len(first) < 100_000 < photo.stat().st_size
    photo.unlink()  # the original is not needed any more: the cache answers
    assert thumbs.get("ab12cd", photo, 384) == first
    assert Image.open(io.BytesIO(thumbs.get("ab12cd", photo, 96))).size == (96, 72)  # made from the stored 384
    with pytest.raises(UnreadableImage):
        thumbs.get("ab12cd", photo, 1600)  # larger than anything stored: needs the original, which is gone


def test_lazily_made_views_stay_within_their_budget(tmp_path: Path) -> None:
    folder, indexed = tmp_path / "cache" / "1600" / "aa", tmp_path / "cache" / "384" / "aa"
    for where in (folder, indexed):
        where.mkdir(parents=True)
        for i in range(10):
            (where / f"{i}.jpg").write_bytes(b"x" * 1000)
            os.utime(where / f"{i}.jpg", (time.time() - 100 + i, time.time() - 100 + i))
    assert prune(tmp_path / "cache", budget=5000) == 6
    assert sorted(p.name for p in folder.iterdir()) == ["6.jpg", "7.jpg", "8.jpg", "9.jpg"]  # most recent kept
    assert len(list(indexed.iterdir())) == 10  # grid thumbnails are the index's: they go with their rows


def test_thumbnails_from_the_indexers_decode(tmp_path: Path, photo: Path) -> None:
    """The grid and strip come from the decode made for the model; a decode drafted below the grid's size
    (a small photo for a 64 px model input) is decoded again at the grid's scale, never enlarged."""
    big = decode_image(photo.read_bytes(), draft_size=64)
    assert big.image.size == (500, 375)  # one eighth: the model's decode already covers the grid
    made = from_decoded(big, b"")  # no bytes needed: nothing is decoded again
    assert {s: Image.open(io.BytesIO(d)).size for s, d in made.items()} == {GRID: (384, 288), STRIP: (96, 72)}
    small_bytes = io.BytesIO()
    Image.open(photo).resize((900, 600)).save(small_bytes, "JPEG", quality=90)
    small = decode_image(small_bytes.getvalue(), draft_size=64)
    assert max(small.image.size) < GRID  # 1/8 scale: 113×75
    made = from_decoded(small, small_bytes.getvalue())
    assert {s: Image.open(io.BytesIO(d)).size for s, d in made.items()} == {GRID: (384, 256), STRIP: (96, 64)}
    tiny = decode_image(_png((200, 300)))
    assert {s: Image.open(io.BytesIO(d)).size for s, d in from_decoded(tiny, b"").items()} == {
        GRID: (200, 300), STRIP: (64, 96)}


def test_removed_images_lose_every_size(tmp_path: Path, photo: Path) -> None:
    thumbs = Thumbnails(tmp_path / "cache")
    thumbs.put("ab12cd", from_decoded(decode_image(photo), b""))
    thumbs.put("ef34ab", from_decoded(decode_image(photo), b""))
    thumbs.get("ab12cd", photo, 1600)
    assert thumbs.has("ab12cd") and thumbs.remove(["ab12cd"]) == 3
    assert not thumbs.has("ab12cd") and thumbs.cached("ab12cd", 1600) is None and thumbs.has("ef34ab")


def _png(size: tuple[int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def test_default_folder_beside_lite_or_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert default_folder(str(tmp_path / "x.db"), "photos") == tmp_path / "thumbs" / "photos"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    remote = default_folder("http://milvus.example:19530", "photos")
    assert remote == tmp_path / "xdg" / "clip-chat-search" / "thumbs" / "milvus.example_19530" / "photos"
