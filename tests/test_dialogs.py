"""The dialog table (tests/dialogs.py): the phrase each turn sends to CLIP, through the rule planner and through
the LLM planner with a scripted model, and what the trained demo model then shows."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage

from bot.llm_plan import LLMPlanner
from bot.plan import Action, Filter, SearchPlan
from bot.planner import DeterministicPlanner
from bot.scope import Context
from tests import bot_fixtures as fx
from tests.dialogs import DIALOGS, constraints, matches, run_dialog, turn_precision

trained_index, trained_parts, demo_index, demo_parts = fx.trained_index, fx.trained_parts, fx.demo_index, fx.demo_parts
CHAT_PRECISION_TARGET = 0.85


def test_table_is_broad_and_answerable() -> None:
    from tests.dialogs import TABLES

    assert sum(len(table) for table in TABLES) == len(DIALOGS)  # no name used twice
    multi_turn = [name for name, turns in DIALOGS.items() if len(turns) >= 2]
    assert len(multi_turn) >= 60
    rows = list(fx.demo_attrs().values())
    for name, turns in DIALOGS.items():
        for text, _, wanted in turns:
            constraints(wanted)  # parses
            # a turn the demo split cannot fill with 8 right images would cap precision below 1 for any bot
            assert not wanted or sum(matches(a, wanted) for a in rows) >= 8, (name, text, wanted)


@pytest.fixture(scope="module")
def words() -> Context:
    """The demo model's vocabulary: the phrases of the table are what the demo bot sends (bot.reader drops words
    the search model never saw)."""
    from indexer.embedding import ClipEmbeddings

    return Context(known=ClipEmbeddings("demo-clip").knows)


@pytest.mark.parametrize("name", list(DIALOGS))
def test_rule_planner_sends_the_phrase(name: str, words: Context) -> None:
    planner, previous, history = DeterministicPlanner(words), None, []
    for text, phrase, _ in DIALOGS[name]:
        plan = planner.plan(previous, text, history)
        assert (plan.phrase if plan.searchable else None) == phrase, f"{name}: after {text!r}: {plan}"
        previous = plan
        history.append(plan)


class ScriptedPlanModel(GenericFakeChatModel):
    """A chat model that answers the LLM planner's prompt with a plan in JSON, the way a good model would:
    it reads the current plan and the message from the prompt (and nothing else) and writes the plan the
    dialog table expects. ``fail_every``: every n-th reply is unusable, so the rules must step in."""

    fail_every: int = 0
    calls: int = 0
    context: Any = None

    def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kw: Any):
        self.calls += 1
        prompt = str(messages[-1].content)
        current = json.loads(re.search(r"Current plan: (.*)\nUser message", prompt)[1])
        earlier = json.loads(re.search(r"Earlier searches \(oldest first\): (.*)\nCurrent plan", prompt)[1])
        text = prompt.split("User message: ", 1)[1]
        previous = None if current is None else _plan(current)
        plan = DeterministicPlanner(self.context).plan(previous, text, [_plan(p) for p in earlier])
        reply = {"action": plan.action.value, "subject": plan.subject, "modifiers": list(plan.modifiers),
                 "negatives": list(plan.negatives), "filters": [vars(f) for f in plan.filters], "like": plan.like}
        content = "I'd rather not." if self.fail_every and self.calls % self.fail_every == 0 else json.dumps(reply)
        self.messages = iter([AIMessage(content=content)])
        return super()._generate(messages, stop, run_manager, **kw)


def _plan(fields: dict[str, Any]) -> SearchPlan:
    return SearchPlan(fields["subject"], tuple(fields["modifiers"]), tuple(fields["negatives"]),
                      tuple(Filter(**f) for f in fields["filters"]), Action(fields["last_action"]), fields["like"])


@pytest.mark.parametrize("fail_every", [0, 2])
def test_llm_planner_passes_the_table(fail_every: int, words: Context) -> None:
    for name, turns in DIALOGS.items():
        model = ScriptedPlanModel(messages=iter([]), fail_every=fail_every, context=words)
        planner, previous, sources, history = LLMPlanner(model, DeterministicPlanner(words)), None, set(), []
        for text, phrase, _ in turns:
            plan = planner.plan(previous, text, history)
            assert (plan.phrase if plan.searchable else None) == phrase, f"{name}: after {text!r}: {plan}"
            sources.add(plan.source)
            previous = plan
            history.append(plan)
        assert "llm" in sources or fail_every == 1
        assert model.calls == len(turns)


def test_shown_images_have_what_was_asked(trained_parts) -> None:  # noqa: ANN001
    """Chat-level precision (k = 8) over the whole table, from the manifest's attributes of what is shown."""
    per_turn: list[tuple[str, str, float]] = []
    for name, turns in DIALOGS.items():
        for (text, _, _), (_, wanted, shown) in zip(turns, run_dialog(trained_parts.bot, turns), strict=True):
            precision = turn_precision(wanted, shown)
            if precision is not None:
                per_turn.append((name, text, precision))
    mean = sum(p for *_, p in per_turn) / len(per_turn)
    worst = sorted(per_turn, key=lambda t: t[2])[:8]
    print(f"chat-level precision@8 over {len(per_turn)} turns: {mean:.3f}; worst: {worst}")
    assert mean >= CHAT_PRECISION_TARGET, worst
