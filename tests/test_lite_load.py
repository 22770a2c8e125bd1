"""An indexing run's last load on a Milvus Lite dir survives Lite's own background index writer.

Milvus Lite writes a segment's scalar index file in place from a background build that a flush starts; a load
that reads it half-written fails with "File is too small: 0". It failed one run of the suite under a CPU hog
(test_ocr's first `index`). The store's finalize loads again a moment later; these tests make the real Lite
client's load fail the way it did, a set number of times, and check what the run sees.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings
from pymilvus.exceptions import MilvusException

from indexer import lite
from indexer.errors import StoreUnavailable
from indexer.store import ImageStore
from tests.test_store import IDENTITY, records, unit_vectors


def _failing(load: Callable[[str], None], failures: int) -> tuple[Callable[[str], None], list[str]]:
    """`load`, failing as Lite does mid-write for the first `failures` calls; the calls are recorded."""
    calls: list[str] = []

    def flaky(name: str, **kwargs: object) -> None:
        calls.append(name)
        if len(calls) <= failures:
            raise MilvusException(message="File is too small: 0")
        load(name, **kwargs)

    return flaky, calls


@pytest.fixture
def store(tmp_path: Path, no_text_embeddings: Embeddings, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    monkeypatch.setattr(lite, "LOAD_BACKOFF_S", 0.0, raising=False)  # no waiting in a test
    opened = ImageStore(str(tmp_path / "db"), "photos", IDENTITY, embeddings=no_text_embeddings)
    opened.add(records(6), unit_vectors(6))
    yield opened
    opened.close()


def test_a_load_that_meets_a_half_written_file_is_tried_again(store: ImageStore, monkeypatch) -> None:  # noqa: ANN001
    flaky, calls = _failing(store._client.load_collection, failures=2)
    monkeypatch.setattr(store._client, "load_collection", flaky)
    store.finalize()
    assert len(calls) == 3  # two failures, then the load that worked
    hits = store.search(unit_vectors(6)[2].tolist(), k=1)
    assert hits[0].id == "id002"


def test_a_load_that_keeps_failing_says_so(store: ImageStore, monkeypatch) -> None:  # noqa: ANN001
    flaky, calls = _failing(store._client.load_collection, failures=100)
    monkeypatch.setattr(store._client, "load_collection", flaky)
    with pytest.raises(StoreUnavailable, match="load in photos .*File is too small"):
        store.finalize()
    assert len(calls) == lite.LOAD_TRIES
