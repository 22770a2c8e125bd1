"""A plan with text ("the sign saying welcome to Texas") answered by the store's text search (indexer.hybrid:
BM25 words + 3-grams, fused with the CLIP vector of the rest of the request), each result saying where the
text matched (the words read in the picture, the file name or the caption) with the matched part marked.

The scores are fused ranks, not cosines, so the relevance floor of a picture search does not apply: an image
that says the words is the answer however plain it looks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from indexer.store import Hit
from indexer.textsearch import TextQuery, matched_spans

CANDIDATES = 4  # fused candidates fetched per shown result (near-duplicates collapse, set-aside images drop)
SNIPPET = 140  # characters of the matched text shown under a result


@dataclass(frozen=True)
class Matched:
    """Where a result's text matched: `text` is shown, `marks` are (start, end) spans of it to highlight."""

    where: str  # "reads", "file name", "caption", or "" (found by its look)
    text: str = ""
    marks: tuple[tuple[int, int], ...] = ()


class TextStore(Protocol):
    def text_search(self, text: str, vector: Sequence[float] | None, k: int,
                    expr: str | None = None) -> tuple[list[Hit], str]: ...


def text_hits(store: TextStore, plan_text: str, vector: np.ndarray | None, wanted: int, expr: str | None,
              avoid: Sequence[str]) -> tuple[list[Hit], str]:
    """The store's fused text search, deep enough to fill the pages asked for."""
    hits, note = store.text_search(plan_text, None if vector is None else vector.tolist(), wanted * CANDIDATES, expr)
    return [h for h in hits if h.id not in avoid], note


def matched(text: str, hit: Hit) -> Matched:
    """The first place the asked text shows in a result: what the picture says, its file name, its caption."""
    query = TextQuery(text)
    for where, source in (("reads", hit.text), ("file name", hit.path.rsplit("/", 1)[-1]), ("caption", hit.caption)):
        spans = matched_spans(query, source) if source else []
        if spans:
            shown, marks = _snippet(source, spans)
            return Matched(where, shown, marks)
    if hit.text:
        shown, _ = _snippet(hit.text, [])
        return Matched("", shown)
    return Matched("")


def why(found: Matched) -> str:
    if found.where == "reads":
        return "the words in the picture match"
    if found.where:
        return f"its {found.where} matches"
    return "close in look; the text asked for was not found in it"


def _snippet(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """At most SNIPPET characters around the first match, lines joined by " / ", spans moved to match."""
    flat = text.replace("\n", " / ")  # each newline becomes three characters: spans move by two per line
    shift = [0] * (len(text) + 1)
    extra = 0
    for i, ch in enumerate(text):
        shift[i] = extra
        if ch == "\n":
            extra += 2
    shift[len(text)] = extra
    moved = [(s + shift[s], e + shift[e - 1] if e else e) for s, e in spans]
    start = max(0, (moved[0][0] - SNIPPET // 3) if moved else 0)
    end = min(len(flat), start + SNIPPET)
    lead, tail = ("…" if start else ""), ("…" if end < len(flat) else "")
    marks = tuple((s - start + len(lead), e - start + len(lead)) for s, e in moved if s >= start and e <= end)
    return lead + flat[start:end] + tail, marks
