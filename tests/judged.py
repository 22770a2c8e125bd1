"""Assertions on what a person asked for, for tests that look at single turns: a spec of tests/wants.py
("+red +car -people !show @refine") checked against a plan, and the lemma-level "does this text say that word".

Nothing here knows what a planner printed before: a turn passes when its plan does what the person asked.
"""

from __future__ import annotations

import re
from typing import Any

from tests import wants


def says(text: str, word: str) -> bool:
    """Whether `text` says `word` (a run of words joined with "_"), by lemma: the meaning of a spec's "+word"."""
    have = [wants.forms(w) for w in re.findall(r"[a-z0-9']+", text.lower())]
    want = [wants.forms(w) for w in word.lower().split("_")]
    return any(all(want[k] & have[i + k] for k in range(len(want))) for i in range(len(have) - len(want) + 1))


def check(plan: Any, spec: str, said: str = "") -> None:
    """Fail with what the plan misses of `spec` (any object with phrase, searchable, negatives, filters, action)."""
    misses = wants.judge(plan, wants.parse(spec))
    assert not misses, (f"after {said!r}: phrase {plan.phrase!r}, negatives {list(plan.negatives)}: "
                        f"{'; '.join(misses)}")


def no_negative(plan: Any, word: str, said: str = "") -> None:
    """The person asked for `word` again (or never excluded it): no negative of the plan may say it."""
    assert not any(says(n, word) for n in plan.negatives), f"after {said!r}: {word!r} in {list(plan.negatives)}"
