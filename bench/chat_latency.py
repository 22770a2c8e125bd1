"""Chat latency on the demo collection: cold start to first answer, and warm query → images ready.

Cold: a fresh `python -m bot --json` process is spawned with one query on stdin; the clock runs from
spawn to its first answer line (imports + model load + store open + planner + search). Warm: the bot is
built once in this process (as the Streamlit page caches it) and each turn is timed from the submitted
text to the answer plus the bytes of every result image read from disk, i.e. all the server side of a
render; the browser's own drawing is excluded.

The demo split is indexed first into a temp Lite dir with the trained demo checkpoint when it exists,
else with random demo-clip weights (the timings do not depend on the weights).

    .venv/bin/python bench/chat_latency.py            # smoke: 1 cold start, 1 warm pass
    .venv/bin/python bench/chat_latency.py --full     # 3 cold starts, 3 warm passes
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO_ROOT, median, percentile, table, write_section  # noqa: E402

QUERIES = [
    "red car",
    "a boat at night",
    "three purple houses",
    "flowers on snowy ground",
    "a dog on the beach",
    "cars on the street but not at night",
    "only in the snow",  # refines the previous turn
    "more like #2",
    "yellow bicycles in the grass",
    "big houses by the water on a sunny day",
]


def _demo_size() -> int:
    return sum(1 for _ in (REPO_ROOT / "data" / "demo" / "manifest.csv").open()) - 1


def settings_env(db: str) -> dict[str, str]:
    from indexer.demo.model import DEMO_CHECKPOINT

    env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
    env.update({"IMGSEARCH_DB": db, "IMGSEARCH_COLLECTION": "demo", "TQDM_DISABLE": "1"})
    if not DEMO_CHECKPOINT.is_file():
        env["IMGSEARCH_PRETRAINED"] = "random"
    return env


def index_demo(env: dict[str, str]) -> float:
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "indexer", "index", "data/demo/manifest.csv", "--prune"]
    out = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"indexing the demo failed:\n{out.stderr[-2000:]}")
    return time.perf_counter() - start


def cold_start(env: dict[str, str], query: str) -> float:
    """Seconds from spawning `python -m bot` to its first answer line."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "--json"], cwd=REPO_ROOT, env=env, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(query + "\n")
    proc.stdin.flush()
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.stdin.close()
    proc.wait(timeout=60)
    if not line.startswith("{"):
        raise SystemExit(f"bot gave no answer: {line!r}\n{proc.stderr.read()[-2000:] if proc.stderr else ''}")
    return elapsed


def warm_turns(env: dict[str, str], passes: int) -> tuple[list[float], list[float], float]:
    """Per-turn ms over all passes, per-turn ms of the search step alone, and the build time."""
    from bot.chat import Conversation
    from bot.factory import build_bot, image_path
    from indexer.settings import Settings

    start = time.perf_counter()
    parts = build_bot(Settings.load(env))
    build_s = time.perf_counter() - start
    parts.bot.reply(Conversation(), "warm up")
    turns: list[float] = []
    for _ in range(passes):
        conv = Conversation()
        for text in QUERIES:
            t0 = time.perf_counter()
            answer = parts.bot.reply(conv, text)
            for r in answer.results:
                file = image_path(parts.image_root, r.path)
                if file is not None:
                    file.read_bytes()  # what st.image does with a path before it serves the bytes
            turns.append((time.perf_counter() - t0) * 1e3)
    return turns, [], build_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="3 cold starts, 3 warm passes")
    parser.add_argument("--cold", type=int, default=1)
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.full:
        args.cold, args.passes = 3, 3
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="bench-chat-") as tmp:
        env = settings_env(str(Path(tmp) / "demo.db"))
        index_s = index_demo(env)
        colds = [cold_start(env, QUERIES[i % len(QUERIES)]) for i in range(args.cold)]
        turns, _, build_s = warm_turns(env, args.passes)
    weights = "random weights" if "IMGSEARCH_PRETRAINED" in env else "trained demo checkpoint"
    rows = [
        ["cold: spawn `python -m bot` → first answer (s)", median(colds), max(colds), len(colds), "≤ 15 s"],
        ["warm: query → answer + image bytes (ms), p50", median(turns), percentile(turns, 95), len(turns),
         "≤ 300 ms"],
        ["in-process build_bot (s)", build_s, build_s, 1, ""],
        ["indexing the demo split (s, `python -m indexer index`)", index_s, index_s, 1, ""],
    ]
    body = (
        f"demo-clip ({weights}), demo split ({_demo_size():,} images) in a fresh Milvus Lite dir, rule planner.\n"
        f"Warm turns: {len(QUERIES)} turns per pass incl. refinements and 'more like #2', {args.passes} pass(es).\n\n"
        + table(["measure", "median", "max / p95", "n", "target"], rows)
    )
    print(body)
    if not args.no_write:
        write_section("chat", "3. Chat latency", body, started)


if __name__ == "__main__":
    main()
