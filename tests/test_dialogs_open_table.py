"""Format checks for the open-vocabulary dialog table (tests/dialogs_open.py).

These tests validate only the table itself (spec syntax, counts, themes), not the bot.
"""
import ast
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.dialogs_open import OPEN

ACTIONS = {"new", "refine", "exclude", "more_like", "show_more", "reset", "filter", "none"}
FILTERS = {"taken", "place", "camera"}
THEMES = {"pets", "family", "food", "travel", "nature", "city", "docs", "events", "vehicles", "sport",
          "home"}
WORD = re.compile(r"^[a-z0-9][a-z0-9'_-]*$")

TURNS = [(name, i, msg, spec) for name, turns in OPEN.items() for i, (msg, spec) in enumerate(turns)]


def parse(spec):
    """Split a spec into its parts; raise ValueError on anything malformed."""
    parts = {"+": [], "!": [], "-": [], "@": [], "~": []}
    for item in spec.split():
        prefix, body = item[0], item[1:]
        if prefix not in parts:
            raise ValueError(f"bad prefix in {item!r}")
        if not body or not WORD.match(body):
            raise ValueError(f"bad word in {item!r}")
        parts[prefix].append(body)
    return parts


def test_counts():
    assert len(OPEN) >= 160
    assert len(TURNS) >= 450


def test_dialog_names_unique_in_source():
    tree = ast.parse(Path(__file__).with_name("dialogs_open.py").read_text())
    keys = [k.value for node in ast.walk(tree) if isinstance(node, ast.Dict)
            for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    dupes = [k for k, n in Counter(keys).items() if n > 1]
    assert not dupes
    assert len(keys) == len(OPEN)


def test_every_theme_represented_evenly():
    themes = Counter(name.split(":", 1)[0] for name in OPEN)
    assert set(themes) == THEMES, set(themes) ^ THEMES
    assert min(themes.values()) >= 10, themes


def test_dialog_shape():
    for name, turns in OPEN.items():
        assert isinstance(name, str) and ": " in name, name
        assert 1 <= len(turns) <= 6, name
        for turn in turns:
            assert isinstance(turn, tuple) and len(turn) == 2, (name, turn)
            msg, spec = turn
            assert isinstance(msg, str) and msg.strip(), (name, turn)
            assert isinstance(spec, str) and spec.strip(), (name, turn)


@pytest.mark.parametrize("name,i,msg,spec", TURNS, ids=[f"{n}#{i}" for n, i, _, _ in TURNS])
def test_spec_parses(name, i, msg, spec):
    parts = parse(spec)
    assert len(parts["@"]) == 1, "exactly one @action"
    action = parts["@"][0]
    assert action in ACTIONS, action
    assert set(parts["~"]) <= FILTERS, parts["~"]
    assert len(parts["~"]) == len(set(parts["~"]))
    assert not set(parts["+"]) & set(parts["!"]), "a word both required and forbidden"
    plus_tokens = {t for w in parts["+"] for t in w.split("_")}
    assert not plus_tokens & set(parts["!"]), "a word both required and forbidden"
    if action == "filter":
        assert parts["~"], "@filter turns set a filter"
    if action == "exclude":
        assert parts["-"], "@exclude turns add a negative"
    if action in {"more_like", "show_more", "reset", "none"}:
        assert not parts["+"] and not parts["-"] and not parts["~"], "no content on a non-search turn"
    if action in {"new", "refine"}:
        assert parts["+"], "a search names something"
    if i == 0:
        assert action in {"new", "filter", "none"}, "a dialog opens with a new search or chatter"


def test_filter_share_and_action_mix():
    with_filter = sum(1 for *_, spec in TURNS if "~" in spec)
    share = with_filter / len(TURNS)
    assert 0.10 <= share <= 0.25, share
    actions = Counter(parse(spec)["@"][0] for *_, spec in TURNS)
    assert set(actions) == ACTIONS, actions
    # mostly content turns
    content = actions["new"] + actions["refine"] + actions["exclude"] + actions["filter"]
    assert content / len(TURNS) >= 0.8, actions
