"""SOURCE → the image files to index: a folder walk or a CSV/JSONL manifest, streamed in parts.

No decoding happens here; this only decides *which* files there are and what metadata comes with them.
"""

from __future__ import annotations

import csv
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from indexer.errors import SourceError
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
    """A folder (walked recursively, symlink loops broken) or a .csv/.jsonl manifest, listed whole (for
    `eval` and tests; the indexer streams the same listing through `Listing`)."""
    listing = Listing(source)
    items = list(listing)
    return Source(listing.root, items, listing.skipped, listing.not_images)


@dataclass(frozen=True)
class Part:
    """One block of a listing: a folder's own files (not its subfolders), or lines [start, end) by byte offset
    of a manifest, whose first line is number `line`. Plain data, so a Ray task can list it anywhere."""

    where: str  # the folder, relative to the root ("" for the root itself); "" for a manifest
    start: int = 0
    end: int = 0
    line: int = 0


@dataclass(frozen=True)
class ListingSpec:
    """What a worker needs to list one Part: the root, and for a manifest its path and CSV header."""

    root: Path
    manifest: Path | None = None
    header: tuple[str, ...] = ()


@dataclass
class Listed:
    items: list[SourceItem] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    not_images: int = 0


class Listing:
    """SOURCE as a stream: parts (folders, manifest blocks) listed one at a time, so the listing of 100 M files
    never sits in memory. `skipped` and `not_images` fill in as the items are read."""

    def __init__(self, source: Path) -> None:
        source = source.expanduser()
        if not source.exists():
            raise SourceError(f"source not found: {source} (give a folder of images or a .csv/.jsonl manifest)")
        if source.is_dir():
            self.spec = ListingSpec(source.resolve())
        elif source.suffix.lower() in MANIFEST_SUFFIXES:
            manifest = source.resolve()
            self.spec = ListingSpec(manifest.parent, manifest, _csv_header(manifest))
        else:
            raise SourceError(f"{source} is neither a folder nor a .csv/.jsonl manifest")
        self.root = self.spec.root
        self.skipped: list[Skipped] = []
        self.not_images = 0

    def parts(self) -> Iterator[Part]:
        """Folder-level skips (symlink loops, links out) are recorded here, as the walk meets them."""
        if self.spec.manifest is None:
            yield from _folders(self.root, self.skipped)
        else:
            yield from _line_ranges(self.spec.manifest, bool(self.spec.header))

    def add(self, listed: Listed) -> list[SourceItem]:
        self.skipped.extend(listed.skipped)
        self.not_images += listed.not_images
        return listed.items

    def __iter__(self) -> Iterator[SourceItem]:
        for part in self.parts():
            yield from self.add(list_part(self.spec, part))


def list_part(spec: ListingSpec, part: Part) -> Listed:
    return _folder_files(spec.root, part.where) if spec.manifest is None else _manifest_rows(spec, part)


def _folders(root: Path, skipped: list[Skipped]) -> Iterator[Part]:
    """Every folder under `root` in walk order, symlinks followed only while they stay inside it."""
    seen_dirs: set[tuple[int, int]] = set()  # one entry per folder, not per file
    for dirpath, dirnames, _ in os.walk(root, followlinks=True, onerror=None):
        st = os.stat(dirpath)
        rel = Path(dirpath).relative_to(root).as_posix()
        if (st.st_dev, st.st_ino) in seen_dirs:  # a symlink back up the tree: walk each real dir once
            skipped.append(Skipped(rel, "symlink loop (folder already walked)"))
            dirnames.clear()
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        dirnames.sort()
        for name in list(dirnames):  # a linked folder elsewhere on the disk is not part of this collection
            if _leaves(root, Path(dirpath) / name):
                dirnames.remove(name)
                skipped.append(Skipped((Path(dirpath) / name).relative_to(root).as_posix(), LINK_OUT))
        yield Part("" if rel == "." else rel)


def _folder_files(root: Path, where: str) -> Listed:
    """The files (not subfolders) of one folder, sorted, as the walk would list them."""
    folder = root / where
    out = Listed()
    try:
        names = sorted(e.name for e in os.scandir(folder) if not _is_dir(e))
    except OSError:
        return out
    for name in names:
        file = folder / name
        rel = file.relative_to(root).as_posix()
        suffix = file.suffix.lower()
        if (reason := _not_a_file(root, file)) is not None:
            out.skipped.append(Skipped(rel, reason))
        elif suffix in UNSUPPORTED_IMAGES:
            out.skipped.append(Skipped(rel, f"unsupported format: {UNSUPPORTED_IMAGES[suffix]}"))
        elif suffix in IMAGE_EXTENSIONS or looks_like_image(str(file)):
            out.items.append(SourceItem(file=file, rel=rel))
        else:
            out.not_images += 1
    return out


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows links, as os.walk(followlinks=True) does
    except OSError:
        return False


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


def _manifest_rows(spec: ListingSpec, part: Part) -> Listed:
    manifest = spec.manifest
    assert manifest is not None
    out = Listed()
    for line_no, row in _rows(manifest, part, spec.header):
        raw = str(row.get("path") or "").strip()
        if not raw:
            out.skipped.append(Skipped(f"{manifest.name}:{line_no}", "row has no path"))
            continue
        file = _inside(spec.root, raw)
        if file is None:
            out.skipped.append(Skipped(raw, f"outside the manifest's folder {spec.root}"))
            continue
        attrs = {k: str(v) for k, v in row.items() if k not in RESERVED_COLUMNS and v not in (None, "")}
        out.items.append(SourceItem(file, file.relative_to(spec.root).as_posix(), str(row.get("caption") or ""), attrs))
    return out


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


PART_BYTES = 1 << 20  # a manifest block: about 1 MiB of lines (some 10k rows)


def _csv_header(manifest: Path) -> tuple[str, ...]:
    if manifest.suffix.lower() != ".csv":
        return ()
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as fh:
            fields = next(csv.reader(fh), None)
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read manifest {manifest}: {exc}") from exc
    if not fields or "path" not in fields:
        raise SourceError(f"{manifest} has no 'path' column (found: {fields}); add a header row")
    return tuple(fields)


def _line_ranges(manifest: Path, has_header: bool) -> Iterator[Part]:
    """Blocks of whole lines, found by one streamed pass (a quoted CSV field must not span lines)."""
    try:
        with manifest.open("rb") as fh:
            line = 1
            if has_header:
                fh.readline()
                line = 2
            start, count = fh.tell(), 0
            for _raw in iter(fh.readline, b""):
                count += 1
                if fh.tell() - start >= PART_BYTES:
                    yield Part("", start, fh.tell(), line)
                    start, line, count = fh.tell(), line + count, 0
            if count:
                yield Part("", start, fh.tell(), line)
    except OSError as exc:
        raise SourceError(f"cannot read manifest {manifest}: {exc}") from exc


def _rows(manifest: Path, part: Part, header: tuple[str, ...]) -> Iterator[tuple[int, dict[str, object]]]:
    try:
        with manifest.open("rb") as fh:
            fh.seek(part.start)
            text = fh.read(part.end - part.start).decode("utf-8-sig" if part.start == 0 else "utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read manifest {manifest}: {exc}") from exc
    lines = text.splitlines()
    if not header:
        yield from _jsonl_rows(manifest, lines, part.line)
        return
    for i, line in enumerate(lines, start=part.line):
        if line.strip():
            row = next(csv.DictReader([line], fieldnames=list(header)))
            yield i, {k: v for k, v in row.items() if k is not None}


def _jsonl_rows(manifest: Path, lines: list[str], first: int) -> Iterator[tuple[int, dict[str, object]]]:
    for i, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{manifest}:{i}: not valid JSON ({exc.msg}); one object per line") from exc
        if not isinstance(row, dict):
            raise SourceError(f"{manifest}:{i}: expected a JSON object with a 'path' key")
        yield i, row
