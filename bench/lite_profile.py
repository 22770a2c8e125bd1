"""Where a Milvus Lite search spends its time: product path vs the embedded engine called directly,
segment layout, persisted index files, an ef sweep with recall, and a cProfile of the engine's search.

Milvus Lite 3.x is pure Python: the search runs in an in-process gRPC server thread. Calling its
`Collection.search` directly (no langchain-milvus, pymilvus, gRPC or protobuf) isolates the engine cost;
the difference to `ImageStore.search` is the client/transport overhead.

    .venv/bin/python bench/lite_profile.py                 # smoke: 20k vectors
    .venv/bin/python bench/lite_profile.py --full          # 100k vectors
    .venv/bin/python bench/lite_profile.py --segments 20   # force 20 flushed segments (no compaction wait)
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import clustered_vectors, percentile, table, write_section  # noqa: E402
from bench.query_latency import DIM, K, apply_params, exact_top, ids_of, index_params, open_store  # noqa: E402


def fill_segments(store, data: np.ndarray, segments: int) -> None:  # noqa: ANN001
    """Insert in `segments` slices with a flush after each (1 = the product's single finalize)."""
    from indexer.store import ImageRecord

    ids = ids_of(len(data))
    bounds = np.linspace(0, len(data), segments + 1).astype(int)
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        for s in range(lo, hi, 5000):
            e = min(s + 5000, hi)
            recs = [ImageRecord(ids[i], f"img/{i}.jpg", f"caption {i}", 640, 480, 1, 0.0, {}) for i in range(s, e)]
            store.add(recs, data[s:e])
        store._client.flush(store.name)
    store.finalize()


def engine_collection(uri: str, name: str):  # noqa: ANN201
    from milvus_lite.server_manager import server_manager_instance

    db = server_manager_instance._servers[str(Path(uri).resolve())][1]
    return db.get_collection(name)


def lat(fn, queries: np.ndarray) -> tuple[float, float, list]:  # noqa: ANN001
    times, out = [], []
    for q in queries:
        t = time.perf_counter()
        out.append(fn(q))
        times.append((time.perf_counter() - t) * 1e3)
    return percentile(times, 50), percentile(times, 95), out


def profile_text(fn, queries: np.ndarray, top: int = 14) -> str:  # noqa: ANN001
    prof = cProfile.Profile()
    prof.enable()
    for q in queries:
        fn(q)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    lines = [ln for ln in buf.getvalue().splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if "ncalls" in ln)
    return "\n".join(lines[start : start + top + 1])


def recall_of(found: list[list[int]], exact: np.ndarray) -> float:
    return float(np.mean([len(set(f) & set(e.tolist())) / K for f, e in zip(found, exact, strict=True)]))


def run(n: int, segments: int, queries: int, tmp: Path) -> str:
    from indexer.embedding import ModelIdentity

    data = clustered_vectors(n, DIM, seed=n)
    rng = np.random.default_rng(7)
    qs = data[rng.choice(n, queries, replace=False)] + 0.5 * rng.standard_normal((queries, DIM)).astype(
        np.float32
    ) / np.sqrt(DIM)
    qs /= np.linalg.norm(qs, axis=1, keepdims=True)
    exact = exact_top(data, qs)
    uri, name = str(tmp / "lite.db"), "prof"
    store = open_store(uri, name, ModelIdentity("bench", "random", DIM))
    t = time.perf_counter()
    fill_segments(store, data, segments)
    fill_s = time.perf_counter() - t
    col = engine_collection(uri, name)
    idx_files = sorted(p.name for p in Path(uri).rglob("*.idx"))
    segs = list(col._segment_cache.values())
    fields = ["caption", "path", "width", "height", "bytes", "mtime", "attrs"]
    rows = []
    for ef in (16, 32, 64, 128):
        sp = {"ef": ef}

        def direct(q: np.ndarray, sp: dict = sp) -> list[int]:
            hits = col.search([q.tolist()], K, output_fields=fields, search_params=sp)[0]
            return [int(h["id"], 16) for h in hits]

        store._vs.search_params = {"metric_type": "COSINE", "params": sp}
        product = lambda q: [int(h.id, 16) for h in store.search(q.tolist(), K)]  # noqa: E731
        for label, fn in (("engine direct", direct), ("ImageStore.search", product)):
            lat(fn, qs[:3])
            p50, p95, found = lat(fn, qs)
            rows.append([label, ef, p50, p95, recall_of(found, exact)])
    prof = profile_text(lambda q: col.search([q.tolist()], K, output_fields=fields, search_params={"ef": 64}), qs)
    store.close()
    return (
        f"{n} vectors, {segments} flush(es) → {len(segs)} segments (rows {[s.num_rows for s in segs]}), "
        f"{len(idx_files)} persisted .idx file(s); insert+flush+finalize {fill_s:.1f} s\n\n"
        + table(["path", "ef", "p50 ms", "p95 ms", "recall@10"], rows)
        + "\n\ncProfile of the engine search (ef=64), by own time:\n\n```\n" + prof + "\n```\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="100k vectors")
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--segments", type=int, default=1)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--index")
    parser.add_argument("--index-params")
    parser.add_argument("--search-params")
    parser.add_argument("--section", default="lite")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.full:
        args.n = 100_000
    started = time.time()
    label = apply_params(*index_params(args))
    with tempfile.TemporaryDirectory(prefix="bench-lite-") as tmp:
        body = f"Index: {label}. " + run(args.n, args.segments, args.queries, Path(tmp))
    print(body)
    if not args.no_write:
        write_section(args.section, f"2b. Milvus Lite cost centres ({args.section})", body, started)


if __name__ == "__main__":
    main()
