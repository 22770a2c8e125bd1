"""Text + picture search in Milvus: part of the store boundary (with store.py and schema.py).

Where the engine has full-text search (Milvus Lite 3, servers from 2.5), Milvus ranks two lists by BM25, the
folded words and their 3-grams (indexer.textsearch), and the store adds the CLIP vector's list when the
request also describes a picture. They are fused here by score, each list scaled to its best hit, with the
text weighing more than the look: reciprocal-rank fusion (Milvus's RRFRanker) was measured to let the
picture outvote the words, because it sees only ranks: an image that says both asked words and one that says
one of them sit at neighbouring ranks however far apart their scores are (tests/test_text_store.py).

The 2.3 server tier has no BM25: there the stored folded words and grams are read back (a scan, filtered by
the request's scope) and scored in Python (textsearch.overlap), then fused the same way.
"""

from __future__ import annotations

from typing import Any

from indexer import schema
from indexer.textsearch import SearchText, TextQuery, overlap

WEIGHTS = {"words": 1.0, "grams": 1.0, "vector": 0.6}
SCAN_MAX = 200_000  # rows the scan fallback reads at most (the 2.3 tier is for tests and small servers)
SCAN_BATCH = 4096
NO_FULL_TEXT = ("this Milvus server has no full-text search (it needs Milvus 2.5 or Milvus Lite): words are "
                "matched by reading the stored text, which is slower on large collections")
OUTPUT = ["id", "path", "caption", "attrs", "phash", "ocr", *schema.PHOTO_FIELDS]
Ranked = list[tuple[dict[str, Any], float]]  # rows, best first, with the list's own score


def full_text(client: Any, name: str) -> bool:
    return schema.WORDS_BM25 in schema.fields(client, name)


def bm25_lists(client: Any, name: str, query: TextQuery, k: int, expr: str | None) -> dict[str, Ranked]:
    """The words and grams lists, ranked by Milvus BM25 (Lite reports BM25 as a negative distance)."""
    lists: dict[str, Ranked] = {}
    for key, form, field in (("words", query.words, schema.WORDS_BM25), ("grams", query.grams, schema.GRAMS_BM25)):
        if not form:
            continue
        found = client.search(name, [form], anns_field=field, limit=k, filter=expr or "",
                              search_params={"params": {}}, output_fields=OUTPUT)[0]
        lists[key] = [(_row(hit), abs(float(hit["distance"]))) for hit in found]
    return lists


def scan_lists(client: Any, name: str, query: TextQuery, k: int, expr: str | None) -> dict[str, Ranked]:
    """The same two lists without BM25: every row in scope scored on its stored text in Python."""
    words: Ranked = []
    grams: Ranked = []
    it = client.query_iterator(name, batch_size=SCAN_BATCH, filter=expr or "",
                               output_fields=[*OUTPUT, "text", "grams"], limit=SCAN_MAX)
    try:
        while rows := it.next():
            for row in rows:
                w, g = overlap(query, SearchText(str(row.get("text") or ""), str(row.get("grams") or "")))
                kept = {f: row.get(f) for f in OUTPUT}
                words += [(kept, w)] if w > 0 else []
                grams += [(kept, g)] if g > 0 else []
    finally:
        it.close()
    return {"words": _best(words, k), "grams": _best(grams, k)}


def vector_list(hits: list[dict[str, Any]]) -> Ranked:
    return [(_row(hit), float(hit["distance"])) for hit in hits]


def fuse(lists: dict[str, Ranked], k: int) -> list[dict[str, Any]]:
    """One ranking: each text list scaled by its best score (0..1), the vector list min-max scaled over its
    candidates (CLIP cosines of one request sit in a narrow band), weighted (WEIGHTS) and summed."""
    total: dict[str, float] = {}
    rows: dict[str, dict[str, Any]] = {}
    for key, ranked in lists.items():
        if not ranked:
            continue
        scores = [s for _, s in ranked]
        low = min(scores) if key == "vector" else 0.0
        span = (max(scores) - low) or 1.0
        for row, s in ranked:
            rid = str(row["id"])
            total[rid] = total.get(rid, 0.0) + WEIGHTS[key] * (s - low) / span
            rows.setdefault(rid, row)
    best = sorted(total, key=lambda rid: total[rid], reverse=True)[:k]
    return [rows[rid] | {"score": round(total[rid], 4)} for rid in best]


def _row(hit: dict[str, Any]) -> dict[str, Any]:
    return dict(hit["entity"]) | {"id": hit["id"]}


def _best(ranked: Ranked, k: int) -> Ranked:
    return sorted(ranked, key=lambda pair: pair[1], reverse=True)[:k]
