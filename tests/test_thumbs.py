"""The thumbnail cache: made once per image and size from the original, read from disk afterwards, bounded."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from indexer.errors import UnreadableImage
from indexer.thumbs import Thumbnails, default_folder, prune


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
    with pytest.raises(UnreadableImage):
        thumbs.get("ab12cd", photo, 96)  # another size must be made, and the original is gone


def test_the_cache_stays_within_its_budget(tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "384" / "aa"
    folder.mkdir(parents=True)
    for i in range(10):
        (folder / f"{i}.jpg").write_bytes(b"x" * 1000)
        os.utime(folder / f"{i}.jpg", (time.time() - 100 + i, time.time() - 100 + i))
    assert prune(tmp_path / "cache", budget=5000) == 6
    assert sorted(p.name for p in folder.iterdir()) == ["6.jpg", "7.jpg", "8.jpg", "9.jpg"]  # most recent kept


def test_default_folder_beside_lite_or_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert default_folder(str(tmp_path / "x.db"), "photos") == tmp_path / "thumbs" / "photos"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    remote = default_folder("http://milvus.example:19530", "photos")
    assert remote == tmp_path / "xdg" / "clip-chat-search" / "thumbs" / "milvus.example_19530" / "photos"
