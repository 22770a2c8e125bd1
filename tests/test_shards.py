"""Multi-machine indexing: `index SOURCE --shard I/3` in three concurrent processes into one Milvus server
builds exactly the collection one unsharded run builds (same ids, same paths), and the shards are disjoint.

Byte-identical copies under different paths must land in one shard (the key is content-derived), or two
processes would each store the same id with a different path.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from indexer.collection import summary
from indexer.ingest import in_shard, read_source
from tests.milvus_server import MilvusServer, indexer_cmd, stored_rows
from tests.test_resume import expected_rows
from tests.test_server_tier import child_env, make_images

pytestmark = [pytest.mark.server, pytest.mark.slow]

N = 3


def _source(root: Path) -> Path:
    make_images(root, 60, seed=3)  # 60 distinct PNGs in 3 folders, plus bad/ (empty, text)
    (root / "aa_first").mkdir()
    for i in (0, 7, 31, 59):  # byte-identical copies under other names and folders
        original = root / f"img{i % 3}" / f"img{i:03d}.png"
        shutil.copyfile(original, root / f"img{(i + 1) % 3}" / f"zz_dup{i:03d}.png")  # walked after it
        shutil.copyfile(original, root / "aa_first" / f"dup{i:03d}.png")  # walked before it: this path wins
    (root / "bad" / "truncated.png").write_bytes((root / "img2" / "img005.png").read_bytes()[:60])
    return root


def test_three_shards_equal_one_run(milvus_standalone: MilvusServer, tmp_path: Path) -> None:
    server = milvus_standalone
    server.start()
    source = _source(tmp_path / "src")

    items = read_source(source).items
    parts = [{item.rel for item in in_shard(items, (i, N))} for i in range(N)]
    assert set().union(*parts) == {item.rel for item in items}
    assert sum(map(len, parts)) == len(items), "an item is in two shards"
    assert all(parts), "a shard is empty; the split is too uneven to test concurrency"

    env = child_env()
    procs = [
        subprocess.Popen(
            indexer_cmd(source, server.uri, "sharded", "random", "--shard", f"{i}/{N}"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )  # fmt: skip
        for i in range(N)
    ]
    single = subprocess.run(
        indexer_cmd(source, server.uri, "single", "random"), capture_output=True, text=True, env=env, timeout=600
    )
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err[-3000:]
        reports.append(json.loads(out.strip().splitlines()[-1]))
    assert single.returncode == 0, single.stderr[-3000:]

    assert [r["total"] for r in reports] == [len(p) for p in parts]
    skipped = [entry["path"] for r in reports for entry in r["skipped_files"]]
    single_report = json.loads(single.stdout.strip().splitlines()[-1])
    assert sorted(skipped) == sorted(entry["path"] for entry in single_report["skipped_files"])
    assert len(skipped) == 3, "each bad file is reported by exactly one shard"

    sharded, sharded_count = stored_rows(server.uri, "sharded")
    one, one_count = stored_rows(server.uri, "single")
    assert sharded == one == expected_rows(source)
    assert sharded_count == one_count == len(one) == 60, "duplicated rows"
    # three runs merged their summary deltas at once: what a reader gets is still the one run's summary
    assert summary(server.uri, "sharded", bar=False) == summary(server.uri, "single", bar=False)
