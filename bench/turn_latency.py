"""Every turn on screen in under a second: Enter → answer drawn, turn after turn of new photos, in a real browser.

A roll of 12 MP photos (bench/photoset.py: demo scenes at 4000×3000 with grain, half JPEG, a quarter each HEIC
and AVIF) is indexed with the demo model into fresh Milvus Lite dirs, alternately without and with index-time
thumbnails, in this one process (the throughput ratio, and the thumbnail store's bytes per image). Then
`streamlit run bot/app.py` serves the store with thumbnails and headless Chromium (Playwright, Debian's
chromium) types turns that keep asking for other things, so nearly every answer shows photos not shown
before. Per turn: seconds from Enter until every image of the new answer is decoded on screen, and the page's
own timing caption (planning, text encoding, search, ranking + why, thumbnails, the rest of the script run);
what is left is Streamlit's transport and the browser's drawing. With --lazy the store without thumbnails is
driven the same way (the page then makes each thumbnail from its original, as before index-time thumbnails).

    .venv/bin/python bench/turn_latency.py --lazy        # writes the turn_latency section of RESULTS.md
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO_ROOT, wait_healthy, write_section  # noqa: E402
from bench.turn_report import report  # noqa: E402

TURNS = ["red cars", "blue boats", "yellow flowers", "green trees", "purple houses", "orange fish", "show more",
         "red boats", "only at night", "blue cars", "purple flowers", "more like the 2nd", "orange trees",
         "green houses", "yellow fish", "in the snow", "red flowers", "blue trees", "show more", "orange cars",
         "purple fish", "yellow houses", "green boats", "without trees", "red houses", "blue fish"]
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LAST = '[data-testid="stChatMessage"]'
# every <img> of the last assistant message is decoded; at least one exists
IMAGES_LOADED = """() => {
  const msgs = document.querySelectorAll('[data-testid="stChatMessage"]');
  if (!msgs.length) return false;
  const imgs = [...msgs[msgs.length - 1].querySelectorAll('img')];
  return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0);
}"""
# ... and the run is over: the timing caption, the last thing a run draws, is under the new answer
# (textContent: innerText would force a layout on every animation frame of the wait, slowing what is measured)
DONE = IMAGES_LOADED.replace("return imgs.length", "return msgs[msgs.length - 1].textContent.includes('Answered in') "
                             "&& imgs.length")
CAPTION = re.compile(r"Answered in ([\d.]+) s: (.*)")
PHASE = re.compile(r"([a-z +]+?) (\d+) ms")


@dataclass(frozen=True)
class Turn:
    typed: str
    seconds: float  # Enter → every image of the answer decoded on screen
    new: int  # photos in this answer not shown before in the conversation
    server: float  # the page's script run, as its caption says
    phases: dict[str, float]  # seconds by the caption's labels
    server_cpu: float  # CPU seconds of the Streamlit process over the turn (all its threads)
    browser_cpu: float  # seconds of the page's renderer main-thread tasks (Chrome's TaskDuration)


@dataclass(frozen=True)
class IndexRun:
    thumbnails: bool
    images: int
    seconds: float
    cpu: float  # this process's CPU seconds (all threads): robust to other load, unlike wall time
    thumb_bytes: dict[int, int]  # side → bytes on disk


def index_runs(files: list[Path], tmp: Path, repeats: int) -> list[IndexRun]:
    """Off, on, off, on...: the same images into fresh Lite dirs, one model, this process (ratio in one run)."""
    from milvus_lite.server_manager import server_manager_instance

    from indexer.embedding import ClipEmbeddings
    from indexer.ingest import read_source
    from indexer.pipeline import Indexer
    from indexer.store import ImageStore
    from indexer.thumbs import INDEXED, Thumbnails, folder_for

    emb = ClipEmbeddings("demo-clip")
    source = read_source(files[0].parent)
    items = [i for i in source.items if i.file.name in {f.name for f in files}]
    runs = []
    for i in range(repeats):
        for on in (False, True):
            db = str(tmp / f"{'on' if on else 'off'}{i}" / "photos.db")
            store = ImageStore(db, "photos", emb.identity, embeddings=emb)
            thumbs = Thumbnails(folder_for(db, "photos")) if on else None
            started, cpu = time.perf_counter(), time.process_time()
            report = Indexer(store, emb, thumbs=thumbs).run(source, items)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            store.close()
            server_manager_instance.release_server(db)  # the page's process may open it next
            assert report.indexed == len(items), report.as_dict()
            sizes = {s: sum(p.stat().st_size for p in (thumbs.folder / str(s)).rglob("*.jpg")) if thumbs else 0
                     for s in INDEXED}
            runs.append(IndexRun(on, report.indexed, seconds, cpu, sizes))
            print(f"  index thumbnails={'on' if on else 'off'}: {report.indexed / seconds:.2f} img/s", flush=True)
    return runs


def serve(db: Path, port: int, log: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
    env |= {"PYTHONPATH": str(REPO_ROOT), "IMGSEARCH_DB": str(db), "IMGSEARCH_COLLECTION": "photos"}
    cmd = [sys.executable, "-m", "streamlit", "run", "bot/app.py", "--server.headless", "true", "--server.port",
           str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    with log.open("w") as out:
        return subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def drive(url: str, turns: list[str], server_pid: int) -> list[Turn]:
    """Each turn's wall time, and the CPU the server and the browser's renderer spent on it: on a machine
    other people load, wall time stretches while the CPU figures stay what a quiet machine would need."""
    import psutil
    from playwright.sync_api import sync_playwright

    server = psutil.Process(server_pid)

    measured, seen = [], set()
    with sync_playwright() as p, tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=shutil.which("chromium"), args=CHROME_ARGS, headless=True,
            viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(url)
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=180_000)
        for text in turns:
            cpu, task = sum(server.cpu_times()[:2]), _task_seconds(cdp)
            seconds = ask(page, text)
            cpu, task = sum(server.cpu_times()[:2]) - cpu, _task_seconds(cdp) - task
            last = page.locator(LAST).last
            srcs = set(last.locator("img").evaluate_all("imgs => imgs.map(i => i.src)"))
            found = CAPTION.search(last.inner_text())
            assert found, f"no timing caption under the answer to {text!r}"
            phases = {m[0].strip(): int(m[1]) / 1e3 for m in PHASE.findall(found[2])}
            measured.append(Turn(text, seconds, len(srcs - seen), float(found[1]), phases, cpu, task))
            seen |= srcs
            print(f"  {text!r}: {seconds:.2f} s, {len(srcs)} photos ({measured[-1].new} new), {found[0]}", flush=True)
        context.close()
    return measured


def _task_seconds(cdp) -> float:  # noqa: ANN001
    return next(m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "TaskDuration")


def ask(page, text: str, timeout_ms: int = 120_000) -> float:  # noqa: ANN001
    """Type a turn, press Enter; seconds until the run is over and every image of the new answer is decoded."""
    before = page.locator(LAST).count()
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(text)
    started = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(f"n => document.querySelectorAll('{LAST}').length >= n", arg=max(2, before + 1),
                           timeout=timeout_ms)
    page.get_by_text(text, exact=True).last.wait_for(timeout=timeout_ms)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms)
    page.wait_for_function(DONE, timeout=timeout_ms)
    return time.perf_counter() - started


def page_pass(db: Path, turns: list[str], logs: Path) -> list[Turn]:
    from tests.bot_fixtures import free_port

    port = free_port()
    proc = serve(db, port, logs / f"streamlit-{db.parent.name}.log")
    try:
        wait_healthy(f"http://127.0.0.1:{port}/_stcore/health")
        return drive(f"http://127.0.0.1:{port}/", turns, proc.pid)
    finally:
        proc.terminate()  # our own child, by pid
        proc.wait(timeout=30)



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=240)
    parser.add_argument("--turns", type=int, default=len(TURNS))
    parser.add_argument("--repeats", type=int, default=2, help="indexing runs per mode (off, on alternate)")
    parser.add_argument("--lazy", action="store_true", help="also drive the store without thumbnails")
    parser.add_argument("--roll", type=Path, default=Path(tempfile.gettempdir()) / "bench-roll-12mp")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    from bench.photoset import make_roll

    started, load_before = time.time(), os.getloadavg()
    files = make_roll(args.roll, args.photos)
    turns = (TURNS * (args.turns // len(TURNS) + 1))[: args.turns]
    with tempfile.TemporaryDirectory(prefix="bench-turns-") as tmp:
        runs = index_runs(files, Path(tmp), args.repeats)
        shown = page_pass(Path(tmp) / f"on{args.repeats - 1}" / "photos.db", turns, Path(tmp))
        lazy = page_pass(Path(tmp) / f"off{args.repeats - 1}" / "photos.db", turns, Path(tmp)) if args.lazy else []
    body = report(files, runs, shown, lazy, (load_before, os.getloadavg()))
    print(body)
    if not args.no_write:
        write_section("turn_latency", "Every turn on screen: 12 MP roll, thumbnails at index time "
                      "(bench/turn_latency.py)", body, started)


if __name__ == "__main__":
    main()
