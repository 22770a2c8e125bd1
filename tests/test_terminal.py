"""`python -m bot --json`: one JSON object per stdin line, as a real child process and in-process."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import bot.__main__ as terminal
from bot.plan import Action
from tests import bot_fixtures as fx
from tests.judged import check, says

demo_index, bot_env = fx.demo_index, fx.bot_env

TURNS = "red car\nonly at night\nstart over\n"
FIELDS = {"phrase", "text", "negatives", "action", "headline", "note", "results"}  # text: what the pictures should say


def _plan(answer: dict) -> SimpleNamespace:
    """What one JSON answer says it searched, in the shape tests/wants.py judges."""
    return SimpleNamespace(phrase=answer["phrase"], text=answer["text"],
                           negatives=tuple(answer["negatives"]), filters=(),
                           action=Action(answer["action"]), searchable=answer["action"] != "empty")


def _check_answers(lines: list[str], k: int) -> None:
    answers = [json.loads(line) for line in lines]
    assert len(answers) == 3
    for a in answers:
        assert set(a) == FIELDS
        assert len(a["results"]) <= k
        for r in a["results"]:
            assert set(r) == {"path", "score", "caption", "why", "taken", "place", "camera"}
            assert isinstance(r["score"], float)
    first, second, reset = answers
    check(_plan(first), "+red +car @new", "red car")
    assert first["action"] == "new" and first["results"]
    # the second turn refines the first rather than starting over
    check(_plan(second), "+red +car +night !only @refine", "only at night")
    assert second["action"] == "refine"
    assert second["headline"] == f"Searching for: {second['phrase']}"
    assert reset["action"] == "reset" and reset["results"] == []


def test_json_mode_as_a_child_process(demo_index, bot_env, tmp_path: Path) -> None:  # noqa: ANN001
    db = fx.copy_db(demo_index.db, tmp_path)
    env = bot_env | {k: v for k, v in demo_index.env(db).items() if k != "IMGSEARCH_DB"}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "--db", str(db), "--collection", fx.COLLECTION, "--json", "-k", "5"],
        input=TURNS, capture_output=True, text=True, env=env, cwd=fx.REPO_ROOT, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    _check_answers(proc.stdout.splitlines(), 5)


def test_json_mode_in_process(demo_index, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    db = fx.copy_db(demo_index.db, tmp_path)
    for name, value in demo_index.env(db).items():
        monkeypatch.setenv(name, value)
    out = io.StringIO()
    argv = ["--db", str(db), "--collection", "demo", "--json", "-k", "4"]
    code = terminal.main(argv, stdin=io.StringIO(TURNS), stdout=out)
    assert code == 0
    _check_answers(out.getvalue().splitlines(), 4)


def test_text_mode_in_process(demo_index, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    db = fx.copy_db(demo_index.db, tmp_path)
    for name, value in demo_index.env(db).items():
        monkeypatch.setenv(name, value)
    out = io.StringIO()
    assert terminal.main(["-k", "2"], stdin=io.StringIO("red car\n\n"), stdout=out) == 0
    text = out.getvalue()
    headline = text.splitlines()[0]
    assert headline.startswith("Searching for: ") and "  #1 " in text
    assert says(headline, "red") and says(headline, "car"), headline
    assert "Tell me what to look for" in text  # the empty line gets the help


def test_missing_collection_exits_1_with_one_line(demo_index, bot_env, tmp_path: Path) -> None:  # noqa: ANN001
    db = fx.copy_db(demo_index.db, tmp_path)
    env = bot_env | demo_index.env(db)
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "--collection", "nosuch", "--json"],
        input="red car\n", capture_output=True, text=True, env=env, cwd=fx.REPO_ROOT, timeout=300,
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "nosuch" in errors[0] and "does not exist" in errors[0], proc.stderr


def test_bad_setting_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert terminal.main(["--db", str(tmp_path / "x.db"), "--collection", "1bad"], stdin=io.StringIO("")) == 2
    assert capsys.readouterr().err.startswith("error: collection name")
