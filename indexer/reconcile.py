"""What a run does with each listed file, decided one chunk of the listing at a time; shared by both engines.

A chunk's stored rows are looked up by path (`path in [...]`): a file whose size and mtime match a row there is
unchanged and never read. The rest are prepared (read, hashed, decoded) and their ids looked up: content stored
under a path that is gone is repointed (moved), content stored under a path that still exists is a copy (the row
keeps its path), anything else is new. Rows at the chunk's paths that no longer match the file there are stale
and go, unless their content turned up under another path this run (then they are repointed there).

State kept across chunks is bounded by the run's copies (`elsewhere`), never by the collection or the listing;
`--prune` streams every stored (id, path) and checks each path against the file system.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from indexer.ingest import Skipped, SourceItem
from indexer.photometa import with_places
from indexer.prepare import Prepared, record
from indexer.store import ImageRecord, ImageStore
from indexer.thumbs import Thumbnails


@dataclass
class IndexReport:
    indexed: int = 0
    unchanged: int = 0
    skipped: int = 0
    removed: int = 0
    total: int = 0
    seconds: float = 0.0
    skipped_files: list[Skipped] = field(default_factory=list)
    not_images: int = 0  # files in the folder that are plainly not images (counted, not listed)
    ocr_images: int = 0  # images whose text was read this run (--ocr), and the seconds that took in all
    ocr_seconds: float = 0.0
    ocr_cpu_seconds: float = 0.0  # the CPU time of those reads: the cost per core, true on a busy machine too

    def as_dict(self) -> dict[str, object]:
        return {
            "indexed": self.indexed,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "removed": self.removed,
            "total": self.total,
            "not_images": self.not_images,
            "seconds": round(self.seconds, 2),
            "skipped_files": [{"path": s.path, "reason": s.reason} for s in self.skipped_files],
            "ocr_images": self.ocr_images,
            "ocr_seconds": round(self.ocr_seconds, 2),
            "ocr_cpu_seconds": round(self.ocr_cpu_seconds, 2),
        }

    def count_ocr(self, preps: Sequence[Prepared]) -> None:
        for prep in preps:
            self.ocr_images += bool(prep.ocr.engine)
            self.ocr_seconds += prep.ocr.seconds
            self.ocr_cpu_seconds += prep.ocr.cpu_seconds


@dataclass
class Chunk:
    """One chunk of the listing: the rows stored at its paths, and which content each path holds now."""

    at_path: dict[str, list[ImageRecord]]
    current: dict[str, str | None] = field(default_factory=dict)  # path -> id it holds (None: unreadable)


def split_unchanged(items: Sequence[SourceItem], at_path: dict[str, list[ImageRecord]], reads_text: bool = False
                    ) -> tuple[dict[str, str], list[SourceItem]]:  # fmt: skip
    """path -> stored id for files whose size and mtime match a row at their path; the others, to prepare
    (with `reads_text`, a row whose text was never read is prepared too: read, not re-embedded)."""
    same: dict[str, str] = {}
    todo: list[SourceItem] = []
    for item in items:
        rec = _unchanged(item, at_path.get(item.rel, []))
        if rec is None or (reads_text and not rec.ocr.engine):
            todo.append(item)
        else:
            same[item.rel] = rec.id
    return same, todo


def _unchanged(item: SourceItem, recs: list[ImageRecord]) -> ImageRecord | None:
    if not recs:
        return None
    try:
        st = item.file.stat()
    except OSError:
        return None
    return next((r for r in recs if r.bytes == st.st_size and abs(r.mtime - st.st_mtime) < 1e-6), None)


class Reconciler:
    """The run's decisions and its non-embedding writes (repoints, deletions), in listing order."""

    def __init__(self, store: ImageStore, root: Path, report: IndexReport, thumbs: Thumbnails | None,
                 pending: Callable[[], dict[str, str]] = dict, reads_text: bool = False) -> None:  # fmt: skip
        self.store, self.root, self.report, self.thumbs = store, root, report, thumbs
        self.reads_text = reads_text  # --ocr: stored rows without text are read (and rewritten, not re-embedded)
        self.pending = pending  # ids queued for writing but maybe not written yet -> their path
        self.elsewhere: dict[str, ImageRecord] = {}  # copies whose row is under another, existing path

    def present(self, rel: str) -> bool:
        return os.path.isfile(self.root / rel)

    def open_chunk(self, items: Sequence[SourceItem]) -> tuple[Chunk, list[SourceItem]]:
        chunk = Chunk(self.store.rows_at([i.rel for i in items]))
        same, todo = split_unchanged(items, chunk.at_path, self.reads_text)
        self.unchanged(chunk, same)
        return chunk, todo

    def unchanged(self, chunk: Chunk, same: dict[str, str]) -> None:
        chunk.current.update(same)
        self.report.unchanged += len(same)

    def classify(self, chunk: Chunk, preps: Sequence[Prepared]) -> list[Prepared]:
        """The new ones (to embed), in order; everything else is settled here."""
        queued = dict(self.pending())  # snapshot before the lookup: a write finishing in between is seen by it
        stored = self.store.paths_of([p.id for p in preps if p.reason is None])
        stored.update(queued)
        new: list[Prepared] = []
        moved: list[ImageRecord] = []
        self.report.count_ocr(preps)
        for prep in preps:
            rel = prep.item.rel
            chunk.current[rel] = None if prep.reason else prep.id
            if prep.reason is not None:
                self.report.skipped_files.append(Skipped(rel, prep.reason))
            elif prep.id in stored:
                self.report.unchanged += 1
                moved += self._known(prep, stored)
            else:
                stored[prep.id] = rel  # a copy later in this chunk is a copy of this one
                new.append(prep)
        self.repoint(moved)
        return new

    def _known(self, prep: Prepared, stored: dict[str, str]) -> list[ImageRecord]:
        """Content already stored: moved here (its row's file is gone), or a copy (its row's file is there)."""
        where = stored[prep.id]
        if where == prep.item.rel:  # read again: its row gains the text now read (--ocr), with its vector kept
            return [record(prep)] if prep.ocr.engine else []
        if self.present(where):
            self.elsewhere.setdefault(prep.id, record(prep))
            return []
        stored[prep.id] = prep.item.rel
        return [record(prep)]

    def close_chunk(self, chunk: Chunk, settle: Callable[[], object] = lambda: None) -> None:
        """Rows at this chunk's paths that no longer hold the file there: repointed to a copy seen this run,
        else deleted, after `settle` (the writes that replace them are in first)."""
        stale = [r.id for rel, recs in chunk.at_path.items() for r in recs if r.id != chunk.current.get(rel)]
        if not stale:
            return
        settle()
        gone = [i for i in stale if i not in self.elsewhere]
        self.repoint([self.elsewhere.pop(i) for i in stale if i in self.elsewhere])
        self.delete(gone)

    def delete(self, ids: list[str]) -> None:
        self.store.delete(ids)
        if self.thumbs is not None:
            self.thumbs.remove(ids)  # after the rows: a kill in between leaves files, never a row without them
        self.report.removed += len(ids)

    def repoint(self, moved: list[ImageRecord], vectors: np.ndarray | None = None) -> None:
        """Same content under a new path: rewrite its row there, with its stored vector (nothing re-embedded)."""
        if not moved:
            return
        if vectors is None:
            held = self.store.get([m.id for m in moved], with_vectors=True)
            moved = [m for m in moved if m.id in held]
            vectors = np.array([held[m.id]["vector"] for m in moved], dtype=np.float32)
        places = with_places([m.photo for m in moved])
        self.store.add([replace(m, photo=p) for m, p in zip(moved, places, strict=True)], vectors)

    def prune(self) -> None:
        """Rows whose file is gone from the source, found by streaming every stored path (page by page)."""
        for page in self.store.scan(["id", "path"]):
            self.delete([row["id"] for row in page if not self.present(row["path"])])


def finish(report: IndexReport, skipped: Iterable[Skipped], not_images: int) -> None:
    """The listing's own skips come first, as the listing reported them."""
    report.skipped_files = [*skipped, *report.skipped_files]
    report.skipped = len(report.skipped_files)
    report.not_images = not_images
