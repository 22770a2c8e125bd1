"""LLM planner with LangChain's fake chat models: valid plans pass, anything else falls back to rules."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel, GenericFakeChatModel
from langchain_core.messages import AIMessage
from pydantic import PrivateAttr

from bot.llm_plan import LLMPlanner, planner_from_settings
from bot.plan import Action, Filter, SearchPlan
from bot.planner import DeterministicPlanner
from tests.judged import check

DOGS = SearchPlan(subject="dogs", modifiers=("on a beach",), action=Action.NEW)


class ToolCallingFake(GenericFakeChatModel):
    """Answers with tool calls, so with_structured_output takes LangChain's real tool-calling path."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> ToolCallingFake:
        return self


def tool_reply(args: dict[str, Any]) -> ToolCallingFake:
    call = {"name": "PlanOut", "args": args, "id": "call-1"}
    return ToolCallingFake(messages=iter([AIMessage(content="", tool_calls=[call])]))


def planner(model: Any, timeout_s: float = 20.0) -> LLMPlanner:
    return LLMPlanner(model, DeterministicPlanner(), timeout_s=timeout_s)


def test_valid_structured_plan() -> None:
    model = tool_reply({"action": "refine", "subject": "dogs", "modifiers": ["black", "on a beach"],
                        "negatives": ["people"], "filters": [{"field": "path", "op": "prefix", "value": "beach/"}]})
    plan = planner(model).plan(DOGS, "black ones without people in folder beach/")
    assert plan.source == "llm"
    assert plan.action is Action.REFINE
    check(plan, "+black +dog +beach !people -people @refine", "black ones without people")  # the model's answer
    assert plan.negatives == ("people",)  # the model's own negatives, passed through as they came
    assert plan.filters == (Filter("path", "prefix", "beach/"),)


def test_paging_stays_in_code() -> None:
    plan = planner(tool_reply({"action": "show_more"})).plan(DOGS, "gimme more")
    assert (plan.source, plan.action, plan.page) == ("llm", Action.SHOW_MORE, 1)
    check(plan, "+dog +beach @show_more", "gimme more")  # the search paged is the one before
    plan = planner(tool_reply({"action": "more_like", "like": 3})).plan(DOGS, "that third one, more of it")
    assert (plan.action, plan.like, plan.page) == (Action.MORE_LIKE, 3, 0)


def test_plain_json_reply_when_no_structured_output() -> None:
    reply = 'Here you go:\n```json\n{"action": "new", "subject": "red cars"}\n```'
    plan = planner(FakeListChatModel(responses=[reply])).plan(None, "red cars pls")
    assert (plan.source, plan.action) == ("llm", Action.NEW)
    check(plan, "+red +car !pls @new", "red cars pls")


def test_garbage_output_falls_back_to_rules() -> None:
    for reply in ["I cannot help with that", '{"action": "explode"}', '{"action": "new", "subject": ""}',
                  '{"action": "new", "subject": "x", "like": -40}', '{"action": "show_more"}']:
        plan = planner(FakeListChatModel(responses=[reply])).plan(None, "black cats")
        assert (plan.source, plan.action) == ("rules", Action.NEW), reply
        check(plan, "+black +cat @new", f"black cats (model: {reply})")


def test_invalid_tool_args_fall_back() -> None:
    model = tool_reply({"action": "new", "subject": "dogs", "filters": [{"field": "x or 1", "op": "eq", "value": "1"}]})
    plan = planner(model).plan(DOGS, "only black ones")
    assert plan.source == "rules"
    check(plan, "+black +dog +beach !only !one @refine", "only black ones")


class Boom(GenericFakeChatModel):
    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        raise ConnectionError("provider down")


class Hung(FakeListChatModel):
    """A provider that does not answer until the test lets it: only the planner's timeout can end the wait, so the
    test does not race a sleep against the timeout. `guard_s` only turns a broken timeout into a wrong answer
    (the model's plan) instead of a test that never ends."""

    guard_s: float = 60.0
    _asked: int = PrivateAttr(default=0)
    _release: threading.Event = PrivateAttr(default_factory=threading.Event)
    _answered: threading.Event = PrivateAttr(default_factory=threading.Event)

    def _call(self, *args: Any, **kwargs: Any) -> str:
        self._asked += 1
        self._release.wait(self.guard_s)
        self._answered.set()
        return '{"action": "new", "subject": "slow"}'

    def release(self) -> None:
        self._release.set()

    def answered(self, wait_s: float = 0.0) -> bool:
        return self._answered.wait(wait_s)

    @property
    def asked(self) -> int:
        return self._asked


def test_exception_falls_back() -> None:
    plan = planner(Boom(messages=iter([]))).plan(DOGS, "at night")
    assert (plan.source, plan.action) == ("rules", Action.REFINE)
    check(plan, "+dog +beach +night @refine", "at night")


def test_timeout_falls_back(caplog: pytest.LogCaptureFixture) -> None:
    model = Hung(responses=["unused"])
    try:
        with caplog.at_level(logging.WARNING, logger="bot.llm_plan"):
            plan = planner(model, timeout_s=0.05).plan(None, "boats")
        answered_first = model.answered()  # it cannot have: the release comes below
    finally:
        model.release()
    assert not answered_first
    assert plan.source == "rules"
    check(plan, "+boat !slow @new", "boats")
    assert [r.getMessage() for r in caplog.records if "TimeoutError" in r.getMessage()], caplog.text
    # The abandoned call still ends (released) and was the only one: no retry behind the fallback.
    assert model.answered(model.guard_s) and model.asked == 1


def test_empty_message_never_reaches_the_model() -> None:
    plan = planner(Boom(messages=iter([]))).plan(DOGS, "   ")
    assert plan.action is Action.EMPTY and plan.source == "rules"


def test_factory() -> None:
    assert isinstance(planner_from_settings(None, {}), DeterministicPlanner)
    assert isinstance(planner_from_settings("  ", {}), DeterministicPlanner)
    assert isinstance(planner_from_settings("no-such-provider:model", {}), DeterministicPlanner)


def test_when_place_and_camera_from_the_model_become_the_rules_filters() -> None:
    from datetime import date

    from bot.catalog import Catalog
    from bot.scope import Context
    from indexer.photometa import PhotoMeta

    catalog = Catalog.from_photos([PhotoMeta(1533396000, "exif", "Apple iPhone 13", 41.1, -8.6, "Porto", "Porto",
                                             "Portugal")])
    context = Context(catalog, date(2026, 11, 25))
    llm = LLMPlanner(tool_reply({"action": "new", "subject": "dogs", "when": "last summer", "place": "porto",
                                 "camera": "iphone", "order": "newest"}), DeterministicPlanner(context))
    plan = llm.plan(None, "dogs in porto last summer from my iphone, newest first")
    rules = DeterministicPlanner(context).plan(None, "dogs in porto last summer from my iphone, newest first")
    assert plan.source == "llm" and plan.filters == rules.filters and plan.order == rules.order == "newest"
    assert plan.describe() == rules.describe()
    oslo = LLMPlanner(tool_reply({"action": "new", "place": "Oslo"}), DeterministicPlanner(context)).plan(None, "oslo")
    assert oslo.notice.startswith("No photos taken in Oslo") and not oslo.searchable
    iso = LLMPlanner(tool_reply({"action": "filter", "when": "2023-06-01..2023-09-01"}),
                     DeterministicPlanner(context)).plan(None, "between june and august 2023")
    assert iso.describe() == "Searching for: photos, taken in Jun 2023–Aug 2023"


def test_words_in_the_picture_from_the_model_go_to_the_text_search() -> None:
    """What a good model answers for "the sign saying welcome to Texas": the sign for CLIP, the words to read."""
    said = "the sign saying welcome to Texas"
    plan = planner(tool_reply({"action": "new", "subject": "sign", "text": "welcome to Texas"})).plan(None, said)
    assert (plan.source, plan.text) == ("llm", "welcome to Texas")
    check(plan, "+sign +welcome_to_texas !saying @new", said)
    assert plan.describe() == DeterministicPlanner().plan(None, said).describe()
    # the current text goes to the model with the current plan, so a refinement can keep it
    asked: list[str] = []

    class Recording(ToolCallingFake):
        def invoke(self, messages: Any, *args: Any, **kwargs: Any) -> Any:
            asked.append(str(messages[-1].content))
            return super().invoke(messages, *args, **kwargs)

    reply = {"action": "refine", "subject": "signs", "modifiers": ["at night"], "text": "welcome to Texas"}
    call = {"name": "PlanOut", "args": reply, "id": "call-2"}
    model = Recording(messages=iter([AIMessage(content="", tool_calls=[call])]))
    later = planner(model).plan(plan, "only at night")
    assert '"text": "welcome to Texas"' in asked[0]
    assert later.text == "welcome to Texas" and later.action is Action.REFINE
    check(later, "+sign +night @refine", "only at night")
