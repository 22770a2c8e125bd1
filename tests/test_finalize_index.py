"""finalize() must leave every flushed Milvus Lite segment with a built, persisted vector index, so the
first search (in this process or a fresh one) never pays for an index build (see bench/RESULTS.md)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from indexer.embedding import ModelIdentity
from indexer.store import ImageRecord, ImageStore


def test_finalize_builds_and_persists_every_segment_index(tmp_db: str, random_clip) -> None:  # noqa: ANN001
    identity = ModelIdentity("bench", "random", 16)
    store = ImageStore(tmp_db, "fin", identity, embeddings=random_clip)
    rng = np.random.default_rng(0)
    for part in range(3):  # three flushes → three segments
        recs = [ImageRecord(f"{part:02d}{i:030x}", f"{part}/{i}.jpg") for i in range(50)]
        store.add(recs, rng.standard_normal((50, 16)).astype(np.float32))
        store.finalize()
    data = sorted(p.stem for p in Path(tmp_db).rglob("data/*.parquet"))
    indexes = sorted(p.name.split(".")[0] for p in Path(tmp_db).rglob("indexes/*.idx"))
    assert data and indexes == data
    assert len(store.search(rng.standard_normal(16).tolist(), 5)) == 5
    store.close()
