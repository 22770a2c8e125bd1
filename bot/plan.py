"""Conversation -> search plan: the data passed to the search code, and a rule-based planner.

The rule for refine vs. new topic: a message made only of modifier words (colour, size,
count, place, time, "ones"/"them") refines the current search; a message that names a
new thing on its own starts a new search (naming the same thing again refines it), but
one that asks for the same with a change ("what about boats?", "trees instead", "no, I
meant houses") swaps the thing and keeps the rest. "Things", "anything" name no thing:
the modifiers alone are the search. Filters are the scope of a search: they survive a
new topic and only "start over" clears them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Protocol, TypeVar

from bot import lexicon as lx
from bot import reader
from bot.scope import Context

log = logging.getLogger(__name__)
_T = TypeVar("_T")

MAX_PHRASE = 300
FILTER_OPS = frozenset({"prefix", "contains", "eq", "range", "in"})


class Action(StrEnum):
    NEW = "new"
    REFINE = "refine"
    EXCLUDE = "exclude"
    FILTER = "filter"
    MORE_LIKE = "more_like"
    SHOW_MORE = "show_more"
    RESET = "reset"
    EMPTY = "empty"  # nothing to search: show help, keep the conversation as it was


@dataclass(frozen=True)
class Filter:
    field: str
    op: str
    value: str
    words: str = field(default="", compare=False)  # how the person said it: "taken last summer (Jun-Aug 2026)"

    def __post_init__(self) -> None:
        if self.op not in FILTER_OPS:
            raise ValueError(f"filter op must be one of {sorted(FILTER_OPS)}, not {self.op!r}")

    def describe(self) -> str:
        if self.words:
            return self.words
        if self.field == "path" and self.op == "prefix":
            return f"in folder {self.value}"
        if self.op == "contains":
            return f"{self.field} contains '{self.value}'"
        return f"{self.field} {'starts with' if self.op == 'prefix' else '='} '{self.value}'"


@dataclass(frozen=True)
class SearchPlan:
    subject: str = ""
    modifiers: tuple[str, ...] = ()
    negatives: tuple[str, ...] = ()
    filters: tuple[Filter, ...] = ()
    action: Action = Action.EMPTY
    like: int | None = None
    page: int = 0
    source: str = field(default="rules", compare=False)
    order: str = ""  # "newest" / "oldest": by date taken instead of by match
    notice: str = field(default="", compare=False)  # said instead of searching ("No photos taken in Oslo...")
    unlike: int | None = None  # "not like #3": a rank of the last answer, turned into `avoid` by the chat
    avoid: tuple[str, ...] = ()  # ids of images the person set aside ("Not this"): results move away from them

    @property
    def phrase(self) -> str:
        """Text for CLIP: modifiers placed around the subject in natural English order."""
        parts: list[str] = []
        for group in lx.PHRASE_ORDER:
            if group == "subject":
                parts.append(self.subject)
            else:
                parts.extend(m for m in self.modifiers if lx.group_of(m) == group)
        return " ".join(p for p in parts if p)[:MAX_PHRASE].strip()

    @property
    def has_content(self) -> bool:
        return self.action is not Action.RESET and bool(
            self.phrase or self.like is not None or self.filters or self.order)

    @property
    def searchable(self) -> bool:
        """False for help/reset turns: the page shows a message instead of searching."""
        return self.action is not Action.EMPTY and self.has_content and not self.notice

    def describe(self) -> str:
        """The line shown above the results."""
        if self.action is Action.RESET:
            return "Starting over. What would you like to see?"
        if self.notice:
            return self.notice
        if not self.searchable:
            return HELP
        what = self.phrase or ("photos" if self.filters or self.order else "anything")
        parts = [f"images like #{self.like} ({what})" if self.like is not None else what]
        if self.negatives:
            parts.append("without " + " or ".join(self.negatives))
        if self.avoid:
            parts.append(f"not like the {len(self.avoid)} image{'s' if len(self.avoid) > 1 else ''} you set aside")
        parts.extend(f.describe() for f in self.filters)
        parts += [f"{self.order} first"] if self.order else []
        page = f" (page {self.page + 1})" if self.page else ""
        return "Searching for: " + ", ".join(parts) + page


HELP = (
    "Tell me what to look for, e.g. 'dogs on a beach'. Then refine: 'only black ones', 'at night', "
    "'without people', 'more like the 2nd', 'show more', 'in folder beach/', or 'start over'."
)


class Planner(Protocol):
    def plan(self, previous: SearchPlan | None, text: str) -> SearchPlan: ...


class DeterministicPlanner:
    """Offline, deterministic rules; see the module docstring for the refine/new rule. `context` gives today's
    date and the collection's places and cameras (bot.scope)."""

    def __init__(self, context: Context | None = None) -> None:
        self.context = context or Context()

    def plan(self, previous: SearchPlan | None, text: str) -> SearchPlan:
        try:
            return self._plan(previous, text)
        except Exception:  # a chat line must never crash the page; the log keeps the bug visible
            log.exception("rule planner failed on %r", text[:200])
            return _empty(previous)

    def _plan(self, previous: SearchPlan | None, text: str) -> SearchPlan:
        raw = reader.normalise(text)
        low = raw.lower()
        if not low:
            return _empty(previous)
        reset = lx.RESET.match(low)
        if reset:
            rest = raw[reset.end():]
            return self._plan(None, rest) if rest.strip() else SearchPlan(action=Action.RESET)
        live = previous if previous is not None and previous.has_content else None
        if lx.SHOW_MORE.match(low):
            if live is None:
                return _empty(previous)
            return replace(live, action=Action.SHOW_MORE, page=live.page + 1, source="rules")
        unlike = lx.rank_after(lx.NOT_LIKE, low)
        if unlike is not None:
            if live is None:
                return _empty(previous)
            return replace(live, action=Action.EXCLUDE, unlike=unlike, like=None, page=0, source="rules")
        like = lx.more_like_rank(low)
        if like is not None:
            if live is None:
                return _empty(previous)
            return replace(live, action=Action.MORE_LIKE, like=like, page=0, source="rules")
        message = reader.read_message(raw, self.context)
        if message.notice:
            return replace(_empty(previous), notice=message.notice)
        return _merge(live, message, previous)


def _empty(previous: SearchPlan | None) -> SearchPlan:
    """Nothing to search; the previous search is kept so the next message can refine it."""
    if previous is None or previous.action is Action.RESET:
        return SearchPlan(action=Action.EMPTY)
    return replace(previous, action=Action.EMPTY, source="rules")


def _merge(live: SearchPlan | None, p: reader.Message, previous: SearchPlan | None) -> SearchPlan:
    if not p.anything:
        return _empty(previous)
    if live is not None and p.subject and live.subject and _names(p.negatives, live.subject):
        p.negatives = [n for n in p.negatives if not _names([n], live.subject)]  # "fish not boats"
        p.correction = True
    same = _same_head(p.subject, live)
    # "what about boats?", "no, houses", or a thing named after a search for just "on the beach"
    unnamed = live is not None and not live.subject and not p.vague
    swap = bool(p.subject) and p.pronoun is None and not same and (p.continues or p.correction or unnamed)
    new_topic = (bool(p.subject) and p.pronoun is None and not same and not swap) or (
        p.vague and not p.subject and p.pronoun is None)
    if live is None or new_topic:
        return _fresh(p, live.filters if live else (), live.order if live else "")
    return _refine(live, p, swap)


def _names(negatives: list[str], subject: str) -> bool:
    """Whether a negative names the subject's head noun ("not boats" while searching "red boats")."""
    head = lx.singular(subject.split()[-1])
    return any(lx.singular(n.split()[-1]) == head for n in negatives if n)


def _same_head(words: list[str], live: SearchPlan | None) -> bool:
    """Naming the current subject again ("black dogs" while on "dogs") refines it."""
    if live is None or not live.subject or not words:
        return False
    return lx.singular(words[-1]) == lx.singular(live.subject.split()[-1])


def _fresh(p: reader.Message, kept: tuple[Filter, ...], order: str) -> SearchPlan:
    words, mods = p.subject, p.mods
    if words or p.vague:
        mods = mods + [lx.place_or_time(b) for b in p.bare]
    else:
        words = p.bare  # "beach" alone is the thing to find, not a place for nothing
    mods_t = _combine((), mods)
    subject = _number(" ".join(words), p.pronoun, p.mods)
    filters, order = _merge_filters(kept, p.filters), p.order or order
    if not (subject or mods_t):
        return SearchPlan(filters=filters, negatives=tuple(_dedupe(p.negatives)), order=order,
                          action=Action.FILTER if filters or order else Action.EMPTY)
    negatives = tuple(n for n in _dedupe(p.negatives))
    return SearchPlan(subject, _drop_contradicted(mods_t, negatives), negatives, filters, Action.NEW, order=order)


def _refine(live: SearchPlan, p: reader.Message, swap: bool) -> SearchPlan:
    new_mods = p.mods + [lx.place_or_time(b) for b in p.bare]
    subject = live.subject
    if p.subject and (p.pronoun is None or not subject):
        subject = " ".join(p.subject)  # the same head noun with new words ("fluffy dogs"), or a swap
    else:
        new_mods += p.subject  # "fluffy ones": free adjectives for the current subject
    kept_neg = [n for n in live.negatives if not any(_contradicts(m, n) for m in new_mods)]
    if swap:
        kept_neg = [n for n in kept_neg if not _names([n], subject)]  # "without boats", then "what about boats?"
    negatives = tuple(_dedupe(kept_neg + p.negatives))
    mods = _drop_contradicted(_combine(live.modifiers, new_mods), negatives)
    number = p.pronoun if p.pronoun in ("singular", "plural") else None
    if number is not None and not any(lx.group_of(m) == "count" for m in p.mods):
        # "the black one" after "two dogs": the pronoun's number wins over the old count
        mods = tuple(m for m in mods if lx.group_of(m) != "count" or _count_number(m) == number)
    if swap and number is None and not any(lx.group_of(m) == "count" for m in p.mods):
        counts = [m for m in mods if lx.group_of(m) == "count"]
        number = _count_number(counts[-1]) if counts else None  # "what about boats" after "a red car"
    action = Action.REFINE if p.positive else Action.EXCLUDE if p.negatives else Action.FILTER
    return replace(
        live, subject=_number(subject, number, p.mods), modifiers=mods, negatives=negatives,
        filters=_merge_filters(live.filters, p.filters), action=action, like=None, page=0, source="rules",
        order=p.order or live.order,
    )


def _combine(old: tuple[str, ...], new: list[str]) -> tuple[str, ...]:
    """Add modifiers; one of a group replaces the old one ("extra" adjectives accumulate)."""
    out = list(old)
    for m in new:
        group = lx.group_of(m)
        if group != "extra":
            out = [o for o in out if lx.group_of(o) != group]
        out = [o for o in out if o != m] + [m]
    return tuple(out)


def _number(subject: str, pronoun: str | None, new_mods: list[str]) -> str:
    """Match the subject's number to "ones"/"one" or to a count ("a single" dog, "two" dogs)."""
    words = subject.split()
    counts = [m for m in new_mods if lx.group_of(m) == "count"]
    if not words or not words[-1].isalpha():
        return subject
    if pronoun not in ("singular", "plural") and counts:
        pronoun = _count_number(counts[-1])
    if pronoun in ("singular", "plural"):
        words[-1] = lx.singular(words[-1]) if pronoun == "singular" else lx.plural(words[-1])
    return " ".join(words)


def _count_number(count: str) -> str:
    return "singular" if count in lx.SINGULAR_COUNTS else "plural"


def _contradicts(modifier: str, negative: str) -> bool:
    forms = {negative, *(t[negative] for t in (lx.COLORS, lx.SIZES, lx.PLACES, lx.TIMES) if negative in t)}
    return modifier in forms or modifier.endswith(" " + negative)


def _drop_contradicted(mods: tuple[str, ...], negatives: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(m for m in mods if not any(_contradicts(m, n) for n in negatives))


def _merge_filters(old: tuple[Filter, ...], new: list[tuple[str, ...]]) -> tuple[Filter, ...]:
    """A new filter on the same field and op replaces the old one ("from 2019" after "from 2018")."""
    added = [Filter(*f) for f in _dedupe(new)]
    keys = {(f.field, f.op) for f in added}
    return tuple(f for f in old if (f.field, f.op) not in keys) + tuple(added)


def _dedupe(items: list[_T]) -> list[_T]:
    return list(dict.fromkeys(items))
