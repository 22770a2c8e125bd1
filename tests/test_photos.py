"""Real photo collections: HEIC / AVIF / JPEG with EXIF, dates, cameras and places stored as Milvus fields (Lite
and a real server), nothing silently ignored, older collections upgraded without re-embedding, and the chat
answering when / where / with what from the metadata."""

from __future__ import annotations

import io
import json
import uuid
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import numpy as np
import pytest

from bot.chat import Conversation
from indexer.cli import main
from tests.milvus_server import running_uri, server_store_uri
from tests.photoroll import MTIME, OTHER_FILES, ROLL, SKIPPED, write_roll


@pytest.fixture(scope="module")
def roll(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_roll(tmp_path_factory.mktemp("roll"))


@pytest.fixture(params=["lite", pytest.param("server", marks=pytest.mark.server)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return str(tmp_path / "photos.db") if request.param == "lite" else server_store_uri(request)


@pytest.fixture
def collection() -> str:
    return f"roll_{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="module", params=["lite", pytest.param("server", marks=pytest.mark.server)])
def indexed(request: pytest.FixtureRequest, roll: Path,
            tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, dict]:  # fmt: skip
    """(db, collection, report): the roll indexed once per tier for the tests that only read what was stored
    (a server collection costs seconds to create and load; these tests never write to it)."""
    if request.param == "lite":
        db = str(tmp_path_factory.mktemp("indexed") / "photos.db")
    else:  # module-scoped, so it cannot ask for the per-test `milvus_uri`
        db = running_uri(request.getfixturevalue("milvus_standalone"))
    collection = f"roll_{uuid.uuid4().hex[:10]}"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        rc = main(["index", str(roll), "--db", db, "--collection", collection, "--pretrained", "random", "--json"])
    assert rc == 0, err.getvalue()
    return db, collection, json.loads(out.getvalue().strip().splitlines()[-1])


def _stored(db: str, collection: str) -> dict[str, object]:
    from indexer.embedding import ClipEmbeddings
    from indexer.store import ImageStore

    store = ImageStore(db, collection, None, embeddings=ClipEmbeddings("demo-clip", "random"), create=False)
    hits = store.browse(None, 100)
    store.close()
    return {h.path: h.photo for h in hits}


def test_every_image_is_indexed_or_skipped_with_a_reason(indexed: tuple[str, str, dict]) -> None:
    db, collection, report = indexed
    reasons = {s["path"]: s["reason"] for s in report["skipped_files"]}
    assert report["indexed"] == len(ROLL) and report["not_images"] == len(OTHER_FILES)
    assert set(reasons) == set(SKIPPED)
    for name, reason in SKIPPED.items():
        assert reason in reasons[name], reasons
    stored = _stored(db, collection)
    assert {s.name for s in ROLL} == set(stored)  # the AVIF and HEIC files and the one without a suffix too


def test_dates_cameras_and_places_are_stored(indexed: tuple[str, str, dict]) -> None:
    db, collection, _ = indexed
    stored = _stored(db, collection)
    for shot in ROLL:
        photo = stored[shot.name]
        assert (photo.taken_src, photo.camera, photo.city, photo.country) == (
            shot.source, shot.camera, shot.city, shot.country), shot.name
        assert photo.has_gps == bool(shot.city)  # GPS 0,0 and a zero denominator leave no position
        when = photo.taken_date()
        if shot.source == "exif":
            assert when.strftime("%Y:%m:%d %H:%M:%S") == shot.taken  # the photographer's wall clock
        else:
            assert abs(when.timestamp() - MTIME) <= 14 * 3600  # the file time, as local time
    porto = stored["porto/IMG_0003.jpg"]
    assert porto.describe() == "Porto, Portugal · 4 Aug 2018 · Apple iPhone 13"


def test_info_shows_dates_cameras_and_places(indexed: tuple[str, str, dict], capsys) -> None:
    db, collection, _ = indexed
    assert main(["info", "--db", db, "--collection", collection]) == 0
    out = capsys.readouterr().out
    assert "taken 2018-08-01 to 2023-07-24" in out
    assert "Apple iPhone 13 (6)" in out and "NIKON D750 (5)" in out
    assert "Porto, Portugal (6)" in out and "Tokyo, Japan (5)" in out


ASKED = [  # (turns, the files every answer must consist of, a headline part)
    (["photos taken in Porto"], {s.name for s in ROLL if s.city == "Porto"}, "taken in Porto"),
    (["pictures from Japan"], {s.name for s in ROLL if s.country == "Japan"}, "taken in Japan"),
    (["in March 2022"], {s.name for s in ROLL if s.taken.startswith("2022:03")}, "taken in March 2022"),
    (["between June and August 2023"], {s.name for s in ROLL if s.taken.startswith("2023:07")}, "Jun 2023"),
    (["shot on my iPhone"], {s.name for s in ROLL if "iPhone" in s.camera}, "shot on iPhone"),
    (["with the Nikon"], {s.name for s in ROLL if "NIKON" in s.camera}, "shot on NIKON"),
    (["photos from 2018", "only the ones in Porto"], {s.name for s in ROLL if s.city == "Porto"}, "taken in 2018"),
]


@pytest.mark.parametrize(("turns", "wanted", "words"), ASKED, ids=[" / ".join(a[0]) for a in ASKED])
def test_chat_answers_from_metadata(indexed: tuple[str, str, dict], turns, wanted, words) -> None:
    from bot.factory import build_bot
    from indexer.settings import Settings

    db, collection, _ = indexed
    parts = build_bot(Settings.load(db=db, collection=collection, min_score=0.0, k=30))
    conv = Conversation()
    answers = [parts.bot.reply(conv, turn) for turn in turns]
    shown = {r.path for r in answers[-1].results}
    assert shown == wanted, (answers[-1].headline, shown)
    assert words in answers[-1].headline
    newest = parts.bot.reply(conv, "newest first")
    dates = [r.photo.taken for r in newest.results]
    assert dates == sorted(dates, reverse=True) and newest.headline.endswith("newest first")
    oslo = parts.bot.reply(conv, "what about photos taken in Oslo?")
    assert oslo.headline.startswith("No photos taken in Oslo; places in this collection: Porto, Portugal (6)")
    assert not oslo.results
    parts.store.close()


def test_an_older_collection_gains_the_fields_without_re_embedding(roll: Path, db: str, collection: str,
                                                                  capsys) -> None:
    from indexer.embedding import ClipEmbeddings
    from indexer.store import ImageStore

    old = _old_collection(roll, db, collection, capsys)
    rc = main(["index", str(roll), "--db", db, "--collection", collection, "--json"])  # the recorded model
    out, err = capsys.readouterr()
    report = json.loads(out.strip().splitlines()[-1])
    assert rc == 0 and "adding photo dates, cameras and places to the 25 stored images" in err, err
    assert (report["indexed"], report["unchanged"]) == (0, len(ROLL))
    store = ImageStore(db, collection, None, embeddings=ClipEmbeddings("demo-clip", "random"), create=False)
    assert store.has_photo_fields
    rows = store.get(list(old), with_vectors=True)
    assert all(np.allclose(rows[i]["vector"], old[i]) for i in old)  # the very vectors, not new ones
    assert store.browse('city == "Porto"', 50) and store.info().identity.weights == "random"
    store.close()


def _old_collection(roll: Path, db: str, collection: str, capsys) -> dict[str, list[float]]:  # noqa: ARG001
    """The roll as the previous release stored it: the same rows and ids, no photo fields, its own vectors."""
    from pymilvus import DataType, MilvusClient

    from indexer import schema
    from indexer.collection import IDENTITY_PROPERTY, ROOT_PROPERTY, set_property
    from indexer.embedding import ModelIdentity
    from indexer.lite import connect_uri
    from indexer.pipeline import content_id
    from indexer.store import INDEX_PARAMS

    client = MilvusClient(connect_uri(db))
    identity = ModelIdentity("demo-clip", "random", 128)
    old = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False, description=identity.to_json())
    for name, kind, extra in (("id", DataType.VARCHAR, {"is_primary": True, "max_length": 64}),
                              ("vector", DataType.FLOAT_VECTOR, {"dim": 128}),
                              ("caption", DataType.VARCHAR, {"max_length": 4096}),
                              ("path", DataType.VARCHAR, {"max_length": 2048}), ("width", DataType.INT64, {}),
                              ("height", DataType.INT64, {}), ("bytes", DataType.INT64, {}),
                              ("mtime", DataType.DOUBLE, {}), ("attrs", DataType.JSON, {}),
                              ("phash", DataType.VARCHAR, {"max_length": 16})):
        old.add_field(name, kind, **extra)
    index = MilvusClient.prepare_index_params()
    index.add_index(field_name="vector", **INDEX_PARAMS)
    client.create_collection(collection, schema=old, index_params=index, consistency_level="Strong")
    set_property(client, collection, IDENTITY_PROPERTY, identity.to_json())
    set_property(client, collection, ROOT_PROPERTY, str(roll))
    rng, rows = np.random.default_rng(0), []
    for shot in ROLL:
        file = roll / shot.name
        vector = rng.standard_normal(128)
        rows.append({"id": content_id(file.read_bytes()), "vector": (vector / np.linalg.norm(vector)).tolist(),
                     "caption": "", "path": shot.name, "width": 64, "height": 48, "bytes": file.stat().st_size,
                     "mtime": file.stat().st_mtime, "attrs": {}, "phash": ""})
    client.insert(collection, rows)
    client.flush(collection)
    assert not schema.is_current(client, collection)
    client.close()
    return {r["id"]: r["vector"] for r in rows}
