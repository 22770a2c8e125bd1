"""Server memory when people upload a small file of huge dimensions: three sessions, one PNG each.

A 7900×7900 PNG of flat colour patches (about 0.3 MB on disk, 62 megapixels, under Pillow's bomb limit) is
uploaded with the turn "at night" from three headless Chromium sessions (Playwright, Debian's chromium, as the
browser test drives it) to `streamlit run bot/app.py` over a small Milvus Lite collection. The server process
RSS is read before any upload (model loaded, one idle session), with the three sessions open after their
answers, and after they close (Streamlit drops a closed session after `disconnectedSessionTTL`, set to 2 s here).

    .venv/bin/python bench/upload_rss.py            # writes the upload_rss section of RESULTS.md
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO_ROOT, table, wait_healthy, write_section  # noqa: E402

SIDE = 7900
SESSIONS = 3
SESSION_TTL_S = 2
# The same script against commit ce7fbf4 (the full-size decode kept for the conversation, the file in every turn,
# Pillow's default 16 MB blocks), for comparison: MB over the idle server after 1, 2, 3 sessions, then closed.
BEFORE = "+262, +741, +1218 MB after 1, 2, 3 sessions, and +1218 MB still after they closed"


def big_png(path: Path) -> Path:
    """SIDE×SIDE flat colour patches: tiny as a PNG, ~190 MB once decoded to RGB."""
    if not path.exists():
        patches = np.random.default_rng(7).integers(0, 255, (10, 10, 3), dtype=np.uint8)
        Image.fromarray(patches).resize((SIDE, SIDE), Image.Resampling.NEAREST).save(path, optimize=True)
    return path


def collection(folder: Path, db: Path, n: int = 24) -> None:
    """n small JPEGs indexed with the demo model (what is searched does not matter here, only memory)."""
    from milvus_lite.server_manager import server_manager_instance

    from indexer.cli import main as indexer

    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(1)
    for i in range(n):
        pixels = rng.integers(0, 255, (6, 8, 3), dtype=np.uint8)
        Image.fromarray(pixels).resize((640, 480), Image.Resampling.BICUBIC).save(folder / f"{i:03d}.jpg")
    assert indexer(["index", str(folder), "--db", str(db), "--collection", "photos", "--json"]) == 0
    server_manager_instance.release_server(str(db))  # the page's process opens the dir next


def serve(db: Path, thumbs: Path, port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
    env |= {"PYTHONPATH": str(REPO_ROOT), "IMGSEARCH_DB": str(db), "IMGSEARCH_COLLECTION": "photos",
            "IMGSEARCH_THUMBS": str(thumbs), "IMGSEARCH_MIN_SCORE": "0"}
    cmd = [sys.executable, "-m", "streamlit", "run", "bot/app.py", "--server.headless", "true", "--server.port",
           str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.disconnectedSessionTTL", str(SESSION_TTL_S)]
    return subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _rss_mb(pid: int) -> float:
    import psutil

    return psutil.Process(pid).memory_info().rss / 2**20


def _upload(page, png: Path) -> None:  # noqa: ANN001
    """One turn with the picture attached; returns when its answer is drawn and the run is over."""
    page.locator('[data-testid="stChatInput"] input[type="file"]').set_input_files(str(png))
    page.get_by_text(png.name).first.wait_for(timeout=120_000)  # the attachment is listed in the box
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("at night")
    box.press("Enter")
    page.get_by_text("images like your upload", exact=False).first.wait_for(timeout=300_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=300_000)


def drive(url: str, pid: int, png: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    from tests.test_browser import CHROME_ARGS, CHROMIUM

    rss: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS, headless=True)
        idle = browser.new_context()
        first = idle.new_page()
        first.goto(url)
        first.get_by_test_id("stChatInputTextArea").wait_for(timeout=300_000)  # the model is loaded
        time.sleep(2)
        rss["before any upload (model loaded)"] = _rss_mb(pid)
        contexts = [browser.new_context() for _ in range(SESSIONS)]
        for i, context in enumerate(contexts):
            page = context.new_page()
            page.goto(url)
            page.get_by_test_id("stChatInputTextArea").wait_for(timeout=300_000)
            _upload(page, png)
            rss[f"after {i + 1} session(s) uploaded"] = _rss_mb(pid)
        for context in contexts:
            context.close()
        time.sleep(SESSION_TTL_S + 8)  # past the session TTL, and a little for Streamlit's cleanup
        rss[f"{SESSIONS} sessions closed"] = _rss_mb(pid)
        idle.close()
        browser.close()
    return rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    started = time.time()
    from tests.bot_fixtures import free_port

    with tempfile.TemporaryDirectory() as tmp:
        png = big_png(Path(tmp) / "huge.png")
        db = Path(tmp) / "photos.db"
        collection(Path(tmp) / "photos", db)
        port = free_port()
        proc = serve(db, Path(tmp) / "thumbs", port)
        try:
            wait_healthy(f"http://127.0.0.1:{port}/_stcore/health")
            rss = drive(f"http://127.0.0.1:{port}/", proc.pid, png)
        finally:
            proc.terminate()  # our own child, by pid
            proc.wait(timeout=30)
        body = report(rss, png.stat().st_size)
    print(body)
    if not args.no_write:
        write_section("upload_rss", "Server memory after uploads of a 7900×7900 PNG (bench/upload_rss.py)", body,
                      started)



def report(rss: dict[str, float], png_bytes: int) -> str:
    base = next(iter(rss.values()))
    rows = [(when, f"{mb:.0f}", f"{mb - base:+.0f}") for when, mb in rss.items()]
    return "\n".join([
        f"One PNG of {SIDE}×{SIDE} ({png_bytes / 1e3:.0f} KB on disk, {SIDE * SIDE / 1e6:.1f} megapixels) uploaded "
        f"with \"at night\" in each of {SESSIONS} headless Chromium sessions, one after another; demo model, "
        f"Milvus Lite, 24 indexed photos. RSS of the `streamlit run` process:", "",
        table(["when", "server RSS (MB)", "vs before"], rows), "",
        f"Before uploads were shrunk at once (commit ce7fbf4, this script): {BEFORE}.",
    ])


if __name__ == "__main__":
    main()
