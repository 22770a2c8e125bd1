"""Vocabulary of the rule planner: modifier words and their groups, request wording, inflection.

Modifier words are grouped so that a new word of one group replaces the old one ("red cars" -> "only
black ones" -> "black cars"). Each entry maps what the user may type to the canonical words put in the
CLIP phrase. How a message is read with these tables lives in bot.reader.
"""

from __future__ import annotations

import re
from functools import cache

from lemminflect import getInflection, getLemma


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
} | {"grey": "gray", "colourful": "colorful", "multicolored": "colorful", "multicoloured": "colorful"}

SIZES: dict[str, str] = {
    "small": "small", "smaller": "small", "smallest": "small", "little": "small", "big": "big", "bigger": "big",
    "biggest": "big", "large": "large", "larger": "large", "largest": "large", "tiny": "tiny", "tinier": "tiny",
    "huge": "huge", "giant": "huge", "enormous": "huge", "tall": "tall", "taller": "tall", "short": "short",
}

# Counts also set the subject's number: "single" -> singular, "two" -> plural.
COUNTS: dict[str, str] = {
    "one": "one", "single": "a single", "lone": "a single", "two": "two", "three": "three",
    "four": "four", "five": "five", "six": "six", "seven": "seven", "eight": "eight", "nine": "nine", "ten": "ten",
    "pair": "a pair of", "couple": "a couple of", "several": "several", "many": "many", "group": "a group of",
    "few": "a few", "both": "two",
}
DIGITS = {str(i): w for i, w in enumerate(_w("zero one two three four five six seven eight nine ten")) if i}
SINGULAR_COUNTS = frozenset({"one", "a single"})

# Places and times: keyword -> phrase. A bare keyword ("beach") only counts as a
# place when there is already something to refine; with a preposition ("on the
# beach") it is always a place.
PLACES: dict[str, str] = {
    "grass": "on grass", "lawn": "on grass", "field": "in a field", "meadow": "in a meadow",
    "beach": "on a beach", "sand": "on sand", "snow": "in the snow", "water": "in water",
    "sea": "at sea", "ocean": "at sea", "lake": "on a lake", "river": "on a river",
    "city": "in the city", "town": "in the city", "street": "on a street", "road": "on a road",
    "indoors": "indoors", "outdoors": "outdoors", "forest": "in a forest", "woods": "in the woods",
    "park": "in a park", "mountains": "in the mountains", "desert": "in the desert", "garden": "in a garden",
    "snowy": "in the snow", "sandy": "on sand", "grassy": "on grass", "underwater": "underwater",
}
TIMES: dict[str, str] = {
    "day": "during the day", "daytime": "during the day", "daylight": "during the day",
    "night": "at night", "nighttime": "at night", "nite": "at night",
    "sunset": "at sunset", "sunrise": "at sunrise", "dawn": "at dawn", "dusk": "at dusk",
    "morning": "in the morning", "evening": "in the evening", "afternoon": "in the afternoon",
}
# Keywords that are modifiers even without a preposition.
ALWAYS_MODIFIERS = frozenset({"indoors", "outdoors", "snowy", "sandy", "grassy", "underwater"})
PREPOSITIONS = "on|at|in|by|near|during|under|inside|across|along|beside|into|through|from"

# Words that point back at the current subject, so the rest of the message refines it.
# "ones" also sets the subject's number (plural); the others only point back ("show them at night").
PRONOUNS_PLURAL = frozenset({"ones", "them", "they", "those", "these"})
PRONOUNS_SINGULAR = frozenset({"it"})
# "one" after these is the pronoun ("the red one"); elsewhere it is a count ("just one", "one of them").
ONE_AS_PRONOUN_AFTER = frozenset({"the", "this", "that", "a", "an", "another", "other", "same"})
# Nouns that name no thing to look for: "red things", "anything yellow", "stuff in the snow".
VAGUE_NOUNS = frozenset(_w(
    "thing things stuff something anything everything object objects item items picture pictures photo "
    "photos image images pic pics shot shots scene scenes snap snaps"
))

# Request wrappers stripped from the front of a message, longest first.
LEADING_FILLERS: tuple[str, ...] = tuple(
    sorted(
        (
            "show me", "show", "find me", "find", "search for", "search", "look for", "looking for",
            "i want to see", "i want", "i'd like to see", "i'd like", "i would like to see", "i would like",
            "i'd love to see", "i would love to see", "i'd love", "give me", "get me", "can you", "could you",
            "would you", "will you", "please", "display", "let me see", "now", "ok", "okay", "also", "well",
            "try", "only", "just", "make them", "make it", "make that", "change to", "change it to", "switch to",
            "some", "any", "more", "with only", "i need", "i'm looking for", "i am looking for", "something like",
            "do you have", "have you got", "you got", "got", "are there", "is there", "do we have",
            "can i see", "could i see", "can i have", "may i see", "can i get", "what do you have",
            "what have you got", "what's there", "let's see", "let's", "then", "maybe",
        ),
        key=len,
        reverse=True,
    )
)
TRAILING_FILLERS = ("please", "instead", "too", "as well", "then", "only", "now", "thanks", "thank you",
                    "for me", "in them", "in it", "if you have any", "if possible", "if you can", "again")
# Opening words that carry no request: greetings, thanks, acknowledgements.
INTERJECTIONS = ("hi", "hello", "hey", "thanks", "thank you", "great", "nice", "perfect", "cool", "ok", "okay",
                 "hmm", "hm", "well", "so", "oh", "wow", "awesome", "lovely", "good", "yes", "yeah", "yep",
                 "alright", "right", "fine", "excellent", "beautiful", "amazing", "sure")
# Openings that correct the last request ("no, I meant blue"): what follows replaces, never excludes.
CORRECTIONS = ("no wait", "wait", "sorry", "oops", "i meant", "i mean", "i said", "meant", "rather", "actually",
               "correction", "my bad", "no no")
# Openings and endings that ask for the same search with a change ("what about boats?", "trees instead").
CONTINUATIONS = ("the same thing but", "the same but", "same thing but", "same but", "the same", "same thing",
                 "same again", "same", "what about", "how about", "and", "but", "instead", "also", "what if")

# Glue words dropped from the subject ("a house in the city" -> "house").
STOPWORDS = frozenset(
    _w(
        "a an the of in on at with and or but some any only just please more color colour colored "
        "coloured sized size is are be that's thats to for me my which who that those there it's its "
        "were was being really very kind sort type "
        # request verbs and function words that wrap a request but never name a thing to find
        "can could would should will do does did have has had get see show shows want like need prefer "
        "let make i i'd i'm you we us also too maybe perhaps here what where how about again similar "
        "containing contain contains showing featuring depicting having taken photographed captured "
        "even much bit slightly somewhat lot trying try find finding looking look search searching help "
        "preferably ideally possibly kindly hey hi hello mostly mainly especially"
    )
)


# lemminflect treats "people" as a noun of its own (plural "peoples"); in a photo search it is persons. It
# also lists the bare form among most plurals ("boat" for "boats"), so it cannot say which nouns keep it.
_PLURAL_OF = {"person": "people"} | {w: w for w in _w("fish sheep deer moose salmon trout aircraft series species")}
_SINGULAR_OF = {v: k for k, v in _PLURAL_OF.items() if k != v}


@cache
def singular(word: str) -> str:
    """The noun's lemma ("boats" -> "boat", "people" -> "person"); unknown words come back unchanged."""
    if not word.isalpha() or word in _SINGULAR_OF:
        return _SINGULAR_OF.get(word, word)
    lemmas = getLemma(word, upos="NOUN")
    return lemmas[0] if lemmas else word


@cache
def plural(word: str) -> str:
    """A plural the word allows; one that already is plural stays ("fish", "people", "glasses")."""
    if not word.isalpha() or word in _SINGULAR_OF:
        return word
    lemma = singular(word)
    if lemma in _PLURAL_OF:
        return _PLURAL_OF[lemma]
    if lemma != word:
        return word  # already plural ("boats", "children")
    return next((f for f in getInflection(word, tag="NNS") if f != word), word)


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


def place_or_time(keyword: str) -> str:
    return PLACES.get(keyword) or TIMES[keyword]


# --- commands: start over, show more, more / not like #N ----------------------------------------------

MAX_RANK = 1000
# One-word commands must stand alone: "clear sky" is a search, "clear" is not.
RESET = re.compile(
    r"^(?:(?:let's|let us|ok|okay|please)\s+)?(?:(?:start over|start again|new search|forget it|restart)\b"
    r"|(?:reset|clear|clear all)(?=\s*(?:[.!:,;-]|$)))[\s.!:,;-]*(?:with\s+)?"
)
SHOW_MORE = re.compile(
    r"^(?:(?:please )?(?:show|give|load|see)?\s*(?:me )?(?:some )?more(?: results| images| pictures"
    r"| photos| of (?:them|these|those|that))?|next(?: page)?|keep going|continue)(?: please)?[\s.!?]*$"
)
ORDINALS = {w: i + 1 for i, w in enumerate(_w("first second third fourth fifth sixth seventh eighth ninth tenth"))}
CARDINALS = {w: i + 1 for i, w in enumerate(_w("one two three four five six seven eight nine ten"))}
MORE_LIKE = re.compile(
    r"\b(?:like|similar to|resembling|more of)\s+(?:the\s+|image\s+|picture\s+|result\s+)?"
    r"(?:#\s*(?P<hash>\d{1,4})|(?:number|no\.?|nr\.?)\s*(?P<num>\d{1,4}|[a-z]+)"
    r"|(?P<digit>\d{1,4})(?:st|nd|rd|th)?|(?P<word>[a-z]+))"
)


NOT_LIKE = re.compile(r"\b(?:not|less|nothing|none)\s+(?:like|similar to)\s+(?:the\s+|image\s+|number\s+)?"
                      r"(?:#\s*(?P<n>\d{1,4})|(?P<d>\d{1,4})(?:st|nd|rd|th)?\b|(?P<w>[a-z]+))")


def rank_after(pattern: re.Pattern[str], low: str) -> int | None:
    """1-based rank from "not like #3", "nothing like the second one"."""
    m = pattern.search(low)
    if not m:
        return None
    rank = int(m["n"] or m["d"]) if (m["n"] or m["d"]) else ORDINALS.get(m["w"], 0)
    return rank if 1 <= rank <= MAX_RANK else None


def more_like_rank(low: str) -> int | None:
    """1-based rank from "more like the 2nd one", "like #3", "similar to the first"..."""
    m = MORE_LIKE.search(low)
    if not m:
        return None
    if m["hash"]:
        rank = int(m["hash"])
    elif m["num"]:  # "number 4" / "number four"
        rank = int(m["num"]) if m["num"].isdigit() else CARDINALS.get(m["num"], 0)
    elif m["digit"]:
        # a bare "like 2" only counts at the end: "like 2 dogs" is not a rank
        ordinal = re.match(r"(?:st|nd|rd|th)\b", low[m.end("digit"):])
        if not (ordinal or low[m.end():].strip(" .!?") in ("", "one")):
            return None
        rank = int(m["digit"])
    else:  # words: only ordinals; "something like two dogs" is a count
        rank = ORDINALS.get(m["word"], 0)
    return rank if 1 <= rank <= MAX_RANK else None
