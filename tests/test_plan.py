"""Rule planner: a table of multi-turn dialogs, each turn checked against what the bot should search."""

from __future__ import annotations

import pytest

from bot.plan import Action, Filter, SearchPlan
from bot.planner import DeterministicPlanner

A = Action
# A turn: (user text, expected). Only the keys given are checked:
# "phrase", "action", "neg" (negatives), "like", "page", "filters".
Turn = tuple[str, dict[str, object]]

DIALOGS: dict[str, list[Turn]] = {
    "new subject": [("dogs on a beach", {"phrase": "dogs on a beach", "action": A.NEW, "page": 0})],
    "request fillers": [("show me red cars", {"phrase": "red cars", "action": A.NEW})],
    "pictures of": [("find pictures of boats", {"phrase": "boats"}),
                    ("Could you please find some photos of cats?", {"phrase": "cats", "action": A.NEW})],
    "i want": [("I want flowers in a garden please", {"phrase": "flowers in a garden"})],
    "colour replaces colour": [
        ("red cars", {"phrase": "red cars"}),
        ("only black ones", {"phrase": "black cars", "action": A.REFINE}),
        ("in red", {"phrase": "red cars", "action": A.REFINE}),
    ],
    "size replaces size": [
        ("small boats", {"phrase": "small boats"}),
        ("bigger ones", {"phrase": "big boats"}),
        ("just the small ones", {"phrase": "small boats"}),
    ],
    "modifiers stack across groups": [
        ("dogs on a beach", {"phrase": "dogs on a beach"}),
        ("only black ones", {"phrase": "black dogs on a beach"}),
        ("at night", {"phrase": "black dogs on a beach at night", "action": A.REFINE}),
    ],
    "replace place and time": [
        ("dogs on a beach at sunset", {"phrase": "dogs on a beach at sunset"}),
        ("what about in the snow?", {"phrase": "dogs in the snow at sunset", "action": A.REFINE}),
        ("how about at night instead", {"phrase": "dogs in the snow at night"}),
        ("now blue ones", {"phrase": "blue dogs in the snow at night"}),
    ],
    "exclusions": [
        ("dogs on a beach", {}),
        ("without people", {"phrase": "dogs on a beach", "action": A.EXCLUDE, "neg": ("people",)}),
        ("no cars", {"neg": ("people", "cars")}),
        ("but no trees", {"neg": ("people", "cars", "trees")}),
    ],
    "exclude and not": [
        ("red cars", {}),
        ("not red", {"phrase": "cars", "neg": ("red",)}),
        ("exclude boats", {"neg": ("red", "boats")}),
        ("red ones", {"phrase": "red cars", "neg": ("boats",)}),
    ],
    "exclusion inside a new search": [
        ("black dogs on a beach, no people, at night",
         {"phrase": "black dogs on a beach at night", "neg": ("people",), "action": A.NEW}),
        ("no cars or trucks", {"neg": ("people", "cars", "trucks")}),
    ],
    "more like ordinals": [
        ("dogs", {}),
        # an ordinal counts the last answer's pictures (minus its position, resolved by the chat); "#3" is printed
        ("more like the 2nd one", {"action": A.MORE_LIKE, "like": -2, "phrase": "dogs"}),
        ("like #3", {"like": 3}),
        ("similar to the first", {"like": -1}),
        ("more like number 4", {"like": 4}),
        ("more like the tenth", {"like": -10}),
        ("like 7", {"like": 7}),
        ("more like the last one", {"like": 0}),
    ],
    "a count is not a rank": [("something like two dogs", {"action": A.NEW, "phrase": "two dogs", "like": None})],
    "more like without a search": [("more like the 2nd one", {"action": A.EMPTY})],
    "show more pages": [
        ("boats", {"page": 0}),
        ("show more", {"action": A.SHOW_MORE, "page": 1, "phrase": "boats"}),
        ("more", {"page": 2}),
        ("next", {"page": 3}),
        ("more results", {"page": 4}),
        ("only white ones", {"page": 0, "phrase": "white boats"}),
    ],
    "show more keeps more-like": [
        ("cats", {}), ("like the 3rd", {"like": -3}), ("show more", {"like": -3, "page": 1}),
        ("only black ones", {"like": None, "page": 0, "phrase": "black cats"}),
    ],
    "show more without a search": [("show more", {"action": A.EMPTY})],
    "reset": [
        ("black dogs without people", {"neg": ("people",)}),
        ("start over", {"action": A.RESET, "phrase": "", "neg": ()}),
        ("only red ones", {"phrase": "red", "action": A.NEW}),
        ("reset", {"action": A.RESET}),
        ("clear", {"action": A.RESET}),
        ("new search", {"action": A.RESET}),
    ],
    "reset then search in one message": [
        ("dogs", {}), ("new search: cats on grass", {"phrase": "cats on grass", "action": A.NEW}),
    ],
    "clear is a word too": [("clear sky", {"phrase": "clear sky", "action": A.NEW})],
    "new topic": [
        ("black dogs on a beach", {}),
        ("cats", {"phrase": "cats", "action": A.NEW}),
        ("a house in the city", {"phrase": "house in the city", "action": A.NEW}),
    ],
    "same subject refines": [
        ("dogs on a beach", {}),
        ("black dogs", {"phrase": "black dogs on a beach", "action": A.REFINE}),
    ],
    "free adjective with ones": [
        ("dogs", {}), ("fluffy ones", {"phrase": "fluffy dogs", "action": A.REFINE}),
        ("with people", {"phrase": "fluffy dogs with people"}),
        ("without people", {"phrase": "fluffy dogs", "neg": ("people",)}),
        ("with people", {"phrase": "fluffy dogs with people", "neg": ()}),
    ],
    "bare place or time refines, or starts": [
        ("dogs", {}), ("snow", {"phrase": "dogs in the snow"}), ("sunset", {"phrase": "dogs in the snow at sunset"}),
        ("start over", {}), ("sunset", {"phrase": "sunset", "action": A.NEW}),
    ],
    "counts and number": [
        ("two dogs", {"phrase": "two dogs"}),
        ("the black one", {"phrase": "black dog"}),
        ("a single cat", {"phrase": "a single cat"}),
        ("a pair of ones", {"phrase": "a pair of cats"}),
        ("people", {}), ("just one", {"phrase": "one person"}), ("the tall ones", {"phrase": "tall people"}),
    ],
    "filters from chat": [
        ("dogs", {}),
        ("in folder beach/", {"action": A.FILTER, "phrase": "dogs",
                              "filters": (Filter("path", "prefix", "beach/"),)}),
        ("captioned 'sunset'", {"filters": (Filter("path", "prefix", "beach/"),
                                            Filter("caption", "contains", "sunset"))}),
        ("where color is red", {"filters": (Filter("path", "prefix", "beach/"),
                                            Filter("caption", "contains", "sunset"), Filter("color", "eq", "red"))}),
        ("cats", {"phrase": "cats", "action": A.NEW, "filters": (Filter("path", "prefix", "beach/"),
                  Filter("caption", "contains", "sunset"), Filter("color", "eq", "red"))}),
        ("start over", {"filters": ()}),
    ],
    "filter forms": [
        ("boats from harbour/2024/", {"phrase": "boats", "filters": (Filter("path", "prefix", "harbour/2024/"),)}),
        ("with caption sunset", {"filters": (Filter("path", "prefix", "harbour/2024/"),
                                             Filter("caption", "contains", "sunset"))}),
        ("color=red setting=\"on grass\"", {"filters": (Filter("path", "prefix", "harbour/2024/"),
                                                       Filter("caption", "contains", "sunset"),
                                                       Filter("color", "eq", "red"),
                                                       Filter("setting", "eq", "on grass"))}),
    ],
    "filter values stay raw": [
        ('in folder "a\\b\\"c"', {"filters": (Filter("path", "prefix", 'a\\b\\'),)}),
        ('where color is "re%d_"', {"filters": (Filter("path", "prefix", 'a\\b\\'), Filter("color", "eq", "re%d_"))}),
    ],
    "hostile: empty and whitespace": [
        ("", {"action": A.EMPTY, "phrase": ""}), ("   \t\n ", {"action": A.EMPTY}),
        ("dogs", {"phrase": "dogs"}), ("  ", {"action": A.EMPTY, "phrase": "dogs"}),
        ("only black ones", {"phrase": "black dogs", "action": A.REFINE}),
    ],
    "hostile: injection-looking text": [
        ('path like "%" or 1==1', {"action": A.NEW, "filters": ()}),
        ("../../etc/passwd", {"action": A.NEW}),
        ('" or 1==1 or "\\', {}),
    ],
    "hostile: scripts and emoji": [
        ("🐶🐱", {"action": A.EMPTY}),
        ("שלום dogs 犬 on a beach", {"phrase": "שלום dogs 犬 on a beach"}),
        ("\u202eevil\u202c cats", {"phrase": "evil cats"}),
    ],
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_dialog(name: str) -> None:
    planner = DeterministicPlanner()
    previous: SearchPlan | None = None
    for text, expected in DIALOGS[name]:
        plan = planner.plan(previous, text)
        got = {"phrase": plan.phrase, "action": plan.action, "neg": plan.negatives, "like": plan.like,
               "page": plan.page, "filters": plan.filters}
        for key, want in expected.items():
            assert got[key] == want, f"{name}: after {text!r}, {key} = {got[key]!r}, expected {want!r}"
        assert plan.source == "rules"
        previous = plan


def test_table_is_broad() -> None:
    assert len(DIALOGS) >= 25


@pytest.mark.parametrize("text", ["x" * 10_000, "dogs " * 2_000, "🐶" * 5_000, "\\" * 3_000, "\x00\x01 dogs",
                                  "%" * 500, "'" * 999, "\ud800 dogs"])
def test_hostile_input_never_raises_and_phrase_is_capped(text: str) -> None:
    planner = DeterministicPlanner()
    for previous in (None, planner.plan(None, "dogs")):
        plan = planner.plan(previous, text)
        assert len(plan.phrase) <= 300
        assert isinstance(plan.describe(), str)


def test_describe_lines() -> None:
    planner = DeterministicPlanner()
    plan = planner.plan(planner.plan(None, "black dogs on a beach"), "without people")
    assert plan.describe() == "Searching for: black dogs on a beach, without people"
    plan = planner.plan(planner.plan(plan, "in folder beach/"), "more like #2")
    assert plan.describe() == ("Searching for: images like #2 (black dogs on a beach), without people, "
                               "in folder beach/")
    assert planner.plan(plan, "more like the 3rd").describe().startswith("Searching for: images like the 3rd one")
    assert planner.plan(plan, "show more").describe().endswith("(page 2)")
    assert "Tell me what to look for" in planner.plan(None, "").describe()
    assert planner.plan(plan, "start over").describe().startswith("Starting over")


def test_plans_are_frozen_values() -> None:
    plan = DeterministicPlanner().plan(None, "dogs")
    assert plan == SearchPlan(subject="dogs", action=Action.NEW)
    with pytest.raises(AttributeError):
        plan.subject = "cats"  # type: ignore[misc]
    with pytest.raises(ValueError):
        Filter("path", "regex", "x")
    assert not SearchPlan().searchable and plan.searchable


def test_inflection_comes_from_the_dictionary() -> None:
    from bot import lexicon as lx

    assert [lx.plural(w) for w in ("car", "fish", "person", "bus", "child", "boats", "leaf")] == [
        "cars", "fish", "people", "buses", "children", "boats", "leaves"]
    assert [lx.singular(w) for w in ("cars", "people", "children", "mice", "fish", "glasses")] == [
        "car", "person", "child", "mouse", "fish", "glass"]
