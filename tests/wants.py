"""What a person wants from a turn, written as a spec, and the judge of a plan against it.

A spec is space-separated items (tests/dialogs_open.py has the full description):
``+word`` the search says it, in its CLIP phrase or in the text it looks for in the picture (by lemma: "+cat" is
met by "cats", "+sleep" by "sleeping"; ``+black_and_white`` a run of words), ``!word`` the search does not say it,
``-word`` a negative says it, ``@action`` what the turn does
(new, refine, exclude, filter, more_like, show_more, reset, none), ``~field`` a filter of that kind is set.

Nothing here knows what any planner printed: a turn is right when its plan does what the person asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from lemminflect import getAllLemmas

from bot.catalog import Catalog
from bot.plan import Action, SearchPlan
from bot.scope import Context
from indexer.photometa import PhotoMeta

ACTIONS = ("new", "refine", "exclude", "filter", "more_like", "show_more", "reset", "none")
# What each wanted action accepts: a turn that refines may also exclude or scope in the same breath.
ACCEPTS: dict[str, frozenset[Action]] = {
    "new": frozenset({Action.NEW, Action.FILTER}),
    "refine": frozenset({Action.REFINE, Action.EXCLUDE, Action.FILTER}),
    "exclude": frozenset({Action.EXCLUDE, Action.REFINE}),
    "filter": frozenset({Action.FILTER, Action.REFINE, Action.NEW}),
    "more_like": frozenset({Action.MORE_LIKE}),
    "show_more": frozenset({Action.SHOW_MORE}),
    "reset": frozenset({Action.RESET}),
    "none": frozenset({Action.EMPTY}),
}

# The collection the open dialogs talk about: its places and cameras, and a fixed today.
TODAY = date(2026, 12, 1)
_PLACES = [("Paris", "Ile-de-France", "France", 48.86, 2.35), ("Tokyo", "Tokyo", "Japan", 35.68, 139.69),
           ("Rome", "Lazio", "Italy", 41.9, 12.5), ("New York City", "New York", "United States", 40.71, -74.0),
           ("London", "England", "United Kingdom", 51.5, -0.12), ("Barcelona", "Catalonia", "Spain", 41.39, 2.17),
           ("Lisbon", "Lisbon", "Portugal", 38.72, -9.14), ("Kyoto", "Kyoto", "Japan", 35.01, 135.77)]
_CAMERAS = ["Apple iPhone 13", "Google Pixel 7", "Canon EOS R6", "GoPro HERO11 Black"]


def open_context() -> Context:
    photos = [PhotoMeta(1600000000 + i * 86400, "exif", _CAMERAS[i % len(_CAMERAS)], lat, lon, city, region, country)
              for i, (city, region, country, lat, lon) in enumerate(_PLACES)]
    return Context(Catalog.from_photos(photos), TODAY)


@dataclass(frozen=True)
class Want:
    must: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    negatives: tuple[str, ...] = ()
    filters: tuple[str, ...] = ()
    action: str = ""


def parse(spec: str) -> Want:
    items: dict[str, list[str]] = {"+": [], "!": [], "-": [], "~": [], "@": []}
    for item in spec.split():
        if item[0] not in items or len(item) < 2:
            raise ValueError(f"spec item {item!r}: starts with one of + ! - ~ @ and names something")
        items[item[0]].append(item[1:].lower())
    if len(items["@"]) != 1 or items["@"][0] not in ACTIONS:
        raise ValueError(f"spec {spec!r}: exactly one @action of {ACTIONS}")
    return Want(tuple(items["+"]), tuple(items["!"]), tuple(items["-"]), tuple(items["~"]), items["@"][0])


@cache
def forms(word: str) -> frozenset[str]:
    """A word and its lemmas: "cats" -> {cats, cat}, "sleeping" -> {sleeping, sleep}, "people" -> {person};
    a possessive says its owner ("nana's" -> nana, "grandparents'" -> grandparents)."""
    owner = word.removesuffix("'s").strip("'")
    if owner != word:
        return frozenset({word, *forms(owner)})
    lemmas = {lemma for found in getAllLemmas(word).values() for lemma in found}
    if not lemmas and word.endswith("s") and len(word) > 3:  # a plural the dictionary lacks: "selfies"
        lemmas = {word[:-1], word[:-2]} | ({word[:-3] + "y"} if word.endswith("ies") else set())
    return frozenset({word, *lemmas, *({"person"} if word == "people" else ())})


def _says(text: str, wanted: str) -> bool:
    """Whether text says the wanted word (or run of words, joined with "_"), by lemma."""
    have = [forms(w) for w in re.findall(r"[a-z0-9']+", text.lower())]
    want = [forms(w) for w in wanted.split("_")]
    return any(all(want[k] & have[i + k] for k in range(len(want))) for i in range(len(have) - len(want) + 1))


@dataclass
class Verdict:
    text: str
    plan: SearchPlan
    misses: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return not self.misses


def judge(plan: SearchPlan, want: Want) -> list[str]:
    """What the plan misses of what was wanted (empty: the turn is right)."""
    # what the search looks for: the CLIP phrase, and the words the picture should say (the text search)
    phrase = f"{plan.phrase} {plan.text}".strip() if plan.searchable else ""
    misses = [f"phrase lacks {w!r}" for w in want.must if not _says(phrase, w)]
    misses += [f"phrase says {w!r}" for w in want.absent if _says(phrase, w)]
    misses += [f"no negative {w!r}" for w in want.negatives if not any(_says(n, w) for n in plan.negatives)]
    fields = {f.field for f in plan.filters}
    misses += [f"no {w} filter" for w in want.filters if w not in fields]
    action = plan.action if plan.searchable or plan.action is Action.RESET else Action.EMPTY
    if action not in ACCEPTS[want.action]:
        misses.append(f"action {action.value}, wanted {want.action}")
    return misses


def play(planner, turns: Sequence[tuple[str, str]]) -> list[Verdict]:  # noqa: ANN001
    """A dialog through a planner, each turn judged against its spec."""
    previous, history, out = None, [], []
    for text, spec in turns:
        plan = planner.plan(previous, text, history)
        out.append(Verdict(text, plan, judge(plan, parse(spec))))
        previous = plan
        history.append(plan)
    return out


def score(planner, dialogs: dict[str, list[tuple[str, str]]]) -> tuple[int, int, list[str]]:  # noqa: ANN001
    """(turns right, turns, one line per wrong turn)."""
    right, total, wrong = 0, 0, []
    for name, turns in dialogs.items():
        for verdict in play(planner, turns):
            total += 1
            right += verdict.right
            if not verdict.right:
                wrong.append(f"{name}: {verdict.text!r} -> {verdict.plan.phrase!r} "
                             f"neg={list(verdict.plan.negatives)}: {'; '.join(verdict.misses)}")
    return right, total, wrong


def all_turns(dialogs: dict[str, list[tuple[str, str]]]) -> Iterable[tuple[str, str]]:
    return (turn for turns in dialogs.values() for turn in turns)
