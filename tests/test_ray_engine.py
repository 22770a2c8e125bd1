"""`index --engine ray` on a local Ray (num_cpus=2, started once for the module): the same collection as the local
engine (folder and manifest: ids, every field, vectors, thumbnails, JSON report, summary), incremental re-runs,
moves and prune, a driver killed with SIGKILL and resumed, and worker-side writes to a real Milvus server.

Real everything: Ray Data, open_clip (a saved demo-clip checkpoint, so the actors load the driver's weights),
Milvus Lite, and the PyPI `milvus` server for the `server` test.
"""

from __future__ import annotations

import csv
import json
import random
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from indexer.cli import main
from indexer.thumbs import GRID, Thumbnails, folder_for
from tests.conftest import NoTextEmbeddings
from tests.milvus_server import MilvusServer, indexer_cmd
from tests.test_index_cli import Corpus, write_photo
from tests.test_resume import expected_rows, make_source, wait_until_store_open
from tests.test_server_tier import child_env

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[str]:
    """One local Ray for the module (starting one takes seconds here); its address, for child processes."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray.get_runtime_context().gcs_address
    finally:
        ray.shutdown()


def index(source: Path, db: str, checkpoint: Path, *extra: str, collection: str = "photos") -> dict:
    argv = ["index", str(source), "--db", db, "--collection", collection, "--batch-size", "8",
            "--model", "demo-clip", "--pretrained", str(checkpoint), "--json", *extra]  # fmt: skip
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(argv) == 0
    report = json.loads(out.getvalue().strip().splitlines()[-1])
    report.pop("seconds")
    return report


def dump(db: str, collection: str = "photos") -> dict[str, dict]:
    """Every stored row, every field (vectors as arrays), by id; and the summary `info` reads."""
    from indexer.store import ImageStore

    store = ImageStore(db, collection, None, embeddings=NoTextEmbeddings(), create=False)
    try:
        rows = store._client.query(collection, filter='id != ""', output_fields=["*"], limit=16384)
        assert store.count() == len(rows), "duplicate ids"
        return {r["id"]: dict(r) | {"vector": np.asarray(r["vector"], np.float32)} for r in rows}
    finally:
        store.close()


def assert_same_collection(a: dict[str, dict], b: dict[str, dict]) -> None:
    assert set(a) == set(b)
    for cid, row in a.items():
        other = b[cid]
        assert {k: v for k, v in row.items() if k != "vector"} == {k: v for k, v in other.items() if k != "vector"}
        np.testing.assert_allclose(row["vector"], other["vector"], atol=2e-4)


def info(db: str) -> dict:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["info", "--db", db, "--collection", "photos", "--json"]) == 0
    return json.loads(out.getvalue().strip().splitlines()[-1])


def test_folder_and_manifest_give_the_local_engines_collection(
    local_ray: str, tmp_path: Path, random_checkpoint: Path
) -> None:
    corpus = Corpus(tmp_path / "photos")
    manifest = corpus.root / "list.csv"
    with manifest.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["path", "caption", "colour"])
        out.writerows([[rel, f"photo {i}", "red" if i % 2 else ""] for i, rel in enumerate(corpus.good)])
        out.writerow(["", "a row without a path", ""])
    for source in (corpus.root, manifest):
        dbs = {e: str(tmp_path / f"{source.stem}-{e}" / "m.db") for e in ("local", "ray")}
        reports = {e: index(source, db, random_checkpoint, "--engine", e) for e, db in dbs.items()}
        assert reports["ray"] == reports["local"]
        assert reports["ray"]["indexed"] == len(corpus.good) - 1  # the duplicate is stored once, under g0.jpg
        rows = {e: dump(db) for e, db in dbs.items()}
        assert_same_collection(rows["ray"], rows["local"])
        assert info(dbs["ray"]) | {"db": ""} == info(dbs["local"]) | {"db": ""}  # counts, dates, cameras, places
        thumbs = Thumbnails(folder_for(dbs["ray"], "photos"))
        assert all(thumbs.cached(cid, GRID) for cid in rows["ray"]), "the Ray engine wrote no thumbnails"


def test_rerun_change_move_and_prune(local_ray: str, tmp_path: Path, random_checkpoint: Path) -> None:
    corpus = Corpus(tmp_path / "photos")
    db = str(tmp_path / "m" / "m.db")
    first = index(corpus.root, db, random_checkpoint, "--engine", "ray")
    before, ids = dump(db), corpus.ids()

    write_photo(corpus.root / "good/g1.jpg", seed=101)  # new content at a path
    (corpus.root / "moved").mkdir()
    (corpus.root / "good/g2.jpg").rename(corpus.root / "moved/g2.jpg")
    (corpus.root / "good/g3.jpg").unlink()
    report = index(corpus.root, db, random_checkpoint, "--engine", "ray", "--prune")
    assert (report["indexed"], report["removed"]) == (1, 2)  # g1's new content in; its old row and g3's out
    assert report["unchanged"] == len(corpus.good) - 2  # g2 moved (repointed, not embedded); g3 gone
    after = dump(db)
    assert ids["good/g1.jpg"] not in after and ids["good/g3.jpg"] not in after
    assert after[ids["good/g2.jpg"]]["path"] == "moved/g2.jpg"
    np.testing.assert_array_equal(after[ids["good/g2.jpg"]]["vector"], before[ids["good/g2.jpg"]]["vector"])
    assert len(after) == len(before) - 1
    assert info(db)["count"] == len(after)  # and the summary `info` reads agrees

    again = index(corpus.root, db, random_checkpoint, "--engine", "ray")  # incremental: nothing read again
    assert (again["indexed"], again["removed"], again["unchanged"]) == (0, 0, len(corpus.good) - 1)
    assert again["skipped_files"] == first["skipped_files"]
    assert dump(db).keys() == after.keys()


def test_killed_driver_resumes(local_ray: str, tmp_path: Path) -> None:
    """SIGKILL the Ray driver (a real `python -m indexer index --engine ray` on this module's Ray) mid-run, twice,
    times, moving files in between; the final run leaves one row per distinct image at the right path."""
    source, db = tmp_path / "src", str(tmp_path / "milvus" / "resume.db")
    make_source(source)  # 300 distinct JPEGs, 4 copies, 3 bad files
    rng, kills = random.Random(7), 0
    cmd = [*indexer_cmd(source, db, "resume", "random", "--engine", "ray", "--ray-address", local_ray)]
    for round_no in range(6):
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
        if wait_until_store_open(proc, db):
            time.sleep(rng.uniform(2.0, 6.0))  # Ray's start-up, then batches being written
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        _, err = proc.communicate(timeout=120)
        assert proc.returncode in (0, -signal.SIGKILL), err[-3000:]
        if round_no == 1:
            (source / "moved").mkdir()
            for i in (1, 7, 13):
                (source / f"d{i % 6}" / f"img{i:04d}.jpg").rename(source / "moved" / f"img{i:04d}.jpg")
        if kills >= 2:
            break
    assert kills >= 2
    final = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), timeout=300)
    assert final.returncode == 0, final.stderr[-3000:]
    report = json.loads(final.stdout.strip().splitlines()[-1])
    assert report["skipped"] == 3 and report["indexed"] + report["unchanged"] == 300 + 4
    from indexer.collection import summary

    rows = dump(db, "resume")
    assert {cid: r["path"] for cid, r in rows.items()} == expected_rows(source)
    held = summary(db, "resume", bar=False)
    assert held.rows == len(rows)


@pytest.mark.server
@pytest.mark.slow
def test_server_worker_writes_equal_local(
    local_ray: str, milvus_standalone: MilvusServer, tmp_path: Path, random_checkpoint: Path
) -> None:
    """On a server the actors write the rows; the driver keeps the summary: both as the local engine's."""
    from indexer.collection import summary

    server = milvus_standalone
    server.start()
    corpus = Corpus(tmp_path / "photos")
    reports = {e: index(corpus.root, server.uri, random_checkpoint, "--engine", e, collection=f"workers_{e}")
               for e in ("local", "ray")}  # fmt: skip
    assert reports["ray"] | {"collection": ""} == reports["local"] | {"collection": ""}
    rows = {e: dump(server.uri, f"workers_{e}") for e in ("local", "ray")}
    assert_same_collection(rows["ray"], rows["local"])
    held = {e: summary(server.uri, f"workers_{e}", bar=False) for e in ("local", "ray")}
    assert held["ray"] == held["local"] and held["ray"].rows == len(rows["ray"])


def test_ocr_on_ray_reads_what_the_local_engine_reads(local_ray: str, tmp_path: Path, random_checkpoint: Path) -> None:
    """`--ocr` is a step of the one per-item preparation, so Ray's tasks read the same words into the same fields;
    a re-run reads nothing again."""
    from tests.test_ocr import PICTURES, draw

    root = tmp_path / "photos"
    for i, (rel, lines) in enumerate(PICTURES.items()):
        draw(root / rel, lines, seed=i)
    dbs = {e: str(tmp_path / e / "m.db") for e in ("local", "ray")}
    reports = {e: index(root, db, random_checkpoint, "--engine", e, "--ocr") for e, db in dbs.items()}
    costs = ("ocr_seconds", "ocr_cpu_seconds")
    assert all(reports[e].pop(c) > 0 for e in reports for c in costs)
    assert reports["ray"] == reports["local"] and reports["ray"]["ocr_images"] == len(PICTURES)
    rows = {e: dump(db) for e, db in dbs.items()}
    assert_same_collection(rows["ray"], rows["local"])
    assert any("STARBUCKS" in row["ocr"] for row in rows["ray"].values())
    again = index(root, dbs["ray"], random_checkpoint, "--engine", "ray", "--ocr")
    assert (again["unchanged"], again["ocr_images"]) == (len(PICTURES), 0)
