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
from bot.plan import DeterministicPlanner, Filter
from bot.search import FLOOR_SHOWN, Answer, SearchConfig, Searcher
from indexer.demo.queries import DEMO_MANIFEST
from tests import bot_fixtures as fx
from tests.bot_fixtures import build_index, demo_attrs

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
    """The issue's dialog. The committed demo model reads colour, setting, time and size reliably but not the
    object kind (data/model/TRAINING.md), so the ranking is checked on the attributes it can see."""
    first, second = dialog(trained_parts, "red car", "only at night")
    assert len(first.results) == 10
    assert share(first, color="red") >= 0.9, [r.path for r in first.results]
    assert second.plan.phrase == "red car at night"
    assert second.headline.startswith("Searching for: red car at night")
    assert share(second, color="red", time="night") >= 0.9, [r.path for r in second.results]


@pytest.mark.xfail(reason="demo model misses the object-kind target (p@10 0.75 for 1 attribute)", strict=False)
def test_red_car_ranks_red_cars_first(trained_parts) -> None:  # noqa: ANN001
    (first,) = dialog(trained_parts, "red car")
    assert share(first, kind="car", color="red") >= 0.8, [r.path for r in first.results]


def test_exclusions_remove_what_was_excluded(trained_parts) -> None:  # noqa: ANN001
    before, after = dialog(trained_parts, "red things on the beach", "without small ones")
    assert after.plan.negatives == ("small",)
    assert share(after, size="small") <= 0.1 < share(before, size="small")
    assert share(after, color="red", setting="beach") >= 0.9  # the subject survives the exclusion
    night, no_blue = dialog(trained_parts, "things at night", "without blue")
    assert no_blue.plan.negatives == ("blue",)
    assert share(no_blue, color="blue") <= 0.1
    assert share(no_blue, time="night") >= 0.9


def test_more_like_the_second(trained_parts) -> None:  # noqa: ANN001
    first, like = dialog(trained_parts, "yellow ones in the snow", "more like the 2nd")
    second = first.results[1]
    top = like.results[0]
    same = {k: ATTRS[second.path][k] for k in ("color", "setting", "time")}
    assert top.id == second.id or all(ATTRS[top.path][k] == v for k, v in same.items())
    assert share(like, **same) >= 0.8


def test_show_more_is_page_two(trained_parts) -> None:  # noqa: ANN001
    first, more = dialog(trained_parts, "red car", "show more")
    assert more.plan.page == 1
    assert [r.rank for r in more.results] == list(range(11, 11 + len(more.results)))
    assert len(more.results) == 10
    assert not {r.id for r in first.results} & {r.id for r in more.results}


def test_relevance_floor_separates_nonsense(trained_parts) -> None:  # noqa: ANN001
    searcher: Searcher = trained_parts.bot.searcher
    planner = DeterministicPlanner()
    real = searcher.search(planner.plan(None, "red car")).results[0].score
    nonsense = searcher.search(planner.plan(None, "zqxj vlorb kwyp")).results[0].score
    print(f"best score: real {real:.3f}, nonsense {nonsense:.3f}")
    assert nonsense < real
    floored = Searcher(searcher.store, searcher.encoder, SearchConfig(min_score=(real + nonsense) / 2))
    assert "Nothing scored close" in floored.search(planner.plan(None, "zqxj vlorb kwyp")).note
    assert floored.search(planner.plan(None, "red car")).note == ""


def negatives_benchmark(parts, n: int = 30, k: int = 10) -> dict[str, float]:  # noqa: ANN001
    """Share of top-k satisfying 'setting and not colour' for "things SETTING without COLOR", per negative
    mode. Setting and colour are attributes the demo model reads reliably, so the modes are what differs."""
    from indexer.demo.scenes import SETTING_PHRASES

    settings = sorted({a["setting"] for a in ATTRS.values()})
    colors = sorted({a["color"] for a in ATTRS.values()})
    pairs = [(st, c) for st in settings for c in colors]
    step = max(1, len(pairs) // n)
    queries = pairs[::step][:n]
    planner = DeterministicPlanner()
    out: dict[str, float] = {"queries": float(len(queries))}
    base: Searcher = parts.bot.searcher
    for mode in ("rerank", "subtract"):
        searcher = Searcher(base.store, base.encoder, SearchConfig(k=k, min_score=-1.0, negative_mode=mode))
        total = 0.0
        for setting, color in queries:
            answer = searcher.search(planner.plan(None, f"things {SETTING_PHRASES[setting][0]} without {color}"))
            good = [ATTRS[r.path]["setting"] == setting and ATTRS[r.path]["color"] != color for r in answer.results]
            total += sum(good) / k
        out[mode] = total / len(queries)
    return out


def test_negatives_rerank_at_least_as_good_as_subtract(trained_parts) -> None:  # noqa: ANN001
    numbers = negatives_benchmark(trained_parts)
    print(
        f"negatives over {int(numbers['queries'])} 'things SETTING without COLOR' queries, share of top-10 right: "
        f"rerank {numbers['rerank']:.3f}, subtract {numbers['subtract']:.3f}"
    )
    assert numbers["rerank"] >= numbers["subtract"]


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


def test_chatbot_type_is_real(demo_parts) -> None:  # noqa: ANN001
    """Guards the premise of this module: the fixtures give the real planner and searcher, not stand-ins."""
    assert isinstance(demo_parts.bot, ChatBot)
    assert type(demo_parts.bot.searcher) is Searcher
    assert demo_parts.info.count >= 1200
