"""Safe Milvus boolean filter expressions from chat filters.

Every user value ends up inside exactly one double-quoted string literal: backslash,
double quote and line breaks are escaped, other control characters are refused.

`like` wildcards: Milvus 2.3 has no way to escape `%` and `_` inside a LIKE pattern
(milvus-io/milvus-docs#2525), and later versions read a backslash before them as an
escape (milvus-io/milvus#43887), so the same pattern means different things on
different servers. By default a prefix/contains value holding `%`, `_` or `\\` is
refused with InvalidFilterValue rather than turned into a broader match.
`like_escape=True` escapes them instead, for servers known to support it (the
store's tests against a real server decide whether to turn it on).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence

from bot.plan import FILTER_OPS, Filter
from indexer.errors import ConfigError, SearchBotError

_LIKE_SPECIAL = ("\\", "%", "_")
# a plain field, or one key of a JSON field (manifest columns live in `attrs`)
_IDENTIFIER = re.compile(r'[A-Za-z_][A-Za-z0-9_]*(\["[A-Za-z_][A-Za-z0-9_]*"\])?')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
PLACE_COLUMNS = ("city", "region", "country")
# Filters on photo metadata: only collections indexed with it have these fields (see indexer.schema).
PHOTO_FILTERS = {"taken": "taken", "place": "city", "camera": "camera"}


class FilterError(SearchBotError):
    """A chat filter cannot be turned into a safe expression."""


class UnknownFilterField(FilterError):
    def __init__(self, field: str, allowed: Sequence[str]) -> None:
        names = ", ".join(sorted(allowed)) or "none"
        super().__init__(f"cannot filter on {field!r}; fields you can filter on: {names}")
        self.field = field
        self.allowed = tuple(allowed)


class InvalidFilterValue(FilterError):
    def __init__(self, flt: Filter, reason: str) -> None:
        super().__init__(f"cannot filter {flt.field} {flt.op} {flt.value!r}: {reason}")
        self.filter = flt
        self.reason = reason


def build_expr(
    filters: Sequence[Filter], allowed_fields: Mapping[str, str], *, like_escape: bool = False
) -> str | None:
    """`filters` joined with `and`, or None when there are none.

    `allowed_fields` maps the name a person types ("color", "path") to the scalar
    VARCHAR field of the collection; anything else raises UnknownFilterField.
    """
    parts = [_one(f, allowed_fields, like_escape) for f in filters]
    return " and ".join(parts) if parts else None


def _one(flt: Filter, allowed_fields: Mapping[str, str], like_escape: bool) -> str:
    column = allowed_fields.get(flt.field)
    if column is None and flt.field in PHOTO_FILTERS:
        raise FilterError("this collection was indexed before photo dates, places and cameras were recorded; "
                          "run `python -m indexer index` on its folder once to add them (nothing is re-embedded)")
    if column is None:
        raise UnknownFilterField(flt.field, list(allowed_fields))
    if not _IDENTIFIER.fullmatch(column):
        raise ConfigError(f"filter field {flt.field!r} maps to {column!r}, which is not a plain field name")
    if flt.op not in FILTER_OPS:
        raise InvalidFilterValue(flt, f"unknown operation {flt.op!r}")
    if not flt.value:
        raise InvalidFilterValue(flt, "the value is empty")
    if flt.field == "taken" and flt.op != "range":  # a number field: a text literal would be a store error
        year = flt.value if re.fullmatch(r"[12][0-9]{3}", flt.value) else "2020"
        raise FilterError(f"taken is a date: ask in words, like 'from {year}' or 'in March 2022'")
    if flt.op == "range":
        low, high = _bounds(flt)
        return f"({column} >= {low} and {column} < {high})"
    if flt.field == "place" and flt.op == "eq":  # a town, region or country: whichever the name is
        literal = quote(flt.value, flt)
        return "(" + " or ".join(f"{c} == {literal}" for c in PLACE_COLUMNS) + ")"
    if flt.op == "in":
        return f"{column} in [" + ", ".join(quote(v, flt) for v in _values(flt)) + "]"
    if flt.op == "eq":
        return f"{column} == {quote(flt.value, flt)}"
    pattern = _like_text(flt, like_escape)
    pattern = pattern + "%" if flt.op == "prefix" else "%" + pattern + "%"
    return f"{column} like {quote(pattern, flt)}"


def _values(flt: Filter) -> list[str]:
    """An 'in' filter's value: a JSON list of strings, nothing else."""
    try:
        values = json.loads(flt.value)
    except ValueError as exc:
        raise InvalidFilterValue(flt, "an 'in' value is a JSON list of strings") from exc
    if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
        raise InvalidFilterValue(flt, "an 'in' value is a non-empty JSON list of strings")
    return values


def _bounds(flt: Filter) -> tuple[int, int]:
    """'low..high' as two whole numbers (seconds), nothing else: the only values a range may hold."""
    try:
        low, high = (int(part) for part in flt.value.split(".."))
    except ValueError as exc:
        raise InvalidFilterValue(flt, "a range is two whole numbers, 'low..high'") from exc
    return low, high


def _like_text(flt: Filter, like_escape: bool) -> str:
    special = [c for c in _LIKE_SPECIAL if c in flt.value]
    if not special:
        return flt.value
    if not like_escape:
        shown = " ".join(repr(c) for c in special)
        raise InvalidFilterValue(flt, f"{shown} cannot be matched literally by this Milvus filter")
    # pattern level: one backslash before each special; quote() then escapes the backslashes
    # again for the string literal, which is the double escaping Milvus expects.
    return "".join("\\" + c if c in _LIKE_SPECIAL else c for c in flt.value)


def quote(value: str, flt: Filter | None = None) -> str:
    """A Milvus double-quoted string literal holding exactly `value`."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif unicodedata.category(ch) in ("Cc", "Cs"):
            raise InvalidFilterValue(flt or Filter("value", "eq", value), "it holds a control character")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
