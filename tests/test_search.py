"""Searcher over the real demo collection (Milvus Lite + open_clip demo-clip).

Quality assertions (`trained_parts`) need the trained checkpoint and skip without it; filter safety and
duplicate collapsing hold for any weights and run on `demo_parts` always.
Ground truth is the manifest's attribute columns, never the captions the model was trained on.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from bot.chat import ChatBot, Conversation
from bot.expr import FilterError, build_expr
from bot.plan import Filter
from bot.planner import DeterministicPlanner
from bot.search import FLOOR_SHOWN, Answer, Searcher
from indexer.demo.queries import DEMO_MANIFEST, phrase_for
from indexer.demo.scenes import ATTRIBUTES
from tests import bot_fixtures as fx
from tests.bot_fixtures import build_index, demo_attrs
from tests.judged import check

# shared session fixtures (assigned, not imported, so they are plain module attributes pytest collects)
demo_index, demo_parts, trained_index, trained_parts = fx.demo_index, fx.demo_parts, fx.trained_index, fx.trained_parts

ATTRS = demo_attrs()


def share(answer: Answer, **want: str) -> float:
    """Fraction of the shown results whose manifest attributes match every `want` (0 when none shown)."""
    if not answer.results:
        return 0.0
    return sum(all(ATTRS[r.path][k] == v for k, v in want.items()) for r in answer.results) / len(answer.results)


def dialog(parts, *turns: str, k: int = 10) -> list[Answer]:  # noqa: ANN001
    conv = Conversation()
    return [parts.bot.reply(conv, t, k=k) for t in turns]


# -- quality (trained checkpoint) ---------------------------------------------------------------------------


def test_red_car_then_only_at_night(trained_parts) -> None:  # noqa: ANN001
    first, second = dialog(trained_parts, "red car", "only at night")
    assert len(first.results) == 10
    assert share(first, kind="car", color="red") >= 0.9, [r.path for r in first.results]
    check(second.plan, "+red +car +night !only @refine", "only at night")
    assert second.headline.startswith(f"Searching for: {second.plan.phrase}")
    assert share(second, kind="car", color="red", time="night") >= 0.9, [r.path for r in second.results]


# (query, negative, the attribute the negative names): "without X" must leave no X in the top 10
EXCLUSIONS = [
    ("red things", "without cars", "kind", "car"), ("things at night", "no boats", "kind", "boat"),
    ("cars", "without red", "color", "red"), ("flowers", "not yellow", "color", "yellow"),
    ("boats", "except at night", "time", "night"), ("houses", "not during the day", "time", "day"),
    ("trees", "not in the snow", "setting", "snow"), ("fish", "no beach", "setting", "beach"),
    ("green things on the grass", "without trees", "kind", "tree"), ("big blue things", "no houses", "kind", "house"),
    ("things on the street", "without cars", "kind", "car"), ("purple flowers", "not on the grass", "setting", "grass"),
]


@pytest.mark.parametrize(("query", "negative", "attr", "value"), EXCLUSIONS)
def test_without_x_leaves_no_x(trained_parts, query: str, negative: str, attr: str, value: str) -> None:  # noqa: ANN001
    before, after = dialog(trained_parts, query, negative)
    assert after.plan.negatives, after.plan
    wanted = {k: v for k, v in _attrs_of(before).items()}
    left = [a for a in ATTRS.values() if a[attr] != value and all(a[k] == v for k, v in wanted.items())]
    assert len(left) >= 10, "the test needs ten images without the excluded value"
    assert not [r.path for r in after.results if ATTRS[r.path][attr] == value], [r.path for r in after.results]
    assert len(after.results) == 10


def _attrs_of(answer: Answer) -> dict[str, str]:
    """The attribute values every shown image shares (what the search evidently asked for)."""
    rows = [ATTRS[r.path] for r in answer.results]
    return {k: v for k, v in rows[0].items() if all(row[k] == v for row in rows)} if rows else {}


VISIBLE = ("kind", "color", "setting", "time")


@pytest.mark.parametrize("first", ["red cars", "boats at night", "yellow flowers in the snow", "houses on the beach",
                                   "two green trees", "small fish"])
def test_more_like_keeps_what_the_image_shows(trained_parts, first: str) -> None:  # noqa: ANN001
    shown, like = dialog(trained_parts, first, "more like the 2nd one")
    target = ATTRS[shown.results[1].path]
    kept = [sum(ATTRS[r.path][a] == target[a] for a in VISIBLE) for r in like.results]
    assert like.results[0].id == shown.results[1].id  # the image itself comes first
    assert sum(k >= 3 for k in kept) >= 8, (target, kept)  # at least three of four, in most of the top 10


def test_show_more_is_page_two(trained_parts) -> None:  # noqa: ANN001
    first, more = dialog(trained_parts, "red car", "show more")
    assert more.plan.page == 1
    assert [r.rank for r in more.results] == list(range(11, 11 + len(more.results)))
    assert len(more.results) == 10
    assert not {r.id for r in first.results} & {r.id for r in more.results}
    assert share(more, kind="car", color="red") >= 0.9


NONSENSE = ["zqxj vlorb kwyp", "asdf qwerty", "blorp", "lorem ipsum dolor sit", "xkcd hjkl", "violin spreadsheet",
            "a bowl of soup", "an elephant", "portrait of an old man", "stock market crash", "a cup of coffee",
            "keyboard and mouse", "giraffe", "pizza", "undp", "sqft", "mainstream", "remodeling"]


def _asked(wanted: str) -> dict[str, str]:
    """The demo attributes a dialog turn's `wanted` column asks for ("kind=car color=red !time=night")."""
    pairs = (item.split("=", 1) for item in wanted.split() if not item.startswith("!"))
    return {name: value for name, value in pairs if name in ATTRIBUTES}


def test_relevance_floor_separates_nonsense_from_every_demo_request(trained_parts) -> None:  # noqa: ANN001
    from tests.dialogs import DIALOGS

    searcher: Searcher = trained_parts.bot.searcher
    planner = DeterministicPlanner()
    # every request of the dialog tables, worded plainly from what the person wanted (never a planner's phrase)
    real = {phrase_for(asked) for turns in DIALOGS.values() for turn in turns if (asked := _asked(turn[-1]))}
    best = {t: searcher.search(planner.plan(None, t)).results[0].score for t in sorted(real) + NONSENSE}
    lowest_real = min(best[t] for t in real)
    highest_nonsense = max(best[t] for t in NONSENSE)
    print(f"floor {searcher.config.min_score}: lowest real request {lowest_real:.3f}, "
          f"highest nonsense {highest_nonsense:.3f}")
    assert highest_nonsense < searcher.config.min_score < lowest_real
    assert "Nothing scored close" in searcher.search(planner.plan(None, "zqxj vlorb kwyp")).note
    assert searcher.search(planner.plan(None, "red car")).note == ""


WHY_QUERIES = ["red cars at night", "big yellow flowers in the snow", "two boats on the water", "small houses",
               "green fish on the beach during the day", "three purple trees"]
PART_ATTR = {"cars": ("kind", "car"), "flowers": ("kind", "flower"), "boats": ("kind", "boat"),
             "houses": ("kind", "house"), "fish": ("kind", "fish"), "trees": ("kind", "tree"),
             "red": ("color", "red"), "yellow": ("color", "yellow"), "green": ("color", "green"),
             "purple": ("color", "purple"), "big": ("size", "big"), "small": ("size", "small"),
             "two": ("count", "2"), "three": ("count", "3"), "at night": ("time", "night"),
             "during the day": ("time", "day"), "in the snow": ("setting", "snow"), "in water": ("setting", "water"),
             "on a beach": ("setting", "beach")}


def test_why_says_which_parts_each_image_shows(trained_parts) -> None:  # noqa: ANN001
    """Thirty results per query, so many miss a part: the 'shows' / 'not clearly' of each part must agree
    with the manifest for nearly every (image, part)."""
    right = total = 0
    for query in WHY_QUERIES:
        (answer,) = dialog(trained_parts, query, k=30)
        for r in answer.results:
            shows = r.why.split("not clearly")[0]
            for part, (attr, value) in PART_ATTR.items():
                if part in answer.plan.phrase.split(" ") or f" {part}" in f" {answer.plan.phrase}":
                    total += 1
                    right += (part in shows) == (ATTRS[r.path][attr] == value)
    print(f"'why' agrees with the manifest on {right} of {total} (image, part) pairs")
    assert total >= 300 and right / total >= 0.9


NIGHT_TURNS = [("red cars", "only at night"), ("two boats at night",), ("yellow flowers at night",),
               ("houses at night",), ("fish", "at night")]


def test_why_never_contradicts_the_picture(trained_parts) -> None:  # noqa: ANN001
    """"red cars" -> "only at night" once labelled 7 of 10 plainly night pictures "not clearly at night". Each
    part's claim is calibrated on the collection: no night picture is called "not clearly at night", no day
    picture is said to show "at night", and across the 'why' queries almost no claim, either way, is false."""
    night_said = shown = 0
    for turns in NIGHT_TURNS:
        answer = dialog(trained_parts, *turns, k=30)[-1]
        for r in answer.results:
            night, (shows, _, missed) = ATTRS[r.path]["time"] == "night", r.why.partition("not clearly")
            assert not (night and "at night" in missed), (turns, r.path, r.why)
            assert night or "at night" not in shows, (turns, r.path, r.why)
            night_said += night and "at night" in shows
            shown += night
    assert night_said >= 0.9 * shown, (night_said, shown)  # it still says so, where the picture shows it
    false = total = 0
    for query in WHY_QUERIES:
        (answer,) = dialog(trained_parts, query, k=30)
        for r in answer.results:
            shows, _, missed = r.why.partition("not clearly")
            for part, (attr, value) in PART_ATTR.items():
                if f" {part} " in f" {answer.plan.phrase} ":
                    total += 1
                    truth = ATTRS[r.path][attr] == value
                    false += (f" {part}" in f" {shows}" and not truth) or (f" {part}" in f" {missed}" and truth)
    print(f"'why' says something false on {false} of {total} (image, part) pairs")
    assert total >= 300 and false <= 0.01 * total


# -- filters: any weights -----------------------------------------------------------------------------------


def test_folder_and_column_filters(demo_parts) -> None:  # noqa: ANN001
    _, folder, column = dialog(demo_parts, "red car", "in folder snow/", "where color is red")
    assert folder.results and all(r.path.startswith("snow/") for r in folder.results)
    assert all(r.path.startswith("snow/") and ATTRS[r.path]["color"] == "red" for r in column.results)
    assert "in folder snow/" in column.headline and "color = 'red'" in column.headline
    (red,) = dialog(demo_parts, "red car where color is red")
    assert red.results and all(ATTRS[r.path]["color"] == "red" for r in red.results)


def test_narrow_filter_returns_every_match(demo_parts) -> None:  # noqa: ANN001
    matching = sum(p.startswith("snow/") and a["color"] == "red" for p, a in ATTRS.items())
    for query in ("red car", "zqxj vlorb", "blue boat at night", "house"):
        (answer,) = dialog(demo_parts, f"{query} in folder snow/ where color is red")
        shown = FLOOR_SHOWN if answer.note.startswith("Nothing scored close") else 10  # the relevance floor
        assert len(answer.results) == min(shown, matching), (query, len(answer.results), answer.note)


HOSTILE = [
    'in folder "%" or 1==1',
    'path like "%" or 1==1',
    'in folder "snow/\\" or path like \\"%"',
    'where color is "red\\" or 1==1 or color==\\""',
    'where color is red" || true || "',
    "in folder ../../etc/passwd",
    "in folder /etc/",
    "where color is red\\",
    "in folder snow/%",
    "in folder _now/",
    "where path is \"x\" or \"\"==\"\"",
    "where secret is x",
    "in folder 'snow/' and 1==1",
    "color == \"\\\\\" or attrs != {}",
]
_LITERAL = r'"(?:[^"\\]|\\.)*"'
_SAFE_PART = re.compile(rf'(?:path|caption|attrs\["[a-z_]+"\]) (?:==|like) {_LITERAL}')


def _unquote(literal: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r", "t": "\t"}.get(m[1], m[1]), literal[1:-1])


def _matches(flt: Filter, path: str) -> bool:
    value = path if flt.field == "path" else ATTRS[path].get(flt.field, "")
    return value.startswith(flt.value) if flt.op == "prefix" else flt.value in value if flt.op == "contains" else (
        value == flt.value
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_filters_never_widen_or_inject(demo_parts, text: str) -> None:  # noqa: ANN001
    conv = Conversation()
    demo_parts.bot.reply(conv, "red car")
    answer = demo_parts.bot.reply(conv, text)  # must not raise
    fields = demo_parts.bot.searcher.config.filter_fields
    try:
        expr = build_expr(answer.plan.filters, fields)
    except FilterError:
        expr = None
        assert not answer.results and answer.note  # refused, and the person is told why
    if expr is not None:
        parts = expr.split(" and ")
        # every clause is field-op-one-literal; the literal holds the person's value verbatim
        for part, flt in zip(parts, answer.plan.filters, strict=True):
            assert _SAFE_PART.fullmatch(part), part
            literal = _unquote(part.split(" ", 2)[2])  # field and operator never hold a space
            assert literal.rstrip("%").lstrip("%") == flt.value
    for r in answer.results:  # never wider than the literal filters
        assert all(_matches(f, r.path) for f in answer.plan.filters), (text, r.path)


def test_path_traversal_filter_matches_nothing(demo_parts) -> None:  # noqa: ANN001
    (answer,) = dialog(demo_parts, "red car in folder ../../etc/passwd")
    assert answer.results == ()
    assert answer.note == "No images matched these filters."


# -- duplicates ---------------------------------------------------------------------------------------------


def test_resaved_copy_collapses(demo_index, tmp_path: Path) -> None:  # noqa: ANN001
    """Two byte-different files of one picture are one result; the other images still show."""
    from bot.factory import build_bot

    src = tmp_path / "src"
    (src / "pics").mkdir(parents=True)
    paths = sorted(ATTRS)[:30]
    rows = ["path,caption"] + [f"pics/{Path(p).name},{p}" for p in paths]
    for p in paths:
        (src / "pics" / Path(p).name).write_bytes((DEMO_MANIFEST.parent / p).read_bytes())
    original = src / "pics" / Path(paths[0]).name
    buf = io.BytesIO()
    Image.open(original).convert("RGB").save(buf, format="JPEG", quality=95)
    (src / "pics" / "copy.jpg").write_bytes(buf.getvalue())
    assert buf.getvalue() != original.read_bytes()
    rows.append("pics/copy.jpg,copy")
    manifest = src / "manifest.csv"
    manifest.write_text("\n".join(rows) + "\n")
    db = build_index(tmp_path / "db", demo_index.pretrained, manifest, collection="dupes")
    parts = build_bot(demo_index.settings(db, collection="dupes", min_score=0.0))
    answer = parts.bot.reply(Conversation(), "", image=original.read_bytes(), k=10)
    shown = [r.path for r in answer.results]
    assert shown[0] in (f"pics/{original.name}", "pics/copy.jpg")
    assert not {f"pics/{original.name}", "pics/copy.jpg"} <= set(shown), shown
    parts.store.close()


def test_near_duplicates_need_both_signals_when_both_are_there() -> None:
    """The collapse rule on hand-made hits: a copy (hash 2 bits off, CLIP 0.99) goes; the same layout with other
    content (hash equal, CLIP 0.6) and the same content with another layout (CLIP 0.99, hash 30 bits off) stay;
    rows without a hash go only when CLIP is near certain (0.999, not 0.99). The best-scored of a group is kept."""
    import numpy as np

    from bot.search import _collapse_duplicates
    from indexer.store import Hit

    def unit(cos: float, axis: int) -> np.ndarray:  # at this cosine from "best"'s vector, off on its own axis
        vec = np.zeros(8, np.float32)
        vec[0], vec[axis] = cos, (1 - cos * cos) ** 0.5
        return vec

    base = 0x0123456789ABCDEF
    made = {"best": (base, 1.0), "copy": (base ^ 0b101, 0.99), "layout": (base, 0.6),
            "scene": (base ^ (2**30 - 1), 0.99), "bare": (None, 0.999), "bare-far": (None, 0.99)}  # fmt: skip
    hits = [Hit(name, name, "", 0.5, {}, f"{h:016x}" if h is not None else "") for name, (h, _) in made.items()]
    vectors = {name: unit(cos, axis) for axis, (name, (_, cos)) in enumerate(made.items(), start=1)}
    kept = _collapse_duplicates([(hit, 1.0 - i / 10) for i, hit in enumerate(hits)], vectors)
    assert [hit.id for hit, _ in kept] == ["best", "layout", "scene", "bare-far"]


def test_chatbot_type_is_real(demo_parts) -> None:  # noqa: ANN001
    """Guards the premise of this module: the fixtures give the real planner and searcher, not stand-ins."""
    assert isinstance(demo_parts.bot, ChatBot)
    assert type(demo_parts.bot.searcher) is Searcher
    assert demo_parts.info.count >= 2000


def test_words_asked_for_keep_what_is_excluded(trained_parts) -> None:  # noqa: ANN001
    """A text request ranks by the words (here the demo captions), and what the person excluded stays out."""
    plain, = dialog(trained_parts, '"purple houses"')
    assert plain.plan.text == "purple houses"
    assert share(plain, kind="house", color="purple") >= 0.9, [r.path for r in plain.results]
    assert [r for r in plain.results if ATTRS[r.path]["setting"] == "snow"], "the test needs snow among them"
    without, = dialog(trained_parts, '"purple houses" but not in the snow')
    assert without.plan.text == "purple houses" and without.plan.negatives, without.plan
    assert share(without, kind="house", color="purple") >= 0.9, [r.path for r in without.results]
    assert not [r.path for r in without.results if ATTRS[r.path]["setting"] == "snow"]
