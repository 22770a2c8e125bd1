"""Screenshots of the chat page for the README: the first screen and an answer, on a desktop and a phone.

Serves a camera roll of the bundled demo scenes (tests/photoroll.py's seven trips: EXIF dates, GPS and cameras, so
the first screen has its chart and chips) with `streamlit run bot/app.py`, indexed first into a data dir of its
own with the demo model, and photographs it with headless Chromium (Debian's, as the browser tests use):

    .venv/bin/python bench/screenshots.py                       # writes docs/screen-{first,answer}-{desktop,phone}.png
    .venv/bin/python bench/screenshots.py --url http://127.0.0.1:8501/   # a page already running
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO_ROOT, wait_healthy  # noqa: E402

VIEWPORTS = {"desktop": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}
QUERY = "red cars"
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
PORT = 8597
# scroll the chat so that the answer's headline sits just below the page's top bar
TO_HEADLINE = """e => { e.scrollIntoView({block: 'start'}); let box = e.parentElement;
  while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) box = box.parentElement;
  if (box) box.scrollTop -= 72; }"""
# no skeleton left (elements still coming), every image decoded and every chart drawn
IMAGES_DRAWN = """() => !document.querySelector('[data-testid="stSkeleton"]')
  && [...document.querySelectorAll('img')].every(i => i.complete && i.naturalWidth > 0)
  && [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].every(c => c.querySelector('svg, canvas'))"""


def trips(folder: Path) -> Path:
    """The seven trips of demo scenes as JPEG / AVIF / HEIC files with EXIF, written once into `folder`."""
    from indexer.demo.queries import DEMO_MANIFEST
    from tests.photoroll import write_trips

    if not folder.is_dir():
        with DEMO_MANIFEST.open(newline="") as fh:
            write_trips(folder, list(csv.DictReader(fh)), DEMO_MANIFEST.parent)
    return folder


@contextlib.contextmanager
def demo_page(work: Path) -> Iterator[str]:
    """The trips collection served on 127.0.0.1:PORT while the block runs."""
    db = work / "trips.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
    env |= {"IMGSEARCH_DB": str(db), "IMGSEARCH_COLLECTION": "trips", "PYTHONPATH": str(REPO_ROOT)}
    if not db.exists():
        subprocess.run([sys.executable, "-m", "indexer", "index", str(trips(work / "photos")), "--model", "demo-clip"],
                       cwd=REPO_ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    cmd = [sys.executable, "-m", "streamlit", "run", "bot/app.py", "--server.headless", "true",
           "--server.port", str(PORT), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(f"http://127.0.0.1:{PORT}/_stcore/health")
        yield f"http://127.0.0.1:{PORT}/"
    finally:
        proc.terminate()  # our own child, by pid
        proc.wait(timeout=30)


def settle(page, text: str) -> None:  # noqa: ANN001
    """Until `text` is drawn, the page idle and every image of it decoded."""
    page.get_by_text(text, exact=False).first.wait_for(timeout=180_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=180_000)
    page.wait_for_function(IMAGES_DRAWN, timeout=180_000)
    page.wait_for_timeout(800)  # charts draw after their data arrives


def shoot(url: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROME_ARGS, headless=True)
        for name, viewport in VIEWPORTS.items():
            phone = name == "phone"
            context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
            page = context.new_page()
            page.goto(url)
            settle(page, "Cameras")  # the last thing the first screen draws
            written.append(out / f"screen-first-{name}.png")
            page.screenshot(path=written[-1])
            page.goto(url + "?" + urlencode({"q": QUERY}))
            settle(page, "Share this search")  # drawn after the answer
            # the chat scrolls to its end; a phone shows the answer from its headline (two pictures a row)
            page.get_by_text("Searching for", exact=False).first.evaluate(TO_HEADLINE)
            page.wait_for_timeout(300)
            written.append(out / f"screen-answer-{name}.png")
            page.screenshot(path=written[-1], full_page=not phone)
            context.close()
        browser.close()
    for path in written:  # a 256-colour palette: a third of the bytes, no visible change on flat UI colours
        from PIL import Image

        with Image.open(path) as shot:
            shot.convert("RGB").quantize(256).save(path, optimize=True)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="a page already running (default: serve the demo collection here)")
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "docs")
    ap.add_argument("--work", type=Path, help="where the trips and their index are kept (default: a temporary dir)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.url:
        files = shoot(args.url, args.out)
    else:
        with tempfile.TemporaryDirectory() as tmp, demo_page(args.work or Path(tmp)) as url:
            files = shoot(url, args.out)
    for f in files:
        print(f"{f.relative_to(REPO_ROOT) if f.is_relative_to(REPO_ROOT) else f}: {f.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
