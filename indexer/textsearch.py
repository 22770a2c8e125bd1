"""Text search forms shared by the indexer (what is stored) and the bot (what is asked): folding, file-name
words, character n-grams, the query's two forms, a plain-Python score for engines without full-text, and the
spans of a stored text that a query matched (for highlighting).

People remember text loosely: "starbucks" for "STARBUCKSCOFFEE" (OCR runs words together), "RE16" for
"RE16 TGK", "cafe" for "Café", "Starbuck5" read for "Starbucks". So every text is stored twice: as folded
words (exact words, digits, short codes) and as character 3-grams of each line with its spaces removed
(parts of words, run-together words, one misread letter costs only the grams that touch it). A query is
folded the same way and asked in both forms; Milvus ranks each by BM25 (indexer.store fuses them).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

GRAM = 3
MAX_TEXT_BYTES = 8192  # the folded words field (VARCHAR max_length counts bytes)
MAX_GRAMS_BYTES = 32768  # about four bytes per gram: the grams of the first ~8k letters
# OCR confuses these shapes; grams fold them together on both sides (the words field keeps them apart)
_CONFUSABLE = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "5": "s"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_NAME_PARTS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def clean(text: str) -> str:
    """Text as it may be stored and shown: control and invisible formatting characters become spaces
    (a hostile picture or file name cannot break a line of the page or hide words)."""
    return _CONTROL.sub(" ", text)


def fold_char(ch: str) -> str:
    """One character folded: accents dropped, case folded, anything not a letter or digit becomes ''."""
    base = unicodedata.normalize("NFKD", ch)
    kept = "".join(c for c in base if not unicodedata.combining(c)).casefold()
    return "".join(c for c in kept if c.isalnum())


def fold(text: str) -> str:
    """Folded words separated by single spaces: 'Café  RE-16!' -> 'cafe re 16'."""
    base = unicodedata.normalize("NFKD", clean(text))
    kept = "".join(c for c in base if not unicodedata.combining(c)).casefold()
    return " ".join(w for w in re.split(r"[^\w]+|_", kept) if w)


def name_words(path: str) -> str:
    """A file name as people say it: 'photos/IMG_2041.JPG' -> 'IMG_2041 IMG 2041' (the stem, then its parts,
    split at separators and at letter/digit and case changes: 'PXL20230512' -> 'PXL 20230512')."""
    stem = path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    parts = _NAME_PARTS.findall(stem)
    return " ".join(dict.fromkeys([stem, *parts])) if parts else stem


def grams(text: str) -> str:
    """Character 3-grams of each line of `text` with spaces removed, space-separated ('re16 tgk' ->
    're1 e16 16t 6tg tgk'): a word shorter than three letters is kept whole."""
    out: list[str] = []
    for line in text.splitlines():
        flat = fold(line).replace(" ", "").translate(_CONFUSABLE)
        if len(flat) < GRAM:
            out += [flat] if flat else []
            continue
        out += [flat[i:i + GRAM] for i in range(len(flat) - GRAM + 1)]
    return " ".join(out)


def clip_bytes(text: str, limit: int) -> str:
    """At most `limit` UTF-8 bytes, cut at a character boundary."""
    data = text.encode("utf-8")
    return text if len(data) <= limit else data[:limit].decode("utf-8", "ignore")


@dataclass(frozen=True)
class SearchText:
    """What one image is found by: folded words and their grams, both clipped to the fields' sizes."""

    words: str
    grams: str


def searchable(path: str, caption: str, attrs: dict[str, str], ocr_text: str) -> SearchText:
    """Everything written in or about an image, one line per source (grams never span two sources)."""
    lines = [*ocr_text.splitlines(), name_words(path), caption, *(str(v) for v in attrs.values())]
    lines = [fold(line) for line in lines]
    joined = "\n".join(line for line in lines if line)
    return SearchText(clip_bytes(joined.replace("\n", " "), MAX_TEXT_BYTES),
                      clip_bytes(grams(joined), MAX_GRAMS_BYTES))


@dataclass(frozen=True)
class TextQuery:
    """A text the person remembers, in the two forms it is searched by."""

    text: str

    @property
    def words(self) -> str:
        return fold(self.text)

    @property
    def grams(self) -> str:
        return grams(self.text)

    @property
    def empty(self) -> bool:
        return not self.words


def overlap(query: TextQuery, stored: SearchText) -> tuple[float, float]:
    """How well a stored text matches, in Python, for a Milvus without full-text search (the 2.3 server): the
    share of the query's words present and the share of its grams present (each 0..1), a little less for a
    long text (as BM25 does: a word among thousands says less about the picture)."""
    if query.empty:
        return 0.0, 0.0
    have_words, have_grams = set(stored.words.split()), set(stored.grams.split())
    want_words, want_grams = set(query.words.split()), set(query.grams.split())
    damp = 1.0 / (1.0 + len(have_words) / 200)
    word_part = len(want_words & have_words) / len(want_words)
    gram_part = len(want_grams & have_grams) / len(want_grams) if want_grams else 0.0
    return word_part * damp, gram_part * damp


def matched_spans(query: TextQuery, text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of `text` where a query word (or the whole query, spaces removed) occurs,
    folded, ignoring spaces and punctuation in `text` ('starbucks' in 'STARBUCKS COFFEE', 'cafe' in 'Café')."""
    flat, origin = _flatten(text)
    spans: list[tuple[int, int]] = []
    needles = {w for w in query.words.split() if len(w) >= 2} | {query.words.replace(" ", "")}
    for needle in (n for n in needles if n):
        start = flat.find(needle)
        while start >= 0:
            spans.append((origin[start], origin[start + len(needle) - 1] + 1))
            start = flat.find(needle, start + 1)
    return _merged(spans)


def _flatten(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in fold_char(ch):
            chars.append(c)
            origin.append(i)
    return "".join(chars), origin


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
