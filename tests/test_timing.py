"""Per-turn timing: phases keep only their own time, so they add up to the run; without a clock nothing counts."""

from __future__ import annotations

import time

from bot import timing


def test_nested_phases_keep_their_own_time_and_page_is_the_rest() -> None:
    clock = timing.start()
    with timing.phase("rank"):
        time.sleep(0.02)
        with timing.phase("encode"):
            time.sleep(0.05)
        with timing.phase("search"):
            time.sleep(0.03)
    time.sleep(0.04)
    spent = timing.stop(clock)
    assert 0.05 <= spent.phases["encode"] < 0.09 and 0.03 <= spent.phases["search"] < 0.07
    assert 0.02 <= spent.phases["rank"] < 0.045  # its 0.02 s alone, not the 0.1 s of the block
    assert 0.04 <= spent.phases["page"] < 0.08  # what no phase claimed
    assert abs(sum(spent.phases.values()) - spent.total) < 1e-9
    text = spent.caption()
    assert text.startswith(f"Answered in {spent.total:.2f} s: ")
    assert f"text encoding {spent.phases['encode'] * 1e3:.0f} ms" in text


def test_without_a_clock_phases_cost_nothing_and_count_nothing() -> None:
    with timing.phase("search"):
        pass
    clock = timing.start()
    spent = timing.stop(clock)
    assert set(spent.phases) == {"page"}
    with timing.phase("search"):  # stopped: later phases do not reach the stopped clock
        time.sleep(0.01)
    assert clock.spent == {}
