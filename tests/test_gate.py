"""The gate and hostile input through AppTest (the real page script, bot, store and model in-process):
the password from the environment or the secrets, growing waits for wrong ones, the OIDC login when `[auth]`
secrets exist, escaped user words, and failures told in a sentence. tests/test_browser_gate.py checks the same
in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bot import gate
from tests import bot_fixtures as fx
from tests.page_cards import grids, strips

demo_index = fx.demo_index
APP = str(Path(fx.REPO_ROOT, "bot", "app.py"))
SECRET = "correct horse"
# a markdown link or image in drawn text: `[...](...)`, not preceded by the escaping backslash
LIVE_LINK = re.compile(r"(?<!\\)\[[^\]]*(?<!\\)\]\(")


@pytest.fixture(scope="module")
def app_db(demo_index, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: ANN001
    return fx.copy_db(demo_index.db, tmp_path_factory.mktemp("gate"))


@pytest.fixture
def app_env(demo_index, app_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    for name, value in demo_index.env(app_db).items():
        monkeypatch.setenv(name, value)
    gate.forget_clients()


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _closed(at: AppTest) -> bool:
    drawn = at.get("image") or grids(at) or strips(at)
    return not at.chat_input and not drawn and "conv" not in at.session_state


def _enter(at: AppTest, password: str) -> AppTest:
    at.text_input(key="password").input(password)
    return _run(at)


def _drawn(at: AppTest) -> list[str]:
    """Every markdown source the page drew: body, captions, info, errors, sidebar."""
    return [el.value for el in (*at.markdown, *at.caption, *at.info, *at.error, *at.warning)]


def test_password_from_the_environment_closes_the_page(app_env, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("IMGSEARCH_PASSWORD", SECRET)
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params = {"q": "red cars"}  # a shared link opens nothing either
    _run(at)
    assert _closed(at) and at.text_input(key="password") and not at.sidebar.caption
    _enter(at, "wrong")
    assert [e.value for e in at.error] == ["Wrong password."] and _closed(at)
    assert at.text_input(key="password").value == ""  # emptied: a rerun is no second try
    _enter(at, SECRET)
    assert not at.error and at.chat_input(key="chat") and at.session_state["conv"].turns


def test_password_from_secrets_closes_the_page(app_env) -> None:  # noqa: ANN001
    at = AppTest.from_file(APP, default_timeout=120)
    at.secrets["IMGSEARCH_PASSWORD"] = SECRET
    _run(at)
    assert _closed(at)
    _enter(at, SECRET)
    assert at.chat_input(key="chat")


def test_wrong_passwords_wait_longer_per_session_and_per_client(app_env, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    assert [gate.wait_after(n) for n in range(1, 10)] == [0, 2, 4, 8, 16, 32, 60, 60, 60]
    now = [1000.0]  # the gate's clock, held still while sessions start (however slowly) and then moved on
    monkeypatch.setattr(gate, "clock", lambda: now[0])
    monkeypatch.setenv("IMGSEARCH_PASSWORD", SECRET)
    at = _run(AppTest.from_file(APP, default_timeout=120))
    _enter(_enter(at, "guess 1"), "guess 2")
    _enter(at, SECRET)  # right, but within the wait: not even checked
    assert at.error[0].value == "Too many wrong passwords. Try again in 2 s." and _closed(at)
    other = _run(AppTest.from_file(APP, default_timeout=120))  # a fresh session from the same client waits too
    _enter(other, SECRET)
    assert other.error[0].value.startswith("Too many wrong passwords") and _closed(other)
    now[0] += gate.wait_after(2) + 0.1
    _enter(at, SECRET)
    assert not at.error and at.chat_input(key="chat")


def test_auth_secrets_ask_for_a_login_first(app_env) -> None:  # noqa: ANN001
    at = AppTest.from_file(APP, default_timeout=120)
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s",
                          "google": {"client_id": "id", "client_secret": "x",
                                     "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"}}
    at.secrets["IMGSEARCH_VIEWERS"] = ["ann@example.com"]
    _run(at)
    assert at.button(key="login").label == "Log in" and _closed(at)


def test_viewers_from_a_list_or_a_comma_separated_string() -> None:
    assert gate.viewers({"IMGSEARCH_VIEWERS": ["Ann@Example.com", " bo@x.org "]}, {}) == {"ann@example.com", "bo@x.org"}
    assert gate.viewers({}, {"IMGSEARCH_VIEWERS": "ann@example.com, bo@x.org"}) == {"ann@example.com", "bo@x.org"}
    assert gate.viewers({}, {}) == set()
    assert gate.configured_password({}, {"IMGSEARCH_PASSWORD": "p"}) == "p"
    assert gate.configured_password({"IMGSEARCH_PASSWORD": "s"}, {"IMGSEARCH_PASSWORD": "p"}) == "s"


INJECTIONS = [
    'red cars with caption "![p](http://127.0.0.1:9/t.png) 50%"',
    "cars with caption [Session expired, click to log on again](http://127.0.0.1:9/login)",
    "[Session expired, click](http://x)",
    "boats in folder [a](http://x)/",
]


def test_user_words_are_drawn_as_text_never_as_links(app_env) -> None:  # noqa: ANN001
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params = {"q": INJECTIONS}
    _run(at)
    assert len(at.session_state["conv"].turns) == len(INJECTIONS)
    drawn = _drawn(at)
    assert any("127\\.0\\.0\\.1" in d for d in drawn), drawn  # the value is shown, escaped
    assert not [d for d in drawn if LIVE_LINK.search(d)]
    assert not [d for d in drawn if "://" in re.sub(r"\\(.)", r"\1", d)]  # a bare URL would be autolinked
    assert not [d for d in drawn if re.search(r"(?<!\\)<", d)]


def test_k_with_a_superscript_digit_is_ignored(app_env) -> None:  # noqa: ANN001
    for k in ("²", "١٠", "1e1", " 5", "05x"):
        at = AppTest.from_file(APP, default_timeout=120)
        at.query_params = {"q": "red cars", "k": k}
        _run(at)
        assert at.slider(key="k").value == 10, k


def test_a_date_field_compared_as_text_gets_a_sentence(app_env) -> None:  # noqa: ANN001
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params = {"q": "where taken is 2020"}
    _run(at)
    drawn = " ".join(_drawn(at))
    assert "taken is a date" in drawn.replace("\\", "")
    assert ".db" not in drawn and "Milvus" not in drawn and "Traceback" not in drawn
