"""Why a result matched: which parts of the request ("cars", "red", "at night") an image shows, part by part.

A colour, size, count, place or time is judged the way CLIP classifies zero-shot: the image must be closer
to the part ("at night") than to every other value of its group ("during the day", "at sunset" ...), with
synonyms counted as one value ("big" = "large" = "huge"). A subject or a free word has no list of rivals;
it fits when the image is closer to it than halfway from a typical stored image (the median over a sample
of the collection) to the best shown result. Both tests compare an image with itself or with the
collection, so no per-model threshold is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from bot import lexicon as lx
from bot.plan import SearchPlan

Encode = Callable[[Sequence[str]], np.ndarray]

# One representative per value; synonyms map to it so "large" and "big" never compete.
SAME_VALUE: dict[str, str] = {
    "tiny": "small", "large": "big", "huge": "big",
    "a single": "one", "a pair of": "two", "a couple of": "two",
    "in a field": "on grass", "in a meadow": "on grass", "on sand": "on a beach", "at sea": "in water",
    "on a lake": "in water", "on a river": "in water", "in the city": "on a street", "on a road": "on a street",
    "in the woods": "in a forest", "on the shore": "on a beach", "on the seashore": "on a beach",
    "at the seaside": "on a beach", "on the coast": "on a beach", "on a pond": "in water", "downtown": "on a street",
    "in winter": "in the snow", "on a sunny day": "during the day",
}
GROUPS = {"color": lx.COLORS, "size": lx.SIZES, "count": lx.COUNTS, "place": lx.PLACES, "time": lx.TIMES}


def rivals(part: str) -> list[str]:
    """The other values of the part's group (one word per value), or [] when the part has no group."""
    part = lx.usual_wording(part)
    group = lx.group_of(part)
    if group not in GROUPS or part not in GROUPS[group].values():
        return []
    mine = SAME_VALUE.get(part, part)
    values = dict.fromkeys(SAME_VALUE.get(v, v) for v in GROUPS[group].values())
    return [v for v in values if v != mine]


class Explainer:
    """Builds the 'why' line of each result of one answer."""

    def __init__(self, encode: Encode, background: np.ndarray) -> None:
        self.encode = encode  # the searcher's cached text encoder
        self.background = background  # image vectors of a sample of the collection

    def for_answer(self, plan: SearchPlan, vectors: Sequence[np.ndarray | None], image: bool) -> list[str]:
        """One line per result ("" where its vector is gone, e.g. deleted by a re-index meanwhile)."""
        present = [v for v in vectors if v is not None]
        parts = sorted((p for p in (plan.subject, *plan.modifiers) if p), key=lambda p: _position(plan.phrase, p))
        verdicts = iter(zip(*(self._judge(p, present) for p in parts), strict=True)) if parts and present else None
        lines = []
        for vec in vectors:
            if vec is None:
                lines.append("")
                continue
            judged = next(verdicts) if verdicts is not None else ()
            fits = [p for p, ok in zip(parts, judged, strict=True) if ok]
            misses = [p for p, ok in zip(parts, judged, strict=True) if not ok]
            said = ["shows " + " ".join(fits)] if fits else []
            said += ["not clearly " + ", ".join(misses)] if misses else []
            lines.append(_reference(plan, image, "; ".join(said)))
        return lines

    def _judge(self, part: str, vectors: Sequence[np.ndarray]) -> list[bool]:
        matrix = np.stack(vectors)
        others = rivals(part)
        if others:
            sims = matrix @ self.encode([part, *others]).T  # images x (part, rivals...)
            return list(sims[:, 0] > sims[:, 1:].max(axis=1))
        text = self.encode([part])[0]
        own = matrix @ text
        typical = float(np.median(self.background @ text)) if len(self.background) else float(own.min())
        return list(own > (typical + float(own.max())) / 2)


def _position(phrase: str, part: str) -> int:
    """Where a part sits in the phrase, so "shows" reads in the phrase's own order ("big yellow flowers")."""
    found = phrase.find(part)
    return found if found >= 0 else len(phrase)


def _reference(plan: SearchPlan, image: bool, text: str) -> str:
    """Say when an image, not only the words, chose the result."""
    refs = [f"looks like #{plan.like}"] if plan.like is not None else []
    refs += ["looks like your upload"] if image else []
    return "; ".join([*refs, text] if text else refs)
