"""Parts of the current search that a message names: a correction or a narrowing that changes one part where
it stands ("I meant the indoor court", "only the really big waves"), and a relational noun that names a part of
the current thing ("only the back side"). bot.planner.merge decides what the message does as a whole.
"""

from __future__ import annotations

from dataclasses import replace

from bot import lexicon as lx
from bot.plan import SearchPlan
from bot.planner import read as reader
from bot.planner.words import RELATIONAL


def whole_of(live: SearchPlan | None, p: reader.Message) -> bool:
    """A relational noun said alone ("only the back side", "just the top") names a part of the current thing:
    the message's subject becomes "back side of the <thing>" (True when it did)."""
    if live is None or not live.subject or not p.subject or p.subject[-1] not in RELATIONAL or p.framed:
        return False
    p.subject = [*p.subject, "of", "the", *live.subject.split()]
    return True


def same_head(words: list[str], live: SearchPlan | None) -> bool:
    """Naming the current subject again ("black dogs" while on "dogs") refines it."""
    if live is None or not live.subject or not words:
        return False
    return lx.singular(words[-1]) == lx.singular(live.subject.split()[-1])


def correct_part(live: SearchPlan, p: reader.Message) -> tuple[SearchPlan, reader.Message]:
    """"I meant the indoor court", "the couch, not the rug", "only the really big waves" (surfers catching a
    wave): a correction or a narrowing whose noun (or whose "not ...") names the head of a part of the search
    other than its thing changes that part where it stands; the thing stays."""
    new = p.subject or p.bare
    if not new and p.correction and any(lx.group_of(m) == "where" for m in p.mods):
        return replace(live, modifiers=tuple(_unplaced(m) for m in live.modifiers)), p
    if not new or same_head(new, live):
        return live, p
    heads = {lx.singular(w.split()[-1]) for w in [new[-1], *p.negatives] if w}
    for k, m in enumerate(live.modifiers):
        words = m.split()
        if len(words) < 2 or lx.group_of(m) not in ("where", "with", "place", "action") \
                or lx.singular(words[-1]) not in heads:
            continue
        looks = [a for a in p.mods if " " not in a and lx.group_of(a) in ("extra", "color", "size")]
        cut = max((j for j, w in enumerate(words) if w in ("the", "a", "an")), default=0)
        lead = [*words[:cut], "the"] if cut else words[:1]
        part = " ".join([*lead, *looks, *new])  # "at the outdoor court" -> "at the indoor court"
        rest = [a for a in p.mods if a not in looks]
        return replace(live, modifiers=live.modifiers[:k] + live.modifiers[k + 1:]), \
            replace(p, subject=[], bare=[], mods=[part, *rest])
    return live, p


def _unplaced(modifier: str) -> str:
    """An action without the place it was said with ("moored by the pier" -> "moored"), for a correction that
    says the place again ("no, the one in the harbour"); other modifiers unchanged."""
    words = modifier.split()
    if lx.group_of(modifier) != "action":
        return modifier
    cut = next((j for j, w in enumerate(words) if j and w in lx.ALL_PREPOSITIONS), len(words))
    return " ".join(words[:cut])
