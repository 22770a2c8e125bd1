"""The Streamlit page through streamlit.testing's AppTest: the real script, bot, store and model in-process."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import bot_fixtures as fx
from tests.judged import check
from tests.page_cards import click, grids, strips

# bot/app.py's caps; importing the page would run it, so they are restated here
MAX_URL_TURNS, MAX_URL_TURN_CHARS = 20, 500

demo_index = fx.demo_index
APP = str(Path(fx.REPO_ROOT, "bot", "app.py"))


@pytest.fixture(scope="module")
def app_db(demo_index, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: ANN001
    # one copy for the module: the page caches the bot per settings, so every test reuses one model load
    return fx.copy_db(demo_index.db, tmp_path_factory.mktemp("app"))


@pytest.fixture
def app_env(demo_index, app_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    for name, value in demo_index.env(app_db).items():
        monkeypatch.setenv(name, value)


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _say(at: AppTest, text: str) -> AppTest:
    at.chat_input(key="chat").set_value(text)
    return _run(at)


def _conv(at: AppTest):  # noqa: ANN202
    return at.session_state["conv"]


def _markdown(at: AppTest) -> list[str]:
    """The markdown as a person reads it: the page escapes every punctuation mark of drawn text."""
    return [re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", m.value) for m in at.markdown]


@pytest.fixture(autouse=True)
def _no_password_counters() -> None:
    from bot import gate

    gate.forget_clients()  # wrong passwords of one test must not make the next one wait


UPLOAD = "images like your upload, "


def _shows(at: AppTest, spec: str, said: str, lead: str = "") -> None:
    """The latest turn searched what the person asked for (`spec`), and its headline, in bold, names that search."""
    answer = _conv(at).turns[-1][1]
    check(answer.plan, spec, said)
    assert answer.headline == f"Searching for: {lead}{answer.plan.phrase}", answer.headline
    assert f"**{answer.headline}**" in _markdown(at)


def test_multi_turn_chat_renders_answers_and_url(app_env) -> None:  # noqa: ANN001
    at = _run(AppTest.from_file(APP, default_timeout=120))
    assert [m.name for m in at.chat_message] == ["assistant"]  # the greeting
    _say(at, "red car")
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert at.chat_message[0].text[0].value == "red car"
    _shows(at, "+red +car @new", "red car")
    shown = len(_conv(at).turns[-1][1].results)
    assert shown >= 1 and [len(g) for g in grids(at)] == [shown]  # one grid, a card per result
    assert at.query_params["q"] == "red car" and at.query_params["k"] == "10"

    _say(at, "only at night")
    assert [m.name for m in at.chat_message] == ["user", "assistant"] * 2
    _shows(at, "+red +car +night !only @refine", "only at night")
    latest = len(_conv(at).turns[-1][1].results)
    older, grid = strips(at.chat_message[1]), grids(at.chat_message[3])
    assert len(older) == 1 and [p["label"] for p in older[0]] == [f"#{i}" for i in range(1, shown + 1)]
    assert all(p["src"] for p in older[0])  # the first answer collapsed to one strip of its pictures
    assert not grids(at.chat_message[1]) and len(grid) == 1 and len(grid[0]) == latest  # the latest: its cards
    assert grid[0][0]["label"].startswith("#1 · ") and all(card["src"] for card in grid[0])
    assert at.query_params["q"] == ["red car", "only at night"]


def test_slider_sets_k(app_env) -> None:  # noqa: ANN001
    at = _run(AppTest.from_file(APP, default_timeout=120))
    at.slider(key="k").set_value(3)
    _say(at, "boats")
    assert len(_conv(at).turns[-1][1].results) <= 3
    assert at.query_params["k"] == "3"


def test_reset_button_clears_everything(app_env) -> None:  # noqa: ANN001
    at = _run(AppTest.from_file(APP, default_timeout=120))
    _say(at, "red car")
    at.button(key="reset").click()
    _run(at)
    assert _conv(at).turns == [] and "q" not in at.query_params
    assert [m.name for m in at.chat_message] == ["assistant"]


def test_shared_url_replays_the_search(app_env) -> None:  # noqa: ANN001
    typed = _say(_say(_run(AppTest.from_file(APP, default_timeout=120)), "red car"), "at night")
    fresh = AppTest.from_file(APP, default_timeout=120)
    fresh.query_params = {"q": ["red car", "at night"]}
    _run(fresh)
    want = [(t, a.headline, [r.path for r in a.results]) for t, a, _ in _conv(typed).turns]
    got = [(t, a.headline, [r.path for r in a.results]) for t, a, _ in _conv(fresh).turns]
    assert got == want
    _shows(fresh, "+red +car +night @refine", "at night")


HOSTILE_PARAMS = {
    "long": {"q": "x" * 10_000},
    "many": {"q": [f"red car {i}" for i in range(100)]},
    "k-word": {"q": "red car", "k": "abc"},
    "k-negative": {"q": "red car", "k": "-5"},
    "k-huge": {"q": "red car", "k": "100000"},
    "traversal": {"q": "../../etc/passwd", "k": "../../etc/passwd"},
    "filter-traversal": {"q": "cars in folder ../../etc/"},
    "markup": {"q": "<img src=x onerror=alert(1)> **x**"},
}


@pytest.mark.parametrize("params", HOSTILE_PARAMS.values(), ids=HOSTILE_PARAMS.keys())
def test_hostile_query_params(app_env, params: dict) -> None:  # noqa: ANN001
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params = params
    _run(at)
    turns = _conv(at).turns
    assert len(turns) <= MAX_URL_TURNS
    assert all(len(text) <= MAX_URL_TURN_CHARS for text, _, _ in turns)
    assert 1 <= at.slider(key="k").value <= 30
    for _, answer, _ in turns:
        assert len(answer.results) <= 30
        assert all(not r.path.startswith(("/", "..")) for r in answer.results)


def test_missing_collection_says_cannot_start(app_env, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("IMGSEARCH_COLLECTION", "nosuch")
    at = _run(AppTest.from_file(APP, default_timeout=120))
    assert len(at.error) == 1 and at.error[0].value.startswith("The bot cannot start:")
    assert "nosuch" in at.error[0].value
    assert not at.chat_input


def test_password_gate(app_env) -> None:  # noqa: ANN001
    at = AppTest.from_file(APP, default_timeout=120)
    at.secrets["IMGSEARCH_PASSWORD"] = "correct horse"
    _run(at)
    assert not at.chat_input and at.text_input(key="password")
    at.text_input(key="password").input("wrong")
    _run(at)
    assert [e.value for e in at.error] == ["Wrong password."]
    assert not at.chat_input and not at.get("image")
    at.text_input(key="password").input("correct horse")
    _run(at)
    assert not at.error and at.chat_input(key="chat")
    _say(at, "red car")
    _shows(at, "+red +car @new", "red car")


def test_upload_is_part_of_the_conversation(app_env) -> None:  # noqa: ANN001
    picture = (fx.REPO_ROOT / "data" / "demo" / sorted(fx.demo_attrs())[0]).read_bytes()
    at = _run(AppTest.from_file(APP, default_timeout=120))
    at.chat_input(key="chat").upload("mine.jpg", picture, "image/jpeg")
    _say(at, "at night")
    user = at.chat_message[0]
    assert user.name == "user" and len(user.get("image")) == 1 and user.text[0].value == "at night"
    _shows(at, "+night @new", "at night", UPLOAD)
    _say(at, "in the snow")  # a refinement keeps searching with the picture
    _shows(at, "+snow +night @refine", "in the snow", UPLOAD)
    assert at.query_params["q"] == ["at night", "in the snow"]
    share = [c.value for c in at.sidebar.code]
    assert share and "q=at+night&q=in+the+snow" in share[0]
    assert any("cannot carry your uploaded picture" in c.value for c in at.sidebar.caption)
    _say(at, "start over")
    _say(at, "boats")
    _shows(at, "+boat !snow !night @new", "boats")
    assert not any("cannot carry" in c.value for c in at.sidebar.caption)


def test_result_buttons_are_turns_of_the_conversation(app_env) -> None:  # noqa: ANN001
    at = _say(_run(AppTest.from_file(APP, default_timeout=120)), "red car")
    first = _conv(at).turns[-1][1].results
    assert not click(at, "more", 2).exception
    more = _conv(at).turns[-1]
    assert more.text == "more like #2" and more.answer.plan.like == 2
    assert at.chat_message[2].text[0].value == "more like #2"  # shown in the history as the person's turn
    set_aside = more.answer.results[0].id
    assert not click(at, "not", 1).exception
    away = _conv(at).turns[-1]
    assert away.text == "not like #1" and set_aside in away.answer.plan.avoid
    assert set_aside not in {r.id for r in away.answer.results}
    assert at.query_params["q"] == ["red car", "more like #2", "not like #1"]
    fresh = AppTest.from_file(APP, default_timeout=120)  # the link replays the button turns
    fresh.query_params = {"q": ["red car", "more like #2", "not like #1"]}
    _run(fresh)
    replayed = _conv(fresh).turns[-1].answer
    assert [r.path for r in replayed.results] == [r.path for r in away.answer.results] and first


def test_first_screen_shows_the_collection_and_chips_that_work(app_env) -> None:  # noqa: ANN001
    at = _run(AppTest.from_file(APP, default_timeout=120))
    greeting = at.chat_message[0].markdown[0].value
    assert "2,000" in greeting and "images" in greeting
    # plain words: no checksum, and the demo files' times (a fresh checkout's) are not when anything was taken
    assert "sha256" not in greeting and "taken" not in greeting and "20" not in greeting.replace("2,000", "")
    chips = [b for b in at.button if b.key and b.key.startswith("chip-start-")]
    assert len(chips) >= 3
    chips[0].click()
    _run(at)
    turn = _conv(at).turns[-1]
    assert turn.text == chips[0].label and turn.answer.results
    assert at.query_params["q"] == chips[0].label
    (cards,) = grids(at.chat_message[-1])
    lines = [line["text"] for card in cards for line in card["lines"]]
    assert lines and not [t for t in lines if re.search(r"\b(19|20)\d\d\b", t)]  # no file time as a date
    follow = [b for b in at.button if b.key and b.key.startswith("chip-next-")]
    assert follow, "an answer suggests next turns"
