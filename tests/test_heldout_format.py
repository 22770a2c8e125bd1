"""Format checks for the held-out dialog tables (tests/heldout_open.py, tests/heldout_open2.py, tests/heldout_open3.py,
tests/heldout_open4.py, tests/heldout_demo.py).

Only the FORMAT is checked here: every spec item parses, one @action per turn, no word both required and
forbidden, demo wants are known ``name=value`` pairs, dialog names are unique (also in the source, where a
duplicate dict key would silently drop a dialog), and the tables meet their minimum sizes.  How the planner
scores on them is measured by the benchmark, not here.
"""

import ast
import re
from pathlib import Path

import pytest

from tests.heldout_demo import HELDOUT_DEMO
from tests.heldout_open import HELDOUT_OPEN
from tests.heldout_open2 import HELDOUT_OPEN2
from tests.heldout_open3 import HELDOUT_OPEN3
from tests.heldout_open4 import HELDOUT_OPEN4

HERE = Path(__file__).parent
ACTIONS = {"new", "refine", "exclude", "filter", "more_like", "show_more", "reset", "none"}
FILTERS = {"taken", "place", "camera"}
WORD = re.compile(r"^[a-z0-9]+(?:[_'-][a-z0-9]+)*$")
DEMO_VALUES = {
    "kind": {"house", "tree", "car", "boat", "flower", "fish"},
    "color": {"red", "blue", "green", "yellow", "purple", "orange"},
    "count": {"1", "2", "3"},
    "size": {"small", "big"},
    "setting": {"grass", "beach", "snow", "water", "street"},
    "time": {"day", "night"},
}


def _dict_keys(filename: str, name: str) -> list[str]:
    tree = ast.parse((HERE / filename).read_text())
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == name:
            assert isinstance(node.value, ast.Dict)
            keys = []
            for key in node.value.keys:
                assert isinstance(key, ast.Constant) and isinstance(key.value, str), "keys are string literals"
                keys.append(key.value)
            return keys
    raise AssertionError(f"{name} not found in {filename}")


@pytest.mark.parametrize("filename,name,table", [
    ("heldout_open.py", "HELDOUT_OPEN", HELDOUT_OPEN),
    ("heldout_open2.py", "HELDOUT_OPEN2", HELDOUT_OPEN2),
    ("heldout_open3.py", "HELDOUT_OPEN3", HELDOUT_OPEN3),
    ("heldout_open4.py", "HELDOUT_OPEN4", HELDOUT_OPEN4),
    ("heldout_demo.py", "HELDOUT_DEMO", HELDOUT_DEMO),
])
def test_unique_dialog_names(filename, name, table):
    keys = _dict_keys(filename, name)
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    assert not dupes, f"duplicate dialog names: {dupes}"
    assert len(keys) == len(table)


@pytest.mark.parametrize(("table", "dialogs", "turns"), [
    (HELDOUT_OPEN, 50, 140), (HELDOUT_OPEN2, 50, 120), (HELDOUT_OPEN3, 50, 120), (HELDOUT_OPEN4, 60, 140),
    (HELDOUT_DEMO, 30, 90),
])
def test_sizes(table: dict, dialogs: int, turns: int) -> None:
    """Each held-out table is as large as it was written to be: big enough to measure generalisation."""
    assert len(table) >= dialogs
    assert sum(len(t) for t in table.values()) >= turns


def _check_spec(spec: str) -> None:
    items = spec.split()
    assert items, "empty spec"
    actions = [i[1:] for i in items if i.startswith("@")]
    assert len(actions) == 1, f"exactly one @action: {spec!r}"
    assert actions[0] in ACTIONS, f"unknown action {actions[0]!r}"
    plus, bang = set(), set()
    for item in items:
        sigil, body = item[0], item[1:]
        if sigil == "@":
            continue
        if sigil == "~":
            assert body in FILTERS, f"unknown filter {item!r}"
            continue
        assert sigil in "+!-", f"unknown item {item!r} in {spec!r}"
        assert WORD.match(body), f"bad word {item!r} in {spec!r}"
        if sigil == "+":
            plus.add(body)
        elif sigil == "!":
            bang.add(body)
    both = plus & bang
    assert not both, f"words both required and forbidden: {sorted(both)} in {spec!r}"
    if actions[0] in {"none", "reset", "show_more", "more_like"}:
        assert not plus, f"@{actions[0]} searches no new phrase: {spec!r}"


OPEN_HELD = {**{("1", n): t for n, t in HELDOUT_OPEN.items()}, **{("2", n): t for n, t in HELDOUT_OPEN2.items()},
            **{("3", n): t for n, t in HELDOUT_OPEN3.items()}, **{("4", n): t for n, t in HELDOUT_OPEN4.items()}}


@pytest.mark.parametrize("key", sorted(OPEN_HELD), ids=[f"{s}:{n}" for s, n in sorted(OPEN_HELD)])
def test_open_dialog_format(key):
    name, turns = key[1], OPEN_HELD[key]
    assert re.match(r"^[a-z]+: \S", name), f"name is '<theme>: <title>': {name!r}"
    assert turns
    for turn in turns:
        assert isinstance(turn, tuple) and len(turn) == 2
        message, spec = turn
        assert isinstance(message, str) and message.strip()
        assert isinstance(spec, str)
        _check_spec(spec)


@pytest.mark.parametrize("name", sorted(HELDOUT_DEMO))
def test_demo_dialog_format(name):
    turns = HELDOUT_DEMO[name]
    assert turns
    for turn in turns:
        assert isinstance(turn, tuple) and len(turn) == 2
        message, wanted = turn
        assert isinstance(message, str) and message.strip()
        assert isinstance(wanted, str)
        positive: dict[str, str] = {}
        negative: set[tuple[str, str]] = set()
        for item in wanted.split():
            neg = item.startswith("!")
            attr, eq, value = item.lstrip("!").partition("=")
            assert eq == "=", f"not name=value: {item!r}"
            assert attr in DEMO_VALUES, f"unknown attribute {attr!r}"
            assert value in DEMO_VALUES[attr], f"unknown value {item!r}"
            if neg:
                negative.add((attr, value))
            else:
                assert attr not in positive, f"{attr} wanted twice in {wanted!r}"
                positive[attr] = value
        clash = {(a, v) for a, v in positive.items()} & negative
        assert not clash, f"wanted and not wanted: {clash} in {wanted!r}"
