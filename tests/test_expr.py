"""Milvus filter expressions: every hostile value stays inside one quoted literal."""

from __future__ import annotations

import re

import pytest

from bot.expr import InvalidFilterValue, UnknownFilterField, build_expr, quote
from bot.plan import Filter
from indexer.errors import ConfigError, SearchBotError

FIELDS = {"path": "path", "caption": "caption", "color": "color", "setting": "setting"}

# A Milvus double-quoted literal: any char but quote, backslash or line break, or a backslash escape.
LITERAL = r'"(?:[^"\\\r\n]|\\.)*"'
CLAUSE = re.compile(rf"(?P<field>[a-z_]+) (?P<op>==|like) (?P<lit>{LITERAL})")


def clauses(expr: str) -> list[tuple[str, str, str]]:
    """Tokenise `a == "x" and b like "y"`; fails when anything is left over."""
    parts = expr.split(" and ")
    out = []
    rest = expr
    while rest:
        m = CLAUSE.match(rest)
        assert m, f"not a clause at {rest!r} in {expr!r}"
        out.append((m["field"], m["op"], unescape(m["lit"])))
        rest = rest[m.end():]
        if rest:
            assert rest.startswith(" and "), rest
            rest = rest[5:]
    assert len(out) <= len(parts)
    return out


def unescape(literal: str) -> str:
    simple = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: simple[m[1]], literal[1:-1])


def test_basic_forms() -> None:
    expr = build_expr(
        [Filter("path", "prefix", "beach/"), Filter("caption", "contains", "sunset"), Filter("color", "eq", "red")],
        FIELDS,
    )
    assert expr == 'path like "beach/%" and caption like "%sunset%" and color == "red"'
    assert build_expr([], FIELDS) is None


def test_field_names_map_to_collection_fields() -> None:
    assert build_expr([Filter("colour", "eq", "red")], {"colour": "color"}) == 'color == "red"'


HOSTILE = [
    '" or 1==1 or "', "\\", '\\"', "a\\", "line\nbreak", "cr\rtab\t", "😀 שלום 犬", "x" * 500,
    "' or ''='", ") or (1==1", "../../etc/passwd", 'path like "%"',
]


@pytest.mark.parametrize("value", HOSTILE)
def test_eq_values_stay_one_literal(value: str) -> None:
    expr = build_expr([Filter("color", "eq", value), Filter("setting", "eq", value)], FIELDS)
    assert expr is not None
    assert clauses(expr) == [("color", "==", value), ("setting", "==", value)]


@pytest.mark.parametrize("value", [v for v in HOSTILE if not set(v) & set("\\%_")])
def test_like_values_stay_one_literal(value: str) -> None:
    expr = build_expr([Filter("path", "prefix", value), Filter("caption", "contains", value)], FIELDS)
    assert expr is not None
    assert clauses(expr) == [("path", "like", value + "%"), ("caption", "like", "%" + value + "%")]


@pytest.mark.parametrize("value", HOSTILE)
def test_escaped_like_values_stay_one_literal(value: str) -> None:
    expr = build_expr([Filter("caption", "contains", value)], FIELDS, like_escape=True)
    assert expr is not None
    [(field, op, pattern)] = clauses(expr)
    assert (field, op) == ("caption", "like")
    # strip the pattern-level escapes: what is left is the user's text between two wildcards
    assert re.sub(r"\\(.)", r"\1", pattern[1:-1]) == value


@pytest.mark.parametrize("value", ["50%", "my_photos/", "a\\b", "%", "_"])
def test_like_wildcards_refused_by_default(value: str) -> None:
    with pytest.raises(InvalidFilterValue) as err:
        build_expr([Filter("path", "prefix", value)], FIELDS)
    assert isinstance(err.value, SearchBotError)
    assert "literally" in str(err.value)


def test_like_wildcards_escaped_when_asked() -> None:
    expr = build_expr([Filter("path", "prefix", "my_photos/50%\\")], FIELDS, like_escape=True)
    assert expr is not None
    # pattern level: \_ \% \\ ; literal level doubles each backslash again
    assert expr == 'path like "my\\\\_photos/50\\\\%\\\\\\\\%"'
    assert clauses(expr) == [("path", "like", "my\\_photos/50\\%\\\\%")]


def test_eq_keeps_wildcards_as_plain_text() -> None:
    assert build_expr([Filter("color", "eq", "%_")], FIELDS) == 'color == "%_"'


def test_unknown_field_is_typed_and_lists_allowed() -> None:
    with pytest.raises(UnknownFilterField) as err:
        build_expr([Filter("id", "eq", "1")], FIELDS)
    assert isinstance(err.value, SearchBotError)
    assert err.value.field == "id" and "color" in str(err.value)


@pytest.mark.parametrize("column", ["color or 1==1", 'a"b', "", "meta[0]"])
def test_bad_collection_field_name_is_a_config_error(column: str) -> None:
    with pytest.raises(ConfigError):
        build_expr([Filter("color", "eq", "red")], {"color": column})


@pytest.mark.parametrize("value", ["", "bell\x07", "nul\x00"])
def test_empty_or_control_values_refused(value: str) -> None:
    with pytest.raises(InvalidFilterValue):
        build_expr([Filter("color", "eq", value)], FIELDS)


def test_quote_round_trips() -> None:
    for value in HOSTILE:
        assert unescape(quote(value)) == value
