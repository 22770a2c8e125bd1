"""The indexing run: read + hash + decode + preprocess in worker threads, embed in batches on the main
thread, insert through a writer thread, so file I/O and Milvus writes hide behind the model forward.

The decode threads also write each new image's grid and strip thumbnails (indexer.thumbs) from the pixels
decoded for the model, so the page never decodes an original to show a result.

Idempotent by construction: ids are content hashes, a file whose size and mtime match its stored row is
not even read, content already stored is never embedded again, and stale rows are deleted only after their
replacements are in. Killed at any moment, a re-run converges to one row per distinct valid image.
"""

from __future__ import annotations

import contextlib
import hashlib
import queue
import stat
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Protocol

import numpy as np

from indexer.errors import UnreadableImage
from indexer.imageio import DecodedImage, decode_image, difference_hash, os_reason
from indexer.ingest import Skipped, Source, SourceItem
from indexer.ocr import OCR_SIDE, OcrResult, TextReader, read_text
from indexer.photometa import PhotoMeta, read_meta, with_places
from indexer.store import ImageRecord, ImageStore
from indexer.thumbs import Thumbnails, from_decoded


class ImageEncoder(Protocol):
    image_size: int  # the model's input side

    def preprocess(self, image: object) -> np.ndarray: ...
    def embed_pixels(self, batch: np.ndarray) -> np.ndarray: ...


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


@dataclass(frozen=True)
class _Prepared:
    item: SourceItem
    id: str
    size: int
    mtime: float
    width: int = 0
    height: int = 0
    pixels: np.ndarray | None = None
    reason: str | None = None
    phash: str = ""
    photo: PhotoMeta = field(default_factory=PhotoMeta)
    ocr: OcrResult = field(default_factory=OcrResult)


def content_id(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class Indexer:
    """Runs one pass of SOURCE into a store with an encoder; both injected."""

    def __init__(
        self,
        store: ImageStore,
        encoder: ImageEncoder,
        *,
        batch_size: int = 64,
        workers: int = 2,
        draft_size: int | None = None,
        progress: Callable[[int], object] | None = None,
        thumbs: Thumbnails | None = None,
        reader: TextReader | None = None,
    ) -> None:
        self.store = store
        self.encoder = encoder
        self.batch_size = batch_size
        self.workers = workers
        # JPEGs decode at the smallest DCT scale (1/2, 1/4, 1/8) that still covers the model's input side:
        # a 640x480 photo for a 224-px model decodes at 320x240, about a quarter of the IDCT work.
        self.draft_size = draft_size or encoder.image_size
        self.reader = reader  # None: no OCR; else each new image's text is read from the same decode
        if reader is not None:
            self.draft_size = max(self.draft_size, OCR_SIDE)  # text needs more pixels than the model does
        self.progress = progress or (lambda n: None)
        self.thumbs = thumbs  # None: no thumbnails at index time (the page makes them on first view)

    def run(self, source: Source, items: list[SourceItem], *, prune: bool = False) -> IndexReport:
        started = time.perf_counter()
        report = IndexReport(total=len(items), skipped_files=list(source.skipped), not_images=source.not_images)
        stored = list(self.store.existing())
        by_id = {rec.id: rec for rec in stored}
        by_path: dict[str, list[ImageRecord]] = {}
        for rec in stored:
            by_path.setdefault(rec.path, []).append(rec)
        claimed: dict[str, str] = {}  # id -> path that keeps it this run
        todo: list[SourceItem] = []
        for item in items:
            rec = _unchanged(item, by_path.get(item.rel, []))
            if rec is None or (self.reader is not None and not rec.ocr.engine):  # unread: read, not re-embed
                todo.append(item)
            else:
                claimed.setdefault(rec.id, item.rel)
                report.unchanged += 1
                self.progress(1)
        everywhere = {i.rel for i in source.items}
        self._embed_all(todo, by_id, claimed, everywhere, report)
        report.removed = self._remove_stale(stored, claimed, {i.rel for i in items}, everywhere, prune)
        report.skipped = len(report.skipped_files)
        self.store.set_root(str(source.root))
        self.store.finalize()
        report.seconds = time.perf_counter() - started
        return report

    def _embed_all(
        self,
        todo: list[SourceItem],
        by_id: dict[str, ImageRecord],
        claimed: dict[str, str],
        everywhere: set[str],
        report: IndexReport,
    ) -> None:
        writer = _Writer(self.store)
        moved: list[ImageRecord] = []
        batch: list[_Prepared] = []
        for prep in self._prepared(todo):
            self.progress(1)
            report.ocr_images += bool(prep.ocr.engine)
            report.ocr_seconds += prep.ocr.seconds
            report.ocr_cpu_seconds += prep.ocr.cpu_seconds
            if prep.reason is not None:
                report.skipped_files.append(Skipped(prep.item.rel, prep.reason))
            elif prep.id in claimed or prep.id in by_id:
                report.unchanged += 1
                if prep.id not in claimed and by_id[prep.id].path not in everywhere:
                    moved.append(_record(prep))  # same content under a new path: repoint, don't re-embed
                elif prep.ocr.engine and by_id[prep.id].path == prep.item.rel and not by_id[prep.id].ocr.engine:
                    moved.append(_record(prep))  # --ocr on a stored image: its text added, its vector kept
                claimed.setdefault(prep.id, prep.item.rel)
            else:
                claimed[prep.id] = prep.item.rel
                batch.append(prep)
                if len(batch) >= self.batch_size:
                    report.indexed += self._flush(batch, writer)
        report.indexed += self._flush(batch, writer)
        writer.close()
        self._repoint(moved)

    def _flush(self, batch: list[_Prepared], writer: _Writer) -> int:
        if not batch:
            return 0
        vectors = self.encoder.embed_pixels(np.stack([p.pixels for p in batch]))  # type: ignore[misc]
        places = with_places([p.photo for p in batch])
        writer.put([_record(replace(p, photo=photo)) for p, photo in zip(batch, places, strict=True)], vectors)
        n = len(batch)
        batch.clear()
        return n

    def _prepared(self, todo: list[SourceItem]) -> Iterator[_Prepared]:
        """Results in input order, with a bounded window of decodes in flight (memory stays flat)."""
        window = max(2 * self.batch_size, 4 * self.workers)
        with ThreadPoolExecutor(self.workers, thread_name_prefix="decode") as pool:
            pending: deque[Future[_Prepared]] = deque()
            for item in todo:
                pending.append(pool.submit(self._prepare, item))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    def _prepare(self, item: SourceItem) -> _Prepared:
        try:
            st = item.file.stat()
            if not stat.S_ISREG(st.st_mode):  # reading a FIFO or device would block or never end
                kind = "is a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file"
                return _Prepared(item, "", 0, 0.0, reason=kind)
            data = item.file.read_bytes()
        except OSError as exc:
            return _Prepared(item, "", 0, 0.0, reason=os_reason(str(item.file), exc))
        cid = content_id(data)
        try:
            decoded = decode_image(data, draft_size=self.draft_size, name=item.rel)
            pixels = self.encoder.preprocess(decoded.image)
        except UnreadableImage as exc:
            return _Prepared(item, cid, st.st_size, st.st_mtime, reason=exc.reason)
        phash = difference_hash(decoded.image)
        self._thumbnails(cid, decoded, data, item.rel)
        photo = read_meta(decoded.exif, st.st_mtime)
        text = read_text(self.reader, decoded.image) if self.reader is not None else OcrResult()
        return _Prepared(item, cid, st.st_size, st.st_mtime, decoded.width, decoded.height, pixels, phash=phash,
                         photo=photo, ocr=text)

    def _thumbnails(self, cid: str, decoded: DecodedImage, data: bytes, name: str) -> None:
        """Grid and strip from this decode, unless this content has them (a moved file, a copy)."""
        if self.thumbs is None or self.thumbs.has(cid):
            return
        # the row is what matters: without thumbnails the page makes them from the original
        with contextlib.suppress(UnreadableImage, OSError):
            self.thumbs.put(cid, from_decoded(decoded, data, name))

    def _repoint(self, moved: list[ImageRecord]) -> None:
        if not moved:
            return
        vectors = self.store.get([m.id for m in moved], with_vectors=True)
        keep = [m for m in moved if m.id in vectors]
        keep = [replace(m, photo=p) for m, p in zip(keep, with_places([m.photo for m in keep]), strict=True)]
        self.store.delete([m.id for m in keep])
        self.store.add(keep, np.array([vectors[m.id]["vector"] for m in keep], dtype=np.float32))

    def _remove_stale(
        self, stored: list[ImageRecord], claimed: dict[str, str], here: set[str], everywhere: set[str], prune: bool
    ) -> int:
        """Rows whose path is ours but whose content changed; with prune, rows whose file is gone too."""
        stale = [
            r.id for r in stored if r.id not in claimed and (r.path in here or (prune and r.path not in everywhere))
        ]
        self.store.delete(stale)
        if self.thumbs is not None:
            self.thumbs.remove(stale)  # after the rows: a kill in between leaves files, never a row without them
        return len(stale)


def _unchanged(item: SourceItem, recs: list[ImageRecord]) -> ImageRecord | None:
    try:
        st = item.file.stat()
    except OSError:
        return None
    for rec in recs:
        if rec.bytes == st.st_size and abs(rec.mtime - st.st_mtime) < 1e-6:
            return rec
    return None


def _record(p: _Prepared) -> ImageRecord:
    return ImageRecord(
        p.id, p.item.rel, p.item.caption, p.width, p.height, p.size, p.mtime, dict(p.item.attrs), p.phash, p.photo,
        p.ocr,
    )


class _Writer:
    """One background thread doing Milvus inserts so the next forward pass is not kept waiting."""

    def __init__(self, store: ImageStore) -> None:
        self._store = store
        self._queue: queue.Queue[tuple[list[ImageRecord], np.ndarray] | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._loop, name="milvus-writer", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while (job := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._store.add(*job)
                except BaseException as exc:  # noqa: BLE001 - re-raised on the main thread
                    self._error = exc

    def put(self, records: list[ImageRecord], vectors: np.ndarray) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put((records, vectors))

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
