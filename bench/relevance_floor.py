"""Calibrate the bot's relevance floor and near-duplicate threshold for the demo model.

    .venv/bin/python bench/relevance_floor.py          # writes bench/RELEVANCE.md

Relevance floor: the best cosine score of requests that DO have matches in the demo split (every phrase
of the dialog table, generated attribute queries) against queries that have none (out-of-domain text,
nonsense, phrases of random English words). The floor is put between the two distributions.
Near-duplicates: cosine between an image and a re-encoded, resized copy of itself, against cosine between
an image and its most similar *different* image.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.demo.queries import make_queries  # noqa: E402
from indexer.embedding import ClipEmbeddings  # noqa: E402
from indexer.ingest import read_source  # noqa: E402

MANIFEST = Path(__file__).resolve().parents[1] / "data" / "demo" / "manifest.csv"
OUT = Path(__file__).resolve().parent / "RELEVANCE.md"
NO_MATCH = [
    "zqxj vlorb kwyp", "lorem ipsum dolor", "hjkl xkcd", "blorp",
    "a cat playing the piano", "a bowl of soup", "an airplane in the sky", "a spreadsheet with numbers",
    "portrait of an old man", "a giraffe eating leaves", "zqxj vlorb", "asdf qwerty", "the stock market",
    "a plate of spaghetti", "a laptop on a desk", "a guitar", "a mountain bike", "an elephant",
    "a cup of coffee", "sunglasses", "a football match", "a violin concert", "a pizza", "a microscope",
]


def percentiles(values: np.ndarray) -> str:
    p5, p50, p95 = np.percentile(values, [5, 50, 95])
    return f"p5 {p5:.3f} · median {p50:.3f} · p95 {p95:.3f}"


def random_words(n: int, seed: int) -> list[str]:
    """Phrases of 1-3 English words drawn from the CLIP vocabulary, none of them a demo word (held out from
    training by seed: the demo model saw other draws of the same kind)."""
    import open_clip

    from indexer.demo.phrasing import domain_words

    vocab = sorted(w[:-4] for w in open_clip.get_tokenizer("ViT-B-32").encoder if w.endswith("</w>"))
    words = [w for w in vocab if w.isalpha() and len(w) > 3 and w not in domain_words()]
    rng = random.Random(seed)
    return [" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(n)]


def floor_scores(model: ClipEmbeddings, images: np.ndarray, rows: list[dict[str, str]]) -> dict[str, np.ndarray]:
    from tests.dialogs import DIALOGS

    rng = random.Random(7)
    generated = [q.text for n in (1, 2, 3) for q in make_queries(n, rng, 40, pool=rows)]
    requests = sorted({p for turns in DIALOGS.values() for _, p, _ in turns if p} | set(generated))
    best = {name: (model.encode_texts(texts) @ images.T).max(axis=1)
            for name, texts in (("match", requests), ("none", NO_MATCH), ("random", random_words(200, 11)))}
    best["n_match"] = np.asarray([len(requests)])
    return best


def duplicate_scores(model: ClipEmbeddings, files: list[Path], images: np.ndarray) -> dict[str, np.ndarray]:
    copies = []
    for file in files[:60]:
        im = Image.open(file).convert("RGB")
        im = im.resize((int(im.width * 0.8), int(im.height * 0.8)))
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=50)
        copies.append(Image.open(io.BytesIO(buf.getvalue())))
    copy_vecs = np.asarray(model.embed_image(copies), dtype=np.float32)
    self_cos = np.sum(copy_vecs * images[: len(copies)], axis=1)
    sims = images @ images.T
    np.fill_diagonal(sims, -1)
    return {"copy": self_cos, "nearest_other": sims.max(axis=1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="demo-clip")
    parser.add_argument("--pretrained", default="", help="a checkpoint other than the model's default")
    args = parser.parse_args()
    model = ClipEmbeddings(args.model, args.pretrained or None)
    source = read_source(MANIFEST)
    files = [item.file for item in source.items]
    images = np.asarray(model.embed_image(files), dtype=np.float32)
    floor = floor_scores(model, images, [item.attrs for item in source.items])
    dup = duplicate_scores(model, files, images)
    no_match = np.concatenate([floor["none"], floor["random"]])
    suggested = (floor["match"].min() + no_match.max()) / 2
    lines = [
        "# Relevance floor and near-duplicate calibration",
        "",
        f"`.venv/bin/python bench/relevance_floor.py --model {args.model}"
        f"{' --pretrained ' + args.pretrained if args.pretrained else ''}` · {datetime.now(UTC):%Y-%m-%d %H:%M} UTC · "
        f"model {model.identity} · {len(files)} demo images",
        "",
        "| best cosine of … | distribution |",
        "|---|---|",
        f"| {int(floor['n_match'][0])} demo requests (dialog-table phrases, generated attribute queries) "
        f"| {percentiles(floor['match'])} · min {floor['match'].min():.3f} |",
        f"| {len(NO_MATCH)} queries with no match (out of domain, nonsense) | {percentiles(floor['none'])} "
        f"· max {floor['none'].max():.3f} |",
        f"| 200 phrases of random English words | {percentiles(floor['random'])} · max {floor['random'].max():.3f} |",
        f"| an image vs its re-encoded 80% copy (JPEG q50) | {percentiles(dup['copy'])} |",
        f"| an image vs its most similar other image | {percentiles(dup['nearest_other'])} |",
        "",
        f"Margin between the lowest real request and the highest no-match query: "
        f"**{floor['match'].min() - no_match.max():.3f}**; suggested floor (their midpoint): **{suggested:.3f}**.",
    ]
    OUT.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
