"""A request's words grouped by grammar: noun phrases with their modifiers, prepositional phrases, participle
and relative clauses, coordinations and negations.

"a man riding a bicycle in the rain" -> thing [man], action "riding a bicycle", where "in the rain";
"photos of my dog where he is swimming" -> thing [dog] (the photos are the medium), action "swimming";
"mountains with snow on top" -> thing [mountains], with "with snow on top"; "no pineapple on it" -> negative
"pineapple". The words come from bot.planner.words; the parser is a small left-to-right chunker, not a full
grammar: a photo request is a noun phrase and the phrases that hang off it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot import lexicon as lx
from bot.planner.words import (
    AGED,
    KIN,
    MEDIA,
    META,
    QUANTITIES,
    RELATIONAL,
    REQUEST_VERBS,
    Tag,
    gerund,
    participle,
    tags_of,
)

_NP_KINDS = frozenset({"det", "poss", "num", "adj", "noun", "media", "vague", "pron", "ing", "part"})
_FRAME_KINDS = frozenset({"pron", "aux", "chat"})
_PARTICLES = frozenset({"up", "down", "out", "off", "around", "over", "away", "back"})
_LEADING = frozenset({"all", "some", "any", "just", "only", "both", "such", "more", "even", "really", "very"})
_SPEAKERS = frozenset({"i", "we", "you", "u", "ya", "i'm", "we're", "you're", "i'd", "i've", "we'd", "let's"})
# Pronouns that are the subject of a clause: after a noun phrase they open a relative clause ("the bowl i had").
_CLAUSE_SUBJECTS = _SPEAKERS | frozenset({"he", "she", "they", "he's", "she's", "they're", "they've"})
_ADVERBIAL = frozenset({"outside", "inside", "underneath", "nearby", "upstairs", "downstairs", "overhead", "below",
                        "above", "behind"})


@dataclass
class NounPhrase:
    nouns: list[str] = field(default_factory=list)  # the thing, compounds kept: ["birthday", "cake"]
    adjectives: list[str] = field(default_factory=list)  # "black and white" stays one
    counts: list[str] = field(default_factory=list)
    ref: str = ""  # "plural" for "ones", "singular" for "one", "ref" for "them", "it"
    media: bool = False  # "photos", "pics": the medium, not the thing
    vague: bool = False  # "anything", "stuff"
    loose: bool = False  # only an -ing word that may be an action ("swimming")
    owned: bool = False  # "my presentation": someone's
    framed: bool = False  # "pictures of ...": asked as a request of its own

    @property
    def empty(self) -> bool:
        return not (self.nouns or self.adjectives or self.counts or self.ref or self.media or self.vague)

    def text(self) -> str:
        return " ".join([*self.adjectives, *self.nouns])


@dataclass
class Chunk:
    """One piece of a request: a thing ("np"), a prepositional phrase ("pp"), an action ("act")."""

    kind: str
    np: NounPhrase = field(default_factory=NounPhrase)
    words: str = ""  # the phrase as it goes to the search ("riding a bicycle", "on a sofa")
    prep: str = ""
    negated: bool = False


def skip_frame(tags: list[Tag]) -> list[Tag]:
    """The request without its frame: "can you show me", "do you have any", "i'm looking for", "is there"."""
    i = 0
    while i < len(tags):
        t = tags[i]
        framing = t.kind in _FRAME_KINDS and t.word not in ("ones", "one")
        framing = framing or t.word in REQUEST_VERBS and i + 1 < len(tags)
        framing = framing or t.word in ("to", "for", "at", "on", "with") and i > 0 and tags[i - 1].word in REQUEST_VERBS
        framing = framing or t.word == "there" or t.word in _PARTICLES and i > 0 and tags[i - 1].word in REQUEST_VERBS
        if not framing:
            break
        i += 1
    return tags[i:]


def chunks(tags: list[Tag]) -> list[Chunk]:
    """The clause's chunks in order (its frame already skipped)."""
    out: list[Chunk] = []
    i, negated = 0, False
    while i < len(tags):
        t = tags[i]
        if t.kind == "neg":
            negated, i = True, i + 1
            continue
        if t.kind == "conj":
            if t.word == "and" and out and out[-1].prep == "with" and not negated and _np_follows(tags, i + 1):
                np, end = noun_phrase(tags, i + 1)  # "with snow on top and a lake in front": one with-phrase
                out[-1].words += " and " + " ".join([*_kept_determiners(tags, i + 1, end), np.text()])
                i = end
                continue
            negated = negated and t.word in ("or", "nor", "and") and _np_follows(tags, i + 1)
            i += 1
            continue
        start = i
        if t.word in _SPEAKERS:  # "the ones i took", "the dog we had": about the person, not the picture
            i = _speaker_clause(tags, i, out)
            continue
        if t.kind == "neg" and i + 1 < len(tags) and tags[i + 1].word == "of":
            negated, i = True, i + 2  # "none of the red ones"
            continue
        if t.kind in _NP_KINDS:
            np, i = noun_phrase(tags, i)
            if not np.empty:
                out.append(Chunk("np", np, negated=negated))
        elif t.kind == "prep":
            i = _prepositional(tags, i, out, negated)
        elif t.kind in ("ving", "ven", "verb"):
            i = _action(tags, i, out, negated)
        i = max(i, start + 1)  # anything else (a relative word, an auxiliary, an adverb) is glue
    return out


def _speaker_clause(tags: list[Tag], i: int, out: list[Chunk]) -> int:
    """Past the person's own clause: "the ones i took", "the sink i sent the plumber" (what the person did, and
    to whom, is not in the picture), but "the scarf i knitted" is a knitted scarf; after "where" ("the one where
    i'm holding my medal") the person is in the picture, so only the pronoun and its auxiliary go."""
    if i > 0 and tags[i - 1].word in ("where", "when", "while", "whilst"):
        i += 1
        while i < len(tags) and tags[i].kind in ("aux", "chat"):
            i += 1
        return i
    i, own = i + 1, ""
    while i < len(tags) and (tags[i].kind in ("aux", "verb", "ving", "ven", "chat") or tags[i].word in
                             REQUEST_VERBS or tags[i].word in _PARTICLES):
        if tags[i].kind in ("verb", "ven") and tags[i].word not in REQUEST_VERBS:
            own = tags[i].word
        i += 1
    if i + 1 < len(tags) and tags[i].kind == "adj" and tags[i + 1].kind == "prep":
        return i + 2  # "i'm partial to", "we're keen on": how the person feels, then what about
    if own and i < len(tags) and tags[i].kind in ("det", "poss"):
        _, i = noun_phrase(tags, i)  # "i sent the plumber": the object of the person's act
    elif own and out and out[-1].kind == "np":
        out.append(Chunk("act", words=participle(own)))
    return i


def _np_follows(tags: list[Tag], i: int) -> bool:
    return i < len(tags) and tags[i].kind in _NP_KINDS


def noun_phrase(tags: list[Tag], i: int, head: bool = False) -> tuple[NounPhrase, int]:
    """The noun phrase starting at i: determiners, counts, adjectives, nouns; "black and white" and "cats and
    dogs" are one phrase; "photos of my dog" is the dog."""
    np, start = NounPhrase(), i
    while i < len(tags) and tags[i].word in _LEADING:
        i += 1
    while i < len(tags) and tags[i].kind in _NP_KINDS | {"conj"}:
        t = tags[i]
        if t.kind in ("det", "poss", "num") and np.nouns:
            break  # "crossing a viaduct": a new phrase begins
        if t.word in _CLAUSE_SUBJECTS and i > start:
            break  # "the ramen i had in tokyo": a subject pronoun after the phrase opens a relative clause
        if t.kind == "conj":
            if t.word != "and" or not _coordinated(tags, i, np):
                break
            (np.adjectives if tags[i - 1].kind == "adj" else np.nouns).append("and")
        elif t.kind == "num":
            np.counts.append(t.word)
        elif t.kind == "part":  # "boarding pass", "sleeping cat" name the thing; "stained glass" describes it
            (np.nouns if t.word.endswith("ing") else np.adjectives).append(t.word)
        elif t.kind == "adj" and np.nouns and _noun_too(t.word):
            np.nouns.append(t.word)  # "ice cream": a noun after a noun is the same thing's name
        elif t.kind == "adj":
            np.adjectives.append(t.word)
        elif t.kind in ("noun", "ing") and t.word in META and not _names_next(tags, i):
            pass  # "wrong colour", "street background": the search's own vocabulary ("times square" is a name)
        elif t.kind in ("noun", "ing"):
            aged = t.word[:-2] in AGED  # "my grandpa's old truck" says whose, and so who is in it
            if aged or not (t.word.endswith("'s") and (np.nouns[-1:] and np.nouns[-1] in KIN or t.word[:-2] in KIN
                                                       or _after_possessive(tags, i))):
                np.nouns.append(t.word.removesuffix("'s") if t.word.endswith("'s") and not aged else t.word)
            np.loose = t.kind == "ing" and len(np.nouns) == 1 and not (np.adjectives or np.counts)
        elif t.kind == "media":
            np.media = True
        elif t.kind == "poss":
            np.owned = True
        elif t.kind == "vague":
            np.vague = True
        elif t.kind == "pron":
            np.ref = {"ones": "plural", "one": "singular"}.get(t.word, "ref")
        i += 1
    if np.vague and any(t.word in ("the", "those", "these", "that", "this") for t in tags[start:i]):
        np.vague, np.ref = False, np.ref or "ref"  # "just the red stuff": the things shown, not anything red
    np.adjectives = _trim_and(np.adjectives)
    np.nouns = _trim_and(np.nouns)
    determined = any(t.kind in ("det", "poss") for t in tags[start:i])
    if np.ref and np.nouns:  # "a baby one": the noun describes the one
        np.adjectives, np.nouns = np.adjectives + np.nouns, []
    elif (head or determined) and not np.nouns and not np.ref and np.adjectives and _noun_too(np.adjectives[-1]):
        np.nouns = [np.adjectives.pop()]  # "pics of mum", "my daughter": where a thing must be, the last word is it
    quantity = len(np.nouns) == 1 and lx.singular(np.nouns[0]) in QUANTITIES
    if i < len(tags) - 1 and tags[i].word == "of" and (np.media or np.vague or not np.nouns or quantity):
        inner, j = noun_phrase(tags, i + 1, head=True)  # "photos of my dog", "some of the cats", "a pair of them"
        if inner.nouns or inner.ref:
            described = [] if quantity else np.nouns  # "night pictures of houses": houses at night
            inner.adjectives = np.adjectives + described + inner.adjectives
            inner.counts = np.counts + ([QUANTITIES[lx.singular(np.nouns[0])]] if quantity else []) + inner.counts
            inner.framed = np.media
            inner.ref = inner.ref or np.ref  # "closer ones of the singer": shown ones, of a part of the scene
            return inner, j
    if np.nouns and i < len(tags) - 1 and tags[i].word == "of" and tags[i + 1].kind in ("noun", "det", "adj", "num",
                                                                                       "poss", "part", "ing"):
        inner, j = noun_phrase(tags, i + 1)  # "a bowl of soup", "the top of a mountain"
        if inner.nouns and not inner.ref:
            np.nouns += ["of", *inner.adjectives, *inner.nouns]
            return np, j
    return np, i


def _names_next(tags: list[Tag], i: int) -> bool:
    """A word of the search's vocabulary that names the noun after it ("times square", "place card")."""
    return i + 1 < len(tags) and tags[i + 1].word not in META and (
        tags[i + 1].kind == "noun" or tags[i + 1].kind == "adj" and _noun_too(tags[i + 1].word))


def _noun_too(word: str) -> bool:
    return "NOUN" in tags_of(word) and word not in lx.COLORS and word not in lx.SIZES and word != "and"


def _after_possessive(tags: list[Tag], i: int) -> bool:
    return i > 0 and tags[i - 1].kind == "poss"


def _coordinated(tags: list[Tag], i: int, np: NounPhrase) -> bool:
    """"black and white", "cats and dogs": the same class on both sides of "and"."""
    if i + 1 >= len(tags) or i == 0:
        return False
    left, right = tags[i - 1].kind, tags[i + 1].kind
    if left == "adj" and right == "adj":
        return True
    # "cats and dogs"; before a determiner ("the station and the tunnel") a new phrase starts, so the "and" is
    # left to the chunker, which keeps a with-phrase together
    return left == "noun" and right in ("noun", "adj") and bool(np.nouns)


def _trim_and(words: list[str]) -> list[str]:
    while words and words[-1] == "and":
        words.pop()
    return words


def _prepositional(tags: list[Tag], i: int, out: list[Chunk], negated: bool) -> int:
    """A prepositional phrase: its noun phrase, and "on top", "in front" joined to the phrase before it."""
    prep = tags[i].word
    np, j = noun_phrase(tags, i + 1, head=True)
    if j < len(tags) and not np.nouns and tags[j].kind == "adv":
        np.nouns, j = [tags[j].word], j + 1
    if not np.nouns and not np.ref and j == i + 1 and prep in _ADVERBIAL:
        out.append(Chunk("pp", np, prep, prep, negated))  # "outside", "inside": a place without an object
        return j
    if not np.nouns and not np.ref and (np.counts or np.adjectives):
        out.append(Chunk("np", np, negated=negated))  # "in blue", "with 3 things in them": what the thing is like
        return j
    if np.ref and not negated:
        out.append(Chunk("np", NounPhrase(ref="ref")))  # "upon them", "in it": the thing already searched
        return j
    if not np.nouns:
        return j
    counts = [lx.DIGITS.get(c) or c for c in np.counts]
    text = " ".join(w for w in [prep.replace("_", " "), *_kept_determiners(tags, i + 1, j), *counts, *np.adjectives,
                                *np.nouns] if w)
    relational = np.nouns[-1] in RELATIONAL and len(np.nouns) == 1
    if relational and out and out[-1].negated:
        return j  # "no cars in the background": the cars are what is not wanted
    if relational and out and out[-1].kind in ("pp", "act") and not negated:
        out[-1].words += " " + text  # "with snow on top", "a lake in front"
    else:
        out.append(Chunk("pp", np, text, prep, negated))
    return j


def _kept_determiners(tags: list[Tag], i: int, j: int) -> list[str]:
    """"in my garden" reads "in the garden": whose it is, the model cannot see."""
    dets = [t for t in tags[i:j] if t.kind in ("det", "poss")]
    if not dets:
        return []
    word = dets[0].word
    return ["the"] if dets[0].kind == "poss" else [word] if word in ("a", "an", "the") else []


def _action(tags: list[Tag], i: int, out: list[Chunk], negated: bool) -> int:
    """A participle or verb and its object: "riding a bicycle", "parked", "sleeps" -> "sleeping"."""
    verb = tags[i].word
    if verb in REQUEST_VERBS and tags[i].kind != "ving":
        return i + 1
    words = [gerund(verb) if tags[i].kind == "verb" else verb]
    rest: list[Chunk] = []
    j = i + 1
    if j < len(tags) and tags[j].word in _PARTICLES and tags[j].kind != "noun":
        words.append(tags[j].word)
        j += 1
    if j < len(tags) and tags[j].kind in ("det", "poss", "num", "adj", "noun"):
        np, k = noun_phrase(tags, j)
        if np.nouns and not np.ref:
            words += [*_kept_determiners(tags, j, k), *np.adjectives, *np.nouns]
            j = k
    if tags[i].kind == "ven" and j < len(tags) and tags[j].kind == "prep" and tags[j].word not in ("with", "for"):
        rest = []  # "covered in snow", "parked in the garage": the place belongs to the participle
        j = _prepositional(tags, j, rest, negated)
        words += [c.words for c in rest]
    if j + 1 < len(tags) and tags[j].word == "to" and tags[j + 1].kind in ("verb", "noun", "ving") \
            and "VERB" in tags_of(tags[j + 1].word):
        rest = []  # "learning to ride a bike": the purpose belongs to the action
        j = _action(tags, j + 1, rest, negated)
        words += ["to", *(c.words for c in rest)]
    out.append(Chunk("act", words=" ".join(words), negated=negated))
    return j


__all__ = ["Chunk", "NounPhrase", "chunks", "noun_phrase", "skip_frame", "MEDIA"]
