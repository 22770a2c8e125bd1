"""bot.planner.quoted and the rule planner: the words a picture should say are pulled out of a message by how
they are said (quotes, verbs of saying, text-bearing things "with" them, codes and file names, a brand after
"from"), and the rest is read as before."""

from __future__ import annotations

import pytest

from bot.plan import Action
from bot.planner import DeterministicPlanner
from bot.planner.quoted import pull_text


@pytest.mark.parametrize(("message", "text", "rest"), [
    ('a sign that says "open"', "open", "a sign"),
    ("the sign saying welcome to Texas", "welcome to Texas", "the sign"),
    ("screenshot with the wifi password", "wifi password", "screenshot"),
    ("the receipt from Starbucks", "Starbucks", "the receipt"),
    ("my train ticket to Harrowgate Junction", "Harrowgate Junction", "my train ticket"),
    ("the menu at Luigi's", "Luigi's", "the menu"),
    ("IMG_2041", "IMG_2041", ""),
    ("red car with plate RE16 TGK", "RE16 TGK", "red car with plate"),
    ("the boat called Sea Breeze", "Sea Breeze", "the boat"),
    ("a poster with the word jazz", "jazz", "a poster"),
    ("DSC01234.jpg", "DSC01234.jpg", ""),
])
def test_the_text_part_is_pulled_out(message: str, text: str, rest: str) -> None:
    pulled = pull_text(message)
    assert (pulled.text, pulled.rest) == (text, rest)


@pytest.mark.parametrize("message", [
    "dogs on a beach", "photos from Paris", "photos from 2018", "the 2nd one", "more like #3", 'in folder "beach"',
    'caption contains "sunset"', "a 4x4 truck at 10pm", "90s cars", "the ticket from December",
    "photos from last summer", "the ticket to Paris", "ok, not 'obviously'. trees that are not green",
    "a card for Christmas", "dogs at the Beach", "rock 'n' roll posters",
])
def test_nothing_is_pulled_from_other_requests(message: str) -> None:
    assert pull_text(message).text == ""


def test_plans_carry_the_text_and_the_picture_part() -> None:
    planner = DeterministicPlanner()
    plan = planner.plan(None, "the red car with plate RE16")
    assert plan.text == "RE16" and "car" in plan.phrase and plan.action is Action.NEW
    assert 'with the text "RE16"' in plan.describe() and "red car" in plan.describe()
    alone = planner.plan(None, "IMG_2041")
    assert (alone.text, alone.phrase, alone.searchable) == ("IMG_2041", "", True)


def test_text_alone_refines_when_said_as_a_refinement() -> None:
    planner = DeterministicPlanner()
    cars = planner.plan(None, "red cars")
    refined = planner.plan(cars, 'only the ones that say "taxi"')
    assert (refined.text, refined.subject, refined.action) == ("taxi", cars.subject, Action.REFINE)
    fresh = planner.plan(cars, '"taxi"')
    assert (fresh.text, fresh.subject, fresh.action) == ("taxi", "", Action.NEW)
