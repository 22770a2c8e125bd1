"""Spelling: which words are words, and the word a typo meant ("cras" -> "cars", "nigth" -> "night").

A word is known when lemminflect's English dictionary, the planner's tables (bot.lexicon) or CLIP's own
vocabulary has it ("cafe", "selfie" and "wifi" are words of the web, not typos). A typo is corrected to the
nearest word of the tables, never to another English word ("like" is not a misspelt "lake").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from lemminflect import getAllLemmas, getInflection
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.lexicon import COLORS, COMMON_SUBJECTS, COUNTS, PLACES, SIZES, TIMES, VAGUE_NOUNS, plural


def known_word(word: str) -> bool:
    """In the English dictionary lemminflect carries, in one of the tables here, or a whole word of CLIP's own
    vocabulary ("cafe", "selfie", "wifi": words of the web that a typo corrector must leave alone)."""
    return bool(getAllLemmas(word)) or word in _vocabulary() or word in _clip_words()


@cache
def _clip_words() -> frozenset[str]:
    return frozenset(_clip_ranks())


@cache
def _clip_ranks() -> dict[str, int]:
    """The whole words of open_clip's byte-pair vocabulary (read from its package data; no torch import), each
    with the rank of the merge that made it: merges are learnt most frequent first, so a low rank is a common word."""
    import gzip
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("open_clip")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(spec.submodule_search_locations[0]) / "bpe_simple_vocab_16e6.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        merges = fh.read().split("\n")[1: 49152 - 256 - 2 + 1]
    ranks: dict[str, int] = {}
    for rank, merge in enumerate(merges):
        w = "".join(merge.split())
        if w.endswith("</w>") and w[:-4].isalpha() and len(w) > 5:
            ranks.setdefault(w[:-4], rank)
    return ranks


@cache
def _vocabulary() -> frozenset[str]:
    nouns = [*COMMON_SUBJECTS, *VAGUE_NOUNS]
    plurals = [p for n in nouns for p in getInflection(n, tag="NNS")]
    return frozenset([*COLORS, *SIZES, *COUNTS, *PLACES, *TIMES, *nouns, *plurals, *(plural(n) for n in nouns)])


def correct(word: str, known: Callable[[str], bool] | None = None) -> str:
    """A typo's intended word ("nigth" -> "night", "cras" -> "cars", "fishs" -> "fish"): the table word with the
    same first letter at the smallest edit distance (a swap of two letters counts once), at most 1 for short
    words and 2 for longer ones, when the word itself is in no dictionary, or (given `known`, a search model
    with a closed vocabulary) when that model never saw it ("fishies" -> "fishes"). Otherwise unchanged."""
    if len(word) < 4 or not word.isalpha():
        return word
    if known is not None and not known(word) and not getAllLemmas(word):
        return _nearest(word)  # never an English word: "like" is not a misspelt "lake"
    return word if known_word(word) else _typo(word)


@cache
def _typo(word: str) -> str:
    """The nearer of a table word and any common English word; at the same distance the commoner ("sunst" is
    "sunset", not the table's "suns")."""
    table, common = _nearest(word), _common(word)
    if common == word or table == common:
        return table
    if table == word:
        return common
    ranks = _clip_ranks()
    near = {w: OSA.distance(word, w) for w in (table, common)}
    return min((table, common), key=lambda w: (near[w], ranks.get(w, len(ranks) + 49152)))


@cache
def _nearest(word: str) -> str:
    candidates = sorted(w for w in _vocabulary() if w[:1] == word[:1])
    found = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=1 if len(word) <= 5 else 2)
    return found[0] if found else word


_COMMON_RANK = 5000  # glue words ("with") are no lemminflect entries; the commonest web words stand in for them


@cache
def _english(letter: str) -> tuple[str, ...]:
    ranks = _clip_ranks()
    return tuple(w for w, r in ranks.items() if w[:1] == letter and (r < _COMMON_RANK or getAllLemmas(w)))


@cache
def _common(word: str) -> str:
    """A slip of the keys in any English word ("sunst" -> "sunset", "wiht" -> "with", "tortise" -> "tortoise"):
    a word of both CLIP's vocabulary and English with one letter left out, two swapped or one doubled ("eatting"),
    and clearly the commonest such word. Other edits are not taken for slips: an unlisted word is more often
    real and rare ("macarons" is not "macaroni", "monstera" not "monster", "mache" not "mace")."""
    ranks = _clip_ranks()
    found = [w for w, _, _ in process.extract(word, _english(word[:1]), scorer=OSA.distance, limit=None,
                                              score_cutoff=1) if _slip(word, w)]
    nearest = sorted(found, key=ranks.__getitem__)
    if not nearest or len(nearest) > 1 and ranks[nearest[0]] * 3 > ranks[nearest[1]]:
        return word
    return nearest[0]


def _slip(typed: str, word: str) -> bool:
    """Whether `typed` is `word` (one edit away) with a letter left out, two letters swapped or a letter doubled."""
    if len(typed) < len(word):
        return True
    if len(typed) == len(word):
        return sorted(typed) == sorted(word)
    return any(typed[:i] + typed[i + 1:] == word for i in range(1, len(typed)) if typed[i] == typed[i - 1])
