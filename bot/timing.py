"""Where a turn's time goes, measured where it is spent: planning, text encoding, the store's search, ranking
and explaining, thumbnails, and the rest of the page's rerun (drawing the conversation).

A `Clock` is started at the top of a page run (`start`); code marks its phases with `with phase("search"):`.
Phases nest and each keeps only its own time (a ranking phase that encodes a text gives that time to
"encode"), so the parts add up to the whole. Without a started clock `phase` costs one context lookup: the
terminal bot, the tests and other threads run unmeasured. The store and the encoder are timed by wrapping
them (`TimedStore`, `TimedEncoder`), so the search code itself carries no timing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

import numpy as np

from bot.search import Store, TextImageEncoder
from indexer.store import Hit

PHASES = ("plan", "encode", "search", "rank", "thumbnails", "page")
LABELS = {"plan": "planning", "encode": "text encoding", "search": "search", "rank": "ranking + why",
          "thumbnails": "thumbnails", "page": "page"}

_current: ContextVar[Clock | None] = ContextVar("turn_clock", default=None)


@dataclass
class Clock:
    started: float = field(default_factory=time.perf_counter)
    spent: dict[str, float] = field(default_factory=dict)  # seconds per phase, each without its inner phases
    _open: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Timing:
    """One run's seconds: the total and each phase; "page" is what no other phase claimed."""

    total: float
    phases: dict[str, float]

    def caption(self) -> str:
        parts = " · ".join(f"{LABELS[p]} {self.phases[p] * 1e3:.0f} ms" for p in PHASES if p in self.phases)
        return f"Answered in {self.total:.2f} s: {parts}"


def start() -> Clock:
    clock = Clock()
    _current.set(clock)
    return clock


def stop(clock: Clock) -> Timing:
    _current.set(None)
    total = time.perf_counter() - clock.started
    phases = {p: s for p, s in clock.spent.items() if p in PHASES}
    phases["page"] = max(0.0, total - sum(phases.values()) + phases.get("page", 0.0))
    return Timing(total, phases)


@contextmanager
def phase(name: str) -> Iterator[None]:
    clock = _current.get()
    if clock is None:
        yield
        return
    parent = clock._open[-1] if clock._open else None
    clock._open.append(name)
    began = time.perf_counter()
    try:
        yield
    finally:
        took = time.perf_counter() - began
        clock._open.pop()
        clock.spent[name] = clock.spent.get(name, 0.0) + took
        if parent is not None:  # the parent keeps only its own time
            clock.spent[parent] = clock.spent.get(parent, 0.0) - took


class TimedStore:
    """The searcher's store, each call counted as "search"."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def search(self, vector: Sequence[float], k: int, expr: str | None = None) -> list[Hit]:
        with phase("search"):
            return self._store.search(vector, k, expr)

    def get(self, ids: Sequence[str], with_vectors: bool = False) -> dict[str, dict[str, object]]:
        with phase("search"):
            return self._store.get(ids, with_vectors)

    def sample_vectors(self, n: int) -> np.ndarray:
        with phase("search"):
            return self._store.sample_vectors(n)

    def browse(self, expr: str | None, limit: int, newest_first: bool = True) -> list[Hit]:
        with phase("search"):
            return self._store.browse(expr, limit, newest_first)

    def text_search(self, text: str, vector: Sequence[float] | None, k: int,
                    expr: str | None = None) -> tuple[list[Hit], str]:
        with phase("search"):
            return self._store.text_search(text, vector, k, expr)


class TimedEncoder:
    """The searcher's encoder, each forward counted as "encode" (an uploaded picture's too)."""

    def __init__(self, encoder: TextImageEncoder) -> None:
        self._encoder = encoder
        self.image_size = encoder.image_size

    def encode_texts(self, texts: Sequence[str]) -> np.ndarray:
        with phase("encode"):
            return self._encoder.encode_texts(texts)

    def embed_image(self, images: Sequence[object]) -> list[list[float]]:
        with phase("encode"):
            return self._encoder.embed_image(images)
