"""SOURCE → the list of image files to index: a folder walk or a CSV/JSONL manifest, plus sharding.

No decoding happens here; this only decides *which* files there are and what metadata comes with them.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from indexer.errors import ConfigError, SourceError
from indexer.formats import IMAGE_EXTENSIONS, UNSUPPORTED_IMAGES, looks_like_image

MANIFEST_SUFFIXES = {".csv", ".jsonl"}
RESERVED_COLUMNS = {"path", "caption", "id", "vector", "width", "height", "bytes", "mtime", "attrs"}


@dataclass(frozen=True)
class SourceItem:
    """One image to index: `rel` is its path relative to the source root, used as its stored path."""

    file: Path
    rel: str
    caption: str = ""
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass
class Source:
    root: Path
    items: list[SourceItem]
    skipped: list[Skipped]
    not_images: int = 0  # files in a walked folder that plainly are not images (videos, sidecars, notes)


def read_source(source: Path) -> Source:
    """A folder (walked recursively, symlink loops broken) or a .csv/.jsonl manifest."""
    source = source.expanduser()
    if not source.exists():
        raise SourceError(f"source not found: {source} (give a folder of images or a .csv/.jsonl manifest)")
    if source.is_dir():
        return _walk(source.resolve())
    if source.suffix.lower() in MANIFEST_SUFFIXES:
        return _manifest(source.resolve())
    raise SourceError(f"{source} is neither a folder nor a .csv/.jsonl manifest")


def _walk(root: Path) -> Source:
    """Every file under `root`, symlinks followed only while they stay inside it."""
    items: list[SourceItem] = []
    skipped: list[Skipped] = []
    not_images = 0
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen_dirs:  # a symlink back up the tree: walk each real dir once
            rel = Path(dirpath).relative_to(root).as_posix()
            skipped.append(Skipped(rel, "symlink loop (folder already walked)"))
            dirnames.clear()
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        dirnames.sort()
        for name in list(dirnames):  # a linked folder elsewhere on the disk is not part of this collection
            if _leaves(root, Path(dirpath) / name):
                dirnames.remove(name)
                skipped.append(Skipped((Path(dirpath) / name).relative_to(root).as_posix(), LINK_OUT))
        for name in sorted(filenames):
            file = Path(dirpath) / name
            rel = file.relative_to(root).as_posix()
            suffix = file.suffix.lower()
            if (reason := _not_a_file(root, file)) is not None:
                skipped.append(Skipped(rel, reason))
            elif suffix in UNSUPPORTED_IMAGES:
                skipped.append(Skipped(rel, f"unsupported format: {UNSUPPORTED_IMAGES[suffix]}"))
            elif suffix in IMAGE_EXTENSIONS or looks_like_image(str(file)):
                items.append(SourceItem(file=file, rel=rel))
            else:
                not_images += 1
    return Source(root, items, skipped, not_images)


LINK_OUT = "symlink leads outside the indexed folder"
_SPECIAL_FILES = ((stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
                  (stat.S_ISBLK, "block device"))


def _leaves(root: Path, path: Path) -> bool:
    """A symlink whose target lies outside `root` (realpath never raises: a loop stays inside)."""
    return path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(root)


def _not_a_file(root: Path, file: Path) -> str | None:
    """Why a walked entry is no file to read, or None. Opening a named pipe would block forever, so this
    runs before anything reads the file. A link that cannot be followed (loop, dangling) is left to the
    decoder, which names the fault."""
    if _leaves(root, file):
        return LINK_OUT
    try:
        mode = file.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _SPECIAL_FILES if test(mode)), "special file")
    return f"not a regular file ({kind})"


def _manifest(manifest: Path) -> Source:
    root = manifest.parent
    rows = _read_rows(manifest)
    items: list[SourceItem] = []
    skipped: list[Skipped] = []
    for line_no, row in rows:
        raw = str(row.get("path") or "").strip()
        if not raw:
            skipped.append(Skipped(f"{manifest.name}:{line_no}", "row has no path"))
            continue
        file = _inside(root, raw)
        if file is None:
            skipped.append(Skipped(raw, f"outside the manifest's folder {root}"))
            continue
        attrs = {k: str(v) for k, v in row.items() if k not in RESERVED_COLUMNS and v not in (None, "")}
        items.append(SourceItem(file, file.relative_to(root).as_posix(), str(row.get("caption") or ""), attrs))
    return Source(root, items, skipped)


def _inside(root: Path, raw: str) -> Path | None:
    """The listed file under `root`, or None when it (or the file a symlink points at) is outside.

    The listed path is kept as given, not resolved: a symlink loop must reach the decoder as a file to
    report (Path.resolve raises RuntimeError on one), and a listed link keeps its own name as stored path.
    """
    file = Path(os.path.normpath(root / raw))  # an absolute `raw` replaces root here
    try:
        target: Path | None = file.resolve()
    except (OSError, RuntimeError):
        target = None
    if file.is_relative_to(root) and (target is None or target.is_relative_to(root)):
        return file
    if target is not None and target.is_relative_to(root):
        return target  # an absolute path that reaches root through a symlinked folder
    return None


def _read_rows(manifest: Path) -> list[tuple[int, dict[str, object]]]:
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read manifest {manifest}: {exc}") from exc
    if manifest.suffix.lower() == ".csv":
        reader = csv.DictReader(text.splitlines())
        if not reader.fieldnames or "path" not in reader.fieldnames:
            raise SourceError(f"{manifest} has no 'path' column (found: {reader.fieldnames}); add a header row")
        return [(i + 2, dict(row)) for i, row in enumerate(reader)]
    return list(_jsonl_rows(manifest, text))


def _jsonl_rows(manifest: Path, text: str) -> Iterator[tuple[int, dict[str, object]]]:
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{manifest}:{i}: not valid JSON ({exc.msg}); one object per line") from exc
        if not isinstance(row, dict):
            raise SourceError(f"{manifest}:{i}: expected a JSON object with a 'path' key")
        yield i, row


def parse_shard(spec: str | None) -> tuple[int, int] | None:
    """'I/N' with 0 <= I < N."""
    if not spec:
        return None
    try:
        i, n = (int(x) for x in spec.split("/"))
    except ValueError as exc:
        raise ConfigError(f"--shard must look like I/N (e.g. 0/3), got {spec!r}") from exc
    if n < 1 or not 0 <= i < n:
        raise ConfigError(f"--shard {spec}: need 0 <= I < N")
    return i, n


def shard_key(file: Path) -> int:
    """Identical files always land in the same shard (so no two machines insert the same id):
    the key depends only on the content's size and first 64 KiB, never on the path."""
    try:
        size = file.stat().st_size
        with file.open("rb") as fh:
            head = fh.read(1 << 16)
    except OSError:
        return 0  # unreadable: shard 0 reports it as skipped, exactly once
    return int.from_bytes(hashlib.blake2b(size.to_bytes(8, "little") + head, digest_size=8).digest(), "little")


def in_shard(items: list[SourceItem], shard: tuple[int, int] | None) -> list[SourceItem]:
    if shard is None or shard[1] == 1:
        return items
    i, n = shard
    return [item for item in items if shard_key(item.file) % n == i]
