"""Attribute queries over the demo scenes ("red car", "boat at night", ...) and their predicate.

A query is a natural phrase plus the attribute constraints it stands for; an image answers it
when its manifest attributes satisfy every constraint. Precision@k is therefore well defined.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from indexer.demo.scenes import ATTRIBUTES, SETTING_PHRASES, TIME_PHRASES, noun

DEMO_MANIFEST = Path(__file__).resolve().parents[2] / "data" / "demo" / "manifest.csv"
COUNT_PHRASE = {"1": "one", "2": "two", "3": "three"}
MIN_SUPPORT = 10  # a query needs >= this many matching images, so precision@10 can reach 1.0


@dataclass(frozen=True)
class AttributeQuery:
    text: str
    constraints: dict[str, str] = field(hash=False)


def satisfies(attrs: dict[str, str], q: AttributeQuery) -> bool:
    return all(attrs.get(name) == value for name, value in q.constraints.items())


def phrase_for(constraints: dict[str, str]) -> str:
    """Natural phrase for any subset of attributes, e.g. {kind: car, time: night} -> "car at night".

    Without a kind the noun is "object(s)"; without any noun attribute the phrase is "a scene ...".
    """
    unknown = set(constraints) - set(ATTRIBUTES)
    if unknown:
        raise ValueError(f"unknown attributes: {sorted(unknown)}")
    count = constraints.get("count")
    words = [COUNT_PHRASE[count]] if count else []
    words += [constraints[a] for a in ("size", "color") if a in constraints]
    if "kind" in constraints:
        words.append(noun(constraints["kind"], count))
    elif words:
        words.append("object" if count == "1" else "objects")
    else:
        words.append("a scene")
    if "setting" in constraints:
        words.append(SETTING_PHRASES[constraints["setting"]][0])
    if "time" in constraints:
        words.append(TIME_PHRASES[constraints["time"]][0])
    return " ".join(words)


def single_attribute_queries() -> list[AttributeQuery]:
    """One query per attribute value ("car", "two objects", "at night"...): the per-attribute table."""
    return [AttributeQuery(phrase_for({a: v}), {a: v}) for a, values in ATTRIBUTES.items() for v in values]


def load_manifest_attributes(path: Path = DEMO_MANIFEST) -> list[dict[str, str]]:
    with path.open(newline="") as f:
        return [{a: row[a] for a in ATTRIBUTES} for row in csv.DictReader(f)]


def make_queries(
    n_attrs: int, rng: random.Random, n: int, pool: Sequence[dict[str, str]] | None = None
) -> list[AttributeQuery]:
    """``n`` distinct queries naming ``n_attrs`` attributes, drawn from combinations present in
    ``pool`` (default: the committed demo manifest) with at least MIN_SUPPORT matches."""
    if not 1 <= n_attrs <= len(ATTRIBUTES):
        raise ValueError(f"n_attrs must be in 1..{len(ATTRIBUTES)}")
    rows = list(pool) if pool is not None else load_manifest_attributes()
    names = sorted(ATTRIBUTES)
    seen: set[tuple[tuple[str, str], ...]] = set()
    out: list[AttributeQuery] = []
    for _ in range(200 * n):  # bounded: small pools may not hold n distinct supported queries
        if len(out) == n:
            break
        row = rng.choice(rows)
        chosen = rng.sample(names, n_attrs)
        key = tuple(sorted((a, row[a]) for a in chosen))
        if key in seen:
            continue
        seen.add(key)
        q = AttributeQuery(phrase_for(dict(key)), dict(key))
        if sum(satisfies(r, q) for r in rows) >= MIN_SUPPORT:
            out.append(q)
    return out
