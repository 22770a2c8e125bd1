"""Decoder behaviour over the shared bad-file corpus (tests/badfiles.py)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFile

from indexer.errors import UnreadableImage
from indexer.imageio import IMAGE_EXTENSIONS, DecodedImage, decode_image, image_info, load_image
from tests.badfiles import ALL_CASES, DIR_SYMLINK_LOOP, FRAME_COLOURS, GOOD_SIZES, RED, make_bad_corpus

WHITE = (255, 255, 255)
# Failures that only show up when pixels are decoded; the header still reads fine.
PIXEL_LEVEL_FAILURES = {"truncated.jpg", "corrupt.png"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str | None]]:
    root = tmp_path_factory.mktemp("corpus")
    return root, make_bad_corpus(root)


def close_to(pixel: tuple[int, ...], colour: tuple[int, int, int], tol: int = 12) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(pixel, colour, strict=True))


# Pillow warns from inside Image.open before our own size check runs; the rejection is what
# matters here, and test_bomb_warning_as_error covers the warnings-as-errors path.
# noperm.jpg is read by an unprivileged child process instead (test_permission_denied_as_an_unprivileged_user):
# in this process, as root, chmod 000 blocks nothing.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("rel", sorted(set(ALL_CASES) - {"noperm.jpg"}))
def test_corpus_case(corpus: tuple[Path, dict[str, str | None]], rel: str) -> None:
    root, cases = corpus
    expected = cases[rel]
    path = root / rel
    if expected is None:
        decoded = decode_image(path)
        assert decoded.image.mode == "RGB"
        assert decoded.image.size == GOOD_SIZES[rel]
        assert (decoded.width, decoded.height) == GOOD_SIZES[rel]
        assert image_info(path) == GOOD_SIZES[rel]
        return
    substring = "is a directory" if expected == DIR_SYMLINK_LOOP else expected
    with pytest.raises(UnreadableImage) as excinfo:
        load_image(path)
    assert substring in excinfo.value.reason
    assert excinfo.value.path == str(path)
    if rel not in PIXEL_LEVEL_FAILURES:
        with pytest.raises(UnreadableImage, match=substring):
            image_info(path)


def test_permission_denied_as_an_unprivileged_user(
    corpus: tuple[Path, dict[str, str | None]], tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    """A real EACCES in CI too: the child drops root for nobody (tests/unprivileged.py) before it reads."""
    folder = tmp_path / "photos"
    folder.mkdir()
    folder.chmod(0o755)  # pytest makes its dirs 0700: nobody must be able to enter this one, and only this one
    jpeg = (corpus[0] / "normal.jpg").read_bytes()
    for name, mode in (("readable.jpg", 0o644), ("noperm.jpg", 0)):
        (folder / name).write_bytes(jpeg)
        (folder / name).chmod(mode)
    done = subprocess.run(
        [sys.executable, "-m", "tests.unprivileged", "readable.jpg", "noperm.jpg"],
        cwd=folder, env=subprocess_env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if os.geteuid() == 0:
        assert (report["uid"], report["gid"], report["groups"]) == (65534, 65534, []), report
    else:
        assert report["uid"] == os.geteuid(), report
    assert not report["regains_root"], report
    # The same user reads a file beside it: what it meets below is the file's mode, not the folder
    assert tuple(report["readable_size"]) == GOOD_SIZES["normal.jpg"], report
    for reader in ("load_image", "image_info"):
        assert report[reader] == {"path": "noperm.jpg", "reason": "permission denied"}, report
    assert report["indexer"] == "permission denied", report


def test_corpus_tree_matches_dict(corpus: tuple[Path, dict[str, str | None]]) -> None:
    root, cases = corpus
    on_disk = {str(p.relative_to(root)) for p in root.iterdir()} | {"loopdir/inside.png", "loopdir/self"}
    assert on_disk - {"loopdir"} == set(cases)
    assert make_bad_corpus(root) == cases  # idempotent: a second call over the same root is fine


@pytest.mark.parametrize(
    ("rel", "opaque"), [("palette_alpha.png", RED), ("rgba.png", RED), ("la.png", (0, 0, 0))]
)
def test_transparency_composited_on_white(
    corpus: tuple[Path, dict[str, str | None]], rel: str, opaque: tuple[int, int, int]
) -> None:
    image = load_image(corpus[0] / rel)
    assert image.getpixel((2, 4)) == WHITE  # transparent black must not come out black
    assert image.getpixel((12, 4)) == opaque


@pytest.mark.parametrize("rel", ["animated.gif", "animated.webp"])
def test_animation_uses_first_frame(corpus: tuple[Path, dict[str, str | None]], rel: str) -> None:
    image = load_image(corpus[0] / rel)
    assert close_to(image.getpixel((20, 15)), FRAME_COLOURS[0], tol=2)


def test_exif_rotation_applied(corpus: tuple[Path, dict[str, str | None]]) -> None:
    path = corpus[0] / "exif_rot6.jpg"
    with Image.open(path) as raw:
        assert raw.size == (60, 40)  # stored landscape, displayed portrait
    decoded = decode_image(path)
    assert decoded.image.size == (40, 60) == (decoded.width, decoded.height)
    assert close_to(decoded.image.getpixel((20, 5)), RED)  # stored left half is now on top
    assert close_to(decoded.image.getpixel((20, 55)), (0, 0, 255))


def test_cmyk_converted(corpus: tuple[Path, dict[str, str | None]]) -> None:
    assert close_to(load_image(corpus[0] / "cmyk.jpg").getpixel((16, 12)), RED)


def test_high_depth_greyscale_is_scaled_not_clipped(corpus: tuple[Path, dict[str, str | None]]) -> None:
    row16 = np.asarray(load_image(corpus[0] / "gray16.png"))[0, :, 0]
    assert row16[0] == 0 and row16[-1] == 255
    assert abs(int(row16[128]) - 128) <= 1  # clipping would give 255 here
    for rel in ("gray32.tif", "float.tif"):
        row = np.asarray(load_image(corpus[0] / rel))[0, :, 0].astype(int)
        assert row[0] == 0 and row[-1] == 255
        assert np.all(np.diff(row) > 0)


def _jpeg_bytes(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (90, 120, 150)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("size", "draft", "expect_reduced"),
    [((640, 480), 224, True), ((2000, 1500), 224, True), ((300, 200), 224, False), ((640, 480), 1000, False)],
)
def test_draft_keeps_at_least_draft_size(size: tuple[int, int], draft: int, expect_reduced: bool) -> None:
    decoded = decode_image(_jpeg_bytes(size), draft_size=draft)
    assert (decoded.width, decoded.height) == size  # metadata always describes the original
    assert decoded.image.mode == "RGB"
    if expect_reduced:
        assert min(decoded.image.size) >= draft
        assert decoded.image.size[0] < size[0]
    else:
        assert decoded.image.size == size


def test_draft_with_exif_rotation(corpus: tuple[Path, dict[str, str | None]]) -> None:
    decoded = decode_image(corpus[0] / "exif_rot6.jpg", draft_size=16)
    assert (decoded.width, decoded.height) == (40, 60)
    assert decoded.image.size == (20, 30)
    assert min(decoded.image.size) >= 16


def test_draft_ignored_for_non_jpeg(corpus: tuple[Path, dict[str, str | None]]) -> None:
    assert load_image(corpus[0] / "日本 語.png", draft_size=8).size == (32, 48)


def test_bytes_and_file_object_sources(corpus: tuple[Path, dict[str, str | None]]) -> None:
    path = corpus[0] / "normal.jpg"
    data = path.read_bytes()
    expected = np.asarray(load_image(path))
    for source in (data, bytearray(data), io.BytesIO(data)):
        assert np.array_equal(np.asarray(load_image(source)), expected)
    with path.open("rb") as handle:
        assert image_info(handle) == (640, 480)
        assert not handle.closed  # the caller owns its file object
    with pytest.raises(UnreadableImage, match="empty file"):
        load_image(b"")
    with pytest.raises(UnreadableImage, match="not binary"):
        load_image(io.StringIO("hello"))  # type: ignore[arg-type]
    with pytest.raises(UnreadableImage, match="truncated image") as excinfo:
        load_image(io.BytesIO(data[:5000]))
    assert excinfo.value.path == "<stream>"


@pytest.mark.parametrize(
    ("payload", "kind"),
    [
        (b'{"error": "not found"}', "JSON"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        ("\ufeffplain notes, café ☕".encode()[:24], "text"),
    ],
)
def test_non_image_is_named(payload: bytes, kind: str) -> None:
    with pytest.raises(UnreadableImage, match=f"not an image \\(looks like {kind}"):
        load_image(payload)


def test_explicit_pixel_limit(corpus: tuple[Path, dict[str, str | None]]) -> None:
    path = corpus[0] / "normal.jpg"
    for call in (load_image, image_info):
        with pytest.raises(UnreadableImage, match=r"640x480 \(307,200 pixels\) exceeds the limit of 300,000"):
            call(path, max_pixels=300_000)


def test_bomb_warning_as_error(corpus: tuple[Path, dict[str, str | None]]) -> None:
    # Under warnings-as-errors Pillow raises DecompressionBombWarning; it must still surface as
    # a rejection naming the dimensions, not as a bare warning exception.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(UnreadableImage, match="10000x10000"):
            load_image(corpus[0] / "bomb_warn.png", max_pixels=10**9)


def test_global_pillow_settings_untouched(corpus: tuple[Path, dict[str, str | None]]) -> None:
    before = (Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES)
    for rel in ("bomb.png", "truncated.jpg", "normal.jpg"):
        with contextlib.suppress(UnreadableImage):
            load_image(corpus[0] / rel, max_pixels=10**10)
    assert before == (Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES)


def test_result_is_detached_from_file(corpus: tuple[Path, dict[str, str | None]]) -> None:
    decoded = decode_image(corpus[0] / "normal.jpg")
    assert isinstance(decoded, DecodedImage)
    assert not isinstance(decoded.image, ImageFile.ImageFile)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_thread_pool_matches_sequential(corpus: tuple[Path, dict[str, str | None]]) -> None:
    root, cases = corpus
    paths = [root / rel for rel in sorted(cases)] * 4

    def outcome(path: Path) -> tuple[str, bytes]:
        try:
            return "ok", load_image(path, draft_size=64).tobytes()
        except UnreadableImage as exc:
            return "err", exc.reason.encode()

    sequential = [outcome(p) for p in paths]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(outcome, paths)) == sequential


def test_image_extensions() -> None:
    from indexer.formats import RAW_EXTENSIONS, UNSUPPORTED_IMAGES

    assert {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".avif", ".heic", ".heif"} <= \
        IMAGE_EXTENSIONS
    assert {".dng", ".cr2", ".nef", ".arw"} <= RAW_EXTENSIONS <= IMAGE_EXTENSIONS
    assert not set(UNSUPPORTED_IMAGES) & IMAGE_EXTENSIONS
    assert all(ext == ext.lower() and ext.startswith(".") for ext in IMAGE_EXTENSIONS)


def test_missing_and_special_paths(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)  # opening it would block forever; it must be refused from stat alone
    (tmp_path / "file.jpg").write_bytes(b"x")
    for path, reason in (
        (tmp_path / "missing.jpg", "file not found"),
        (fifo, "not a regular file"),
        (tmp_path / "file.jpg" / "child.jpg", "cannot open file (Not a directory)"),
    ):
        with pytest.raises(UnreadableImage) as excinfo:
            load_image(path)
        assert excinfo.value.reason == reason
