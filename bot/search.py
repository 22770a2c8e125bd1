"""Search plan → ranked, explained hits.

The query vector is the CLIP text embedding of the plan's phrase, blended with a stored image vector for
"more like #N" and with an uploaded image. Negatives are applied by re-ranking candidates (score minus a
weight times their similarity to the negative phrase, from a deeper candidate list), near-duplicates are
collapsed, each result says which parts of the request it shows (bot/explain.py), and a relevance floor
says plainly when nothing is close.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from bot.explain import Explainer, rivals
from bot.expr import build_expr
from bot.plan import SearchPlan
from bot.relax import LET_GO, relaxations
from bot.relax import note as relax_note
from bot.textfind import matched, text_hits, why
from indexer.photometa import PhotoMeta
from indexer.store import Hit

CANDIDATE_FACTOR = 4  # candidates fetched per shown result when re-ranking negatives / collapsing duplicates
NEGATIVE_WEIGHT = 1.0
NEGATIVE_DEPTH = 3  # deeper candidate list when something is excluded
AVOID_WEIGHT = 0.5  # image-to-image cosines run high (0.8-0.99 for look-alikes): a lighter push than for words
LIKE_WEIGHT = 0.5  # "more like #N": image vector share; the current request keeps the rest (bench/RESULTS.md)
DUPLICATE_HASH_BITS = 6  # of 64: re-encoded/resized copies measured at <= 6 (bench/relevance_floor.py)
DUPLICATE_COS = 0.98
DUPLICATE_COS_ONLY = 0.995  # rows indexed without a difference hash
FLOOR_SHOWN = 3
TEXT_CACHE_SIZE = 2048  # phrase vectors kept; one is 2 KB at 512-d
BACKGROUND_SAMPLE = 256  # stored image vectors that stand for "a typical image" when explaining


class Store(Protocol):
    def search(self, vector: Sequence[float], k: int, expr: str | None = None) -> list[Hit]: ...
    def get(self, ids: Sequence[str], with_vectors: bool = False) -> dict[str, dict[str, object]]: ...
    def sample_vectors(self, n: int) -> np.ndarray: ...
    def browse(self, expr: str | None, limit: int, newest_first: bool = True) -> list[Hit]: ...
    def text_search(self, text: str, vector: Sequence[float] | None, k: int,
                    expr: str | None = None) -> tuple[list[Hit], str]: ...


class TextImageEncoder(Protocol):
    image_size: int  # the model's input side

    def encode_texts(self, texts: Sequence[str]) -> np.ndarray: ...
    def embed_image(self, images: Sequence[object]) -> list[list[float]]: ...


@dataclass(frozen=True)
class Result:
    rank: int
    id: str
    path: str
    caption: str
    score: float
    why: str
    attrs: dict[str, str] = field(default_factory=dict)
    photo: PhotoMeta = field(default_factory=PhotoMeta)  # when, camera, where (empty when unknown)
    text: str = ""  # for a text search: the words that matched (read in the picture, file name or caption)
    marks: tuple[tuple[int, int], ...] = ()  # (start, end) spans of `text` to highlight


@dataclass(frozen=True)
class Answer:
    plan: SearchPlan
    headline: str
    results: tuple[Result, ...] = ()
    note: str = ""  # e.g. the relevance-floor message
    relaxed: str = ""  # the turn that keeps a relaxation shown instead of nothing ("any date is fine")


@dataclass(frozen=True)
class SearchConfig:
    k: int = 10
    min_score: float = 0.2
    negative_weight: float = NEGATIVE_WEIGHT
    like_escape: bool = False
    filter_fields: dict[str, str] = field(default_factory=lambda: {"path": "path", "caption": "caption"})


class Searcher:
    def __init__(self, store: Store, encoder: TextImageEncoder, config: SearchConfig | None = None) -> None:
        self.store = store
        self.encoder = encoder
        self.config = config or SearchConfig()
        self._text_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()  # the page shares one Searcher between sessions
        self._background_vectors: np.ndarray | None = None

    def encode_texts(self, texts: Sequence[str]) -> np.ndarray:
        """The encoder's text vectors through an LRU cache, encoding all misses in one forward.

        A turn needs the phrase, its parts (for "why") and its negatives, and refinements repeat
        most of them; the text forward is the largest part of a warm turn (bench/RESULTS.md).
        """
        if not texts:
            return self.encoder.encode_texts([])
        with self._cache_lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._text_cache))
        fresh = dict(zip(missing, self.encoder.encode_texts(missing), strict=True)) if missing else {}
        with self._cache_lock:
            self._text_cache.update(fresh)
            found = {t: self._text_cache.get(t) for t in texts}
            for text in found:
                self._text_cache.move_to_end(text)
            while len(self._text_cache) > TEXT_CACHE_SIZE:
                self._text_cache.popitem(last=False)
        return np.stack([found[t] if found[t] is not None else fresh[t] for t in texts])

    def search(
        self, plan: SearchPlan, previous: Sequence[Result] = (), image: object | None = None, k: int | None = None
    ) -> Answer:
        """The answer to a plan; when its filters together match nothing, the nearest plan that matches, with a
        note naming the filter it goes without (bot.relax)."""
        answer = self._search(plan, previous, image, k)
        if answer.results:
            return answer
        for dropped, wider in relaxations(plan):
            nearer = self._search(wider, previous, image, k)
            if nearer.results:
                return Answer(plan, plan.describe(), nearer.results, relax_note(plan, dropped), LET_GO[dropped.field])
        return answer

    def _search(
        self, plan: SearchPlan, previous: Sequence[Result], image: object | None, k: int | None
    ) -> Answer:
        k = k or self.config.k
        expr = build_expr(plan.filters, self.config.filter_fields, like_escape=self.config.like_escape)
        if plan.text:
            return self._text_answer(plan, expr, previous, image, k)
        if not plan.phrase and plan.like is None and image is None:  # "photos from 2018", "newest first"
            return self._browse(plan, expr, k)
        parts = [p for part in _parts(plan) for p in (part, *rivals(part))]  # what "why" compares
        self.encode_texts([t for t in (plan.phrase, *parts, *plan.negatives) if t])  # one forward for all
        query = self._query_vector(plan, previous, image)
        negatives = self.encode_texts(list(plan.negatives)) if plan.negatives else None
        avoided = self._avoided(plan)
        wanted = k * (plan.page + 1)
        # "red things without cars": the cars are re-ranked away, so fetch deep enough that the rest fill a page
        depth = wanted * CANDIDATE_FACTOR * (NEGATIVE_DEPTH if negatives is not None or plan.avoid else 1)
        hits = [h for h in self.store.search(query.tolist(), depth, expr) if h.id not in plan.avoid]
        vectors = self._vectors(hits)
        ranked = self._rank(hits, vectors, negatives, avoided)
        if plan.order:  # the best matches of these pages, by date (the closest ones when none passes the floor)
            good = [pair for pair in ranked[:wanted] if pair[0].score >= self.config.min_score] or ranked[:wanted]
            ranked = sorted(good, key=lambda pair: pair[0].photo.taken or 0, reverse=plan.order == "newest")
        shown = ranked[plan.page * k : wanted]
        return self._answer(plan, shown, vectors, ranked, image is not None)

    def _text_answer(
        self, plan: SearchPlan, expr: str | None, previous: Sequence[Result], image: object | None, k: int
    ) -> Answer:
        """Words the picture says, fused with the look of the rest of the request (bot.textfind)."""
        looks = bool(plan.phrase or plan.like is not None or image is not None)
        query = self._query_vector(plan, previous, image) if looks else None
        wanted = k * (plan.page + 1)
        hits, note = text_hits(self.store, plan.text, query, wanted, expr, plan.avoid)
        vectors = self._vectors(hits)
        # "the receipts from Tesco, not the crumpled ones": what is excluded is ranked away here too
        negatives = self.encode_texts(list(plan.negatives)) if plan.negatives else None
        shown = self._rank(hits, vectors, negatives, self._avoided(plan))[plan.page * k : wanted]
        results = []
        for i, (hit, _) in enumerate(shown):
            found = matched(plan.text, hit)
            results.append(Result(plan.page * k + i + 1, hit.id, hit.path, hit.caption, round(hit.score, 4),
                                  f"{why(found)} (score {hit.score:.2f})", hit.attrs, hit.photo, found.text,
                                  found.marks))
        return Answer(plan, plan.describe(), tuple(results), note or ("" if results else "No images matched."))

    def _browse(self, plan: SearchPlan, expr: str | None, k: int) -> Answer:
        """No words or picture to match, only filters or an order: the photos that pass, by date."""
        hits = self.store.browse(expr, k * (plan.page + 1), newest_first=plan.order != "oldest")[plan.page * k:]
        results = tuple(
            Result(plan.page * k + i + 1, h.id, h.path, h.caption, 0.0, "" if h.photo.taken else "no date recorded",
                   h.attrs, h.photo)
            for i, h in enumerate(hits)
        )
        return Answer(plan, plan.describe(), results, "" if results else "No images matched these filters.")

    def _query_vector(self, plan: SearchPlan, previous: Sequence[Result], image: object | None) -> np.ndarray:
        parts: list[tuple[float, np.ndarray]] = []
        text = plan.phrase
        other = LIKE_WEIGHT / (1 - LIKE_WEIGHT) if text else 1.0  # weight of an image vector beside the text
        if text:
            parts.append((1.0, self.encode_texts([text])[0]))
        if image is not None:
            parts.append(
                (LIKE_WEIGHT / (1 - LIKE_WEIGHT) if text else 1.0, np.asarray(self.encoder.embed_image([image])[0]))
            )
        if plan.like is not None:
            target = plan.like_id or next((r.id for r in previous if r.rank == plan.like), None)
            rows = self.store.get([target], with_vectors=True) if target else {}
            if target not in rows:
                raise NoSuchResult(plan.like, len(previous))
            parts.append((other, np.asarray(rows[target]["vector"], dtype=np.float32)))
        if not parts:
            raise NothingToSearch()
        return _unit(sum(w * v for w, v in parts))

    def _background(self) -> np.ndarray:
        """A sample of the collection's image vectors, read once (a typical image, for "why")."""
        if self._background_vectors is None:
            self._background_vectors = np.asarray(self.store.sample_vectors(BACKGROUND_SAMPLE), dtype=np.float32)
        return self._background_vectors

    def _vectors(self, hits: list[Hit]) -> dict[str, np.ndarray]:
        rows = self.store.get([h.id for h in hits], with_vectors=True)
        return {i: np.asarray(r["vector"], dtype=np.float32) for i, r in rows.items()}

    def _avoided(self, plan: SearchPlan) -> np.ndarray | None:
        """Vectors of the images the person set aside ("Not this")."""
        if not plan.avoid:
            return None
        rows = self.store.get(list(plan.avoid), with_vectors=True)
        return np.asarray([r["vector"] for r in rows.values()], dtype=np.float32) if rows else None

    def _rank(
        self, hits: list[Hit], vectors: dict[str, np.ndarray], negatives: np.ndarray | None,
        avoided: np.ndarray | None = None,
    ) -> list[tuple[Hit, float]]:
        scored = []
        for hit in hits:
            score = hit.score
            vec = vectors.get(hit.id)
            if negatives is not None and vec is not None:
                score -= self.config.negative_weight * float(np.max(negatives @ vec))
            if avoided is not None and vec is not None:
                score -= AVOID_WEIGHT * float(np.max(avoided @ vec))
            scored.append((hit, score))
        scored.sort(key=lambda pair: pair[1], reverse=True)
        return _collapse_duplicates(scored, vectors)

    def _answer(
        self,
        plan: SearchPlan,
        shown: list[tuple[Hit, float]],
        vectors: dict[str, np.ndarray],
        ranked: list[tuple[Hit, float]],
        image: bool = False,
    ) -> Answer:
        note = ""
        best = ranked[0][0].score if ranked else 0.0
        if not ranked:
            note = "No images matched these filters."
        elif best < self.config.min_score:
            note = (
                f"Nothing scored close to this (best match {best:.2f}, below {self.config.min_score:.2f}); "
                f"here are the {min(FLOOR_SHOWN, len(shown))} closest anyway."
            )
            shown = shown[:FLOOR_SHOWN]
        whys = Explainer(self.encode_texts, self._background()).for_answer(
            plan, [vectors.get(hit.id) for hit, _ in shown], image
        ) if shown else []
        results = tuple(
            Result(
                rank=plan.page * self.config.k + i + 1,
                id=hit.id,
                path=hit.path,
                caption=hit.caption,
                score=round(hit.score, 4),
                why=f"{why} (score {hit.score:.2f})" if why else f"score {hit.score:.2f}",
                attrs=hit.attrs,
                photo=hit.photo,
            )
            for i, ((hit, _), why) in enumerate(zip(shown, whys, strict=True))
        )
        return Answer(plan, plan.describe(), results, note)


class NothingToSearch(ValueError):
    """The plan holds no text, image or reference to search with."""


class NoSuchResult(LookupError):
    def __init__(self, rank: int, shown: int) -> None:
        super().__init__(f"there is no result #{rank} to compare with (the last answer showed {shown})")
        self.rank = rank


def _parts(plan: SearchPlan) -> list[str]:
    return [p for p in (plan.subject, *plan.modifiers) if p]


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return (v / norm).astype(np.float32) if norm > 0 else v.astype(np.float32)


def _collapse_duplicates(scored: list[tuple[Hit, float]], vectors: dict[str, np.ndarray]) -> list[tuple[Hit, float]]:
    """Keep the best of each group of near-duplicates (re-encoded, resized copies of one picture)."""
    if len(scored) < 2:
        return scored
    same = _near_duplicates([hit for hit, _ in scored], vectors)
    kept: list[int] = []
    for i in range(len(scored)):  # in score order: a picture goes when one already kept is the same picture
        if not same[i, kept].any():
            kept.append(i)
    return [scored[i] for i in kept]


def _near_duplicates(hits: list[Hit], vectors: dict[str, np.ndarray]) -> np.ndarray:
    """Which pairs show the same picture (a boolean matrix, all pairs at once: a turn ranks ~60 hits, ~2,000
    pairs). The 64-bit difference hashes nearly agree AND CLIP sees the same content; either signal alone
    over-collapses (distinct photos of one scene share a CLIP vector, simple layouts share a dHash). Rows
    indexed without a hash are compared by CLIP alone, with a stricter bar."""
    with_vec = np.array([h.id in vectors for h in hits])
    dim = len(next(iter(vectors.values()))) if vectors else 1
    mat = np.zeros((len(hits), dim), np.float32)
    for i, hit in enumerate(hits):
        if with_vec[i]:
            mat[i] = vectors[hit.id]
    cos, both_vec = mat @ mat.T, with_vec[:, None] & with_vec[None, :]
    with_hash = np.array([bool(h.phash) for h in hits])
    hashes = np.array([int(h.phash, 16) if h.phash else 0 for h in hits], dtype=np.uint64)
    close = np.bitwise_count(hashes[:, None] ^ hashes[None, :]) <= DUPLICATE_HASH_BITS
    both_hash = with_hash[:, None] & with_hash[None, :]
    by_hash = both_hash & close & (~both_vec | (cos >= DUPLICATE_COS))
    return by_hash | (~both_hash & both_vec & (cos >= DUPLICATE_COS_ONLY))
