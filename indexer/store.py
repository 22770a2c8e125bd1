"""The Milvus boundary: the only module that talks to pymilvus / langchain-milvus.

Writes go in through langchain-milvus's `add_embeddings` with content-hash ids (see `add`); searches through its
`similarity_search_with_score_by_vector`. The collection is created here with an explicit schema, COSINE
HNSW index and the model identity in its description, because a collection built with another model (or
with the L2 default) gives silently wrong results.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import numpy as np
from langchain_core.embeddings import Embeddings

from indexer import hybrid, lookup, schema, summary_store
from indexer.collection import (
    IDENTITY_PROPERTY,
    ROOT_PROPERTY,
    CollectionInfo,
    holds_lite_dir,
    not_loaded,
    open_client,
    reaching,
    recorded_identity,
    set_property,
)
from indexer.embedding import ModelIdentity
from indexer.errors import CollectionMissing, ModelMismatch, StoreUnavailable
from indexer.lite import connect_uri, is_server_uri, load_held
from indexer.photometa import PhotoMeta
from indexer.schema import MAX_CAPTION, Hit, ImageRecord
from indexer.summary import Summary
from indexer.summary_keeper import SummaryKeeper, stored_photos
from indexer.textsearch import TextQuery

__all__ = ["Hit", "ImageRecord", "ImageStore"]

log = logging.getLogger(__name__)

INDEX_PARAMS: dict[str, Any] = {
    "index_type": "HNSW",
    "metric_type": "COSINE",
    "params": {"M": 16, "efConstruction": 200},
}
SEARCH_PARAMS: dict[str, Any] = {"metric_type": "COSINE", "params": {"ef": 128}}
MAX_EF = 32768  # Milvus caps ef at 32768
# Searches need not wait for the newest write: on a Milvus 2.3 server "Strong" makes every search wait for the
# next time tick (~200 ms). "Session" still sees this client's own writes at once (a store that just wrote),
# while a reader that never writes (the bot) does not wait; writes and existence checks stay Strong.
SEARCH_CONSISTENCY = "Session"
SCALAR_FIELDS = ("path", "caption")  # VARCHAR fields a filter may name directly
IDENTITY_WAIT_S = 5.0
BROWSE_MAX = 16384  # Milvus caps a query's limit
T = TypeVar("T")


class ImageStore:
    """A Milvus collection of CLIP image vectors plus per-image metadata."""

    def __init__(
        self,
        uri: str,
        collection: str,
        identity: ModelIdentity | None,
        *,
        token: str = "",
        embeddings: Embeddings,
        create: bool = True,
    ) -> None:
        self.uri = uri
        self.name = collection
        self._token, self._embeddings = token, embeddings  # to re-open a Lite dir whose holder went away
        resolved = connect_uri(uri)
        self._client = open_client(resolved, uri, token)
        self._conn = {"uri": resolved, "token": token} if token else {"uri": resolved}
        with reaching(uri, f"opening collection {collection}"):
            schema.finish_interrupted(self._client, collection)
            exists = self._client.has_collection(collection)
            if not exists and (not create or identity is None):
                raise CollectionMissing(f"collection {collection!r} does not exist at {uri}; index some images first")
            if exists and create and identity is not None and self._half_made():
                # a run killed between creating the collection and recording its model left it empty and
                # unnamed: nothing is lost by making it again (otherwise no later run could ever open it)
                self._client.drop_collection(collection)
                exists = False
            if exists:
                self.identity = self._check_identity(identity)
            else:
                self._create(identity)  # type: ignore[arg-type]
                self.identity = identity  # type: ignore[assignment]
            self._vs = self._langchain_store(embeddings)
        self._keeper = SummaryKeeper(lambda: self._client, collection, self.identity.to_json(), self.count, self._call)

    @property
    def endpoint(self) -> str:
        """The URI another process on this machine reaches this store at (a Lite dir: this process's endpoint)."""
        return str(self._conn["uri"])

    # -- set-up ----------------------------------------------------------------------------------------
    def _check_identity(self, requested: ModelIdentity | None) -> ModelIdentity:
        stored = recorded_identity(self._client, self.name)
        deadline = time.monotonic() + IDENTITY_WAIT_S
        while stored is None and time.monotonic() < deadline:
            # Another process may be between create_collection and recording the identity (the bot
            # opening while the indexer starts; Lite keeps no description): give it a moment.
            time.sleep(0.2)
            stored = recorded_identity(self._client, self.name)
        if stored is None:
            raise ModelMismatch("an unknown model (no identity recorded)", str(requested))
        if requested is not None and requested != stored:
            raise ModelMismatch(str(stored), str(requested))
        if requested is not None and requested.source and requested.source != stored.source:
            # the same checkpoint, now loaded from another path: remember where it is for the next run
            set_property(self._client, self.name, IDENTITY_PROPERTY, requested.to_json())
            return requested
        return stored

    def _half_made(self) -> bool:
        if recorded_identity(self._client, self.name) is not None:
            return False
        rows = self._client.query(self.name, filter="", output_fields=["count(*)"])
        return not rows or int(rows[0]["count(*)"]) == 0

    def _create(self, identity: ModelIdentity) -> None:
        schema.create(self._client, self.name, identity.dim, identity.to_json(), INDEX_PARAMS)
        # Milvus Lite drops schema descriptions, so the identity also goes into a collection property
        # (the server keeps the description, which is what it falls back to; see set_property).
        set_property(self._client, self.name, IDENTITY_PROPERTY, identity.to_json())

    @property
    def has_photo_fields(self) -> bool:
        """False for a collection made before photo dates, cameras, places and text fields were recorded."""
        return self._call("describe", lambda: schema.is_current(self._client, self.name))

    @property
    def missing_fields(self) -> set[str]:
        """The current fields this collection lacks (photo metadata, text search), made by `upgrade`."""
        have = self._call("describe", lambda: schema.fields(self._client, self.name))
        return (set(schema.PHOTO_FIELDS) | set(schema.TEXT_FIELDS)) - have

    def upgrade(self, metas_for: Callable[[list[str]], list[PhotoMeta]]) -> int:
        """Add the photo fields to an older collection, reusing every stored vector (see indexer.schema)."""
        with reaching(self.uri, f"upgrading collection {self.name}"):
            copied = schema.upgrade(self._client, self.name, self.identity.dim, INDEX_PARAMS, metas_for)
        self._vs = self._langchain_store(self._embeddings)
        return copied

    def _langchain_store(self, embeddings: Embeddings) -> Any:
        from langchain_milvus import Milvus

        return Milvus(
            embedding_function=embeddings,
            collection_name=self.name,
            connection_args=self._conn,
            consistency_level="Strong",
            index_params=INDEX_PARAMS,
            search_params=SEARCH_PARAMS,
            primary_field="id",
            text_field="caption",
            vector_field="vector",
            auto_id=False,
        )

    # -- writes ----------------------------------------------------------------------------------------
    def add(self, records: Sequence[ImageRecord], vectors: np.ndarray) -> None:
        """Write rows through LangChain's `add_embeddings` with content-hash ids, replacing any rows with the
        same ids first: a Milvus 2.3 server keeps every inserted copy of a primary key as its own row (Lite
        replaces it), and ids are written again by design (a re-run after a crash, a repointed file)."""
        if not records:
            return
        with self._keeper.writing([r.id for r in records], [r.photo for r in records]):  # the summary's delta
            self._write(records, vectors)

    def add_uncounted(self, records: Sequence[ImageRecord], vectors: np.ndarray) -> list[PhotoMeta]:
        """`add` for a Ray worker: the same write, but the summary is left to the driver (its one writer), which
        applies what this returns, the photo metadata of the rows replaced, through `account`."""
        if not records:
            return []
        removed = self._call("summary", lambda: stored_photos(self._client, self.name, [r.id for r in records]))
        self._write(records, vectors)
        return removed

    def account(self, removed: Sequence[PhotoMeta], added: Sequence[PhotoMeta]) -> None:
        """The summary delta of a write another process made (see add_uncounted)."""
        self._keeper.apply(removed, added)

    def _write(self, records: Sequence[ImageRecord], vectors: np.ndarray) -> None:
        ids = [r.id for r in records]
        texts, metas = [r.caption[:MAX_CAPTION] for r in records], [schema.record_metadata(r) for r in records]
        self._call("delete before insert", lambda: self._vs.delete(ids=ids))
        self._call("insert", lambda: self._vs.add_embeddings(
            texts=texts, embeddings=vectors.astype(np.float32).tolist(), metadatas=metas, ids=ids))

    def delete(self, ids: Sequence[str]) -> None:
        if ids:
            with self._keeper.writing(ids, []):
                self._call("delete", lambda: self._vs.delete(ids=list(ids)))

    def begin_writing(self, *, bar: bool = False) -> None:
        """Before a run's writes: a collection without a summary gets one now (streamed, `bar` shows it)."""
        self._keeper.begin(bar=bar)

    def finalize(self) -> None:
        """Persist and build the vector index now, so the first search after indexing is fast.

        Milvus Lite builds the index of a freshly flushed segment in a background thread, and
        `load_collection` on a loaded collection is a no-op, so flush + load alone returned before any
        index existed: searches brute-forced the new segments, and an indexer that exited first left
        the build (minutes at 100k) to the next process's first load. Release + load makes Lite build
        and persist (.idx files) every segment's index before we return. Only when this process holds
        the data dir: a bot serving it to us must not see its collection released.
        """
        self._keeper.close()  # the run's last summary delta
        self._call("flush", lambda: self._client.flush(self.name))
        if holds_lite_dir(self.uri):
            self._call("release", lambda: self._client.release_collection(self.name))
            self._call("load", lambda: load_held(self._client, self.name))
        else:
            self._call("load", lambda: self._client.load_collection(self.name))

    # -- reads -----------------------------------------------------------------------------------------
    def count(self) -> int:
        rows = self._call("count", lambda: self._client.query(self.name, filter="", output_fields=["count(*)"]))
        return int(rows[0]["count(*)"]) if rows else 0

    def set_root(self, root: str) -> None:
        self._call("set root", lambda: set_property(self._client, self.name, ROOT_PROPERTY, root))

    def root(self) -> str | None:
        props = self._call("describe", lambda: self._client.describe_collection(self.name)).get("properties") or {}
        return props.get(ROOT_PROPERTY) or None

    def attribute_names(self, sample: int = 200) -> list[str]:
        """Manifest columns present in the collection (keys of `attrs`), from a sample of rows."""
        rows = self._call(
            "query", lambda: self._client.query(self.name, filter="", output_fields=["attrs"], limit=sample)
        )
        return sorted({key for row in rows for key in (row.get("attrs") or {})})

    def info(self) -> CollectionInfo:
        return CollectionInfo(self.name, self.identity, self.count())

    def rows_at(self, paths: Sequence[str]) -> dict[str, list[ImageRecord]]:
        return self._call("query", lambda: lookup.rows_at(self._client, self.name, paths,
                                                                self._row_fields()))

    def paths_of(self, ids: Sequence[str]) -> dict[str, str]:
        return self._call("get", lambda: lookup.paths_of(self._client, self.name, ids))

    def scan(self, fields: Sequence[str], batch: int = 2000) -> Iterator[list[dict[str, Any]]]:
        """Every stored row's `fields`, a page at a time (a query iterator: memory is one page)."""
        pages = lookup.pages(self._client, self.name, list(fields), batch)
        while page := self._call("query", lambda: next(pages, [])):
            yield page

    def existing(self, batch: int = 2000) -> Iterator[ImageRecord]:
        """Every stored image's id, path, size, mtime and whether its text was read (runs look rows up by path
        instead: see reconcile)."""
        for page in self.scan(self._row_fields(), batch):
            yield from map(lookup.record_of, page)

    def _row_fields(self) -> list[str]:
        """What change detection reads of a row: the text engine too, where the collection has that field."""
        have = self._call("describe", lambda: schema.fields(self._client, self.name))
        return lookup.ROW_FIELDS + (["ocr_engine"] if "ocr_engine" in have else [])

    def get(self, ids: Iterable[str], with_vectors: bool = False) -> dict[str, dict[str, Any]]:
        ids = list(ids)
        if not ids:
            return {}
        fields = ["id", "path", "caption", "width", "height", "bytes", "mtime", "attrs"]
        fields += ["vector"] if with_vectors else []
        rows = self._call("get", lambda: self._client.get(self.name, ids=ids, output_fields=fields))
        return {row["id"]: dict(row) for row in rows}

    def sample_vectors(self, n: int) -> np.ndarray:
        """Up to n stored image vectors (the first the store returns: an arbitrary, not a random, sample)."""
        rows = self._call("query", lambda: self._client.query(self.name, filter="", output_fields=["vector"], limit=n))
        return np.asarray([row["vector"] for row in rows], dtype=np.float32).reshape(len(rows), -1)

    def browse(self, expr: str | None, limit: int, newest_first: bool = True) -> list[Hit]:
        """Images that pass a filter, by date and without a vector ("photos from last summer", "newest
        first"); score 0. Undated images come last either way."""
        fields = ["id", "path", "caption", "attrs", "phash", *schema.PHOTO_FIELDS]
        rows = self._call(
            "query", lambda: self._client.query(self.name, filter=expr or "", output_fields=fields, limit=BROWSE_MAX)
        )
        dated = sorted((r for r in rows if r.get("taken")), key=lambda r: r["taken"], reverse=newest_first)
        return [schema.hit_from_row(row) for row in [*dated, *(r for r in rows if not r.get("taken"))][:limit]]

    def summary(self, *, bar: bool = True) -> Summary:
        """The collection's counts, dates, places and cameras, read from its stored summary (constant time);
        computed once, streamed, for a collection that has none or whose summary a dead run left stale."""
        return self._call("summary", lambda: summary_store.current(
            self._client, self.name, self.count, model=self.identity.to_json(), bar=bar))

    def search(self, vector: Sequence[float], k: int, expr: str | None = None) -> list[Hit]:
        query = list(map(float, vector))
        param = self._filtered_params(k, expr) if expr else None
        pairs = self._call(
            "search",
            lambda: self._vs.similarity_search_with_score_by_vector(
                query, k=k, expr=expr, param=param, consistency_level=SEARCH_CONSISTENCY
            ),
        )
        return [schema.hit_from_doc(doc, score) for doc, score in pairs]

    @property
    def full_text(self) -> bool:
        """Whether this collection is searched by Milvus BM25 (else a slower scan of the stored text)."""
        return self._call("describe", lambda: hybrid.full_text(self._client, self.name))

    def text_search(self, text: str, vector: Sequence[float] | None, k: int,
                    expr: str | None = None) -> tuple[list[Hit], str]:
        """Images by the words in and about them (OCR, file name, caption, manifest), fused with the CLIP
        vector when there is one (indexer.hybrid). Returns the hits (fused score) and a note ("" when the
        engine has full-text search)."""
        query, full = TextQuery(text), self.full_text
        lists = self._call("text search", lambda: (hybrid.bm25_lists if full else hybrid.scan_lists)(
            self._client, self.name, query, k, expr))
        if vector is not None:
            params = self._filtered_params(k, expr) if expr else SEARCH_PARAMS
            lists["vector"] = self._call("search", lambda: hybrid.vector_list(self._client.search(
                self.name, [list(map(float, vector))], anns_field="vector", limit=k, filter=expr or "",
                output_fields=hybrid.OUTPUT, search_params=params)[0]))
        return [_scored(row) for row in hybrid.fuse(lists, k)], "" if full else hybrid.NO_FULL_TEXT

    def _filtered_params(self, k: int, expr: str) -> dict[str, Any]:
        """HNSW drops filtered-out nodes during traversal but still stops after `ef` candidates, so a
        narrow filter (say 3% of rows) returned almost nothing at the default ef. Widen ef in proportion
        to how few rows pass: ef ≈ 4k / selectivity, which reaches exact search for very narrow filters."""
        total = max(1, self.count())
        matching = self._call("count", lambda: self._client.query(self.name, filter=expr, output_fields=["count(*)"]))
        passing = int(matching[0]["count(*)"]) if matching else 0
        ef = int(min(MAX_EF, max(SEARCH_PARAMS["params"]["ef"], 4 * k * total / max(1, passing))))
        return {"metric_type": "COSINE", "params": {"ef": max(ef, k)}}

    def _call(self, what: str, fn: Callable[[], T]) -> T:
        """One Milvus call; a failure of the store becomes StoreUnavailable naming the URI (the bot shows it
        and keeps serving, the CLI prints it as one line). A Milvus server that restarted serves its
        collections again only once they are re-loaded ("collection not loaded"), so that is done here
        once, letting a long-lived bot recover without its own restart."""
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - any transport failure means the same thing to callers
            if not not_loaded(exc) and not self._reopened():
                raise StoreUnavailable(f"{what} in {self.name} at {self.uri} failed: {exc}") from exc
        with reaching(self.uri, f"{what} in {self.name}"):
            self._client.load_collection(self.name)
            return fn()

    def _reopened(self) -> bool:
        """A Milvus Lite dir joined through another process's endpoint goes away with that process (the
        indexer finishing while the bot serves). Resolve the dir again, opening it here if it is free now;
        True if that gave a new endpoint (clients rebuilt), False if nothing changed."""
        if is_server_uri(self.uri):
            return False
        resolved = connect_uri(self.uri)
        if resolved == self._conn["uri"]:
            return False
        log.info("Milvus Lite dir %s is now served at %s", self.uri, resolved)
        self._client = open_client(resolved, self.uri, self._token)
        self._conn = {"uri": resolved, "token": self._token} if self._token else {"uri": resolved}
        self._vs = self._langchain_store(self._embeddings)
        return True

    def close(self) -> None:
        self._keeper.close()  # a run that wrote without finalize() still leaves its summary delta
        self._client.close()


def _scored(row: dict[str, Any]) -> Hit:
    hit = schema.hit_from_row(row)
    return Hit(hit.id, hit.path, hit.caption, float(row["score"]), hit.attrs, hit.phash, hit.photo, hit.text)
