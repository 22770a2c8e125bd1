"""SOURCE reading on real files: folder walks, CSV/JSONL manifests."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest

from indexer.errors import SourceError
from indexer.ingest import read_source
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
