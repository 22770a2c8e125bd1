"""The Ray engine's rows and its task functions (listing, triage + preparation): plain columns (strings, bytes)
between stages, so Ray moves them as Arrow without pickling Python objects; one JSON `meta` per row carries the
rest. Kept apart from engine_ray.py so a worker imports no Ray-facing driver code.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from indexer import lookup
from indexer.errors import StoreUnavailable
from indexer.ingest import ListingSpec, Part, SourceItem, list_part
from indexer.ocr import OCR_SIDE, OcrResult, TextLine, rapid_reader
from indexer.photometa import PhotoMeta
from indexer.prepare import Prepared, Preprocessor, prepare
from indexer.reconcile import split_unchanged
from indexer.thumbs import Thumbnails

COLUMNS = ("kind", "rel", "meta", "pixels", "vector")
TRANSIENT = "Milvus lookup failed"  # Ray Data retries a task whose error says so (engine_ray sets the pattern)


@dataclass
class Row:
    kind: str  # "item" (a listed file), "skip" (a listing skip), "other" (a count of files that are not images)
    rel: str
    meta: dict[str, Any] = field(default_factory=dict)
    pixels: np.ndarray | None = None
    vector: np.ndarray | None = None

    def item(self) -> SourceItem:
        return SourceItem(Path(self.meta["file"]), self.rel, self.meta.get("caption", ""), self.meta.get("attrs", {}))

    def prepared(self) -> Prepared:
        m = self.meta
        return Prepared(self.item(), m.get("id", ""), m.get("size", 0), m.get("mtime", 0.0), m.get("width", 0),
                        m.get("height", 0), self.pixels, m.get("reason"), m.get("phash", ""),
                        PhotoMeta(**m.get("photo", {})), _ocr(m.get("ocr")))  # fmt: skip


def to_rows(rows: list[Row]) -> dict[str, np.ndarray]:
    """Rows → a columnar batch (what a map_batches function returns)."""
    def blob(a: np.ndarray | None) -> bytes:
        return b"" if a is None else a.tobytes()

    for r in rows:
        if r.pixels is not None:
            r.meta["shape"] = list(r.pixels.shape)
    return {
        "kind": np.array([r.kind for r in rows], dtype=object),
        "rel": np.array([r.rel for r in rows], dtype=object),
        "meta": np.array([json.dumps(r.meta) for r in rows], dtype=object),
        "pixels": np.array([blob(r.pixels) for r in rows], dtype=object),
        "vector": np.array([blob(r.vector) for r in rows], dtype=object),
    }


def from_rows(batch: dict[str, np.ndarray]) -> list[Row]:
    out = []
    for kind, rel, meta, pixels, vector in zip(*(batch[c] for c in COLUMNS), strict=True):
        m = json.loads(meta)
        px = np.frombuffer(pixels, dtype=np.uint8).reshape(m["shape"]) if len(pixels) else None
        vec = np.frombuffer(vector, dtype=np.float32) if len(vector) else None
        out.append(Row(str(kind), str(rel), m, px, vec))
    return out


def list_rows(batch: dict[str, np.ndarray], spec: ListingSpec) -> dict[str, np.ndarray]:
    """One listing part → its rows: the walk's skips met before it, the part's own skips, then its files."""
    rows: list[Row] = []
    for text in batch["part"]:
        where, skips = json.loads(text)
        rows += [Row("skip", path, {"reason": reason}) for path, reason in skips]
        part = Part(**where)
        if part.where == "\0none":
            continue
        listed = list_part(spec, part)
        rows += [Row("skip", s.path, {"reason": s.reason}) for s in listed.skipped]
        if listed.not_images:
            rows.append(Row("other", "", {"others": listed.not_images}))
        rows += [Row("item", i.rel, {"file": str(i.file), "caption": i.caption, "attrs": i.attrs})
                 for i in listed.items]
    return to_rows(rows)


def prepared_rows(batch: dict[str, np.ndarray], uri: str, token: str, name: str, pre: Preprocessor,
                  thumbs: str, fields: list[str], ocr: bool = False) -> dict[str, np.ndarray]:  # fmt: skip
    """Triage and preparation of a batch: files unchanged by path are settled without a read; the rest are
    prepared; content already stored (or met earlier in this batch) is not sent to the model."""
    from indexer.collection import open_client

    rows = from_rows(batch)
    items = [r for r in rows if r.kind == "item"]
    try:
        client = open_client(uri, uri, token)
    except StoreUnavailable as exc:
        raise StoreUnavailable(f"{TRANSIENT}: {exc}") from exc
    try:
        at_path = lookup.rows_at(client, name, [r.rel for r in items], fields)
        same, _ = split_unchanged([r.item() for r in items], at_path, reads_text=ocr)
        folder = Thumbnails(Path(thumbs)) if thumbs else None
        reader = rapid_reader() if ocr else None  # one engine per worker process (rapid_reader keeps it)
        draft = max(pre.image_size, OCR_SIDE) if ocr else pre.image_size  # text needs more pixels
        for r in items:
            r.meta["stored"] = [[x.id, x.bytes, x.mtime] for x in at_path.get(r.rel, [])]
            if r.rel in same:
                r.meta |= {"state": "same", "id": same[r.rel]}
            else:
                _fill(r, prepare(r.item(), pre, draft, folder, reader))
        known = lookup.paths_of(client, name, [r.meta["id"] for r in items if r.pixels is not None])
    except Exception as exc:  # noqa: BLE001 - pymilvus's own errors: the store, not this batch, failed
        raise StoreUnavailable(f"{TRANSIENT} ({uri}): {exc}") from exc
    finally:
        client.close()
    seen: set[str] = set()
    for r in (r for r in items if r.pixels is not None):
        if r.meta["id"] in known or r.meta["id"] in seen:
            r.pixels = None  # stored, or a copy of a file in this batch: the driver settles it, nothing to embed
        seen.add(r.meta["id"])
    return to_rows(rows)


def _fill(row: Row, p: Prepared) -> None:
    row.meta |= {"state": "prep", "id": p.id, "size": p.size, "mtime": p.mtime, "width": p.width,
                 "height": p.height, "reason": p.reason, "phash": p.phash, "photo": asdict(p.photo),
                 "ocr": asdict(p.ocr)}  # fmt: skip
    row.pixels = p.pixels


def _ocr(meta: dict[str, Any] | None) -> OcrResult:
    """An OcrResult back from its JSON form (asdict: lines as [text, box, score] objects)."""
    if not meta:
        return OcrResult()
    lines = tuple(TextLine(ln["text"], tuple(ln["box"]), ln.get("score", 1.0)) for ln in meta.get("lines", ()))
    return OcrResult(meta.get("engine", ""), lines, meta.get("seconds", 0.0), meta.get("cpu_seconds", 0.0))


class NoText(Embeddings):
    """A store that only writes vectors (a write actor) never embeds text."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise NotImplementedError("the Ray write actor embeds no text")

    def embed_query(self, text: str) -> list[float]:
        raise NotImplementedError("the Ray write actor embeds no text")
