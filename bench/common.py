"""Shared helpers for the benchmarks: machine description, statistics, and RESULTS.md section writing.

Every script rewrites only its own section of bench/RESULTS.md (between `<!-- begin NAME -->` and
`<!-- end NAME -->` markers), so the scripts can be run in any order and re-run independently.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import resource
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
RESULTS = BENCH_DIR / "RESULTS.md"


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import torch

    return (
        f"{os.cpu_count()} cores ({cpu}), {mem_gb:.0f} GiB RAM, Python {platform.python_version()}, "
        f"torch {torch.__version__} (threads {torch.get_num_threads()})"
    )


def command_line() -> str:
    """The exact command that produced a section, as someone would type it from the repo root."""
    script = Path(sys.argv[0]).resolve()
    rel = script.relative_to(REPO_ROOT) if script.is_relative_to(REPO_ROOT) else script
    return " ".join([".venv/bin/python", str(rel), *map(shlex.quote, sys.argv[1:])])


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q))


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    """This process's peak resident set: VmHWM, the high-water mark of its own memory map.

    Not ru_maxrss: Linux carries that across fork and exec, so a child started by a benchmark that has grown
    (torch imported, rows built to insert) reports at least the parent's size at the fork (measured: a child
    of a 613 MB parent said 613 MB, its VmHWM 13 MB). ru_maxrss only where /proc is not there."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dir_size_mb(path: Path) -> float:
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return total / 2**20


def other_load() -> str:
    """Warn in the results when something else was eating the CPU (the figures would be noise)."""
    out = subprocess.run(["pgrep", "-f", "indexer.demo.train"], capture_output=True, text=True).stdout.split()
    load = os.getloadavg()[0]
    note = f"load average at start {load:.2f}"
    return note + (" — WARNING: demo training was running" if out else "")


def wait_for_quiet_cpu(busy_below: float = 15.0, timeout: float = 240.0) -> float:
    """Block until the whole machine's CPU use over one second drops below `busy_below` percent
    (e.g. a Milvus server finishing its compactions and index builds after a bulk insert, which
    would otherwise slow whatever is measured next); returns the seconds waited."""
    import psutil

    start = time.monotonic()
    while psutil.cpu_percent(interval=1.0) >= busy_below and time.monotonic() - start < timeout:
        pass
    return time.monotonic() - start


def wait_healthy(url: str, timeout: float = 180) -> None:
    """Until a started Streamlit page answers its health URL (or give up after `timeout` seconds)."""
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"streamlit not healthy after {timeout} s")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def write_section(name: str, title: str, body: str, started: float) -> None:
    """Rewrite this script's section of RESULTS.md with the command, date, machine and `body`."""
    header = (
        f"## {title}\n\n"
        f"- command: `{command_line()}`\n"
        f"- date: {dt.datetime.now().isoformat(timespec='seconds')} ({time.time() - started:.0f} s wall)\n"
        f"- machine: {machine()}\n"
        f"- {other_load()}\n\n"
    )
    block = f"<!-- begin {name} -->\n{header}{body.strip()}\n<!-- end {name} -->"
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"<!-- begin {re.escape(name)} -->.*?<!-- end {re.escape(name)} -->", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    RESULTS.write_text(text)
    print(f"wrote section {name!r} of {RESULTS}")


def clustered_vectors(n: int, dim: int, seed: int, clusters: int = 256) -> np.ndarray:
    """Unit vectors in clusters, shaped like image embeddings (uniform random points would make ANN
    look worse than on real data, because they have no neighbourhood structure at all)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((clusters, dim)).astype(np.float32)
    labels = rng.integers(0, clusters, n)
    vecs = centres[labels] + 0.6 * rng.standard_normal((n, dim)).astype(np.float32)
    return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)
