"""Multi-turn dialogs over the demo set, written the way people type, with what each turn must search and show.

Each turn is ``(message, phrase, wanted)``:
* ``phrase``: the exact text the planner must send to CLIP (None: the turn searches nothing, e.g. "start over");
* ``wanted``: the demo attributes every shown image should have, e.g. ``"kind=car color=red !kind=boat"``
  (``!`` = must not have); empty when the turn shows nothing.

The table drives the planner test (phrases), the quality test and bench/chat_precision.py (the shown demo
images' manifest attributes against ``wanted``). CORE is below; the other tables (tests/dialogs_*.py) were
written as free conversations by several people, each in their own way of typing.
"""

from __future__ import annotations

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

Turn = tuple[str, str | None, str]

CORE: dict[str, list[Turn]] = {
    # --- request wording, politeness, questions: none of it reaches CLIP ------------------------------------------
    "request filler": [("show me red cars", "red cars", "kind=car color=red"),
                       ("only at night", "red cars at night", "kind=car color=red time=night")],
    "polite request": [("can you find some boats on the water please?", "boats in water", "kind=boat setting=water"),
                       ("just the small ones", "small boats in water", "kind=boat setting=water size=small")],
    "question do you have": [("do you have any yellow flowers?", "yellow flowers", "kind=flower color=yellow"),
                             ("are there any in the snow?", "yellow flowers in the snow",
                              "kind=flower color=yellow setting=snow")],
    "question are there": [("are there any fish in the snow?", "fish in the snow", "kind=fish setting=snow"),
                           ("what about orange ones", "orange fish in the snow",
                            "kind=fish setting=snow color=orange")],
    "got any": [("got any houses at night", "houses at night", "kind=house time=night"),
                ("any bigger ones?", "big houses at night", "kind=house time=night size=big")],
    "i'd love to see": [("I'd love to see some purple trees", "purple trees", "kind=tree color=purple"),
                        ("in the snow if you have any", "purple trees in the snow",
                         "kind=tree color=purple setting=snow")],
    "greeting first": [("hi! could you show me photos of orange houses",
                        "orange houses", "kind=house color=orange"),
                       ("thank you! now the ones at night", "orange houses at night",
                        "kind=house color=orange time=night")],
    "shouting": [("RED CARS!!!", "red cars", "kind=car color=red"),
                 ("AT NIGHT", "red cars at night", "kind=car color=red time=night")],
    "relative clause": [("cars that are green", "green cars", "kind=car color=green"),
                        ("the ones which are on the street", "green cars on a street",
                         "kind=car color=green setting=street")],
    "looking for": [("I'm looking for a house on the beach", "house on a beach", "kind=house setting=beach"),
                    ("a red one", "red house on a beach", "kind=house setting=beach color=red")],
    "picture of a count": [("show me a picture of two boats", "two boats", "kind=boat count=2"),
                           ("blue ones", "two blue boats", "kind=boat count=2 color=blue")],
    "any that are": [("any flowers that are purple?", "purple flowers", "kind=flower color=purple"),
                     ("bigger", "big purple flowers", "kind=flower color=purple size=big")],
    "can i see": [("can I see blue fish", "blue fish", "kind=fish color=blue"),
                  ("on the grass please", "blue fish on grass", "kind=fish color=blue setting=grass")],
    "want to see then narrow": [("i want to see cars but only blue ones", "blue cars", "kind=car color=blue"),
                                ("and during the day", "blue cars during the day", "kind=car color=blue time=day")],
    "two sentences": [("show me cars. only green ones", "green cars", "kind=car color=green"),
                      ("no, yellow", "yellow cars", "kind=car color=yellow")],
    # --- counts, alone or inside a request ------------------------------------------------------------------------
    "count alone": [("red cars", "red cars", "kind=car color=red"),
                    ("just two", "two red cars", "kind=car color=red count=2")],
    "digit alone": [("blue boats", "blue boats", "kind=boat color=blue"),
                    ("3", "three blue boats", "kind=boat color=blue count=3")],
    "only one": [("flowers on the grass", "flowers on grass", "kind=flower setting=grass"),
                 ("only one", "one flower on grass", "kind=flower setting=grass count=1")],
    "make it three": [("trees", "trees", "kind=tree"), ("make it three", "three trees", "kind=tree count=3")],
    "n of them": [("red cars", "red cars", "kind=car color=red"),
                  ("two of them", "two red cars", "kind=car color=red count=2")],
    "a pair of ones": [("cars", "cars", "kind=car"),
                       ("a pair of red ones", "a pair of red cars", "kind=car color=red count=2")],
    "digits in a request": [("2 purple flowers", "two purple flowers", "kind=flower color=purple count=2"),
                            ("make it 3", "three purple flowers", "kind=flower color=purple count=3")],
    "a couple of": [("a couple of orange trees", "a couple of orange trees", "kind=tree color=orange count=2"),
                    ("at night", "a couple of orange trees at night", "kind=tree color=orange count=2 time=night")],
    "a single": [("a single green house", "a single green house", "kind=house color=green count=1"),
                 ("during the day", "a single green house during the day",
                  "kind=house color=green count=1 time=day")],
    "three in a scene": [("three fish", "three fish", "kind=fish count=3"),
                         ("how about yellow ones", "three yellow fish", "kind=fish color=yellow count=3")],
    "count then change count": [("two red boats", "two red boats", "kind=boat color=red count=2"),
                                ("actually three", "three red boats", "kind=boat color=red count=3")],
    # --- the same, with one change --------------------------------------------------------------------------------
    "same but colour": [("red cars at night", "red cars at night", "kind=car color=red time=night"),
                        ("same but blue", "blue cars at night", "kind=car color=blue time=night")],
    "same during the day": [("boats in the snow", "boats in the snow", "kind=boat setting=snow"),
                            ("the same during the day", "boats in the snow during the day",
                             "kind=boat setting=snow time=day")],
    "same thing but place": [("yellow flowers", "yellow flowers", "kind=flower color=yellow"),
                             ("same thing but in the snow", "yellow flowers in the snow",
                              "kind=flower color=yellow setting=snow")],
    "what about a kind": [("red cars", "red cars", "kind=car color=red"),
                          ("what about boats?", "red boats", "kind=boat color=red")],
    "and a kind": [("green trees in the snow", "green trees in the snow", "kind=tree color=green setting=snow"),
                   ("and houses?", "green houses in the snow", "kind=house color=green setting=snow")],
    "how about instead": [("purple fish", "purple fish", "kind=fish color=purple"),
                          ("how about cars instead", "purple cars", "kind=car color=purple")],
    "kind instead": [("blue boats at night", "blue boats at night", "kind=boat color=blue time=night"),
                     ("trees instead", "blue trees at night", "kind=tree color=blue time=night")],
    "what about a colour": [("houses on the grass", "houses on grass", "kind=house setting=grass"),
                            ("nice. what about purple ones?", "purple houses on grass",
                             "kind=house color=purple setting=grass")],
    "same kind again refines": [("fish on the beach", "fish on a beach", "kind=fish setting=beach"),
                                ("small fish", "small fish on a beach", "kind=fish size=small setting=beach")],
    # --- a new thing on its own starts a new search ---------------------------------------------------------------
    "new topic": [("red cars", "red cars", "kind=car color=red"), ("fish", "fish", "kind=fish")],
    "now show me": [("yellow boats", "yellow boats", "kind=boat color=yellow"),
                    ("now show me houses at night", "houses at night", "kind=house time=night")],
    # --- corrections ----------------------------------------------------------------------------------------------
    "no i meant colour": [("red cars", "red cars", "kind=car color=red"),
                          ("no, I meant blue", "blue cars", "kind=car color=blue")],
    "sorry i meant kind": [("orange boats", "orange boats", "kind=boat color=orange"),
                           ("sorry, I meant houses", "orange houses", "kind=house color=orange")],
    "no wait": [("blue trees", "blue trees", "kind=tree color=blue"),
                ("no wait, green", "green trees", "kind=tree color=green")],
    "not this but that": [("red flowers", "red flowers", "kind=flower color=red"),
                          ("not red, yellow", "yellow flowers", "kind=flower color=yellow")],
    "actually place": [("cars on the street", "cars on a street", "kind=car setting=street"),
                       ("actually, on the beach", "cars on a beach", "kind=car setting=beach")],
    "no comma kind": [("red boats", "red boats", "kind=boat color=red"),
                      ("no, cars", "red cars", "kind=car color=red")],
    "kind not kind": [("green boats", "green boats", "kind=boat color=green"),
                      ("fish not boats", "green fish", "kind=fish color=green")],
    # --- "the ones ..." -------------------------------------------------------------------------------------------
    "the ones on": [("boats", "boats", "kind=boat"),
                    ("the ones on the water", "boats in water", "kind=boat setting=water")],
    "the ones that are": [("houses", "houses", "kind=house"),
                          ("the ones that are red", "red houses", "kind=house color=red")],
    "only the big ones": [("trees in the snow", "trees in the snow", "kind=tree setting=snow"),
                          ("only the big ones", "big trees in the snow", "kind=tree size=big setting=snow")],
    "the small yellow ones": [("fish", "fish", "kind=fish"),
                              ("the small yellow ones", "small yellow fish", "kind=fish size=small color=yellow")],
    # --- comparisons with the previous answer ---------------------------------------------------------------------
    "bigger": [("small boats", "small boats", "kind=boat size=small"), ("bigger", "big boats", "kind=boat size=big")],
    "smaller please": [("big houses", "big houses", "kind=house size=big"),
                       ("smaller ones please", "small houses", "kind=house size=small")],
    "larger": [("cars", "cars", "kind=car"), ("larger ones", "large cars", "kind=car size=big")],
    "tiny": [("flowers", "flowers", "kind=flower"), ("tiny ones", "tiny flowers", "kind=flower size=small")],
    # --- vague subjects: the modifiers are the search -------------------------------------------------------------
    "red things without cars": [("red things", "red", "color=red"),
                                ("without cars", "red", "color=red !kind=car")],
    "anything yellow": [("anything yellow", "yellow", "color=yellow"),
                        ("only the big ones", "big yellow", "color=yellow size=big")],
    "stuff in the snow": [("stuff in the snow at night", "in the snow at night", "setting=snow time=night"),
                          ("no houses", "in the snow at night", "setting=snow time=night !kind=house")],
    "everything that's green": [("show me everything that's green", "green", "color=green"),
                                ("on the water", "green in water", "color=green setting=water")],
    "what do you have on": [("what do you have on the beach?", "on a beach", "setting=beach"),
                            ("any boats?", "boats on a beach", "kind=boat setting=beach")],
    # --- exclusions -----------------------------------------------------------------------------------------------
    "exclude two colours": [("flowers without red or yellow", "flowers", "kind=flower !color=red !color=yellow"),
                            ("in the snow", "flowers in the snow",
                             "kind=flower setting=snow !color=red !color=yellow")],
    "but no blue ones": [("cars, but no blue ones", "cars", "kind=car !color=blue"),
                         ("on the beach", "cars on a beach", "kind=car setting=beach !color=blue")],
    "except at night": [("boats except at night", "boats", "kind=boat !time=night"),
                        ("and no red ones", "boats", "kind=boat !time=night !color=red")],
    "no kind follow-up": [("things at night", "at night", "time=night"),
                          ("no boats", "at night", "time=night !kind=boat")],
    "not in the snow": [("purple trees in the snow", "purple trees in the snow",
                         "kind=tree color=purple setting=snow"),
                        ("not in the snow", "purple trees", "kind=tree color=purple !setting=snow")],
    # --- time and place wording -----------------------------------------------------------------------------------
    "during the day": [("houses during the day", "houses during the day", "kind=house time=day"),
                       ("three of them", "three houses during the day", "kind=house time=day count=3")],
    "by night": [("trees", "trees", "kind=tree"), ("by night", "trees at night", "kind=tree time=night")],
    "in the daytime": [("yellow cars in the daytime", "yellow cars during the day", "kind=car color=yellow time=day"),
                       ("not in the snow", "yellow cars during the day",
                        "kind=car color=yellow time=day !setting=snow")],
    "on the road": [("cars on the road", "cars on a road", "kind=car setting=street"),
                    ("the big ones", "big cars on a road", "kind=car setting=street size=big")],
    "in the city": [("houses in the city", "houses in the city", "kind=house setting=street"),
                    ("at night too", "houses in the city at night", "kind=house setting=street time=night")],
    "in a field": [("trees in a field", "trees in a field", "kind=tree setting=grass"),
                   ("just one", "one tree in a field", "kind=tree setting=grass count=1")],
    "on the sand": [("fish on the sand", "fish on sand", "kind=fish setting=beach"),
                    ("red ones", "red fish on sand", "kind=fish setting=beach color=red")],
    "at sea": [("boats at sea", "boats at sea", "kind=boat setting=water"),
               ("and during the day", "boats at sea during the day", "kind=boat setting=water time=day")],
    "snowy": [("snowy houses", "houses in the snow", "kind=house setting=snow"),
              ("green ones", "green houses in the snow", "kind=house setting=snow color=green")],
    "nite": [("red cars at nite", "red cars at night", "kind=car color=red time=night"),
             ("no, during the day", "red cars during the day", "kind=car color=red time=day")],
    # --- longer conversations -------------------------------------------------------------------------------------
    "thanks then refine": [("orange cars", "orange cars", "kind=car color=orange"),
                           ("thanks! now at night", "orange cars at night", "kind=car color=orange time=night"),
                           ("great, and bigger?", "big orange cars at night",
                            "kind=car color=orange time=night size=big"),
                           ("perfect. now not the big ones", "orange cars at night",
                            "kind=car color=orange time=night !size=big")],
    "hmm bigger please": [("green flowers", "green flowers", "kind=flower color=green"),
                          ("hmm, bigger please", "big green flowers", "kind=flower color=green size=big")],
    "count of them then colour": [("houses", "houses", "kind=house"),
                                  ("only three of them", "three houses", "kind=house count=3"),
                                  ("blue", "three blue houses", "kind=house count=3 color=blue")],
    "show more keeps the search": [("blue houses", "blue houses", "kind=house color=blue"),
                                   ("show me more", "blue houses", "kind=house color=blue"),
                                   ("more please", "blue houses", "kind=house color=blue")],
    "more like a result": [("red cars", "red cars", "kind=car color=red"),
                           ("more like the 2nd one", "red cars", "kind=car color=red")],
    "similar to number": [("boats at night", "boats at night", "kind=boat time=night"),
                          ("something similar to #3", "boats at night", "kind=boat time=night")],
    "start over": [("red cars", "red cars", "kind=car color=red"), ("start over", None, ""),
                   ("boats", "boats", "kind=boat")],
    "let's start again with": [("purple boats", "purple boats", "kind=boat color=purple"),
                               ("let's start again with green trees", "green trees", "kind=tree color=green")],
    "exclusion then new subject": [("cars without red", "cars", "kind=car !color=red"),
                                   ("houses", "houses", "kind=house")],
    "refine keeps exclusion": [("flowers without red", "flowers", "kind=flower !color=red"),
                               ("on the grass", "flowers on grass", "kind=flower setting=grass !color=red")],
}


# Written by people other than the planner's author, phrased their own way; the phrases record what the planner
# sends today (a change must be deliberate), the wanted attributes are theirs.
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
    for text, _, wanted in turns:
        answer = bot.reply(conv, text, k=k)
        out.append((answer.plan.phrase, wanted, [attrs[r.path] for r in answer.results]))
    return out


def turn_precision(wanted: str, shown: list[dict[str, str]]) -> float | None:
    """Share of the shown images that have every wanted attribute (None: the turn asks for nothing;
    0 when nothing was shown although something was asked for)."""
    if not wanted:
        return None
    return sum(matches(a, wanted) for a in shown) / len(shown) if shown else 0.0
