"""The collection's fields, the records that fill them, and bringing a collection made before a field existed up
to date.

Part of the store boundary (with store.py, collection.py, lite.py). Photo metadata (when, camera, where) are
typed scalar fields so filters and ordering work the same on Milvus Lite and a server. Milvus 2.3 can neither
add a field to a collection nor store nulls, so an older collection is upgraded by copying every row, vector
included, into a collection with the current fields (the metadata read from the files, nothing re-embedded),
then swapping the two by rename; "no value" is 0, "" or NO_GPS.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from indexer import summary_store
from indexer.collection import IDENTITY_PROPERTY, set_property
from indexer.photometa import PhotoMeta
from indexer.summary import Summary

MAX_PATH = 2048
MAX_CAPTION = 4096
MAX_NAME = 128
PHOTO_FIELDS = ("taken", "taken_src", "camera", "lat", "lon", "city", "region", "country")
UPGRADE_SUFFIX = "__upgrade"


@dataclass(frozen=True)
class ImageRecord:
    """One image as stored: id is the content hash, path is relative to the indexed root."""

    id: str
    path: str
    caption: str = ""
    width: int = 0
    height: int = 0
    bytes: int = 0
    mtime: float = 0.0
    attrs: dict[str, str] = field(default_factory=dict)
    phash: str = ""  # 64-bit difference hash (hex) for near-duplicate collapsing
    photo: PhotoMeta = field(default_factory=PhotoMeta)  # when, camera, where


@dataclass(frozen=True)
class Hit:
    id: str
    path: str
    caption: str
    score: float
    attrs: dict[str, str]
    phash: str = ""
    photo: PhotoMeta = field(default_factory=PhotoMeta)


def create(client: Any, name: str, dim: int, description: str, index_params: dict[str, Any]) -> None:
    from pymilvus import DataType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False, description=description)
    schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=64)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
    schema.add_field("caption", DataType.VARCHAR, max_length=MAX_CAPTION)
    schema.add_field("path", DataType.VARCHAR, max_length=MAX_PATH)
    schema.add_field("width", DataType.INT64)
    schema.add_field("height", DataType.INT64)
    schema.add_field("bytes", DataType.INT64)
    schema.add_field("mtime", DataType.DOUBLE)
    schema.add_field("attrs", DataType.JSON)
    schema.add_field("phash", DataType.VARCHAR, max_length=16)
    schema.add_field("taken", DataType.INT64)  # local wall-clock seconds since 1970; 0 = unknown
    schema.add_field("taken_src", DataType.VARCHAR, max_length=8)
    schema.add_field("camera", DataType.VARCHAR, max_length=MAX_NAME)
    schema.add_field("lat", DataType.DOUBLE)
    schema.add_field("lon", DataType.DOUBLE)
    for place in ("city", "region", "country"):
        schema.add_field(place, DataType.VARCHAR, max_length=MAX_NAME)
    index = MilvusClient.prepare_index_params()
    index.add_index(field_name="vector", **index_params)
    client.create_collection(name, schema=schema, index_params=index, consistency_level="Strong")
    index_paths(client, name)


PATH_INDEXES = ("INVERTED", "Trie")  # Milvus 2.4+ and Lite take INVERTED; a 2.3 server only its marisa Trie


def index_paths(client: Any, name: str) -> str | None:
    """A scalar index on `path`, so each run's `path in [...]` lookups (indexer.lookup) find rows without scanning
    the column; the first kind this Milvus accepts, or none (the lookups still work, by scan)."""
    from pymilvus import MilvusClient

    client.release_collection(name)  # a 2.3 server refuses to load a collection whose indexes changed while loaded
    try:
        for kind in PATH_INDEXES:
            params = MilvusClient.prepare_index_params()
            params.add_index(field_name="path", index_type=kind)
            try:
                client.create_index(name, params)
            except Exception:  # noqa: BLE001 - "index type not match": try the next kind
                continue
            return kind
        return None
    finally:
        client.load_collection(name)


def fields(client: Any, name: str) -> set[str]:
    return {f["name"] for f in client.describe_collection(name).get("fields", [])}


def is_current(client: Any, name: str) -> bool:
    return set(PHOTO_FIELDS) <= fields(client, name)


def photo_columns(meta: PhotoMeta) -> dict[str, Any]:
    return {
        "taken": int(meta.taken), "taken_src": meta.taken_src, "camera": meta.camera[:MAX_NAME],
        "lat": float(meta.lat), "lon": float(meta.lon), "city": meta.city[:MAX_NAME],
        "region": meta.region[:MAX_NAME], "country": meta.country[:MAX_NAME],
    }


def photo_from_row(row: dict[str, Any]) -> PhotoMeta:
    if "taken" not in row:
        return PhotoMeta()  # a row of a collection made before photo metadata was recorded
    return PhotoMeta(
        int(row.get("taken") or 0), str(row.get("taken_src") or ""), str(row.get("camera") or ""),
        float(row["lat"]), float(row["lon"]), str(row.get("city") or ""), str(row.get("region") or ""),
        str(row.get("country") or ""),
    )


def upgrade(client: Any, name: str, dim: int, index_params: dict[str, Any],
            metas_for: Callable[[list[str]], list[PhotoMeta]], batch: int = 500) -> int:
    """Copy every row of `name` into a collection with the current fields, adding photo metadata
    (`metas_for(paths)`), then swap them. Returns the rows copied. Safe to repeat after a kill: a half-made
    copy is dropped and redone; a finished copy whose swap was interrupted is completed first."""
    spare = name + UPGRADE_SUFFIX
    finish_interrupted(client, name)
    if client.has_collection(spare):
        client.drop_collection(spare)
    info = client.describe_collection(name)
    create(client, spare, dim, info.get("description", ""), index_params)
    copied, tally = 0, Summary()
    for rows in _rows(client, name, batch):
        metas = metas_for([str(r["path"]) for r in rows])
        client.insert(spare, [r | photo_columns(m) for r, m in zip(rows, metas, strict=True)])
        tally.count_all(metas)  # every row passes here once: the upgraded collection's summary, exact
        copied += len(rows)
    client.flush(spare)
    for key, value in (info.get("properties") or {}).items():
        set_property(client, spare, key, value)
    summary_store.drop(client, name)  # killed from here on, the next reader counts the new rows afresh
    client.drop_collection(name)
    client.rename_collection(spare, name)
    client.load_collection(name)
    model = (info.get("properties") or {}).get(IDENTITY_PROPERTY) or info.get("description", "")
    owner = summary_store.owner_token(client, name, make=True)
    summary_store.write(client, name, summary_store.Stored(tally, owner, model))  # exact: a delta from nothing
    return copied


def finish_interrupted(client: Any, name: str) -> None:
    """An upgrade killed between dropping the old collection and renaming the copy: finish the rename."""
    spare = name + UPGRADE_SUFFIX
    if not client.has_collection(name) and client.has_collection(spare):
        summary_store.drop(client, name)  # the old rows' summary (no photo fields), if the drop came first
        client.rename_collection(spare, name)


def _rows(client: Any, name: str, batch: int) -> Iterator[list[dict[str, Any]]]:
    keep = ["id", "vector", "caption", "path", "width", "height", "bytes", "mtime", "attrs", "phash"]
    it = client.query_iterator(name, batch_size=batch, filter="", output_fields=keep)
    try:
        while rows := it.next():
            yield [{k: row[k] for k in keep} for row in rows]
    finally:
        it.close()


# --- rows <-> records ------------------------------------------------------------------------------

def record_metadata(record: ImageRecord) -> dict[str, Any]:
    data = asdict(record)
    data.pop("id")
    data.pop("caption")
    data.pop("photo")
    data["path"] = data["path"][:MAX_PATH]
    return data | photo_columns(record.photo)


def hit_from_row(row: dict[str, Any]) -> Hit:
    attrs = row.get("attrs") or {}
    attrs = json.loads(attrs) if isinstance(attrs, str) else attrs
    return Hit(str(row["id"]), row["path"], row.get("caption") or "", 0.0, attrs, str(row.get("phash") or ""),
               photo_from_row(row))


def hit_from_doc(doc: Any, score: float) -> Hit:
    meta = doc.metadata
    attrs = meta.get("attrs") or {}
    if isinstance(attrs, str):
        attrs = json.loads(attrs)
    return Hit(
        id=str(meta["id"]),
        path=meta["path"],
        caption=doc.page_content,
        score=float(score),
        attrs=attrs,
        phash=str(meta.get("phash") or ""),
        photo=photo_from_row(meta),
    )
