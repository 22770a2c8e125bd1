"""Word lists the deterministic planner reads, plus tiny English number helpers.

Modifier words are grouped so that a new word of one group replaces the old one
("red cars" -> "only black ones" -> "black cars"). Each entry maps what the user
may type to the canonical words put in the CLIP phrase.
"""

from __future__ import annotations

import re


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
            "pictures of", "picture of", "photos of", "photo of", "images of", "image of", "pics of",
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

RESET = re.compile(r"^(?:start over|start again|reset|clear|clear all|new search|forget it|restart)\b[\s.!:,;-]*")
SHOW_MORE = re.compile(
    r"^(?:(?:please )?(?:show|give|load|see)?\s*(?:me )?(?:some )?more(?: results| images| pictures"
    r"| photos| of (?:them|these|those|that))?|next(?: page)?|keep going|continue)(?: please)?[\s.!?]*$"
)

ORDINALS: dict[str, int] = {
    w: i + 1
    for i, w in enumerate(_w("first second third fourth fifth sixth seventh eighth ninth tenth"))
} | {w: i + 1 for i, w in enumerate(_w("one two three four five six seven eight nine ten"))}
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
