"""Multi-turn dialogs over the demo set, written the way people type, with what each turn must search and show.

Each turn is ``(message, wanted)``: the demo attributes every shown image should have, e.g.
``"kind=car color=red !kind=boat"`` (``!`` = must not have); empty when the turn shows nothing. What the
person wanted is the only expectation: no phrase of any planner is recorded here.

The tables drive the quality test and bench/chat_precision.py (the shown demo images' manifest attributes
against ``wanted``). CORE is below; the other tables (tests/dialogs_*.py) were written as free conversations by
several people, each in their own way of typing.
"""

from __future__ import annotations

import re

from indexer.demo import phrasing
from tests.dialogs_casual import CASUAL
from tests.dialogs_long import LONG
from tests.dialogs_long_more import LONG_MORE
from tests.dialogs_people import PEOPLE
from tests.dialogs_personas import PERSONAS
from tests.dialogs_returns import RETURNS
from tests.dialogs_styles import STYLES
from tests.dialogs_users import USERS
from tests.dialogs_users_more import USERS_MORE
from tests.dialogs_wording import WORDING

Turn = tuple[str, str]

CORE: dict[str, list[Turn]] = {
    # --- request wording, politeness, questions: none of it reaches CLIP ------------------------------------------
    "request filler": [("show me red cars", "kind=car color=red"),
                       ("only at night", "kind=car color=red time=night")],
    "polite request": [("can you find some boats on the water please?", "kind=boat setting=water"),
                       ("just the small ones", "kind=boat setting=water size=small")],
    "question do you have": [("do you have any yellow flowers?", "kind=flower color=yellow"),
                             ("are there any in the snow?",
                              "kind=flower color=yellow setting=snow")],
    "question are there": [("are there any fish in the snow?", "kind=fish setting=snow"),
                           ("what about orange ones",
                            "kind=fish setting=snow color=orange")],
    "got any": [("got any houses at night", "kind=house time=night"),
                ("any bigger ones?", "kind=house time=night size=big")],
    "i'd love to see": [("I'd love to see some purple trees", "kind=tree color=purple"),
                        ("in the snow if you have any",
                         "kind=tree color=purple setting=snow")],
    "greeting first": [("hi! could you show me photos of orange houses", "kind=house color=orange"),
                       ("thank you! now the ones at night",
                        "kind=house color=orange time=night")],
    "shouting": [("RED CARS!!!", "kind=car color=red"),
                 ("AT NIGHT", "kind=car color=red time=night")],
    "relative clause": [("cars that are green", "kind=car color=green"),
                        ("the ones which are on the street",
                         "kind=car color=green setting=street")],
    "looking for": [("I'm looking for a house on the beach", "kind=house setting=beach"),
                    ("a red one", "kind=house setting=beach color=red")],
    "picture of a count": [("show me a picture of two boats", "kind=boat count=2"),
                           ("blue ones", "kind=boat count=2 color=blue")],
    "any that are": [("any flowers that are purple?", "kind=flower color=purple"),
                     ("bigger", "kind=flower color=purple size=big")],
    "can i see": [("can I see blue fish", "kind=fish color=blue"),
                  ("on the grass please", "kind=fish color=blue setting=grass")],
    "want to see then narrow": [("i want to see cars but only blue ones", "kind=car color=blue"),
                                ("and during the day", "kind=car color=blue time=day")],
    "two sentences": [("show me cars. only green ones", "kind=car color=green"),
                      ("no, yellow", "kind=car color=yellow")],
    # --- counts, alone or inside a request ------------------------------------------------------------------------
    "count alone": [("red cars", "kind=car color=red"),
                    ("just two", "kind=car color=red count=2")],
    "digit alone": [("blue boats", "kind=boat color=blue"),
                    ("3", "kind=boat color=blue count=3")],
    "only one": [("flowers on the grass", "kind=flower setting=grass"),
                 ("only one", "kind=flower setting=grass count=1")],
    "make it three": [("trees", "kind=tree"), ("make it three", "kind=tree count=3")],
    "n of them": [("red cars", "kind=car color=red"),
                  ("two of them", "kind=car color=red count=2")],
    "a pair of ones": [("cars", "kind=car"),
                       ("a pair of red ones", "kind=car color=red count=2")],
    "digits in a request": [("2 purple flowers", "kind=flower color=purple count=2"),
                            ("make it 3", "kind=flower color=purple count=3")],
    "a couple of": [("a couple of orange trees", "kind=tree color=orange count=2"),
                    ("at night", "kind=tree color=orange count=2 time=night")],
    "a single": [("a single green house", "kind=house color=green count=1"),
                 ("during the day",
                  "kind=house color=green count=1 time=day")],
    "three in a scene": [("three fish", "kind=fish count=3"),
                         ("how about yellow ones", "kind=fish color=yellow count=3")],
    "count then change count": [("two red boats", "kind=boat color=red count=2"),
                                ("actually three", "kind=boat color=red count=3")],
    # --- the same, with one change --------------------------------------------------------------------------------
    "same but colour": [("red cars at night", "kind=car color=red time=night"),
                        ("same but blue", "kind=car color=blue time=night")],
    "same during the day": [("boats in the snow", "kind=boat setting=snow"),
                            ("the same during the day",
                             "kind=boat setting=snow time=day")],
    "same thing but place": [("yellow flowers", "kind=flower color=yellow"),
                             ("same thing but in the snow",
                              "kind=flower color=yellow setting=snow")],
    "what about a kind": [("red cars", "kind=car color=red"),
                          ("what about boats?", "kind=boat color=red")],
    "and a kind": [("green trees in the snow", "kind=tree color=green setting=snow"),
                   ("and houses?", "kind=house color=green setting=snow")],
    "how about instead": [("purple fish", "kind=fish color=purple"),
                          ("how about cars instead", "kind=car color=purple")],
    "kind instead": [("blue boats at night", "kind=boat color=blue time=night"),
                     ("trees instead", "kind=tree color=blue time=night")],
    "what about a colour": [("houses on the grass", "kind=house setting=grass"),
                            ("nice. what about purple ones?",
                             "kind=house color=purple setting=grass")],
    "same kind again refines": [("fish on the beach", "kind=fish setting=beach"),
                                ("small fish", "kind=fish size=small setting=beach")],
    # --- a new thing on its own starts a new search ---------------------------------------------------------------
    "new topic": [("red cars", "kind=car color=red"), ("fish", "kind=fish")],
    "now show me": [("yellow boats", "kind=boat color=yellow"),
                    ("now show me houses at night", "kind=house time=night")],
    # --- corrections ----------------------------------------------------------------------------------------------
    "no i meant colour": [("red cars", "kind=car color=red"),
                          ("no, I meant blue", "kind=car color=blue")],
    "sorry i meant kind": [("orange boats", "kind=boat color=orange"),
                           ("sorry, I meant houses", "kind=house color=orange")],
    "no wait": [("blue trees", "kind=tree color=blue"),
                ("no wait, green", "kind=tree color=green")],
    "not this but that": [("red flowers", "kind=flower color=red"),
                          ("not red, yellow", "kind=flower color=yellow")],
    "actually place": [("cars on the street", "kind=car setting=street"),
                       ("actually, on the beach", "kind=car setting=beach")],
    "no comma kind": [("red boats", "kind=boat color=red"),
                      ("no, cars", "kind=car color=red")],
    "kind not kind": [("green boats", "kind=boat color=green"),
                      ("fish not boats", "kind=fish color=green")],
    # --- "the ones ..." -------------------------------------------------------------------------------------------
    "the ones on": [("boats", "kind=boat"),
                    ("the ones on the water", "kind=boat setting=water")],
    "the ones that are": [("houses", "kind=house"),
                          ("the ones that are red", "kind=house color=red")],
    "only the big ones": [("trees in the snow", "kind=tree setting=snow"),
                          ("only the big ones", "kind=tree size=big setting=snow")],
    "the small yellow ones": [("fish", "kind=fish"),
                              ("the small yellow ones", "kind=fish size=small color=yellow")],
    # --- comparisons with the previous answer ---------------------------------------------------------------------
    "bigger": [("small boats", "kind=boat size=small"), ("bigger", "kind=boat size=big")],
    "smaller please": [("big houses", "kind=house size=big"),
                       ("smaller ones please", "kind=house size=small")],
    "larger": [("cars", "kind=car"), ("larger ones", "kind=car size=big")],
    "tiny": [("flowers", "kind=flower"), ("tiny ones", "kind=flower size=small")],
    # --- vague subjects: the modifiers are the search -------------------------------------------------------------
    "red things without cars": [("red things", "color=red"),
                                ("without cars", "color=red !kind=car")],
    "anything yellow": [("anything yellow", "color=yellow"),
                        ("only the big ones", "color=yellow size=big")],
    "stuff in the snow": [("stuff in the snow at night", "setting=snow time=night"),
                          ("no houses", "setting=snow time=night !kind=house")],
    "everything that's green": [("show me everything that's green", "color=green"),
                                ("on the water", "color=green setting=water")],
    "what do you have on": [("what do you have on the beach?", "setting=beach"),
                            ("any boats?", "kind=boat setting=beach")],
    # --- exclusions -----------------------------------------------------------------------------------------------
    "exclude two colours": [("flowers without red or yellow", "kind=flower !color=red !color=yellow"),
                            ("in the snow",
                             "kind=flower setting=snow !color=red !color=yellow")],
    "but no blue ones": [("cars, but no blue ones", "kind=car !color=blue"),
                         ("on the beach", "kind=car setting=beach !color=blue")],
    "except at night": [("boats except at night", "kind=boat !time=night"),
                        ("and no red ones", "kind=boat !time=night !color=red")],
    "no kind follow-up": [("things at night", "time=night"),
                          ("no boats", "time=night !kind=boat")],
    "not in the snow": [("purple trees in the snow",
                         "kind=tree color=purple setting=snow"),
                        ("not in the snow", "kind=tree color=purple !setting=snow")],
    # --- time and place wording -----------------------------------------------------------------------------------
    "during the day": [("houses during the day", "kind=house time=day"),
                       ("three of them", "kind=house time=day count=3")],
    "by night": [("trees", "kind=tree"), ("by night", "kind=tree time=night")],
    "in the daytime": [("yellow cars in the daytime", "kind=car color=yellow time=day"),
                       ("not in the snow",
                        "kind=car color=yellow time=day !setting=snow")],
    "on the road": [("cars on the road", "kind=car setting=street"),
                    ("the big ones", "kind=car setting=street size=big")],
    "in the city": [("houses in the city", "kind=house setting=street"),
                    ("at night too", "kind=house setting=street time=night")],
    "in a field": [("trees in a field", "kind=tree setting=grass"),
                   ("just one", "kind=tree setting=grass count=1")],
    "on the sand": [("fish on the sand", "kind=fish setting=beach"),
                    ("red ones", "kind=fish setting=beach color=red")],
    "at sea": [("boats at sea", "kind=boat setting=water"),
               ("and during the day", "kind=boat setting=water time=day")],
    "snowy": [("snowy houses", "kind=house setting=snow"),
              ("green ones", "kind=house setting=snow color=green")],
    "nite": [("red cars at nite", "kind=car color=red time=night"),
             ("no, during the day", "kind=car color=red time=day")],
    # --- longer conversations -------------------------------------------------------------------------------------
    "thanks then refine": [("orange cars", "kind=car color=orange"),
                           ("thanks! now at night", "kind=car color=orange time=night"),
                           ("great, and bigger?",
                            "kind=car color=orange time=night size=big"),
                           ("perfect. now not the big ones",
                            "kind=car color=orange time=night !size=big")],
    "hmm bigger please": [("green flowers", "kind=flower color=green"),
                          ("hmm, bigger please", "kind=flower color=green size=big")],
    "count of them then colour": [("houses", "kind=house"),
                                  ("only three of them", "kind=house count=3"),
                                  ("blue", "kind=house count=3 color=blue")],
    "show more keeps the search": [("blue houses", "kind=house color=blue"),
                                   ("show me more", "kind=house color=blue"),
                                   ("more please", "kind=house color=blue")],
    "more like a result": [("red cars", "kind=car color=red"),
                           ("more like the 2nd one", "kind=car color=red")],
    "similar to number": [("boats at night", "kind=boat time=night"),
                          ("something similar to #3", "kind=boat time=night")],
    "start over": [("red cars", "kind=car color=red"), ("start over", ""),
                   ("boats", "kind=boat")],
    "let's start again with": [("purple boats", "kind=boat color=purple"),
                               ("let's start again with green trees", "kind=tree color=green")],
    "exclusion then new subject": [("cars without red", "kind=car !color=red"),
                                   ("houses", "kind=house")],
    "refine keeps exclusion": [("flowers without red", "kind=flower !color=red"),
                               ("on the grass", "kind=flower setting=grass !color=red")],
}


# Written by people other than the planner's author, phrased their own way; the wanted attributes are theirs.
TABLES = (CORE, CASUAL, STYLES, WORDING, PERSONAS, RETURNS, USERS, USERS_MORE, PEOPLE, LONG, LONG_MORE)
DIALOGS: dict[str, list[Turn]] = {name: turns for table in TABLES for name, turns in table.items()}


def constraints(wanted: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    """``"kind=car !color=red"`` -> ({kind: car}, {color: {red}})."""
    must: dict[str, str] = {}
    must_not: dict[str, set[str]] = {}
    for item in wanted.split():
        name, value = item.lstrip("!").split("=")
        if item.startswith("!"):
            must_not.setdefault(name, set()).add(value)
        else:
            must[name] = value
    return must, must_not


def matches(attrs: dict[str, str], wanted: str) -> bool:
    must, must_not = constraints(wanted)
    return all(attrs.get(k) == v for k, v in must.items()) and not any(
        attrs.get(k) in vs for k, vs in must_not.items()
    )


def run_dialog(bot, turns: list[Turn], k: int = 8) -> list[tuple[str, str, list[dict[str, str]]]]:  # noqa: ANN001
    """Each turn through a ChatBot: (phrase sent, wanted, manifest attributes of the shown images)."""
    from bot.chat import Conversation
    from tests.bot_fixtures import demo_attrs

    attrs, conv, out = demo_attrs(), Conversation(), []
    for text, wanted in turns:
        answer = bot.reply(conv, text, k=k)
        out.append((answer.plan.phrase, wanted, [attrs[r.path] for r in answer.results]))
    return out


def turn_precision(wanted: str, shown: list[dict[str, str]]) -> float | None:
    """Share of the shown images that have every wanted attribute (None: the turn asks for nothing;
    0 when nothing was shown although something was asked for)."""
    if not wanted:
        return None
    return sum(matches(a, wanted) for a in shown) / len(shown) if shown else 0.0


def _words(attribute: str, value: str) -> set[str]:
    """The words that say a demo attribute's value, from the demo's own phrasing tables."""
    tables = {"kind": {k: (k, *v) for k, v in phrasing.KIND_SYNONYMS.items()},
              "color": {c: (c, *phrasing.COLOR_SYNONYMS.get(c, ())) for c in ("red", "blue", "green", "yellow",
                                                                             "purple", "orange")},
              "size": phrasing.SIZE_WORDS, "count": phrasing.COUNT_WORDS,
              "setting": {s: (*phrasing.SETTING_WORDS[s], *phrasing.SETTING_NOUNS[s]) for s in phrasing.SETTING_WORDS},
              "time": {t: (*phrasing.TIME_WORDS[t], *phrasing.TIME_NOUNS[t]) for t in phrasing.TIME_WORDS}}
    said = tables[attribute].get(value, (value,))
    words = {w for phrase in said for w in phrase.split() if w not in ("a", "an", "the", "on", "in", "at", "of",
                                                                      "by", "during", "just", "open")}
    return words | ({"one", "single", "lone"} if attribute == "count" and value == "1" else set())


def _says(text: str, words: set[str]) -> bool:
    from tests.wants import forms

    found = {f for w in re.findall(r"[a-z0-9]+", text.lower()) for f in forms(w)}
    return bool(found & {f for w in words for f in forms(w)})


def expresses(phrase: str, negatives: tuple[str, ...], wanted: str) -> list[str]:
    """What of `wanted` the plan does not say: a value is said by one of its words in the phrase; an excluded
    value by a negative, or by another value of the same attribute asked for."""
    must, must_not = constraints(wanted)
    misses = [f"{k}={v}" for k, v in must.items() if not _says(phrase, _words(k, v))]
    for k, values in must_not.items():
        misses += [f"!{k}={v}" for v in values if k not in must and not _says(" ".join(negatives), _words(k, v))]
    return misses



def planner_score(planner, dialogs) -> tuple[int, int, list[str]]:  # noqa: ANN001
    right, total, wrong = 0, 0, []
    for name, turns in dialogs.items():
        previous, history = None, []
        for text, wanted in turns:
            plan = planner.plan(previous, text, history)
            previous = plan
            history.append(plan)
            if not wanted:
                continue
            misses = expresses(plan.phrase if plan.searchable else "", plan.negatives, wanted)
            total += 1
            right += not misses
            if misses:
                wrong.append(f"{name}: {text!r} -> {plan.phrase!r} neg={list(plan.negatives)} misses {misses}")
    return right, total, wrong
