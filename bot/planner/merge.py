"""How a read message (bot.planner.read) changes the current search.

The rule for refine vs. new topic: a message made only of modifier words (colour, size, count, place, time,
"ones"/"them") refines the current search; a message that names a new thing on its own starts a new search
(naming the same thing again refines it), but one that asks for the same with a change ("what about boats?",
"trees instead", "no, I meant houses") swaps the thing and keeps the rest. "Things", "anything" name no thing:
the modifiers alone are the search. Filters are the scope of a search: they survive a new topic and only
"start over" clears them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from bot import lexicon as lx
from bot import when
from bot.plan import Action, Filter, SearchPlan, nothing_to_search
from bot.planner import read as reader
from bot.planner.parts import correct_part, same_head, whole_of

_T = TypeVar("_T")


def merge(live: SearchPlan | None, p: reader.Message, previous: SearchPlan | None) -> SearchPlan:
    plan = _merge(live, p, previous)
    things = tuple(w for w in p.unseen if lx.names_a_thing(w)) if not p.guessed else ()
    return replace(plan, left_out=things) if plan.action is not Action.EMPTY else plan


def _merge(live: SearchPlan | None, p: reader.Message, previous: SearchPlan | None) -> SearchPlan:
    if live is not None and p.release:
        live, p = _release(live, p)
        if not p.anything:
            return live
        if not (live.subject or live.modifiers or live.negatives) and p.subject:
            return _fresh(p, live.filters, live.order)  # "forget the houses, show me fish"
    if not p.anything:
        return nothing_to_search(previous)
    if p.loose:  # "swimming": what the current thing does, or the thing itself when there is none
        acting = live is not None and bool(live.subject) and not (p.subject or p.continues or p.correction)
        p.mods, p.subject = ([*p.mods, *p.loose], p.subject) if acting or p.subject else (p.mods, p.loose)
        p.loose = []
    if (live is None or not live.subject or p.continues) and not (p.subject or p.bare):
        # "with cars" after "night street scenes", "the same but with cars instead"
        with_mods = [m for m in p.mods if m.startswith("with ")]
        if with_mods:
            p.subject, p.mods = with_mods[0][5:].split(), [m for m in p.mods if m != with_mods[0]]
    if live is not None and p.subject and live.subject and _names(p.negatives, live.subject):
        p.negatives = [n for n in p.negatives if not _names([n], live.subject)]  # "fish not boats"
        p.correction = True
    if live is not None and (p.correction or p.narrows or p.definite) and live.subject:
        live, p = correct_part(live, p)
    part_of = whole_of(live, p)  # "only the back side" while on a driver's license
    if p.adds and live is not None and live.subject and p.subject and p.pronoun is None and not (
            p.continues or p.framed or p.correction or same_head(p.subject, live)):
        # "and a stone wall", "pink balloons": one thing more, with its own colour, size and count
        own = [m for m in p.mods if lx.group_of(m) in ("color", "size", "count", "extra")]
        p.mods, p.subject = [*(m for m in p.mods if m not in own), "with " + " ".join([*own, *p.subject])], []
    same = same_head(p.subject, live)
    # "red flowers on the grass" while on "two flowers at night": the thing said again with a new description
    restated = same and p.pronoun is None and not (p.continues or p.correction) and len({*p.mods, *p.bare}) >= 2
    # "what about boats?", "no, houses", or a thing named after a search for just "on the beach"
    unnamed = live is not None and not live.subject and not p.vague
    # "only green apples", "just the kids": fewer of what is shown, so the rest of the search stays
    narrowed = live is not None and bool(live.subject) and p.narrows and not p.framed
    # "their first dance" while on a wedding, "candles on the table" at an anniversary dinner: a part of the thing
    # searched, seen at it (a thing placed or doing something, not asked for as a request of its own)
    part = p.definite or bool(p.subject) and any(lx.group_of(m) in ("where", "action") for m in p.mods)
    bridged = live is not None and bool(live.subject) and part and not (p.framed or p.correction or narrowed
                                                                             or p.continues or p.vague or p.moved)
    swap = bool(p.subject) and (p.pronoun is None or p.continues) and not same and (
        p.continues or p.correction or unnamed or narrowed or bridged or part_of)
    if swap and bridged and live is not None:
        p.mods = [*p.mods, f"at the {live.subject}"]
    # "anything yellow" is a new search of its own; "something normal" in the middle of one says nothing new
    # ("only one object per picture" is about the current thing: a count alone does not start afresh)
    described = [m for m in p.mods if lx.group_of(m) != "count"] + p.bare
    vague_search = p.vague and not p.subject and p.pronoun is None and bool(described or live is None)
    # "show me pictures of my grandma's garden": a whole new request for a scene
    scene = p.framed and not p.subject and bool(p.bare) and p.pronoun is None and not p.continues
    new_topic = (bool(p.subject) and p.pronoun is None and not same and not swap) or restated or vague_search or scene
    if live is None or new_topic:
        return _fresh(p, live.filters if live else (), live.order if live else "")
    return _refine(live, p, swap)


def _release(live: SearchPlan, p: reader.Message) -> tuple[SearchPlan, reader.Message]:
    """"drop the purple", "forget the houses": a part of the current search is let go; a word the search does
    not hold ("drop the boats" while searching "things on the water") is excluded instead."""
    for word in p.release:
        canonical = {word, *(t[word] for t in (lx.COLORS, lx.SIZES, lx.COUNTS, lx.DIGITS, lx.PLACES, lx.TIMES)
                             if word in t)}
        mods = tuple(m for m in live.modifiers if not (canonical & {m} or any(_contradicts(m, c) for c in canonical)))
        negatives = tuple(n for n in live.negatives if n not in canonical)
        named = bool(live.subject) and _names([word], live.subject)
        if named:  # "forget the houses, show me fish": a new search in the same scope
            live = replace(live, subject="", modifiers=(), negatives=())
            continue
        elif mods == live.modifiers and negatives == live.negatives:
            p = replace(p, negatives=[*p.negatives, word])
        live = replace(live, modifiers=mods, negatives=negatives, action=Action.REFINE)
    return live, replace(p, release=[])


def _names(negatives: list[str], subject: str) -> bool:
    """Whether a negative names the subject's head noun ("not boats" while searching "red boats")."""
    head = lx.singular(subject.split()[-1])
    return any(lx.singular(n.split()[-1]) == head for n in negatives if n)


def _fresh(p: reader.Message, kept: tuple[Filter, ...], order: str) -> SearchPlan:
    words, mods = p.subject, p.mods
    if words or p.vague or p.media:  # "beach scenes": the beach is where, not what
        mods = mods + [lx.place_or_time(b) for b in p.bare]
    else:
        words = p.bare  # "beach" alone is the thing to find, not a place for nothing
    mods_t = _combine((), mods)
    subject = _number(" ".join(words), p.pronoun, p.mods)
    filters, order = _merge_filters(kept, p.filters), p.order or order
    if not (subject or mods_t):  # "anything but cars", "photos from 2018": no words for CLIP
        return SearchPlan(filters=filters, negatives=tuple(_dedupe(p.negatives)), order=order,
                          action=Action.NEW if p.negatives else Action.FILTER if filters or order else Action.EMPTY)
    negatives = tuple(n for n in _dedupe(p.negatives))
    return SearchPlan(subject, _drop_contradicted(mods_t, negatives), negatives, filters, Action.NEW, order=order)


def _refine(live: SearchPlan, p: reader.Message, swap: bool) -> SearchPlan:
    live = _let_go(live, p.drop)
    if p.allow:  # "red is fine after all"
        live = replace(live, negatives=tuple(n for n in live.negatives if n not in p.allow))
    if p.fewer:  # "fewer of them in each picture"
        p.mods = [*p.mods, _one_less(live.modifiers)]
    if live.action is Action.EXCLUDE and p.also and p.pronoun == "plural" and p.mods and not (
            p.subject or p.negatives):
        # "no purple ones." "and the yellow ones too": more to exclude, not a new number for the thing
        p.negatives, p.mods, p.pronoun = [lx.canonical_word(m) for m in p.mods], [], None
    if p.shift and not any(f[0] == "taken" for f in p.filters):
        live = replace(live, filters=tuple(_shift(f, p.shift) for f in live.filters))
    new_mods = p.mods + [lx.place_or_time(b) for b in p.bare]
    subject = live.subject
    if p.subject and subject and (" " + subject).endswith(" " + " ".join(p.subject)):
        pass  # "just the dress" while on a wedding dress: the thing named by its head alone keeps its full name
    elif p.subject and (p.pronoun is None or not subject or swap):
        subject = " ".join(p.subject)  # the same head noun with new words ("fluffy dogs"), or a swap
    elif p.subject and same_head(p.subject, live):
        new_mods += p.subject[:-1]  # "the ones with just one house": the same thing, named again
    elif p.subject and p.pronoun is not None and lx.names_a_thing(p.subject[-1]):
        # "the one where grandma is helping": someone else in the scene, doing what the clause says
        acts = [m for m in new_mods if lx.group_of(m) == "action"]
        new_mods = [m for m in new_mods if m not in acts] + ["with " + " ".join([*p.subject, *acts])]
    else:
        new_mods += p.subject  # "fluffy ones": free adjectives for the current subject
    kept_neg = [n for n in live.negatives if not any(_contradicts(m, n) for m in new_mods)]
    if swap:
        kept_neg = [n for n in kept_neg if not _names([n], subject)]  # "without boats", then "what about boats?"
    negatives = tuple(_dedupe(kept_neg + [_besides(n, subject) for n in p.negatives]))
    # "the fried ones instead" after steamed dumplings: a description said as an alternative replaces the old one
    instead = p.continues and not (p.also or p.subject)
    mods = _drop_contradicted(_combine(live.modifiers, new_mods, p.correction, instead), negatives)
    number = p.pronoun if p.pronoun in ("singular", "plural") else None
    if number is not None and not any(lx.group_of(m) == "count" for m in p.mods):
        # "the black one" after "two dogs": the pronoun's number wins over the old count
        mods = tuple(m for m in mods if lx.group_of(m) != "count" or _count_number(m) == number)
    if swap and number is None and not any(lx.group_of(m) == "count" for m in p.mods):
        counts = [m for m in mods if lx.group_of(m) == "count"]
        number = _count_number(counts[-1]) if counts else None  # "what about boats" after "a red car"
    action = Action.REFINE if p.positive or p.drop else Action.EXCLUDE if p.negatives else Action.FILTER
    return replace(
        live, subject=_number(subject, number, p.mods), modifiers=mods, negatives=negatives,
        filters=_merge_filters(live.filters, p.filters), action=action, like=None, page=0, source="rules",
        order=p.order or live.order,
    )


def _shift(f: Filter, steps: int) -> Filter:
    """"the summer before that": the date range moved by its own length in years, months or weeks."""
    if f.field != "taken" or f.op != "range":
        return f
    value, words = when.shifted(f.value, steps)
    return Filter(f.field, f.op, value, words)


_FILTERS_OF_GROUP = {"place": "place", "date": "taken", "camera": "camera"}


def _let_go(plan: SearchPlan, groups: set[str]) -> SearchPlan:
    """The plan without the parts the person let go ("any colour is fine", "doesn't matter where")."""
    if not groups:
        return plan
    fields = {_FILTERS_OF_GROUP[g] for g in groups if g in _FILTERS_OF_GROUP}
    return replace(plan, modifiers=tuple(m for m in plan.modifiers if lx.group_of(m) not in groups),
                   negatives=tuple(n for n in plan.negatives if lx.group_of_word(n) not in groups),
                   filters=tuple(f for f in plan.filters if f.field not in fields))


_COUNT_ORDER = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _one_less(modifiers: tuple[str, ...]) -> str:
    """The count one below the current one ("three" -> "two"); "one" when there is none or it is one already."""
    counts = [lx.canonical_word(m.split()[-1]) if m.split()[-1] != "of" else m for m in modifiers
              if lx.group_of(m) == "count"]
    now = {"a single": "one", "a pair of": "two", "a couple of": "two", "a group of": "three"}.get(
        counts[-1], counts[-1]) if counts else "one"
    return _COUNT_ORDER[max(0, _COUNT_ORDER.index(now) - 1)] if now in _COUNT_ORDER else "one"


def _besides(negative: str, subject: str) -> str:
    """"no cars on sand" while searching cars: the sand is what to avoid, not the cars themselves."""
    head = lx.singular(subject.split()[-1]) if subject else ""
    words = [w for w in negative.split() if lx.singular(w) != head]
    return " ".join(words) if words else negative


def _combine(old: tuple[str, ...], new: list[str], correcting: bool = False, instead: bool = False
             ) -> tuple[str, ...]:
    """Add modifiers; one of a group replaces the old one (adjectives, where- and with-phrases accumulate, but a
    correction's where- or with-phrase replaces the one it corrects: "no, the one in the bunker", and an
    alternative's adjective the old adjectives: "the fried ones instead")."""
    out = list(old)
    for m in new:
        group = lx.group_of(m)
        if group not in ("extra", "where", "with") or correcting and group != "extra" or instead and group == "extra":
            out = [o for o in out if lx.group_of(o) != group]
        out = [o for o in out if o != m] + [m]
    return tuple(out)


def _number(subject: str, pronoun: str | None, new_mods: list[str]) -> str:
    """Match the subject's number to "ones"/"one" or to a count ("a single" dog, "two" dogs)."""
    words = subject.split()
    counts = [m for m in new_mods if lx.group_of(m) == "count"]
    if not words or not words[-1].isalpha() or words[-1].endswith("ing"):
        return subject  # "skiing" has no number
    if counts:  # "the ones with just one house": the count said wins over the pronoun's number
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
