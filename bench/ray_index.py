"""The Ray engine against the local engine, and memory at the start of a run against the collection's size.

throughput: in one child process per repeat, both engines index the same generated JPEGs into fresh Milvus Lite
dirs, twice each (a small and a large run); images/s is the marginal rate (large - small images over the time
between them), so Ray's start-up (its workers, the actor's model load) is reported apart, not averaged in.

rss: a Milvus server (the PyPI `milvus` package, started and stopped here) holding 0, 100k, 300k... stored rows
(random vectors, demo-clip's 128 dimensions), and the peak RSS of an incremental `index` run of a small folder
against each; plus inserts/s on that server, raw and through the indexer's ImageStore.add.

    .venv/bin/python bench/ray_index.py                      # throughput: ViT-B-32, 64 + 256 images, 3 repeats
    .venv/bin/python bench/ray_index.py rss --levels 0,100000,300000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO_ROOT, median, peak_rss_mb, table, write_section  # noqa: E402
from bench.index_throughput import make_jpegs  # noqa: E402

MODEL = "ViT-B-32"
FOLDER = Path(tempfile.gettempdir()) / "bench-jpegs-640x480"


def _one(engine: str, emb, folder: Path, n: int, tmp: Path) -> float:  # noqa: ANN001
    """Seconds to index the first n files of `folder` into a fresh Lite dir with `engine`."""
    from indexer.engine_ray import RayIndexer
    from indexer.ingest import Listing
    from indexer.pipeline import Indexer
    from indexer.store import ImageStore

    sub = tmp / f"{engine}-{n}"
    (sub / "src").mkdir(parents=True)
    for f in sorted(folder.glob("*.jpg"))[:n]:
        os.link(f, sub / "src" / f.name)  # a hard link: a symlink out of the folder is skipped by design
    store = ImageStore(str(sub / "db"), "bench", emb.identity, embeddings=emb)
    start = time.perf_counter()
    if engine == "ray":
        report = RayIndexer(store, emb, batch_size=64).run(Listing(sub / "src"))
    else:
        report = Indexer(store, emb, batch_size=64, workers=2).run(Listing(sub / "src"))
    seconds = time.perf_counter() - start
    stored = store.count()
    store.close()
    if stored != n or report.indexed != n:
        raise SystemExit(f"{engine}: stored {stored} rows for {n} images")
    return seconds


def child(small: int, large: int) -> dict[str, float]:
    import ray

    from indexer.embedding import ClipEmbeddings

    emb = ClipEmbeddings(MODEL, "random", device="cpu")
    start = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    out: dict[str, float] = {"ray_init_s": time.perf_counter() - start}
    with tempfile.TemporaryDirectory(prefix="bench-ray-") as tmp:
        for engine in ("local", "ray"):
            # a first run of each engine is its cold start (Ray: worker processes importing torch); not timed
            out[f"{engine}_cold_s"] = _one(engine, emb, FOLDER, small, Path(tmp) / "cold")
            t_small, t_large = (_one(engine, emb, FOLDER, n, Path(tmp)) for n in (small, large))
            rate = (large - small) / (t_large - t_small)
            out |= {f"{engine}_img_s": rate, f"{engine}_startup_s": max(0.0, t_small - small / rate),
                    f"{engine}_large_s": t_large}  # fmt: skip
    ray.shutdown()
    out["ratio"] = out["ray_img_s"] / out["local_img_s"]
    for engine in ("local", "ray"):  # whole large run, start-up included: what a small job sees
        out[f"{engine}_whole_img_s"] = large / out[f"{engine}_large_s"]
    return out


def throughput(args: argparse.Namespace) -> str:
    make_jpegs(FOLDER, args.large)
    runs = []
    for _ in range(args.repeats):
        cmd = [sys.executable, __file__, "--child", str(args.small), str(args.large)]
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO_ROOT, env=_env())
        if out.returncode != 0:
            raise SystemExit(out.stderr[-3000:])
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(runs[-1], flush=True)
    keys = ("local_img_s", "ray_img_s", "ratio", "local_startup_s", "ray_startup_s", "ray_init_s", "ray_cold_s",
            "local_whole_img_s", "ray_whole_img_s")
    rows = [[i + 1, *(r[k] for k in keys)] for i, r in enumerate(runs)]
    rows.append(["median", *(median([r[k] for r in runs]) for k in keys)])
    ratio = median([r["ratio"] for r in runs])
    return (
        f"{MODEL} (random weights) on CPU, batch 64; local engine: 2 decode threads; Ray engine: a local Ray "
        f"(`ray.init(num_cpus=2)`), decode tasks + 1 CLIP actor, driver-side writes (Lite). {args.small} and "
        f"{args.large} generated 640x480 JPEGs per engine into fresh Milvus Lite dirs (finalize included); "
        "img/s = marginal rate between the two runs, start-up = the rest of the small run's time (both after one "
        "untimed warm-up run per engine, whose Ray time is shown last). One child process per repeat, both engines "
        "in it.\n\n"
        + table(["repeat", "local img/s", "ray img/s", "ray/local", "local start-up s", "ray start-up s",
                 "ray.init s", f"ray first run of {args.small} s", f"local img/s, whole {args.large} run",
                 f"ray img/s, whole {args.large} run"], rows)
        + f"\n\n**Ray/local images/s = {ratio:.2f}** (target ≥ 0.8), start-up reported apart.\n"
    )


def _env() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
    return env | {"TQDM_DISABLE": "1", "PYTHONPATH": str(REPO_ROOT)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", choices=("throughput", "rss"), default="throughput")
    parser.add_argument("--small", type=int, default=64)
    parser.add_argument("--large", type=int, default=256)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--levels", default="0,100000,300000", help="stored rows for the rss mode")
    parser.add_argument("--child", nargs=2, type=int, help=argparse.SUPPRESS)
    parser.add_argument("--rss-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    if args.rss_child:
        from bench.ray_rss import rss_child

        print(json.dumps(rss_child(*args.rss_child)))
        return
    started = time.time()
    if args.mode == "throughput":
        body, name, title = throughput(args), "ray_index", "9a. Ray engine vs local engine (images/s)"
    else:
        from bench.ray_rss import rss

        body, name, title = rss(args, peak_rss_mb), "ray_rss", "9b. Memory at the start of a run vs stored rows"
    print(body)
    if not args.no_write:
        write_section(name, title, body, started)


if __name__ == "__main__":
    main()
