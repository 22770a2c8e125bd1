"""One listed file → what the indexer stores about it, except the vector: read, content hash, decode, model
preprocessing, photo metadata and the grid/strip thumbnails. The one per-item step both engines run (the local
engine in its decode threads, the Ray engine in its tasks), so a per-image stage is added here once.
"""

from __future__ import annotations

import contextlib
import hashlib
import stat
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from indexer.errors import UnreadableImage
from indexer.imageio import DecodedImage, decode_image, difference_hash, os_reason
from indexer.ingest import SourceItem
from indexer.ocr import OcrResult, TextReader, read_text
from indexer.photometa import PhotoMeta, read_meta
from indexer.schema import ImageRecord
from indexer.thumbs import Thumbnails, from_decoded


class Preprocessor(Protocol):
    image_size: int  # the model's input side

    def preprocess(self, image: object) -> np.ndarray: ...


@dataclass(frozen=True)
class Prepared:
    item: SourceItem
    id: str
    size: int
    mtime: float
    width: int = 0
    height: int = 0
    pixels: np.ndarray | None = None
    reason: str | None = None  # why it is skipped; None for a readable image
    phash: str = ""
    photo: PhotoMeta = field(default_factory=PhotoMeta)
    ocr: OcrResult = field(default_factory=OcrResult)  # engine "": not read (OCR off)


def content_id(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def prepare(item: SourceItem, model: Preprocessor, draft_size: int, thumbs: Thumbnails | None,
            reader: TextReader | None = None) -> Prepared:
    """Never raises for a bad file: what is wrong with it becomes its `reason` (a skip, not a failed run)."""
    try:
        st = item.file.stat()
        if not stat.S_ISREG(st.st_mode):  # reading a FIFO or device would block or never end
            kind = "is a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file"
            return Prepared(item, "", 0, 0.0, reason=kind)
        data = item.file.read_bytes()
    except OSError as exc:
        return Prepared(item, "", 0, 0.0, reason=os_reason(str(item.file), exc))
    cid = content_id(data)
    try:
        # JPEGs decode at the smallest DCT scale that still covers the model's input side (draft_size)
        decoded = decode_image(data, draft_size=draft_size, name=item.rel)
        pixels = model.preprocess(decoded.image)
    except UnreadableImage as exc:
        return Prepared(item, cid, st.st_size, st.st_mtime, reason=exc.reason)
    phash = difference_hash(decoded.image)
    _thumbnails(thumbs, cid, decoded, data, item.rel)
    photo = read_meta(decoded.exif, st.st_mtime)
    text = read_text(reader, decoded.image) if reader is not None else OcrResult()  # from the same decode
    return Prepared(item, cid, st.st_size, st.st_mtime, decoded.width, decoded.height, pixels, phash=phash,
                    photo=photo, ocr=text)


def _thumbnails(thumbs: Thumbnails | None, cid: str, decoded: DecodedImage, data: bytes, name: str) -> None:
    """Grid and strip from this decode, unless this content has them (a moved file, a copy)."""
    if thumbs is None or thumbs.has(cid):
        return
    # the row is what matters: without thumbnails the page makes them from the original
    with contextlib.suppress(UnreadableImage, OSError):
        thumbs.put(cid, from_decoded(decoded, data, name))


def record(p: Prepared) -> ImageRecord:
    return ImageRecord(
        p.id, p.item.rel, p.item.caption, p.width, p.height, p.size, p.mtime, dict(p.item.attrs), p.phash, p.photo,
        p.ocr,
    )
