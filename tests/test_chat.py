"""ChatBot + Conversation with the real planner and searcher over the demo collection (any weights)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.chat import Conversation
from bot.plan import HELP, Action
from indexer.demo.queries import DEMO_MANIFEST
from tests import bot_fixtures as fx
from tests.badfiles import ALL_CASES, DIR_SYMLINK_LOOP, make_bad_corpus
from tests.judged import check

demo_index, demo_parts = fx.demo_index, fx.demo_parts


def test_multi_turn_dialog_keeps_and_refines(demo_parts) -> None:  # noqa: ANN001
    bot, conv = demo_parts.bot, Conversation()
    first = bot.reply(conv, "red car")
    check(first.plan, "+red +car @new", "red car")
    assert first.headline == f"Searching for: {first.plan.phrase}"
    assert first.results and conv.results == first.results
    second = bot.reply(conv, "only at night")
    check(second.plan, "+red +car +night !only @refine", "only at night")
    assert second.plan.action is Action.REFINE
    third = bot.reply(conv, "without blue")
    check(third.plan, "+red +car +night !blue -blue @exclude", "without blue")
    fourth = bot.reply(conv, "boats")  # a new thing: new topic, negatives dropped
    check(fourth.plan, "+boat !red !car !night @new", "boats")
    assert fourth.plan.negatives == ()
    assert [t.text for t in conv.turns] == ["red car", "only at night", "without blue", "boats"]


def test_reset_clears_the_conversation(demo_parts) -> None:  # noqa: ANN001
    bot, conv = demo_parts.bot, Conversation()
    bot.reply(conv, "red car in folder snow/")
    reset = bot.reply(conv, "start over")
    assert reset.plan.action is Action.RESET and not reset.results
    assert conv.plan is None and conv.results == ()
    after = bot.reply(conv, "show more")  # nothing to page through any more
    assert after.headline == HELP and not after.results
    fresh = bot.reply(conv, "boats")
    assert fresh.plan.filters == ()  # the folder filter went with the reset


def test_more_like_a_rank_never_shown_is_a_message(demo_parts) -> None:  # noqa: ANN001
    bot, conv = demo_parts.bot, Conversation()
    shown = len(bot.reply(conv, "red car", k=3).results)
    answer = bot.reply(conv, "more like #999")
    assert not answer.results and f"showed {shown}" in answer.note


ODD_INPUTS = [
    "",
    "   \t\n ",
    "x" * 10_000,
    "red car " * 1250,
    "🚗🔴🌙",
    "red 🚗 at night 🌙",
    "سيارة حمراء في الليل",
    "\u202ered car\u202c",
    "שלום without אדום",
    "\x00\x01\x02 red car \x7f",
    "<script>alert(1)</script>",
    "**bold** [link](http://x) `code`",
    "more like the 0th",
    "show more",
    "without",
    "in folder",
    "where is",
    "\ud800",  # a lone surrogate, as a broken client might send
]


@pytest.mark.parametrize("text", ODD_INPUTS, ids=range(len(ODD_INPUTS)))
def test_odd_inputs_never_raise(demo_parts, text: str) -> None:  # noqa: ANN001
    conv = Conversation()
    for turn in (text, "red car", text):  # alone, and on top of a live search
        answer = demo_parts.bot.reply(conv, turn)
        assert answer.headline
        assert len(answer.plan.phrase) <= 300


def _demo_file(rel: str) -> Path:
    return DEMO_MANIFEST.parent / rel


def test_upload_finds_itself_first(demo_parts) -> None:  # noqa: ANN001
    for rel in ("water/00000.jpg", "street/00002.jpg"):
        answer = demo_parts.bot.reply(Conversation(), "", image=_demo_file(rel).read_bytes())
        assert answer.headline.startswith("Searching for: images like your upload")
        # the upload is the stored image: same pixels, same vector, cosine 1
        assert answer.results[0].path == rel, [(r.path, r.score) for r in answer.results[:3]]
        assert answer.results[0].score > 0.99


def test_upload_with_text_and_then_refine(demo_parts) -> None:  # noqa: ANN001
    conv = Conversation()
    with_text = demo_parts.bot.reply(conv, "red car", image=_demo_file("water/00000.jpg").read_bytes())
    assert with_text.results
    check(with_text.plan, "+red +car @new", "red car")
    check(demo_parts.bot.reply(conv, "at night").plan, "+red +car +night @refine", "at night")


def _bytes_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:  # links, folders, unreadable files: a browser upload can never be one of these
        return None


def test_bad_uploads_get_a_clear_note(demo_parts, tmp_path: Path) -> None:  # noqa: ANN001
    cases = make_bad_corpus(tmp_path)
    tried = 0
    for rel, expected in cases.items():
        if expected == DIR_SYMLINK_LOOP:
            continue
        data = _bytes_or_none(tmp_path / rel)
        if data is None:
            continue
        tried += 1
        answer = demo_parts.bot.reply(Conversation(), "", image=data)
        if expected is None:
            assert answer.results, rel  # a good file is a usable query image
        else:
            assert answer.note.startswith("The file is not a usable image: "), (rel, answer.note)
            assert expected in answer.note, (rel, answer.note)
            assert not answer.results
    assert tried >= len([c for c in ALL_CASES.values() if c not in (DIR_SYMLINK_LOOP,)]) - 6


def test_oversized_upload_is_refused(demo_parts) -> None:  # noqa: ANN001
    answer = demo_parts.bot.reply(Conversation(), "red car", image=b"\xff\xd8\xff" + b"\0" * (21 * 1024 * 1024))
    assert "larger than 20 MB" in answer.note and not answer.results


def test_an_upload_stays_until_a_new_thing_or_start_over(demo_parts) -> None:  # noqa: ANN001
    picture = (DEMO_MANIFEST.parent / sorted(fx.demo_attrs())[0]).read_bytes()
    bot, conv = demo_parts.bot, Conversation()
    upload = "Searching for: images like your upload"
    first = bot.reply(conv, "at night", image=picture)
    check(first.plan, "+night @new", "at night")
    assert first.headline == f"{upload}, {first.plan.phrase}" and first.results
    assert conv.turns[-1].upload and conv.turns[-1].upload != picture  # a preview of it, not the file
    second = bot.reply(conv, "without blue")
    check(second.plan, "+night !blue -blue @exclude", "without blue")
    assert second.headline == f"{upload}, {second.plan.phrase}, without {' or '.join(second.plan.negatives)}"
    assert conv.turns[-1].upload is None and conv.picture is not None
    named = bot.reply(conv, "boats")  # names the thing in the picture's search: still a refinement
    check(named.plan, "+boat +night -blue @refine", "boats")
    assert named.headline == f"{upload}, {named.plan.phrase}, without {' or '.join(named.plan.negatives)}"
    new = bot.reply(conv, "houses")  # a new thing on its own: the picture no longer applies
    check(new.plan, "+house !boat !night @new", "houses")
    assert new.headline == f"Searching for: {new.plan.phrase}"
    again = bot.reply(conv, "", image=picture)
    assert again.headline.startswith(upload)
    bot.reply(conv, "start over")
    red = bot.reply(conv, "red cars")
    check(red.plan, "+red +car @new", "red cars")
    assert conv.picture is None and red.headline == f"Searching for: {red.plan.phrase}"
