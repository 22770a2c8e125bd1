"""The chat page at real-photo scale: Enter → answer on screen, turn after turn, in a real browser.

40 generated 12-megapixel JPEGs (4000×3000, 2-4 MB each) are indexed into a fresh Milvus Lite dir with the
demo model; `streamlit run bot/app.py` serves them and headless Chromium (Playwright, Debian's chromium, as
the browser test drives it) types the turns. For each turn: seconds from Enter until every image of the new
answer is decoded on screen, and the image bytes the browser fetched for it (Resource Timing, /media/ URLs).
Then the page's server process RSS after 10 and after 50 turns.

    .venv/bin/python bench/page_latency.py            # writes the page_latency section of RESULTS.md
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO_ROOT, table, wait_healthy, write_section  # noqa: E402

TURNS = ["red cars", "only at night", "more like #2", "show more", "boats", "without trees", "two of them",
         "in the snow", "yellow flowers", "bigger ones"]
PHOTOS = 40
BYTES_JS = """() => performance.getEntriesByType('resource').filter(e => e.name.includes('/media/'))
  .reduce((s, e) => s + (e.transferSize || e.encodedBodySize || 0), 0)"""


def photos(folder: Path, n: int = PHOTOS) -> Path:
    """n distinct 4000×3000 JPEGs (smooth colour fields with grain, compressing like photos do)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        path = folder / f"IMG_{i:04d}.jpg"
        if path.exists():
            continue
        rng = np.random.default_rng(i)
        small = rng.integers(0, 255, (12, 16, 3), dtype=np.uint8)
        base = Image.fromarray(small).resize((4000, 3000), Image.Resampling.BICUBIC)
        grain = rng.normal(0, 6, (3000, 4000, 1)).astype(np.int16)
        pixels = np.clip(np.asarray(base, dtype=np.int16) + grain, 0, 255).astype(np.uint8)
        Image.fromarray(pixels).save(path, "JPEG", quality=90)
    return folder


def serve(db: Path, thumbs: Path, port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
    env |= {"PYTHONPATH": str(REPO_ROOT), "IMGSEARCH_DB": str(db), "IMGSEARCH_COLLECTION": "photos",
            "IMGSEARCH_THUMBS": str(thumbs), "IMGSEARCH_MIN_SCORE": "0"}
    cmd = [sys.executable, "-m", "streamlit", "run", "bot/app.py", "--server.headless", "true", "--server.port",
           str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    return subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def drive(url: str, server_pid: int, turns: int) -> tuple[list[float], list[int], dict[int, float]]:
    """(seconds per turn, image bytes per turn, {turn: server RSS MB}) for `turns` turns."""
    import psutil
    from playwright.sync_api import sync_playwright

    from tests.test_browser import CHROME_ARGS, CHROMIUM, _ask

    seconds, fetched, rss = [], [], {}
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=CHROME_ARGS,
                                                       headless=True, viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(url)
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=180_000)
        for i in range(turns):
            before = page.evaluate(BYTES_JS)
            seconds.append(_ask(page, TURNS[i % len(TURNS)]))
            fetched.append(page.evaluate(BYTES_JS) - before)
            if i + 1 in (10, turns):
                rss[i + 1] = psutil.Process(server_pid).memory_info().rss / 2**20
        context.close()
    return seconds, fetched, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=50)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    started = time.time()
    from milvus_lite.server_manager import server_manager_instance

    from indexer.cli import main as indexer
    from tests.bot_fixtures import free_port

    folder = photos(Path(tempfile.gettempdir()) / "bench-photos-12mp")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "photos.db"
        assert indexer(["index", str(folder), "--db", str(db), "--collection", "photos", "--json"]) == 0
        server_manager_instance.release_server(str(db))  # the page's process opens the dir next
        port = free_port()
        proc = serve(db, Path(tmp) / "thumbs", port)
        try:
            wait_healthy(f"http://127.0.0.1:{port}/_stcore/health")
            seconds, fetched, rss = drive(f"http://127.0.0.1:{port}/", proc.pid, args.turns)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    body = report(seconds, fetched, rss, sum(p.stat().st_size for p in folder.glob("*.jpg")) / PHOTOS)
    print(body)
    if not args.no_write:
        write_section("page_latency", "Chat page with 12 MP photos, real browser (bench/page_latency.py)", body,
                      started)



def report(seconds: list[float], fetched: list[int], rss: dict[int, float], photo_bytes: float) -> str:
    rows = [(i + 1, TURNS[i % len(TURNS)], f"{s:.2f}", f"{b / 1e6:.2f}") for i, (s, b) in
            enumerate(zip(seconds, fetched, strict=True)) if i < 10 or i + 1 == len(seconds)]
    ratio = seconds[9] / seconds[1] if len(seconds) >= 10 else float("nan")
    return "\n".join([
        f"{PHOTOS} JPEGs of 4000×3000 ({photo_bytes / 1e6:.1f} MB each on average), demo model, Milvus Lite, "
        f"headless Chromium 1400×1000, k = 10. Enter → every image of the new answer decoded:", "",
        f"- 2nd turn **{seconds[1]:.2f} s**, 10th turn **{seconds[9]:.2f} s** (×{ratio:.2f}); median of all "
        f"{len(seconds)} turns {statistics.median(seconds):.2f} s, last {seconds[-1]:.2f} s",
        f"- image bytes fetched per answer: median {statistics.median(fetched) / 1e6:.2f} MB, "
        f"max {max(fetched) / 1e6:.2f} MB",
        "- server RSS: " + ", ".join(f"{rss[t]:.0f} MB after {t} turns" for t in sorted(rss)), "",
        table(["turn", "typed", "seconds", "MB of images"], rows),
    ])


if __name__ == "__main__":
    main()
