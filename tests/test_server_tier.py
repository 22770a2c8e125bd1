"""Server tier: the indexer CLI and the bot against a real Milvus 2.3 standalone server (the `milvus` PyPI
package), through the same `--db http://127.0.0.1:PORT` users give, and that server going away mid-session.

The store's own tests run here too: tests/test_store.py's `store_uri` has a "server" param.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from bot.chat import Conversation
from bot.factory import build_bot
from indexer.collection import describe
from indexer.errors import StoreUnavailable
from indexer.settings import ENV_PREFIX, Settings
from indexer.thumbs import default_folder
from tests.milvus_server import MilvusServer, indexer_cmd, stored_rows
from tests.test_resume import expected_rows

pytestmark = pytest.mark.server

REPO_ROOT = Path(__file__).resolve().parent.parent
APP = str(REPO_ROOT / "bot" / "app.py")
COLLECTION = "tier"


def make_images(root: Path, n: int, seed: int, prefix: str = "img") -> None:
    """Small PNGs, each a different colour pair in stripes, plus `bad/` files the indexer must skip."""
    rng = np.random.default_rng(seed)
    for i in range(n):
        a, b = rng.integers(0, 256, (2, 3), dtype=np.uint8)
        pixels = np.where((np.arange(48)[:, None, None] // (4 + i % 5)) % 2 == 0, a, b) * np.ones((48, 48, 3), np.uint8)
        path = root / f"{prefix}{i % 3}" / f"{prefix}{i:03d}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(pixels.astype(np.uint8)).save(path)
    (root / "bad").mkdir(exist_ok=True)
    (root / "bad" / f"{prefix}_empty.png").write_bytes(b"")
    (root / "bad" / f"{prefix}_text.jpg").write_text("not an image\n")


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIX)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH", "")]))
    env["TQDM_DISABLE"] = "1"
    return env | {ENV_PREFIX + k.upper(): v for k, v in extra.items()}


def run_index(source: Path, uri: str, checkpoint: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    cmd = indexer_cmd(source, uri, COLLECTION, str(checkpoint))
    return subprocess.run(cmd, capture_output=True, text=True, env=child_env(), timeout=timeout)


@pytest.fixture(scope="module")
def server(milvus_standalone: MilvusServer) -> MilvusServer:
    milvus_standalone.start()  # no-op when up; a test that stopped it may have failed before restarting
    return milvus_standalone


@pytest.fixture(scope="module")
def indexed(server: MilvusServer, tmp_path_factory: pytest.TempPathFactory, random_checkpoint: Path) -> Path:
    """24 images (+ a byte-identical copy, + 2 bad files) indexed into the server by the real CLI."""
    source = tmp_path_factory.mktemp("tier") / "src"
    make_images(source, 24, seed=6)
    shutil.copyfile(source / "img0" / "img000.png", source / "img2" / "zz_copy.png")
    done = run_index(source, server.uri, random_checkpoint)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert (report["indexed"], report["unchanged"], report["skipped"]) == (24, 1, 2), report
    return source


def bot_settings(uri: str, checkpoint: Path) -> Settings:
    # min_score 0: random weights score everything low; these tests are about plumbing, not ranking
    return Settings.load(env={}, db=uri, collection=COLLECTION, pretrained=str(checkpoint), min_score=0.0)


def test_cli_index_and_terminal_bot_against_the_server(
    server: MilvusServer, indexed: Path, random_checkpoint: Path
) -> None:
    expected = expected_rows(indexed)
    rows, count = stored_rows(server.uri, COLLECTION)
    assert rows == expected and count == len(expected) == 24

    info = subprocess.run(
        [sys.executable, "-m", "indexer", "info", "--db", server.uri, "--collection", COLLECTION, "--json"],
        capture_output=True, text=True, env=child_env(), timeout=120,
    )  # fmt: skip
    assert info.returncode == 0, info.stderr[-2000:]
    assert json.loads(info.stdout.strip().splitlines()[-1])["count"] == 24

    bot = subprocess.run(
        [sys.executable, "-m", "bot", "--db", server.uri, "--collection", COLLECTION, "--json", "-k", "5"],
        input="striped red picture\nmore like #1\n",
        capture_output=True, text=True, timeout=180,
        env=child_env(pretrained=str(random_checkpoint), min_score="0"),
    )  # fmt: skip
    assert bot.returncode == 0, bot.stderr[-2000:]
    answers = [json.loads(line) for line in bot.stdout.splitlines() if line.strip()]
    assert len(answers) == 2 and all("error" not in a for a in answers), answers
    for answer in answers:
        assert 1 <= len(answer["results"]) <= 5
        assert {r["path"] for r in answer["results"]} <= set(expected.values())


def test_server_down_mid_session(
    server: MilvusServer, indexed: Path, random_checkpoint: Path, monkeypatch: pytest.MonkeyPatch, home_in_tmp: Path
) -> None:
    parts = build_bot(bot_settings(server.uri, random_checkpoint))
    conv = Conversation()
    assert parts.bot.reply(conv, "blue stripes").results

    for name, value in {"db": server.uri, "collection": COLLECTION, "pretrained": str(random_checkpoint),
                        "min_score": "0"}.items():  # fmt: skip
        monkeypatch.setenv(ENV_PREFIX + name.upper(), value)
    page = AppTest.from_file(APP, default_timeout=180).run()
    assert not page.exception, [e.value for e in page.exception]
    page.chat_input(key="chat").set_value("green").run()
    assert not page.error and not page.exception and page.session_state["conv"].turns[-1][1].results
    # A server's thumbnails go to the user's cache (no Lite dir to sit beside): here, the session's temporary home
    thumbs = default_folder(server.uri, COLLECTION)
    assert thumbs.is_relative_to(home_in_tmp) and any(thumbs.rglob("*.jpg")), thumbs

    outage: dict[str, object] = {}

    def terminal_lines() -> Iterator[str]:
        """stdin for the terminal bot: one line up, the outage (checked from in here), one line down, one up."""
        yield "red stripes\n"
        server.stop()
        outage.update(while_down(parts, conv, page, indexed, server.uri, random_checkpoint))
        yield "yellow stripes\n"
        server.start()
        yield "purple stripes\n"

    from bot.__main__ import main as terminal

    out = io.StringIO()
    assert terminal(["--db", server.uri, "--collection", COLLECTION, "--json"], terminal_lines(), out) == 0
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [("error" in line) for line in lines] == [False, True, False], lines
    assert server.uri in lines[1]["error"] and lines[0]["results"] and lines[2]["results"]
    # The collection properties (model identity, image root) survived the server's restart (a kill -9 after
    # 5 s of SIGTERM: its graceful stop hangs) before anything rewrote them.
    assert describe(server.uri, COLLECTION).identity == parts.info.identity
    assert parts.store.root() == str(indexed.resolve())

    # Back up: the same bot object, the same page session, and a re-run of the indexer all work again.
    assert parts.bot.reply(conv, "orange stripes").results
    page.chat_input(key="chat").set_value("grey").run()
    assert not page.exception and not page.error
    assert page.session_state["conv"].turns[-1][1].results

    assert outage["indexer_rc"] == 1
    assert outage["indexer_message"].startswith("error:") and server.uri in outage["indexer_message"]
    assert "Traceback" not in outage["indexer_stderr"]
    # It was run with a checkpoint path that does not exist: had it loaded the model before trying the server,
    # it would have stopped on the checkpoint. How long a down server takes to report: bench/outage_latency.py.
    assert "checkpoint" not in outage["indexer_message"], outage["indexer_message"]

    rerun = run_index(indexed, server.uri, random_checkpoint)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    expected = expected_rows(indexed)
    rows, count = stored_rows(server.uri, COLLECTION)
    assert rows == expected and count == len(expected) == 24 + 6, "lost or duplicated rows after the outage"


def while_down(parts, conv, page, source: Path, uri: str, checkpoint: Path) -> dict[str, object]:  # noqa: ANN001
    """Everything that must hold while the server is stopped; asserts here, returns what is checked later."""
    with pytest.raises(StoreUnavailable, match="127.0.0.1") as down:
        parts.bot.reply(conv, "white stripes")
    # Reported from the refused connection itself, not after a retry budget ran out (pymilvus names those
    # "Retry timeout: ..." / "Retry run out of ..."): no waiting loop. Its time: bench/outage_latency.py.
    assert "Retry" not in str(down.value), down.value
    assert conv.turns and conv.plan is not None  # the conversation so far is kept

    page.chat_input(key="chat").set_value("black").run()
    assert not page.exception, [e.value for e in page.exception]
    assert any("Search store unavailable" in e.value for e in page.error), [e.value for e in page.error]

    make_images(source, 6, seed=7, prefix="new")  # work for the re-run after the restart
    down = run_index(source, uri, checkpoint.with_name("never-written.pt"), timeout=180)
    errors = [line for line in down.stderr.splitlines() if line.strip()]
    return {
        "indexer_rc": down.returncode,
        "indexer_message": errors[-1] if errors else "",
        "indexer_stderr": down.stderr,
    }
