"""Retrieval quality of an indexed collection, measured through the real store and model.

Text→image Recall@k: each caption's own image is the target (COCO / Flickr30k protocol), so any captioned
manifest can be scored. On manifests that carry the demo attributes, attribute precision@10 too: for
generated queries naming 1, 2 and 3 attributes, the share of the top 10 whose attributes satisfy them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from indexer.ingest import Source
from indexer.store import Hit

PRECISION_K = 10
QUERIES_PER_LEVEL = 60


class Searcher(Protocol):
    def search(self, vector: Sequence[float], k: int, expr: str | None = None) -> list[Hit]: ...


class TextEncoder(Protocol):
    def encode_texts(self, texts: Sequence[str]) -> np.ndarray: ...


def recall_at_k(ranked: Sequence[Sequence[str]], targets: Sequence[str], ks: Sequence[int]) -> dict[str, float]:
    """Share of queries whose target appears in the first k results, for each k."""
    if not targets:
        return {f"R@{k}": 0.0 for k in ks}
    return {f"R@{k}": sum(t in r[:k] for r, t in zip(ranked, targets, strict=True)) / len(targets) for k in ks}


def precision_at_k(ranked_attrs: Sequence[Sequence[dict[str, str]]], wanted: Sequence[dict[str, str]], k: int) -> float:
    """Mean over queries of the share of the top k whose attributes include every wanted value."""
    if not wanted:
        return 0.0
    shares = [
        sum(all(a.get(n) == v for n, v in want.items()) for a in attrs[:k]) / k
        for attrs, want in zip(ranked_attrs, wanted, strict=True)
    ]
    return float(np.mean(shares))


def run_eval(store: Searcher, encoder: TextEncoder, source: Source, *, ks: Sequence[int]) -> dict[str, object]:
    captioned = [item for item in source.items if item.caption]
    result: dict[str, object] = {"images": len(source.items), "queries": len(captioned)}
    if captioned:
        vectors = encoder.encode_texts([item.caption for item in captioned])
        ranked = [[h.path for h in store.search(v, max(ks))] for v in vectors]
        result["recall"] = recall_at_k(ranked, [item.rel for item in captioned], ks)
    attrs = [item.attrs for item in source.items]
    if _has_demo_attributes(attrs):
        result["attribute_precision@10"] = _attribute_precision(store, encoder, attrs)
    return result


def _has_demo_attributes(attrs: list[dict[str, str]]) -> bool:
    from indexer.demo.scenes import ATTRIBUTES

    return bool(attrs) and all(set(ATTRIBUTES) <= set(a) for a in attrs)


def _attribute_precision(store: Searcher, encoder: TextEncoder, attrs: list[dict[str, str]]) -> dict[str, float]:
    """Generated queries naming 1, 2 and 3 attributes, then every value of each attribute on its own ("car",
    "two objects", "at night"), averaged per attribute: the per-attribute table."""
    from indexer.demo.queries import make_queries, single_attribute_queries
    from indexer.demo.scenes import ATTRIBUTES

    def precision(queries: list) -> float:
        vectors = encoder.encode_texts([q.text for q in queries])
        ranked = [[h.attrs for h in store.search(v, PRECISION_K)] for v in vectors]
        return precision_at_k(ranked, [q.constraints for q in queries], PRECISION_K)

    out = {f"{n} attr": precision(make_queries(n, random.Random(n), QUERIES_PER_LEVEL, pool=attrs)) for n in (1, 2, 3)}
    singles = single_attribute_queries()
    out |= {name: precision([q for q in singles if name in q.constraints]) for name in ATTRIBUTES}
    return out


def format_table(result: dict[str, object]) -> str:
    lines = [f"{result['queries']} captioned queries over {result['images']} images"]
    recall = result.get("recall") or {}
    if recall:
        lines.append("text→image  " + "  ".join(f"{k} {v:.3f}" for k, v in recall.items()))  # type: ignore[union-attr]
    precision: dict[str, float] = result.get("attribute_precision@10") or {}  # type: ignore[assignment]
    if precision:
        levels = {k: v for k, v in precision.items() if k.endswith(" attr")}
        lines.append("attribute precision@10, queries naming  " + "  ".join(f"{k}: {v:.3f}" for k, v in levels.items()))
        lines.append("per attribute (each value alone)  " + "  ".join(
            f"{k}: {v:.3f}" for k, v in precision.items() if k not in levels))
    return "\n".join(lines)
