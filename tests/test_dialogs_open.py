"""The open world: conversations about any photo library, typed the way people type, judged by what each turn
asked for (tests/wants.py). The rule planner on the development table and on the held-out table (written after
the planner was frozen, never tuned for); the LLM planner through a scripted model that answers with plans a
good model would write; and a real bot on a model that knows every word (open_clip ViT-B-32, random weights).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage

from bot.llm_plan import LLMPlanner
from bot.plan import Action
from bot.planner import DeterministicPlanner
from tests.dialogs_open import OPEN
from tests.heldout_open import HELDOUT_OPEN
from tests.heldout_open2 import HELDOUT_OPEN2
from tests.heldout_open3 import HELDOUT_OPEN3
from tests.heldout_open4 import HELDOUT_OPEN4
from tests.wants import Want, judge, open_context, parse, score

OPEN_TARGET = 0.90  # issue 16: >= 0.90 of turns right
# Held-out tables, each written before any planner change for it; the floor is under each one's first score:
# 0.888 (heldout_open), 0.861 (heldout_open2, commit 5310ff7), 0.866 (heldout_open3, commit f724b67),
# 134/146 = 0.918 (heldout_open4, written blind and committed alone at 0f999ff, first scored there).
HELDOUT_FLOOR = 0.85


def test_development_table() -> None:
    right, total, wrong = score(DeterministicPlanner(open_context()), OPEN)
    print(f"open table: {right}/{total} = {right / total:.3f}\n" + "\n".join(wrong))
    assert total >= 450 and right / total >= OPEN_TARGET, wrong[:20]


@pytest.mark.parametrize("table", [HELDOUT_OPEN, HELDOUT_OPEN2, HELDOUT_OPEN3, HELDOUT_OPEN4],
                         ids=["first", "second", "third", "fourth"])
def test_held_out_table(table: dict) -> None:
    right, total, wrong = score(DeterministicPlanner(open_context()), table)
    print(f"held-out open table: {right}/{total} = {right / total:.3f}\n" + "\n".join(wrong))
    assert total >= 120 and right / total >= HELDOUT_FLOOR, wrong[:20]


_ORDINALS = {w: i + 1 for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"])}
_PLACES = ("paris", "tokyo", "rome", "new york", "london", "barcelona", "lisbon", "kyoto")
_CAMERAS = ("iphone", "pixel", "canon", "gopro")


def good_plan(text: str, want: Want, current: dict[str, Any] | None) -> dict[str, Any]:
    """The plan a good model writes for a turn: what the person asked for (the table's spec), on top of the
    current plan where the turn continues it; written from the spec, never by running the rule planner."""
    action = {"none": "empty"}.get(want.action, want.action)
    keep = current is not None and want.action not in ("new", "reset")
    words = [w.replace("_", " ") for w in want.must]
    plan: dict[str, Any] = {"action": action, "subject": "", "modifiers": words, "negatives": list(want.negatives)}
    if keep and not words:
        plan["subject"], plan["modifiers"] = current["subject"], current["modifiers"]
    if keep:
        plan["negatives"] = list(dict.fromkeys([*current["negatives"], *want.negatives]))
    low = text.lower()
    if want.action == "more_like":
        rank = re.search(r"#?(\d+)", low)
        ordinal = next((v for k, v in _ORDINALS.items() if k in low), None)
        plan["like"] = int(rank[1]) if rank else -(ordinal or 1)
    if "taken" in want.filters:
        plan["when"] = text
    plan["place"] = next((p for p in _PLACES if p in low), "") if "place" in want.filters else ""
    plan["camera"] = next((c for c in _CAMERAS if c in low), "") if "camera" in want.filters else ""
    return plan


class ScriptedPlanModel(GenericFakeChatModel):
    """A chat model that answers the LLM planner's prompt with the hand-written plan for the turn it is asked
    about. ``fail_every``: every n-th reply is unusable, so the rules must step in."""

    turns: dict[str, str] = {}
    fail_every: int = 0
    calls: int = 0

    def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kw: Any):
        self.calls += 1
        prompt = str(messages[-1].content)
        current = json.loads(re.search(r"Current plan: (.*)\nUser message", prompt)[1])
        text = prompt.split("User message: ", 1)[1]
        reply = good_plan(text, parse(self.turns[text]), current)
        content = "I'd rather not." if self.fail_every and self.calls % self.fail_every == 0 else json.dumps(reply)
        self.messages = iter([AIMessage(content=content)])
        return super()._generate(messages, stop, run_manager, **kw)


@pytest.mark.parametrize("fail_every", [0, 3])
def test_llm_planner_on_the_open_table(fail_every: int) -> None:
    """The LLM path (prompt, parsing, validation, the plan it makes, the rules when a reply is unusable)."""
    right = total = llm = 0
    wrong = []
    for name, turns in OPEN.items():
        model = ScriptedPlanModel(messages=iter([]), turns={text: spec for text, spec in turns},
                                  fail_every=fail_every)
        planner, previous, history = LLMPlanner(model, DeterministicPlanner(open_context())), None, []
        for text, spec in turns:
            plan = planner.plan(previous, text, history)
            want = parse(spec)
            misses = judge(plan, Want(want.must, want.absent, want.negatives, (), want.action))
            right, total, llm = right + (not misses), total + 1, llm + (plan.source == "llm")
            wrong += [f"{name}: {text!r} -> {plan.phrase!r} ({plan.source}): {misses}"] if misses else []
            previous = plan
            history.append(plan)
    print(f"LLM planner, fail_every={fail_every}: {right}/{total} right, {llm} planned by the model")
    assert right / total >= OPEN_TARGET, wrong[:20]
    assert llm >= total * (0.5 if fail_every else 0.9)  # the model answered; the rules only stood in


@pytest.mark.slow
def test_a_real_bot_on_a_model_that_knows_every_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m bot --json` over a Milvus Lite collection indexed with ViT-B-32 at random weights: its results
    mean nothing, but the phrase it sends to CLIP is judged."""
    import shutil

    from milvus_lite.server_manager import server_manager_instance

    import bot.__main__ as terminal
    from indexer.cli import main as index
    from tests.bot_fixtures import REPO_ROOT

    rows = (REPO_ROOT / "data/demo/manifest.csv").read_text().splitlines()
    (tmp_path / "photos").mkdir()
    for row in rows[1:7]:
        shutil.copy(REPO_ROOT / "data/demo" / row.split(",", 1)[0], tmp_path / "photos")
    db = tmp_path / "open.db"
    assert index(["index", str(tmp_path / "photos"), "--db", str(db), "--collection", "open", "--model", "ViT-B-32",
                  "--pretrained", "random"]) == 0
    server_manager_instance.release_server(str(db))
    dialogs = {name: OPEN[name] for name in list(OPEN)[:: max(1, len(OPEN) // 6)][:6]}
    script = [(name, text, spec) for name, turns in dialogs.items()
              for text, spec in [*turns, ("start over", "@reset")]]
    out = io.StringIO()  # one bot for every dialog: "start over" between them
    assert terminal.main(["--db", str(db), "--collection", "open", "--json", "-k", "3"],
                         stdin=io.StringIO("".join(text + "\n" for _, text, _ in script)), stdout=out) == 0
    right, wrong = 0, []
    for (name, text, spec), line in zip(script, out.getvalue().splitlines(), strict=True):
        answer = json.loads(line)
        plan = SimpleNamespace(phrase=answer["phrase"], text=answer["text"],
                           negatives=tuple(answer["negatives"]), filters=(),
                               action=Action(answer["action"]), searchable=answer["action"] != "empty")
        want = parse(spec)
        # no filters judged: this little collection has no places or cameras, so such words stay words
        misses = judge(plan, Want(want.must, want.absent, want.negatives, (), want.action))
        right += not misses
        wrong += [f"{name}: {text!r} -> {answer['phrase']!r}: {misses}"] if misses else []
        if answer["action"] in ("new", "refine", "exclude") and "taken" not in answer["headline"]:
            assert answer["results"], answer  # it searched the collection
    assert len(script) >= 18 and right / len(script) >= 0.8, wrong
