"""The results grid in a real headless Chromium, at a phone (390×844) and a desktop viewport.

What a person sees: at least two pictures a row on a phone (Streamlit's columns would stack them one per line
below 640 px), five on a desktop, nothing wider than the screen, and each picture's actions as small icons whose
whole label is the tooltip, still acting as turns ("more like #2", "not like #1").
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from playwright.sync_api import expect

from tests import bot_fixtures as fx
from tests import test_browser_gate as gate

demo_index, browser, page = fx.demo_index, gate.browser, gate.page  # fixtures
pytestmark = pytest.mark.browser

# no skeleton left (elements still on their way) and every picture of the last answer decoded
DRAWN = """() => {
  if (document.querySelector('[data-testid="stSkeleton"], [data-testid="stStatusWidget"]')) return false;
  const msgs = document.querySelectorAll('[data-testid="stChatMessage"]');
  const imgs = msgs.length ? [...msgs[msgs.length - 1].querySelectorAll('img')] : [];
  return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0);
}"""
# [left, top, right] of each card of the newest answer's grid
CARDS = """() => {
  const grids = document.querySelectorAll('.answer-grid');
  return [...grids[grids.length - 1].querySelectorAll('.answer-card')]
    .map(c => c.getBoundingClientRect()).map(r => [r.left, Math.round(r.top), r.right]);
}"""


@pytest.fixture(scope="module")
def server(demo_index, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:  # noqa: ANN001
    if not shutil.which("chromium"):
        pytest.skip("Debian chromium is not installed")
    db = fx.copy_db(demo_index.db, tmp_path_factory.mktemp("grid"))
    log = tmp_path_factory.mktemp("grid-log") / "server.log"
    with gate._streamlit(demo_index.env(db), fx.REPO_ROOT, log) as url:
        yield url


def _drawn(page, text: str) -> None:  # noqa: ANN001
    page.get_by_text(text, exact=False).first.wait_for(timeout=180_000)
    page.wait_for_function(DRAWN, timeout=180_000)


def test_two_a_row_on_a_phone_and_compact_actions_that_work(server: str, page) -> None:  # noqa: ANN001
    width = page.viewport_size["width"]
    page.goto(server + "?" + urlencode({"q": "red cars", "k": "10"}))
    _drawn(page, "Searching for: red cars")
    last_grid = page.locator(".answer-grid").last
    expect(last_grid.locator(".answer-card")).to_have_count(10, timeout=60_000)  # all of it has arrived
    cards = page.evaluate(CARDS)
    assert len(cards) == 10
    per_row = sorted(Counter(top for _, top, _ in cards).values(), reverse=True)
    assert per_row[0] == (2 if width < 640 else 5), per_row
    assert all(n >= 2 for n in per_row), per_row  # no row of one picture (ten results: five rows of two)
    assert all(left >= 0 and right <= width for left, _, right in cards), cards  # nothing off the screen

    more = last_grid.locator('.answer-card[data-rank="2"]').get_by_role("button", name="More like this")
    box = more.bounding_box()
    assert box and box["width"] < 56, box  # an icon, not a wide button with its words
    assert more.get_attribute("title") == "More like this"  # the tooltip a pointer shows on hover
    more.click()
    _drawn(page, "Searching for: images like #2")
    card = page.locator(".answer-grid").last.locator('.answer-card[data-rank="1"]')
    card.get_by_role("button", name="Not this").click()
    _drawn(page, "not like the 1 image you set aside")
    assert parse_qs(urlparse(page.url).query)["q"] == ["red cars", "more like #2", "not like #1"]

    # issue 19, item 6: the "why" under each picture never contradicts it ("red cars" -> "only at night" once
    # called most plainly night pictures "not clearly at night")
    page.goto(server + "?" + urlencode({"q": ["red cars", "only at night"], "k": "10"}, doseq=True))
    _drawn(page, "at night")
    text = page.locator(".answer-grid").last.inner_text()
    assert "shows red cars at night" in text and "not clearly at night" not in text, text


# A page with one grid whose words are hostile: markup, a script-bearing picture, markdown and a link
HOSTILE = """
import streamlit as st
from bot import cards

evil = '<img src=x onerror="document.title=1">'
st.session_state.setdefault("acts", [])
cards.grid([cards.Card(1, None, "#1: image file not available", evil, [
    cards.Line("STARBUCKS " + evil, ((0, 9), (40, 99))), cards.Line("**x** [click](http://evil) $5", em=True)])],
    "grid-0", lambda act, rank: st.session_state["acts"].append(f"{act} #{rank}"))
st.write("acts:", ", ".join(st.session_state["acts"]) or "none")
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not shutil.which("chromium"):
        pytest.skip("Debian chromium is not installed")
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "page.py").write_text(HOSTILE)
    with gate._streamlit({}, folder, folder / "server.log", script=str(folder / "page.py")) as url:
        yield url


def test_words_in_a_card_stay_words_and_the_match_is_bold(hostile: str, page) -> None:  # noqa: ANN001
    """What a photo's file, caption or OCR says is drawn as text: no element, link or emphasis comes out of it;
    the matched span (characters 0-9) is bold and a span past the end is ignored; an action reaches Python."""
    page.goto(hostile)
    card = page.locator(".answer-card")
    card.wait_for(timeout=120_000)
    lines = card.locator(".lines .line")
    assert lines.all_inner_texts() == ['STARBUCKS <img src=x onerror="document.title=1">',
                                       "**x** [click](http://evil) $5"]
    assert lines.first.locator("b").all_inner_texts() == ["STARBUCKS"]
    assert card.locator("img, a, script").count() == 0 and lines.nth(1).locator("em").count() == 1
    assert page.title() != "1"
    card.get_by_role("button", name="Not this").click()
    page.get_by_text("acts: not #1").wait_for(timeout=60_000)
