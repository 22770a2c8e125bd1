"""The scope of a search in a message's words: folder, caption and field filters ("in folder beach/", "where
color is red"), and when, where and with what: the date, place, camera and order words, resolved against the
collection's own values (bot.catalog) and today's date, and turned into filters instead of CLIP words.

"dogs in Rome last year" -> CLIP "dogs", place Rome, taken in 2025. "in the snow" stays a scene: only names
the collection holds (or a town the world knows, to say there are no photos of it) are places.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from lemminflect import getAllLemmas

from bot import lexicon as lx
from bot import when
from bot.catalog import Catalog, world_places

_PLACE = re.compile(r"\b(?P<verb>(?:taken|shot|photographed|captured)\s+)?(?:in|at|from|near|of)\s+(?:the\s+)?"
                    r"(?P<words>[^\s,.;!?]+(?:\s+[^\s,.;!?]+){0,2})")
_CAMERA = re.compile(r"\b(?:(?:shot|taken|photographed|captured|made)\s+(?:on|with|by)|with|on|from|using)\s+"
                     r"(?:my|the|a|an|our)\s+(?P<words>[^\s,.;!?]+(?:\s+[^\s,.;!?]+){0,2})|"
                     r"\b(?:shot|taken|photographed|captured)\s+(?:on|with|by)\s+(?P<bare>[^\s,.;!?]+(?:\s+[^\s,.;!?]+){0,2})")


@dataclass(frozen=True)
class Context:
    """What reading a message may know besides the message: today, and the collection's places and cameras."""

    catalog: Catalog | None = None
    fixed_today: date | None = None  # tests pin the date; a running bot reads the clock at every message
    known: Callable[[str], bool] | None = None  # whether the search model knows a word (None: it knows all)

    @property
    def today(self) -> date:
        return self.fixed_today or date.today()


@dataclass
class Scope:
    filters: list[tuple[str, str, str, str]] = field(default_factory=list)  # (field, op, value, words)
    order: str = ""
    notice: str = ""  # a place or camera this collection has no photos of: said instead of searching
    shift: int = 0  # "the summer before that": move the current date range back (-1) or on (+1)


_Q = r"(?P<v>\"[^\"]*\"|'[^']*'|[^\s\"']+)"
_FILTER_RULES: tuple[tuple[re.Pattern[str], str | None, str], ...] = (
    (re.compile(rf"\b(?:in|from|under|inside)\s+(?:the\s+)?(?:folder|directory|dir|path)\s*{_Q}", re.I),
     "path", "prefix"),
    (re.compile(rf"\b(?:folder|path|directory)\s*[:=]=?\s*{_Q}", re.I), "path", "prefix"),
    (re.compile(r"\b(?:in|from|under)\s+(?P<v>[^\s\"']*/[^\s\"']*)", re.I), "path", "prefix"),
    (re.compile(rf"\b(?:captioned|with\s+(?:a\s+|the\s+)?caption(?:\s+(?:containing|contains|like))?"
                rf"|caption\s*(?:contains|containing|includes|is|[:=]=?))\s*{_Q}", re.I), "caption", "contains"),
    # "where color is red" ends at the value; "where ella is dressed as a sheep" goes on: a clause, not a field
    (re.compile(rf"\bwhere\s+(?P<f>[a-z][a-z0-9_]*)\s*(?:is|equals|==?)\s*{_Q}"
                r"(?:(?<=[\"'])|(?=\s*(?:$|[,.;!?]|and\b)))", re.I), None, "eq"),
    (re.compile(rf"\b(?P<f>[a-z][a-z0-9_]*)\s*==?\s*{_Q}", re.I), None, "eq"),
    (re.compile(r"(?:^|(?<=\s))(?P<f>[a-z][a-z0-9_]*):(?P<v>[^\s\"':]+)", re.I), None, "eq"),  # "kind:fish"
)


# "add exclusion: setting = street", "color != red": a value to avoid, said in field syntax
_EXCLUDED_FIELD = re.compile(r"\b(?:(?:add )?(?:an )?(?:exclusion|exclude|excluding|negate)\s*:?\s*(?:[a-z_]+\s*"
                             r"(?:==?|:|is)|(?:colou?r|kind|size|count|setting|time|place|type)\b)"
                             r"|(?:without|not|no)\s+[a-z_]+\s*==?|[a-z_]+\s*!=)\s*(?P<v>[\w-]+)", re.I)


def extract_filters(raw: str) -> tuple[list[tuple[str, str, str]], str]:
    """Pull folder, caption and field filters out of the message; returns them and the text left over (an
    exclusion said in field syntax becomes "without <value>" for the reader)."""
    raw = _EXCLUDED_FIELD.sub(r" without \g<v> ", raw)
    found: list[tuple[str, str, str]] = []
    for pattern, fixed_field, op in _FILTER_RULES:
        mine: list[tuple[str, str, str]] = []
        for m in reversed(list(pattern.finditer(raw))):  # from the end, so the spans cut out stay valid
            value = m["v"].strip("\"'") if m["v"][:1] in "\"'" else m["v"].rstrip(".,;!?")
            name = fixed_field or m["f"].lower()
            if name in lx.NOT_FIELDS or m[0][:5].lower() == "where" and _doing(value):
                continue  # "where he is swimming", "where grandma is helping": a clause about the thing, not a field
            if name in ("folder", "directory"):
                name, op = "path", "prefix"
            elif name == "caption":
                op = "contains"
            if value:
                mine.append((name, op, value))
            raw = raw[: m.start()] + " " + raw[m.end():]
        found += reversed(mine)
    return found, raw


def _doing(value: str) -> bool:
    """"helping", "swimming": what someone is doing, never a field's value."""
    return value.lower().endswith("ing") and "VERB" in getAllLemmas(value.lower())


def take_scope(low: str, raw: str, ctx: Context) -> tuple[Scope, str]:
    """Pull date, order, camera and place words out of the lower-cased message (`raw` keeps the capitals)."""
    scope = Scope()
    scope.shift, low = when.find_shift(low)
    found, low = when.find(low, ctx.today)
    if found is not None:
        lo, hi = found.seconds()
        scope.filters.append(("taken", "range", f"{lo}..{hi}", found.describe()))
    scope.order, low = when.find_order(low)
    if ctx.catalog is not None:
        low = _camera(low, raw, ctx.catalog, scope)
        low = _bare_camera(low, ctx.catalog, scope)
        low = _places(low, raw, ctx.catalog, scope)
        low = _bare_places(low, raw, ctx.catalog, scope)
    scope.filters.sort(key=lambda f: ("place", "camera", "taken").index(f[0]))  # where, with what, when
    return scope, low


def _camera(low: str, raw: str, catalog: Catalog, scope: Scope) -> str:
    for m in _CAMERA.finditer(low):
        words = (m["words"] or m["bare"]).split()
        for n in range(len(words), 0, -1):  # the longest run of words that names a stored camera
            for start in range(len(words) - n + 1):
                found = catalog.camera(" ".join(words[start:start + n]))
                if found and any(w not in lx.STOPWORDS for w in words[start:start + n]):
                    scope.filters.append(camera_filter(*found))
                    return (low[: m.start()] + " " + low[m.end():]).strip()
        if m["bare"] or words[0] in _CAMERA_WORDS:  # "shot on my Leica": a camera this collection lacks
            scope.notice = (f"No photos shot with {raw_case(' '.join(words), raw)} in this collection; "
                            f"cameras here: {catalog.top_cameras()}.")
            return low
    return low


def _bare_camera(low: str, catalog: Catalog, scope: Scope) -> str:
    """A camera named without "shot on" ("pixel photos", "the iPhone 15 ones", "canon shots"): a run of words
    that names a stored camera and starts with a camera word or is no English word ("d750"; "pro" alone is)."""
    if scope.notice or any(f[0] == "camera" for f in scope.filters):
        return low
    words = low.split()
    for n in (3, 2, 1):
        for start in range(len(words) - n + 1):
            run = [w.strip("?!.,;'") for w in words[start:start + n]]
            found = catalog.camera(" ".join(run))
            if found and (run[0] in _CAMERA_WORDS or not any(getAllLemmas(w) for w in run if not w.isdigit())):
                scope.filters.append(camera_filter(*found))
                return " ".join(words[:start] + words[start + n:])
    return low


def camera_filter(spelled: str, names: tuple[str, ...]) -> tuple[str, str, str, str]:
    """(field, op, value, words) for the cameras a word names: any of their exact stored names."""
    return "camera", "in", json.dumps(list(names)), f"shot on {spelled}"


_CAMERA_WORDS = frozenset({"iphone", "pixel", "galaxy", "canon", "nikon", "sony", "fujifilm", "fuji", "leica",
                           "olympus", "panasonic", "gopro", "dji", "samsung", "huawei", "xiaomi", "camera", "phone"})


def _places(low: str, raw: str, catalog: Catalog, scope: Scope) -> str:
    for m in list(_PLACE.finditer(low)):
        words = m["words"].split()
        for n in range(len(words), 0, -1):
            candidate = " ".join(words[:n])
            if candidate in lx.PLACES or candidate in lx.TIMES or words[0] in lx.STOPWORDS:
                break  # "in the snow", "at night", "of them": a scene or glue, never a place name
            name = catalog.place(candidate)
            if name is not None:
                scope.filters.append(("place", "eq", name, f"taken in {name}"))
                if _names_a_thing(words, n):
                    return low  # "from the london eye": the place names a thing, whose words the phrase keeps
                end = m.start("words") + len(candidate)
                return _places((low[: m.start()] + " " + low[end:]).strip(), raw, catalog, scope)
            if _named(candidate, raw, bool(m["verb"])) and candidate in world_places() \
                    and words[0] not in when.CALENDAR_WORDS:  # "at Christmas" is a time (there is a Christmas, FL)
                scope.notice = f"No photos taken in {raw_case(candidate, raw)}; places in this collection: " \
                               f"{catalog.top_places()}."
                return low
    return low


def _names_a_thing(words: list[str], end: int) -> bool:
    """Whether the place name ending before words[end] is the first part of a thing's name ("the london eye",
    "tokyo tower"): a noun follows it that is not a photo word or a scene ("paris photos", "rome at night")."""
    after = words[end].strip("?!.,;") if end < len(words) else ""
    return bool(after) and "NOUN" in getAllLemmas(after) and after not in lx.MEDIA_NOUNS \
        and after not in lx.STOPWORDS and after not in lx.TIMES and after not in lx.PLACES


def _bare_places(low: str, raw: str, catalog: Catalog, scope: Scope) -> str:
    """A place named without a preposition ("Paris photos", "what about Tokyo?"): a run of words that is one
    of the collection's places and a proper name, i.e. not an English word ("nice boats" is not Nice)."""
    if any(f[0] == "place" for f in scope.filters):
        return low
    words = low.split()
    for n in (3, 2, 1):
        for start in range(len(words) - n + 1):
            run = " ".join(w.strip("?!.,;") for w in words[start:start + n])
            name = catalog.place(run)
            # a run of two or more words naming a place of the collection is that place ("new york skyline")
            if name and (n > 1 or not any(getAllLemmas(w) for w in run.split()) or low.strip(" ?!.") == run):
                scope.filters.append(("place", "eq", name, f"taken in {name}"))
                if _names_a_thing(words, start + n):
                    return low
                return " ".join(words[:start] + words[start + n:])
    _elsewhere(words, raw, catalog, scope)
    return low


_ASIDE = frozenset(lx._w("what about how and or then ok okay so any photos pictures from of in my the please maybe"))


def _elsewhere(words: list[str], raw: str, catalog: Catalog, scope: Scope) -> None:
    """"what about Spain?": a message that is only the name of a place the world knows and the collection does
    not (a capitalised proper name, not an English word) gets the plain answer instead of a search."""
    rest = [w.strip("?!.,;") for w in words if w.strip("?!.,;") not in _ASIDE]
    name = " ".join(rest)
    if rest and len(rest) <= 3 and raw_case(name, raw)[:1].isupper() and not any(getAllLemmas(w) for w in rest) \
            and name in world_places():
        scope.notice = f"No photos taken in {raw_case(name, raw)}; places in this collection: {catalog.top_places()}."


def _named(candidate: str, raw: str, verb: bool) -> bool:
    """Whether the person wrote a proper name ("in Oslo", or any "taken in oslo"), not an ordinary word."""
    return verb or raw_case(candidate, raw)[:1].isupper()


def raw_case(words: str, raw: str) -> str:
    at = raw.lower().find(words)
    return raw[at: at + len(words)] if at >= 0 else words
