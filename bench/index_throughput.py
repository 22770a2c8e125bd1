"""Indexing throughput: end-to-end `Indexer.run` images/s against the raw model forward rate, same process.

Each repeat is a fresh child process (so its peak RSS is its own): it loads the model, times the bare
forward on already-preprocessed tensors, then indexes the generated JPEG folder into a fresh Milvus Lite
dir through the real pipeline (read + hash + decode + preprocess + forward + insert + finalize).
The ratio pipeline/raw is taken inside each child, then the median over children is reported.

    .venv/bin/python bench/index_throughput.py            # smoke: 96 images, 1 repeat
    .venv/bin/python bench/index_throughput.py --full     # 2,000 images x 3 repeats + an RSS size check
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO_ROOT, median, peak_rss_mb, table, write_section  # noqa: E402

MODEL = "ViT-B-32"


def make_jpegs(folder: Path, n: int, size: tuple[int, int] = (640, 480)) -> Path:
    """n distinct photo-like JPEGs: smooth colour fields plus grain, ~40-60 KB each at quality 90."""
    import numpy as np
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    have = len(list(folder.glob("*.jpg")))
    rng = np.random.default_rng(n)
    for i in range(have, n):
        coarse = rng.integers(0, 256, (12, 16, 3), dtype=np.uint8)
        base = Image.fromarray(coarse).resize(size, Image.Resampling.BICUBIC)
        grain = rng.normal(0, 6, (size[1], size[0], 3))
        pixels = np.clip(np.asarray(base, dtype=np.float32) + grain, 0, 255).astype(np.uint8)
        Image.fromarray(pixels).save(folder / f"img{i:06d}.jpg", quality=90)
    return folder


def child(folder: Path, n: int, batch: int, workers: int, threads: int) -> dict[str, float]:
    """One measured repeat (runs in its own process)."""
    import numpy as np
    import torch

    from indexer.embedding import ClipEmbeddings
    from indexer.imageio import load_image
    from indexer.ingest import read_source
    from indexer.pipeline import Indexer
    from indexer.store import ImageStore

    if threads:
        torch.set_num_threads(threads)
    emb = ClipEmbeddings(MODEL, "random", device="cpu", batch_size=batch)
    files = sorted(folder.glob("*.jpg"))
    start = time.perf_counter()
    pixels = np.stack([emb.preprocess(load_image(f.read_bytes(), draft_size=emb.image_size)) for f in files[:batch]])
    prep_ms = (time.perf_counter() - start) * 1e3 / batch  # one thread: read + decode + preprocess
    emb.embed_pixels(pixels)  # warm-up: first forward allocates
    rates = _forward_rates(emb, pixels)
    source = read_source(folder)
    items = source.items[:n]
    with tempfile.TemporaryDirectory(prefix="bench-idx-") as tmp:
        store = ImageStore(str(Path(tmp) / "bench.db"), "bench", emb.identity, embeddings=emb)
        job = Indexer(store, emb, batch_size=batch, workers=workers)
        start = time.perf_counter()
        report = job.run(source, items)
        seconds = time.perf_counter() - start
        stored = store.count()
        store.close()
    if stored != len(items):
        raise SystemExit(f"stored {stored} rows for {len(items)} images: the pipeline lost or duplicated rows")
    rates += _forward_rates(emb, pixels)  # before and after: the machine's load drifts
    # The ratio is taken against the BEST forward round: a long pipeline run averages the VM's noise
    # while the best short round catches its quietest moment, so this errs against the pipeline.
    raw, rate = max(rates), report.indexed / seconds
    return {"raw": raw, "raw_mean": sum(rates) / len(rates), "pipeline": rate, "ratio": rate / raw,
            "ratio_mean": rate * len(rates) / sum(rates), "rss_mb": peak_rss_mb(), "n": len(items),
            "prep_ms": prep_ms, "fwd_ms": 1e3 / raw}


def _forward_rates(emb, pixels, rounds: int = 3) -> list[float]:  # noqa: ANN001
    """Images/s of the bare forward on already-preprocessed tensors, one figure per round."""
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        emb.embed_pixels(pixels)
        rates.append(len(pixels) / (time.perf_counter() - start))
    return rates


def run_child(folder: Path, n: int, batch: int, workers: int, threads: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", str(folder), "--images", str(n)]
    cmd += ["--batch", str(batch), "--workers", str(workers), "--threads", str(threads)]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO_ROOT, env=_env())
    if out.returncode != 0:
        raise SystemExit(f"child failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"  n={n} batch={batch} workers={workers} threads={threads}: {result}", flush=True)
    return result


def _env() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
    env["TQDM_DISABLE"] = "1"
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="2,000 images, 3 repeats, RSS check at 500")
    parser.add_argument("--images", type=int, default=96)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=0, help="torch intra-op threads (0: torch default)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.images, args.batch, args.workers, args.threads)))
        return
    if args.full:
        args.images, args.repeats = 2000, 3
    started = time.time()
    small = max(args.images // 4, args.batch)
    folder = make_jpegs(Path(tempfile.gettempdir()) / "bench-jpegs-640x480", args.images)
    runs = [run_child(folder, args.images, args.batch, args.workers, args.threads) for _ in range(args.repeats)]
    small_run = run_child(folder, small, args.batch, args.workers, args.threads)
    body = _report(runs, small_run, args)
    print(body)
    if not args.no_write:
        write_section("index", "1. Indexing throughput", body, started)


def _report(runs: list[dict[str, float]], small: dict[str, float], args: argparse.Namespace) -> str:
    keys = ("raw", "raw_mean", "pipeline", "ratio", "ratio_mean", "rss_mb", "prep_ms", "fwd_ms")
    rows = [[i + 1, r["n"], *(r[k] for k in keys)] for i, r in enumerate(runs)]
    rows.append(["median", args.images, *(median([r[k] for r in runs]) for k in keys)])
    rows.append(["size check", small["n"], *(small[k] for k in keys)])
    ratio = median([r["ratio"] for r in runs])
    growth = median([r["rss_mb"] for r in runs]) / small["rss_mb"]
    return (
        f"{MODEL} (random weights) at 224 px on CPU, batch {args.batch}, {args.workers} decode workers, "
        f"{args.images} generated 640x480 JPEGs into a fresh Milvus Lite dir (HNSW built by finalize).\n"
        "raw = forward-only images/s on preprocessed tensors, 3 rounds of one batch before and 3 after the "
        "pipeline: best round and mean; pipeline = files → rows incl. finalize; each row one child process.\n\n"
        + table(["run", "images", "raw img/s (best)", "raw img/s (mean)", "pipeline img/s", "pipeline/raw best",
                 "pipeline/raw mean", "peak RSS MB", "read+decode+PIL preprocess ms/img (1 thread)",
                 "forward ms/img (best)"], rows)
        + f"\n\n**pipeline/raw (best forward round) = {ratio:.2f}** (target ≥ 0.9); "
        f"peak RSS {args.images} vs {small['n']} images: ×{growth:.2f} (target: flat, ≈ 1.0)\n"
    )


if __name__ == "__main__":
    main()
