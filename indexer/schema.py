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
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from indexer import summary_store, textsearch
from indexer.collection import IDENTITY_PROPERTY, set_property
from indexer.ocr import OcrResult
from indexer.photometa import PhotoMeta
from indexer.summary import Summary

MAX_PATH = 2048
MAX_CAPTION = 4096
MAX_NAME = 128
PHOTO_FIELDS = ("taken", "taken_src", "camera", "lat", "lon", "city", "region", "country")
# Words in and about the image (indexer.textsearch): the OCR text as read (shown), its line boxes, the engine
# that read it ("" = not read), and the folded words and 3-grams that are searched. Where the engine has
# full-text search, a BM25 function turns each searched field into a sparse vector (WORDS_BM25, GRAMS_BM25).
TEXT_FIELDS = ("ocr", "ocr_boxes", "ocr_engine", "text", "grams")
WORDS_BM25, GRAMS_BM25 = "text_bm25", "grams_bm25"
MAX_OCR = 8192  # bytes of OCR text kept per image (a page of a document; hostile pictures are cut here)
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
    ocr: OcrResult = field(default_factory=OcrResult)  # the words in the picture (engine "" = not read)


@dataclass(frozen=True)
class Hit:
    id: str
    path: str
    caption: str
    score: float
    attrs: dict[str, str]
    phash: str = ""
    photo: PhotoMeta = field(default_factory=PhotoMeta)
    text: str = ""  # the words read in the picture (OCR), for showing what a text search matched


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
    _add_text_fields(schema, index, has_full_text(client))
    # Created bare, indexed, then loaded once: given its indexes, create_collection loads at once, and the path
    # index (whose kind is found by trying) would then need a release and a second load, ~3 s on a server.
    client.create_collection(name, schema=schema, consistency_level="Strong")
    client.create_index(name, index)
    index_paths(client, name)
    client.load_collection(name)


PATH_INDEXES = ("INVERTED", "Trie")  # Milvus 2.4+ and Lite take INVERTED; a 2.3 server only its marisa Trie


def index_paths(client: Any, name: str) -> str | None:
    """A scalar index on `path` of a collection not yet loaded, so each run's `path in [...]` lookups
    (indexer.lookup) find rows without scanning the column; the first kind this Milvus accepts, or none (the
    lookups still work, by scan)."""
    from pymilvus import MilvusClient

    for kind in PATH_INDEXES:
        params = MilvusClient.prepare_index_params()
        params.add_index(field_name="path", index_type=kind)
        try:
            client.create_index(name, params)
        except Exception:  # noqa: BLE001 - "index type not match": try the next kind
            continue
        return kind
    return None


def has_full_text(client: Any) -> bool:
    """Milvus Lite 3 and servers from 2.5 have BM25 full-text search; the 2.3 server tier has not."""
    version = str(client.get_server_version())  # "milvus_lite-3.2.2"; the 2.3 test server says "v2.3.5-lite"
    if version.startswith("milvus_lite"):
        return True
    numbers = [int(n) for n in re.findall(r"\d+", version)[:2]]
    return len(numbers) == 2 and tuple(numbers) >= (2, 5)


def _add_text_fields(schema: Any, index: Any, full_text: bool) -> None:
    from pymilvus import DataType, Function, FunctionType

    # folding is done in Python (indexer.textsearch), so the analyser only has to split at spaces
    analysed = {"enable_analyzer": True, "analyzer_params": {"tokenizer": "standard"}} if full_text else {}
    schema.add_field("ocr", DataType.VARCHAR, max_length=MAX_OCR)
    schema.add_field("ocr_boxes", DataType.JSON)  # {"lines": [[x0, y0, x1, y1, text], ...]}
    schema.add_field("ocr_engine", DataType.VARCHAR, max_length=32)
    schema.add_field("text", DataType.VARCHAR, max_length=textsearch.MAX_TEXT_BYTES, **analysed)
    schema.add_field("grams", DataType.VARCHAR, max_length=textsearch.MAX_GRAMS_BYTES, **analysed)
    if not full_text:
        return
    for source, target in (("text", WORDS_BM25), ("grams", GRAMS_BM25)):
        schema.add_field(target, DataType.SPARSE_FLOAT_VECTOR)
        schema.add_function(Function(name=f"{source}_to_bm25", function_type=FunctionType.BM25,
                                     input_field_names=[source], output_field_names=[target]))
        index.add_index(field_name=target, index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")


def fields(client: Any, name: str) -> set[str]:
    return {f["name"] for f in client.describe_collection(name).get("fields", [])}


def is_current(client: Any, name: str) -> bool:
    return set(PHOTO_FIELDS) | set(TEXT_FIELDS) <= fields(client, name)


def text_columns(path: str, caption: str, attrs: dict[str, Any], ocr: OcrResult) -> dict[str, Any]:
    """The text fields of one row: what was read (cleaned, clipped) and what is searched."""
    read = textsearch.clip_bytes(textsearch.clean(ocr.text).replace(" \n", "\n"), MAX_OCR)
    found = textsearch.searchable(path, caption, {k: str(v) for k, v in attrs.items()}, read)
    boxes = [[*box[:4], textsearch.clip_bytes(textsearch.clean(str(box[4])), 512)] for box in ocr.boxes()]
    # a JSON object, not a list: a Milvus 2.3 server refuses a JSON field whose value is an array
    return {"ocr": read, "ocr_boxes": {"lines": boxes[:200]}, "ocr_engine": ocr.engine, "text": found.words,
            "grams": found.grams}


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
    had = fields(client, name)
    for rows in _rows(client, name, batch, had):
        # photo fields already there are copied (the files may be gone); older rows read them from the files
        metas = [photo_from_row(r) for r in rows] if "taken" in had else metas_for([str(r["path"]) for r in rows])
        client.insert(spare, [_upgraded(r, m) for r, m in zip(rows, metas, strict=True)])
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


def _upgraded(row: dict[str, Any], meta: PhotoMeta) -> dict[str, Any]:
    base = {k: row[k] for k in _BASE_FIELDS}
    if "ocr_engine" in row:
        return base | photo_columns(meta) | {k: row[k] for k in TEXT_FIELDS}
    attrs = row.get("attrs") or {}
    return base | photo_columns(meta) | text_columns(row["path"], row["caption"] or "", attrs, OcrResult())


_BASE_FIELDS = ("id", "vector", "caption", "path", "width", "height", "bytes", "mtime", "attrs", "phash")


def _rows(client: Any, name: str, batch: int, had: set[str]) -> Iterator[list[dict[str, Any]]]:
    keep = [f for f in (*_BASE_FIELDS, *PHOTO_FIELDS, *TEXT_FIELDS) if f in had]
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
    data.pop("ocr")
    data["path"] = data["path"][:MAX_PATH]
    text = text_columns(record.path, record.caption, record.attrs, record.ocr)
    return data | photo_columns(record.photo) | text


def hit_from_row(row: dict[str, Any]) -> Hit:
    attrs = row.get("attrs") or {}
    attrs = json.loads(attrs) if isinstance(attrs, str) else attrs
    return Hit(str(row["id"]), row["path"], row.get("caption") or "", 0.0, attrs, str(row.get("phash") or ""),
               photo_from_row(row), str(row.get("ocr") or ""))


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
        text=str(meta.get("ocr") or ""),
    )
