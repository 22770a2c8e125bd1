"""When, in words: "from 2018", "in March 2022", "last summer", "between June and August 2023", "this year",
"newest first" -> a date range (and an order) over the photos' taken time.

Ranges are half-open [start, end) on the photo's local wall-clock time (see indexer.photometa: "taken" is
that time in seconds since 1970), and every relative word ("last", "this", a month without a year) is read
relative to `today`, which the planner is given.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m
} | {"sept": 9}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first month; three months long
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
ORDER = re.compile(r"\b(?:(?:sorted|ordered|sort|order)\s+by\s+date|(?P<new>newest|latest|most recent|recent)"
                   r"(?:\s+(?:ones|photos|pictures))?\s+first|(?P<old>oldest|earliest)(?:\s+(?:ones|photos))?"
                   r"\s+first|by date)\b")


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date  # exclusive
    words: str  # how the person said it, for the headline ("last summer")

    def seconds(self) -> tuple[int, int]:
        """[start, end) as local wall-clock seconds since 1970, the unit of the stored "taken"."""
        return tuple(int(datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp()) for d in (self.start, self.end))

    def describe(self) -> str:
        last = self.end - timedelta(days=1)
        if (self.start.month, self.start.day, last.month, last.day) == (1, 1, 12, 31):
            span = str(self.start.year) if self.start.year == last.year else f"{self.start.year}–{last.year}"
        elif self.start.day == 1 and self.end.day == 1 and (self.end - self.start).days <= 31:
            span = f"{self.start:%B %Y}"
        elif self.start.day == 1 and self.end.day == 1:
            span = f"{self.start:%b %Y}–{last:%b %Y}"
        else:
            span = f"{self.start.day} {self.start:%b %Y}" + (f"–{last.day} {last:%b %Y}" if last != self.start else "")
        if self.words.startswith(("before", "after", "since")):
            return f"taken {self.words}"
        return f"taken {self.words} ({span})" if self.words else f"taken in {span}"


def _month_start(year: int, month: int) -> date:
    year += (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def _span(year: int, month: int, months: int, words: str) -> DateRange:
    return DateRange(_month_start(year, month), _month_start(year, month + months), words)


def _recent(today: date, month: int, months: int, *, finished: bool) -> tuple[int, int]:
    """(year, month) of the latest period of `months` starting at `month` that has begun (or ended)."""
    for year in (today.year, today.year - 1, today.year - 2):
        start = _month_start(year, month)
        if (start + timedelta(days=31 * months - 1) < today) if finished else start <= today:
            return year, month
    return today.year - 2, month


def find(text: str, today: date) -> tuple[DateRange | None, str]:
    """The date expression in `text` and the text without it. Two that narrow each other are one range:
    "two years ago in may" is May of that year."""
    found, rest = _first(text, today)
    if found is None:
        return None, text
    second, left = _first(rest, today)
    if second is not None:
        for year, month in ((found, second), (second, found)):
            if _whole_year(year) and _one_month(month):
                return _span(year.start.year, month.start.month, 1, f"{year.words} in {month.start:%B}".strip()), left
    return found, rest


def _whole_year(r: DateRange) -> bool:
    return (r.start.month, r.start.day, r.end.month, r.end.day, r.end.year - r.start.year) == (1, 1, 1, 1, 1)


def _one_month(r: DateRange) -> bool:
    return r.start.day == 1 and r.end.day == 1 and (r.end - r.start).days <= 31


def _first(text: str, today: date) -> tuple[DateRange | None, str]:
    low = text.lower()
    for pattern, build in _RULES:
        m = pattern.search(low)
        if m:
            found = build(m, today)
            if found is not None:
                return found, (text[: m.start()] + " " + text[m.end():]).strip()
    return None, text


_ISO = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})\s*$")


def parse(text: str, today: date) -> DateRange | None:
    """A range written as 'YYYY-MM-DD..YYYY-MM-DD' (end exclusive), or the first date expression in words."""
    m = _ISO.match(text)
    if m:
        start, end = (date.fromisoformat(g) for g in m.groups())
        return DateRange(start, end, "") if start < end else None
    return find(text.lower(), today)[0]


def iso(filter_value: str) -> str:
    """A stored range 'low..high' (seconds) as 'YYYY-MM-DD..YYYY-MM-DD', how a planner reads and writes it."""
    low, high = (datetime.fromtimestamp(int(v), UTC).date().isoformat() for v in filter_value.split(".."))
    return f"{low}..{high}"


_SHIFT = re.compile(r"\b(?:(?:the|a)\s+)?(?:(?:year|summer|winter|spring|autumn|fall|month|week|one|trip|time)\s+)?"
                    r"(?P<dir>before|after)\s+(?:that|this|it|then)\b")


def find_shift(text: str) -> tuple[int, str]:
    """"the summer before that" -> -1, "the year after that" -> +1 (0: none), and the text without it."""
    m = _SHIFT.search(text)
    if not m:
        return 0, text
    return (-1 if m["dir"] == "before" else 1), (text[: m.start()] + " " + text[m.end():]).strip()


def shifted(filter_value: str, steps: int) -> tuple[str, str]:
    """A stored range moved by `steps` of its own kind: years for a year or a season, months for a month,
    weeks for a week. Returns the new 'low..high' value and its words ("taken in Jun 2025–Aug 2025")."""
    low, high = (datetime.fromtimestamp(int(v), UTC).date() for v in filter_value.split(".."))
    days = (high - low).days
    if days <= 7:
        new = DateRange(low + timedelta(weeks=steps), high + timedelta(weeks=steps), "")
    elif days <= 31:
        new = DateRange(_month_start(low.year, low.month + steps), _month_start(high.year, high.month + steps), "")
    else:
        new = DateRange(low.replace(year=low.year + steps), high.replace(year=high.year + steps), "")
    start, end = new.seconds()
    return f"{start}..{end}", new.describe()


def find_order(text: str) -> tuple[str, str]:
    """'newest' / 'oldest' / '' and the text without the words that said it."""
    m = ORDER.search(text)
    if not m:
        return "", text
    return ("oldest" if m["old"] else "newest"), (text[: m.start()] + " " + text[m.end():]).strip()


def _between_months(m: re.Match[str], today: date) -> DateRange:
    first, second = MONTHS[m["m1"]], MONTHS[m["m2"]]
    year = int(m["y"]) if m["y"] else _recent(today, first, 1, finished=False)[0]
    months = (second - first) % 12 + 1
    return _span(year if second >= first or m["y"] is None else year - 1, first, months, "")


def _between_years(m: re.Match[str], today: date) -> DateRange:
    low, high = sorted((int(m["y1"]), int(m["y2"])))
    return DateRange(date(low, 1, 1), date(high + 1, 1, 1), "")


def _season(m: re.Match[str], today: date) -> DateRange | None:
    month = SEASONS[m["season"]]
    if m["y"]:  # "summer 2023"; "winter 2023" is Dec 2023 - Feb 2024
        return _span(int(m["y"]), month, 3, f"in {m['season']} {m['y']}")
    if not m["which"]:
        return None  # "in winter", "summer scenes": a season's look, for CLIP, not a date
    which = m["which"]
    year, _ = _recent(today, month, 3, finished=which == "last")
    if which == "this":
        year = _recent(today, month, 3, finished=False)[0]
    return _span(year, month, 3, f"{which} {m['season']}")


def _month(m: re.Match[str], today: date) -> DateRange:
    month = MONTHS[m["month"] or m["month2"]]
    given = m["y"] or m["y2"]
    year = int(given) if given else _recent(today, month, 1, finished=False)[0]
    return _span(year, month, 1, "")


def _named_month(m: re.Match[str], today: date) -> DateRange:
    """"last december": the latest one that has ended; "this may": this year's."""
    month = MONTHS[m["month"]]
    year = _recent(today, month, 1, finished=True)[0] if m["which"] == "last" else today.year
    return _span(year, month, 1, f"{m['which']} {m['month']}")


# Days people date photos by: (month, first day, days). Said alone ("christmas tree") they are what a picture
# shows; with "last", "this" or a year they are a date.
HOLIDAYS = {"christmas": (12, 20, 12), "xmas": (12, 20, 12), "new year's eve": (12, 31, 2), "nye": (12, 31, 2),
            "halloween": (10, 31, 1), "valentine's day": (2, 14, 1), "valentines": (2, 14, 1),
            "thanksgiving": (11, 22, 7), "easter": (3, 22, 35)}
_HOLIDAY = "|".join(re.escape(h) for h in sorted(HOLIDAYS, key=len, reverse=True))
# Words that name a time of the calendar, never a place or a brand ("at Christmas", "the ticket from December")
CALENDAR_WORDS = frozenset({*MONTHS, *SEASONS, *(d.lower() for d in calendar.day_name), "today", "yesterday",
                            "new", *(h.split()[0] for h in HOLIDAYS)})


def _holiday(m: re.Match[str], today: date) -> DateRange | None:
    month, day, days = HOLIDAYS[m["h"]]
    if m["y"]:
        year = int(m["y"])
    elif m["which"] == "this":
        year = today.year
    else:
        year = today.year if date(today.year, month, day) + timedelta(days=days) <= today else today.year - 1
    start = date(year, month, day)
    return DateRange(start, start + timedelta(days=days), f"{m['which'] or 'at'} {m['h']}" + (f" {m['y']}" if m["y"]
                                                                                              else ""))


def _relative(m: re.Match[str], today: date) -> DateRange | None:
    which, unit = m["which"], m["unit"]
    if unit == "year":
        year = today.year - (which == "last")
        return DateRange(date(year, 1, 1), date(year + 1, 1, 1), f"{which} year")
    if unit == "month":
        return _span(today.year, today.month - (which == "last"), 1, f"{which} month")
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=which == "last")
    return DateRange(monday, monday + timedelta(weeks=1), f"{which} week")


def _past(m: re.Match[str], today: date) -> DateRange:
    n = int(m["n"]) if m["n"] and m["n"].isdigit() else _NUMBERS.get(m["n"] or "", 1)
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[m["unit"]] * n
    unit = m["unit"] + ("s" if n != 1 else "")
    return DateRange(today - timedelta(days=days - 1), today + timedelta(days=1), f"in the last {n} {unit}")


def _ago(m: re.Match[str], today: date) -> DateRange:
    """"two years ago" is that calendar year (2024 in 2026); "3 months ago" that calendar month."""
    n = int(m["n"]) if m["n"] and m["n"].isdigit() else _NUMBERS.get(m["n"] or "", 1)
    words = f"{m['n'] or 'a'} {m['unit']}{'s' if n != 1 else ''} ago"
    if m["unit"] == "year":
        return DateRange(date(today.year - n, 1, 1), date(today.year - n + 1, 1, 1), words)
    if m["unit"] == "month":
        return _span(today.year, today.month - n, 1, words)
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=n)
    return DateRange(monday, monday + timedelta(weeks=1), words)


def _seasons_ago(m: re.Match[str], today: date) -> DateRange:
    """"two summers ago": the summer two before the latest one that has ended."""
    n = int(m["n"]) if m["n"] and m["n"].isdigit() else _NUMBERS.get(m["n"] or "", 1)
    month = SEASONS[m["season"]]
    year, _ = _recent(today, month, 3, finished=True)
    return _span(year - n + 1, month, 3, f"{m['n'] or 'a'} {m['season']}{'s' if n != 1 else ''} ago")


def _before_last(m: re.Match[str], today: date) -> DateRange:
    if m["unit"] == "year":
        return DateRange(date(today.year - 2, 1, 1), date(today.year - 1, 1, 1), "the year before last")
    return _span(today.year, today.month - 2, 1, "the month before last")


def _day(m: re.Match[str], today: date) -> DateRange:
    day = today - timedelta(days=m["d"] == "yesterday")
    return DateRange(day, day + timedelta(days=1), m["d"])


def _open(m: re.Match[str], today: date) -> DateRange:
    year = int(m["y"])
    if m["dir"] == "before":
        return DateRange(date(1901, 1, 1), date(year, 1, 1), f"before {year}")
    start = date(year + (m["dir"] == "after"), 1, 1)
    return DateRange(start, today + timedelta(days=1), f"{m['dir']} {year}")


def _year(m: re.Match[str], today: date) -> DateRange:
    year = int(m["y"])
    return DateRange(date(year, 1, 1), date(year + 1, 1, 1), "")


class _Holiday:
    """The holiday rule's two spellings ("last christmas", "christmas 2019") read as one."""

    def __init__(self, m: re.Match[str]) -> None:
        self.groups = {"h": m["h"] or m["h2"], "y": m["y"] or m["y2"], "which": m["which"]}

    def __getitem__(self, key: str) -> str | None:
        return self.groups[key]


_NUMBERS = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                        "ten", "eleven", "twelve"])}
_N = r"(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + r")?"
_RULES = (
    (re.compile(rf"\b(?:taken\s+)?(?:between|from)\s+(?P<m1>{_MONTH})\s+(?:and|to|until|-)\s+(?P<m2>{_MONTH})"
                rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?\b"), _between_months),
    (re.compile(rf"\b(?:taken\s+)?(?:between|from)?\s*(?P<y1>{_YEAR})\s*(?:and|to|until|-|–)\s*(?P<y2>{_YEAR})\b"),
     _between_years),
    (re.compile(rf"\b(?:(?:in|from|during)\s+)?(?:the\s+)?(?:(?P<which>last|this|past)\s+)?(?P<season>"
                rf"{'|'.join(SEASONS)})(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?\b"), _season),
    # a month needs a preposition or a year: "may I see", "march on" are not dates
    (re.compile(rf"\b(?:(?:taken\s+)?(?:in|from|during)\s+(?P<month>{_MONTH})(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?"
                rf"|(?P<month2>{_MONTH})\s+(?:of\s+)?(?P<y2>{_YEAR}))\b"), _month),
    (re.compile(rf"\b(?:from\s+|during\s+|in\s+|at\s+|on\s+)?(?P<which>last|this)\s+(?P<month>{_MONTH})\b"),
     _named_month),
    (re.compile(rf"\b(?:from\s+|during\s+|at\s+|on\s+)?(?:(?P<which>last|this)\s+(?P<h>{_HOLIDAY})(?:\s+(?P<y>"
                rf"{_YEAR}))?|(?P<h2>{_HOLIDAY})\s+(?P<y2>{_YEAR}))\b"), lambda m, t: _holiday(_Holiday(m), t)),
    (re.compile(r"\b(?:from\s+|during\s+|in\s+)?(?P<which>last|this)\s+(?P<unit>year|month|week)\b"), _relative),
    (re.compile(rf"\b(?:in\s+|from\s+|over\s+)?(?:the\s+)?(?:last|past)\s+{_N}\s*(?P<unit>day|week|month|year)s?\b"),
     _past),
    (re.compile(rf"\b(?:from\s+|in\s+)?(?:the\s+)?{_N}\s*(?P<unit>year|month|week)s?\s+ago\b"), _ago),
    (re.compile(rf"\b(?:from\s+|in\s+)?(?:the\s+)?{_N}\s*(?P<season>{'|'.join(SEASONS)})s?\s+ago\b"), _seasons_ago),
    (re.compile(r"\b(?:from\s+|in\s+)?the\s+(?P<unit>year|month)\s+before\s+last\b"), _before_last),
    (re.compile(r"\b(?:from\s+)?(?P<d>today|yesterday)\b"), _day),
    (re.compile(rf"\b(?:taken\s+)?(?P<dir>before|after|since)\s+(?P<y>{_YEAR})\b"), _open),
    (re.compile(rf"\b(?:(?:taken\s+)?(?:in|from|during)\s+)?(?P<y>{_YEAR})\b"), _year),
)
