"""The gate and hostile links in a real headless Chromium, at a phone and a desktop viewport.

`streamlit run bot/app.py` runs as a child process three ways: with the password in the environment, with it in
a secrets.toml (the server's working directory holds it, as on a host), and open. A link crafted to make the
victim's browser fetch a URL or show a fake login link is opened against a tiny HTTP server on 127.0.0.1 that
counts the requests it gets.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests import bot_fixtures as fx
from tests.test_browser import CHROME_ARGS, _wait_healthy

demo_index = fx.demo_index
pytestmark = pytest.mark.browser

SECRET = "correct horse battery"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1400, "height": 1000}}
APP = str(fx.REPO_ROOT / "bot" / "app.py")


@contextlib.contextmanager
def _streamlit(env_extra: dict[str, str], cwd: Path, log: Path, script: str = APP) -> Iterator[str]:
    """`streamlit run` of the page (or another script) on a free port; its URL while the block runs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMGSEARCH_")}
    env |= {"PYTHONPATH": str(fx.REPO_ROOT), "PYTHONUNBUFFERED": "1"} | env_extra
    port = fx.free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
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


@pytest.fixture(scope="module")
def servers(demo_index, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:  # noqa: ANN001
    """{"env": url, "secrets": url, "open": url}: one page server per way of configuring it."""
    if not shutil.which("chromium"):
        pytest.skip("Debian chromium is not installed")
    hosted = tmp_path_factory.mktemp("hosted")  # a host's working directory: config and secrets
    (hosted / ".streamlit").mkdir()
    shutil.copy(fx.REPO_ROOT / ".streamlit" / "config.toml", hosted / ".streamlit" / "config.toml")
    (hosted / ".streamlit" / "secrets.toml").write_text(f'IMGSEARCH_PASSWORD = "{SECRET}"\n')
    ways = {"env": ({"IMGSEARCH_PASSWORD": SECRET}, fx.REPO_ROOT), "secrets": ({}, hosted), "open": ({}, fx.REPO_ROOT)}
    with contextlib.ExitStack() as stack:
        urls = {}
        for name, (extra, cwd) in ways.items():
            db = fx.copy_db(demo_index.db, tmp_path_factory.mktemp(f"gate-{name}"))
            log = tmp_path_factory.mktemp(f"log-{name}") / "server.log"
            urls[name] = stack.enter_context(_streamlit(demo_index.env(db) | extra, cwd, log))
        yield urls


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROME_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(params=VIEWPORTS, ids=VIEWPORTS)
def page(browser, request: pytest.FixtureRequest):  # noqa: ANN001, ANN201
    phone = request.param == "phone"
    context = browser.new_context(viewport=VIEWPORTS[request.param], is_mobile=phone, has_touch=phone)
    try:
        yield context.new_page()
    finally:
        context.close()


class _Counter(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def bait() -> Iterator[tuple[int, list[str]]]:
    """(port, paths requested) of an HTTP server on 127.0.0.1 that a crafted link points at."""
    hits: list[str] = []
    handler = type("Counter", (_Counter,), {"hits": hits})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1], hits
    finally:
        httpd.shutdown()
        httpd.server_close()


def _settled(page, text: str, timeout_ms: int = 180_000) -> None:  # noqa: ANN001
    page.get_by_text(text, exact=False).first.wait_for(timeout=timeout_ms)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms)


def _password(page, value: str) -> None:  # noqa: ANN001
    box = page.locator('input[type="password"]')
    box.fill(value)
    box.press("Enter")


@pytest.mark.parametrize("source", ["env", "secrets"])
def test_the_password_closes_the_page(servers: dict[str, str], page, source: str) -> None:  # noqa: ANN001
    page.goto(servers[source] + "?" + urlencode({"q": "red cars"}))
    page.locator('input[type="password"]').wait_for(timeout=120_000)
    main = page.get_by_test_id("stMain")

    def closed() -> bool:
        text = page.locator("body").inner_text()
        return (page.get_by_test_id("stChatInput").count() == 0 and main.locator("img").count() == 0
                and "Searching for" not in text and "demo" not in text and "Model" not in text)

    assert closed()
    _password(page, "wrong")
    page.get_by_text("Wrong password.").wait_for(timeout=60_000)
    assert closed()
    _password(page, SECRET)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=180_000)
    page.get_by_text("Searching for: red cars", exact=False).first.wait_for(timeout=180_000)


def test_a_crafted_link_fetches_nothing_and_draws_no_link(servers: dict[str, str], page, bait) -> None:  # noqa: ANN001
    port, hits = bait
    turns = [f'red cars with caption "![p](http://127.0.0.1:{port}/t.png) 50%"',
             f'boats with caption "[Session expired, click to log on again](http://127.0.0.1:{port}/login) 50%"']
    page.goto(servers["open"] + "?" + urlencode({"q": turns}, doseq=True))
    _settled(page, "[Session expired, click to log on again]")
    time.sleep(2)  # time for any image the markdown might have asked for
    assert hits == []
    found = page.locator(f'a[href*="{port}"], img[src*="{port}"]')
    assert found.count() == 0, found.evaluate_all("els => els.map(e => e.outerHTML.slice(0, 200))")
    assert page.locator('[data-testid="stChatMessage"] a').count() == 0
    text = page.locator("body").inner_text().replace("\u2060", "")  # the invisible joiner that stops autolinks
    assert f"![p](http://127.0.0.1:{port}/t.png) 50%" in text  # shown as the words they are


def test_a_superscript_k_and_a_date_as_text_show_no_traceback(servers: dict[str, str], page) -> None:  # noqa: ANN001
    page.goto(servers["open"] + "?" + urlencode({"q": "red cars", "k": "²"}))
    _settled(page, "Searching for: red cars")
    assert page.get_by_test_id("stException").count() == 0
    assert "Traceback" not in page.locator("body").inner_text()
    page.goto(servers["open"] + "?" + urlencode({"q": "where taken is 2020"}))
    _settled(page, "taken is a date")
    text = page.locator("body").inner_text()
    assert page.get_by_test_id("stException").count() == 0
    assert "Traceback" not in text and ".db" not in text and "Milvus" not in text
