"""Vocabulary, and how one chat message is read into words, modifiers, negatives and filters.

Nothing here knows about the conversation: bot.plan merges a read Message with
the previous search.

Modifier words are grouped so that a new word of one group replaces the old one
("red cars" -> "only black ones" -> "black cars"). Each entry maps what the user
may type to the canonical words put in the CLIP phrase.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


def _w(words: str) -> list[str]:
    """Word lists are written as one string to keep the tables readable."""
    return words.split()

# Groups in the order their words appear in a phrase; "subject" marks where the
# subject goes, so "two small black dogs on a beach at night" reads naturally.
PHRASE_ORDER: tuple[str, ...] = ("count", "size", "color", "extra", "subject", "with", "place", "time")

COLORS: dict[str, str] = {
    w: w
    for w in _w(
        "red blue green yellow black white orange purple pink brown gray beige gold golden "
        "silver teal turquoise violet colorful"
    )
} | {"grey": "gray", "colourful": "colorful", "multicolored": "colorful"}

SIZES: dict[str, str] = {
    "small": "small", "smaller": "small", "little": "small", "big": "big", "bigger": "big",
    "large": "large", "larger": "large", "tiny": "tiny", "tinier": "tiny", "huge": "huge",
    "giant": "huge", "enormous": "huge", "tall": "tall", "taller": "tall", "short": "short",
}

# Counts also set the subject's number: "single" -> singular, "two" -> plural.
COUNTS: dict[str, str] = {
    "one": "one", "single": "a single", "lone": "a single", "two": "two", "three": "three",
    "four": "four", "five": "five", "pair": "a pair of", "couple": "a couple of",
    "several": "several", "many": "many", "group": "a group of", "few": "a few",
}
SINGULAR_COUNTS = frozenset({"one", "a single"})

# Places and times: keyword -> phrase. A bare keyword ("beach") only counts as a
# place when there is already something to refine; with a preposition ("on the
# beach") it is always a place.
PLACES: dict[str, str] = {
    "grass": "on grass", "lawn": "on grass", "field": "in a field", "meadow": "in a meadow",
    "beach": "on a beach", "sand": "on sand", "snow": "in the snow", "water": "in water",
    "sea": "by the sea", "ocean": "by the ocean", "lake": "by a lake", "river": "by a river",
    "city": "in the city", "street": "on a street", "road": "on a road", "indoors": "indoors",
    "outdoors": "outdoors", "forest": "in a forest", "woods": "in the woods", "park": "in a park",
    "mountains": "in the mountains", "desert": "in the desert", "garden": "in a garden",
    "snowy": "in the snow", "sandy": "on sand", "grassy": "on grass", "underwater": "underwater",
}
TIMES: dict[str, str] = {
    "day": "during the day", "daytime": "during the day", "daylight": "during the day",
    "night": "at night", "nighttime": "at night", "sunset": "at sunset", "sunrise": "at sunrise",
    "dawn": "at dawn", "dusk": "at dusk", "morning": "in the morning", "evening": "in the evening",
    "afternoon": "in the afternoon",
}
# Keywords that are modifiers even without a preposition.
ALWAYS_MODIFIERS = frozenset({"indoors", "outdoors", "snowy", "sandy", "grassy", "underwater"})
PREPOSITIONS = "on|at|in|by|near|during|under|inside|across|along|beside|into|through"

# Words that point back at the current subject, so the rest of the message refines it.
PRONOUNS_PLURAL = frozenset({"ones", "them", "they", "those", "these"})
PRONOUNS_SINGULAR = frozenset({"one", "it", "that"})

# Request wrappers stripped from the front of a message, longest first.
LEADING_FILLERS: tuple[str, ...] = tuple(
    sorted(
        (
            "show me", "show", "find me", "find", "search for", "search", "look for", "looking for",
            "i want to see", "i want", "i'd like to see", "i'd like", "i would like", "give me",
            "get me", "can you", "could you", "would you", "please", "display", "let me see",
            "now", "actually", "ok", "okay", "and", "also", "hmm", "well", "what about",
            "how about", "what if", "try", "instead", "only", "just", "make them", "make it",
            "change to", "switch to", "some", "any", "more", "with only", "i need", "i'm looking for",
            "something like", "pictures of", "picture of", "photos of", "photo of", "images of", "image of", "pics of",
        ),
        key=len,
        reverse=True,
    )
)
TRAILING_FILLERS = ("please", "instead", "too", "as well", "then", "only", "now", "thanks", "thank you")

# Glue words dropped from the subject ("a house in the city" -> "house").
STOPWORDS = frozenset(
    _w(
        "a an the of in on at with and or but some any only just please more color colour colored "
        "coloured sized size is are be that's thats to for me my"
    )
)

NEGATION = re.compile(
    r"\b(?:without|except|excluding|exclude|minus|avoid|remove|don't show|dont show|do not show"
    r"|do not want|don't want|not|no)\b"
)
NEGATIVE_NOISE = frozenset(_w("any the a an want show see include including with on in at by of more"))

# One-word commands must stand alone: "clear sky" is a search, "clear" is not.
RESET = re.compile(
    r"^(?:(?:start over|start again|new search|forget it|restart)\b"
    r"|(?:reset|clear|clear all)(?=\s*(?:[.!:,;-]|$)))[\s.!:,;-]*"
)
SHOW_MORE = re.compile(
    r"^(?:(?:please )?(?:show|give|load|see)?\s*(?:me )?(?:some )?more(?: results| images| pictures"
    r"| photos| of (?:them|these|those|that))?|next(?: page)?|keep going|continue)(?: please)?[\s.!?]*$"
)

ORDINALS = {w: i + 1 for i, w in enumerate(_w("first second third fourth fifth sixth seventh eighth ninth tenth"))}
CARDINALS = {w: i + 1 for i, w in enumerate(_w("one two three four five six seven eight nine ten"))}
MORE_LIKE = re.compile(
    r"\b(?:like|similar to|resembling)\s+(?:the\s+|image\s+|picture\s+|result\s+)?"
    r"(?:#\s*(?P<hash>\d{1,4})|(?:number|no\.?|nr\.?)\s*(?P<num>\d{1,4}|[a-z]+)"
    r"|(?P<digit>\d{1,4})(?:st|nd|rd|th)?|(?P<word>[a-z]+))"
)

_IRREGULAR = {
    "person": "people", "man": "men", "woman": "women", "child": "children", "mouse": "mice",
    "goose": "geese", "foot": "feet", "tooth": "teeth", "ox": "oxen", "leaf": "leaves",
    "knife": "knives", "wolf": "wolves", "shelf": "shelves",
}
_IRREGULAR_BACK = {v: k for k, v in _IRREGULAR.items()}
_SAME = frozenset({"sheep", "fish", "deer", "people", "glasses", "series", "species", "grass", "bus"})


def singular(word: str) -> str:
    """Best-effort singular of an English noun; unknown shapes come back unchanged."""
    if word in _IRREGULAR_BACK:
        return _IRREGULAR_BACK[word]
    if word in _SAME or word in _IRREGULAR or len(word) < 4 or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if re.search(r"(?:ches|shes|xes|sses|zes)$", word):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("us") else word


def plural(word: str) -> str:
    """Best-effort plural of an English noun; words that already look plural stay."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _SAME or word in _IRREGULAR_BACK or not word.isalpha():
        return word
    if singular(word) != word:
        return word
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(?:ch|sh|x|s|z)$", word):
        return word + "es"
    return word + "s"


def group_of(modifier: str) -> str:
    """Which group a canonical modifier belongs to ("extra" for free adjectives)."""
    for name, table in (("color", COLORS), ("size", SIZES), ("count", COUNTS), ("place", PLACES),
                        ("time", TIMES)):
        if modifier in table.values():
            return name
    first = modifier.split(" ", 1)[0]
    if first == "with":
        return "with"
    # Free phrases such as "on the pier" (from an LLM) still belong after the subject.
    return "place" if first in PREPOSITIONS.split("|") else "extra"

MAX_INPUT = 2000  # parsing cost stays bounded; CLIP only reads ~77 tokens anyway


@dataclass
class Message:
    """What one message says, before it is merged with the previous plan."""

    subject: list[str] = field(default_factory=list)
    mods: list[str] = field(default_factory=list)
    bare: list[str] = field(default_factory=list)  # "beach" without a preposition
    pronoun: str | None = None  # "plural" / "singular" when the message says "ones" / "one"
    negatives: list[str] = field(default_factory=list)
    filters: list[tuple[str, str, str]] = field(default_factory=list)  # (field, op, raw value)

    @property
    def positive(self) -> bool:
        return bool(self.subject or self.mods or self.bare or self.pronoun)


def normalise(text: str) -> str:
    """NFKC, no control characters, single spaces, bounded length."""
    text = unicodedata.normalize("NFKC", str(text)[: MAX_INPUT * 2]).replace("\u2019", "'")
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    return re.sub(r"\s+", " ", text).strip()[:MAX_INPUT]


_Q = r"(?P<v>\"[^\"]*\"|'[^']*'|[^\s\"']+)"
_FILTER_RULES: tuple[tuple[re.Pattern[str], str | None, str], ...] = (
    (re.compile(rf"\b(?:in|from|under|inside)\s+(?:the\s+)?(?:folder|directory|dir|path)\s*{_Q}", re.I),
     "path", "prefix"),
    (re.compile(rf"\b(?:folder|path|directory)\s*[:=]=?\s*{_Q}", re.I), "path", "prefix"),
    (re.compile(r"\b(?:in|from|under)\s+(?P<v>[^\s\"']*/[^\s\"']*)", re.I), "path", "prefix"),
    (re.compile(rf"\b(?:captioned|with\s+(?:a\s+|the\s+)?caption(?:\s+(?:containing|contains|like))?"
                rf"|caption\s*(?:contains|containing|includes|is|[:=]=?))\s*{_Q}", re.I), "caption", "contains"),
    (re.compile(rf"\bwhere\s+(?P<f>[a-z][a-z0-9_]*)\s*(?:is|equals|==?)\s*{_Q}", re.I), None, "eq"),
    (re.compile(rf"\b(?P<f>[a-z][a-z0-9_]*)\s*==?\s*{_Q}", re.I), None, "eq"),
)


def extract_filters(raw: str) -> tuple[list[tuple[str, str, str]], str]:
    """Pull scope filters out of the message; returns them and the text left over."""
    found: list[tuple[str, str, str]] = []
    for pattern, fixed_field, op in _FILTER_RULES:
        for m in list(pattern.finditer(raw)):
            value = m["v"].strip("\"'") if m["v"][:1] in "\"'" else m["v"].rstrip(".,;!?")
            name = fixed_field or m["f"].lower()
            if name in ("folder", "directory"):
                name, op = "path", "prefix"
            elif name == "caption":
                op = "contains"
            if value:
                found.append((name, op, value))
        raw = pattern.sub(" ", raw)
    return found, raw


def split_negation(low: str) -> tuple[str, list[str]]:
    """'dogs on a beach without people or cars' -> ('dogs on a beach', ['people', 'cars'])."""
    m = NEGATION.search(low)
    if not m:
        return low, []
    positive, negatives = [low[: m.start()]], []
    for piece in re.split(r"[,;]|\b(?:but|and|or|nor)\b", low[m.start():]):
        negated = bool(NEGATION.search(piece))
        words = [w for w in _words(NEGATION.sub(" ", piece)) if w not in PRONOUNS_PLURAL]
        # ", at night" after a negation is a positive place/time again, not a negative
        looks_positive = bool(words) and (words[0] in PREPOSITIONS.split("|") or words[0] in COLORS)
        while words and words[0] in NEGATIVE_NOISE:
            words.pop(0)
        if not words:
            continue
        if negated or not looks_positive:
            negatives.append(COLORS.get(" ".join(words[:5]), " ".join(words[:5])))
        else:
            positive.append(piece)
    return " ".join(positive), negatives


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'#-]+", text)


_KEYWORDS = "|".join(sorted({*PLACES, *TIMES}, key=len, reverse=True))
_PLACE_RE = re.compile(rf"\b(?:{PREPOSITIONS})\s+(?:(?:the|a|an)\s+)?({_KEYWORDS})\b")
_ALWAYS_RE = re.compile(rf"\b({'|'.join(sorted(ALWAYS_MODIFIERS))})\b")


def read_message(raw: str) -> Message:
    """Split one message into subject words, grouped modifiers, negatives and filters."""
    filters, rest = extract_filters(raw)
    positive, negatives = split_negation(rest.lower())
    parsed = Message(negatives=negatives, filters=filters)
    text = _strip_fillers(" ".join(_words(positive)).replace("#", " "))
    for pattern in (_PLACE_RE, _ALWAYS_RE):
        parsed.mods.extend(place_or_time(m[1]) for m in pattern.finditer(text))
        text = pattern.sub(" ", text)
    with_match = re.search(r"\bwith\s+(.+)$", text)
    if with_match:
        words = [w for w in with_match[1].split() if w not in ("a", "an", "the", "some")]
        if words:
            parsed.mods.append(("with " + " ".join(words))[:60])
        text = text[: with_match.start()]
    _take_tokens(text.split(), parsed)
    return parsed


def _strip_fillers(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        for f in LEADING_FILLERS:
            if text == f or text.startswith(f + " "):
                text, changed = text[len(f):].strip(), True
        for f in TRAILING_FILLERS:
            if text.endswith(" " + f):
                text, changed = text[: -len(f)].strip(), True
    return text


def place_or_time(keyword: str) -> str:
    return PLACES.get(keyword) or TIMES[keyword]


def _nounish(word: str) -> bool:
    tables = (COLORS, SIZES, COUNTS, STOPWORDS, PRONOUNS_PLURAL, PRONOUNS_SINGULAR)
    return not any(word in t for t in tables)


def _take_tokens(tokens: list[str], parsed: Message) -> None:
    for i, w in enumerate(tokens):
        if w in COLORS:
            parsed.mods.append(COLORS[w])
        elif w in SIZES:
            parsed.mods.append(SIZES[w])
        elif w == "one" and not any(_nounish(t) for t in tokens[i + 1:]):
            parsed.pronoun = "singular"  # "the black one"
        elif w in COUNTS and (w != "group" or tokens[i + 1: i + 2] == ["of"]):
            parsed.mods.append(COUNTS[w])
        elif w in PRONOUNS_PLURAL:
            parsed.pronoun = "plural"
        elif w in PRONOUNS_SINGULAR:
            parsed.pronoun = "singular"
        elif w in PLACES or w in TIMES:
            parsed.bare.append(w)
        elif w not in STOPWORDS:
            parsed.subject.append(w)
