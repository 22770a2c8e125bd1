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
    """The whole words of open_clip's byte-pair vocabulary (read from its package data; no torch import)."""
    import gzip
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("open_clip")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(spec.submodule_search_locations[0]) / "bpe_simple_vocab_16e6.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        merges = fh.read().split("\n")[1: 49152 - 256 - 2 + 1]
    joined = ("".join(m.split()) for m in merges)
    return frozenset(w[:-4] for w in joined if w.endswith("</w>") and w[:-4].isalpha() and len(w) > 5)


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
    return word if known_word(word) else _nearest(word)


@cache
def _nearest(word: str) -> str:
    candidates = sorted(w for w in _vocabulary() if w[:1] == word[:1])
    found = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=1 if len(word) <= 5 else 2)
    return found[0] if found else word
