"""Crash safety against a real Milvus server: SIGKILL the indexer at random moments (and the server itself
once), re-run after each, and check the collection converges to exactly one row per distinct valid image.
Also: the indexer and the bot sharing one Milvus Lite data dir, in either start order.

Lite's version of this lives in tests/test_resume.py (whose corpus and expectations are reused here).
Kills are aimed by the collection's row count (a random target per run, polled from here), so they land
while batches are being written rather than during the interpreter's start-up; the first kill is aimed at
a random moment of the start-up itself (model load, reading what is stored).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from indexer.collection import summary
from indexer.lite import endpoint_file
from tests.milvus_server import MilvusServer, indexer_cmd, stored_rows
from tests.test_resume import expected_rows, make_source
from tests.test_server_tier import child_env

pytestmark = pytest.mark.slow

COLLECTION = "faults"
INDEXER_KILLS = 5
SEED = 6_2024
# Big enough that six aimed runs cannot finish it: kills are aimed at +8..48 rows, but a batch or two more
# lands before the SIGKILL does, and a fast machine indexes 300 tiny images in seconds. The six runs leave
# about 160 rows here (at most 6 x 48 aimed plus the batches in flight), so 600 keeps a margin of 2x.
N_IMAGES = 600


def _count(uri: str) -> int:
    from pymilvus import MilvusClient

    client = MilvusClient(uri=uri, timeout=5)
    try:
        if not client.has_collection(COLLECTION):
            return 0
        # Strong: a lagging count would aim the kill rows late
        rows = client.query(COLLECTION, filter="", output_fields=["count(*)"], consistency_level="Strong")
        return int(rows[0]["count(*)"])
    except Exception:  # noqa: BLE001 - not created or not loaded yet
        return 0
    finally:
        client.close()


def _start(source: Path, uri: str) -> subprocess.Popen[str]:
    cmd = indexer_cmd(source, uri, COLLECTION, "random")
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())


def _run_until(proc: subprocess.Popen[str], uri: str, target: int | None, delay: float, limit: float = 240) -> bool:
    """Wait for `target` rows (or `delay` seconds when target is None); True if the process is still
    running then (so the kill lands mid-run), False if it finished first."""
    started = time.monotonic()
    while proc.poll() is None and time.monotonic() - started < limit:
        if target is None and time.monotonic() - started >= delay:
            return True
        if target is not None and _count(uri) >= target:
            return True
        time.sleep(0.1)
    return proc.poll() is None


@pytest.mark.server
def test_killed_indexer_and_server_converge(milvus_standalone: MilvusServer, tmp_path: Path) -> None:
    server = milvus_standalone
    server.start()
    source = tmp_path / "src"
    make_source(source, N_IMAGES)  # distinct JPEGs, 4 byte-identical copies, 3 bad files
    rng = random.Random(SEED)
    log: list[str] = []
    server_killed = False
    # Round 0: kill at a random moment of start-up; later rounds: once a random number of new rows is in.
    for round_no in range(INDEXER_KILLS + 1):
        target = None if round_no == 0 else _count(server.uri) + rng.randint(8, 48)
        proc = _start(source, server.uri)
        landed = _run_until(proc, server.uri, target, delay=rng.uniform(1.0, 8.0))
        if landed and round_no == 3 and not server_killed:
            # The server dies mid-run instead: the indexer must stop by itself, with one clear line.
            server.kill()
            server_killed = True
            out, err = proc.communicate(timeout=120)
            message = [line for line in err.splitlines() if line.strip()][-1:]
            log.append(f"server killed at >= {target} rows: indexer rc={proc.returncode} {message}")
            assert proc.returncode == 1 and message and message[0].startswith("error:"), err[-3000:]
            assert server.uri in message[0] and "Traceback" not in err
            server.start()
            continue
        if landed:
            proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=120)
        log.append(f"round {round_no}: target {target}, rc={proc.returncode}, rows now {_count(server.uri)}")
        assert proc.returncode in (0, -signal.SIGKILL), err[-3000:]

    # SIGKILLs that landed mid-run: of the indexer, and of the server under a running indexer
    kills = sum("rc=-9" in line or line.startswith("server killed") for line in log)
    assert kills >= INDEXER_KILLS, log
    final = _start(source, server.uri)
    out, err = final.communicate(timeout=300)
    assert final.returncode == 0, err[-3000:]
    report = json.loads(out.strip().splitlines()[-1])
    assert report["skipped"] == 3 and report["total"] == N_IMAGES + 4 + 3, report

    expected = expected_rows(source)
    rows, count = stored_rows(server.uri, COLLECTION)
    assert len(expected) == N_IMAGES
    assert count == len(rows), f"duplicated rows: count(*) {count} for {len(rows)} ids; {log}"
    assert set(rows) == set(expected), f"lost {len(set(expected) - set(rows))}, extra {len(set(rows) - set(expected))}"
    assert rows == expected, "a row points at the wrong file"
    held = summary(server.uri, COLLECTION, bar=False)  # what the bot and `info` read: these rows, every one dated
    assert (held.rows, held.dated) == (count, count), held
    print("\n".join(log))


# -- the indexer while the bot serves, on one Milvus Lite data dir -------------------------------------------
LITE_COLLECTION = "shared"


def _lite_bot(db: Path, checkpoint: Path):  # noqa: ANN202 - BotParts
    from bot.factory import build_bot
    from indexer.settings import Settings

    return build_bot(Settings.load(env={}, db=str(db), collection=LITE_COLLECTION, pretrained=str(checkpoint),
                                   min_score=0.0))  # fmt: skip


def _upload_top_hit(parts, image: Path) -> str:  # noqa: ANN001
    """The bot's answer to an upload of `image`: with the indexer's weights, its own row scores ~1."""
    from bot.chat import Conversation

    answer = parts.bot.reply(Conversation(), "", image=image.read_bytes())
    assert answer.results, answer
    return answer.results[0].path


def _release(db: Path) -> None:
    from milvus_lite.server_manager import server_manager_instance

    server_manager_instance.release_server(str(db.resolve()))


def test_indexer_joins_a_serving_bot(tmp_path: Path, random_checkpoint: Path) -> None:
    from tests.test_server_tier import make_images

    source, db = tmp_path / "src", tmp_path / "milvus" / "shared.db"
    make_images(source, 12, seed=11)
    first = subprocess.run(indexer_cmd(source, str(db), LITE_COLLECTION, str(random_checkpoint)),
                           capture_output=True, text=True, env=child_env(), timeout=300)  # fmt: skip
    assert first.returncode == 0, first.stderr[-3000:]

    parts = _lite_bot(db, random_checkpoint)  # this process now holds the data dir and advertises it
    try:
        assert json.loads(endpoint_file(db.resolve()).read_text())["pid"] == os.getpid()
        before = parts.store.count()
        new = source / "new" / "checker.png"
        new.parent.mkdir()
        Image.fromarray((np.indices((64, 64)).sum(axis=0) // 8 % 2 * 255).astype(np.uint8)).convert("RGB").save(new)
        joined = subprocess.run(indexer_cmd(source, str(db), LITE_COLLECTION, str(random_checkpoint)),
                                capture_output=True, text=True, env=child_env(), timeout=300)  # fmt: skip
        assert joined.returncode == 0, joined.stderr[-3000:]
        assert json.loads(joined.stdout.strip().splitlines()[-1])["indexed"] == 1
        # The same bot, no restart: the new image is counted and is the top hit for itself.
        assert parts.store.count() == before + 1
        assert _upload_top_hit(parts, new) == "new/checker.png"
    finally:
        parts.store.close()
        _release(db)


def test_bot_joins_a_running_indexer_and_outlives_it(tmp_path: Path, random_checkpoint: Path) -> None:
    from indexer.errors import CollectionMissing, StoreUnavailable
    from tests.test_resume import wait_until_store_open

    source, db = tmp_path / "src", tmp_path / "milvus" / "shared.db"
    make_source(source)  # 300 images: long enough to join mid-run
    cmd = indexer_cmd(source, str(db), LITE_COLLECTION, str(random_checkpoint))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
    parts = None
    try:
        assert wait_until_store_open(proc, str(db)), proc.communicate()[1][-3000:]
        deadline = time.monotonic() + 120
        while parts is None and time.monotonic() < deadline:
            try:
                parts = _lite_bot(db, random_checkpoint)  # joins through the indexer's endpoint
            except (CollectionMissing, StoreUnavailable):
                time.sleep(0.2)  # the collection is created right after the dir opens
        assert parts is not None
        seen = [parts.store.count()]
        while proc.poll() is None:
            seen.append(parts.store.count())  # searches and counts while the indexer writes
            time.sleep(0.5)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err[-3000:]
        assert seen == sorted(seen), seen
        # The indexer (the dir's holder) has exited: the bot re-opens the dir itself and sees every image.
        assert parts.store.count() == len(expected_rows(source))
        last = sorted(expected_rows(source).values())[-1]
        assert _upload_top_hit(parts, source / last) == last
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        if parts is not None:
            parts.store.close()
        _release(db)
