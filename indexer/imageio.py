"""Robust image decoding for ingest and chat uploads (no torch here).

* ``decode_image(source, *, max_pixels, draft_size) -> DecodedImage``: RGB image plus the ORIGINAL
  width/height after EXIF rotation (the metadata ingest stores; draft decoding may shrink pixels).
* ``load_image(...) -> Image``: the same, image only.  ``image_info(source) -> (w, h)``: header only.

Every failure is ``UnreadableImage(path, reason)`` with a short human reason.  Limits are passed per
call; ``Image.MAX_IMAGE_PIXELS`` and ``ImageFile.LOAD_TRUNCATED_IMAGES`` are never touched and there
is no mutable state, so the functions are safe in a thread pool.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import struct
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np
from PIL import ExifTags, Image, ImageOps, JpegImagePlugin, PngImagePlugin, UnidentifiedImageError
from pillow_heif import register_heif_opener

from indexer.errors import UnreadableImage
from indexer.formats import IMAGE_EXTENSIONS, RAW_EXTENSIONS, raw_preview, unknown_format_reason

__all__ = ["IMAGE_EXTENSIONS", "DecodedImage", "decode_image", "difference_hash", "image_info", "load_image"]

DEFAULT_MAX_PIXELS = 64_000_000

Source = str | os.PathLike[str] | bytes | BinaryIO

_WHITE = (255, 255, 255)
_SWAPPING_ORIENTATIONS = frozenset({5, 6, 7, 8})
_HIGH_DEPTH_MODES = frozenset({"I;16", "I;16L", "I;16B", "I;16N", "I", "F"})
# Pillow plugins raise all of these on malformed input; Warning covers a process running with
# warnings-as-errors, where a Pillow warning would otherwise escape as a bare exception.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, struct.error, Warning)
_BOMB_ERRORS = (Image.DecompressionBombError, Image.DecompressionBombWarning)

# Register every plugin once at import so worker threads never race on Pillow's lazy plugin loading; HEIC /
# HEIF (the iPhone default) comes from pillow-heif, AVIF from Pillow itself.
Image.init()
register_heif_opener()


@dataclass(frozen=True, slots=True)
class DecodedImage:
    """A decoded image: ``image`` is RGB (possibly draft-reduced); width/height are the original
    file's dimensions after EXIF rotation, i.e. what a viewer displays; ``exif`` as the file had it."""

    image: Image.Image
    width: int
    height: int
    exif: Image.Exif | None = None


def load_image(
    source: Source, *, max_pixels: int = DEFAULT_MAX_PIXELS, draft_size: int | None = None
) -> Image.Image:
    """Decode ``source`` (path, bytes or binary file object) to an RGB image; see decode_image."""
    return decode_image(source, max_pixels=max_pixels, draft_size=draft_size).image


def decode_image(
    source: Source, *, max_pixels: int = DEFAULT_MAX_PIXELS, draft_size: int | None = None, name: str | None = None
) -> DecodedImage:
    """Decode to RGB: first frame only, alpha composited on white, EXIF orientation applied.

    ``max_pixels`` is checked on the header before any pixel is decoded. ``draft_size`` lets JPEGs
    decode at a reduced DCT scale while keeping both sides >= draft_size where the source allows.
    File objects are read from their current position to EOF and are not closed.
    """
    label, stream = _open_source(source)
    label = name or label  # bytes read by the caller keep their file's name (and extension)
    if os.path.splitext(label)[1].lower() in RAW_EXTENSIONS:
        stream = raw_preview(stream, label)
    with stream:
        im = _open_checked(stream, label, max_pixels)
        orig_w, orig_h = im.size
        if draft_size and isinstance(im, JpegImagePlugin.JpegImageFile):
            im.draft("RGB", (draft_size, draft_size))
        _decode(im, label)
        exif = _exif(im)  # after the pixels: a PNG's getexif() loads them, and would swallow their errors
        if _orientation(im) in _SWAPPING_ORIENTATIONS:
            orig_w, orig_h = orig_h, orig_w
        rgb = _to_rgb(_apply_orientation(im), label)
    if rgb is im:  # never hand out the file-backed object itself
        rgb = rgb.copy()
    return DecodedImage(rgb, orig_w, orig_h, exif)


def exif_of(path: str | os.PathLike[str]) -> Image.Exif | None:
    """A file's EXIF from its header, without decoding pixels (None when the file is unreadable or has none)."""
    label = os.fspath(path)
    try:
        label, stream = _open_path(label)
        if os.path.splitext(label)[1].lower() in RAW_EXTENSIONS:
            stream = raw_preview(stream, label)
        with stream:
            return _exif(Image.open(stream))
    except (UnreadableImage, UnidentifiedImageError, *_DECODE_ERRORS, *_BOMB_ERRORS):
        return None


def image_info(source: Source, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> tuple[int, int]:
    """(width, height) after EXIF rotation from the header only; raises UnreadableImage like
    decode_image for anything that fails before pixel decoding (including exceeding max_pixels)."""
    label, stream = _open_source(source)
    with stream:
        im = _open_checked(stream, label, max_pixels)
        width, height = im.size
        if _orientation(im, header_only=True) in _SWAPPING_ORIENTATIONS:
            return height, width
        return width, height


# --- opening -----------------------------------------------------------------------------------


def _exif(im: Image.Image) -> Image.Exif | None:
    try:
        return im.getexif()
    except _DECODE_ERRORS:
        return None  # corrupt EXIF: the pixels may still be fine


def _open_source(source: Source) -> tuple[str, BinaryIO]:
    if isinstance(source, str | os.PathLike):
        return _open_path(os.fspath(source))
    if isinstance(source, bytes | bytearray | memoryview):
        label, data = "<bytes>", bytes(source)
    else:
        label = str(getattr(source, "name", "<stream>"))
        try:
            data = source.read()
        except OSError as exc:
            raise UnreadableImage(label, f"cannot read stream ({exc})") from exc
        if not isinstance(data, bytes):
            raise UnreadableImage(label, "stream is not binary (open it with 'rb')")
    if not data:
        raise UnreadableImage(label, "empty file")
    return label, io.BytesIO(data)


def _open_path(path: str) -> tuple[str, BinaryIO]:
    # stat first: opening a FIFO or device would block or read forever instead of failing.
    try:
        st = os.stat(path)
    except OSError as exc:
        raise UnreadableImage(path, os_reason(path, exc)) from exc
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableImage(path, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableImage(path, "not a regular file")
    if st.st_size == 0:
        raise UnreadableImage(path, "empty file")
    try:
        return path, open(path, "rb")  # noqa: SIM115 - the caller closes it in a with block
    except OSError as exc:
        raise UnreadableImage(path, os_reason(path, exc)) from exc


def os_reason(path: str, exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(exc, FileNotFoundError):
        return "broken symlink" if os.path.islink(path) else "file not found"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot open file ({exc.strerror or exc})"


def _open_checked(stream: BinaryIO, label: str, max_pixels: int) -> Image.Image:
    """Identify the format and enforce the pixel limit without decoding pixels."""
    limit = _effective_limit(max_pixels)
    try:
        im = Image.open(stream)
    except _BOMB_ERRORS as exc:
        raise UnreadableImage(label, _too_large_reason(_probe_size(stream), limit)) from exc
    except UnidentifiedImageError as exc:
        raise UnreadableImage(label, unknown_format_reason(stream)) from exc
    except _DECODE_ERRORS as exc:
        raise UnreadableImage(label, _decode_reason(exc)) from exc
    width, height = im.size
    if width <= 0 or height <= 0:
        raise UnreadableImage(label, f"invalid dimensions {width}x{height}")
    if width * height > limit:
        raise UnreadableImage(label, _too_large_reason((width, height), limit))
    return im


def _effective_limit(max_pixels: int) -> int:
    # Pillow warns (or raises) above its own global limit; never exceeding it means any such
    # warning coincides with our explicit rejection instead of slipping by as a log line.
    pil_limit = Image.MAX_IMAGE_PIXELS
    return max_pixels if pil_limit is None else min(max_pixels, pil_limit)


def _too_large_reason(size: tuple[int, int] | None, limit: int) -> str:
    if size is None:
        return f"image too large (exceeds the limit of {limit:,} pixels)"
    width, height = size
    return f"image too large: {width}x{height} ({width * height:,} pixels) exceeds the limit of {limit:,}"


def _probe_size(stream: BinaryIO) -> tuple[int, int] | None:
    """Header dimensions via the format plugins directly, which skip Pillow's bomb check, so the
    rejection can name the real size.  Only used after Image.open refused the file."""
    stream.seek(0)
    prefix = stream.read(16)
    for fmt in Image.ID:
        factory, accept = Image.OPEN[fmt]
        if accept is not None and accept(prefix) is not True:
            continue
        try:
            stream.seek(0)
            return factory(stream, "").size
        except (*_DECODE_ERRORS, *_BOMB_ERRORS):
            continue
    return None


# --- decoding ----------------------------------------------------------------------------------


def _decode(im: Image.Image, label: str) -> None:
    """Run Pillow's pixel decoding, converting its many failure types to UnreadableImage."""
    try:
        im.load()
    except _BOMB_ERRORS as exc:
        raise UnreadableImage(label, f"image too large ({exc})") from exc
    except _DECODE_ERRORS as exc:
        raise UnreadableImage(label, _decode_reason(exc)) from exc


def _decode_reason(exc: BaseException) -> str:
    message = str(exc).strip()
    if isinstance(exc, EOFError) or "truncated" in message.lower():
        return "truncated image"
    if isinstance(exc, Warning):
        return f"decoder warning: {message[:120]}"
    return f"corrupt image data ({message[:120] or type(exc).__name__})"


def _orientation(im: Image.Image, *, header_only: bool = False) -> int:
    # PNG's getexif() decodes the whole image when EXIF is not in the header chunks.
    if header_only and isinstance(im, PngImagePlugin.PngImageFile) and "exif" not in im.info:
        return 1
    try:
        value = im.getexif().get(ExifTags.Base.Orientation, 1)
    except _DECODE_ERRORS:
        return 1  # corrupt EXIF: the pixels are still fine, just show them unrotated
    return value if isinstance(value, int) else 1


def _apply_orientation(im: Image.Image) -> Image.Image:
    try:
        return ImageOps.exif_transpose(im)
    except _DECODE_ERRORS:
        return im


def _to_rgb(im: Image.Image, label: str) -> Image.Image:
    mode = im.mode
    try:
        if mode in _HIGH_DEPTH_MODES:
            im = _to_8bit(im)
        if im.mode in ("P", "L", "RGB") and "transparency" in im.info:
            im = im.convert("RGBA")  # palette/colour-key transparency becomes a real alpha channel
        elif im.mode in ("PA", "RGBa", "La"):
            im = im.convert("RGBA")
        if im.mode in ("RGBA", "LA"):
            return _flatten_on_white(im)
        return im if im.mode == "RGB" else im.convert("RGB")
    except ValueError as exc:
        raise UnreadableImage(label, f"unsupported colour mode {mode}") from exc


def _flatten_on_white(im: Image.Image) -> Image.Image:
    # CLIP has no alpha input; white matches how viewers and the chat UI show transparent images.
    background = Image.new("RGB", im.size, _WHITE)
    background.paste(im.convert("RGB"), mask=im.getchannel("A"))
    return background


def _to_8bit(im: Image.Image) -> Image.Image:
    """Scale 16-bit / 32-bit greyscale to 8 bits (Pillow's convert('L') clips instead of scaling)."""
    values = np.asarray(im, dtype=np.float32)
    if im.mode.startswith("I;16"):
        scaled = values / 257.0
    else:
        # 32-bit int and float data have no fixed range: stretch the finite values to 0..255.
        finite = values[np.isfinite(values)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 0.0)
        scaled = (values - low) * (255.0 / (high - low)) if high > low else np.clip(values, 0, 255)
    clean = np.nan_to_num(scaled, nan=0.0, posinf=255.0, neginf=0.0)
    return Image.fromarray(np.clip(np.rint(clean), 0, 255).astype(np.uint8))


def difference_hash(image: Image.Image) -> str:
    """64-bit dHash as 16 hex digits: survives re-encoding and resizing, so near-duplicate files (not just
    byte-identical ones) can be recognised whatever embedding model is in use."""
    small = np.asarray(image.convert("L").resize((9, 8), Image.Resampling.BILINEAR), dtype=np.int16)
    bits = (small[:, 1:] > small[:, :-1]).flatten()
    return f"{int(''.join('1' if b else '0' for b in bits), 2):016x}"
