"""When, where and with what, in words: dates relative to a pinned today, places and cameras resolved against
a collection's own values, order; all through the rule planner, with the filters persisting and injection-safe."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from bot.catalog import Catalog
from bot.expr import build_expr
from bot.plan import Action, SearchPlan
from bot.planner import DeterministicPlanner
from bot.scope import Context
from bot.when import find
from indexer.photometa import PhotoMeta
from tests.judged import check

TODAY = date(2026, 11, 25)
DATES = [  # (words, first day, day after the last)
    ("dogs from 2018", date(2018, 1, 1), date(2019, 1, 1)),
    ("in March 2022", date(2022, 3, 1), date(2022, 4, 1)),
    ("last summer", date(2026, 6, 1), date(2026, 9, 1)),
    ("between June and August 2023", date(2023, 6, 1), date(2023, 9, 1)),
    ("this year", date(2026, 1, 1), date(2027, 1, 1)),
    ("last year", date(2025, 1, 1), date(2026, 1, 1)),
    ("last winter", date(2025, 12, 1), date(2026, 3, 1)),
    ("in the summer of 2019", date(2019, 6, 1), date(2019, 9, 1)),
    ("from 2018 to 2020", date(2018, 1, 1), date(2021, 1, 1)),
    ("boats in may", date(2026, 5, 1), date(2026, 6, 1)),
    ("photos from december", date(2025, 12, 1), date(2026, 1, 1)),
    ("last month", date(2026, 10, 1), date(2026, 11, 1)),
    ("before 2015", date(1901, 1, 1), date(2015, 1, 1)),
    ("since 2020", date(2020, 1, 1), date(2026, 11, 26)),
    ("yesterday", date(2026, 11, 24), date(2026, 11, 25)),
    ("in the last 3 months", date(2026, 8, 28), date(2026, 11, 26)),
    ("what did I shoot two years ago?", date(2024, 1, 1), date(2025, 1, 1)),
    ("3 months ago", date(2026, 8, 1), date(2026, 9, 1)),
    ("the year before last", date(2024, 1, 1), date(2025, 1, 1)),
]


@pytest.mark.parametrize(("words", "start", "end"), DATES)
def test_dates_relative_to_today(words: str, start: date, end: date) -> None:
    found, _ = find(words, TODAY)
    assert found is not None and (found.start, found.end) == (start, end), found


@pytest.mark.parametrize("words", ["may I see boats", "march on", "red cars", "two dogs", "the 3rd one", "fall colors",
                                   "winter scenes", "trees in winter", "summer vibes"])
def test_words_that_are_not_dates(words: str) -> None:
    found, _ = find(words, TODAY)
    assert found is None, found  # a season without "last", "this" or a year is how a scene looks, for CLIP


CATALOG = Catalog.from_photos([
    PhotoMeta(1533396000, "exif", "Apple iPhone 13", 41.1, -8.6, "Porto", "Porto", "Portugal"),
    PhotoMeta(1647250200, "exif", "NIKON D750", 41.9, 12.5, "Rome", "Lazio", "Italy"),
    PhotoMeta(1690228800, "exif", "Apple iPhone 12 Pro", 35.7, 139.7, "Tokyo", "Tokyo", "Japan"),
    PhotoMeta(1700000000, "exif", "Canon EOS R6", 40.7, -74.0, "New York City", "New York", "United States"),
])


def _plans(*turns: str) -> list[SearchPlan]:
    planner, previous, out = DeterministicPlanner(Context(CATALOG, TODAY)), None, []
    for text in turns:
        previous = planner.plan(previous, text)
        out.append(previous)
    return out


def _filters(plan: SearchPlan) -> dict[str, str]:
    return {f.field: f.value for f in plan.filters}


def test_content_place_and_date_in_one_message() -> None:
    (plan,) = _plans("dogs in Rome last year")
    check(plan, "+dog !rome !last !year @new ~place ~taken", "dogs in Rome last year")
    assert plan.action is Action.NEW
    assert _filters(plan)["place"] == "Rome"
    assert plan.describe() == f"Searching for: {plan.phrase}, taken in Rome, taken last year (2025)"


def test_scene_words_stay_with_clip_and_names_become_filters() -> None:
    snow, tokyo = _plans("boats in the snow", "what about in Tokyo")
    check(snow, "+boat +snow @new", "boats in the snow")
    assert not snow.filters
    check(tokyo, "+boat +snow !tokyo !what @filter", "what about in Tokyo")  # the same boats, now in Tokyo
    assert _filters(tokyo) == {"place": "Tokyo"}


def test_filters_persist_through_refinements_and_new_topics_until_start_over() -> None:
    plans = _plans("photos from 2018", "red cars", "only at night", "in Japan", "start over", "boats")
    assert all("taken" in _filters(p) for p in plans[:4])
    assert _filters(plans[3])["place"] == "Japan"
    check(plans[3], "+red +car +night !japan @filter", "in Japan")
    check(plans[5], "+boat !red !car !night @new", "boats")
    assert plans[5].filters == ()


@pytest.mark.parametrize(("text", "camera"), [("shot on my iPhone", "iPhone"), ("with the Nikon", "NIKON"),
                                              ("taken with a canon", "Canon"), ("photos from my iphone", "iPhone")])
def test_cameras(text: str, camera: str) -> None:
    (plan,) = _plans(text)
    names = [name for name, _ in CATALOG.cameras if camera in name]
    assert _filters(plan) == {"camera": json.dumps(names)} and f"shot on {camera}" in plan.describe()


def test_places_by_city_region_country_and_alias() -> None:
    for text, place in (("taken in Porto", "Porto"), ("photos from italy", "Italy"), ("in the USA", "United States"),
                        ("pictures of New York City", "New York City"), ("in Lazio", "Lazio")):
        (plan,) = _plans(text)
        assert _filters(plan) == {"place": place}, text


def test_unknown_place_and_camera_get_a_clear_answer() -> None:
    oslo, leica = _plans("dogs taken in Oslo"), _plans("shot on my Leica")
    assert oslo[0].describe().startswith("No photos taken in Oslo; places in this collection: Porto, Portugal")
    assert not oslo[0].searchable
    assert leica[0].describe().startswith("No photos shot with Leica in this collection; cameras here:")


def test_order_words() -> None:
    newest, oldest = _plans("photos from Japan newest first", "oldest first")
    assert newest.order == "newest" and oldest.order == "oldest" and _filters(oldest) == {"place": "Japan"}
    assert newest.action is Action.FILTER and newest.searchable


def test_metadata_filters_stay_injection_safe() -> None:
    import re

    fields = {"taken": "taken", "place": "city", "camera": "camera", "path": "path", "caption": "caption"}
    evil_place, evil_camera = 'Porto" or "', 'x" or 1==1 or "'
    evil = Catalog.from_photos([PhotoMeta(1, "exif", evil_camera, 0, 0, evil_place, "", "")])
    planner = DeterministicPlanner(Context(evil, TODAY))
    plan = planner.plan(planner.plan(None, f"taken in {evil_place}"), f"shot with my {evil_camera}")
    assert {f.field for f in plan.filters} == {"place", "camera"}, plan.filters
    expr = build_expr(plan.filters, fields)
    structure = re.sub(r'"(?:[^"\\]|\\.)*"', "LIT", expr)  # every value is one string literal
    assert structure == "(city == LIT or region == LIT or country == LIT) and camera in [LIT]", expr


def test_places_named_without_a_preposition_when_they_are_proper_names() -> None:
    porto, tokyo = _plans("Porto photos", "what about tokyo?")
    assert _filters(porto) == {"place": "Porto"} and _filters(tokyo) == {"place": "Tokyo"}

    def planner(city: str, country: str) -> DeterministicPlanner:
        return DeterministicPlanner(Context(Catalog.from_photos([PhotoMeta(1, "exif", "", 1, 1, city, "", country)]),
                                            TODAY))

    nice = planner("Nice", "France").plan(None, "show me nice boats")
    check(nice, "+boat !show !me @new", "show me nice boats")
    assert not nice.filters  # "nice" is an English word (praise) before it is a town
    sao = planner("São Paulo", "Brazil").plan(None, "photos from sao paulo")
    assert _filters(sao) == {"place": "São Paulo"}  # accents or not, one place


@pytest.mark.parametrize(("text", "camera", "spec"), [
    ("canon shots please", "Canon", "!canon !shot !please @filter"),
    ("nikon photos of boats", "NIKON", "+boat !nikon !photo @filter"),
    ("only the iPhone 12 Pro ones", "iPhone 12 Pro", "!only !iphone !12 !pro !one @filter"),
    ("iphone pictures at night", "iPhone", "+night !iphone !picture @filter")])
def test_cameras_named_without_shot_on(text: str, camera: str, spec: str) -> None:
    (plan,) = _plans(text)
    names = [name for name, _ in CATALOG.cameras if camera in name]
    assert _filters(plan) == {"camera": json.dumps(names)}
    check(plan, spec, text)  # the camera is a filter, not words for CLIP


def test_a_camera_word_that_is_an_english_word_alone_is_not_a_camera() -> None:
    (plan,) = _plans("pro photos of boats")  # "pro" is part of "iPhone 12 Pro", but not a camera by itself
    assert "camera" not in _filters(plan)


def test_the_range_before_or_after_the_current_one() -> None:
    summer, before, cars = _plans("last summer", "hmm, what about the summer before that?", "just the cars")
    start, end = (_day(v) for v in _filters(before)["taken"].split(".."))
    assert (start, end) == (date(2025, 6, 1), date(2025, 9, 1))
    assert _filters(cars) == _filters(before)
    check(cars, "+car !summer !just @filter", "just the cars")
    month = _plans("in March 2022", "and the month after that")[1]
    assert _day(_filters(month)["taken"].split("..")[0]) == date(2022, 4, 1)


def _day(seconds: str) -> date:
    return datetime.fromtimestamp(int(seconds), UTC).date()


def test_a_place_named_alone_that_the_collection_lacks_gets_a_clear_answer() -> None:
    for text in ("what about Spain?", "and Osaka?"):
        plan = _plans("photos from Japan", text)[1]
        assert plan.describe().startswith(f"No photos taken in {text.split()[-1].rstrip('?')};"), text
    assert _plans("photos from Japan", "what about Rome?")[1].searchable  # in the collection: a filter
