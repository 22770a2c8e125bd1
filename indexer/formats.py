"""Which files are images: extensions, content sniffing for the rest, and camera RAW through `rawpy`.

A folder of photos also holds videos, sidecars and notes. Every file whose extension or content says
"image" is indexed or skipped with a reason ("unsupported format: SVG"); files that plainly are not images
(.mp4, .txt, .xmp) are only counted.
"""

from __future__ import annotations

import io
import os
from typing import BinaryIO

import numpy as np
from PIL import Image

from indexer.errors import UnreadableImage

# Camera RAW: decoded through the optional `rawpy` (LibRaw), from the embedded preview when there is one.
RAW_EXTENSIONS: frozenset[str] = frozenset({
    ".dng", ".cr2", ".cr3", ".crw", ".nef", ".nrw", ".arw", ".srf", ".sr2", ".orf", ".rw2", ".raf", ".pef", ".srw",
    ".x3f", ".erf", ".kdc", ".dcr", ".mrw", ".3fr", ".rwl", ".iiq",
})
IMAGE_EXTENSIONS: frozenset[str] = frozenset({
    ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".gif", ".webp", ".bmp", ".dib", ".tif", ".tiff", ".avif", ".heic",
    ".heif", ".hif", ".psd", ".ico", ".jp2", ".j2k", ".tga", ".ppm", ".pgm", ".pbm", ".pcx",
}) | RAW_EXTENSIONS
# Image formats no decoder here reads: listed as skipped with this reason, never silently passed over.
UNSUPPORTED_IMAGES: dict[str, str] = {
    ".svg": "SVG (vector images are not supported)", ".svgz": "SVG (vector images are not supported)",
    ".ai": "Adobe Illustrator", ".eps": "EPS", ".xcf": "GIMP XCF", ".jxl": "JPEG XL", ".exr": "OpenEXR",
    ".hdr": "Radiance HDR", ".kra": "Krita", ".pdn": "Paint.NET", ".cdr": "CorelDRAW",
}
# Magic numbers of image formats, for files whose extension says nothing (IMG_0001 with no suffix).
_MAGIC: tuple[tuple[int, bytes], ...] = (
    (0, b"\xff\xd8\xff"), (0, b"\x89PNG"), (0, b"GIF8"), (0, b"BM"), (0, b"II*\x00"), (0, b"MM\x00*"),
    (0, b"8BPS"), (8, b"WEBP"), (4, b"ftypheic"), (4, b"ftypheix"), (4, b"ftypmif1"), (4, b"ftypavif"),
    (4, b"ftypcrx "), (0, b"\x00\x00\x00\x0cjP  "), (0, b"\xff\x0a"), (0, b"gimp xcf"),
)
_SNIFF_BYTES = 512


def looks_like_image(path: str) -> bool:
    """Whether a file's first bytes are those of an image format (for names without a known extension)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(32)
    except OSError:
        return False  # unreadable: nothing says image
    return any(head[at:at + len(magic)] == magic for at, magic in _MAGIC)


def raw_preview(stream: BinaryIO, label: str) -> BinaryIO:
    """A camera RAW file as an ordinary image stream: its embedded JPEG preview when it has one (what
    the camera showed, EXIF included), else a half-size demosaic. Needs the optional `rawpy`."""
    with stream:
        data = stream.read()
    try:
        import rawpy
    except ImportError as exc:
        ext = os.path.splitext(label)[1].upper().lstrip(".")
        raise UnreadableImage(label, f"camera RAW ({ext}) needs the optional raw support: "
                                     "pip install 'clip-chat-search[raw]'") from exc
    try:
        with rawpy.imread(io.BytesIO(data)) as raw:
            try:
                thumb = raw.extract_thumb()
            except (rawpy.LibRawNoThumbnailError, rawpy.LibRawUnsupportedThumbnailError):
                thumb = None
            if thumb is not None and thumb.format == rawpy.ThumbFormat.JPEG:
                return io.BytesIO(thumb.data)
            pixels = thumb.data if thumb is not None else raw.postprocess(half_size=True, use_camera_wb=True)
    except (rawpy.LibRawError, OSError, ValueError) as exc:
        raise UnreadableImage(label, f"unreadable camera RAW ({exc})") from exc
    buf = io.BytesIO()
    Image.fromarray(np.asarray(pixels)).save(buf, "PNG", compress_level=1)
    buf.seek(0)
    return buf


def unknown_format_reason(stream: BinaryIO) -> str:
    stream.seek(0)
    kind = _sniff_non_image(stream.read(_SNIFF_BYTES))
    return f"not an image (looks like {kind})" if kind else "unrecognised image format"


def _sniff_non_image(head: bytes) -> str | None:
    """Name the common things that end up with an image extension (saved error pages, notes)."""
    if head.startswith(b"%PDF"):
        return "PDF"
    if head.startswith(b"PK\x03\x04"):
        return "a ZIP archive"
    text = _as_text(head)
    if text is None:
        return None
    lowered = text.lstrip().lower()
    if lowered.startswith("<!doctype html") or "<html" in lowered or "<body" in lowered:
        return "HTML"
    if "<svg" in lowered:
        return "SVG (vector images are not supported)"
    if lowered.startswith("<?xml"):
        return "XML"
    if lowered.startswith(("{", "[")):
        return "JSON"
    return "text"


def _as_text(head: bytes) -> str | None:
    try:
        # The sniff window may cut a multi-byte character in half; drop at most 3 trailing bytes.
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:
            return None
        text = head[: exc.start].decode("utf-8")
    text = text.removeprefix("\ufeff")  # a BOM is invisible, not binary
    printable = all(ch.isprintable() or ch in "\t\n\r\f" for ch in text)
    return text if text and printable else None
