"""Words in pictures: recall of text requests through the real chat, OCR cost per core, and indexing with
`--ocr` off against main's pipeline, one run.

Generates pictures with known text (signs, receipts, screenshots, number plates; the installed TTF fonts and
Pillow's own; sizes, angles; plain backgrounds or the demo's photo-like scenes), indexes them with
`python -m indexer index --ocr` (demo-clip, Milvus Lite), then asks the real bot (rule planner + Searcher):
- text requests: a whole word ('the sign that says morávelo', '"tasino"'), a part of a word ('that says
  morav'), codes ('RE16', 'TX-4821', 'hunter22'), file names ('IMG_2041'): recall@5 of the one picture;
- mixed requests: two photos carry the same word on different scenes; 'red car with a sign saying X'
  must find the red car: recall@1 and @5.
RapidOCR and (when installed) Tesseract read a sample of the same pictures: key words read, CPU s per image.
`--ocr` off: the indexer of this tree vs `git archive main` on the same JPEGs, alternating child processes.

    .venv/bin/python bench/ocr_search.py            # 200 pictures (~15-30 min on the shared, busy 2-core VM)
    .venv/bin/python bench/ocr_search.py --n 60     # smoke
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO_ROOT, median, table, write_section  # noqa: E402
from bench.ocr_corpus import Picture, make_corpus  # noqa: E402

NAME, TITLE = "ocr_search", "Words in pictures: text search recall, OCR cost, indexing with --ocr off"
TEXT_FORMS = ('the {kind} that says {w}', '"{w}"', 'a {kind} with the word {w}', '{kind} saying {w}')


def index(folder: Path, db: str) -> dict:
    cmd = [sys.executable, "-m", "indexer", "index", str(folder), "--db", db, "--collection", "ocr", "--ocr",
           "--model", "demo-clip", "--json"]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def requests(pictures: list[Picture], rng: random.Random) -> list[tuple[str, str, str]]:
    """(group, message, wanted path): every picture asked for by its word, a part of it and its code."""
    asked = []
    for p in pictures:
        if p.twin:
            continue  # asked for by the mixed requests, where the scene tells the twins apart
        asked.append(("whole word", rng.choice(TEXT_FORMS).format(kind=p.kind, w=p.word.lower()), p.path))
        part = p.word.lower()[: max(4, len(p.word) - 3)]
        asked.append(("part of a word", f"the {p.kind} that says {part}", p.path))
        if p.code:
            asked.append(("code", p.code, p.path))
        if p.path.split("/")[-1].startswith("IMG_"):
            asked.append(("file name", p.path.split("/")[-1].rsplit(".", 1)[0], p.path))
    return asked


def mixed(pictures: list[Picture]) -> list[tuple[str, str, str]]:
    return [("mixed", f"{p.scene} with a {p.kind} saying {p.word.lower()}", p.path) for p in pictures if p.twin]


def ask_all(db: str, asked: list[tuple[str, str, str]]) -> dict[str, dict[str, float]]:
    from bot.chat import Conversation
    from bot.factory import build_bot
    from indexer.settings import Settings

    parts = build_bot(Settings.load(db=db, collection="ocr", k=5, min_score=0.0))
    ranks: dict[str, list[int]] = {}
    seconds: list[float] = []
    misses = []
    for group, message, wanted in asked:
        start = time.perf_counter()
        answer = parts.bot.reply(Conversation(), message)
        seconds.append(time.perf_counter() - start)
        paths = [r.path for r in answer.results]
        rank = paths.index(wanted) + 1 if wanted in paths else 99
        ranks.setdefault(group, []).append(rank)
        if rank > 5 and len(misses) < 12:
            misses.append(f"{message!r} -> {paths[:3]} (wanted {wanted})")
    parts.store.close()
    out = {g: {"n": len(r), "r@1": sum(x <= 1 for x in r) / len(r), "r@5": sum(x <= 5 for x in r) / len(r)}
           for g, r in ranks.items()}
    every = [x for r in ranks.values() for x in r]
    out["_"] = {"p50_ms": 1e3 * median(seconds), "misses": misses, "all_r@5": sum(x <= 5 for x in every) / len(every)}
    return out


def readers(pictures: list[Picture], root: Path, sample: int) -> list[list[object]]:
    """Key words read (folded, exact) and CPU seconds per picture, RapidOCR vs Tesseract, same sample."""
    from PIL import Image

    from indexer.ocr import rapid_reader, read_text
    from indexer.textsearch import fold

    chosen = pictures[:sample]
    rows = []
    hits, cpu = 0, 0.0
    for p in chosen:
        with Image.open(root / p.path) as image:
            got = read_text(rapid_reader(), image.convert("RGB"))
        hits += fold(p.word) in fold(got.text).split() or fold(p.word) in fold(got.text).replace(" ", "")
        cpu += got.cpu_seconds
    rows.append(["RapidOCR 1.4 (PP-OCRv4, onnxruntime, 1 thread)", len(chosen), hits / len(chosen), cpu / len(chosen),
                 len(chosen) / cpu])
    if shutil.which("tesseract"):
        hits, before = 0, resource.getrusage(resource.RUSAGE_CHILDREN)
        for p in chosen:
            out = subprocess.run(["tesseract", str(root / p.path), "stdout"], capture_output=True, text=True,
                                 env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"}).stdout
            hits += fold(p.word) in fold(out).split() or fold(p.word) in fold(out).replace(" ", "")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        rows.append(["Tesseract (Debian tesseract-ocr, eng, 1 thread)", len(chosen), hits / len(chosen),
                     cpu / len(chosen), len(chosen) / cpu])
    return rows


def throughput(jpegs: Path, repeats: int) -> list[list[object]]:
    """`index` with --ocr off, this tree vs main's, alternating fresh child processes on the same JPEGs."""
    main_tree = Path(tempfile.mkdtemp(prefix="bench-main-"))
    archive = subprocess.run(["git", "archive", "main", "indexer"], cwd=REPO_ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(main_tree)], input=archive.stdout, check=True)
    (main_tree / "data").symlink_to(REPO_ROOT / "data")  # the demo model's config and weights
    rates: dict[str, list[float]] = {"main": [], "this branch": []}
    for _ in range(repeats):
        for name, tree in (("main", main_tree), ("this branch", REPO_ROOT)):
            with tempfile.TemporaryDirectory(prefix="bench-thr-") as tmp:
                cmd = [sys.executable, "-m", "indexer", "index", str(jpegs), "--db", f"{tmp}/t.db", "--collection",
                       "t", "--model", "demo-clip", "--pretrained", "random", "--json", "--no-thumbnails"]
                done = subprocess.run(cmd, capture_output=True, text=True, cwd=tree)
                if done.returncode:
                    return [[name, 0, f"failed: {done.stderr.strip().splitlines()[-1][:200]}", ""]]
                report = json.loads(done.stdout.strip().splitlines()[-1])
                rates[name].append(report["indexed"] / report["seconds"])
    shutil.rmtree(main_tree, ignore_errors=True)
    base = median(rates["main"])
    return [[name, len(r), median(r), median(r) / base] for name, r in rates.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="pictures (default 200)")
    parser.add_argument("--sample", type=int, default=40, help="pictures both OCR engines read (default 40)")
    parser.add_argument("--repeats", type=int, default=2, help="throughput runs per tree (default 2)")
    args = parser.parse_args()
    started = time.time()
    rng = random.Random(18)
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        root = Path(tmp) / "pictures"
        pictures = make_corpus(root, args.n, rng)
        report = index(root, f"{tmp}/ocr.db")
        asked = requests(pictures, rng) + mixed(pictures)
        recall = ask_all(f"{tmp}/ocr.db", asked)
        write_section(NAME, TITLE, body(args, pictures, report, dict(recall), [], []), started)  # kept if later fails
        engines = readers(pictures, root, args.sample)
        write_section(NAME, TITLE, body(args, pictures, report, dict(recall), engines, []), started)
        from bench.index_throughput import make_jpegs

        speed = throughput(make_jpegs(Path(tmp) / "jpegs", 96), args.repeats)
    write_section(NAME, TITLE, body(args, pictures, report, recall, engines, speed), started)


def body(args: argparse.Namespace, pictures: list[Picture], report: dict, recall: dict, engines: list,
         speed: list) -> str:
    recall = dict(recall)
    extra = recall.pop("_")
    rows = [[g, r["n"], r["r@1"], r["r@5"]] for g, r in recall.items()]
    per_core = report["ocr_images"] / report["ocr_cpu_seconds"] if report["ocr_cpu_seconds"] else 0.0
    kinds = {k: sum(p.kind == k for p in pictures) for k in sorted({p.kind for p in pictures})}
    return "\n".join([
        f"{len(pictures)} generated pictures ({', '.join(f'{n} {k}s' for k, n in kinds.items())}; "
        f"{sum(p.photo for p in pictures)} on demo scenes, the rest on plain grounds; fonts: the installed "
        "DejaVu and Liberation TTFs and Pillow's default; sizes 20-72 px; angles up to ±12°), indexed with "
        f"`index --ocr --model demo-clip` into Milvus Lite in {report['seconds']} s; OCR read {report['ocr_images']} "
        f"pictures in {report['ocr_cpu_seconds']} CPU s: **{per_core:.2f} images/s per core**. "
        "Requests go through the real chat (rule planner -> text search fused with CLIP).", "",
        table(["requests", "n", "recall@1", "recall@5"], rows), "",
        f"All requests together: recall@5 **{extra['all_r@5']:.3f}**; median turn {extra['p50_ms']:.0f} ms.", "",
        "Misses (first 12): " + ("; ".join(extra["misses"]) or "none"), "",
        f"The two engines on the first {args.sample} pictures (key word read exactly, folded):", "",
        table(["engine", "pictures", "key word read", "CPU s / picture", "pictures/s per core"], engines), "",
        "Indexing with `--ocr` off (96 JPEGs 640x480, demo-clip with random weights, fresh Lite dir, thumbnails off; "
        "`git archive main` vs this tree, alternating child processes):", "",
        table(["tree", "runs", "images/s (median)", "ratio to main"], speed),
    ])


if __name__ == "__main__":
    main()
