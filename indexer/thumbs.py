"""Thumbnails: small JPEGs of the collection's images on disk, keyed by the content id, so a page shows
kilobytes instead of decoding 12-megapixel originals.

The grid and strip sizes (INDEXED) are made by the indexer from the pixels it decodes for the model anyway
(`from_decoded`), kept as long as the image is in the collection and removed with its row. The page reads
them without touching the original (`cached`). Any other size (the full-size view), and the grid and strip
of a collection indexed before thumbnails were made there, are made from the original on first use (`get`);
those lazily made views share a budget and the least recently used go first.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import threading
from collections.abc import Iterable
from pathlib import Path

from PIL import Image

from indexer.errors import UnreadableImage
from indexer.imageio import DecodedImage, decode_image
from indexer.lite import is_server_uri

GRID = 384  # long side of a result in the answer grid
STRIP = 96  # long side in the strip an older answer collapses to
VIEW = 1600  # long side of the full-size view (the dialog): a screen, not the original
INDEXED = (GRID, STRIP)  # made at index time, one per image: never evicted, removed with the image's row
QUALITY = 82
# Pillow shrinks by an integer factor first (box filter, cheap) until the rest is within this factor of the
# target, then resamples: a 12 MP decode becomes a grid thumbnail in milliseconds, not a filter pass over 12
# million pixels. BICUBIC, as Image.thumbnail does: LANCZOS measured twice its cost (6 vs 3 ms from a 500 px
# decode, against ~70 ms for that decode) for no difference visible at 384 px.
RESAMPLE = Image.Resampling.BICUBIC
REDUCING_GAP = 2.0
DEFAULT_BUDGET = 2 * 2**30  # bytes of lazily made thumbnails on disk before the least recently used go


class Thumbnails:
    def __init__(self, folder: Path, budget_bytes: int = DEFAULT_BUDGET) -> None:
        self.folder = folder
        self.budget = budget_bytes
        self._lock = threading.Lock()
        self._written = 0  # bytes of lazily made thumbnails written since the last pruning pass

    def path(self, image_id: str, side: int) -> Path:
        return self.folder / f"{side}" / image_id[:2] / f"{image_id}.jpg"

    def cached(self, image_id: str, side: int) -> bytes | None:
        """The stored thumbnail, or None; never reads the original."""
        path = self.path(image_id, side)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if side not in INDEXED:
            _touch(path)  # recently used: pruned last
        return data

    def has(self, image_id: str) -> bool:
        return all(self.path(image_id, side).is_file() for side in INDEXED)

    def get(self, image_id: str, original: Path, side: int = GRID) -> bytes:
        """The JPEG of `original` with its long side at most `side`: the stored one, else made now (from a
        larger stored size when there is one, else from the original). Raises UnreadableImage when it must
        be made and the original cannot be read (moved, deleted, corrupt since indexing)."""
        data = self.cached(image_id, side)
        if data is not None:
            return data
        larger = next((d for s in INDEXED if s > side and (d := self.cached(image_id, s)) is not None), None)
        data = make_from_bytes(larger, side) if larger is not None else make(original, side)
        self.put(image_id, {side: data})
        return data

    def put(self, image_id: str, made: dict[int, bytes]) -> None:
        """Store thumbnails by side; written whole or not at all (readers never see half a file)."""
        for side, data in made.items():
            path = self.path(image_id, side)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)  # another process making the same thumbnail writes the same bytes
            if side not in INDEXED:
                self._count(len(data))

    def remove(self, image_ids: Iterable[str]) -> int:
        """Delete every size of these images (their rows left the collection); returns the files deleted."""
        sides = [d.name for d in self.folder.iterdir() if d.name.isdigit()] if self.folder.is_dir() else []
        removed = 0
        for image_id in image_ids:
            for side in sides:
                path = self.path(image_id, int(side))
                if path.is_file():
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed

    def _count(self, size: int) -> None:
        with self._lock:
            self._written += size
            if self._written > self.budget // 20:
                self._written = 0
                prune(self.folder, self.budget)


def from_decoded(decoded: DecodedImage, data: bytes, name: str | None = None) -> dict[int, bytes]:
    """The INDEXED sizes from the pixels the indexer decoded for the model: the grid from that decode (the
    strip from the grid). A JPEG drafted below the grid's size for a small model input (a 1,600 px photo for
    a 224 px model decodes at 400×300; the demo model's 64 px input takes a 256 px scene down to 64) is
    decoded once more, at the smallest scale that covers the grid; raises UnreadableImage if that fails."""
    image = decoded.image
    wanted = min(GRID, max(decoded.width, decoded.height))
    if max(image.size) < wanted:
        short, long = sorted((decoded.width, decoded.height))
        image = decode_image(data, draft_size=math.ceil(wanted * short / long), name=name).image
    grid = shrunk(image, GRID)
    return {GRID: _jpeg(grid), STRIP: _jpeg(shrunk(grid, STRIP))}


def make(original: Path, side: int) -> bytes:
    """Decode at the smallest JPEG scale that covers `side` (an eighth of a 12 MP photo), shrink, encode."""
    return _jpeg(shrunk(decode_image(original, draft_size=side).image, side))


def make_from_bytes(data: bytes, side: int) -> bytes:
    """The same for an image given as bytes (an upload, a larger thumbnail); raises UnreadableImage."""
    return _jpeg(shrunk(decode_image(data, draft_size=side).image, side))


def shrunk(image: Image.Image, side: int) -> Image.Image:
    """`image` with its long side at most `side`, aspect kept (never enlarged); a new image, or `image`."""
    width, height = image.size
    if max(width, height) <= side:
        return image
    scale = side / max(width, height)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(size, RESAMPLE, reducing_gap=REDUCING_GAP)


def _jpeg(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=QUALITY, optimize=True)
    return buf.getvalue()


def _touch(path: Path) -> None:
    with contextlib.suppress(OSError):  # pruned by another process meanwhile: the bytes are already read
        os.utime(path)


def prune(folder: Path, budget: int) -> int:
    """Delete least recently used lazily made thumbnails until they fit the budget; returns the files deleted.
    The INDEXED sizes are left alone: one per image, they go with the image's row (Thumbnails.remove)."""
    files = []
    kept = {str(side) for side in INDEXED}
    lazy = [d for d in folder.iterdir() if d.is_dir() and d.name not in kept] if folder.is_dir() else []
    for path in (p for d in lazy for p in d.rglob("*.jpg")):
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


def folder_for(db: str, collection: str, configured: str = "") -> Path:
    """The folder set (IMGSEARCH_THUMBS), else the default one: the indexer and the page must agree."""
    return Path(configured).expanduser() if configured else default_folder(db, collection)


def default_folder(db: str, collection: str) -> Path:
    """Beside a Milvus Lite dir; for a server, in the user's cache (XDG_CACHE_HOME or ~/.cache)."""
    if not is_server_uri(db):
        return Path(db).expanduser().resolve().parent / "thumbs" / collection
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    host = db.split("://", 1)[1].replace(":", "_").replace("/", "_")
    return cache / "clip-chat-search" / "thumbs" / host / collection


__all__ = ["GRID", "INDEXED", "STRIP", "VIEW", "Thumbnails", "UnreadableImage", "default_folder", "folder_for",
           "from_decoded", "make", "make_from_bytes", "prune", "shrunk"]
