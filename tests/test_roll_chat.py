"""The chat over a camera roll of demo scenes (tests/photoroll.py TRIPS) with the trained demo model, through real
Milvus Lite: every conversation of tests/dialogs_roll.py is played turn by turn and what is shown is checked
against where, when and with what each photo was taken, and what it shows."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from bot.chat import Conversation
from indexer.cli import main
from indexer.demo.queries import DEMO_MANIFEST
from tests.bot_fixtures import trained_available
from tests.dialogs_roll import ROLL_DIALOGS
from tests.photoroll import write_trips

TODAY = date(2026, 11, 29)  # the day the conversations were written ("last month" is October 2026)
TARGET = 0.9


def fits(photo: dict[str, str], wanted: str) -> bool:
    for item in wanted.split():
        name, value = item.lstrip("!").split("=", 1)
        value = value.replace("_", " ").lower()
        if name == "year":
            hit = photo["date"].startswith(value)
        elif name == "month":
            hit = photo["date"][:7] == value
        elif name in ("after", "before"):
            hit = (photo["date"] >= value) == (name == "after")
        elif name in ("city", "camera"):
            hit = value in photo[name].lower()
        else:
            hit = photo.get(name, "").lower() == value
        if hit == item.startswith("!"):
            return False
    return True


@pytest.fixture(scope="module")
def roll_bot(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    if not trained_available():
        pytest.skip("trained demo checkpoint data/model/demo-clip.pt is not there yet")
    from bot.factory import build_bot
    from bot.scope import Context
    from indexer.settings import Settings

    root = tmp_path_factory.mktemp("trips")
    with DEMO_MANIFEST.open(newline="") as f:
        truth = write_trips(root, list(csv.DictReader(f)), DEMO_MANIFEST.parent)
    db = str(Path(tmp_path_factory.mktemp("trips-db")) / "roll.db")
    assert main(["index", str(root), "--db", db, "--collection", "trips"]) == 0
    parts = build_bot(Settings.load(db=db, collection="trips"))
    context = parts.bot.planner.context
    parts.bot.planner.context = Context(context.catalog, TODAY, context.known)
    yield parts, truth
    parts.store.close()


def test_conversations_about_a_camera_roll(roll_bot) -> None:  # noqa: ANN001
    parts, truth = roll_bot
    scored, empty_wrong, no_match = [], [], 0
    for name, turns in ROLL_DIALOGS.items():
        conv = Conversation()
        for text, wanted in turns:
            answer = parts.bot.reply(conv, text, k=8)
            shown = [truth[r.path] for r in answer.results]
            if not wanted:  # nothing is all of it: show nothing, or the nearest with a note naming what emptied it
                if shown and not (answer.relaxed and answer.note.startswith("No photos match all of")):
                    empty_wrong.append((name, text, answer.headline))
                continue
            available = sum(fits(p, wanted) for p in truth.values()) - 8 * answer.plan.page
            if available <= 0:
                no_match += 1  # nothing in the roll is all of it: the closest are shown, not judged here
                continue
            right = sum(fits(p, wanted) for p in shown) / len(shown) if shown else 0.0
            scored.append((min(1.0, right / min(1.0, available / 8)), name, text))
    mean = sum(s for s, *_ in scored) / len(scored)
    worst = sorted(scored)[:6]
    print(f"camera-roll chat: precision@8 {mean:.3f} over {len(scored)} turns ({no_match} asked for what the roll "
          f"lacks); turns that should show nothing (or the nearest, said so) but did not: {empty_wrong}")
    assert mean >= TARGET, worst
    assert len(empty_wrong) <= 1, empty_wrong


def test_filters_that_together_match_nothing_show_the_nearest(roll_bot) -> None:  # noqa: ANN001
    """"photos from 2019" then "taken in Tokyo": no photo is both (Tokyo's are from 2023), so the answer names
    what emptied it, shows Tokyo's photos from other years, and one turn keeps that."""
    parts, truth = roll_bot
    conv = Conversation()
    parts.bot.reply(conv, "photos from 2019", k=8)
    answer = parts.bot.reply(conv, "show me pictures taken in Tokyo", k=8)
    assert answer.results and all(truth[r.path]["city"] == "Tokyo" for r in answer.results)
    assert "taken in 2019" in answer.note and "Tokyo" in answer.note and answer.relaxed == "any date is fine"
    assert {f.field for f in answer.plan.filters} == {"taken", "place"}  # nothing dropped behind their back
    kept = parts.bot.reply(conv, answer.relaxed, k=8)
    assert {f.field for f in kept.plan.filters} == {"place"} and not kept.note
    assert all(truth[r.path]["city"] == "Tokyo" for r in kept.results)
