"""Where the collection's summary (indexer.summary) lives: a small companion collection, `<name>__summary`.

Part of the store boundary (with store.py, collection.py, schema.py, lite.py). Why not collection properties:
on a Milvus 2.3 server the properties live in etcd with the rest of the collection's metadata, and a 1 MB
property made `drop_collection` itself fail ("etcdserver: request is too large"), while a summary with
every place and every day of a large collection can reach that size. A companion collection has no such limit
and works the same on Milvus Lite and a server.

The summary is one JSON document, stored as rows of at most CHUNK characters whose ids are
`<generation>.<part>.<parts>`. A write inserts a new generation, then deletes the generations it read, so a
reader always finds a complete one (the newest complete generation wins). Each document records:
* `owner`: a token also kept in the main collection's properties, so a companion left behind by a collection
  that was dropped and made again (by an older version) is not taken for the new one's;
* `writers`: the indexing runs that are writing now (host, pid, last beat), so a reader can tell a summary
  that lags a live run (use it as it is) from one left stale by a run that died (compute it again).
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from indexer.collection import set_property
from indexer.summary import Summary

SUFFIX = "__summary"
OWNER_PROPERTY = "imgsearch.summary"
CHUNK = 60000  # characters per row; VARCHAR holds at most 65,535
LIVE_S = 600.0  # a writer on another host that has not written for this long is taken for dead
BATCH = 4000  # rows per page when the summary is computed from the rows
_OPEN: set[str] = set()  # writer tokens of this process that have not closed


@dataclass
class Stored:
    summary: Summary
    owner: str
    model: str = ""
    writers: dict[str, dict[str, Any]] = field(default_factory=dict)
    counted: float = 0.0  # when it was last counted from the rows (every change since came as a delta)

    def dumps(self) -> str:
        return json.dumps({"summary": self.summary.to_json(), "owner": self.owner, "model": self.model,
                           "writers": self.writers, "counted": self.counted}, ensure_ascii=False,
                          separators=(",", ":"))

    @classmethod
    def loads(cls, text: str) -> Stored:
        data = json.loads(text)
        return cls(Summary.from_json(data["summary"]), str(data["owner"]), str(data.get("model", "")),
                   dict(data.get("writers") or {}), float(data.get("counted", 0.0)))

    def live_writers(self, but: str = "") -> list[str]:
        return [token for token, w in self.writers.items() if token != but and _alive(token, w)]


def companion(name: str) -> str:
    return name + SUFFIX


def owner_token(client: Any, name: str, *, make: bool) -> str:
    """The main collection's summary token; with `make`, one is recorded when there is none yet."""
    token = (client.describe_collection(name).get("properties") or {}).get(OWNER_PROPERTY, "")
    if not token and make:
        token = uuid.uuid4().hex
        set_property(client, name, OWNER_PROPERTY, token)
    return str(token)


def read(client: Any, name: str) -> Stored | None:
    """The newest complete summary of `name`, if there is one and it belongs to this very collection."""
    rows = _rows(client, name)
    if rows is None:
        return None
    doc = _newest_complete(rows)
    if doc is None:
        return None
    try:
        stored = Stored.loads(doc)
    except (ValueError, KeyError, TypeError):
        return None  # another version's document: computed again
    return stored if stored.owner and stored.owner == owner_token(client, name, make=False) else None


def write(client: Any, name: str, stored: Stored) -> None:
    """Store `stored` as a new generation, then delete the generations that were there before."""
    before = _rows(client, name)
    if before is None:
        _create(client, name)
        before = {}
    text = stored.dumps()
    parts = [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]
    gen = f"{time.time_ns():020d}{uuid.uuid4().hex[:8]}"
    client.insert(companion(name), [{"id": f"{gen}.{i}.{len(parts)}", "chunk": part, "v": [0.0, 0.0]}
                                    for i, part in enumerate(parts)])
    if before:
        client.delete(companion(name), ids=list(before))


def drop(client: Any, name: str) -> None:
    if client.has_collection(companion(name)):
        client.drop_collection(companion(name))


def compute(client: Any, name: str, total: int, *, bar: bool = True) -> Summary:
    """Count every row's photo metadata, streamed in pages (memory stays flat at any size), with a progress
    bar on stderr. A collection without photo fields (made before they existed) counts its rows only."""
    from tqdm import tqdm

    from indexer import schema

    if not schema.is_current(client, name):
        return Summary(rows=total)
    summary = Summary()
    it = client.query_iterator(name, batch_size=BATCH, filter="", output_fields=list(schema.PHOTO_FIELDS))
    quiet = not (bar and total)  # a new, empty collection has nothing to count: no bar on the terminal
    with tqdm(total=total, unit="img", desc="summarising", disable=True if quiet else None, file=sys.stderr) as shown:
        try:
            while rows := it.next():
                summary.count_all(schema.photo_from_row(row) for row in rows)
                shown.update(len(rows))
        finally:
            it.close()
    return summary


def current(client: Any, name: str, count: Callable[[], int], *, model: str = "", bar: bool = True) -> Summary:
    """The summary to show: the stored one when it describes `count()` rows, or when a live indexing run is
    still writing it; otherwise (none stored, an older version's collection, a run that died between its rows
    and its summary) computed from the rows and stored, so this happens once."""
    rows = count()
    stored = read(client, name)
    if stored is not None and (stored.summary.rows == rows or stored.live_writers()):
        return stored.summary
    return recompute(client, name, rows, count, model=model, bar=bar)


def recompute(client: Any, name: str, rows: int, count: Callable[[], int], *, model: str = "",
              bar: bool = True, writers: dict[str, dict[str, Any]] | None = None) -> Summary:
    """Compute the summary from the rows and store it if the collection did not change meanwhile (a writer
    that started during the pass would otherwise be counted twice: once here, once by its own deltas)."""
    summary = compute(client, name, rows, bar=bar)
    if summary.rows == rows == count():
        write(client, name, Stored(summary, owner_token(client, name, make=True), model, writers or {}, time.time()))
    return summary


def writer_entry(token: str) -> dict[str, Any]:
    return {"host": socket.gethostname(), "pid": os.getpid(), "beat": time.time(), "token": token}


def opened(token: str) -> None:
    _OPEN.add(token)


def closed(token: str) -> None:
    _OPEN.discard(token)


def _alive(token: str, writer: dict[str, Any]) -> bool:
    """A writer on this host is alive while its process is (and, in this process, until it closes); one on
    another host while it has written in the last LIVE_S seconds."""
    if writer.get("host") != socket.gethostname():
        return time.time() - float(writer.get("beat", 0)) < LIVE_S
    pid = int(writer.get("pid", 0))
    if pid == os.getpid():
        return token in _OPEN
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _create(client: Any, name: str) -> None:
    from pymilvus import DataType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=64)
    schema.add_field("chunk", DataType.VARCHAR, max_length=65535)
    schema.add_field("v", DataType.FLOAT_VECTOR, dim=2)  # Milvus 2.3 wants a vector field in every collection
    index = MilvusClient.prepare_index_params()
    index.add_index(field_name="v", index_type="FLAT", metric_type="L2")
    client.create_collection(companion(name), schema=schema, index_params=index, consistency_level="Strong")


def _rows(client: Any, name: str) -> dict[str, str] | None:
    """id -> chunk of every row of the companion; None when there is no companion."""
    other = companion(name)
    if not client.has_collection(other):
        return None
    try:
        rows = client.query(other, filter="", output_fields=["id", "chunk"], limit=16384)
    except Exception as exc:  # noqa: BLE001
        if getattr(exc, "code", None) != 101 and "not loaded" not in str(exc):
            raise
        client.load_collection(other)  # a server restart leaves collections released
        rows = client.query(other, filter="", output_fields=["id", "chunk"], limit=16384)
    return {str(r["id"]): str(r["chunk"]) for r in rows}


def _newest_complete(rows: dict[str, str]) -> str | None:
    gens: dict[str, dict[int, str]] = {}
    sizes: dict[str, int] = {}
    for key, chunk in rows.items():
        gen, part, parts = key.split(".")
        gens.setdefault(gen, {})[int(part)] = chunk
        sizes[gen] = int(parts)
    complete = [g for g, chunks in gens.items() if len(chunks) == sizes[g]]
    if not complete:
        return None
    newest = max(complete)
    return "".join(gens[newest][i] for i in range(sizes[newest]))
