"""The first screen's view of the collection in a real headless Chromium, at a phone and a desktop viewport: photos
per month as a chart whose bars start a search for their month, and the top places and cameras as chips.

The collection is tests/photoroll.py's roll (EXIF dates in five months, GPS in Porto, Rome and Tokyo, five
cameras), indexed with the demo model the page loads.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import bot_fixtures as fx
from tests import test_browser_gate as gate
from tests.photoroll import write_roll
from tests.test_browser_grid import _drawn

demo_index, browser, page = fx.demo_index, gate.browser, gate.page  # fixtures
pytestmark = pytest.mark.browser

BAR = '[data-testid="stVegaLiteChart"] path[aria-roledescription="bar"]'


@pytest.fixture(scope="module")
def server(demo_index, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:  # noqa: ANN001
    if not shutil.which("chromium"):
        pytest.skip("Debian chromium is not installed")
    root = write_roll(tmp_path_factory.mktemp("glance-roll"))
    db = fx.build_index(tmp_path_factory.mktemp("glance-db"), demo_index.pretrained, manifest=root)
    log = tmp_path_factory.mktemp("glance-log") / "server.log"
    with gate._streamlit(demo_index.env(db), fx.REPO_ROOT, log) as url:
        yield url


def _first_screen(page, url: str) -> None:  # noqa: ANN001
    page.goto(url)
    page.locator(BAR).first.wait_for(timeout=180_000)


def test_months_places_and_cameras_at_a_glance(server: str, page) -> None:  # noqa: ANN001
    _first_screen(page, server)
    labels = page.locator(BAR).evaluate_all("bars => bars.map(b => b.getAttribute('aria-label'))")
    assert [label.split(";")[0] for label in labels] == [
        "label: Aug 2018", "label: Jun 2019", "label: Jan 2020", "label: Mar 2022", "label: Jul 2023"]
    assert "photos: 6" in labels[0]  # six photos in Porto in August 2018
    chart = page.get_by_test_id("stVegaLiteChart").bounding_box()
    assert chart and chart["x"] >= 0 and chart["x"] + chart["width"] <= page.viewport_size["width"]
    for name in ("Porto, Portugal", "Tokyo, Japan", "NIKON D750", "Apple iPhone 13"):
        assert page.get_by_role("button", name=name).is_visible(), name

    page.locator(BAR).nth(3).click()  # March 2022: the five Nikon photos from Rome
    _drawn(page, "taken in March 2022")
    cards = page.locator(".answer-card")
    expect(cards).to_have_count(5, timeout=60_000)  # the grid may still be arriving when the first pictures load
    assert all("Rome" in text for text in cards.all_inner_texts())

    _first_screen(page, server)
    page.get_by_role("button", name="Porto, Portugal").click()
    _drawn(page, "taken in Porto")
    expect(page.locator(".answer-card")).to_have_count(6, timeout=60_000)


def test_the_roll_has_what_the_chart_shows(tmp_path: Path) -> None:
    """The months come from the summary's day counts (no scan of the collection)."""
    from indexer.photometa import file_meta
    from indexer.summary import Summary

    root = write_roll(tmp_path / "roll")
    metas = [file_meta(str(p)) for p in sorted(root.rglob("*")) if p.suffix.lower() in (".jpg", ".avif", ".heic")]
    months = Summary().count_all(metas).months()
    assert months[0] == ("2018-08", 6) and [m for m, _ in months] == sorted(m for m, _ in months)
