"""`python -m indexer index|info` end to end: real files (the bad-file corpus plus good images), a real
open_clip model (demo-clip, random weights) and Milvus Lite in tmp_path."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from indexer.cli import main
from indexer.pipeline import content_id
from indexer.store import ImageStore
from tests.badfiles import DIR_SYMLINK_LOOP, make_bad_corpus

REPORT_KEYS = {"indexed", "unchanged", "skipped", "removed", "total", "skipped_files"}
GOOD_EXTRA = [f"good/g{i}.jpg" for i in range(4)]
DUPLICATE = "good/g0_copy.jpg"  # byte-identical to good/g0.jpg, walked after it (so g0.jpg keeps the row)


def write_photo(path: Path, seed: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pixels = np.random.default_rng(seed).integers(0, 255, (24, 32, 3), dtype=np.uint8)
    Image.fromarray(pixels).save(path, quality=90)


class Corpus:
    """The bad-file corpus plus a few good photos and one duplicate; knows what each run should find."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cases = make_bad_corpus(root)
        for i, rel in enumerate(GOOD_EXTRA):
            write_photo(root / rel, seed=i)
        shutil.copyfile(root / GOOD_EXTRA[0], root / DUPLICATE)
        # folder.jpg is a folder: the walk descends into it (it could hold images) instead of skipping it.
        self.bad = {rel: why for rel, why in self.cases.items() if why is not None and rel != "folder.jpg"}
        self.good = sorted([rel for rel, why in self.cases.items() if why is None] + GOOD_EXTRA + [DUPLICATE])

    def ids(self) -> dict[str, str]:
        """Content id of every good file, by path."""
        return {rel: content_id((self.root / rel).read_bytes()) for rel in self.good}


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return Corpus(tmp_path / "photos")


@pytest.fixture
def cli(tmp_db: str, capsys: pytest.CaptureFixture[str]):  # noqa: ANN201 - returns the runner below
    """Run `python -m indexer` in-process against this test's Lite db; returns (exit code, last-line JSON, stderr)."""

    def run(*args: str, model: tuple[str, ...] = ("--pretrained", "random")) -> tuple[int, dict | None, str]:
        command, rest = args[0], list(args[1:])
        argv = [command, *rest, "--db", tmp_db, "--collection", "photos", "--json"]
        if command == "index":
            argv += ["--batch-size", "4", *model]
        rc = main(argv)
        out, err = capsys.readouterr()
        lines = out.strip().splitlines()
        return rc, (json.loads(lines[-1]) if rc == 0 and lines else None), err

    return run


def stored_rows(db: str, random_clip) -> dict[str, str]:  # noqa: ANN001
    """id -> stored path, read straight from the collection."""
    store = ImageStore(db, "photos", None, embeddings=random_clip, create=False)
    try:
        rows = {rec.id: rec.path for rec in store.existing()}
        assert store.count() == len(rows), "duplicate ids in the collection"
        return rows
    finally:
        store.close()


def test_index_bad_corpus_and_rerun(corpus: Corpus, cli, tmp_db: str, random_clip) -> None:  # noqa: ANN001
    rc, report, _ = cli("index", str(corpus.root))
    assert rc == 0
    assert set(report) >= REPORT_KEYS
    ids = corpus.ids()
    distinct = set(ids.values())
    assert report["indexed"] == len(distinct) == len(corpus.good) - 1  # the duplicate is stored once
    assert report["unchanged"] == 1  # the duplicate's content was already in this run
    skipped = {entry["path"]: entry["reason"] for entry in report["skipped_files"]}
    for rel, expected in corpus.bad.items():
        want = "symlink loop" if expected == DIR_SYMLINK_LOOP else expected
        assert rel in skipped, f"{rel} was not reported as skipped"
        assert want in skipped[rel], f"{rel}: {skipped[rel]!r} should mention {want!r}"
    assert set(skipped) == set(corpus.bad)
    assert report["skipped"] == len(corpus.bad)
    assert report["total"] == len(corpus.good) + len(corpus.bad) - 1  # loopdir/self is not a file item
    rows = stored_rows(tmp_db, random_clip)
    assert set(rows) == distinct
    originals = [rel for rel in corpus.good if rel != DUPLICATE]
    assert {rel: rows[ids[rel]] for rel in originals} == {rel: rel for rel in originals}

    rc, again, _ = cli("index", str(corpus.root))
    assert rc == 0
    assert (again["indexed"], again["removed"]) == (0, 0)
    assert again["unchanged"] == len(corpus.good)
    assert again["skipped"] == report["skipped"]
    assert stored_rows(tmp_db, random_clip) == rows

    rc, info, _ = cli("info")
    assert rc == 0
    assert (info["model"], info["weights"], info["dim"], info["count"]) == ("demo-clip", "random", 128, len(distinct))


def test_changed_moved_and_deleted_files(corpus: Corpus, cli, tmp_db: str, random_clip) -> None:  # noqa: ANN001
    assert cli("index", str(corpus.root))[0] == 0
    before = stored_rows(tmp_db, random_clip)
    ids = corpus.ids()

    write_photo(corpus.root / "good/g1.jpg", seed=101)  # new content at the same path
    rc, report, _ = cli("index", str(corpus.root))
    assert (rc, report["indexed"], report["removed"]) == (0, 1, 1)
    after = stored_rows(tmp_db, random_clip)
    new_id = content_id((corpus.root / "good/g1.jpg").read_bytes())
    assert ids["good/g1.jpg"] not in after and after[new_id] == "good/g1.jpg"
    assert len(after) == len(before)

    (corpus.root / "moved").mkdir()
    (corpus.root / "good/g2.jpg").rename(corpus.root / "moved/g2.jpg")
    rc, report, _ = cli("index", str(corpus.root))
    assert (rc, report["indexed"], report["removed"]) == (0, 0, 0)  # repointed, not re-embedded
    after_move = stored_rows(tmp_db, random_clip)
    assert after_move[ids["good/g2.jpg"]] == "moved/g2.jpg"
    assert len(after_move) == len(before)

    (corpus.root / "good/g3.jpg").unlink()
    rc, report, _ = cli("index", str(corpus.root))
    assert (rc, report["removed"]) == (0, 0)  # without --prune a vanished file keeps its row
    assert ids["good/g3.jpg"] in stored_rows(tmp_db, random_clip)
    rc, report, _ = cli("index", str(corpus.root), "--prune")
    assert (rc, report["indexed"], report["removed"]) == (0, 0, 1)
    pruned = stored_rows(tmp_db, random_clip)
    assert ids["good/g3.jpg"] not in pruned and len(pruned) == len(before) - 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["index", "{tmp}/no/such/folder"], "source not found"),
        (["index", "{tmp}/notes.txt"], "neither a folder nor a .csv/.jsonl manifest"),
        (["index", "{tmp}", "--batch-size", "0"], "batch size must be at least 1"),
        (["index", "{tmp}", "--collection", "9-bad name"], "collection name '9-bad name' is invalid"),
        (["index", "{tmp}/nopath.csv"], "no 'path' column"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    tmp_path: Path, tmp_db: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (tmp_path / "notes.txt").write_text("not a manifest")
    (tmp_path / "nopath.csv").write_text("file,caption\na.jpg,x\n")
    argv = [a.format(tmp=tmp_path) for a in args] + ["--db", tmp_db, "--pretrained", "random"]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and message in lines[0]
    assert out == ""


@pytest.mark.parametrize("other", ["checkpoint", "other-config", "trained"])
def test_model_change_stops_or_rebuilds(
    other: str, corpus: Corpus, cli, tmp_db: str, random_clip, random_checkpoint: Path  # noqa: ANN001
) -> None:
    if other == "trained":
        from indexer.demo.model import DEMO_CHECKPOINT

        if not DEMO_CHECKPOINT.is_file():
            pytest.skip("the trained demo checkpoint is not committed yet")
    flags = {
        "checkpoint": ("--pretrained", str(random_checkpoint)),
        "other-config": ("--model", "ViT-S-32", "--pretrained", "random"),
        "trained": ("--model", "demo-clip"),
    }[other]
    assert cli("index", str(corpus.root))[0] == 0
    count = len(set(corpus.ids().values()))

    rc, _, err = cli("index", str(corpus.root), model=flags)
    assert rc == 1
    assert "demo-clip [random] (128-d)" in err  # the stored model...
    new_name = "ViT-S-32 [random] (384-d)" if other == "other-config" else "demo-clip [sha256:"
    assert new_name in err.split("query model is", 1)[1]  # ...and the requested one
    assert cli("info")[1]["count"] == count  # nothing was touched
    if other == "other-config":
        return  # rebuilding is the same code path as for the checkpoint case; ViT-S-32 is slow on a CPU

    rc, report, err = cli("index", str(corpus.root), "--on-model-change", "rebuild", model=flags)
    assert rc == 0 and "rebuilding" in err
    assert report["indexed"] == count and report["unchanged"] == 1
    info = cli("info")[1]
    assert info["count"] == count
    assert (info["model"], info["weights"]) != ("demo-clip", "random")


def test_real_subprocess_prints_json_last(tmp_path: Path, tmp_db: str, subprocess_env: dict[str, str]) -> None:
    for i in range(3):
        write_photo(tmp_path / "src" / f"p{i}.jpg", seed=50 + i)
    (tmp_path / "src" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    os.mkfifo(tmp_path / "src" / "pipe.jpg")  # reading it would block forever: must be skipped, not read
    proc = subprocess.run(
        [sys.executable, "-m", "indexer", "index", str(tmp_path / "src"), "--db", tmp_db,
         "--pretrained", "random", "--json"],
        capture_output=True, text=True, env=subprocess_env, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(report) >= REPORT_KEYS
    # the pipe is skipped by the folder walk, before it is listed (like a link out of the folder): not in total
    assert (report["indexed"], report["skipped"], report["total"]) == (3, 2, 4)
    reasons = {entry["path"]: entry["reason"] for entry in report["skipped_files"]}
    assert "unrecognised image format" in reasons["broken.png"] or "corrupt" in reasons["broken.png"]
    assert reasons["pipe.jpg"] == "not a regular file (named pipe)"


def test_engine_ray_without_ray_installed_says_how_to_get_it(tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    """Ray is an optional extra: without it, `--engine ray` is a usage error naming the install command (the
    child runs with `ray` unimportable, as in an install without the extra); the local engine never imports it."""
    (tmp_path / "photos").mkdir()
    write_photo(tmp_path / "photos" / "a.jpg", seed=1)
    code = ("import sys; sys.modules['ray'] = None; from indexer.cli import main; "
            "sys.exit(main(sys.argv[1:]))")  # fmt: skip
    argv = ["index", str(tmp_path / "photos"), "--db", str(tmp_path / "m.db"), "--pretrained", "random", "--json"]
    ray_run = subprocess.run([sys.executable, "-c", code, *argv, "--engine", "ray"], capture_output=True, text=True,
                             env=subprocess_env, timeout=120)  # fmt: skip
    assert ray_run.returncode == 2, ray_run.stderr[-2000:]
    assert ray_run.stderr.strip().splitlines()[-1] == (
        "error: --engine ray needs Ray Data, which is not installed: pip install -e '.[ray]'")
    local_run = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                               env=subprocess_env, timeout=300)  # fmt: skip
    assert local_run.returncode == 0, local_run.stderr[-2000:]
    assert json.loads(local_run.stdout.strip().splitlines()[-1])["indexed"] == 1
