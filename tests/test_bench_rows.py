"""The benchmarks' synthetic rows fit the indexer's schema as it is now.

bench/summary_start.py and bench/ray_rss.py fill collections with rows written straight through pymilvus (an
older version's rows, or just many of them). When the schema gained its text fields, those writers fell behind and
the benchmarks failed only when someone next ran them; inserting their rows into a real collection made by
indexer.schema catches that in the suite.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from bench.ray_rss import _rows as rss_rows
from bench.summary_start import _rows as start_rows
from indexer.lite import connect_uri
from indexer.schema import create
from indexer.store import INDEX_PARAMS

DIM = 16


def test_synthetic_rows_insert_into_the_indexers_collection(tmp_path: Path) -> None:
    from pymilvus import MilvusClient

    towns = [("Porto", "Porto", "Portugal", 41.15, -8.61)]
    writers = {"summary_start": start_rows(0, 3, DIM, towns), "ray_rss": rss_rows(0, 3, DIM, np.random.default_rng(0))}
    client = MilvusClient(uri=connect_uri(str(tmp_path / "db")))
    try:
        for name, rows in writers.items():
            create(client, name, DIM, "bench rows", INDEX_PARAMS)
            assert client.insert(name, rows)["insert_count"] == 3, name
            stored = client.query(name, filter="", output_fields=["id", "path", "text"], limit=10)
            assert sorted(r["path"] for r in stored) == sorted(r["path"] for r in rows), name
    finally:
        client.close()
