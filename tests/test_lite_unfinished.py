"""A process killed while Milvus Lite creates a collection must not block that collection forever.

Lite makes the collection's directory, then writes its schema into it. A kill -9 in between (the Ray driver in
one run of the suite under load, while creating the summary companion) left a directory that Lite does not
count as a collection but will not create again: every later run failed with "File exists". Here a real
process dies at exactly that point, and the next one to open the data dir must create and use the collection.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from langchain_core.embeddings import Embeddings

from indexer.store import ImageStore
from tests.test_store import IDENTITY, records, unit_vectors

DIES_CREATING = """
import os, sys
import milvus_lite.db
from pymilvus import MilvusClient
from indexer.lite import connect_uri

client = MilvusClient(connect_uri(sys.argv[1]))
client.create_collection("kept", dimension=4)
client.insert("kept", [{"id": 1, "vector": [0.5, 0.5, 0.5, 0.5]}])
client.flush("kept")
milvus_lite.db.save_schema = lambda *args, **kwargs: os._exit(9)  # the kill lands after mkdir, before the schema
client.create_collection("photos", dimension=4)
"""


def test_a_collection_whose_creation_was_killed_is_created_on_the_next_run(
    tmp_path: Path, no_text_embeddings: Embeddings
) -> None:
    data_dir = tmp_path / "db"
    died = subprocess.run([sys.executable, "-c", DIES_CREATING, str(data_dir)], capture_output=True, text=True,
                          cwd=Path(__file__).parent.parent, timeout=120)  # fmt: skip
    assert died.returncode == 9, died.stderr[-2000:]
    left = data_dir / "collections" / "photos"
    assert left.is_dir() and not (left / "schema.json").exists()  # the state a kill leaves behind

    store = ImageStore(str(data_dir), "photos", IDENTITY, embeddings=no_text_embeddings)
    try:
        store.add(records(3), unit_vectors(3))
        store.finalize()
        assert store.count() == 3
        assert store.search(unit_vectors(3)[1].tolist(), k=1)[0].id == "id001"
        kept = store._client.query("kept", filter="", output_fields=["count(*)"])
        assert kept[0]["count(*)"] == 1  # the finished collection beside it is untouched
    finally:
        store.close()
