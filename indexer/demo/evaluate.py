"""Retrieval quality of a CLIP model on the demo split: attribute precision@k and caption recall@k.

Brute-force cosine similarity over L2-normalised embeddings, exactly what the product's
vector search computes, so these figures predict what the chat shows.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
from PIL import Image

from indexer.demo.queries import AttributeQuery, make_queries, satisfies, single_attribute_queries
from indexer.demo.scenes import ATTRIBUTES

Preprocess = Callable[[Image.Image], torch.Tensor]


@dataclass(frozen=True)
class DemoItem:
    path: Path
    caption: str
    attrs: dict[str, str]


def load_demo(demo_dir: Path, limit: int | None = None) -> list[DemoItem]:
    with (demo_dir / "manifest.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))[:limit]
    return [DemoItem(demo_dir / r["path"], r["caption"], {a: r[a] for a in ATTRIBUTES}) for r in rows]


@torch.no_grad()
def encode_images(model: torch.nn.Module, preprocess: Preprocess, paths: Sequence[Path],
                  batch: int = 128) -> torch.Tensor:
    feats = []
    for i in range(0, len(paths), batch):
        x = torch.stack([preprocess(Image.open(p).convert("RGB")) for p in paths[i:i + batch]])
        feats.append(model.encode_image(x, normalize=True))
    return torch.cat(feats)


@torch.no_grad()
def encode_texts(model: torch.nn.Module, tokenizer: Callable, texts: Sequence[str],
                 batch: int = 256) -> torch.Tensor:
    feats = [model.encode_text(tokenizer(list(texts[i:i + batch])), normalize=True)
             for i in range(0, len(texts), batch)]
    return torch.cat(feats)


def precision_at_k(sims: torch.Tensor, attrs: Sequence[dict[str, str]], queries: Sequence[AttributeQuery],
                   k: int = 10) -> float:
    """Mean share of each query's top-k images whose attributes satisfy it (sims: queries x images)."""
    if not queries:
        return float("nan")  # too few images for any query with enough support
    top = sims.topk(k, dim=1).indices.tolist()
    hits = [sum(satisfies(attrs[j], q) for j in row) / k for q, row in zip(queries, top, strict=True)]
    return sum(hits) / len(hits)


def recall_at_k(sims: torch.Tensor, ks: Sequence[int] = (1, 5, 10)) -> dict[int, float]:
    """Caption i's own image is image i; recall@k = share of captions ranking it in their top k."""
    own = sims.diagonal().unsqueeze(1)
    rank = (sims > own).sum(dim=1)  # images scored strictly higher than the target
    return {k: (rank < k).float().mean().item() for k in ks}


def evaluate(model: torch.nn.Module, preprocess: Preprocess, tokenizer: Callable, demo_dir: Path,
             limit: int | None = None, n_queries: int = 100, seed: int = 0) -> dict[str, float]:
    """Retrieval metrics (see ``score_features``) on the demo split, through open_clip's preprocess."""
    model.eval()
    items = load_demo(demo_dir, limit)
    images = encode_images(model, preprocess, [it.path for it in items])
    return score_features(model, tokenizer, images, [it.attrs for it in items], [it.caption for it in items],
                          n_queries, seed)


def score_features(model: torch.nn.Module, tokenizer: Callable, images: torch.Tensor, attrs: list[dict[str, str]],
                   captions: Sequence[str], n_queries: int = 100, seed: int = 0) -> dict[str, float]:
    """precision@10 for queries naming 1, 2, 3 attributes, per attribute (every value of it alone),
    and text->image recall@1/5/10 of the captions.

    Queries are drawn (fixed ``seed``) from attribute combinations present in the evaluated
    images with enough support that precision@10 can reach 1.
    """
    out: dict[str, float] = {"images": float(len(attrs))}
    for n_attrs in (1, 2, 3):
        queries = make_queries(n_attrs, random.Random(f"eval:{seed}:{n_attrs}"), n_queries, attrs)
        texts = encode_texts(model, tokenizer, [q.text for q in queries]) if queries else images[:0]
        out[f"p@10_{n_attrs}attr"] = precision_at_k(texts @ images.T, attrs, queries)
        out[f"n_queries_{n_attrs}attr"] = float(len(queries))
    singles = single_attribute_queries()
    texts = encode_texts(model, tokenizer, [q.text for q in singles])
    for name in ATTRIBUTES:
        mine = [i for i, q in enumerate(singles) if name in q.constraints]
        out[f"p@10_{name}"] = precision_at_k(texts[mine] @ images.T, attrs, [singles[i] for i in mine])
    own = encode_texts(model, tokenizer, list(captions))
    for k, r in recall_at_k(own @ images.T).items():
        out[f"R@{k}"] = r
    return out
