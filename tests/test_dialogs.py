"""The demo dialog tables (tests/dialogs.py): what each turn asked for against what the planner searched
(the wanted attributes said in the phrase or the negatives), and what the trained demo model then shows.

Both are scores over the whole table: a turn the planner gets wrong stays in the table and is counted and
printed, never re-recorded as an expected output.
"""

from __future__ import annotations

import pytest

from bot.planner import DeterministicPlanner
from bot.scope import Context
from tests import bot_fixtures as fx
from tests.dialogs import DIALOGS, constraints, matches, planner_score, run_dialog, turn_precision
from tests.heldout_demo import HELDOUT_DEMO

trained_index, trained_parts, demo_index, demo_parts = fx.trained_index, fx.trained_parts, fx.demo_index, fx.demo_parts
CHAT_PRECISION_TARGET = 0.93  # share of shown images with everything asked (bench: 0.96; issue 16 asks >= 0.95)
HELDOUT_PRECISION_TARGET = 0.85  # the held-out demo table (issue 16 asks >= 0.90; bench/RESULTS.md has today's)
PLANNER_TARGET = 0.90  # share of turns whose plan says everything asked


def test_table_is_broad_and_answerable() -> None:
    from tests.dialogs import TABLES

    assert sum(len(table) for table in TABLES) == len(DIALOGS)  # no name used twice
    multi_turn = [name for name, turns in DIALOGS.items() if len(turns) >= 2]
    assert len(multi_turn) >= 60
    rows = list(fx.demo_attrs().values())
    for name, turns in DIALOGS.items():
        for text, wanted in turns:
            constraints(wanted)  # parses
            # a turn the demo split cannot fill with 8 right images would cap precision below 1 for any bot
            assert not wanted or sum(matches(a, wanted) for a in rows) >= 8, (name, text, wanted)


@pytest.fixture(scope="module")
def words() -> Context:
    """The demo model's vocabulary: the demo bot leaves out words the search model never saw."""
    from indexer.embedding import ClipEmbeddings

    return Context(known=ClipEmbeddings("demo-clip").knows)


@pytest.mark.parametrize(("name", "dialogs"), [("development", DIALOGS), ("held-out", HELDOUT_DEMO)])
def test_demo_planner_says_what_was_asked(name: str, dialogs, words: Context) -> None:  # noqa: ANN001
    right, total, wrong = planner_score(DeterministicPlanner(words), dialogs)
    print(f"demo {name} table, planner: {right}/{total} = {right / total:.3f} of turns say everything asked")
    print("\n".join(wrong))
    assert right / total >= PLANNER_TARGET, wrong[:20]


@pytest.mark.parametrize(("name", "dialogs", "target"), [("development", DIALOGS, CHAT_PRECISION_TARGET),
                                                         ("held-out", HELDOUT_DEMO, HELDOUT_PRECISION_TARGET)])
def test_shown_images_have_what_was_asked(name: str, dialogs, target: float, trained_parts) -> None:  # noqa: ANN001
    """Chat-level precision (k = 8) over a whole table, from the manifest's attributes of what is shown."""
    per_turn: list[tuple[str, str, float]] = []
    for name, turns in dialogs.items():
        for (text, _), (_, wanted, shown) in zip(turns, run_dialog(trained_parts.bot, turns), strict=True):
            precision = turn_precision(wanted, shown)
            if precision is not None:
                per_turn.append((name, text, precision))
    mean = sum(p for *_, p in per_turn) / len(per_turn)
    worst = sorted(per_turn, key=lambda t: t[2])[:8]
    print(f"chat-level precision@8 over {len(per_turn)} turns: {mean:.3f}; worst: {worst}")
    assert mean >= target, worst
