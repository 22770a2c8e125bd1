"""The search plan: what one turn of the conversation asks the search for, passed from a planner (bot.planner, or
bot.llm_plan) to the search code (bot.search).

A plan is a subject ("cars"), modifiers grouped by kind (colour, size, count, place, time; bot.lexicon), negatives,
filters (the scope: folder, caption, date, place, camera), an order and an action (new search, refine, exclude,
more like a result, show more, start over, nothing to search).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Protocol

from bot import lexicon as lx

MAX_PHRASE = 300
FILTER_OPS = frozenset({"prefix", "contains", "eq", "range", "in"})


class Action(StrEnum):
    NEW = "new"
    REFINE = "refine"
    EXCLUDE = "exclude"
    FILTER = "filter"
    MORE_LIKE = "more_like"
    SHOW_MORE = "show_more"
    RESET = "reset"
    EMPTY = "empty"  # nothing to search: show help, keep the conversation as it was


@dataclass(frozen=True)
class Filter:
    field: str
    op: str
    value: str
    words: str = field(default="", compare=False)  # how the person said it: "taken last summer (Jun-Aug 2026)"

    def __post_init__(self) -> None:
        if self.op not in FILTER_OPS:
            raise ValueError(f"filter op must be one of {sorted(FILTER_OPS)}, not {self.op!r}")

    def describe(self) -> str:
        if self.words:
            return self.words
        if self.field == "path" and self.op == "prefix":
            return f"in folder {self.value}"
        if self.op == "contains":
            return f"{self.field} contains '{self.value}'"
        return f"{self.field} {'starts with' if self.op == 'prefix' else '='} '{self.value}'"


@dataclass(frozen=True)
class SearchPlan:
    subject: str = ""
    modifiers: tuple[str, ...] = ()
    negatives: tuple[str, ...] = ()
    filters: tuple[Filter, ...] = ()
    action: Action = Action.EMPTY
    like: int | None = None
    page: int = 0
    source: str = field(default="rules", compare=False)
    order: str = ""  # "newest" / "oldest": by date taken instead of by match
    notice: str = field(default="", compare=False)  # said instead of searching ("No photos taken in Oslo...")
    left_out: tuple[str, ...] = field(default=(), compare=False)  # things asked for that the model never learned
    unlike: int | None = None  # "not like #3": a rank of the last answer, turned into `avoid` by the chat
    avoid: tuple[str, ...] = ()  # ids of images the person set aside ("Not this"): results move away from them
    like_id: str = ""  # the image "more like" means, fixed by the chat when asked (pages and refinements keep it)
    text: str = ""  # words the picture should say or be named by (OCR, file name, caption): bot.planner.quoted

    @property
    def phrase(self) -> str:
        """Text for CLIP: modifiers placed around the subject in natural English order."""
        parts: list[str] = []
        for group in lx.PHRASE_ORDER:
            if group == "subject":
                parts.append(self.subject)
            else:
                parts.extend(m for m in self.modifiers if lx.group_of(m) == group)
        return " ".join(p for p in parts if p)[:MAX_PHRASE].strip()

    @property
    def has_content(self) -> bool:
        return self.action is not Action.RESET and bool(
            self.phrase or self.like is not None or self.filters or self.order or self.negatives or self.text)

    @property
    def searchable(self) -> bool:
        """False for help/reset turns: the page shows a message instead of searching."""
        return self.action is not Action.EMPTY and self.has_content and not self.notice

    def describe(self) -> str:
        """The line shown above the results."""
        if self.action is Action.RESET:
            return "Starting over. What would you like to see?"
        if self.notice:
            return self.notice
        if not self.searchable:
            return HELP
        what = self.phrase or ("photos" if self.filters or self.order or self.text else "anything")
        parts = [f"images like {_named(self.like)} ({what})" if self.like is not None else what]
        parts += [f'with the text "{self.text}"'] if self.text else []
        if self.negatives:
            parts.append("without " + " or ".join(self.negatives))
        if self.avoid:
            parts.append(f"not like the {len(self.avoid)} image{'s' if len(self.avoid) > 1 else ''} you set aside")
        parts.extend(f.describe() for f in self.filters)
        parts += [f"{self.order} first"] if self.order else []
        page = f" (page {self.page + 1})" if self.page else ""
        return "Searching for: " + ", ".join(parts) + page


HELP = (
    "Tell me what to look for, e.g. 'dogs on a beach'. Then refine: 'only black ones', 'at night', "
    "'without people', 'more like the 2nd', 'show more', 'in folder beach/', or 'start over'."
)


class Planner(Protocol):
    def plan(self, previous: SearchPlan | None, text: str, history: Sequence[SearchPlan] = ()) -> SearchPlan:
        """The next plan from the current one and the message; `history`: earlier plans, oldest first."""


def nothing_to_search(previous: SearchPlan | None) -> SearchPlan:
    """An empty turn; the previous search is kept so the next message can refine it."""
    if previous is None or previous.action is Action.RESET:
        return SearchPlan(action=Action.EMPTY)
    return replace(previous, action=Action.EMPTY, source="rules")


def _named(rank: int) -> str:
    """#3 as printed, or a position in the last answer not yet resolved (bot.commands: 0 is the last one)."""
    if rank > 0:
        return f"#{rank}"
    if rank == 0:
        return "the last one"
    n = -rank
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"the {n}{suffix} one"
