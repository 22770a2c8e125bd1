"""Memory along one indexing run: the process's current RSS every 250 images, then after finalize.

Peak RSS (bench/index_throughput.py) says how high a run went; this says whether memory grows with the
number of images and by how much per image. The pipeline's own buffers are bounded (a decode window of
2 x batch); Milvus Lite runs inside the indexer process and keeps its rows, vectors and index in memory.

    .venv/bin/python bench/index_rss.py                  # 2,000 JPEGs, ViT-B-32 random weights
    .venv/bin/python bench/index_rss.py --images 500 --no-write
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import table, write_section  # noqa: E402
from bench.index_throughput import MODEL, make_jpegs  # noqa: E402

EVERY = 250


def sample(n: int) -> list[tuple[str, float]]:
    import psutil

    from indexer.embedding import ClipEmbeddings
    from indexer.ingest import read_source
    from indexer.pipeline import Indexer
    from indexer.store import ImageStore

    folder = make_jpegs(Path(tempfile.gettempdir()) / "bench-jpegs-640x480", n)
    emb = ClipEmbeddings(MODEL, "random", device="cpu")
    source = read_source(folder)
    proc, seen, marks = psutil.Process(), [0], []

    def progress(k: int) -> None:
        seen[0] += k
        if seen[0] % EVERY == 0:
            marks.append((str(seen[0]), proc.memory_info().rss / 2**20))

    marks.append(("0 (model loaded)", proc.memory_info().rss / 2**20))
    with tempfile.TemporaryDirectory(prefix="bench-rss-") as tmp:
        store = ImageStore(str(Path(tmp) / "rss.db"), "rss", emb.identity, embeddings=emb)
        Indexer(store, emb, batch_size=64, workers=2, progress=progress).run(source, source.items[:n])
        marks.append(("after finalize", proc.memory_info().rss / 2**20))
        store.close()
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=2000)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    started = time.time()
    marks = sample(args.images)
    steady = [(int(k), v) for k, v in marks if k.isdigit()]
    (n0, r0), (n1, r1) = steady[0], steady[-1]
    per_image_kb = (r1 - r0) * 1024 / max(1, n1 - n0)
    body = (
        f"{MODEL} (random weights), batch 64, 2 decode workers, {args.images} generated 640x480 JPEGs into a "
        "fresh Milvus Lite dir (in process). Current RSS (not peak) after every "
        f"{EVERY} images.\n\n" + table(["images indexed", "RSS MB"], marks)
        + f"\n\nGrowth from {n0} to {n1} images: {r1 - r0:+.0f} MB, **{per_image_kb:.0f} KB per image**.\n"
    )
    print(body)
    if not args.no_write:
        write_section("rss", "1b. Indexing memory over a run", body, started)


if __name__ == "__main__":
    main()
