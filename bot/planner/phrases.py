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

from bot.planner.words import KIN, MEDIA, RELATIONAL, REQUEST_VERBS, Tag, gerund

_NP_KINDS = frozenset({"det", "poss", "num", "adj", "noun", "media", "vague", "pron", "ing"})
_FRAME_KINDS = frozenset({"pron", "aux", "chat"})
_PARTICLES = frozenset({"up", "down", "out", "off", "around", "over", "away", "back"})


@dataclass
class NounPhrase:
    nouns: list[str] = field(default_factory=list)  # the thing, compounds kept: ["birthday", "cake"]
    adjectives: list[str] = field(default_factory=list)  # "black and white" stays one
    counts: list[str] = field(default_factory=list)
    ref: str = ""  # "plural" for "ones", "singular" for "one", "ref" for "them", "it"
    media: bool = False  # "photos", "pics": the medium, not the thing
    vague: bool = False  # "anything", "stuff"
    loose: bool = False  # only an -ing word that may be an action ("swimming")

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
        framing = t.kind in _FRAME_KINDS and t.word not in ("ones",) or t.word in REQUEST_VERBS and i + 1 < len(tags)
        framing = framing or t.word in ("to", "for", "at") and i > 0 and tags[i - 1].word in REQUEST_VERBS
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


def _np_follows(tags: list[Tag], i: int) -> bool:
    return i < len(tags) and tags[i].kind in _NP_KINDS


def noun_phrase(tags: list[Tag], i: int) -> tuple[NounPhrase, int]:
    """The noun phrase starting at i: determiners, counts, adjectives, nouns; "black and white" and "cats and
    dogs" are one phrase; "photos of my dog" is the dog."""
    np, start = NounPhrase(), i
    while i < len(tags) and tags[i].kind in _NP_KINDS | {"conj"}:
        t = tags[i]
        if t.kind == "conj":
            if t.word != "and" or not _coordinated(tags, i, np):
                break
            (np.adjectives if tags[i - 1].kind == "adj" else np.nouns).append("and")
        elif t.kind == "num":
            np.counts.append(t.word)
        elif t.kind == "adj":
            np.adjectives.append(t.word)
        elif t.kind in ("noun", "ing"):
            if not (t.word.endswith("'s") and (np.nouns[-1:] and np.nouns[-1] in KIN or t.word[:-2] in KIN
                                              or _after_possessive(tags, i))):
                np.nouns.append(t.word.removesuffix("'s") if t.word.endswith("'s") else t.word)
            np.loose = t.kind == "ing" and len(np.nouns) == 1 and not (np.adjectives or np.counts)
        elif t.kind == "media":
            np.media = True
        elif t.kind == "vague":
            np.vague = True
        elif t.kind == "pron":
            np.ref = {"ones": "plural", "one": "singular"}.get(t.word, "ref")
        i += 1
    if np.vague and any(t.word in ("the", "those", "these", "that", "this") for t in tags[start:i]):
        np.vague, np.ref = False, np.ref or "ref"  # "just the red stuff": the things shown, not anything red
    np.adjectives = _trim_and(np.adjectives)
    np.nouns = _trim_and(np.nouns)
    if np.nouns and np.nouns[-1] in KIN and len(np.nouns) > 1:
        pass  # "family dinner" keeps its words; only possessives of people are dropped
    if i < len(tags) - 1 and tags[i].word == "of" and (np.media or np.vague or not np.nouns):
        inner, j = noun_phrase(tags, i + 1)  # "photos of my dog", "some of the cats"
        if inner.nouns or inner.ref:
            inner.adjectives = np.adjectives + inner.adjectives
            inner.counts = np.counts + inner.counts
            return inner, j
    if np.nouns and i < len(tags) - 1 and tags[i].word == "of" and tags[i + 1].kind in ("noun", "det", "adj", "num"):
        inner, j = noun_phrase(tags, i + 1)  # "a bowl of soup", "the top of a mountain"
        if inner.nouns and not inner.ref:
            np.nouns += ["of", *inner.adjectives, *inner.nouns]
            return np, j
    return np, i


def _after_possessive(tags: list[Tag], i: int) -> bool:
    return i > 0 and tags[i - 1].kind == "poss"


def _coordinated(tags: list[Tag], i: int, np: NounPhrase) -> bool:
    """"black and white", "cats and dogs": the same class on both sides of "and"."""
    if i + 1 >= len(tags) or i == 0:
        return False
    left, right = tags[i - 1].kind, tags[i + 1].kind
    if left == "adj" and right == "adj":
        return True
    return left == "noun" and right in ("noun", "det", "adj") and bool(np.nouns)


def _trim_and(words: list[str]) -> list[str]:
    while words and words[-1] == "and":
        words.pop()
    return words


def _prepositional(tags: list[Tag], i: int, out: list[Chunk], negated: bool) -> int:
    """A prepositional phrase: its noun phrase, and "on top", "in front" joined to the phrase before it."""
    prep = tags[i].word
    np, j = noun_phrase(tags, i + 1)
    if j < len(tags) and not np.nouns and tags[j].kind == "adv":
        np.nouns, j = [tags[j].word], j + 1
    if not np.nouns and np.adjectives:  # "on top": a relational word tagged as an adjective
        np.nouns, np.adjectives = np.adjectives[-1:], np.adjectives[:-1]
    if not np.nouns or np.ref:
        return j  # "on it", "in them": nothing new
    text = " ".join(w for w in [prep, *_kept_determiners(tags, i + 1, j), *np.adjectives, *np.nouns] if w)
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
    j = i + 1
    if j < len(tags) and tags[j].word in _PARTICLES and tags[j].kind != "noun":
        words.append(tags[j].word)
        j += 1
    if j < len(tags) and tags[j].kind in ("det", "poss", "num", "adj", "noun"):
        np, k = noun_phrase(tags, j)
        if np.nouns and not np.ref:
            words += [*_kept_determiners(tags, j, k), *np.adjectives, *np.nouns]
            j = k
    out.append(Chunk("act", words=" ".join(words), negated=negated))
    return j


__all__ = ["Chunk", "NounPhrase", "chunks", "noun_phrase", "skip_frame", "MEDIA"]
