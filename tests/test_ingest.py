"""SOURCE reading on real files: folder walks, CSV/JSONL manifests, shard specs and shard membership."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest

from indexer.errors import ConfigError, SourceError
from indexer.ingest import in_shard, parse_shard, read_source, shard_key
from tests.badfiles import make_bad_corpus


def touch(root: Path, rel: str, data: bytes = b"x") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# -- folder walk -------------------------------------------------------------------------------------

def test_walk_is_recursive_sorted_and_case_insensitive(tmp_path: Path) -> None:
    for rel in ("z.Tiff", "b.JPG", "a.png", "notes.txt", "sub/c.jpeg", "sub/deeper/d.WebP", "sub/readme.md",
                "sub/no_extension", "a2.BMP", "sub/x.gif"):
        touch(tmp_path, rel)
    source = read_source(tmp_path)
    assert source.root == tmp_path.resolve()
    # Each folder's files in name order, then its subfolders in name order: stable across runs and machines.
    assert [i.rel for i in source.items] == [
        "a.png", "a2.BMP", "b.JPG", "z.Tiff", "sub/c.jpeg", "sub/x.gif", "sub/deeper/d.WebP",
    ]
    assert all(i.file == tmp_path.resolve() / i.rel for i in source.items)
    assert all(i.caption == "" and i.attrs == {} for i in source.items)
    assert source.skipped == []


def test_directory_symlink_loop_is_walked_once_and_reported(tmp_path: Path) -> None:
    touch(tmp_path, "top.png")
    touch(tmp_path, "sub/inner.jpg")
    os.symlink("..", tmp_path / "sub" / "back")  # sub/back -> the root again
    source = read_source(tmp_path)
    assert [i.rel for i in source.items] == ["top.png", "sub/inner.jpg"]
    assert [(s.path, s.reason) for s in source.skipped] == [("sub/back", "symlink loop (folder already walked)")]


def test_bad_corpus_walk_finds_each_file_once(tmp_path: Path) -> None:
    cases = make_bad_corpus(tmp_path)
    source = read_source(tmp_path)
    rels = [i.rel for i in source.items]
    assert len(rels) == len(set(rels))
    assert rels.count("loopdir/inside.png") == 1
    assert "loopdir/self" in {s.path for s in source.skipped}
    # Every file-like case (good or bad) is offered to the decoder; folder.jpg is a folder and is walked.
    expected_files = {rel for rel in cases if rel not in ("folder.jpg", "loopdir/self")}
    assert set(rels) == expected_files


def test_fifo_is_skipped_with_a_reason_and_never_opened(tmp_path: Path) -> None:
    touch(tmp_path, "a.png")
    os.mkfifo(tmp_path / "pipe")  # no extension: the walk would sniff its first bytes and block forever
    os.mkfifo(tmp_path / "pipe.jpg")
    source = _read_within(tmp_path, seconds=10)
    assert [i.rel for i in source.items] == ["a.png"]
    assert sorted((s.path, s.reason) for s in source.skipped) == [
        ("pipe", "not a regular file (named pipe)"), ("pipe.jpg", "not a regular file (named pipe)")]


def test_symlinks_out_of_the_root_are_skipped_and_inside_ones_followed(tmp_path: Path) -> None:
    root, outside = tmp_path / "photos", tmp_path / "private"
    touch(outside, "secret.jpg")
    touch(outside, "folder/diary.png")
    touch(root, "real/cat.jpg")
    os.symlink(outside / "secret.jpg", root / "leak.jpg")  # a file link leaving the root
    os.symlink(outside / "folder", root / "leakdir")  # a folder link leaving the root
    os.symlink("../private/secret.jpg", root / "relative.jpg")  # a relative link climbing out
    os.symlink("real/cat.jpg", root / "alias.jpg")  # links inside the root are photos like any other
    os.symlink("real", root / "shortcut")  # a folder link inside: the folder is walked once, as itself
    source = read_source(root)
    assert [i.rel for i in source.items] == ["alias.jpg", "real/cat.jpg"]
    out = "symlink leads outside the indexed folder"
    assert sorted((s.path, s.reason) for s in source.skipped) == [
        ("leak.jpg", out), ("leakdir", out), ("relative.jpg", out),
        ("shortcut", "symlink loop (folder already walked)")]


def _read_within(root: Path, seconds: float):  # noqa: ANN202
    """read_source in a worker thread, failing (not hanging the suite) when it blocks."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(1)
    future = pool.submit(read_source, root)
    try:
        return future.result(timeout=seconds)
    except TimeoutError:
        for pipe in (p for p in root.iterdir() if p.is_fifo()):  # a writer that opens and closes gives the
            with contextlib.suppress(OSError):  # blocked reader EOF, so the thread ends and pytest can exit
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        raise AssertionError(f"reading {root} blocked for {seconds} s") from None
    finally:
        pool.shutdown(wait=False)


def test_missing_source_and_wrong_kind_of_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="source not found"):
        read_source(tmp_path / "nope")
    notes = touch(tmp_path, "notes.txt", b"hello")
    with pytest.raises(SourceError, match=r"neither a folder nor a \.csv/\.jsonl manifest"):
        read_source(notes)


# -- manifests ---------------------------------------------------------------------------------------

def test_csv_manifest_columns_become_attrs(tmp_path: Path) -> None:
    touch(tmp_path, "imgs/a.jpg")
    touch(tmp_path, "imgs/b.png")
    touch(tmp_path.parent, "elsewhere.jpg")
    os.symlink(tmp_path.parent / "elsewhere.jpg", tmp_path / "link_out.jpg")
    (tmp_path / "m.csv").write_text(
        "path,caption,color,size\n"
        "imgs/a.jpg,a red car,red,large\n"
        f"{tmp_path / 'imgs' / 'b.png'},\"two dogs, one ball\",,small\n"  # absolute inside; quoted comma; empty
        ",orphan caption,blue,\n"
        "../elsewhere.jpg,escapes,red,\n"
        "link_out.jpg,a link that escapes,,\n",
        encoding="utf-8",
    )
    source = read_source(tmp_path / "m.csv")
    assert source.root == tmp_path.resolve()
    assert [(i.rel, i.caption, i.attrs) for i in source.items] == [
        ("imgs/a.jpg", "a red car", {"color": "red", "size": "large"}),
        ("imgs/b.png", "two dogs, one ball", {"size": "small"}),
    ]
    assert source.items[0].file == tmp_path.resolve() / "imgs" / "a.jpg"
    reasons = {s.path: s.reason for s in source.skipped}
    assert reasons["m.csv:4"] == "row has no path"
    assert "outside the manifest's folder" in reasons["../elsewhere.jpg"]
    assert "outside the manifest's folder" in reasons["link_out.jpg"]
    assert len(reasons) == 3


def test_jsonl_manifest(tmp_path: Path) -> None:
    touch(tmp_path, "a.jpg")
    touch(tmp_path, "sub/b.jpg")
    rows = [
        {"path": "a.jpg", "caption": "café ☕", "color": "brown", "count": 2},
        {"path": "sub/b.jpg", "shape": "circle", "id": "ignored", "width": 1},  # reserved names never become attrs
    ]
    (tmp_path / "m.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n")
    source = read_source(tmp_path / "m.jsonl")
    assert [(i.rel, i.caption, i.attrs) for i in source.items] == [
        ("a.jpg", "café ☕", {"color": "brown", "count": "2"}),
        ("sub/b.jpg", "", {"shape": "circle"}),
    ]


def test_csv_without_path_column_names_the_fix(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text("file,caption\na.jpg,hello\n")
    with pytest.raises(SourceError, match="no 'path' column") as excinfo:
        read_source(tmp_path / "m.csv")
    assert "header" in str(excinfo.value)


@pytest.mark.parametrize(
    ("lines", "match"),
    [
        (['{"path": "a.jpg"}', '{"path": "b.jpg"}', '{"path": broken}'], r"m\.jsonl:3: not valid JSON"),
        (['{"path": "a.jpg"}', '["a.jpg"]'], r"m\.jsonl:2: expected a JSON object"),
    ],
)
def test_bad_jsonl_line_is_reported_with_its_number(tmp_path: Path, lines: list[str], match: str) -> None:
    (tmp_path / "m.jsonl").write_text("\n".join(lines) + "\n")
    with pytest.raises(SourceError, match=match):
        read_source(tmp_path / "m.jsonl")


def test_manifest_listing_bad_symlinks_does_not_crash(tmp_path: Path) -> None:
    # Listing a symlink loop or a dangling link must leave the verdict to the decoder (as a skipped
    # file with a reason), not crash the manifest reader.
    make_bad_corpus(tmp_path)
    (tmp_path / "m.csv").write_text("path\nloop_a.jpg\ndangling.jpg\nnormal.jpg\n")
    source = read_source(tmp_path / "m.csv")
    assert [i.rel for i in source.items] == ["loop_a.jpg", "dangling.jpg", "normal.jpg"]


# -- sharding ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("spec", "expected"),
    [(None, None), ("", None), ("0/1", (0, 1)), ("2/3", (2, 3)), ("0/16", (0, 16)), (" 1/2", (1, 2))],
)
def test_parse_shard_accepts(spec: str | None, expected: tuple[int, int] | None) -> None:
    assert parse_shard(spec) == expected


@pytest.mark.parametrize(
    ("spec", "match"),
    [
        ("3/3", "need 0 <= I < N"),
        ("-1/2", "need 0 <= I < N"),
        ("0/0", "need 0 <= I < N"),
        ("1/-2", "need 0 <= I < N"),
        ("1", "must look like I/N"),
        ("1/2/3", "must look like I/N"),
        ("a/b", "must look like I/N"),
        ("1.5/2", "must look like I/N"),
    ],
)
def test_parse_shard_rejects(spec: str, match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        parse_shard(spec)


@pytest.fixture
def shard_items(tmp_path: Path) -> list:
    """40 distinct small files plus byte-identical copies of some of them under other names."""
    for i in range(40):
        touch(tmp_path, f"d{i % 4}/f{i:02d}.jpg", f"content {i}".encode() * (i + 1))
    for i in range(0, 40, 5):
        touch(tmp_path, f"copies/copy_of_{i:02d}.png", f"content {i}".encode() * (i + 1))
    touch(tmp_path, "big/a.jpg", b"\0" * 100_000 + b"tail a")  # same first 64 KiB and size as b.jpg
    touch(tmp_path, "big/b.jpg", b"\0" * 100_000 + b"tail b")
    return read_source(tmp_path).items


@pytest.mark.parametrize("n", [1, 2, 3, 7])
def test_shards_partition_the_items(shard_items: list, n: int) -> None:
    shards = [in_shard(shard_items, (i, n)) for i in range(n)]
    rels = [item.rel for shard in shards for item in shard]
    assert len(rels) == len(set(rels)) == len(shard_items)  # disjoint and complete
    assert set(rels) == {item.rel for item in shard_items}
    if n > 1:
        assert all(0 < len(s) < len(shard_items) for s in shards[:2]), "keys should spread the files around"
    assert in_shard(shard_items, None) == shard_items


@pytest.mark.parametrize("n", [2, 3, 7])
def test_identical_files_always_share_a_shard(shard_items: list, n: int) -> None:
    shards_of: dict[bytes, set[int]] = {}
    paths_of: dict[bytes, int] = {}
    for i in range(n):
        for item in in_shard(shard_items, (i, n)):
            data = item.file.read_bytes()
            shards_of.setdefault(data, set()).add(i)
            paths_of[data] = paths_of.get(data, 0) + 1
    assert sum(1 for count in paths_of.values() if count > 1) == 8  # the copies really were there
    assert [data[:20] for data, shards in shards_of.items() if len(shards) > 1] == []


def test_shard_key_ignores_the_path(tmp_path: Path) -> None:
    a = touch(tmp_path, "one/x.jpg", b"same bytes")
    b = touch(tmp_path, "two/y.png", b"same bytes")
    c = touch(tmp_path, "two/z.png", b"other bytes")
    assert shard_key(a) == shard_key(b) != shard_key(c)
