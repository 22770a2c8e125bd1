"""Optional LLM planner: same interface and output as the rules, rules on any failure.

The LLM only reads the message; paging, "more like" and reset bookkeeping stay in
code so a model cannot invent page numbers. Whatever it returns is validated and
bounded before it becomes a SearchPlan; anything odd -> the rule planner answers.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field

from bot import when as when_words
from bot.commands import read_command
from bot.expr import PHOTO_FILTERS
from bot.plan import Action, Filter, Planner, SearchPlan
from bot.planner import DeterministicPlanner
from bot.planner import read as reader
from bot.scope import Context, camera_filter

log = logging.getLogger(__name__)

_TEXT = 100  # longest subject/modifier kept from a model reply
EARLIER = 8  # earlier searches shown to the model ("go back to the cars")


class FilterOut(BaseModel):
    field: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$", description="path, caption, or a column name")
    op: Literal["prefix", "contains", "eq"]
    value: str = Field(min_length=1, max_length=200)


class PlanOut(BaseModel):
    """The search plan for an image search chat, after the user's latest message."""

    action: Literal["new", "refine", "exclude", "filter", "more_like", "show_more", "reset", "empty"]
    subject: str = Field("", max_length=200, description="the thing to find, e.g. 'dogs'")
    modifiers: list[str] = Field(
        default_factory=list, max_length=12, description="e.g. 'black', 'on a beach', 'at night'"
    )
    negatives: list[str] = Field(default_factory=list, max_length=12, description="things to avoid")
    filters: list[FilterOut] = Field(default_factory=list, max_length=8)
    like: int | None = Field(None, ge=-30, le=1000, description="'more like #N': N; 'the 2nd one': -2 (a position "
                                                                 "in the last answer), 'the last one': 0")
    when: str = Field("", max_length=100, description="date taken: 'last summer', '2018', or YYYY-MM-DD..YYYY-MM-DD")
    place: str = Field("", max_length=100, description="town, region or country the photos were taken in")
    camera: str = Field("", max_length=100, description="camera the photos were taken with, e.g. 'iPhone'")
    order: Literal["", "newest", "oldest"] = ""
    text: str = Field("", max_length=200, description="words the picture or its file name should say: 'the receipt "
                                                        "from Starbucks' -> 'starbucks', 'IMG_2041' -> 'IMG_2041'")


PROMPT = """You turn a chat with an image search bot into a search plan for a CLIP text encoder.
Given the current plan (JSON, or null) and the user's new message, return the full new plan.
- subject and modifiers hold only what must be visible: no request wording ("show me", "do you have",
  "please", "pictures of"). Vague nouns ("things", "anything", "stuff") mean an empty subject.
- refine: keep the subject and modifiers; a new colour/size/count/place/time replaces the old one
  ("just two", "bigger", "at night", "the ones on the beach", "no, I meant blue").
- the same search with another thing ("what about boats?", "trees instead", "sorry, I meant houses"):
  action refine, the new subject, the old modifiers kept.
- new: the user names a new thing on its own; exclude: 'without X', 'no X', 'not X' go to negatives.
- more_like: 'more like #3' -> like=3 (the number under a picture); 'more like the 2nd one' -> like=-2 (the
  2nd picture of the last answer); 'the last one' -> like=0. show_more: 'show more', 'next'. reset: 'start over'.
- filters: 'in folder beach/' -> path prefix; 'captioned sunset' -> caption contains;
  'where color is red' -> color eq. Copy values exactly as the user wrote them.
- Write counts as words ("two"), places as "on a beach", "in the snow", times as "at night", "during the day".
- when / place / camera: when, where and with what the photos were taken ("from last summer", "taken in
  Rome", "shot on my iPhone"); copy the current values unless the user changes them. order: "newest first",
  "oldest first". A place that is a scene ("on a beach", "in the snow") is a modifier, not a place.
- "go back to the cars": the last of the earlier searches for that thing, as it was (action refine).
- text: words written in the picture or its file name that the user wants read ("the sign saying welcome to
  Texas" -> text "welcome to Texas", subject "sign"; "the receipt from Starbucks" -> text "Starbucks", subject
  "receipt"; a quoted word; "IMG_2041"). They go to a text search, not to CLIP: keep them out of subject and
  modifiers. Copy the current text unless the user changes it.
- empty: nothing to search (also thanks and goodbyes). Never put negatives in modifiers."""


class LLMPlanner:
    def __init__(self, chat_model: BaseChatModel, fallback: DeterministicPlanner, timeout_s: float = 20.0):
        self.chat_model = chat_model
        self.fallback = fallback
        self.timeout_s = timeout_s
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="llm-plan")

    def plan(self, previous: SearchPlan | None, text: str, history: Sequence[SearchPlan] = ()) -> SearchPlan:
        raw = reader.normalise(text)
        command = read_command(raw.lower(), raw) if raw else None
        if not raw or (command is not None and command.kind == "unlike"):
            # nothing for a model to read, or "not like #3" (a button's turn): bookkeeping the rules keep
            return self.fallback.plan(previous, text, history)
        try:
            reply = self._pool.submit(self._ask, previous, text, history).result(timeout=self.timeout_s)
            return to_plan(reply, previous, self.fallback.context)
        except Exception as exc:  # the chat must go on: rules answer whatever went wrong
            log.warning("LLM planner failed (%s: %s); using rules", type(exc).__name__, exc)
            return self.fallback.plan(previous, text, history)

    def _ask(self, previous: SearchPlan | None, text: str, history: Sequence[SearchPlan] = ()) -> PlanOut:
        earlier = list(dict.fromkeys(_plan_json(p) for p in history if p.has_content and p.subject))[-EARLIER:]
        messages = [
            SystemMessage(PROMPT),
            HumanMessage(f"Earlier searches (oldest first): [{', '.join(earlier)}]\n"
                         f"Current plan: {_plan_json(previous)}\nUser message: {reader.normalise(text)}"),
        ]
        try:
            structured = self.chat_model.with_structured_output(PlanOut)
        except NotImplementedError:
            reply = self.chat_model.invoke(messages)
            return parse_reply(reply.content)
        out = structured.invoke(messages)
        return out if isinstance(out, PlanOut) else PlanOut.model_validate(out)


def parse_reply(content: Any) -> PlanOut:
    """The first JSON object in a plain chat reply, validated."""
    text = content if isinstance(content, str) else json.dumps(content)
    match = re.search(r"\{.*\}", text, re.S)
    if not match:
        raise ValueError("no JSON object in the model's reply")
    return PlanOut.model_validate_json(match[0])


def to_plan(out: PlanOut, previous: SearchPlan | None, context: Context | None = None) -> SearchPlan:
    """Validated model output -> SearchPlan; raises ValueError when it makes no sense."""
    action = Action(out.action)
    live = previous if previous is not None and previous.has_content else None
    if action is Action.RESET:
        return SearchPlan(action=Action.RESET, source="llm")
    if action is Action.EMPTY:
        return replace(previous or SearchPlan(), action=Action.EMPTY, source="llm")
    if action in (Action.SHOW_MORE, Action.MORE_LIKE):
        if live is None or (action is Action.MORE_LIKE and out.like is None):
            raise ValueError(f"{action.value} without a search to continue")
        if action is Action.SHOW_MORE:
            return replace(live, action=action, page=live.page + 1, source="llm")
        return replace(live, action=action, like=out.like, page=0, source="llm")
    scope, notice = _scope(out, context or Context())
    plan = SearchPlan(
        subject=_clean(out.subject),
        modifiers=_clean_all(out.modifiers),
        negatives=_clean_all(out.negatives),
        filters=tuple(Filter(f.field, f.op, f.value) for f in out.filters if f.field not in PHOTO_FILTERS) + scope,
        action=action,
        source="llm",
        order=out.order,
        notice=notice,
        text=_clean(out.text),
    )
    if notice:
        return plan
    if not plan.searchable:
        raise ValueError(f"model returned {action.value} with nothing to search")
    return plan


def _scope(out: PlanOut, context: Context) -> tuple[tuple[Filter, ...], str]:
    """The model's when / place / camera as the same filters the rules make, resolved against the collection
    (a place or camera it lacks becomes the notice the rules would give)."""
    found: list[Filter] = []
    catalog = context.catalog
    for words, what in ((out.place, "place"), (out.camera, "camera")):
        if not words:
            continue
        if catalog is None:
            return (), "This collection has no photo places or cameras recorded."
        name = catalog.place(words) if what == "place" else catalog.camera(words)
        if name is None:
            listed = catalog.top_places() if what == "place" else catalog.top_cameras()
            return (), f"No photos {'taken in' if what == 'place' else 'shot with'} {words}; here: {listed}."
        found.append(Filter("place", "eq", name, f"taken in {name}") if isinstance(name, str)
                     else Filter(*camera_filter(*name)))
    if out.when:
        span = when_words.parse(out.when, context.today)
        if span is None:
            raise ValueError(f"cannot read the date {out.when!r}")
        low, high = span.seconds()
        found.append(Filter("taken", "range", f"{low}..{high}", span.describe()))
    return tuple(found), ""


def _clean(text: str) -> str:
    return reader.normalise(text)[:_TEXT]


def _clean_all(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for c in map(_clean, items) if c))


def _plan_json(plan: SearchPlan | None) -> str:
    if plan is None or not plan.has_content:
        return "null"
    photo = {f.field: f.value for f in plan.filters if f.field in PHOTO_FILTERS}
    photo |= {f.field: f.words.removeprefix("shot on ") for f in plan.filters if f.field == "camera"}
    fields = {
        "last_action": plan.action.value,
        "subject": plan.subject, "modifiers": list(plan.modifiers), "negatives": list(plan.negatives),
        "filters": [{"field": f.field, "op": f.op, "value": f.value} for f in plan.filters
                    if f.field not in PHOTO_FILTERS],
        "like": plan.like, "when": when_words.iso(photo["taken"]) if "taken" in photo else "",
        "place": photo.get("place", ""), "camera": photo.get("camera", ""), "order": plan.order, "text": plan.text,
    }
    return json.dumps(fields, ensure_ascii=False)


def planner_from_settings(
    model_spec: str | None, api_keys: Mapping[str, str], context: Context | None = None
) -> Planner:
    """An LLMPlanner for "provider:model" when it can be built, else the rule planner."""
    rules = DeterministicPlanner(context)
    if not model_spec or not model_spec.strip():
        return rules
    provider = model_spec.split(":", 1)[0].strip().lower()
    key = api_keys.get(provider) or api_keys.get(f"{provider.upper()}_API_KEY")
    try:
        from langchain.chat_models import init_chat_model  # heavy import only when asked for

        model = init_chat_model(model_spec.strip(), **({"api_key": key} if key else {}))
    except Exception as exc:  # missing provider package, bad spec, no key: rules still work
        log.warning("cannot start chat model %r (%s: %s); using rules", model_spec, type(exc).__name__, exc)
        return rules
    return LLMPlanner(model, rules)
