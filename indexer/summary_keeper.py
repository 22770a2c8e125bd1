"""Keeping the stored summary exact while the indexer writes.

Deltas come from what actually changed, not from what the indexer meant to do: before rows are replaced or
deleted, their stored photo metadata is read back by id, and only the rows found are taken away. So writing a
row that is already there (a re-run after a kill, a repointed file) adds it once and takes the old copy away
once, and deleting an id that is already gone changes nothing.

The deltas are merged into the stored summary every FLUSH_S seconds and when the run ends (a fresh read each
time, so two runs writing at once mostly add up rather than overwrite each other; when they do cross, the
row count no longer matches and the next reader computes it again). A run that dies between writing rows
and merging their delta leaves the same mismatch behind, healed the same way.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from indexer import summary_store as stores
from indexer.photometa import PhotoMeta
from indexer.summary import Summary

FLUSH_S = 5.0
T = TypeVar("T")


class SummaryKeeper:
    """One process's writes to one collection, as deltas to its summary. `call` runs a store operation with
    the store's error handling; `client()` is the store's current client (it may be rebuilt)."""

    def __init__(self, client: Callable[[], Any], name: str, model: str, count: Callable[[], int],
                 call: Callable[[str, Callable[[], Any]], Any]) -> None:
        self._client, self._name, self._model, self._count, self._call = client, name, model, count, call
        self.token = uuid.uuid4().hex
        self._pending = Summary()
        self._started = False
        self._last = 0.0
        self._lock = threading.RLock()

    def begin(self, *, bar: bool = False) -> None:
        """Make sure a summary is stored before this process's first write (computed once for a collection
        without one, with a progress bar when `bar`), and register this run as a live writer."""
        with self._lock:
            if self._started:
                return
            stores.opened(self.token)
            self._call("summary", lambda: self._register(bar))
            self._started, self._last = True, time.monotonic()

    def _register(self, bar: bool) -> None:
        client, me = self._client(), {self.token: stores.writer_entry(self.token)}
        stored, rows = stores.read(client, self._name), self._count()
        if stored is None or (stored.summary.rows != rows and not stored.live_writers(but=self.token)):
            stores.recompute(client, self._name, rows, self._count, model=self._model, bar=bar, writers=me)
            return
        stored.writers.update(me)
        stores.write(client, self._name, stored)

    @contextmanager
    def writing(self, ids: Sequence[str], added: Sequence[PhotoMeta]) -> Iterator[None]:
        """Around a write that replaces `ids` with rows holding `added` (empty for a delete)."""
        self.begin()
        removed = self._call("summary", lambda: stored_photos(self._client(), self._name, ids))
        yield
        with self._lock:
            self._pending.count_all(removed, -1).count_all(added, 1)
            if time.monotonic() - self._last >= FLUSH_S:
                self.flush()

    def apply(self, removed: Sequence[PhotoMeta], added: Sequence[PhotoMeta]) -> None:
        """A delta measured elsewhere (a Ray worker's write): this process stays the summary's one writer."""
        self.begin()
        with self._lock:
            self._pending.count_all(removed, -1).count_all(added, 1)
            if time.monotonic() - self._last >= FLUSH_S:
                self.flush()

    def flush(self, *, closing: bool = False) -> None:
        with self._lock:
            if self._started:
                self._call("summary", lambda: self._merge(closing))
                self._last = time.monotonic()

    def _merge(self, closing: bool) -> None:
        client = self._client()
        stored = stores.read(client, self._name)
        if stored is None:  # gone meanwhile, or never stored: count every row now, this run's writes included
            rows = self._count()
            stored = stores.Stored(stores.compute(client, self._name, rows, bar=False),
                                   stores.owner_token(client, self._name, make=True), self._model, counted=time.time())
        else:
            stored.summary = stored.summary.merge(self._pending)
        self._pending = Summary()
        stored.model = self._model
        stored.writers = {t: w for t, w in stored.writers.items() if t in stored.live_writers(but=self.token)}
        if not closing:
            stored.writers[self.token] = stores.writer_entry(self.token)
        stores.write(client, self._name, stored)

    def close(self) -> None:
        """The run's last merge; then, if the count still disagrees and nobody else is writing (two runs'
        merges crossed), compute it again now rather than leave it to the next reader."""
        with self._lock:
            if not self._started:
                return
            self.flush(closing=True)
            stores.closed(self.token)
            self._started = False
            self._call("summary", self._heal)

    def _heal(self) -> None:
        client, rows = self._client(), self._count()
        stored = stores.read(client, self._name)
        if stored is not None and stored.summary.rows != rows and not stored.live_writers():
            stores.recompute(client, self._name, rows, self._count, model=self._model)


def stored_photos(client: Any, name: str, ids: Sequence[str]) -> list[PhotoMeta]:
    """The photo metadata of those of `ids` that are stored (a missing id contributes nothing)."""
    from indexer import schema

    if not ids:
        return []
    rows = client.get(name, ids=list(ids), output_fields=["id", *schema.PHOTO_FIELDS])
    return [schema.photo_from_row(row) for row in rows]
