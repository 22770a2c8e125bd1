"""Thumbnails: small JPEGs of the collection's images, made once per image and size into a bounded on-disk
cache keyed by the content id, so a page shows kilobytes instead of decoding 12-megapixel originals on every
rerun. Any process that can read the originals can fill the cache; a hosted bot fills its own.
"""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

from PIL import Image

from indexer.errors import UnreadableImage
from indexer.imageio import decode_image
from indexer.lite import is_server_uri

GRID = 384  # long side of a result in the answer grid
STRIP = 96  # long side in the strip an older answer collapses to
VIEW = 1600  # long side of the full-size view (the dialog): a screen, not the original
QUALITY = 82
DEFAULT_BUDGET = 2 * 2**30  # bytes on disk before the least recently used thumbnails go


class Thumbnails:
    def __init__(self, folder: Path, budget_bytes: int = DEFAULT_BUDGET) -> None:
        self.folder = folder
        self.budget = budget_bytes
        self._lock = threading.Lock()
        self._written = 0  # bytes written since the last pruning pass

    def get(self, image_id: str, original: Path, side: int = GRID) -> bytes:
        """The JPEG of `original` with its long side at most `side`; made on first use. Raises UnreadableImage
        when the original cannot be read (moved, deleted, corrupt since indexing)."""
        path = self.folder / f"{side}" / image_id[:2] / f"{image_id}.jpg"
        try:
            data = path.read_bytes()
            os.utime(path)  # recently used: pruned last
            return data
        except OSError:
            pass
        data = make(original, side)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)  # another process making the same thumbnail writes the same bytes
        with self._lock:
            self._written += len(data)
            if self._written > self.budget // 20:
                self._written = 0
                prune(self.folder, self.budget)
        return data


def make(original: Path, side: int) -> bytes:
    """Decode at the smallest JPEG scale that covers `side` (an eighth of a 12 MP photo), shrink, encode."""
    return _encoded(decode_image(original, draft_size=side).image, side)


def make_from_bytes(data: bytes, side: int) -> bytes:
    """The same for an image given as bytes (an upload); raises UnreadableImage."""
    return _encoded(decode_image(data, draft_size=side).image, side)


def _encoded(image: Image.Image, side: int) -> bytes:
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=QUALITY, optimize=True)
    return buf.getvalue()


def prune(folder: Path, budget: int) -> int:
    """Delete least recently used thumbnails until the cache fits its budget; returns the files deleted."""
    files = []
    for path in folder.rglob("*.jpg"):
        try:
            st = path.stat()
        except OSError:
            continue
        files.append((st.st_mtime, st.st_size, path))
    total = sum(size for _, size, _ in files)
    removed = 0
    for _, size, path in sorted(files):
        if total <= budget * 0.9:
            break
        path.unlink(missing_ok=True)
        total -= size
        removed += 1
    return removed


def default_folder(db: str, collection: str) -> Path:
    """Beside a Milvus Lite dir; for a server, in the user's cache (XDG_CACHE_HOME or ~/.cache)."""
    if not is_server_uri(db):
        return Path(db).expanduser().resolve().parent / "thumbs" / collection
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    host = db.split("://", 1)[1].replace(":", "_").replace("/", "_")
    return cache / "clip-chat-search" / "thumbs" / host / collection


__all__ = ["GRID", "STRIP", "VIEW", "Thumbnails", "UnreadableImage", "default_folder", "make", "make_from_bytes",
           "prune"]
