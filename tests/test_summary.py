"""The collection's summary (indexer.summary): kept exact by the indexer through index, re-index, move, content
change, prune, duplicates, rows written twice and metadata backfill; computed once for a collection an older
version made; healed when a run died between its rows and its summary; and read, not recomputed, by the bot and
`info` (on Milvus Lite and a real Milvus 2.3 server)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from indexer import summary_store
from indexer.cli import main
from indexer.summary import Summary
from tests.milvus_server import server_store_uri
from tests.photoroll import write_roll


@pytest.fixture(params=["lite", pytest.param("server", marks=pytest.mark.server)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return str(tmp_path / "summary.db") if request.param == "lite" else server_store_uri(request)


@pytest.fixture
def collection() -> str:
    return f"sum_{uuid.uuid4().hex[:10]}"


@pytest.fixture
def roll(tmp_path: Path) -> Path:
    return write_roll(tmp_path / "roll")


def _index(roll: Path, db: str, collection: str, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    rc = main(["index", str(roll), "--db", db, "--collection", collection, "--pretrained", "random", "--json", *extra])
    out, err = capsys.readouterr()
    assert rc == 0, err
    return json.loads(out.strip().splitlines()[-1])


def _open(db: str, collection: str):  # noqa: ANN202
    from indexer.embedding import ClipEmbeddings
    from indexer.store import ImageStore

    return ImageStore(db, collection, None, embeddings=ClipEmbeddings("demo-clip", "random"), create=False)


def _stored_and_truth(db: str, collection: str) -> tuple[Summary | None, Summary, int]:
    """(the stored summary, the rows' photo metadata counted afresh, count(*)), read by a store that writes
    nothing (browse: a different path from the streamed recount the store itself falls back to)."""
    store = _open(db, collection)
    try:
        stored = summary_store.read(store._client, collection)
        truth = Summary().count_all(hit.photo for hit in store.browse(None, 1000))
        return (stored.summary if stored else None), truth, store.count()
    finally:
        store.close()


def _assert_exact(db: str, collection: str, *, counted: float | None = None) -> Summary:
    """The stored summary equals the rows; with `counted`, it was last counted from the rows then (so what
    changed since came as exact deltas, not as a recount that would hide a wrong delta)."""
    stored, truth, count = _stored_and_truth(db, collection)
    assert stored is not None
    assert stored == truth and stored.rows == count == truth.rows, (stored, truth)
    if counted is not None:
        assert _counted(db, collection) == counted, "recounted from the rows instead of kept by deltas"
    return stored


def _counted(db: str, collection: str) -> float:
    store = _open(db, collection)
    try:
        return summary_store.read(store._client, collection).counted
    finally:
        store.close()


def test_summary_stays_exact_through_every_kind_of_run(roll: Path, db: str, collection: str, capsys) -> None:
    _index(roll, db, collection, capsys)
    first, t0 = _assert_exact(db, collection), _counted(db, collection)  # counted once, when it was empty
    assert first.places["Porto, Portugal"] == 6 and first.cameras["Apple iPhone 13"] == 6
    assert first.facts()["first"] == "2018-08-01" and first.facts()["last"] == "2023-07-24"
    assert first.exif == 19 and first.days["2018-08-01"] == 1  # file times are not in the range

    assert _index(roll, db, collection, capsys)["unchanged"] == first.rows  # re-index: nothing changes
    assert _assert_exact(db, collection, counted=t0) == first

    (roll / "moved").mkdir()
    shutil.move(roll / "porto" / "IMG_0000.jpg", roll / "moved" / "IMG_0000.jpg")  # repointed, not re-embedded
    _index(roll, db, collection, capsys)
    assert _assert_exact(db, collection, counted=t0) == first

    changed = roll / "porto" / "IMG_0001.jpg"  # new content, and without its EXIF now: no date, camera, place
    Image.fromarray(np.zeros((48, 64, 3), np.uint8)).save(changed, "JPEG")
    report = _index(roll, db, collection, capsys)
    assert (report["indexed"], report["removed"]) == (1, 1)
    after = _assert_exact(db, collection, counted=t0)
    assert (after.places["Porto, Portugal"], after.cameras["Apple iPhone 13"], after.exif) == (5, 5, first.exif - 1)
    assert "2018-08-02" not in after.days and after.rows == first.rows

    shutil.copyfile(roll / "rome" / "DSC_0001.avif", roll / "rome_copy.avif")  # a duplicate: stored once
    (roll / "tokyo" / "IMG_0000.heic").unlink()
    report = _index(roll, db, collection, capsys, "--prune")
    assert report["removed"] == 1
    pruned = _assert_exact(db, collection, counted=t0)
    assert (pruned.rows, pruned.places["Tokyo, Japan"], pruned.places["Rome, Italy"]) == (first.rows - 1, 4, 5)
    assert pruned.facts()["last"] == "2023-07-24" and "2023-07-20" not in pruned.days


def test_rows_written_again_are_not_counted_twice(roll: Path, db: str, collection: str, capsys) -> None:
    """What a re-run after a kill does: write rows that are already there (and delete ids that are gone)."""
    _index(roll, db, collection, capsys)
    before, t0 = _assert_exact(db, collection), _counted(db, collection)
    store = _open(db, collection)
    hits = store.browse(None, 1000)
    rows = store.get([h.id for h in hits[:7]], with_vectors=True)
    records = [_record(rows[h.id], h) for h in hits[:7]]
    store.add(records, np.array([rows[r.id]["vector"] for r in records], dtype=np.float32))
    store.delete(["0" * 32])  # no such row
    store.finalize()
    store.close()
    assert _assert_exact(db, collection, counted=t0) == before


def _record(row: dict, hit):  # noqa: ANN001, ANN202
    from indexer.schema import ImageRecord

    return ImageRecord(row["id"], row["path"], row["caption"], row["width"], row["height"], row["bytes"],
                       row["mtime"], {}, hit.phash, hit.photo)


def test_metadata_backfill_leaves_an_exact_summary(roll: Path, db: str, collection: str, capsys) -> None:
    from tests.test_photos import _old_collection

    _old_collection(roll, db, collection, capsys)  # no photo fields, no summary
    assert main(["index", str(roll), "--db", db, "--collection", collection, "--json"]) == 0
    capsys.readouterr()
    summary = _assert_exact(db, collection, counted=0.0)  # tallied while the rows were copied, not recounted
    assert summary.places["Porto, Portugal"] == 6 and summary.cameras["NIKON D750"] == 5


def test_an_older_collection_gets_its_summary_computed_once(roll: Path, db: str, collection: str, capsys,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _index(roll, db, collection, capsys)
    truth = _assert_exact(db, collection)
    _forget_summary(db, collection)  # as an older version left it: rows with photo fields, no summary
    assert _stored_and_truth(db, collection)[0] is None
    assert main(["info", "--db", db, "--collection", collection]) == 0
    assert "taken 2018-08-01 to 2023-07-24" in capsys.readouterr().out
    assert _assert_exact(db, collection) == truth  # computed by `info`, and stored

    _no_streaming(monkeypatch)  # from now on nothing may read every row
    assert main(["info", "--db", db, "--collection", collection, "--json"]) == 0
    facts = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["photos"]
    assert facts["places"][0] == ["Porto, Portugal", 6] and facts["first"] == "2018-08-01"


def test_the_bot_starts_and_answers_from_the_summary(roll: Path, db: str, collection: str, capsys,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.chat import Conversation
    from bot.factory import build_bot
    from indexer.settings import Settings

    _index(roll, db, collection, capsys)
    _no_streaming(monkeypatch)
    parts = build_bot(Settings.load(db=db, collection=collection, min_score=0.0, k=30))
    try:
        assert parts.catalog is not None and parts.catalog.place("porto") == "Porto"
        assert parts.catalog.facts["first"] == "2018-08-01" and parts.catalog.cameras[0] == ("Apple iPhone 13", 6)
        answer = parts.bot.reply(Conversation(), "photos taken in Rome")
        assert {r.path.split("/")[0] for r in answer.results} == {"rome"} and len(answer.results) == 5
    finally:
        parts.store.close()


def test_a_summary_left_stale_by_a_dead_run_heals(roll: Path, db: str, collection: str, capsys) -> None:
    """Rows written by a run that died before merging its delta (its writer entry names a dead process):
    the next reader sees the row count disagree and nobody writing, and computes the summary again."""
    _index(roll, db, collection, capsys)
    truth = _assert_exact(db, collection)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    store = _open(db, collection)
    stored = summary_store.read(store._client, collection)
    stored.writers["gone"] = summary_store.writer_entry("gone") | {"pid": int(dead.stdout)}
    summary_store.write(store._client, collection, stored)
    rows = store.get([h.id for h in store.browse(None, 3)], with_vectors=True)
    store._client.delete(collection, ids=list(rows))  # the dead run's deletes, never merged into the summary
    store.close()
    stale, _, count = _stored_and_truth(db, collection)
    assert stale == truth and count == truth.rows - 3

    assert main(["info", "--db", db, "--collection", collection]) == 0
    capsys.readouterr()
    healed = _assert_exact(db, collection)
    assert healed.rows == truth.rows - 3


def test_a_live_writer_s_summary_is_used_as_it_is(roll: Path, db: str, collection: str, capsys) -> None:
    """While a run is writing, its summary may lag its rows by a few seconds: readers take it as it is rather
    than stream the collection (that run merges its delta itself)."""
    _index(roll, db, collection, capsys)
    truth = _assert_exact(db, collection)
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        store = _open(db, collection)
        stored = summary_store.read(store._client, collection)
        stored.writers["busy"] = summary_store.writer_entry("busy") | {"pid": live.pid}
        summary_store.write(store._client, collection, stored)
        store._client.delete(collection, ids=[store.browse(None, 1)[0].id])
        assert store.summary(bar=False) == truth  # not recomputed
        store.close()
    finally:
        live.kill()
        live.wait()
    store = _open(db, collection)
    assert store.summary(bar=False).rows == truth.rows - 1  # the writer is gone: now it is
    store.close()


def _forget_summary(db: str, collection: str) -> None:
    store = _open(db, collection)
    store._client.drop_collection(summary_store.companion(collection))
    store.close()


def _no_streaming(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make reading every row (a query iterator, what the summary's recount and the old catalogue used) fail."""
    from pymilvus import MilvusClient

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read every row of the collection")

    monkeypatch.setattr(MilvusClient, "query_iterator", refuse)


def test_a_large_summary_spans_rows_and_a_half_written_one_is_never_read(db: str, collection: str) -> None:
    """Every day of 40 years and 20,000 places: several rows of the companion; a newer generation that a
    killed writer left half-written is passed over for the last complete one."""
    from pymilvus import MilvusClient

    from indexer import schema
    from indexer.lite import connect_uri
    from indexer.photometa import PhotoMeta
    from indexer.store import INDEX_PARAMS

    client = MilvusClient(uri=connect_uri(db))
    try:
        schema.create(client, collection, 8, "", INDEX_PARAMS)
        big = Summary().count_all(PhotoMeta(86400 * (8000 + i % 14600), "exif", f"cam {i % 50}", 1.0, 1.0,
                                            f"Town {i}", "", "Country") for i in range(20000))
        stored = summary_store.Stored(big, summary_store.owner_token(client, collection, make=True), "m")
        summary_store.write(client, collection, stored)
        assert len(client.query(summary_store.companion(collection), filter="", output_fields=["id"],
                                limit=100)) > 1
        assert summary_store.read(client, collection).summary == big
        client.insert(summary_store.companion(collection),  # generation 9999...: part 0 of 2 only
                      [{"id": "99999999999999999999ffffffff.0.2", "chunk": "{", "v": [0.0, 0.0]}])
        assert summary_store.read(client, collection).summary == big
        assert big.facts()["first"] == "1991-11-27" and big.facts()["cameras"][0] == ("cam 0", 400)
    finally:
        for name in (collection, summary_store.companion(collection)):
            if client.has_collection(name):
                client.drop_collection(name)
        client.close()
