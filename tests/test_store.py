"""ImageStore on a real Milvus (Lite in tmp_path) with deterministic unit vectors.

The tests take the `store_uri` fixture, so the same functions can run against a Milvus server by adding a
param to it; every test uses its own collection name so a shared server stays clean.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from indexer.collection import describe, drop
from indexer.embedding import ModelIdentity
from indexer.errors import CollectionMissing, ModelMismatch, StoreUnavailable
from indexer.lite import endpoint_file
from indexer.store import ImageRecord, ImageStore
from tests.milvus_server import server_store_uri

DIM = 16
IDENTITY = ModelIdentity("unit-vectors", "fixed", DIM)
OTHER = ModelIdentity("other-model", "sha256:0123456789abcdef", DIM)


@pytest.fixture(params=["lite", pytest.param("server", marks=pytest.mark.server)])
def store_uri(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the store lives. Lite: a fresh data dir per test; server: the session's real Milvus 2.3."""
    if request.param == "lite":
        return str(tmp_path / "store.db")
    if request.param == "server":
        return server_store_uri(request)
    raise AssertionError(f"unknown store backend {request.param}")


@pytest.fixture
def collection() -> str:
    return f"t_{uuid.uuid4().hex[:12]}"


OpenStore = Callable[..., ImageStore]


@pytest.fixture
def open_store(store_uri: str, collection: str, no_text_embeddings: Embeddings) -> Iterator[OpenStore]:
    """Open stores on this test's collection; all are closed and the collection dropped afterwards."""
    opened: list[ImageStore] = []

    def _open(identity: ModelIdentity | None = IDENTITY, *, create: bool = True) -> ImageStore:
        store = ImageStore(store_uri, collection, identity, embeddings=no_text_embeddings, create=create)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        store.close()
    drop(store_uri, collection)


def unit_vectors(n: int, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def records(n: int) -> list[ImageRecord]:
    colours = ("red", "green", "blue")
    return [
        ImageRecord(
            id=f"id{i:03d}",
            path=f"{'a' if i % 2 == 0 else 'b'}/img{i:03d}.jpg",
            caption=f"caption {i}",
            width=10 + i,
            height=20 + i,
            bytes=1000 + i,
            mtime=1_700_000_000.5 + i,
            attrs={"color": colours[i % 3], "n": str(i)},
        )
        for i in range(n)
    ]


@pytest.fixture
def filled(open_store: OpenStore) -> tuple[ImageStore, list[ImageRecord], np.ndarray]:
    store = open_store()
    recs, vecs = records(20), unit_vectors(20)
    store.add(recs, vecs)
    return store, recs, vecs


def test_search_scores_are_cosine_highest_first(filled: tuple[ImageStore, list[ImageRecord], np.ndarray]) -> None:
    store, recs, vecs = filled
    query = unit_vectors(1, seed=99)[0]
    hits = store.search(query.tolist(), k=5)
    dots = vecs @ query
    expected = [recs[i].id for i in np.argsort(-dots)[:5]]
    assert [h.id for h in hits] == expected
    by_id = {r.id: i for i, r in enumerate(recs)}
    for hit in hits:
        assert hit.score == pytest.approx(float(dots[by_id[hit.id]]), abs=1e-4)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    top = recs[by_id[hits[0].id]]
    assert (hits[0].path, hits[0].caption, hits[0].attrs) == (top.path, top.caption, top.attrs)


def test_exact_vector_scores_one(filled: tuple[ImageStore, list[ImageRecord], np.ndarray]) -> None:
    store, recs, vecs = filled
    hits = store.search(vecs[7].tolist(), k=1)
    assert hits[0].id == recs[7].id
    assert hits[0].score == pytest.approx(1.0, abs=1e-4)


def test_filters_on_path_prefix_and_attrs(filled: tuple[ImageStore, list[ImageRecord], np.ndarray]) -> None:
    store, recs, vecs = filled
    query = vecs[1].tolist()
    under_a = store.search(query, k=20, expr='path like "a/%"')
    assert {h.id for h in under_a} == {r.id for r in recs if r.path.startswith("a/")}
    red = store.search(query, k=20, expr='attrs["color"] == "red"')
    assert {h.id for h in red} == {r.id for r in recs if r.attrs["color"] == "red"}
    assert all(h.attrs["color"] == "red" for h in red)
    both = store.search(query, k=20, expr='path like "b/%" and attrs["color"] == "red"')
    assert {h.id for h in both} == {r.id for r in recs if r.path.startswith("b/") and r.attrs["color"] == "red"}
    assert both  # the data has such rows, so an empty answer would mean the filter is broken
    assert store.search(query, k=5, expr='attrs["color"] == "purple"') == []


def test_delete_and_count(filled: tuple[ImageStore, list[ImageRecord], np.ndarray]) -> None:
    store, recs, vecs = filled
    assert store.count() == 20
    store.delete([recs[3].id, recs[4].id])
    store.delete([])  # a no-op, not an error
    assert store.count() == 18
    assert set(store.get([recs[3].id, recs[4].id, recs[5].id])) == {recs[5].id}
    assert recs[3].id not in {h.id for h in store.search(vecs[3].tolist(), k=20)}


def test_get_returns_metadata_and_vectors(filled: tuple[ImageStore, list[ImageRecord], np.ndarray]) -> None:
    store, recs, vecs = filled
    got = store.get([recs[2].id, recs[11].id, "not-there"], with_vectors=True)
    assert set(got) == {recs[2].id, recs[11].id}
    row = got[recs[11].id]
    expected = recs[11]
    assert (row["path"], row["caption"], row["width"], row["height"], row["bytes"]) == (
        expected.path, expected.caption, expected.width, expected.height, expected.bytes,
    )
    assert row["mtime"] == pytest.approx(expected.mtime)
    assert row["attrs"] == expected.attrs
    np.testing.assert_allclose(np.array(row["vector"], dtype=np.float32), vecs[11], atol=1e-6)
    assert "vector" not in store.get([recs[2].id])[recs[2].id]
    assert store.get([]) == {}


def test_existing_pages_through_everything(filled: tuple[ImageStore, list[ImageRecord], np.ndarray]) -> None:
    store, recs, _ = filled
    seen = list(store.existing(batch=7))  # 20 rows in pages of 7: the last page is partial
    assert sorted(r.id for r in seen) == [r.id for r in recs]
    by_id = {r.id: r for r in seen}
    for rec in recs:
        assert (by_id[rec.id].path, by_id[rec.id].bytes) == (rec.path, rec.bytes)
        assert by_id[rec.id].mtime == pytest.approx(rec.mtime)


def test_lookups_by_path_and_id_take_any_path(open_store: OpenStore) -> None:
    """A run looks rows up a batch of paths at a time (`path in [...]`): quotes, backslashes and non-ASCII in a
    path must match exactly that path; a control character is not looked up (re-read instead), never an error."""
    store = open_store()
    odd = ['a "quoted" name.jpg', "back\\slash\\x.jpg", "café/été.jpg", "ctrl\tname.jpg", "plain.jpg"]
    store.add([ImageRecord(f"id{i}", p, bytes=i) for i, p in enumerate(odd)], unit_vectors(len(odd)))
    found = store.rows_at([*odd, "absent.jpg", 'a "quoted" name.jpg.x'])
    assert sorted(found) == sorted(p for p in odd if "\t" not in p)
    assert all(len(recs) == 1 and recs[0].path == p for p, recs in found.items())
    assert store.paths_of(["id0", "id2", "nope", "id2"]) == {"id0": odd[0], "id2": odd[2]}
    assert sorted(row["id"] for page in store.scan(["id", "path"], 2) for row in page) == [f"id{i}" for i in range(5)]


def test_new_collections_index_their_paths(open_store: OpenStore) -> None:
    """`path in [...]` lookups run per batch of every run: a new collection gets a scalar index on `path` (INVERTED
    on Lite and 2.4+, a Trie on a 2.3 server), so they need not scan the column."""
    store = open_store()
    assert "path" in store._client.list_indexes(store.name)


def test_uncounted_write_then_account_keeps_the_summary_exact(open_store: OpenStore) -> None:
    """A Ray worker writes without touching the summary and returns what it replaced; the driver accounts it."""
    from indexer.photometa import PhotoMeta

    driver, worker = open_store(), open_store()
    driver.begin_writing()
    shot = PhotoMeta(taken=1_600_000_000, taken_src="exif", camera="Cam")
    recs = [ImageRecord(f"w{i}", f"w/{i}.jpg", photo=shot) for i in range(3)]
    driver.account(worker.add_uncounted(recs[:2], unit_vectors(2)), [r.photo for r in recs[:2]])
    replaced = worker.add_uncounted(recs[1:], unit_vectors(2))  # w1 again: it replaces itself
    assert replaced == [shot]
    driver.account(replaced, [r.photo for r in recs[1:]])
    driver.finalize()
    held = driver.summary(bar=False)
    assert (held.rows, held.dated, driver.count()) == (3, 3, 3)


def test_adding_a_stored_id_again_keeps_one_row(open_store: OpenStore) -> None:
    # Ids are content hashes: the pipeline's repoint and a re-run after a crash may write an id again.
    store = open_store()
    first, again = records(1)[0], ImageRecord(id="id000", path="moved/img000.jpg")
    store.add([first], unit_vectors(1))
    store.add([again], unit_vectors(1))
    assert store.count() == 1
    assert store.get(["id000"])["id000"]["path"] == "moved/img000.jpg"


def test_reopen_with_same_identity_keeps_rows(open_store: OpenStore) -> None:
    store = open_store()
    store.add(records(3), unit_vectors(3))
    store.finalize()
    store.close()
    again = open_store(IDENTITY)
    assert again.identity == IDENTITY
    assert again.count() == 3
    read_only = open_store(None, create=False)  # no model: takes the recorded identity
    assert read_only.identity == IDENTITY


def test_other_identity_is_a_model_mismatch_naming_both(open_store: OpenStore) -> None:
    open_store().add(records(2), unit_vectors(2))
    with pytest.raises(ModelMismatch) as excinfo:
        open_store(OTHER)
    message = str(excinfo.value)
    assert str(IDENTITY) in message and str(OTHER) in message
    assert (excinfo.value.stored, excinfo.value.requested) == (str(IDENTITY), str(OTHER))


def test_missing_collection(open_store: OpenStore, store_uri: str, collection: str) -> None:
    with pytest.raises(CollectionMissing, match=collection):
        open_store(IDENTITY, create=False)
    with pytest.raises(CollectionMissing):
        open_store(None)  # no identity: nothing to create the collection with
    with pytest.raises(CollectionMissing):
        describe(store_uri, collection)


def test_describe_without_a_model(open_store: OpenStore, store_uri: str, collection: str) -> None:
    store = open_store()
    store.add(records(4), unit_vectors(4))
    info = describe(store_uri, collection)
    assert (info.name, info.identity, info.count) == (collection, IDENTITY, 4)
    assert store.info() == info


def test_drop_removes_the_collection(open_store: OpenStore, store_uri: str, collection: str) -> None:
    store = open_store()
    store.add(records(4), unit_vectors(4))
    store.close()
    drop(store_uri, collection)
    with pytest.raises(CollectionMissing):
        describe(store_uri, collection)
    fresh = open_store(OTHER)  # after a drop any model may start over
    assert fresh.count() == 0
    assert describe(store_uri, collection).identity == OTHER


# -- one Lite data dir shared between processes (Lite only: a server needs no sharing) -----------------

HOLDER = """
import sys
import numpy as np
from langchain_core.embeddings import DeterministicFakeEmbedding
from indexer.embedding import ModelIdentity
from indexer.store import ImageRecord, ImageStore

store = ImageStore(sys.argv[1], "images", ModelIdentity("unit-vectors", "fixed", 16),
                   embeddings=DeterministicFakeEmbedding(size=16))
store.add([ImageRecord(f"held{i}", f"held/{i}.jpg") for i in range(3)], np.eye(16, dtype=np.float32)[:3])
store.finalize()
print("ready", flush=True)
sys.stdin.read()  # hold the data dir until the test closes our stdin
store.close()
"""


@pytest.fixture
def holder(tmp_db: str, subprocess_env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    """A real second process holding the Lite data dir `tmp_db` with 3 rows in it."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, tmp_db], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env=subprocess_env,
    )
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.strip() == "ready", f"holder did not start (rc={proc.poll()})"
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def test_second_process_joins_through_the_endpoint(
    holder: subprocess.Popen[str], tmp_db: str, no_text_embeddings: Embeddings
) -> None:
    endpoint = json.loads(endpoint_file(Path(tmp_db).resolve()).read_text())
    assert endpoint["pid"] == holder.pid
    joined = ImageStore(tmp_db, "images", IDENTITY, embeddings=no_text_embeddings)
    assert joined.count() == 3
    assert set(joined.get(["held0", "held1", "held2"])) == {"held0", "held1", "held2"}
    joined.add([ImageRecord("joined0", "joined/0.jpg")], unit_vectors(1))  # writes go through the holder
    assert joined.count() == 4
    joined.close()

    holder.stdin.close()  # type: ignore[union-attr]
    assert holder.wait(timeout=30) == 0
    # The holder is gone (its endpoint file is now stale): the dir must open directly, with every row.
    reopened = ImageStore(tmp_db, "images", IDENTITY, embeddings=no_text_embeddings)
    assert reopened.count() == 4
    assert json.loads(endpoint_file(Path(tmp_db).resolve()).read_text())["pid"] == os.getpid()
    reopened.close()


def test_data_dir_opens_after_the_holder_is_killed(
    holder: subprocess.Popen[str], tmp_db: str, no_text_embeddings: Embeddings
) -> None:
    holder.send_signal(signal.SIGKILL)  # no clean-up at all: a stale endpoint file and a dead pid remain
    holder.wait(timeout=30)
    store = ImageStore(tmp_db, "images", IDENTITY, embeddings=no_text_embeddings)
    assert store.count() == 3
    store.close()


def test_holder_that_does_not_share_is_reported(
    tmp_db: str, subprocess_env: dict[str, str], no_text_embeddings: Embeddings
) -> None:
    data_dir = Path(tmp_db)
    data_dir.mkdir(parents=True)
    lock = data_dir / "LOCK"
    grab = "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT); " \
        "fcntl.flock(fd, fcntl.LOCK_EX); print('ready', flush=True); sys.stdin.read()"
    proc = subprocess.Popen([sys.executable, "-c", grab, str(lock)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env=subprocess_env)
    try:
        assert proc.stdout.readline().strip() == "ready"  # type: ignore[union-attr]
        with pytest.raises(StoreUnavailable, match="open in another process"):
            ImageStore(tmp_db, "images", IDENTITY, embeddings=no_text_embeddings)
    finally:
        proc.kill()
        proc.wait(timeout=30)
