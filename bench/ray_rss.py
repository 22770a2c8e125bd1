"""bench/ray_index.py's `rss` mode: peak RSS of an incremental run against a server collection of growing size,
and the server's insert throughput (see that script's docstring)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bench.common import REPO_ROOT, table
from bench.server import start_server

COLLECTION = "rss"
SMALL = 48  # files in the incremental run's folder
BATCH = 10_000


def _rows(start: int, n: int, dim: int, rng: np.random.Generator) -> list[dict]:
    from indexer.ocr import OcrResult
    from indexer.schema import text_columns

    vecs = rng.standard_normal((n, dim)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    return [{"id": f"{start + i:032x}", "vector": v.tolist(), "caption": "", "path": f"stored/{(start + i) // 1000}/"
             f"{start + i}.jpg", "width": 640, "height": 480, "bytes": 50_000, "mtime": 1.7e9, "attrs": {},
             "phash": "", "taken": 1_700_000_000 + i, "taken_src": "mtime", "camera": "", "lat": 1000.0,
             "lon": 1000.0, "city": "", "region": "", "country": "",
             **text_columns(f"stored/{(start + i) // 1000}/{start + i}.jpg", "", {}, OcrResult())}
            for i, v in enumerate(vecs)]  # fmt: skip


def _fill(client, have: int, want: int, dim: int) -> float:  # noqa: ANN001
    """Insert rows up to `want`; returns inserts/s (raw MilvusClient.insert, batches of BATCH)."""
    rng = np.random.default_rng(want)
    start = time.perf_counter()
    for at in range(have, want, BATCH):
        client.insert(COLLECTION, _rows(at, min(BATCH, want - at), dim, rng))
    client.flush(COLLECTION)
    return (want - have) / max(1e-9, time.perf_counter() - start)


def _store_rate(uri: str, emb, dim: int, n: int = 5000) -> float:  # noqa: ANN001
    """Inserts/s through ImageStore.add (LangChain, replace-by-id, summary delta): the indexer's own path."""
    from indexer.schema import ImageRecord
    from indexer.store import ImageStore

    store = ImageStore(uri, "rss_store", emb.identity, embeddings=emb)
    rng = np.random.default_rng(1)
    start = time.perf_counter()
    for at in range(0, n, 500):
        recs = [ImageRecord(f"s{at + i:031x}", f"s/{at + i}.jpg") for i in range(500)]
        store.add(recs, rng.standard_normal((500, dim)).astype(np.float32))
    rate = n / (time.perf_counter() - start)
    store.close()
    return rate


def rss_child(uri: str, folder: str) -> dict[str, float]:
    """One incremental `index` run of `folder` (in this process): its peak RSS and seconds."""
    import contextlib
    import io

    from bench.common import peak_rss_mb
    from indexer.cli import main

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()) as out:
        rc = main(["index", folder, "--db", uri, "--collection", COLLECTION, "--model", "demo-clip",
                   "--pretrained", "random", "--no-thumbnails", "--json"])  # fmt: skip
    if rc != 0:
        raise SystemExit(f"index failed: {rc}")
    report = json.loads(out.getvalue().strip().splitlines()[-1])
    return {"peak_rss_mb": peak_rss_mb(), "seconds": time.perf_counter() - start, "indexed": report["indexed"]}


def _measure(uri: str, folder: Path) -> dict[str, float]:
    cmd = [sys.executable, str(REPO_ROOT / "bench" / "ray_index.py"), "--rss-child", uri, str(folder)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO_ROOT,
                         env=env | {"TQDM_DISABLE": "1", "PYTHONPATH": str(REPO_ROOT)})
    if out.returncode != 0:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def rss(args: argparse.Namespace, _peak: Callable[[], float]) -> str:
    from pymilvus import MilvusClient

    from bench.index_throughput import make_jpegs
    from indexer.embedding import ClipEmbeddings
    from indexer.store import ImageStore

    levels = [int(x) for x in args.levels.split(",")]
    emb = ClipEmbeddings("demo-clip", "random", device="cpu")
    dim = emb.identity.dim
    folder = make_jpegs(Path(tempfile.gettempdir()) / "bench-rss-small", SMALL)
    rows, rates = [], []
    with tempfile.TemporaryDirectory(prefix="bench-ray-rss-") as tmp:
        server = start_server(Path(tmp) / "milvus")
        try:
            ImageStore(server.uri, COLLECTION, emb.identity, embeddings=emb).close()  # the indexer's schema
            client = MilvusClient(uri=server.uri)
            have = 0
            for level in levels:
                if level > have:
                    rates.append((have, level, _fill(client, have, level, dim)))
                    have = level
                _measure(server.uri, folder)  # first run at this size: indexes the folder / recounts the summary
                runs = [_measure(server.uri, folder) for _ in range(args.repeats)]
                peak = sorted(r["peak_rss_mb"] for r in runs)[len(runs) // 2]
                secs = sorted(r["seconds"] for r in runs)[len(runs) // 2]
                rows.append([level, peak, secs])
                print(rows[-1], flush=True)
            store_rate = _store_rate(server.uri, emb, dim)
            client.close()
        finally:
            server.stop()
    base = rows[0][1]
    spread = max(r[1] for r in rows) / min(r[1] for r in rows) - 1
    body = (f"Milvus 2.3.5 standalone (PyPI `milvus`) on this machine; collection with the indexer's schema and "
            f"HNSW index, random {dim}-d vectors (demo-clip's size). Per level: one warm-up run, then "
            f"{args.repeats} incremental `index` runs (child processes) of a {SMALL}-image folder; median peak RSS "
            "of the run's process.\n\n"
            + table(["stored rows", "peak RSS MB (median)", "run seconds (median)"],
                    [[r[0], r[1], r[2]] for r in rows])
            + f"\n\n**Spread of peak RSS across sizes: {100 * spread:.1f} %** (target: within 10 %; base {base:.0f} "
            "MB at 0 rows).\n\nInserts/s on this server: "
            + "; ".join(f"{a:,}→{b:,} rows: {r:,.0f}/s raw (MilvusClient.insert, {BATCH:,}-row batches)"
                        for a, b, r in rates)
            + f"; {store_rate:,.0f}/s through ImageStore.add (500-row batches: replace by id + summary delta).\n")
    return body
