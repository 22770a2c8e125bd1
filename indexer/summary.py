"""The collection's summary: how many images, when (EXIF dates), where and with which camera, as counters.

Kept as counts, not as a list of rows, so that the indexer can keep it exact by adding what it writes and
subtracting what it replaces or deletes (`Summary.count(meta, sign)`), and so that the bot and `info` read a
collection of any size in constant time. Dates are counted per day, which is what keeps the first and last
day exact when the photo that was the oldest is deleted. Only EXIF dates make the range: a file time says
when a file was copied, not when the picture was taken.

Pure data (no Milvus): the companion collection that stores it is indexer.summary_store.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from indexer.photometa import PhotoMeta

VERSION = 1


@dataclass
class Summary:
    """Counts over the collection's rows. A delta (what one write changed) is a Summary too, with negative
    counts where rows went away; `merge` adds one to another."""

    rows: int = 0
    dated: int = 0  # any date, EXIF or file time
    exif: int = 0  # dated by EXIF (the rows in `days`)
    gps: int = 0
    days: Counter[str] = field(default_factory=Counter)  # "2018-08-04" -> photos taken that day (EXIF)
    names: Counter[str] = field(default_factory=Counter)  # city, region or country -> photos taken there
    places: Counter[str] = field(default_factory=Counter)  # "Porto, Portugal" -> photos (what people are shown)
    cameras: Counter[str] = field(default_factory=Counter)

    def count(self, meta: PhotoMeta, sign: int = 1) -> None:
        """Add (sign 1) or take away (sign -1) one row with this photo metadata."""
        self.rows += sign
        self.dated += sign * bool(meta.taken)
        self.gps += sign * meta.has_gps
        if meta.taken and meta.taken_src == "exif":
            self.exif += sign
            self.days[datetime.fromtimestamp(meta.taken, UTC).date().isoformat()] += sign
        for name in {p for p in (meta.city, meta.region, meta.country) if p}:
            self.names[name] += sign
        if meta.city or meta.country:
            self.places[", ".join(p for p in (meta.city, meta.country) if p)] += sign
        if meta.camera:
            self.cameras[meta.camera] += sign

    def count_all(self, metas: Iterable[PhotoMeta], sign: int = 1) -> Summary:
        for meta in metas:
            self.count(meta, sign)
        return self

    def merge(self, other: Summary) -> Summary:
        """This plus `other`, keys that reach zero dropped (a deleted camera's name goes away)."""
        out = Summary(self.rows + other.rows, self.dated + other.dated, self.exif + other.exif, self.gps + other.gps)
        for name in ("days", "names", "places", "cameras"):
            total: Counter[str] = Counter(getattr(self, name))
            total.update(getattr(other, name))  # update, not +: keeps negative counts of a pending delta
            setattr(out, name, Counter({k: v for k, v in total.items() if v}))
        return out

    @property
    def empty(self) -> bool:
        return self == Summary()

    def facts(self, top: int = 5) -> dict[str, object]:
        """What `info` prints and the chat's first screen shows: the EXIF date range, top cameras and places."""
        days = sorted(d for d, n in self.days.items() if n > 0)
        return {
            "dated": self.exif, "from_exif": self.exif, "by_file_time": self.dated - self.exif,
            "first": days[0] if days else "", "last": days[-1] if days else "", "with_gps": self.gps,
            "cameras": _top(self.cameras, top), "places": _top(self.places, top),
        }

    def months(self) -> list[tuple[str, int]]:
        """Photos taken per month, oldest first ("2018-08", 6): from the day counts, so as cheap as the days are."""
        months: Counter[str] = Counter()
        for day, n in self.days.items():
            months[day[:7]] += n
        return sorted((m, n) for m, n in months.items() if n > 0)

    def to_json(self) -> dict[str, object]:
        return {"v": VERSION, "rows": self.rows, "dated": self.dated, "exif": self.exif, "gps": self.gps,
                "days": dict(self.days), "names": dict(self.names), "places": dict(self.places),
                "cameras": dict(self.cameras)}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Summary:
        if data.get("v") != VERSION:
            raise ValueError(f"summary version {data.get('v')!r}, expected {VERSION}")
        counters = {k: Counter({str(a): int(b) for a, b in dict(data[k]).items()})  # type: ignore[call-overload]
                    for k in ("days", "names", "places", "cameras")}
        return cls(int(data["rows"]), int(data["dated"]), int(data["exif"]), int(data["gps"]),  # type: ignore[call-overload]
                   **counters)

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))


def _top(counts: Counter[str], n: int) -> list[tuple[str, int]]:
    """Most common first; ties in the order first counted (a stable sort, as Counter.most_common)."""
    return sorted(((k, v) for k, v in counts.items() if v > 0), key=lambda kv: -kv[1])[:n]


def summarize(metas: Iterable[PhotoMeta], top: int = 5) -> dict[str, object]:
    """The facts of a list of photos (tests, and callers that hold the photos already)."""
    return Summary().count_all(metas).facts(top)
