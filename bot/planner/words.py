"""English word classes for reading a request: the closed classes (determiners, pronouns, prepositions,
auxiliaries ...) written out once, the open classes (nouns, verbs, adjectives) looked up in lemminflect's
part-of-speech tables, and a few context rules that settle words that can be both ("park", "black", "swimming").

Nothing here knows what a collection or a model holds: every English word is a possible thing to find.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lemminflect import getAllInflections, getAllLemmas, getInflection

from bot import lexicon as lx


def _w(words: str) -> frozenset[str]:
    return frozenset(words.split())


DETERMINERS = _w("a an the this that these those some any each every another such no")
POSSESSIVES = _w("my our your his her their its whose")
PERSONAL = _w("i me you we us he him she her they them it myself yourself ourselves themselves itself u ya "
              "i'm i've i'd you're we're they're he's she's it's there's that's who's someone somebody")
REFERRING = _w("it them they those these one ones") - _w("one")  # "one" only after a determiner or adjective
# Prepositions of several words are read as one ("in front of" -> "in_front_of": bot.planner.read joins them).
COMPOUND_PREPOSITIONS = ("in front of", "next to", "on top of", "in the middle of", "out of", "close to",
                         "at the back of", "in the back of", "on the side of", "at the bottom of", "at the top of",
                         "far from", "away from", "all over", "together with")
PREPOSITIONS = lx.ALL_PREPOSITIONS | {"for"} | {p.replace(" ", "_") for p in COMPOUND_PREPOSITIONS}
COORDINATORS = _w("and or nor but plus")
AUXILIARIES = _w("am is are was were be been being do does did have has had can could will would shall should may "
                 "might must 's 're 'm 'd 've 'll isn't aren't wasn't weren't don't doesn't didn't can't couldn't "
                 "won't wouldn't shouldn't haven't hasn't gotta")
RELATIVES = _w("where that which who whom whose when while whilst where's what's when's how's")
NEGATORS = _w("not no never without except excluding exclude avoid minus nothing none nor n't neither")
# Verbs that frame a request or a wish rather than describe a picture ("show me", "I want", "do you have").
REQUEST_VERBS = _w(
    "show showing shows showed find finding found get getting got give giving gimme want wanted wants wanna need "
    "needs needed like liked likes love loved loves see seeing seen look looking looked search searching searched "
    "display displaying pull bring fetch have has had got see let lets let's help remember remembered recall think "
    "thought guess believe suppose reckon wonder wondering hope try trying prefer mean meant said say says ask asked "
    "asking am make making put dig scroll grab keep tell took taken shot snapped captured focus concentrate stick "
    "switch change swap")
# Words around a request that are chat, not content ("only", "please", "lol").
CHATTER = _w(
    "please pls plz only just also really very too so maybe perhaps kinda sorta actually basically literally honestly "
    "lol lmao haha hehe omg ok okay hmm hm um uh erm well oh ah yes yeah yep yup sure thanks thank thx ty cheers "
    "hi hello hey again now then still even quite pretty rather somewhat super totally definitely probably possibly "
    "ideally preferably hopefully anyway anyways btw tbh idk imo fyi here there all any some more else instead "
    "kindly exactly specifically particularly especially mostly mainly obvs obv ofc def defo")
# Nouns that name the photos themselves, not what is in them ("photos of my dog", "beach pics").
MEDIA = _w("photo photos picture pictures pic pics pix image images shot shots snap snaps photograph photographs "
           "scene scenes snapshot snapshots footage")
# Nouns that count what follows them ("a pair of red ones", "a bunch of balloons").
QUANTITIES = {"pair": "a pair of", "couple": "a couple of", "group": "a group of", "trio": "three", "bunch": "many",
              "lot": "many", "lots": "many", "handful": "a few", "number": "several", "few": "a few"}
# Nouns that name no particular thing ("anything yellow", "stuff on the beach").
VAGUE = _w("thing things stuff something anything everything object objects item items whatever")
# People the model cannot tell apart by name: "my sister's wedding" is a wedding.
KIN = _w("mom mum mother dad father parent parents grandma grandmother granny nan nana grandpa grandfather "
         "grandparents sister brother sibling siblings aunt uncle cousin niece nephew wife husband partner "
         "boyfriend girlfriend son daughter kid kids child children baby friend friends family fiance fiancee "
         "neighbor neighbour boss colleague teacher")
# Of those, the ones a picture shows by their age: "nana's 90th party" has an old woman in it, "baby's first
# tooth" a baby; a sister or a friend looks like anyone else.
AGED = _w("grandma grandmother granny nan nana grandpa grandfather grandparents baby kid kids child children")
# Nouns that place a part relative to the thing ("snow on top", "a lake in front"): they belong to the phrase
# before them, not to the search as a whole.
RELATIONAL = _w("top bottom front back side sides middle center centre background foreground edge left right "
                "corner distance inside outside")


@dataclass(frozen=True)
class Tag:
    """A word's class in its sentence: det, poss, pron, prep, conj, aux, rel, neg, num, adj, noun, ving (an -ing
    participle or gerund), ven (a past participle), part (either, before its noun), verb (another verb form), adv,
    chat, media, vague."""

    word: str
    kind: str


def load() -> None:
    """Read lemminflect's tables now: it reads each on first use (the inflections take ~0.5 s), which would
    otherwise land in the middle of whichever turn first needs a verb form."""
    getAllLemmas("photo")
    getAllInflections("photo")


def tags_of(word: str) -> frozenset[str]:
    """lemminflect's parts of speech for a word (empty for words it does not list, such as "selfie")."""
    return frozenset(getAllLemmas(word))


@cache
def open_class(word: str) -> str:
    """The likeliest class of an open-class word out of context: adj, noun, ving, ven, verb, adv, or "ing" for
    an -ing word that is also a noun ("swimming", "wedding"), which only its context settles."""
    pos = tags_of(word)
    if not pos:
        return "noun"  # an unlisted word in a photo request is nearly always a name for a thing ("selfie")
    if word in lx.COLORS or word in lx.SIZES:
        return "adj"
    if "VERB" in pos and word.endswith("ing") and _is_form(word, "VBG"):
        return "ing" if "NOUN" in pos else "ving"
    if "VERB" in pos and _is_form(word, "VBN") and not {"ADJ", "NOUN"} & pos:
        return "ven"
    if "ADJ" in pos:
        return "adj"
    if "NOUN" in pos or "PROPN" in pos:
        return "noun"
    return "verb" if "VERB" in pos else "adv"


@cache
def _is_form(word: str, tag: str) -> bool:
    return any(word in getInflection(lemma, tag=tag) for lemma in getAllLemmas(word).get("VERB", ()))


@cache
def gerund(word: str) -> str:
    """"sleeps" -> "sleeping": a finite verb after its subject reads as a participle in a search phrase."""
    lemmas = getAllLemmas(word).get("VERB", ())
    forms = getInflection(lemmas[0], tag="VBG") if lemmas else ()
    return forms[0] if forms else word


@cache
def participle(word: str) -> str:
    """"ate" -> "eaten", "knitted" -> "knitted": a verb of the person's own clause read as the thing's state."""
    lemmas = getAllLemmas(word).get("VERB", ())
    forms = getInflection(lemmas[0], tag="VBN") if lemmas else ()
    return forms[0] if forms else word


def verb_forms(word: str) -> frozenset[str]:
    lemmas = getAllLemmas(word).get("VERB", ())
    return frozenset(f for lemma in lemmas for fs in getAllInflections(lemma, upos="VERB").values() for f in fs)


def closed_class(word: str) -> str:
    """The closed class of a word, or "" for an open-class word."""
    if word.endswith("n't") and word != "n't":
        return "neg"  # "isn't", "doesn't": the verb's negation reaches what follows
    for kind, members in (("neg", NEGATORS), ("det", DETERMINERS), ("poss", POSSESSIVES), ("rel", RELATIVES),
                          ("pron", PERSONAL), ("prep", PREPOSITIONS), ("conj", COORDINATORS), ("aux", AUXILIARIES),
                          ("media", MEDIA), ("vague", VAGUE), ("chat", CHATTER)):
        if word in members:
            return kind
    if word in lx.DIGITS or word in lx.COUNTS and word not in ("pair", "couple", "group", "trio"):
        return "num"
    return ""


def tag(words: list[str]) -> list[Tag]:
    """Each word's class in context: the closed classes first, then lemminflect for the rest, with the
    contexts that settle a word of two classes ("the park" is a noun, "a parked car" an adjective)."""
    kinds = [closed_class(w) or open_class(w) for w in words]
    for i, w in enumerate(words):
        before = kinds[i - 1] if i else ""
        before = "poss" if before == "noun" and words[i - 1].endswith("'s") else before  # "my sister's wedding"
        kinds[i] = _in_context(w, kinds[i], before, kinds[i + 1] if i + 1 < len(words) else "",
                               words[i - 1] if i else "")
    for i, k in enumerate(kinds):
        if k == "part" and kinds[i + 1:i + 2] == ["adj"] and not _noun_ends(kinds, i + 1):
            kinds[i] = "ving"  # "glowing blue": no noun follows its adjectives, so the -ing word is the verb
        elif _compound_ing(words, kinds, i):
            kinds[i], kinds[i + 1] = "part", "noun"  # "dashboard warning light": one name, its head last
    return [Tag(w, k) for w, k in zip(words, kinds, strict=True)]


def _compound_ing(words: list[str], kinds: list[str], i: int) -> bool:
    """An -ing noun between a noun and a last word that can be a noun, where the phrase ends: a compound."""
    if not (0 < i < len(words) - 1 and kinds[i] in ("ing", "ving") and kinds[i - 1] == "noun"):
        return False
    last, after = words[i + 1], kinds[i + 2] if i + 2 < len(words) else ""
    return "NOUN" in tags_of(words[i]) and kinds[i + 1] == "adj" and "NOUN" in tags_of(last) \
        and last not in lx.COLORS and last not in lx.SIZES and after in ("", "prep", "conj", "rel")


def _noun_ends(kinds: list[str], i: int) -> bool:
    """Whether the run of adjectives from i ends in a noun ("sleeping *black cats*")."""
    while i < len(kinds) and kinds[i] == "adj":
        i += 1
    return i < len(kinds) and kinds[i] in ("noun", "media", "ing", "part")


_NOMINAL = frozenset({"det", "poss", "adj", "num", "prep"})


SUBJECTS = _w("i you we they he she it u")  # "they swim"; not "show me houses"


def _in_context(w: str, kind: str, before: str, after: str, before_word: str = "") -> str:
    if w == "ones" or w == "one" and before in ("det", "adj", "poss", "num", "pron", "noun"):
        return "pron"  # "the red one", "the black ones"
    if kind in ("ving", "ven", "ing") and after in ("noun", "media", "adj") and before not in ("noun", "pron", "ing"):
        return "part"  # "a sleeping cat", "boarding pass", "parked cars", "wedding photos": before its noun
    if kind == "ing":
        if before in _NOMINAL:
            return "noun"
        return "ving" if before in ("noun", "pron", "aux", "rel", "ving") or after in ("det", "poss", "prep") else kind
    pos = tags_of(w)
    if kind == "verb" and before in ("det", "poss", "adj"):
        return "noun"  # "the vet"
    if kind == "noun" and "VERB" in pos and before_word in SUBJECTS:
        return "verb"  # "they swim", "he is playing" (a noun-or-verb after its subject is the verb)
    if kind == "chat" and w in ("all", "some", "any", "more") and after in ("noun", "adj"):
        return "det"
    if w == "like" and before == "pron":
        return "verb"  # "i like cats", not "a cat like this"
    return kind

# Words that judge the answer rather than describe a picture ("nice", "the same", "other").
JUDGEMENTS = _w("nice good great perfect best better worse bad awesome amazing cool fine ok okay favorite favourite "
                "same different other similar right wrong exact whole certain particular specific usual random "
                "real actual new partial fond keen")
# Nouns that name a part of the search, not a thing in the picture ("wrong colour", "street background").
META = _w("colour color colours colors size sizes setting settings background backgrounds place places time times "
          "number count kind kinds type types sort sorts shade shades tone tones version versions option options "
          "result results selection choice choices example examples bit part filter constraint requirement")
