"""Query latency (text encode + Milvus search) and the scale curve, per backend, beside numpy brute force.

For each size the same clustered 512-d unit vectors go into Milvus Lite (the embedded default) and a real
Milvus standalone server, through the product's own `ImageStore` (langchain-milvus), with the product's
INDEX_PARAMS unless overridden. A query = ViT-B-32 text encode of a caption + `ImageStore.search(k=10)`;
the searched vector is a perturbed stored vector so recall@10 against exact numpy top-10 means something.
Latency percentiles are per pass over all queries; the median over passes is reported.

    .venv/bin/python bench/query_latency.py                  # smoke: 2k vectors, lite + numpy
    .venv/bin/python bench/query_latency.py --full           # 1k/10k/100k, lite + server + numpy
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# One BLAS thread for the numpy baseline: OpenBLAS worker threads busy-wait after each call and starve
# the next text encode's torch threads (that measured as +80 ms per query on 2 cores).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    REPO_ROOT,
    clustered_vectors,
    dir_size_mb,
    median,
    percentile,
    table,
    wait_for_quiet_cpu,
    write_section,
)

DIM, K, INSERT_BATCH = 512, 10, 5000


@dataclass
class Row:
    backend: str
    n: int
    index: str
    p50: list[float] = field(default_factory=list)  # ms per pass, encode + search
    p95: list[float] = field(default_factory=list)
    search_p50: list[float] = field(default_factory=list)  # ms, search only
    recall: float = 1.0
    load_s: float = 0.0  # insert + finalize (flush + index build)
    build_s: float = 0.0  # finalize alone
    first_s: float = float("nan")  # fresh process: open store + first search
    size_mb: float = float("nan")
    settle_s: float = 0.0  # after finalize: until the machine's CPU is quiet again (background work)

    def cells(self) -> list[object]:
        return [self.backend, self.n, self.index, median(self.p50), median(self.p95), median(self.search_p50),
                self.recall, self.load_s, self.build_s, self.settle_s, self.first_s, self.size_mb]


BACKEND_ORDER = ["numpy", "lite", "server"]  # the server last: its background work outlives its row
HEADERS = ["backend", "vectors", "index", "p50 ms", "p95 ms", "search-only p50 ms", "recall@10",
           "insert+build s", "build s", "then busy in background s", "fresh-process first search s", "store MB"]


def exact_top(data: np.ndarray, queries: np.ndarray) -> np.ndarray:
    scores = queries @ data.T
    top = np.argpartition(-scores, K, axis=1)[:, :K]
    return np.take_along_axis(top, np.argsort(-np.take_along_axis(scores, top, 1), 1), 1)


def ids_of(n: int) -> list[str]:
    return [f"{i:032x}" for i in range(n)]


def fill(store, data: np.ndarray) -> tuple[float, float]:  # noqa: ANN001
    """Insert in batches through the product path, then finalize; returns (total s, finalize s)."""
    from indexer.store import ImageRecord

    ids = ids_of(len(data))
    start = time.perf_counter()
    for lo in range(0, len(data), INSERT_BATCH):
        recs = [ImageRecord(ids[i], f"img/{i}.jpg", f"caption {i}", 640, 480, 1, 0.0, {"scene": "x"})
                for i in range(lo, min(lo + INSERT_BATCH, len(data)))]
        store.add(recs, data[lo : lo + INSERT_BATCH])
    mid = time.perf_counter()
    store.finalize()
    end = time.perf_counter()
    return end - start, end - mid


def time_queries(search, encoder, texts: list[str], queries: np.ndarray, row: Row, passes: int) -> list[list[str]]:  # noqa: ANN001
    """Each query: encode its caption, then search; returns the hit ids of the last pass."""
    for q in queries[:3]:
        search(q)  # warm-up (connections, caches, lazily built state)
    found: list[list[str]] = []
    for _ in range(passes):
        total, only, found = [], [], []
        for text, q in zip(texts, queries, strict=True):
            t0 = time.perf_counter()
            encoder(text)
            t1 = time.perf_counter()
            found.append(search(q))
            t2 = time.perf_counter()
            total.append((t2 - t0) * 1e3)
            only.append((t2 - t1) * 1e3)
        row.p50.append(percentile(total, 50))
        row.p95.append(percentile(total, 95))
        row.search_p50.append(percentile(only, 50))
    return found


def recall(found: list[list[str]], exact: np.ndarray) -> float:
    ids = ids_of(int(exact.max()) + 1)
    hits = [len(set(f) & {ids[j] for j in e}) / K for f, e in zip(found, exact, strict=True)]
    return float(np.mean(hits))


def index_params(args: argparse.Namespace) -> tuple[dict, dict]:
    """INDEX_PARAMS and search params: the product's, unless the command line overrides them."""
    from indexer import store as store_mod

    build = dict(store_mod.INDEX_PARAMS, params=dict(store_mod.INDEX_PARAMS["params"]))
    search = dict(store_mod.SEARCH_PARAMS, params=dict(store_mod.SEARCH_PARAMS["params"]))
    if args.index:
        build["index_type"] = args.index
        build["params"] = json.loads(args.index_params or "{}")
        search["params"] = json.loads(args.search_params or "{}")
    return build, search


def apply_params(build: dict, search: dict) -> str:
    from indexer import store as store_mod

    store_mod.INDEX_PARAMS.clear()
    store_mod.INDEX_PARAMS.update(build)
    store_mod.SEARCH_PARAMS.clear()
    store_mod.SEARCH_PARAMS.update(search)
    return f"{build['index_type']} {build['params']} / {search['params']}"


def first_search_fresh(uri: str, collection: str, query: np.ndarray) -> float:
    """Seconds for a NEW process to open the store and answer one search (model load not counted)."""
    code = (
        f"import sys,time,json; sys.path.insert(0, {str(REPO_ROOT)!r})\n"
        "from bench.query_latency import open_store\n"
        f"t=time.perf_counter(); s=open_store({uri!r}, {collection!r}, None); s.search(json.loads(sys.argv[1]), 10)\n"
        "print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code, json.dumps(query.tolist())], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"fresh-process search failed:\n{out.stderr[-2000:]}")
    return float(out.stdout.strip().splitlines()[-1])


class _NoEmbed:
    """ImageStore wants a LangChain embedding; searches here always pass vectors."""

    def embed_documents(self, texts):  # noqa: ANN001, ANN201
        raise NotImplementedError

    def embed_query(self, text):  # noqa: ANN001, ANN201
        raise NotImplementedError


def open_store(uri: str, collection: str, identity):  # noqa: ANN001, ANN201
    from indexer.store import ImageStore

    return ImageStore(uri, collection, identity, embeddings=_NoEmbed(), create=identity is not None)


def measure_store(backend: str, uri: str, data: np.ndarray, case: dict, args: argparse.Namespace) -> Row:
    from indexer.embedding import ModelIdentity

    identity = ModelIdentity("bench", "random", DIM)
    name = f"bench{len(data)}"
    store = open_store(uri, name, identity)
    row = Row(backend, len(data), case["label"])
    row.load_s, row.build_s = fill(store, data)
    # A server keeps compacting and building segment indexes for a while after a bulk insert; that is
    # a one-off after indexing, not the steady state the bot serves in, and it would slow the text encode.
    row.settle_s = wait_for_quiet_cpu()

    def search(q: np.ndarray) -> list[str]:
        return [h.id for h in store.search(q.tolist(), K)]

    found = time_queries(search, case["encode"], case["texts"], case["queries"], row, args.passes)
    row.recall = recall(found, case["exact"])
    store.close()
    if backend == "lite":
        from milvus_lite.server_manager import server_manager_instance

        server_manager_instance.release_server(uri)  # let a fresh process open the dir itself
        row.size_mb = dir_size_mb(Path(uri))
    row.first_s = first_search_fresh(uri, name, case["queries"][0])
    return row


def measure_numpy(data: np.ndarray, case: dict, args: argparse.Namespace) -> Row:
    row = Row("numpy", len(data), "exact (matmul)")

    def search(q: np.ndarray) -> list[int]:
        scores = data @ q
        top = np.argpartition(-scores, K)[:K]
        return top[np.argsort(-scores[top])].tolist()

    time_queries(search, case["encode"], case["texts"], case["queries"], row, args.passes)
    row.load_s = row.build_s = 0.0
    row.size_mb = data.nbytes / 2**20
    return row


def make_case(n: int, encoder, label: str, queries: int) -> tuple[np.ndarray, dict]:  # noqa: ANN001
    data = clustered_vectors(n, DIM, seed=n)
    rng = np.random.default_rng(7)
    picks = rng.choice(n, queries, replace=False)
    # a query sits near a stored vector (cosine ≈ 0.9), like a caption near its photo
    q = data[picks] + 0.5 * rng.standard_normal((queries, DIM)).astype(np.float32) / np.sqrt(DIM)
    # float32 like the stored vectors: a float64 query would make numpy upcast the whole matrix per search
    q = (q / np.linalg.norm(q, axis=1, keepdims=True)).astype(np.float32)
    texts = [f"a photo of a {w} dog on the beach at sunset, number {i}" for i, w in enumerate(picks)]
    case = {"queries": q, "exact": exact_top(data, q), "texts": texts, "encode": encoder, "label": label}
    return data, case


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="sizes 1k,10k,100k; backends lite,server,numpy")
    parser.add_argument("--sizes", default="2000")
    parser.add_argument("--backends", default="lite,numpy")
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--index", help="override index type, e.g. IVF_FLAT (default: the product's)")
    parser.add_argument("--index-params", help='JSON build params, e.g. \'{"nlist": 1024}\'')
    parser.add_argument("--search-params", help='JSON search params, e.g. \'{"nprobe": 16}\'')
    parser.add_argument("--section", default="query", help="RESULTS.md section to (re)write")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.full:
        args.sizes, args.backends, args.queries = "1000,10000,100000", "lite,server,numpy", 100
    started = time.time()
    label = apply_params(*index_params(args))
    from indexer.embedding import ClipEmbeddings

    emb = ClipEmbeddings("ViT-B-32", "random", device="cpu")
    rows = run_all([int(s) for s in args.sizes.split(",")], args.backends.split(","), emb, label, args)
    body = report(rows, args)
    print(body)
    if not args.no_write:
        write_section(args.section, "2. Query latency and 4. scale curve", body, started)


def run_all(sizes: list[int], backends: list[str], emb, label: str, args: argparse.Namespace) -> list[Row]:  # noqa: ANN001
    rows: list[Row] = []
    encode = lambda text: emb.encode_texts([text])  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="bench-query-") as tmp:
        server = _start_server(Path(tmp) / "server") if "server" in backends else None
        try:
            for n in sizes:
                data, case = make_case(n, encode, label, args.queries)
                for backend in sorted(backends, key=BACKEND_ORDER.index):
                    waited = wait_for_quiet_cpu()  # no background compaction/index build in the figures
                    if backend == "numpy":
                        row = measure_numpy(data, case, args)
                    else:
                        uri = server.uri if backend == "server" else str(Path(tmp) / f"lite{n}.db")
                        row = measure_store(backend, uri, data, case, args)
                        if backend == "server":
                            row.size_mb = dir_size_mb(Path(tmp) / "server" / "data")
                            _drop(uri, f"bench{n}")  # its background work must not reach the next size
                    rows.append(row)
                    print(f"  (waited {waited:.0f}s for a quiet CPU) " + " | ".join(str(c) for c in row.cells()),
                          flush=True)
        finally:
            if server is not None:
                server.stop()
    return rows


def _drop(uri: str, collection: str) -> None:
    from pymilvus import MilvusClient

    client = MilvusClient(uri=uri)
    try:
        client.drop_collection(collection)
    finally:
        client.close()


def _start_server(data_dir: Path):  # noqa: ANN202
    from bench.server import start_server

    return start_server(data_dir)


def report(rows: list[Row], args: argparse.Namespace) -> str:
    numpy_p50 = {r.n: median(r.p50) for r in rows if r.backend == "numpy"}
    lines = [table(HEADERS + ["p50 / numpy p50"], [r.cells() + [median(r.p50) / numpy_p50.get(r.n, float("nan"))]
                                                    for r in rows])]
    lines.append(
        f"\n{args.queries} queries × {args.passes} passes per row (p50/p95 = median over passes); k={K}; "
        "latency = ViT-B-32 text encode + `ImageStore.search` (langchain-milvus → pymilvus → gRPC). "
        "`store MB`: data dir on disk (server: its whole data dir incl. etcd/WAL). "
        "`then busy in background s`: from finalize until a 1-s CPU sample reads < 15 % busy (1 = quiet at once)."
    )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
