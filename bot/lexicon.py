"""Vocabulary of the rule planner: modifier words and their groups, request wording, inflection.

Modifier words are grouped so that a new word of one group replaces the old one ("red cars" -> "only
black ones" -> "black cars"). Each entry maps what the user may type to the canonical words put in the
CLIP phrase. How a message is read with these tables lives in bot.planner.
"""

from __future__ import annotations

from functools import cache

from lemminflect import getAllLemmas, getInflection, getLemma


def _w(words: str) -> list[str]:
    """Word lists are written as one string to keep the tables readable."""
    return words.split()


# Groups in the order their words appear in a phrase; "subject" marks where the
# subject goes, so "two small black dogs on a beach at night" reads naturally.
PHRASE_ORDER: tuple[str, ...] = ("count", "size", "color", "extra", "subject", "action", "with", "place", "where",
                                  "time")

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
    "few": "a few", "both": "two", "trio": "three",
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
    "shore": "on the shore", "seashore": "on the seashore", "seaside": "at the seaside", "coast": "on the coast",
    "pond": "on a pond", "downtown": "downtown", "winter": "in winter", "wintery": "in winter",
    "wintry": "in winter",
}
TIMES: dict[str, str] = {
    "day": "during the day", "daytime": "during the day", "daylight": "during the day",
    "night": "at night", "nighttime": "at night", "nite": "at night",
    "sunset": "at sunset", "sunrise": "at sunrise", "dawn": "at dawn", "dusk": "at dusk",
    "morning": "in the morning", "evening": "in the evening", "afternoon": "in the afternoon",
    "dark": "at night", "sunny": "on a sunny day", "sunlit": "on a sunny day", "moonlight": "at night",
    "moonlit": "at night", "starlight": "at night", "nocturnal": "at night", "sunlight": "during the day",
    "sunshine": "during the day",
}
# Keywords that are modifiers even without a preposition.
ALWAYS_MODIFIERS = frozenset({"indoors", "outdoors", "snowy", "sandy", "grassy", "underwater", "downtown", "sunny",
                              "wintery", "wintry"})
PREPOSITIONS = "on|at|in|by|near|during|under|inside|across|along|beside|into|through|from"
ALL_PREPOSITIONS = frozenset(_w(
    "about above across after against along alongside amid amidst among around at atop before behind below beneath "
    "beside besides between beyond by down during from in inside into near nearby next of off on onto opposite out "
    "outside over past round through throughout to toward towards under underneath up upon via with within without "
    "like per"))

# Words that never name a field of a "where X is Y" filter: "where he is swimming" is a relative clause.
NOT_FIELDS = frozenset(_w("i me you we us he him she her they them it this that these those there who which what "
                          "one ones"))
# Words that point back at the current subject, so the rest of the message refines it.
# "ones" also sets the subject's number (plural); the others only point back ("show them at night").
PRONOUNS_PLURAL = frozenset({"ones", "them", "they", "those", "these"})
PRONOUNS_SINGULAR = frozenset({"it"})
# "one" after these is the pronoun ("the red one"); elsewhere it is a count ("just one", "one of them").
ONE_AS_PRONOUN_AFTER = frozenset({"the", "this", "that", "a", "an", "another", "other", "same"})
# Nouns that name no thing to look for: "red things", "anything yellow", "stuff in the snow" (a new search of
# just the modifiers), and the collection's own items, which name nothing either ("daytime pictures", "snowy
# scenes" refine the current search like "daytime ones" would).
MEDIA_NOUNS = frozenset(_w("picture pictures photo photos image images pic pics shot shots scene scenes snap snaps "
                           "photograph photographs"))
VAGUE_NOUNS = frozenset(_w("thing things stuff something anything everything object objects item items")) | MEDIA_NOUNS

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
                 "alright", "right", "fine", "excellent", "beautiful", "amazing", "sure", "ugh", "lol", "omg", "ooh",
                 "oh wow", "ahh", "ah", "aww", "oops", "whoa", "meh", "um", "uh", "erm", "haha", "yay", "cheers",
                 "thx", "brilliant", "sweet", "wonderful", "fantastic", "gorgeous", "love it", "love that",
                 "oh nice", "ok so", "okay so", "so", "anyway", "hmmm", "ohh", "now then", "now", "then", "ok now",
                 "and now", "hi there", "hello there", "hey there", "good morning", "good afternoon", "good evening",
                 "good day", "aye", "yay", "yo", "yo ho", "arr", "ahoy", "hey hey", "hiya", "howdy", "greetings",
                 "hello dear", "ehh", "eh", "hm ok")
# Openings that correct the last request ("no, I meant blue"): what follows replaces, never excludes.
CORRECTIONS = ("no wait", "wait", "sorry", "oops", "i meant", "i mean", "i said", "meant", "rather", "actually",
               "correction", "my bad", "no no")
# Openings and endings that ask for the same search with a change ("what about boats?", "trees instead").
CONTINUATIONS = ("the same thing but", "the same but", "same thing but", "same but", "the same", "same thing",
                 "same again", "same", "what about", "how about", "and", "but", "instead", "also", "what if", "maybe",
                 "perhaps", "or maybe", "or", "and maybe", "and what about", "and how about")

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
        "preferably ideally possibly kindly hey hi hello mostly mainly especially ok okay so he she him her his hers "
        "our ours your yours their theirs mine myself yourself ones' one's i've i'll we've we'll you've you'd "
        "they're they've maybe perhaps probably what's whats where's how's who's he'll she'll they'll it'll he's "
        "she's it's needs wants take took taking shoot shooting snapped capture captured out move moved put now"
    )
)
# Words that judge or chat rather than describe: never part of what CLIP is asked to find.
NOT_CONTENT = frozenset(_w(
    "nice lovely perfect great cute gorgeous stunning beautiful awesome amazing brilliant fine good cool pretty "
    "wonderful fantastic excellent superb neat sweet incredible fab fabulous favourite favorite best better worse "
    "bad ugly vibe vibes mood feel aesthetic version versions option options result results selection choice "
    "choices variety kinds types sorts stuff matter fan bunch lot lots way bit thing things one ones else other "
    "others same different similar example examples exactly actually instead either also anyway rather quite "
    "else's number numbers wrong right all wanted wanna happy thrilled excited glad pleased delighted grateful "
    "satisfied sad obsessed theme themes style card cards project projects presentation collage poster slide slides "
    "page pages part parts section assignment homework loves adores likes nicer prettier cooler cuter lovelier "
    "silly weird odd funny boring plain scheme idea ideas inspiration suggestion suggestions season seasons "
    "lifesaver few colours colors shades tones hues splendid constraint constraints filter filters option "
    "arrangement setup"
))
# Parts of speech a subject word can have; a word that can only be a verb, adverb or auxiliary ("remember",
# "honestly", "parked") is talk about the request, not something in the picture.
_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
# Things photos often show: with the tables above and the collection's places, the words a typo is corrected
# to ("cras" -> "cars") when the word is in no English dictionary.
COMMON_SUBJECTS = frozenset(_w(
    "house tree car boat flower fish dog cat bird horse cow sheep person people man woman child kid baby family "
    "friend building bridge church castle tower city street road beach mountain lake river sea ocean forest field "
    "garden park sky cloud sun moon star sunset sunrise snow rain food cake pizza coffee bike bicycle bus train "
    "plane airplane ship truck motorcycle flag statue fountain window door table chair bed book phone computer "
    "ball toy party wedding birthday dinner lunch breakfast picnic concert museum market shop restaurant hotel "
    "waterfall island desert valley hill cliff cave rock stone leaf leaves grass sand wave waves portrait selfie "
    "landscape night day evening morning"
))


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


def content_word(word: str) -> bool:
    """Whether a word left over after the tables may name something to find (see NOT_CONTENT, _CONTENT_POS)."""
    if word in NOT_CONTENT or word in STOPWORDS:
        return False
    tags = getAllLemmas(word)
    return not tags or bool(_CONTENT_POS & set(tags))


def names_a_thing(word: str) -> bool:
    """An English noun ("dogs", "worksheet"), not chat ("hiii", "arr", "gg")."""
    return "NOUN" in getAllLemmas(word)


def group_of(modifier: str) -> str:
    """Which group a canonical modifier belongs to ("extra" for free adjectives)."""
    for name, table in (("color", COLORS), ("size", SIZES), ("count", COUNTS), ("place", PLACES),
                        ("time", TIMES)):
        if modifier in table.values() or name == "color" and modifier in table:  # "grey" as said
            return name
    words = modifier.split()
    if words[0] == "with":
        return "with"
    if words[0] in ALL_PREPOSITIONS:  # a scene ("on the beach") is one of a kind; "on a sofa" adds to it
        last = words[-1]
        return "time" if last in TIMES else "place" if singular(last) in PLACES or last in PLACES else "where"
    return "action" if _participle(words[0], len(words) > 1) else "extra"


def _participle(word: str, has_object: bool) -> bool:
    """"sleeping", "riding a bicycle", "parked in the garage": what the thing does goes after it."""
    verbs = getAllLemmas(word).get("VERB", ())
    if not verbs or word in COLORS or word in SIZES:
        return False
    forms = {f for lemma in verbs for tag in ("VBG", "VBN") for f in getInflection(lemma, tag=tag)}
    return word in forms and (word.endswith("ing") or has_object)  # "stained glass": a lone -ed word goes before


def usual_wording(modifier: str) -> str:
    """A scene or time phrase in the tables' wording ("at the beach" -> "on a beach"), else unchanged."""
    words = modifier.split()
    if len(words) > 1 and words[0] in ALL_PREPOSITIONS and len(words) <= 3:
        key = words[-1] if words[-1] in PLACES or words[-1] in TIMES else singular(words[-1])
        if key in PLACES or key in TIMES:
            return place_or_time(key)
    return modifier


def place_or_time(keyword: str) -> str:
    return PLACES.get(keyword) or TIMES[keyword]


def canonical_word(word: str) -> str:
    """One word as the tables spell it: "grey" -> "gray", "nite" -> "night", "lawn" -> "grass", "2" -> "two"."""
    if word in COLORS:
        return COLORS[word]
    if word in DIGITS:
        return DIGITS[word]
    if word in TIMES or word in PLACES:
        return place_or_time(word).split()[-1]
    return word


TABLE_GROUPS = ("color", "size", "count", "place", "time")  # the groups a word of the tables above belongs to


def group_of_word(word: str) -> str:
    """The group of a modifier or of a word a negative names ("red", "snow", "night", "one")."""
    group = group_of(word)
    if group in TABLE_GROUPS:
        return group
    for name, table in (("color", COLORS), ("size", SIZES), ("count", COUNTS), ("place", PLACES), ("time", TIMES)):
        if word in table:
            return name
    return "count" if word in DIGITS else "extra"
