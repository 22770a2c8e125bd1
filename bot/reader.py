"""How one chat message is read: request wording off, then subject words, grouped modifiers, negatives, filters.

Nothing here knows about the conversation: bot.plan merges a read Message with the previous search.
People wrap what they want in greetings, questions and politeness ("hi! do you have any red cars?"),
correct themselves ("no, I meant blue"), ask for the same with one change ("what about boats?") and
use counts or comparisons alone ("just two", "bigger"); the reader keeps what matters for the search
and says how the message relates to the last one.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from bot import lexicon as lx
from bot.scope import Context, extract_filters, take_scope
from bot.tidy import tidy, undrawn

MAX_INPUT = 2000  # parsing cost stays bounded; CLIP only reads ~77 tokens anyway


@dataclass
class Message:
    """What one message says, before it is merged with the previous plan."""

    subject: list[str] = field(default_factory=list)
    mods: list[str] = field(default_factory=list)
    bare: list[str] = field(default_factory=list)  # "beach" without a preposition
    pronoun: str | None = None  # "plural" / "singular" for "ones" / "the red one"; "ref" for "them", "it"
    negatives: list[str] = field(default_factory=list)
    filters: list[tuple[str, ...]] = field(default_factory=list)  # (field, op, raw value[, words])
    vague: bool = False  # named "things"/"anything": a new search with no subject of its own
    media: bool = False  # named "pictures"/"scenes": no thing either, but a bare "beach" is then a place
    unseen: list[str] = field(default_factory=list)  # words the search model does not know ("hiii", "arr")
    guessed: bool = False  # the subject is only such words (nothing else was said)
    correction: bool = False  # "no, I meant ...", "actually ...": replaces what it names
    continues: bool = False  # "what about ...", "... instead", "same but ...": same search, one change
    order: str = ""  # "newest" / "oldest"
    notice: str = ""  # a place or camera the collection has no photos of
    drop: set[str] = field(default_factory=set)  # parts of the search let go: "any colour is fine" -> {"color"}
    release: list[str] = field(default_factory=list)  # "drop the purple": let go of it, or exclude it
    back: str = ""  # "go back to the cars": return to the last search for cars
    shift: int = 0  # "the summer before that": the current date range moved back (-1) or on (+1)
    allow: list[str] = field(default_factory=list)  # "red is fine after all": exclusions taken back
    fewer: bool = False  # "fewer of them": the count goes down by one
    also: bool = False  # "... too", "... as well": more of the same kind of change as the last message

    @property
    def positive(self) -> bool:
        return bool(self.subject or self.mods or self.bare or self.pronoun or self.vague)

    @property
    def anything(self) -> bool:
        return self.positive or bool(self.negatives or self.filters or self.order or self.drop or self.release
                                     or self.back or self.shift or self.allow or self.fewer)


def normalise(text: str) -> str:
    """NFKC, no control characters or emoji, drawn-out words shortened ("moreee"), single spaces, bounded."""
    text = unicodedata.normalize("NFKC", str(text)[: MAX_INPUT * 2]).replace("\u2019", "'")
    # control characters and emoji/symbols ("👍 more", "fishies 🐟") are spaces
    text = "".join(" " if unicodedata.category(c)[0] == "C" or unicodedata.category(c) == "So" else c for c in text)
    text = re.sub(r"[a-zA-Z]*([a-zA-Z])\1{2,}[a-zA-Z]*", lambda m: undrawn(m[0]), text)
    text = re.sub(r"\b\d{1,3}\s*/\s*10\b", " ", text)  # "10/10 thanks": a rating, not a count
    return re.sub(r"\s+", " ", text).strip()[:MAX_INPUT]


def _alternation(options: tuple[str, ...]) -> str:
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


_PUNCT = r"[\s,.!?:;-]*"
_INTERJECTION = re.compile(rf"^(?:{_alternation(lx.INTERJECTIONS)})\b{_PUNCT}(?=\S|$)")
_CORRECTION = re.compile(rf"^(?:(?:no|nope|nah|not that)(?:\s*[,.!:;-]+|\s+(?=i\s+(?:meant|mean|said|wanted)\b"
                         rf"|make\s+it\b))|(?:nah|nope)\b|(?:{_alternation(lx.CORRECTIONS)})\b){_PUNCT}")
# "red or... no, make it blue": what follows a correction inside the message replaces what came before it
_SELF_CORRECTION = re.compile(r"^.*?(?:\.\.\.|…|,|—|\s-\s|\bor\b)\s*(?:no|wait|sorry|oops|i mean)\s*[,.!:;-]+\s*(?=\w)")
_CONTINUATION = re.compile(rf"^(?:{_alternation(lx.CONTINUATIONS)})\b{_PUNCT}")
_TRAILING_CONTINUATION = re.compile(r"\b(?:instead|too|as well)[\s.!?]*$")


def _openings(low: str, msg: Message) -> str:
    """Strip greetings and note corrections / continuations at the start of a lower-cased message."""
    corrected = _SELF_CORRECTION.match(low)
    if corrected:
        low, msg.correction = low[corrected.end():], True
    while True:
        for pattern, flag in ((_INTERJECTION, ""), (_CORRECTION, "correction"), (_CONTINUATION, "continues")):
            m = pattern.match(low)
            if m and m.end():
                low = low[m.end():]
                if flag:
                    setattr(msg, flag, True)
                break
        else:
            break
    if _TRAILING_CONTINUATION.search(low):
        msg.continues = True
    return low


NEGATION = re.compile(
    r"\b(?:without|except|excluding|exclude|minus|avoid|remove|don't show|dont show|do not show"
    r"|do not want|don't want|not|no|nor|neither|aren't|isn't|weren't|wasn't|never|none|negate)\b"
)
NEGATIVE_NOISE = frozenset(lx._w("any the a an want show see include including with on in at by of more be is are"))
_HEDGES = frozenset(lx._w("only just also then please maybe ideally actually instead rather make makes made let have "
                          "get them it they those these"))
_HEDGES_POSITIVE = frozenset(lx._w("instead rather actually"))
NEGATIVE_TAIL = frozenset(lx._w("too either as well please then anymore now again instead ones one any of actually"
                                 " rather"))


def split_negation(low: str) -> tuple[str, list[str]]:
    """'dogs on a beach without people or cars' -> ('dogs on a beach', ['people', 'cars'])."""
    m = NEGATION.search(low)
    if not m:
        return low, []
    positive, negatives, corrected = [low[: m.start()]], [], False
    parts = re.split(r"([,;.!?]|\s-\s|\b(?:but|and|or|nor)\b)", low[m.start():])
    for separator, piece in zip(["", *parts[1::2]], parts[::2], strict=True):
        # "without red or yellow": "or"/"nor" carry the negation on; after "," or "and" it may end; "but" ends it
        negated = bool(NEGATION.search(piece)) or separator.strip() in ("or", "nor")
        words = [lx.correct(w) for w in _words(NEGATION.sub(" ", piece)) if w not in lx.PRONOUNS_PLURAL]
        lead = [w for w in words if w not in _HEDGES] or [""]
        # ", at night" after a negation is a positive place/time again, not a negative; so are "but cars",
        # "houses instead" and "actually, flowers"
        looks_positive = bool(words) and (
            lead[0] in lx.PREPOSITIONS.split("|") or lead[0] in lx.COLORS or lead[0] in lx.VAGUE_NOUNS
            or separator.strip() in ("but", ".", "!", "?") or bool(_HEDGES_POSITIVE & set(words)) or corrected)
        corrected = bool(words) and words[-1] in _HEDGES_POSITIVE  # "no trees actually, flowers"
        while words and words[0] in NEGATIVE_NOISE:
            words.pop(0)
        while len(words) > 1 and words[-1] in NEGATIVE_TAIL:
            words.pop()
        if words in (["one"], ["ones"], ["any"]) and piece.strip().endswith(("ones", "any")):
            continue  # "not those ones": nothing named
        if not words:
            continue
        if negated or not looks_positive:
            if len(words) > 1 and (words[0] in lx.DIGITS or words[0] in lx.COUNTS):
                words = words[:1]  # "not 3 fish": the count
            negatives.append(lx.canonical_word(" ".join(words[:5])))
        else:
            positive.append(piece)
    return " ".join(positive), negatives


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'#-]+", text)


_KEYWORDS = "|".join(sorted({*lx.PLACES, *lx.TIMES}, key=len, reverse=True))
_PLACE_RE = re.compile(rf"\b(?:{lx.PREPOSITIONS})\s+(?:(?:the|a|an)\s+)?({_KEYWORDS})\b")
_ALWAYS_RE = re.compile(rf"\b({'|'.join(sorted(lx.ALWAYS_MODIFIERS))})\b")
_IN_THE_DARK = re.compile(r"\bin the dark\b")


def read_message(raw: str, context: Context | None = None) -> Message:
    """Split one message into subject words, grouped modifiers, negatives and filters (dates, places and
    cameras among them, resolved with `context`)."""
    filters, rest = extract_filters(raw)
    msg = Message(filters=list(filters))
    low = _openings(rest.lower().strip(), msg)
    scope, low = take_scope(low, rest, context or Context())
    msg.filters += scope.filters
    msg.order, msg.notice, msg.shift = scope.order, scope.notice, scope.shift
    tidied = tidy(low)
    low = _openings(tidied.text, msg)
    positive, negatives = split_negation(low)
    msg.negatives = [*filter(None, (_seen_words(n, (context or Context()).known) for n in negatives)),
                     *tidied.negatives]
    msg.mods += tidied.mods
    msg.drop, msg.release, msg.back = tidied.drop, [lx.correct(w) for w in tidied.release], tidied.back
    msg.allow, msg.fewer = [lx.canonical_word(lx.correct(w)) for w in tidied.allow], tidied.fewer
    msg.continues = msg.continues or tidied.swap
    msg.also = bool(re.search(r"\b(?:too|as well|either|also)\W*$", low))
    text = _strip_fillers(" ".join(_words(_IN_THE_DARK.sub(" at night ", positive))).replace("#", " "))
    for pattern in (_PLACE_RE, _ALWAYS_RE):
        msg.mods.extend(lx.place_or_time(m[1]) for m in pattern.finditer(text))
        text = pattern.sub(" ", text)
    text = _with_phrase(text, msg)
    _take_tokens(_strip_fillers(text).split(), msg, (context or Context()).known)
    heads = [lx.singular(w) for w in msg.subject]  # "a blue house ..., do you have blue houses?": one thing
    msg.subject = [w for i, w in enumerate(msg.subject) if heads[i] not in heads[i + 1:]]
    if raw.rstrip().endswith("?") and msg.subject and len(low.split()) <= 3 and not (msg.mods or msg.pronoun):
        msg.continues = True  # "houses?", "and boats?": the same search, asked about another thing
    return msg


def _seen_words(phrase: str, known: Callable[[str], bool] | None) -> str:
    """A negative without the words the search model never saw ("no red ships, red be bad luck" -> "red
    ships"); nothing when it has no other ("not very good with computers")."""
    if known is None:
        return phrase
    words = [c for w in phrase.split() if (c := lx.canonical_word(w)) and known(c) and w not in lx.STOPWORDS
             and w not in lx.VAGUE_NOUNS]
    return " ".join(words)


def _with_phrase(text: str, msg: Message) -> str:
    """"pictures with boats", "winter scenes with trees": the with-object is the thing to find; "trees with
    orange colour", "the ones with just one house": plain modifiers; "dogs with a ball": a modifier of its own."""
    m = re.search(r"\bwith\s+(.+)$", text)
    if not m:
        return text
    before = text[: m.start()].split()
    words = [w for w in m[1].split() if w not in ("a", "an", "the", "some")]
    counted = bool(words) and (words[0] in lx.COUNTS or words[0] in lx.DIGITS)
    if before and all(_names_nothing(w) for w in before) or counted:
        return text[: m.start()] + " " + m[1]  # "pictures with boats", "the same but with a single car": the thing
    if not words or all(_names_nothing(w) for w in words[:-1]) and lx.singular(words[-1]) in {
            lx.singular(w) for w in before} | {lx.singular(w) for w in words if w in lx.COLORS}:
        return text[: m.start()] + " " + " ".join(words[:-1])  # "trees with three trees"
    if all(w in lx.STOPWORDS or w in lx.COUNTS or w in lx.DIGITS or w in lx.COLORS or w in lx.SIZES for w in words):
        return text[: m.start()] + " " + m[1]
    phrase = list(itertools.takewhile(lambda w: lx.content_word(w) or w in lx.COLORS or w in lx.SIZES, words))
    if not phrase:  # "with do you have ...": no noun phrase follows
        return text[: m.start()] + " " + m[1]
    msg.mods.append("with " + " ".join(phrase[:3]))  # "dogs with a red ball"; the rest is read as usual
    return text[: m.start()] + " " + " ".join(words[len(phrase):])


def _names_nothing(word: str) -> bool:
    """A word that is not itself a thing to find: glue, a pronoun, a modifier, "pictures", "things"."""
    return (word in lx.VAGUE_NOUNS or word in lx.STOPWORDS or word in lx.PRONOUNS_PLURAL or word in lx.COLORS
            or word in lx.SIZES or word in lx.COUNTS or word in lx.DIGITS or word in lx.PLACES or word in lx.TIMES
            or word == "one" or not lx.content_word(word))


def _strip_fillers(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        for f in lx.LEADING_FILLERS:
            if text == f or text.startswith(f + " "):
                text, changed = text[len(f):].strip(), True
        for f in lx.TRAILING_FILLERS:
            if text == f or text.endswith(" " + f):
                text, changed = text[: -len(f)].strip(), True
    return text


def _take_tokens(tokens: list[str], msg: Message, known: Callable[[str], bool] | None = None) -> None:
    tokens = [lx.correct(w) for w in tokens]
    for i, w in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        if w in ("dark", "light", "pale", "bright", "deep") and tokens[i + 1: i + 2] and tokens[i + 1] in lx.COLORS:
            continue  # a shade of the colour that follows, not the time of day
        if w in lx.COLORS:
            msg.mods.append(lx.COLORS[w])
        elif w in lx.SIZES:
            msg.mods.append(lx.SIZES[w])
        elif w == "one" and (before in lx.ONE_AS_PRONOUN_AFTER or before in lx.COLORS or before in lx.SIZES
                             or (before in lx.COUNTS and before != "one")):
            msg.pronoun = "singular"  # "the black one"
        elif w in lx.DIGITS:
            msg.mods.append(lx.DIGITS[w])
        elif w in lx.COUNTS and (w not in ("group", "couple", "pair") or tokens[i + 1: i + 2] == ["of"]):
            msg.mods.append(lx.COUNTS[w])
        elif w in ("couple", "pair") and before == "a":  # "just a pair"
            msg.mods.append("two")
        elif w == "ones":
            msg.pronoun = "plural"
        elif w in lx.PRONOUNS_PLURAL or w in lx.PRONOUNS_SINGULAR:
            msg.pronoun = msg.pronoun or "ref"
        elif w in lx.PLACES or w in lx.TIMES:
            msg.bare.append(w)
        elif lx.singular(w) in lx.PLACES:  # "streets", "beaches"
            msg.bare.append(lx.singular(w))
        elif w in lx.MEDIA_NOUNS:
            msg.media = True
        elif w in lx.VAGUE_NOUNS:
            msg.vague = True
        elif lx.content_word(w) and not (w.endswith("ing") and before in lx.PRONOUNS_PLURAL | lx.PRONOUNS_SINGULAR):
            # ("them sitting on the grass": "sitting" only says where they are)
            (msg.subject if known is None or known(w) else msg.unseen).append(w)
    if not msg.subject and msg.unseen and not (msg.mods or msg.bare or msg.negatives or msg.filters or msg.pronoun
                                               or msg.vague or msg.media or msg.drop or msg.release):
        msg.subject, msg.guessed = msg.unseen, True  # "dogs" alone, to a model that never saw one: the floor says so
