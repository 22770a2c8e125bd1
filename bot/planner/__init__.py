"""The rule planner: offline and deterministic. A message is first a command (start over, show more, more or
less like a result, thanks: bot.commands), else it is read by its grammar (bot.planner.read) and merged into
the current search (bot.planner.merge); the plan renders its phrase (bot.plan, in bot.lexicon's phrase order).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from bot import lexicon as lx
from bot.commands import Command, read_command
from bot.plan import Action, SearchPlan, nothing_to_search
from bot.planner import read as reader
from bot.planner.merge import merge
from bot.planner.quoted import pull_text
from bot.planner.spelling import correct
from bot.planner.talk import unslang
from bot.scope import Context

log = logging.getLogger(__name__)

WHICH_ONE = "Which one? Say 'more like #2' (the number under each picture), or press its 'More like this'."
_THANKS = re.compile(r"\b(?:thanks|thank|thx|ty|ta|cheers|appreciated?|obliged|bye|goodbye|gracias|merci|danke"
                     r"|grazie|ily|love (?:you|u|it|this)|(?:this|that) works|works for me)\b")
_REFINING = re.compile(r"^(?:only|just|the ones?|those|which|with|now)\b", re.I)
_GREETING = re.compile(r"^(?:hi|hello|hey|good (?:morning|afternoon|evening|day)|greetings|howdy|hiya)\b")


def _closing_words(low: str) -> str:
    if _THANKS.search(low):
        return "You're welcome! Ask for anything else whenever you like."
    if _GREETING.search(low):
        return "Hello! Tell me what you'd like to see, e.g. 'red cars at night'."
    return "Alright. Tell me what else to look for, or refine this search ('only at night', 'without trees')."


class DeterministicPlanner:
    """Offline, deterministic rules. `context` gives today's date and the collection's places and cameras
    (bot.scope); `history` the conversation's earlier plans, oldest first ("go back to the cars")."""

    def __init__(self, context: Context | None = None) -> None:
        self.context = context or Context()

    def plan(self, previous: SearchPlan | None, text: str, history: Sequence[SearchPlan] = ()) -> SearchPlan:
        try:
            pulled = pull_text(text, self.context)  # the words the picture says: a text search of their own
            if pulled.text:
                return self._with_text(previous, pulled.text, pulled.rest, history)
            return self._plan(previous, text, history)
        except Exception:  # a chat line must never crash the page; the log keeps the bug visible
            log.exception("rule planner failed on %r", text[:200])
            return nothing_to_search(previous)

    def _with_text(
        self, previous: SearchPlan | None, said: str, rest: str, history: Sequence[SearchPlan]
    ) -> SearchPlan:
        """The rest of the message read as always, the text beside it. Text alone refines the current search
        when said as a refinement ("the ones that say open"), else it is a search of its own ("IMG_2041")."""
        live = previous if previous is not None and previous.has_content else None
        plan = self._plan(previous, rest, history) if rest else SearchPlan(action=Action.EMPTY)
        if plan.action is Action.EMPTY or plan.notice:
            refine = live is not None and _REFINING.match(rest or "") is not None
            base = replace(live, page=0, like=None) if refine and live is not None else SearchPlan()
            return replace(base, text=said, action=Action.REFINE if refine else Action.NEW, source="rules")
        return replace(plan, text=said, action=Action.NEW if plan.action is Action.EMPTY else plan.action)

    def _plan(self, previous: SearchPlan | None, text: str, history: Sequence[SearchPlan]) -> SearchPlan:
        raw = unslang(reader.normalise(text))
        low = raw.lower()
        if not low:
            return nothing_to_search(previous)
        live = previous if previous is not None and previous.has_content else None
        command = read_command(low, raw)
        if command is not None and command.kind == "reset":
            return self._plan(None, command.rest, ()) if command.rest.strip() else SearchPlan(action=Action.RESET)
        if command is not None:
            return _obey(command, live, previous, low)
        message = reader.read_message(raw, self.context)
        if message.notice:
            return replace(nothing_to_search(previous), notice=message.notice)
        if message.back:  # "go back to the cars": the last search for cars, refined by the rest of the message
            earlier = _earlier(message.back, history)
            if earlier is None:
                message = replace(message, subject=[message.back, *message.subject], back="")
            else:
                live, message = earlier, replace(message, back="")
                if not message.anything:
                    return earlier
        if (not message.anything or message.guessed) and (_THANKS.search(low) or _GREETING.search(low)):
            return replace(nothing_to_search(previous), notice=_closing_words(low))
        return merge(live, message, previous)


def _earlier(thing: str, history: Sequence[SearchPlan]) -> SearchPlan | None:
    """The last search in this conversation whose subject is `thing`."""
    head = lx.singular(correct(thing))
    for plan in reversed(history):
        if plan.subject and plan.has_content and lx.singular(plan.subject.split()[-1]) == head:
            return replace(plan, action=Action.REFINE, page=0, like=None, source="rules")
    return None


def _obey(command: Command, live: SearchPlan | None, previous: SearchPlan | None, low: str) -> SearchPlan:
    """Show more, more or less like a shown result, or nothing to search ("thanks!")."""
    if command.kind == "closing":
        return replace(nothing_to_search(previous), notice=_closing_words(low))
    if live is None:
        return nothing_to_search(previous)
    if command.kind == "more":
        return replace(live, action=Action.SHOW_MORE, page=live.page + 1, source="rules")
    if command.rank is None:  # "more like that" without saying which
        return replace(nothing_to_search(previous), notice=WHICH_ONE)
    if command.kind == "unlike":
        return replace(live, action=Action.EXCLUDE, unlike=command.rank, like=None, page=0, source="rules")
    return replace(live, action=Action.MORE_LIKE, like=command.rank, page=0, source="rules")
