"""The page in a real headless Chromium: `streamlit run` as a child process, driven by Playwright.

Asserts what a person sees: the answer's images are decoded (complete, naturalWidth > 0) and the URL carries
the turns. How long Enter → all images loaded takes is measured by bench/page_latency.py, not asserted here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests import bot_fixtures as fx
from tests.judged import says

demo_index, bot_env = fx.demo_index, fx.bot_env
pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROME_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def server(demo_index, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:  # noqa: ANN001
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    db = fx.copy_db(demo_index.db, tmp_path_factory.mktemp("browser"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
    env |= {"PYTHONPATH": str(fx.REPO_ROOT), "PYTHONUNBUFFERED": "1"} | demo_index.env(db)
    port = fx.free_port()
    log = tmp_path_factory.mktemp("streamlit-log") / "server.log"
    cmd = [
        sys.executable, "-m", "streamlit", "run", "bot/app.py", "--server.headless", "true",
        "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
    ]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=fx.REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", proc, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()  # our own child, by pid
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"streamlit not healthy after {timeout} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def page(server: str, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=CHROME_ARGS,
            headless=True, viewport={"width": 1400, "height": 1000},
        )
        try:
            yield context.new_page()
        finally:
            context.close()


USERS = '[data-testid="stChatMessageAvatarUser"]'
# The newest answer is all there: more user turns than before, the last message is the assistant's and holds the
# timing caption (the last thing a run draws, under the newest answer only), nothing is still running, and every
# picture in it is decoded. Checked as one condition: under load, Streamlit's status widget can appear after a
# check for its absence has already passed, and the previous answer (with its caption) is then still the last.
TURN_DONE = """([usersSelector, users]) => {
  if (document.querySelectorAll(usersSelector).length <= users) return false;
  if (document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"]')) return false;
  const msgs = document.querySelectorAll('[data-testid="stChatMessage"]');
  const last = msgs[msgs.length - 1];
  if (!last.querySelector('[data-testid="stChatMessageAvatarAssistant"]')) return false;
  if (!last.textContent.includes('Answered in')) return false;
  const imgs = [...last.querySelectorAll('img')];
  return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0);
}"""


def _ask(page, text: str, timeout_ms: int = 120_000) -> None:  # noqa: ANN001
    """Type a turn, press Enter; return once the run it starts is over and the new answer's images are loaded."""
    users = page.locator(USERS).count()
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(text)
    box.press("Enter")
    page.wait_for_function(TURN_DONE, arg=[USERS, users], timeout=timeout_ms)


def test_two_turns_show_images_and_share_the_url(
    page, server: str, tmp_path_factory: pytest.TempPathFactory, home_in_tmp: Path  # noqa: ANN001
) -> None:
    page.goto(server)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=120_000)
    _ask(page, "red car")
    _ask(page, "only at night")
    # Chromium keeps its crash database under $XDG_CONFIG_HOME whatever the profile dir: the temporary one
    assert (home_in_tmp / ".config" / "chromium").is_dir()

    last = page.locator('[data-testid="stChatMessage"]').last
    headlines = [line for line in last.inner_text().splitlines() if line.startswith("Searching for: ")]
    assert headlines and all(says(headlines[0], w) for w in ("red", "car", "night")), headlines
    assert not says(headlines[0], "only"), headlines
    sizes = last.locator("img").evaluate_all("imgs => imgs.map(i => [i.complete, i.naturalWidth])")
    assert sizes and all(done and width > 0 for done, width in sizes), sizes
    query = parse_qs(urlparse(page.url).query)
    assert query["q"] == ["red car", "only at night"] and query["k"] == ["10"]

    shot = tmp_path_factory.mktemp("screenshots") / "browser-chat.png"  # kept with pytest's last temp dirs
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")


def test_every_turn_shows_its_own_decoded_images(page, server: str) -> None:  # noqa: ANN001
    page.goto(server)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=120_000)
    for text in ("blue boat", "at night", "big ones"):
        _ask(page, text)  # returns once the new answer's images are all decoded
        last = page.locator('[data-testid="stChatMessage"]').last
        assert "Searching for:" in last.inner_text(), (text, last.inner_text())
        sizes = last.locator("img").evaluate_all("imgs => imgs.map(i => [i.complete, i.naturalWidth])")
        assert sizes and all(done and width > 0 for done, width in sizes), (text, sizes)
    assert parse_qs(urlparse(page.url).query)["q"] == ["blue boat", "at night", "big ones"]


def _last_images(page) -> list[list[int]]:  # noqa: ANN001
    last = page.locator('[data-testid="stChatMessage"]').last
    return last.locator("img").evaluate_all("imgs => imgs.map(i => [i.naturalWidth, i.naturalHeight])")


def _settle(page, users: int, timeout_ms: int = 120_000) -> None:  # noqa: ANN001
    """After a click that says a turn: as `_ask`, given the user turns on the page before the click."""
    page.wait_for_function(TURN_DONE, arg=[USERS, users], timeout=timeout_ms)


def test_thumbnails_dialog_buttons_and_chips(page, server: str) -> None:  # noqa: ANN001
    page.goto(server)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=120_000)
    chip = page.get_by_role("button", name="red cars")  # the first screen's examples are clickable
    users = page.locator(USERS).count()
    chip.click()
    headline = page.get_by_text("Searching for: ", exact=False).first
    headline.wait_for(timeout=120_000)
    assert says(headline.inner_text(), "red") and says(headline.inner_text(), "car"), headline.inner_text()
    _settle(page, users)
    sizes = _last_images(page)
    assert sizes and all(0 < max(w, h) <= 384 for w, h in sizes), sizes  # thumbnails, never the originals
    assert parse_qs(urlparse(page.url).query)["q"] == ["red cars"]

    page.get_by_role("button", name="Open").first.click()  # the full-size view
    dialog = page.get_by_role("dialog")
    dialog.wait_for(timeout=60_000)
    dialog.locator("img").first.wait_for(timeout=60_000)
    assert "#1" in dialog.inner_text()
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden", timeout=30_000)

    users = page.locator(USERS).count()
    page.get_by_role("button", name="More like this").nth(1).click()
    _settle(page, users)
    assert "Searching for: images like #2" in page.locator('[data-testid="stChatMessage"]').last.inner_text()
    users = page.locator(USERS).count()
    page.get_by_role("button", name="Not this").first.click()
    _settle(page, users)
    assert "not like the 1 image you set aside" in page.locator('[data-testid="stChatMessage"]').last.inner_text()
    assert parse_qs(urlparse(page.url).query)["q"] == ["red cars", "more like #2", "not like #1"]
    history = page.locator('[data-testid="stChatMessage"]').all_inner_texts()
    assert any("more like #2" in t for t in history) and any("not like #1" in t for t in history)
