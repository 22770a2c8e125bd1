"""How long a person waits when something the chat depends on is gone: the timings the tests no longer assert.

- Milvus server stopped mid-session: the in-process bot's reply → StoreUnavailable (tests/test_server_tier.py
  asserts it is reported from the refused connection, not after a retry budget), and `python -m indexer index`
  against the stopped server → its one-line error (the tests assert it comes before the model load).
- LLM provider that never answers: `LLMPlanner.plan` → the rule planner's plan, against its `timeout_s`
  (tests/test_llm_plan.py asserts the fallback, the abandoned call and the single request).

    .venv/bin/python bench/outage_latency.py            # 3 of each
    .venv/bin/python bench/outage_latency.py --n 10
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO_ROOT, median, table, write_section  # noqa: E402
from bench.server import start_server  # noqa: E402

COLLECTION = "outage"


def images(folder: Path, n: int = 12) -> Path:
    rng = np.random.default_rng(3)
    for i in range(n):
        (folder / f"{i:02d}.png").parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(rng.integers(0, 255, (48, 48, 3), dtype=np.uint8)).save(folder / f"{i:02d}.png")
    return folder


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
    return env | {"PYTHONPATH": str(REPO_ROOT), "TQDM_DISABLE": "1"}


def index_cmd(source: Path, uri: str) -> list[str]:
    return [sys.executable, "-m", "indexer", "index", str(source), "--db", uri, "--collection", COLLECTION,
            "--model", "demo-clip", "--pretrained", "random", "--json"]


def server_down(tmp: Path, n: int) -> list[list[object]]:
    from bot.chat import Conversation
    from bot.factory import build_bot
    from indexer.errors import StoreUnavailable
    from indexer.settings import Settings

    source = images(tmp / "src")
    server = start_server(tmp / "milvus")
    try:
        done = subprocess.run(index_cmd(source, server.uri), capture_output=True, text=True, env=child_env())
        assert done.returncode == 0, done.stderr[-2000:]
        parts = build_bot(Settings.load(env={}, db=server.uri, collection=COLLECTION, pretrained="random",
                                        min_score=0.0, thumbs=str(tmp / "thumbs")))
        conv = Conversation()
        parts.bot.reply(conv, "red stripes")  # warm: the model and the connection are up
        server.stop()
        replies = []
        for _ in range(n):
            t0 = time.perf_counter()
            try:
                parts.bot.reply(conv, "blue stripes")
            except StoreUnavailable:
                replies.append(time.perf_counter() - t0)
        runs = []
        for _ in range(n):
            t0 = time.perf_counter()
            down = subprocess.run(index_cmd(source, server.uri), capture_output=True, text=True, env=child_env())
            if down.returncode == 1:
                runs.append(time.perf_counter() - t0)
    finally:
        server.stop()
    return [["bot reply, server stopped → StoreUnavailable (s)", median(replies), max(replies), len(replies)],
            ["`indexer index`, server stopped → error, exit 1 (s)", median(runs), max(runs), len(runs)]]


def llm_timeout(n: int) -> list[list[object]]:
    from bot.rules import DeterministicPlanner
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from bot.llm_plan import LLMPlanner

    release = threading.Event()

    class Hung(FakeListChatModel):
        def _call(self, *args: Any, **kwargs: Any) -> str:
            release.wait()
            return '{"action": "new", "subject": "never"}'

    rows = []
    for timeout_s in (0.5, 2.0):
        planner = LLMPlanner(Hung(responses=["unused"]), DeterministicPlanner(), timeout_s=timeout_s)
        waits = []
        for _ in range(n):
            t0 = time.perf_counter()
            assert planner.plan(None, "boats").source == "rules"
            waits.append(time.perf_counter() - t0)
        rows.append([f"LLM planner, provider hung, timeout_s={timeout_s} → rules (s)", median(waits), max(waits), n])
    release.set()  # the abandoned calls end, so the interpreter can exit
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3, help="repeats of each measure")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="bench-outage-") as tmp:
        rows = server_down(Path(tmp), args.n) + llm_timeout(args.n)
    body = ("Milvus 2.3.5 standalone (tests/milvus_server.py), demo-clip random weights, 12 images; the LLM is a\n"
            "LangChain fake chat model that blocks until released.\n\n"
            + table(["measure", "median", "max", "n"], rows))
    print(body)
    if not args.no_write:
        write_section("outage", "Outage latency", body, started)


if __name__ == "__main__":
    main()
