"""The Ray engine (`index --engine ray`): the local engine's run on Ray Data, for collections that outgrow a machine.

    listing parts (folders, manifest blocks) ─ list (tasks) ─ triage + prepare (tasks) ─ CLIP (actor pool,
    one GPU each, fp16) ─ write (actor pool, server only) ─ driver

Triage looks up each batch's stored rows by path (unchanged files are never read) and the prepared files' ids
(stored content is never embedded); preparation is indexer.prepare's, the local engine's own. Rows are written
by the workers when the store is a server (a replace by content id, so a retried task writes nothing twice), by
the driver when it is a Lite dir (one writer process). The driver takes the results in listing order and makes
the same decisions as the local engine (indexer.reconcile): moves, copies, stale rows, the report; it is the one
writer of the collection summary (workers return the delta of what they wrote).

Ray is imported here only, and only when this engine runs: the local engine needs none of it.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import asdict, replace
from typing import Any

import numpy as np

from indexer.engine_rows import TRANSIENT, Row, from_rows, list_rows, prepared_rows, to_rows
from indexer.errors import EngineUnavailable, SearchBotError
from indexer.ingest import Listing, Part, Skipped
from indexer.photometa import PhotoMeta, with_places
from indexer.prepare import Prepared, prepare, record
from indexer.reconcile import Chunk, IndexReport, Reconciler, finish
from indexer.schema import ImageRecord
from indexer.store import ImageStore
from indexer.thumbs import Thumbnails

INSTALL_HINT = "pip install -e '.[ray]'"
RECENT = 100_000  # rows written by workers that the driver remembers, to settle copies written concurrently


def import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401 - the [data] extra
    except ImportError as exc:
        raise EngineUnavailable(f"--engine ray needs Ray Data, which is not installed: {INSTALL_HINT}") from exc
    return ray


class RayIndexer:
    """One run of SOURCE into `store` on Ray; the same results as indexer.pipeline.Indexer."""

    def __init__(self, store: ImageStore, embeddings: Any, *, batch_size: int = 64, address: str | None = None,
                 thumbs: Thumbnails | None = None, actors: int | None = None,
                 progress: Any = None, ocr: bool = False) -> None:  # fmt: skip
        self.ray = import_ray()
        self.store, self.embeddings, self.batch_size, self.thumbs = store, embeddings, batch_size, thumbs
        self.address, self.actors, self.ocr = address, actors, ocr  # ocr: the tasks read each picture's text
        self.progress = progress or (lambda n: None)
        self.worker_writes = store.endpoint == store.uri  # a server: every worker reaches it; Lite: the driver
        self.recent: OrderedDict[str, ImageRecord] = OrderedDict()

    def run(self, listing: Listing, *, prune: bool = False) -> IndexReport:
        import time

        started = time.perf_counter()
        self._connect()
        report = IndexReport()
        rec = Reconciler(self.store, listing.root, report, self.thumbs, reads_text=self.ocr)
        listed: list[Skipped] = []
        not_images = 0
        for rows in self._results(listing):
            not_images += self._consume(rec, rows, listed)
        if prune:
            rec.prune()
        finish(report, listed, not_images)
        self.store.set_root(str(listing.root))
        self.store.finalize()
        report.seconds = time.perf_counter() - started
        return report

    def _connect(self) -> None:
        if not self.ray.is_initialized():  # a test or a notebook may have started Ray already: use that one
            self.ray.init(address=self.address, ignore_reinit_error=True, log_to_driver=False,
                          include_dashboard=False)  # fmt: skip
        ctx = self.ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # the driver decides in listing order, as the local engine
        ctx.execution_options.verbose_progress = False
        ctx.retried_map_errors, ctx.max_map_retries = [TRANSIENT], 3  # a store hiccup, not a bad file or a bug
        ctx.enable_progress_bars = False

    def _parts(self, listing: Listing) -> list[dict[str, Any]]:
        """The parts with the folder-level skips the walk met before each (kept in the local engine's order)."""
        parts: list[dict[str, Any]] = []
        seen = 0
        for part in listing.parts():
            parts.append({"part": json.dumps([asdict(part), _skips(listing.skipped[seen:])])})
            seen = len(listing.skipped)
        if listing.skipped[seen:]:
            parts.append({"part": json.dumps([asdict(Part("\0none")), _skips(listing.skipped[seen:])])})
        return parts

    def _results(self, listing: Listing) -> Iterator[list[Row]]:
        data = self.ray.data
        spec = listing.spec
        ds = data.from_items(self._parts(listing))
        ds = ds.map_batches(list_rows, batch_size=1, fn_kwargs={"spec": spec}, batch_format="numpy")
        triage = {"uri": self.store.endpoint, "token": self.store._token, "name": self.store.name,
                  "pre": self.embeddings.pil_preprocess(),
                  "thumbs": str(self.thumbs.folder) if self.thumbs else "",
                  "fields": self.store._row_fields(), "ocr": self.ocr}  # fmt: skip
        # decode tasks take half a CPU: two of them beside one CPU actor keep a 2-core machine busy, and the
        # differing request keeps Ray from fusing them into the actor (which would decode and embed in turn)
        ds = ds.map_batches(prepared_rows, batch_size=self.batch_size, fn_kwargs=triage, batch_format="numpy",
                            num_cpus=0.5)
        name, pretrained = _weights(self.embeddings)
        gpus = _gpus(self.ray)
        ds = ds.map_batches(EmbedActor, batch_size=self.batch_size, batch_format="numpy",
                            compute=data.ActorPoolStrategy(size=self.actors or max(1, gpus)),
                            num_gpus=1 if gpus else 0, num_cpus=0 if gpus else 1,
                            fn_constructor_kwargs={"name": name, "pretrained": pretrained,
                                                   "device": "cuda" if gpus else "cpu"})  # fmt: skip
        if self.worker_writes:
            ds = ds.map_batches(WriteActor, batch_size=self.batch_size, batch_format="numpy", num_cpus=0,
                                compute=data.ActorPoolStrategy(size=max(1, gpus)),
                                fn_constructor_kwargs={"uri": self.store.uri, "token": self.store._token,
                                                       "name": self.store.name})  # fmt: skip
        try:
            for batch in ds.iter_batches(batch_size=1000, batch_format="numpy", prefetch_batches=2):
                yield from_rows(batch)
        except Exception as exc:
            raise _library_error(exc) or exc from exc

    def _consume(self, rec: Reconciler, rows: list[Row], listed: list[Skipped]) -> int:
        """One batch of results, in listing order: the local engine's decisions on the workers' findings."""
        not_images = sum(r.meta.get("others", 0) for r in rows if r.kind == "other")
        listed += [Skipped(r.rel, r.meta["reason"]) for r in rows if r.kind == "skip"]
        items = [r for r in rows if r.kind == "item"]
        rec.report.total += len(items)
        chunk = Chunk({})
        for r in items:
            for rid, size, mtime in r.meta.get("stored", []):
                chunk.at_path.setdefault(r.rel, []).append(ImageRecord(rid, r.rel, bytes=size, mtime=mtime))
        rec.unchanged(chunk, {r.rel: r.meta["id"] for r in items if r.meta["state"] == "same"})
        written = [r for r in items if r.meta.get("written")]
        self._settle_written(rec, chunk, written)
        rest = [r for r in items if r.meta["state"] != "same" and not r.meta.get("written")]
        new = rec.classify(chunk, [r.prepared() for r in rest])
        self._write_new(rec, new, {r.rel: r.vector for r in rest})
        rec.close_chunk(chunk)
        self.progress(len(items))
        return not_images

    def _settle_written(self, rec: Reconciler, chunk: Chunk, written: list[Row]) -> None:
        """Rows a worker wrote: new, unless a worker wrote the same content under an earlier path concurrently
        (then the earlier path keeps it, as in the local engine)."""
        copies: list[ImageRecord] = []
        rec.report.count_ocr([r.prepared() for r in written])
        for r in written:
            prep = r.prepared()
            chunk.current[r.rel] = prep.id
            removed = [PhotoMeta(**p) for p in r.meta.get("removed", [])]
            self.store.account(removed, [PhotoMeta(**r.meta["placed"])])
            first = self.recent.get(prep.id)
            if first is not None and first.path != r.rel:
                rec.report.unchanged += 1
                copies.append(first)
                continue
            rec.report.indexed += 1
            self.recent[prep.id] = record(prep)
            if len(self.recent) > RECENT:
                self.recent.popitem(last=False)
        rec.repoint(copies)

    def _write_new(self, rec: Reconciler, new: list[Prepared], vectors: dict[str, np.ndarray | None]) -> None:
        """New content the driver writes (a Lite store), embedded by the actors; content a triage took for stored
        that was gone by now is embedded here."""
        if not new:
            return
        missing = [p for p in new if vectors.get(p.item.rel) is None]
        if missing:
            redo = [prepare(p.item, self.embeddings, self.embeddings.image_size, None) for p in missing]
            fresh = self.embeddings.embed_pixels(np.stack([p.pixels for p in redo]))
            vectors |= {p.item.rel: v for p, v in zip(missing, fresh, strict=True)}
        places = with_places([p.photo for p in new])
        self.store.add([record(replace(p, photo=ph)) for p, ph in zip(new, places, strict=True)],
                       np.stack([vectors[p.item.rel] for p in new]).astype(np.float32))  # fmt: skip
        rec.report.indexed += len(new)


class EmbedActor:
    """CLIP on one device: the model loads once per actor; fp16 on a GPU (ClipEmbeddings picks it)."""

    def __init__(self, name: str, pretrained: str | None, device: str) -> None:
        import os

        from indexer.embedding import ClipEmbeddings, set_threads

        self.model = ClipEmbeddings(name, pretrained, device=device)
        if device == "cpu":  # Ray gives an actor one thread per CPU it asked for; the forward may use the machine
            set_threads(os.cpu_count() or 1)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        rows = from_rows(batch)
        todo = [r for r in rows if r.pixels is not None]
        if todo:
            vectors = self.model.embed_pixels(np.stack([r.pixels for r in todo]))
            for r, v in zip(todo, vectors, strict=True):
                r.vector, r.pixels = v.astype(np.float32), None
        return to_rows(rows)


class WriteActor:
    """Worker-side writes to a Milvus server, batched; returns what each write replaced, for the summary."""

    def __init__(self, uri: str, token: str, name: str) -> None:
        from indexer.engine_rows import NoText

        self.store = ImageStore(uri, name, None, token=token, embeddings=NoText(), create=False)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        rows = from_rows(batch)
        todo = [r for r in rows if r.vector is not None]
        if todo:
            preps = [r.prepared() for r in todo]
            places = with_places([p.photo for p in preps])
            records = [record(replace(p, photo=ph)) for p, ph in zip(preps, places, strict=True)]
            removed = [asdict(m) for m in self.store.add_uncounted(records, np.stack([r.vector for r in todo]))]
            for i, (r, ph) in enumerate(zip(todo, places, strict=True)):
                # the batch's replaced rows ride on its first row: the driver only sums them
                r.meta |= {"written": True, "placed": asdict(ph), "removed": removed if i == 0 else []}
                r.vector = None
        return to_rows(rows)


def _library_error(exc: BaseException) -> SearchBotError | None:
    """The library's own error inside Ray's wrappers (a store that went down under a task), so the CLI prints its
    one line instead of a traceback."""
    seen: BaseException | None = exc
    for _ in range(16):
        if seen is None or isinstance(seen, SearchBotError):
            return seen
        seen = getattr(seen, "cause", None) or seen.__cause__
    return None


def _skips(skipped: list[Skipped]) -> list[list[str]]:
    return [[s.path, s.reason] for s in skipped]


def _weights(embeddings: Any) -> tuple[str, str | None]:
    from indexer.embedding import recorded_weights

    return recorded_weights(embeddings.identity)


def _gpus(ray: Any) -> int:
    return int(ray.cluster_resources().get("GPU", 0))
