"""When the filters of a search together match nothing: which one emptied it, and the nearest search that is
not empty ("No photos taken in Tokyo in 2019: here are Tokyo's from other years").

The answer keeps the person's plan (nothing is dropped behind their back); the results come from the plan
without one filter, the most recently added first, and the note names it and the turn that drops it for good.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from bot.plan import Filter, SearchPlan

# The turn that lets a photo filter go (bot.planner.talk reads it): one click on the page keeps the relaxation.
LET_GO = {"taken": "any date is fine", "place": "any place is fine", "camera": "any camera is fine"}


def relaxations(plan: SearchPlan) -> Iterator[tuple[Filter, SearchPlan]]:
    """The plan without each of its photo filters in turn, the last one said first."""
    for f in reversed(plan.filters):
        if f.field in LET_GO and len(plan.filters) > 1 or f.field in LET_GO and plan.phrase:
            yield f, replace(plan, filters=tuple(g for g in plan.filters if g is not f))


def note(plan: SearchPlan, dropped: Filter) -> str:
    together = ", ".join(f.describe() for f in plan.filters)
    return (f"No photos match all of: {together}. Here they are without “{dropped.describe()}”; "
            f"say “{LET_GO[dropped.field]}” to keep it that way.")
