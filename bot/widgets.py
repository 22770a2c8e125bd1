"""What the chat page draws: answers as thumbnail grids (older ones as strips), the full-size view, the
actions on a result, the first screen (with the collection at a glance) and the suggested next turns.
Streamlit lives here, in bot/cards.py (each answer's pictures as one element), bot/app.py and bot/gate.py only.

Nothing here decodes an original photo on a rerun: the grid, the strips and the uploads show thumbnails
from the on-disk store (indexer.thumbs), which the indexer fills; only opening the full-size view reads an
original, once. A thumbnail the store lacks (a collection indexed before thumbnails were made there, a hosted
bot with its own store) is made from the original after the rest of the page is drawn: `answer` leaves a
placeholder (with the pictures that were ready) and returns it, and `fill` draws into it at the end of the run.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from bot import cards
from bot.catalog import Catalog
from bot.factory import BotParts, image_path
from bot.search import Answer, Result
from bot.timing import phase
from indexer.demo.model import DEMO_MODEL_NAME
from indexer.errors import UnreadableImage
from indexer.photometa import PhotoMeta
from indexer.thumbs import GRID, STRIP, VIEW

OPENED = "opened"  # session key: (grid key, rank) of the picture whose full view the next run shows
FULL_ANSWERS = 1  # answers drawn as a grid with buttons; older ones collapse to a strip of small thumbnails
GLANCE_TOP = 5  # places and cameras offered as chips on the first screen
MONTHS_CHART = "glance-months"
FILL_THREADS = 4  # thumbnails made at once in the second pass (decoding releases the GIL)
Ask = Callable[[str], None]


_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
# GFM turns bare URLs and emails into links after escapes are resolved (a transform on the text), so a WORD
# JOINER (invisible, zero width) goes where those patterns need two characters side by side: ":|//", "www|.", "@|".
_AUTOLINK_SEAMS = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"


@dataclass
class Pending:
    """Thumbnails the store did not have: drawn into `slot` by `fill`, after everything else."""

    slot: DeltaGenerator  # a placeholder (st.empty())
    results: list[Result]
    side: int
    key: int  # the answer's place in the conversation
    draw: Callable[[list[bytes | None]], None] | None = None  # a grid's: the cards, given every thumbnail


def md(text: str) -> str:
    """Text drawn as itself inside markdown: every ASCII punctuation mark backslash-escaped (CommonMark lets
    each one be), so no link, image, emphasis, HTML, entity, `$` maths or Streamlit `:colour[...]` / `:icon:`
    directive can come out of it, and bare URLs and emails are kept from becoming links. Everything drawn from
    people's words, and from what the collection's files say, goes through here."""
    return _PUNCTUATION.sub(r"\\\1", _AUTOLINK_SEAMS.sub(WORD_JOINER, text))


def describe(photo: PhotoMeta) -> str:
    """Place, date and camera under a picture; a date only when the camera recorded it (a file's time says when
    it was copied, not when it was taken)."""
    return (photo if photo.taken_src == "exif" else replace(photo, taken=0)).describe()


def ready(parts: BotParts, result: Result, side: int) -> bytes | None:
    """The stored thumbnail, read without touching the original; None when the store has none."""
    if parts.thumbs is None:
        return None
    with phase("thumbnails"):
        return parts.thumbs.cached(result.id, side)


def thumb(parts: BotParts, result: Result, side: int) -> bytes | None:
    """The stored thumbnail, else one made now from the original (None when that cannot be read)."""
    if (data := ready(parts, result, side)) is not None:
        return data
    file = image_path(parts.image_root, result.path)
    if file is None or parts.thumbs is None:
        return None
    try:
        return parts.thumbs.get(result.id, file, side)
    except UnreadableImage:
        return None


def fill(parts: BotParts, pending: list[Pending]) -> None:
    """The second pass: make the missing thumbnails from the originals, a few at a time, and draw each
    placeholder as soon as its pictures are there."""
    if not pending:
        return
    with phase("thumbnails"), ThreadPoolExecutor(FILL_THREADS) as pool:
        made = [[pool.submit(thumb, parts, r, p.side) for r in p.results] for p in pending]
        for item, futures in zip(pending, made, strict=True):
            _draw(item, [f.result() for f in futures])


def _draw(item: Pending, data: list[bytes | None]) -> None:
    if item.draw is not None:
        with item.slot.container():
            item.draw(data)
        return
    shown = [(r.rank, d) for r, d in zip(item.results, data, strict=True) if d is not None]
    if shown:
        with item.slot.container():
            cards.strip(shown, f"strip-{item.key}")


def answer(parts: BotParts, ans: Answer, index: int, latest: bool, ask: Ask) -> list[Pending]:
    """Draws the answer with the thumbnails the store has; returns the places still waiting for one."""
    st.markdown(f"**{md(ans.headline)}**")
    if ans.note:
        st.info(md(ans.note))
    if not ans.results:
        return []
    return _grid(parts, ans, index, ask) if latest else _strip(parts, ans, index)


def _grid(parts: BotParts, ans: Answer, index: int, ask: Ask) -> list[Pending]:
    """The latest answer: one element (bot/cards.py) with every picture, its actions and its caption. When the
    store lacks a thumbnail, the ready ones show as a strip until `fill` has made the rest."""
    key, results = f"grid-{index}", list(ans.results)

    def acted(act: str, rank: int) -> None:  # before the next run: "open" shows the view in it, the rest ask
        if act == "open":
            st.session_state[OPENED] = (key, rank)
        else:
            ask(f"{act} like #{rank}")

    def draw(data: list[bytes | None]) -> None:
        cards.grid([_card(r, d) for r, d in zip(results, data, strict=True)], key, acted)
        opened = st.session_state.get(OPENED)
        if opened and opened[0] == key:
            del st.session_state[OPENED]
            picked = [r for r in results if r.rank == opened[1]]
            if picked:
                _view(parts, picked[0])

    data = [ready(parts, r, GRID) for r in results]
    item = Pending(st.empty(), results, GRID, key=index, draw=draw)
    if any(d is None for d in data):
        shown = [(r, d) for r, d in zip(results, data, strict=True) if d is not None]
        if shown:
            item.slot.image([d for _, d in shown], caption=[f"#{r.rank}" for r, _ in shown], width=STRIP)
        return [item]
    _draw(item, list(data))
    return []


def _card(result: Result, data: bytes | None) -> cards.Card:
    # the rank follows the re-ranked order (set-aside pictures, "not" words); the number is the raw CLIP match
    label = f"#{result.rank} · similarity {result.score:.2f}" if data else f"#{result.rank}: image file not available"
    said = [cards.Line(result.caption or result.path), cards.Line(describe(result.photo)),
            cards.Line(result.text, tuple(result.marks)), cards.Line(result.why, em=True)]  # fmt: skip
    return cards.Card(result.rank, data, label, result.caption or result.path, [ln for ln in said if ln.text])


def _strip(parts: BotParts, ans: Answer, index: int) -> list[Pending]:
    """An older answer, small: thumbnails already at strip size, so nothing is resized on a rerun."""
    data = [ready(parts, r, STRIP) for r in ans.results]
    item = Pending(st.empty(), list(ans.results), STRIP, key=index)
    if any(d is None for d in data):  # `fill` draws the strip once every thumbnail is made
        return [item]
    _draw(item, list(data))
    return []


@st.dialog("Photo", width="large")
def _view(parts: BotParts, result: Result) -> None:
    data = thumb(parts, result, VIEW)
    if data is None:
        st.warning("The image file is not available.")
    else:
        st.image(data, width="stretch")
    st.markdown(f"**#{result.rank}** · {md(result.path)}")
    details = [result.caption, describe(result.photo), result.why,
               *(f"{k}: {v}" for k, v in sorted(result.attrs.items()))]
    st.caption("  \n".join(md(d) for d in details if d))


def first_screen(parts: BotParts, ask: Ask) -> None:
    """What the collection holds, in plain words, and requests that work well on it."""
    info, facts = parts.info, (parts.catalog.facts if parts.catalog else {})
    held = f"**{info.count:,}** images"
    exif, dated = int(facts.get("from_exif") or 0), int(facts.get("dated") or 0)
    if exif and exif == dated:  # a range that mixes in file times would not say when photos were taken
        held += f", taken {facts['first']} to {facts['last']}"
    elif exif:
        held += f", {exif:,} of them dated by the camera"
    with st.chat_message("assistant"):
        st.markdown(f"Hi! Describe the images you are looking for. This collection has {held}.")
        chips(examples(parts), "start", ask)
        if parts.catalog is not None:
            glance(parts.catalog, ask)


def glance(catalog: Catalog, ask: Ask) -> None:
    """The collection at a glance, from its summary (no scan): photos per month, where a click on a bar asks for
    that month, and the top places and cameras as chips that start a search."""
    if catalog.months:
        _months(catalog.months, ask)
    places = [str(name) for name, _ in catalog.facts.get("places") or []][:GLANCE_TOP]  # type: ignore[attr-defined]
    if places:  # "Porto, Portugal": the town is what the filter knows
        chips([f"photos taken in {p.split(', ')[0]}" for p in places], "places", ask, places, "Where")
    cameras = [name for name, _ in catalog.cameras[:GLANCE_TOP]]
    if cameras:
        chips([f"shot on {c}" for c in cameras], "cameras", ask, cameras, "Cameras")


def _months(months: Sequence[tuple[str, int]], ask: Ask) -> None:
    import altair as alt
    import pandas as pd

    data = pd.DataFrame([{"month": m, "label": _month_words(m, short=True), "photos": n} for m, n in months])
    pick = alt.selection_point(name="month", fields=["month"], on="click")
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("label:N", sort=None, title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("photos:Q", title="photos", axis=alt.Axis(tickMinStep=1)),
        tooltip=[alt.Tooltip("label:N", title="month"), alt.Tooltip("photos:Q")],
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.6)),
    ).add_params(pick).properties(height=160, title="Photos per month · click a bar")
    st.altair_chart(chart, key=MONTHS_CHART, on_select=partial(_picked_month, ask), selection_mode="month")


def _picked_month(ask: Ask) -> None:
    """A click on a bar: that month is the next turn, as if typed ("photos from August 2018")."""
    state = st.session_state.get(MONTHS_CHART) or {}
    picked = (state.get("selection") or {}).get("month") or []
    if picked and picked[0].get("month"):
        ask(f"photos from {_month_words(str(picked[0]['month']))}")


def _month_words(month: str, short: bool = False) -> str:
    """'2018-08' -> 'August 2018' (or 'Aug 2018')."""
    year, number = month.split("-")
    return f"{(calendar.month_abbr if short else calendar.month_name)[int(number)]} {year}"


def examples(parts: BotParts) -> list[str]:
    if parts.info.identity and parts.info.identity.name == DEMO_MODEL_NAME:
        return ["red cars", "two boats at night", "yellow flowers in the snow", "anything purple on the beach"]
    found = []
    if parts.catalog and parts.catalog.place_counts:
        found.append(f"photos taken in {parts.catalog.place_counts[0][0]}")
    if parts.catalog and parts.catalog.facts.get("dated"):
        found += [f"from {str(parts.catalog.facts['last'])[:4]}", "newest first"]
    return [*found, "people at the beach", "sunset"][:4]


def next_steps(parts: BotParts, ans: Answer) -> list[str]:
    """Turns worth trying after an answer (on the demo, the refinements it shows off)."""
    if parts.info.identity and parts.info.identity.name == DEMO_MODEL_NAME:
        steps = ["only at night", "without trees", "just two", "more like the 1st one"]
    else:
        steps = ["newest first", "more like the 1st one", "show more"]
    said = f" {ans.plan.describe().lower()} "
    kept = [ans.relaxed] if ans.relaxed else []  # one click keeps the search shown instead of nothing
    return [*kept, *[s for s in steps if s.split()[-1] not in said]][:3]


def chips(options: list[str], key: str, ask: Ask, labels: Sequence[str] = (), title: str = "") -> None:
    """Suggested turns as buttons in a row that wraps (columns would stack them one per line on a phone); a
    label, when given, is what the button says instead of the turn it asks."""
    with st.container(horizontal=True, gap="small", vertical_alignment="center", key=f"chips-{key}"):
        if title:
            st.caption(title, width="content")
        for i, text in enumerate(options):
            label = labels[i] if i < len(labels) else text
            st.button(md(label), key=f"chip-{key}-{i}", on_click=ask, args=(text,), type="secondary")
