"""The local engine: read + hash + decode + preprocess in worker threads, embed in batches on the main thread,
insert through a writer thread, so file I/O and Milvus writes hide behind the model forward.

The listing is a stream, taken a chunk at a time: each chunk's stored rows are looked up by path, so a run never
holds the collection or the listing in memory (the decisions are indexer.reconcile's, shared with the Ray engine
in indexer.engine_ray; the per-file step is indexer.prepare's, shared too).

Idempotent by construction: ids are content hashes, a file whose size and mtime match its stored row is
not even read, content already stored is never embedded again, and stale rows are deleted only after their
replacements are in. Killed at any moment, a re-run converges to one row per distinct valid image.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Protocol

import numpy as np

from indexer.ingest import Listing, Source, SourceItem
from indexer.lookup import LOOKUP_BATCH
from indexer.ocr import OCR_SIDE, TextReader
from indexer.photometa import with_places
from indexer.prepare import Prepared, content_id, prepare, record
from indexer.reconcile import Chunk, IndexReport, Reconciler, finish
from indexer.store import ImageRecord, ImageStore
from indexer.thumbs import Thumbnails

__all__ = ["ImageEncoder", "IndexReport", "Indexer", "content_id"]

CHUNK = LOOKUP_BATCH  # listed files per path lookup


class ImageEncoder(Protocol):
    image_size: int  # the model's input side

    def preprocess(self, image: object) -> np.ndarray: ...
    def embed_pixels(self, batch: np.ndarray) -> np.ndarray: ...


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
        self.progress = progress or (lambda n: None)
        self.thumbs = thumbs  # None: no thumbnails at index time (the page makes them on first view)
        self.reader = reader  # None: no OCR; else each image's text is read from the same decode
        if reader is not None:
            self.draft_size = max(self.draft_size, OCR_SIDE)  # text needs more pixels than the model does

    def run(self, source: Listing | Source, items: Iterable[SourceItem] | None = None, *,
            prune: bool = False) -> IndexReport:  # fmt: skip
        """Index `items` (default: the whole listing, streamed); with prune, drop rows whose file is gone."""
        started = time.perf_counter()
        report = IndexReport()
        writer = _Writer(self.store)
        rec = Reconciler(self.store, Path(source.root), report, self.thumbs, writer.pending,
                         self.reader is not None)
        if items is None:
            items = source.items if isinstance(source, Source) else source
        try:
            self._stream(rec, iter(items), writer)
        finally:
            writer.close()
        if prune:
            rec.prune()
        finish(report, source.skipped, source.not_images)
        self.store.set_root(str(source.root))
        self.store.finalize()
        report.seconds = time.perf_counter() - started
        return report

    def _stream(self, rec: Reconciler, listed: Iterator[SourceItem], writer: _Writer) -> None:
        batch: list[Prepared] = []
        for chunk, prep in self._prepared(self._planned(rec, listed)):
            if prep is not None:
                self.progress(1)
                batch.append(prep)
                if len(batch) < self.batch_size:
                    continue
            rec.report.indexed += self._flush(rec.classify(chunk, batch), writer)
            batch = []
            if prep is None:  # the chunk is complete: its stale rows go once their replacements are in
                rec.close_chunk(chunk, settle=writer.drain)

    def _planned(self, rec: Reconciler, listed: Iterator[SourceItem]) -> Iterator[tuple[Chunk, SourceItem | None]]:
        """Each chunk's files to prepare (unchanged ones are settled by path here), then (chunk, None)."""
        while items := list(islice(listed, CHUNK)):
            rec.report.total += len(items)
            chunk, todo = rec.open_chunk(items)
            self.progress(len(items) - len(todo))
            for item in todo:
                yield chunk, item
            yield chunk, None

    def _flush(self, batch: list[Prepared], writer: _Writer) -> int:
        if not batch:
            return 0
        vectors = self.encoder.embed_pixels(np.stack([p.pixels for p in batch]))  # type: ignore[misc]
        places = with_places([p.photo for p in batch])
        writer.put([record(replace(p, photo=photo)) for p, photo in zip(batch, places, strict=True)], vectors)
        return len(batch)

    def _prepared(self, todo: Iterator[tuple[Chunk, SourceItem | None]]) -> Iterator[tuple[Chunk, Prepared | None]]:
        """Results in input order, with a bounded window of decodes in flight (memory stays flat)."""
        window = max(2 * self.batch_size, 4 * self.workers)
        with ThreadPoolExecutor(self.workers, thread_name_prefix="decode") as pool:
            pending: deque[tuple[Chunk, Future[Prepared] | None]] = deque()
            for chunk, item in todo:
                pending.append((chunk, None if item is None else pool.submit(self._prepare, item)))
                if len(pending) >= window:
                    yield _done(pending.popleft())
            while pending:
                yield _done(pending.popleft())

    def _prepare(self, item: SourceItem) -> Prepared:
        return prepare(item, self.encoder, self.draft_size, self.thumbs, self.reader)


def _done(entry: tuple[Chunk, Future[Prepared] | None]) -> tuple[Chunk, Prepared | None]:
    chunk, future = entry
    return chunk, None if future is None else future.result()


class _Writer:
    """One background thread doing Milvus inserts so the next forward pass is not kept waiting. The ids it holds
    but has not written yet are `pending()`: a lookup misses them, so the run asks here too."""

    def __init__(self, store: ImageStore) -> None:
        self._store = store
        self._queue: queue.Queue[tuple[list[ImageRecord], np.ndarray] | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._pending: dict[str, str] = {}
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._loop, name="milvus-writer", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while (job := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._store.add(*job)
                except BaseException as exc:  # noqa: BLE001 - re-raised on the main thread
                    self._error = exc
            with self._lock:
                for r in job[0]:
                    self._pending.pop(r.id, None)
            self._queue.task_done()
        self._queue.task_done()

    def pending(self) -> dict[str, str]:
        with self._lock:
            return dict(self._pending)

    def put(self, records: list[ImageRecord], vectors: np.ndarray) -> None:
        if self._error is not None:
            raise self._error
        with self._lock:
            self._pending.update({r.id: r.path for r in records})
        self._queue.put((records, vectors))

    def drain(self) -> None:
        """Until every queued write is in."""
        self._queue.join()
        if self._error is not None:
            raise self._error

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
