"""Deterministic corpus of good and hostile image files, shared by the decoder and walker tests.

``make_bad_corpus(root)`` writes the files and returns ``{relative path: expected outcome}``:

* ``None``: must decode to RGB (displayed size in ``GOOD_SIZES``);
* a string: a substring of the ``UnreadableImage.reason`` the decoder must give;
* ``DIR_SYMLINK_LOOP``: a directory symlink pointing at its own parent (``loopdir/self -> .``).
  A folder walker must not follow it forever; ``loopdir/inside.png`` must be found exactly once.
  Decoding the link itself yields "is a directory".

Cases that cannot be staged are left out of the dict and the tree: ``noperm.jpg`` when the
process can read it anyway (root ignores the mode bits).
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import numpy as np
from PIL import Image

DIR_SYMLINK_LOOP = "<dir-symlink-loop>"

# Displayed (post-EXIF-rotation) sizes of the files that must load.
GOOD_SIZES: dict[str, tuple[int, int]] = {
    "tiny.png": (1, 1),
    "normal.jpg": (640, 480),
    "still.webp": (64, 48),
    "animated.webp": (40, 30),
    "animated.gif": (40, 30),
    "cmyk.jpg": (32, 24),
    "gray16.png": (256, 8),
    "gray32.tif": (32, 24),
    "float.tif": (32, 24),
    "palette_alpha.png": (16, 8),
    "rgba.png": (16, 8),
    "la.png": (16, 8),
    "exif_rot6.jpg": (40, 60),
    "café photo ☕.jpg": (48, 32),
    "日本 語.png": (32, 48),
    "loopdir/inside.png": (8, 8),
}

# First animation frame is red; later frames must never be what the decoder returns.
FRAME_COLOURS: tuple[tuple[int, int, int], ...] = ((255, 0, 0), (0, 255, 0), (0, 0, 255))
RED, BLUE = (255, 0, 0), (0, 0, 255)

_EXPECTED_FAILURES: dict[str, str] = {
    "empty.jpg": "empty file",
    "truncated.jpg": "truncated image",
    "random.png": "unrecognised image format",
    "page.jpg": "looks like HTML",
    "notes.gif": "looks like text",
    "corrupt.png": "corrupt image data",
    "bomb.png": "30000x30000",
    "bomb_warn.png": "10000x10000",
    "too_big.png": "9000x8000",
    "noperm.jpg": "permission denied",
    "loop_a.jpg": "symlink loop",
    "loop_b.jpg": "symlink loop",
    "dangling.jpg": "broken symlink",
    "folder.jpg": "is a directory",
}

# Every case make_bad_corpus may produce, known before any file exists (for parametrisation).
ALL_CASES: dict[str, str | None] = {
    **dict.fromkeys(GOOD_SIZES),
    **_EXPECTED_FAILURES,
    "loopdir/self": DIR_SYMLINK_LOOP,
}


def make_bad_corpus(root: Path) -> dict[str, str | None]:
    """Write the corpus under ``root`` (created if needed) and return the applicable cases."""
    root.mkdir(parents=True, exist_ok=True)
    _write_good_files(root)
    _write_bad_files(root)
    _write_links(root)
    cases = dict(ALL_CASES)
    if not _stage_unreadable(root / "noperm.jpg", (root / "normal.jpg").read_bytes()):
        del cases["noperm.jpg"]
    return cases


def _noise_rgb(width: int, height: int, seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    ramp = np.linspace(0, 200, width, dtype=np.float32)[None, :, None]
    noise = rng.integers(0, 55, size=(height, width, 3)).astype(np.float32)
    return Image.fromarray((ramp + noise).astype(np.uint8))


def _halves(width: int, height: int, left: tuple[int, int, int], right: tuple[int, int, int]) -> Image.Image:
    im = Image.new("RGB", (width, height), right)
    im.paste(left, (0, 0, width // 2, height))
    return im


def _write_good_files(root: Path) -> None:
    Image.new("RGB", (1, 1), (10, 20, 30)).save(root / "tiny.png")
    _noise_rgb(640, 480, seed=1).save(root / "normal.jpg", quality=90)
    _noise_rgb(64, 48, seed=2).save(root / "still.webp", lossless=True)
    Image.new("CMYK", (32, 24), (0, 255, 255, 0)).save(root / "cmyk.jpg", quality=95)
    _write_high_depth(root)
    _write_alpha_files(root)
    _write_animations(root)
    # Stored 60x40 with red on the left; orientation 6 means "rotate 90° clockwise to display",
    # so a viewer shows 40x60 with red on top.
    exif = Image.Exif()
    exif[0x0112] = 6
    _halves(60, 40, RED, BLUE).save(root / "exif_rot6.jpg", exif=exif, quality=95)
    _noise_rgb(48, 32, seed=3).save(root / "café photo ☕.jpg")
    _noise_rgb(32, 48, seed=4).save(root / "日本 語.png")
    (root / "loopdir").mkdir(exist_ok=True)
    Image.new("RGB", (8, 8), (0, 128, 0)).save(root / "loopdir" / "inside.png")


def _write_high_depth(root: Path) -> None:
    # 16-bit ramp over the full 0..65535 range: a decoder that clips instead of scaling turns
    # almost all of it white.
    ramp16 = np.tile(np.linspace(0, 65535, 256).astype(np.uint16), (8, 1))
    Image.fromarray(ramp16).save(root / "gray16.png")
    ramp32 = np.tile(np.arange(32, dtype=np.int32) * 100_000, (24, 1))
    Image.fromarray(ramp32).save(root / "gray32.tif")
    ramp_f = np.tile(np.linspace(0.0, 1.0, 32, dtype=np.float32), (24, 1))
    Image.fromarray(ramp_f).save(root / "float.tif")


def _write_alpha_files(root: Path) -> None:
    # Left half fully transparent (over BLACK colour values), right half opaque red: a decoder that
    # drops alpha instead of compositing on white shows black on the left.
    palette = Image.new("P", (16, 8), 0)
    palette.putpalette([0, 0, 0, 255, 0, 0] + [0, 0, 0] * 254)
    palette.paste(1, (8, 0, 16, 8))
    palette.save(root / "palette_alpha.png", transparency=0)
    rgba = Image.new("RGBA", (16, 8), (0, 0, 0, 0))
    rgba.paste((255, 0, 0, 255), (8, 0, 16, 8))
    rgba.save(root / "rgba.png")
    la = Image.new("LA", (16, 8), (0, 0))
    la.paste((0, 255), (8, 0, 16, 8))
    la.save(root / "la.png")


def _write_animations(root: Path) -> None:
    frames = [Image.new("RGB", (40, 30), colour) for colour in FRAME_COLOURS]
    frames[0].save(root / "animated.gif", save_all=True, append_images=frames[1:], duration=100, loop=0)
    frames[0].save(
        root / "animated.webp", save_all=True, append_images=frames[1:], duration=100, lossless=True
    )


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_claiming(width: int, height: int, bit_depth: int, idat: bytes) -> bytes:
    """A PNG whose IHDR claims the given size (correct CRCs) over an arbitrary IDAT payload."""
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )


def _write_bad_files(root: Path) -> None:
    rng = np.random.default_rng(1234)
    (root / "empty.jpg").write_bytes(b"")
    jpeg = (root / "normal.jpg").read_bytes()
    (root / "truncated.jpg").write_bytes(jpeg[: len(jpeg) // 2])
    (root / "random.png").write_bytes(rng.bytes(4096))
    (root / "page.jpg").write_text(
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
        "<body><h1>Not Found</h1></body></html>\n",
        encoding="utf-8",
    )
    (root / "notes.gif").write_text("shopping list:\n- milk\n- café au lait ☕\n", encoding="utf-8")
    (root / "corrupt.png").write_bytes(_png_claiming(16, 16, 8, rng.bytes(200)))
    # 1-bit rows of zeros compress ~1000:1, so the real bombs are tiny files; only a prefix of the
    # pixel data is written since a safe decoder must refuse from the header alone.
    zero_rows = zlib.compress(bytes(64 * 1024), 9)
    (root / "bomb.png").write_bytes(_png_claiming(30000, 30000, 1, zero_rows))
    (root / "bomb_warn.png").write_bytes(_png_claiming(10000, 10000, 1, zero_rows))
    (root / "too_big.png").write_bytes(_png_claiming(9000, 8000, 1, zero_rows))
    (root / "folder.jpg").mkdir(exist_ok=True)


def _write_links(root: Path) -> None:
    for link, target in (
        ("loop_a.jpg", "loop_b.jpg"),
        ("loop_b.jpg", "loop_a.jpg"),
        ("dangling.jpg", "missing.jpg"),
        ("loopdir/self", "."),
    ):
        path = root / link
        if not path.is_symlink():
            os.symlink(target, path)


def _stage_unreadable(path: Path, data: bytes) -> bool:
    """Write a valid JPEG, chmod 000 and report whether that really blocks reading; if not (root),
    remove the file so the tree matches the returned dict."""
    if path.exists():
        path.chmod(0o600)  # a previous run left it unwritable
    path.write_bytes(data)
    path.chmod(0)
    try:
        with path.open("rb"):
            pass
    except PermissionError:
        return True
    path.chmod(0o644)
    path.unlink()
    return False
