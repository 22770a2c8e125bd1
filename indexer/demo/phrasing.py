"""The words people use for the demo attributes, and texts that describe nothing in the demo.

Training texts are drawn from here so the demo model reads what a person (or the chat planner) types,
not only the canonical captions: "a couple of little red cars by night", "big boats", "the beach",
"fishes". Out-of-domain texts (words from the tokenizer's vocabulary that name nothing in the demo,
letter salad) teach the model to score them low, which is what lets a relevance floor call nonsense
out.
"""

from __future__ import annotations

import random
import string
from functools import cache

from lemminflect import getInflection

from indexer.demo.scenes import ATTRIBUTES

COUNT_WORDS: dict[str, tuple[str, ...]] = {
    "1": ("a", "one", "a single", "just one", "1", "a lone"),
    "2": ("two", "a pair of", "a couple of", "2"),
    "3": ("three", "3", "a group of three", "a trio of"),
}
SIZE_WORDS: dict[str, tuple[str, ...]] = {"small": ("small", "little", "tiny"),
                                          "big": ("big", "large", "huge", "giant")}
# Other nouns people use for a demo kind ("ship", "cottage", "blossoms"), used in a quarter of the phrases
# that name the kind: a real CLIP knows them, so the demo one must too.
KIND_SYNONYMS: dict[str, tuple[str, ...]] = {
    "house": ("home", "cottage", "cabin", "building", "hut"),
    "car": ("automobile", "vehicle", "auto"),
    "boat": ("ship", "sailboat", "yacht", "vessel"),
    "flower": ("blossom", "bloom"),
    "tree": ("tree",),
    "fish": ("fish",),
}
COLOR_SYNONYMS: dict[str, tuple[str, ...]] = {"purple": ("violet",)}
SETTING_WORDS: dict[str, tuple[str, ...]] = {
    "grass": ("on the grass", "on grass", "on a grassy field", "in a grassy meadow", "in a meadow", "in a field",
              "on a lawn", "in the grass", "on the lawn"),
    "beach": ("on the beach", "on a beach", "on a sandy beach", "at the beach", "on the sand", "on sand",
              "on the shore", "at the seaside", "on the coast", "on the seashore"),
    "snow": ("in the snow", "on a snowy field", "on snowy ground", "on snow", "in snow", "in winter",
             "in a winter scene"),
    "water": ("on the water", "in the water", "in water", "on open water", "on a lake", "at sea", "on the sea",
              "on the ocean", "in the ocean", "on a pond", "in a pond", "on a river"),
    "street": ("on a city street", "on the street", "on a street", "in a city street", "in the city", "on a road",
               "on the road", "downtown", "in town"),
}
# Settings named on their own ("the beach", "snowy scenes"): what a bare place word becomes.
SETTING_NOUNS: dict[str, tuple[str, ...]] = {
    "grass": ("grass", "a grassy field", "a meadow", "a lawn"),
    "beach": ("beach", "a beach", "the beach", "sand", "a sandy beach", "the shore", "the seaside", "the coast"),
    "snow": ("snow", "the snow", "a snowy scene", "snowy ground", "winter", "a winter scene"),
    "water": ("water", "the water", "open water", "a lake", "the sea", "the ocean", "a pond"),
    "street": ("street", "a street", "a city street", "the city", "a road", "downtown", "town"),
}
TIME_NOUNS: dict[str, tuple[str, ...]] = {"day": ("day", "daytime", "daylight", "sunny"),
                                          "night": ("night", "nighttime", "dark")}
TIME_WORDS: dict[str, tuple[str, ...]] = {
    "day": ("during the day", "in the daytime", "on a sunny day", "by day", "in daylight", "during daytime",
            "in the sun"),
    "night": ("at night", "at nighttime", "during the night", "by night", "in the dark", "at night time",
              "after dark", "in the evening"),
}
# A word no demo text uses (the checkpoint maps every such word to this one token): some phrases carry one,
# so a stray word a person adds ("red cars parked on a street") does not undo the words the model knows.
UNKNOWN_WORD = "unk"
STRAY_WORD_SHARE = 0.15
THING_WORDS = ("object", "thing")
SCENE_WORDS = ("a scene", "something", "anything", "scenes", "images")
PREFIXES = ("", "", "", "a photo of ", "a picture of ", "an image of ", "photos of ", "pictures of ")


def _pick(rng: random.Random, options: tuple[str, ...]) -> str:
    return rng.choice(options)


@cache
def plurals(noun: str) -> tuple[str, ...]:
    """Every plural English allows ("fish", "fishes"): people type either."""
    forms = [f for f in getInflection(noun, tag="NNS") if f != noun] or [noun + "s"]
    return tuple(dict.fromkeys((*forms, *(("fish",) if noun == "fish" else ()))))


def natural_phrase(constraints: dict[str, str], rng: random.Random) -> str:
    """A phrase a person might type for these attribute values, in one of many wordings.

    Without a count the noun is singular or plural at random ("red car", "red cars" both mean any
    number of red cars). Without a kind there is "object(s)"/"thing(s)", a bare setting or time ("the
    beach", "night"), or no noun at all ("red", "on the beach at night"): a chat search for "something
    red" sends just "red".
    """
    count, setting, time = constraints.get("count"), constraints.get("setting"), constraints.get("time")
    words = [_pick(rng, COUNT_WORDS[count])] if count else []
    words += [_pick(rng, SIZE_WORDS[constraints["size"]])] if "size" in constraints else []
    if "color" in constraints:
        color = constraints["color"]
        words.append(_pick(rng, COLOR_SYNONYMS[color]) if color in COLOR_SYNONYMS and rng.random() < 0.2 else color)
    plural = count in ("2", "3") or (count is None and rng.random() < 0.5)
    if "kind" in constraints or (words and rng.random() < 0.7):
        noun = constraints.get("kind") or _pick(rng, THING_WORDS)
        if noun in KIND_SYNONYMS and rng.random() < 0.25:
            noun = _pick(rng, KIND_SYNONYMS[noun])
        words.append(_pick(rng, plurals(noun)) if plural else noun)
    elif not words and setting and rng.random() < 0.4:
        words.append(_pick(rng, SETTING_NOUNS[setting]))
        setting = None
    elif not words and time and not setting and rng.random() < 0.4:
        return _pick(rng, TIME_NOUNS[time])
    elif not words and rng.random() < 0.4:
        words.append(_pick(rng, SCENE_WORDS))
    named = bool(words) and not words[-1].isdigit() and words[-1] not in ("a", "of")  # ends on a noun
    tail = [_pick(rng, SETTING_WORDS[setting])] if setting else []
    tail += [_pick(rng, TIME_WORDS[time])] if time else []
    if len(tail) == 2 and rng.random() < 0.3:
        tail.reverse()
    text = (_pick(rng, PREFIXES) if named else "") + " ".join(words + tail)
    return with_stray_word(text, rng) if "kind" in constraints else text


def with_stray_word(text: str, rng: random.Random) -> str:
    """Sometimes one unknown word somewhere in a phrase that names its thing ("red cars parked on a street"):
    the rest must still be read. (An unknown word *as* the thing, "a red bike", names nothing here.)"""
    if rng.random() >= STRAY_WORD_SHARE:
        return text
    words = text.split()
    words.insert(rng.randint(0, len(words)), UNKNOWN_WORD)
    return " ".join(words)


# --- texts that match no demo image ----------------------------------------------------------------

@cache
def domain_words() -> frozenset[str]:
    """Every word the demo phrases use, plus colour/size/count/place words a person may use for a demo
    attribute: none of them may appear in an out-of-domain text."""
    texts = [*ATTRIBUTES["color"], *ATTRIBUTES["kind"], *THING_WORDS, *SCENE_WORDS, *PREFIXES]
    for table in (COUNT_WORDS, SIZE_WORDS, SETTING_WORDS, SETTING_NOUNS, TIME_WORDS, TIME_NOUNS, KIND_SYNONYMS,
                  COLOR_SYNONYMS):
        texts += [t for options in table.values() for t in options]
    texts += [p for kind in (*ATTRIBUTES["kind"], *(s for syn in KIND_SYNONYMS.values() for s in syn))
              for p in plurals(kind)]
    texts += [t + "s" for t in THING_WORDS]
    return frozenset(w for t in texts for w in t.lower().split())


@cache
def _vocabulary_words(tokenizer_words: tuple[str, ...]) -> tuple[str, ...]:
    banned = domain_words()
    return tuple(w for w in tokenizer_words if w.isalpha() and len(w) > 2 and w not in banned)


def _unknown_thing(rng: random.Random, words: tuple[str, ...]) -> str:
    """Demo words around a thing the demo does not have ("two red guitars on the beach"): no match either."""
    parts = [_pick(rng, COUNT_WORDS[rng.choice("123")])] if rng.random() < 0.4 else []
    parts += [_pick(rng, SIZE_WORDS[rng.choice(("small", "big"))])] if rng.random() < 0.3 else []
    parts += [rng.choice(ATTRIBUTES["color"])] if rng.random() < 0.6 else []
    parts.append(rng.choice(words))
    if rng.random() < 0.4:
        parts.append(_pick(rng, SETTING_WORDS[rng.choice(ATTRIBUTES["setting"])]))
    if rng.random() < 0.3:
        parts.append(_pick(rng, TIME_WORDS[rng.choice(ATTRIBUTES["time"])]))
    return " ".join(parts)


GLUE = ("on a", "on the", "in a", "in the", "at the", "by the", "with a", "next to a", "under a", "and")


def out_of_domain_phrase(rng: random.Random, vocabulary: tuple[str, ...]) -> str:
    """Real words that name nothing in the demo ("violin harbour"), the same inside the glue words demo
    phrases use ("a laptop on a desk": "on a" alone must not make a match), or letter salad ("zqxj vlorb")."""
    words = _vocabulary_words(vocabulary)
    draw = rng.random()
    if draw < 0.35:
        return " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
    if draw < 0.6:
        head = f"{_pick(rng, PREFIXES)}{_pick(rng, ('', 'a ', 'the ', 'two '))}{rng.choice(words)}"
        return f"{head} {_pick(rng, GLUE)} {rng.choice(words)}"
    if draw < 0.85:
        return _unknown_thing(rng, words)
    return " ".join(
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 8))) for _ in range(rng.randint(1, 4))
    )
