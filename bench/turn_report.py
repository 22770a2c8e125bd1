"""The turn_latency section of RESULTS.md: the roll, indexing with and without thumbnails, turn latencies and
where each turn's time went (bench/turn_latency.py measures; this formats)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import median, percentile, table

if TYPE_CHECKING:
    from bench.turn_latency import IndexRun, Turn

PHASES = ["planning", "text encoding", "search", "ranking + why", "thumbnails", "page"]
REST = "Streamlit transport + browser"  # on screen minus the script run


def report(files: list[Path], runs: list[IndexRun], shown: list[Turn], lazy: list[Turn],
           loads: tuple[tuple[float, ...], tuple[float, ...]]) -> str:
    kinds = Counter(p.suffix.lstrip(".").upper() for p in files)
    mb = sum(p.stat().st_size for p in files) / len(files) / 1e6
    lines = [
        f"{len(files)} photos of 4000×3000 ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}; "
        f"{mb:.2f} MB each on average), demo model, Milvus Lite, headless Chromium 1400×1000, k = 10. "
        f"Load average (1/5/15 min) before {_load(loads[0])}, after {_load(loads[1])}.", "",
        "### Indexing, thumbnails off and on (same images, one process, alternating)", "",
        *_indexing(runs), "",
        f"### Enter → answer on screen, {len(shown)} turns", "",
        *_latency("thumbnails from the index", shown),
        *(_latency("no index thumbnails (made from the originals on first view)", lazy) if lazy else []), "",
        "Where the time goes (ms; the page's own caption per turn, the rest is what the browser measured "
        "beyond the script run):", "",
        _phases(shown), "",
        _per_turn(shown),
    ]
    if lazy:
        lines += ["", "Without index thumbnails, the same turns:", "", _per_turn(lazy)]
    return "\n".join(lines)


def _load(values: tuple[float, ...]) -> str:
    return " / ".join(f"{v:.2f}" for v in values)


def _indexing(runs: list[IndexRun]) -> list[str]:
    rows, ratios, cpu = [], [], []
    for off, on in zip(runs[::2], runs[1::2], strict=True):
        r_off, r_on = off.images / off.seconds, on.images / on.seconds
        ratios.append(r_on / r_off)
        cpu.append(off.cpu / on.cpu)
        rows.append([len(rows) + 1, off.images, f"{r_off:.2f}", f"{r_on:.2f}", f"{r_on / r_off:.2f}",
                     f"{off.cpu / off.images * 1e3:.0f}", f"{on.cpu / on.images * 1e3:.0f}", f"{off.cpu / on.cpu:.2f}"])
    with_thumbs = [r for r in runs if r.thumbnails]
    per_image = {side: median([r.thumb_bytes[side] / r.images for r in with_thumbs])
                 for side in with_thumbs[0].thumb_bytes}
    sizes = ", ".join(f"{side} px {b / 1e3:.1f} KB" for side, b in sorted(per_image.items(), reverse=True))
    return [
        table(["pair", "images", "img/s off", "img/s on", "on / off", "CPU ms/img off", "CPU ms/img on",
               "CPU off / on"], rows), "",
        f"**throughput with thumbnails = {median(ratios):.2f} × without** (wall clock, median of {len(ratios)} "
        f"pairs; target ≥ 0.9); by this process's CPU time per image, which other load on the machine does not "
        f"inflate, **{median(cpu):.2f} ×**. Thumbnail store: "
        f"**{sum(per_image.values()) / 1e3:.1f} KB per image** ({sizes}).",
    ]


def _latency(title: str, turns: list[Turn]) -> list[str]:
    secs = [t.seconds for t in turns]
    new = sum(t.new for t in turns)
    return [f"- {title}: p50 **{median(secs):.2f} s**, p95 **{percentile(secs, 95):.2f} s**, max "
            f"**{max(secs):.2f} s**; {sum(t.new > 0 for t in turns)} of {len(turns)} turns showed photos not shown "
            f"before ({new} new photos in all)"]


def _phases(turns: list[Turn]) -> str:
    columns = {p: [t.phases.get(p, 0.0) for t in turns] for p in PHASES}
    columns["script run (server)"] = [t.server for t in turns]
    columns[REST] = [max(0.0, t.seconds - t.server) for t in turns]
    columns["on screen"] = [t.seconds for t in turns]
    columns["server CPU (Streamlit process)"] = [t.server_cpu for t in turns]
    columns["browser CPU (renderer main thread)"] = [t.browser_cpu for t in turns]
    columns["server + browser CPU"] = [t.server_cpu + t.browser_cpu for t in turns]
    rows = [[name, f"{median(v) * 1e3:.0f}", f"{percentile(v, 95) * 1e3:.0f}", f"{max(v) * 1e3:.0f}"]
            for name, v in columns.items()]
    return table(["phase", "median", "p95", "max"], rows)


def _per_turn(turns: list[Turn]) -> str:
    rows = [[i + 1, t.typed, t.new, f"{t.seconds:.2f}", f"{t.server:.2f}",
             *(f"{t.phases.get(p, 0.0) * 1e3:.0f}" for p in PHASES), f"{max(0.0, t.seconds - t.server) * 1e3:.0f}",
             f"{t.server_cpu * 1e3:.0f}", f"{t.browser_cpu * 1e3:.0f}"]
            for i, t in enumerate(turns)]
    return table(["turn", "typed", "new photos", "on screen s", "script s", *PHASES, "transport + browser",
                  "server CPU", "browser CPU"], rows)
