"""Reading what is stored one batch at a time: rows at a batch of paths, the stored path of a batch of ids, and a
streamed scan of every row. Part of the store boundary (with store.py): these take a pymilvus client, so a
Ray worker can run them with its own client as well as the driver through its ImageStore.

Each lookup is one `in [...]` query of at most LOOKUP_BATCH values, so a run never loads the collection: its
memory does not grow with the number of rows stored.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from indexer.ocr import OcrResult
from indexer.schema import ImageRecord

LOOKUP_BATCH = 1000  # values per `in [...]` filter: well under Milvus's expression size limits
_ESCAPES = {"\\": "\\\\", '"': '\\"'}


def quote(value: str) -> str | None:
    """A Milvus string literal for `value`, or None where it holds a control character (such a path is then
    not looked up: it is read and hashed again, which is slower but never wrong)."""
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
        return None
    return '"' + "".join(_ESCAPES.get(ch, ch) for ch in value) + '"'


def _in(field: str, values: Sequence[str]) -> str | None:
    quoted = [q for q in map(quote, values) if q is not None]
    return f"{field} in [{', '.join(quoted)}]" if quoted else None


ROW_FIELDS = ["id", "path", "bytes", "mtime"]


def rows_at(client: Any, name: str, paths: Sequence[str], fields: Sequence[str] = ROW_FIELDS
            ) -> dict[str, list[ImageRecord]]:  # fmt: skip
    """Stored rows (`fields`: id, path, bytes, mtime and, where the collection has it, ocr_engine) whose path
    is one of `paths`."""
    out: dict[str, list[ImageRecord]] = {}
    for i in range(0, len(paths), LOOKUP_BATCH):
        expr = _in("path", paths[i : i + LOOKUP_BATCH])
        if expr is None:
            continue
        rows = client.query(name, filter=expr, output_fields=list(fields), consistency_level="Strong")
        for row in rows:
            rec = record_of(row)
            out.setdefault(rec.path, []).append(rec)
    return out


def record_of(row: dict[str, Any]) -> ImageRecord:
    """A stored row's change-detection fields (and which engine read its text, "" for none)."""
    return ImageRecord(id=row["id"], path=row["path"], bytes=row["bytes"], mtime=row["mtime"],
                       ocr=OcrResult(str(row.get("ocr_engine") or "")))


def paths_of(client: Any, name: str, ids: Sequence[str]) -> dict[str, str]:
    """id -> stored path, for those of `ids` that are stored."""
    out: dict[str, str] = {}
    unique = list(dict.fromkeys(i for i in ids if i))
    for i in range(0, len(unique), LOOKUP_BATCH):
        rows = client.get(name, ids=unique[i : i + LOOKUP_BATCH], output_fields=["id", "path"])
        out.update({row["id"]: row["path"] for row in rows})
    return out


def pages(client: Any, name: str, fields: list[str], batch: int = 2000) -> Iterator[list[dict[str, Any]]]:
    """Every stored row's `fields`, a page at a time (a query iterator: memory is one page)."""
    it = client.query_iterator(name, batch_size=batch, filter="", output_fields=fields)
    try:
        while rows := it.next():
            yield rows
    finally:
        it.close()
