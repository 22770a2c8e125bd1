"""Demo training: a run stopped and resumed trains exactly like one that never stopped, and reports itself."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from indexer.demo import make_data
from indexer.demo.train import main

TINY = ["--steps", "6", "--batch", "8", "--pool", "48", "--val", "40", "--eval-every", "3", "--save-every", "2",
        "--threads", "1", "--device", "cpu"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    make_data.write_demo(out, 40, seed=1)
    return out


def _run(tmp: Path, demo: Path, *extra: str) -> int:
    return main([*TINY, "--demo", str(demo), "--state", str(tmp / "state.pt"), "--out", str(tmp / "out.pt"), *extra])


def test_stopped_and_resumed_run_equals_an_uninterrupted_one(tmp_path: Path, demo: Path) -> None:
    straight, stopped = tmp_path / "straight", tmp_path / "stopped"
    assert _run(straight, demo) == 0
    assert _run(stopped, demo, "--until", "3") == 0
    halfway = torch.load(stopped / "state.pt", weights_only=False)
    assert halfway["record"]["step"] == 3 and len(halfway["record"]["history"]) == 1
    assert _run(stopped, demo, "--resume") == 0
    a = torch.load(straight / "state.pt", weights_only=False)
    b = torch.load(stopped / "state.pt", weights_only=False)
    assert a["record"]["step"] == b["record"]["step"] == 6
    assert [s["to"] for s in b["record"]["sittings"]] == [3, 6]
    for name, tensor in a["model"].items():
        assert torch.equal(tensor, b["model"][name]), name
    shipped_a, shipped_b = torch.load(straight / "out.pt"), torch.load(stopped / "out.pt")
    assert shipped_a.keys() == shipped_b.keys()
    assert all(torch.equal(shipped_a[k], shipped_b[k]) for k in shipped_a)
    assert all(v.dtype == torch.float16 for v in shipped_b.values() if v.is_floating_point())
    report = (stopped / "TRAINING.md").read_text()
    assert "2 sitting(s)" in report and "| kind | color | count | size | setting | time |" in report


def test_resume_without_state_says_what_to_do(tmp_path: Path, demo: Path, capsys: pytest.CaptureFixture) -> None:
    assert _run(tmp_path, demo, "--resume") == 2
    err = capsys.readouterr().err
    assert "no training state" in err and "without --resume" in err
