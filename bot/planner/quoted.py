"""The words a person remembers seeing *in* a picture, pulled out of a message before the rest is read.

"the sign saying welcome to Texas" asks for a sign (the picture, for CLIP) that says "welcome to Texas" (text,
for the text search: OCR, file name, caption). What counts as remembered text, by how it is said, not by
listing phrasings:
- anything in quotes (but a folder, a caption filter or a field value in quotes stays a filter: bot.scope);
- what follows a verb of saying or naming: says, saying, reads, labelled, titled, called, named, with the
  word(s) / text / name;
- what a thing made of writing (receipt, screenshot, ticket, document, menu...) is "with": "screenshot with the
  wifi password"; "reads/reading" only after a thing that carries writing ("a sign reading Welcome", not
  "grandpa reading the newspaper");
- tokens shaped like file names or codes: letters and digits together, or a file extension ("IMG_2041",
  "RE16", "DSC01234.jpg"); a year, "2nd", "10pm" or "1990s" are not codes;
- a capitalised name after "from", "to", "at" or "for" when the message names a text-bearing thing and the name
  is no place or date ("the receipt from Starbucks", "the ticket to Kingsbridge"; "photos from Paris" stays a
  place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.catalog import fold, world_places
from bot.planner.words import KIN, PERSONAL
from bot.scope import Context
from bot.when import CALENDAR_WORDS

MAX_TEXT = 200
_TEXTUAL = (r"(?:receipts?|screenshots?|screen ?shots?|tickets?|documents?|notes?|invoices?|bills?|whiteboards?"
            r"|pages?|forms?|emails?|messages?|menus?|letters?|posters?|signs?|labels?|cards?|plates?|boxes|box"
            r"|bags?|cups?|bottles?|cans?|packages?|shop ?fronts?|storefronts?|banners?|t-?shirts?)")
# a quotation hugs its words ("open", 'welcome to texas'); marks with spaces inside them (Porto" or ") are stray
# marks in a name, not a quotation
_QUOTED = re.compile(r"\"(?!\s)([^\"]+)(?<!\s)\"|“(?!\s)([^”]+)(?<!\s)”|(?<![\w'])'(?!\s)([^']+)(?<!\s)'(?![\w'])")
# a quote that is the value of a filter the scope reader owns: in folder "x", caption contains "x", kind == "x"
_FILTER_BEFORE = re.compile(r"(?:folder|directory|dir|path|captioned|caption|contains|containing|includes|where"
                            r"\s+\w+\s+is|equals|[:=]=?)\s*$", re.I)
# 'not "obviously"', "without 'sale'": a quoted word taken back or excluded is not what the picture should say
_NEGATED = re.compile(r"\b(?:not|no|without|except|never)\s*[,:]?\s*$", re.I)
_END = r"(?=\s*(?:[,.;!?]|\band (?:also |then )?(?:show|find|only)\b|\btaken\b|\bfrom (?:last|this|\d)|$))"
_SAYING = re.compile(rf"(?:\b(?:that|which|it)\s+)?(?:\b(?:says|saying|said|labell?ed|titled|called|named)"
                     rf"|\b(?P<thing>{_TEXTUAL})\s+(?:that\s+|which\s+)?(?:reads|reading)"
                     r"|with\s+(?:the\s+|a\s+)?(?:words?|text|writing|name|title|caption text))\s*:?\s+"
                     rf"(?P<t>.+?){_END}", re.I)
# things whose content is writing: what they are "with" is text ('the screenshot with the wifi password'); a page,
# a card or a box "with the visa" shows a thing, left to CLIP
_WRITTEN = (r"(?:receipts?|screenshots?|screen ?shots?|tickets?|documents?|notes?|invoices?|bills?|whiteboards?"
            r"|forms?|emails?|messages?|menus?|letters?)")
_TEXTUAL_WITH = re.compile(rf"\b(?P<thing>{_WRITTEN})\s+with\s+(?:the|a|an|my|our|his|her|their)\s+(?P<t>.+?){_END}",
                           re.I)
# a code, with the short capitalised groups that follow it on a plate or a ticket ("RE16 TGK")
_CODE = re.compile(r"(?<![\w/#.-])(?P<t>(?=[\w-]*\d)(?=[\w-]*[a-z])[a-z0-9]+(?:[_-][a-z0-9]+)*(?:\.[a-z0-9]{2,4})?"
                   r"|[\w-]+\.(?:jpe?g|png|heic|gif|webp|tiff?|dng|cr2|nef|arw))(?![\w/-])"
                   r"(?P<tail>(?-i:(?:\s+[A-Z0-9]{2,4}(?![\w/-]))*))", re.I)
_NOT_CODE = re.compile(r"\d+(?:st|nd|rd|th|s|am|pm|k|mm|mp|p|d|h|m|yo|ish|x\d+)|\d{4}-\d{2}(?:-\d{2})?", re.I)
_AFTER_FOLDER = re.compile(r"(?:folder|directory|dir|path|in)\s*$", re.I)
# "from Starbucks", "to Kingsbridge", "at Nando's", "for Hamilton": the name a receipt, ticket or poster carries
_FROM_NAME = re.compile(r"\b(?:from|to|at|for)\s+(?:the\s+)?(?P<t>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})")
# the words that introduced a text already taken ('a sign that says "open"' leaves "a sign that says")
_LEFTOVER = re.compile(r"(?:\s+(?:that|which|it|says|saying|said|reads|reading|labell?ed|titled|called|named|with"
                       r"|the|a|words?|text|writing|name)\b)+\s*$|^\s*(?:with|that|which)\b", re.I)


@dataclass(frozen=True)
class Pulled:
    text: str  # what the picture should say ("" when the message asks for none)
    rest: str  # the message without it: the picture part, read as before


def pull_text(raw: str, context: Context | None = None) -> Pulled:
    """The remembered text of a message and the message without it."""
    found: list[str] = []
    rest = raw
    for finder in (_quoted, _saying, _textual_with, _codes, _from_name):
        rest, more = finder(rest, context)
        found += more
    text = " ".join(t.strip(" \t,.;:!?") for t in found if t.strip(" \t,.;:!?"))[:MAX_TEXT]
    if not text:
        return Pulled("", raw)
    return Pulled(text, " ".join(_LEFTOVER.sub(" ", " " + rest).split()))


def _quoted(raw: str, context: Context | None) -> tuple[str, list[str]]:
    found: list[str] = []

    def take(m: re.Match[str]) -> str:
        quoted = next(g for g in m.groups() if g is not None)
        if _FILTER_BEFORE.search(raw[: m.start()]) or _NEGATED.search(raw[: m.start()]) or len(quoted.strip()) < 2:
            return m.group(0)  # a filter's value, a word taken back, or "rock 'n' roll"
        found.append(quoted)
        return " "

    return _QUOTED.sub(take, raw), found


def _saying(raw: str, context: Context | None) -> tuple[str, list[str]]:
    found: list[str] = []

    def take(m: re.Match[str]) -> str:
        if _spoken(raw[: m.start()]):
            return m.group(0)
        found.append(m.group("t"))
        return f" {m.group('thing') or ''} "  # 'a sign reading ...' keeps the sign for CLIP

    return _SAYING.sub(take, raw), found


def _spoken(before: str) -> bool:
    """'she says she wants one car', 'my wife said ...': a person saying something is reported speech about the
    request, not words written in a picture."""
    words = before.lower().split()
    return bool(words) and (words[-1] in PERSONAL or words[-1] in KIN)


def _textual_with(raw: str, context: Context | None) -> tuple[str, list[str]]:
    found: list[str] = []

    def take(m: re.Match[str]) -> str:
        found.append(m.group("t"))
        return m.group("thing") + " "

    return _TEXTUAL_WITH.sub(take, raw), found


def _codes(raw: str, context: Context | None) -> tuple[str, list[str]]:
    found: list[str] = []

    def take(m: re.Match[str]) -> str:
        token = m.group("t")
        if len(token) < 4 or _NOT_CODE.fullmatch(token) or _AFTER_FOLDER.search(raw[: m.start()]):
            return m.group(0)
        found.append(token + m.group("tail"))
        return " "

    return _CODE.sub(take, raw), found


def _from_name(raw: str, context: Context | None) -> tuple[str, list[str]]:
    """"the receipt from Starbucks", "the ticket to Kingsbridge": a name that is no place or date, beside a
    text-bearing thing."""
    if not re.search(rf"\b{_TEXTUAL}\b", raw, re.I):
        return raw, []
    found: list[str] = []

    def take(m: re.Match[str]) -> str:
        name = m.group("t")
        if _is_place(name, context) or fold(name).split()[0] in CALENDAR_WORDS:
            return m.group(0)
        found.append(name)
        return " "

    return _FROM_NAME.sub(take, raw), found


def _is_place(name: str, context: Context | None) -> bool:
    """A place the search can filter on: one of the collection's, when it is known. A ticket to a town the
    collection has no photos of ("the ticket to Kingsbridge") names the words printed on it."""
    catalog = context.catalog if context is not None else None
    if catalog is not None:
        return bool(catalog.place(name))
    return fold(name) in world_places()
