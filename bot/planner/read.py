"""Reading one chat message: what it says about the images, before the conversation is taken into account.

Order of reading: the scope (folder, caption and field filters, dates, places, cameras: bot.scope), the
conversation words around the request (bot.planner.talk: openings, corrections, "what about", complaints,
letting a part go), then the request itself by its grammar (bot.planner.phrases): the thing, its adjectives,
counts, prepositional phrases, actions and what is negated. bot.planner.merge relates the result to the
current search.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from bot import lexicon as lx
from bot.planner.phrases import Chunk, NounPhrase, chunks, skip_frame
from bot.planner.spelling import correct, known_word
from bot.planner.talk import openings, talk, undrawn
from bot.planner.words import COMPOUND_PREPOSITIONS, JUDGEMENTS, REQUEST_VERBS, tag, tags_of
from bot.scope import Context, extract_filters, take_scope

MAX_INPUT = 2000  # parsing cost stays bounded; CLIP only reads ~77 tokens anyway


@dataclass
class Message:
    """What one message says, before it is merged with the previous plan."""

    subject: list[str] = field(default_factory=list)
    mods: list[str] = field(default_factory=list)
    bare: list[str] = field(default_factory=list)  # "beach" named as a thing: a place once there is a thing
    loose: list[str] = field(default_factory=list)  # "swimming": an action for the current thing, or the thing
    pronoun: str | None = None  # "plural" / "singular" for "ones" / "the red one"; "ref" for "them", "it"
    negatives: list[str] = field(default_factory=list)
    filters: list[tuple[str, ...]] = field(default_factory=list)  # (field, op, raw value[, words])
    vague: bool = False  # named "things"/"anything": a new search with no subject of its own
    media: bool = False  # named "pictures"/"scenes": no thing either, but a bare "beach" is then a place
    unseen: list[str] = field(default_factory=list)  # words the search model does not know ("hiii", "arr")
    guessed: bool = False  # the subject is only such words (nothing else was said)
    correction: bool = False  # "no, I meant ...", "actually ...": replaces what it names
    continues: bool = False  # "what about ...", "... instead", "same but ...": same search, one change
    adds: bool = False  # opens with a bare "and" ("and a stone wall"): one more thing in the current scene
    order: str = ""  # "newest" / "oldest"
    notice: str = ""  # a place or camera the collection has no photos of
    drop: set[str] = field(default_factory=set)  # parts of the search let go: "any colour is fine" -> {"color"}
    release: list[str] = field(default_factory=list)  # "drop the purple": let go of it, or exclude it
    back: str = ""  # "go back to the cars": return to the last search for cars
    shift: int = 0  # "the summer before that": the current date range moved back (-1) or on (+1)
    allow: list[str] = field(default_factory=list)  # "red is fine after all": exclusions taken back
    fewer: bool = False  # "fewer of them": the count goes down by one
    also: bool = False  # "... too", "... as well": more of the same kind of change as the last message
    framed: bool = False  # asked as a whole request ("show me ...", "pictures of ..."): a thing named is new
    narrows: bool = False  # "only green apples", "just the kids": fewer of what is shown, not a new search
    definite: bool = False  # "the view from the balcony", "their first dance": a part of what is being searched
    moved: bool = False  # opens with "now", "ok now", "next": on to something else

    @property
    def positive(self) -> bool:
        return bool(self.subject or self.mods or self.bare or self.loose or self.pronoun or self.vague)

    @property
    def anything(self) -> bool:
        return self.positive or bool(self.negatives or self.filters or self.order or self.drop or self.release
                                     or self.back or self.shift or self.allow or self.fewer)


def normalise(text: str) -> str:
    """NFKC, no control characters or emoji, drawn-out words shortened ("moreee"), single spaces, bounded."""
    text = unicodedata.normalize("NFKC", str(text)[: MAX_INPUT * 2]).replace("\u2019", "'")
    text = "".join(" " if unicodedata.category(c)[0] == "C" or unicodedata.category(c) == "So" else c for c in text)
    text = re.sub(r"[a-zA-Z]*([a-zA-Z])\1{2,}[a-zA-Z]*", lambda m: undrawn(m[0]), text)
    text = re.sub(r"\b\d{1,3}\s*/\s*10\b", " ", text)  # "10/10 thanks": a rating, not a count
    return re.sub(r"\s+", " ", text).strip()[:MAX_INPUT]


def read_message(raw: str, context: Context | None = None) -> Message:
    """Split one message into the thing, grouped modifiers, negatives and filters (dates, places and cameras
    among them, resolved with `context`)."""
    ctx = context or Context()
    filters, rest = extract_filters(raw)
    msg = Message(filters=list(filters))
    low = openings(rest.lower().strip(), msg)
    scope, low = take_scope(low, rest, ctx)
    msg.filters += scope.filters
    msg.order, msg.notice, msg.shift = scope.order, scope.notice, scope.shift
    low = openings(talk(low, msg), msg)
    msg.also = bool(re.search(r"\b(?:too|as well|either|also)\W*$", low))
    clauses = [c for c in re.split(r"\s*[.;!?]+\s*|\s*,\s*(?:but|and then)\s+|\s+but\s+", low) if c.strip()]
    for n, clause in enumerate(clauses):
        _take(_clause_chunks(clause, msg, ctx.known), msg, ctx.known, later=n > 0)
    if re.match(r"(?:where|when|while|whilst)\b", low) and msg.pronoun is None:
        msg.pronoun = "ref"  # "where ella is dressed as a sheep": a relative clause on what is being searched
    if raw.rstrip().endswith("?") and msg.subject and len(low.split()) <= 3 and not (msg.mods or msg.pronoun):
        msg.continues = True  # "houses?", "and boats?": the same search, asked about another thing
    if _unreadable(msg, rest):
        msg.notice = f"I couldn't read “{' '.join(msg.subject)}”. Tell me what to look for, e.g. 'dogs on a beach'."
    if not msg.subject and msg.unseen and not (msg.mods or msg.bare or msg.loose or msg.negatives or msg.filters
                                               or msg.pronoun or msg.vague or msg.media or msg.drop or msg.release):
        msg.subject, msg.guessed = msg.unseen, True  # "dogs" to a model that never saw one: the floor says so
    return msg


_COMPOUND = re.compile(r"\b(" + "|".join(COMPOUND_PREPOSITIONS) + r")\b")


def _unreadable(msg: Message, raw: str) -> bool:
    """Only letters that make no word ("asdfgh", "qwrtzp"): neither English, nor a word CLIP knows, nor a name
    written with a capital. A question back beats a search for nothing."""
    said = [w for w in msg.subject if w != "and"]
    return bool(said) and not (msg.mods or msg.bare or msg.loose or msg.negatives or msg.filters or msg.pronoun) \
        and all(_salad(w) and w.capitalize() not in raw and w.upper() not in raw for w in said)


def _salad(word: str) -> bool:
    """No word and not shaped like one: no vowel, or four consonants in a row ("asdfgh"; "macarons" is a word)."""
    if known_word(word) or known_word(lx.singular(word)) or known_word(word.rstrip("s")):
        return False
    return not re.search(r"[aeiouy]", word) or bool(re.search(r"[b-df-hj-np-tv-xz]{4,}", word))


def _clause_chunks(clause: str, msg: Message, known: Callable[[str], bool] | None) -> list[Chunk]:
    clause = _COMPOUND.sub(lambda m: m[1].replace(" ", "_"), clause.replace("#", " "))
    clause = re.sub(r"(?:^|\s)[-–—]+(?=\s|$)", " , ", clause)  # a dash between words is a pause
    # a word in quote marks is the word ("not 'obviously'"); a quote mark alone is no word
    words = [correct(w[1:-1] if len(w) > 2 and w[0] == w[-1] == "'" else w, known)
             for w in re.findall(r"[\w'#-]+|,", clause) if w.strip("'")]
    out: list[Chunk] = []
    for part in " ".join(words).split(" , "):
        tags = tag([w for w in part.split() if w != ","])
        if _comment(tags):
            continue
        request = skip_frame(tags)
        msg.narrows = msg.narrows or bool({t.word for t in tags[:1] + tags[-1:] + request[:1]} & {"only", "just"})
        asked = any(t.word in REQUEST_VERBS for t in tags[: len(tags) - len(request)])  # "show me my parrot"
        msg.definite = msg.definite or bool(request) and not asked and (
            request[0].kind == "poss" or request[0].word in ("the", "their", "his", "her"))
        found = chunks(request)
        if found and found[0].kind == "act" and not found[0].negated:
            found[0] = Chunk("loose", words=found[0].words)  # "skiing with friends": the activity is the thing
        out += found
    return out


_THIRD = frozenset({"he", "she", "they", "it", "this", "that", "these", "those", "he's", "she's", "it's", "they're",
                    "that's"})


def _comment(tags: list) -> bool:  # noqa: ANN001
    """"she's very happy", "that is lovely": a clause about someone or the answer, with nothing to find."""
    return len(tags) > 1 and tags[0].word in _THIRD and all(t.kind in ("aux", "chat", "adj") for t in tags[1:]) \
        and tags[-1].kind == "adj" and tags[-1].word not in lx.COLORS and tags[-1].word not in lx.SIZES


def _take(found: list[Chunk], msg: Message, known: Callable[[str], bool] | None, later: bool) -> None:
    heads: list[list[str]] = []
    for c in found:
        if c.negated:
            msg.negatives += [n for n in [_negative(c, known)] if n]
        elif c.kind == "np":
            _noun_phrase(c.np, msg, heads, known)
        elif c.kind == "pp" and c.prep == "like" and msg.vague and not heads and c.np.nouns:
            msg.vague = False  # "something like two dogs": the dogs are the thing
            _noun_phrase(c.np, msg, heads, known)
        elif c.kind == "pp" and c.prep == "of" and not heads and not msg.subject and c.np.nouns:
            _noun_phrase(c.np, msg, heads, known)  # "i dream of a lone tree": what the verb is about
        elif c.kind == "pp" and c.prep != "of" and not _purpose(c):
            msg.mods += [m for m in [_placed(c, known, msg)] if m]
        elif c.kind == "act":
            msg.mods += [m for m in [_seen(c.words, known, msg)] if m]
        elif c.kind == "loose":
            msg.loose += [m for m in [_seen(c.words, known, msg)] if m]
    if heads:
        subject = [w for head in heads for w in [*head, "and"]][:-1]
        if msg.subject and later and not msg.correction and subject != msg.subject:
            msg.correction = msg.correction or False
        msg.subject = subject


def _purpose(c: Chunk) -> bool:
    """"for my presentation", "for making a card": why the person asks, not what the picture shows ("a table set
    for a dinner party", "the warranty for the washing machine" keep theirs)."""
    return c.prep == "for" and (c.np.owned or not c.np.nouns)


# Judging adjectives that, said right before a thing's name, are part of it ("best man", "new year", "great wall")
_NAMING = frozenset({"nice", "good", "great", "perfect", "best", "bad", "awesome", "amazing", "cool", "fine", "new"})


def _noun_phrase(np: NounPhrase, msg: Message, heads: list[list[str]], known: Callable[[str], bool] | None) -> None:
    if np.nouns and np.adjectives and np.adjectives[-1] in _NAMING and not (np.ref or np.media or np.vague):
        np.nouns = [np.adjectives.pop(), *np.nouns]
    msg.mods += [lx.DIGITS.get(w) or lx.COUNTS.get(w, w) for w in np.counts]
    msg.mods += [m for m in (_adjective(a, known, msg) for a in _shades(_joined(np.adjectives))) if m]
    if np.ref:
        msg.pronoun = np.ref if msg.pronoun in (None, "ref") else msg.pronoun
    msg.media, msg.vague = msg.media or np.media, msg.vague or np.vague
    msg.framed = msg.framed or np.framed  # "pictures of my grandma's garden": a new request
    nouns = [n for n in np.nouns if n not in JUDGEMENTS or n in _NAMING and n != np.nouns[-1]]
    if not nouns:
        return
    if np.loose:
        msg.loose += nouns
        msg.framed = msg.framed or np.framed
    elif len(nouns) == 1 and (nouns[0] in lx.PLACES or nouns[0] in lx.TIMES or lx.singular(nouns[0]) in lx.PLACES):
        msg.bare.append(nouns[0] if nouns[0] in lx.PLACES or nouns[0] in lx.TIMES else lx.singular(nouns[0]))
    else:
        seen = [n for n in nouns if n == "and" or n == "of" or known is None or known(n)]
        msg.unseen += [n for n in nouns if n not in seen]
        if [n for n in seen if n not in ("and", "of")]:
            heads.append(_tidy_joins(seen))


def _tidy_joins(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        if w in ("and", "of") and (not out or out[-1] in ("and", "of")):
            continue
        out.append(w)
    return out[:-1] if out and out[-1] in ("and", "of") else out


def _joined(adjectives: list[str]) -> list[str]:
    """"black and white" is one look, not black and then white."""
    out: list[str] = []
    for a in adjectives:
        if out and (a == "and" or out[-1].endswith(" and")):
            out[-1] = f"{out[-1]} {a}"
        else:
            out.append(a)
    return out


def _shades(adjectives: list[str]) -> list[str]:
    """"dark blue" is one colour, not the dark of night and blue; so is a thing's name before a colour ("sage
    green", "navy blue", "flat white"): a shade named after the thing."""
    out: list[str] = []
    for a in adjectives:
        shade = bool(out) and (out[-1] in ("dark", "light", "pale", "bright", "deep") or "NOUN" in tags_of(out[-1])
                               and out[-1] not in lx.COLORS and out[-1] not in lx.SIZES)
        if shade and a in lx.COLORS:
            out[-1] = f"{out[-1]} {a}"
        else:
            out.append(a)
    return out


def _adjective(word: str, known: Callable[[str], bool] | None, msg: Message) -> str:
    if word in JUDGEMENTS:
        return ""
    if word in lx.COLORS and known is None:
        return word  # "grey" stays the person's word; a closed-vocabulary model gets the tables' spelling
    for table in (lx.COLORS, lx.SIZES):
        if word in table:
            return table[word]
    if word in lx.TIMES or word in lx.PLACES:
        return lx.place_or_time(word)
    return _seen(word, known, msg)


def _placed(c: Chunk, known: Callable[[str], bool] | None, msg: Message) -> str:
    """A prepositional phrase in the person's words ("at the lake", "over the ocean", "with a ball"); a colour
    said as a place ("in blue") is the colour; "move them to the snow" is in the snow."""
    nouns = c.np.nouns
    if len(nouns) == 1 and nouns[0] in lx.COLORS and c.prep in ("in", "into"):
        return lx.COLORS[nouns[0]]
    if c.prep in ("to", "into") and len(nouns) == 1 and (nouns[0] in lx.PLACES or lx.singular(nouns[0]) in lx.PLACES):
        return lx.usual_wording(c.words)
    if c.prep == "to" and not nouns:
        return ""
    return _seen(c.words, known, msg)


def _seen(words: str, known: Callable[[str], bool] | None, msg: Message) -> str:
    """A phrase with the words the search model never saw left out (and noted); nothing when its last
    content word is one of them ("on a sofa" to a model that knows no sofa)."""
    if known is None:
        return words
    parts = words.split()
    usual = lx.usual_wording(words)
    if usual != words and not all(known(w) for w in parts if w.isalpha()) and all(known(w) for w in usual.split()):
        return usual  # "by moonlight" to a model that knows "at night": the model's own wording
    missing = [w for w in parts if w.isalpha() and len(w) > 2 and not known(w) and w not in lx.STOPWORDS]
    msg.unseen += missing
    if missing and parts[-1] in missing or len(missing) == len([w for w in parts if w not in lx.STOPWORDS]):
        return ""
    return " ".join(w for w in parts if w not in missing)


def _negative(c: Chunk, known: Callable[[str], bool] | None) -> str:
    """What a negation names: the thing ("no pineapple on it"), the place's thing ("not on the beach"), the
    adjective ("not the blurry ones"), or the count ("not 3")."""
    np = c.np
    if c.kind == "act" or c.kind == "pp" and not np.nouns:  # "not outside"
        text = c.words
    elif np.counts and (c.kind == "np" or c.prep == "with"):  # "not just one tree": the count, not the trees
        text = " ".join(lx.DIGITS.get(w) or lx.COUNTS.get(w, w) for w in np.counts)
    elif np.nouns or np.adjectives:
        text = " ".join(_tidy_joins([*np.adjectives, *np.nouns]))
    else:
        text = " ".join(lx.DIGITS.get(w) or w for w in np.counts)
    words = [lx.canonical_word(w) for w in text.split() if w not in JUDGEMENTS]
    if known is not None:
        words = [w for w in words if known(w) or w == "and"]
    return " ".join(_tidy_joins(words))
