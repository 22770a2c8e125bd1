"""What the chat page draws: answers as thumbnail grids (older ones as strips), the full-size view, the
buttons that act on a result, the first screen (with the collection at a glance) and the suggested next turns.
Streamlit lives here, in bot/app.py and bot/gate.py only.

Nothing here decodes an original photo on a rerun: the grid, the strips and the uploads show thumbnails
from the on-disk store (indexer.thumbs), which the indexer fills; only opening the full-size view reads an
original, once. A thumbnail the store lacks (a collection indexed before thumbnails were made there, a hosted
bot with its own store) is made from the original after the rest of the page is drawn: `answer` leaves a
placeholder and returns it, and `fill` draws into it at the end of the run.
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

from bot.catalog import Catalog
from bot.factory import BotParts, image_path
from bot.search import Answer, Result
from bot.timing import phase
from indexer.demo.model import DEMO_MODEL_NAME
from indexer.errors import UnreadableImage
from indexer.photometa import PhotoMeta
from indexer.thumbs import GRID, STRIP, VIEW

COLUMNS = 5  # pictures a row on a desktop; GRID_CSS makes it three on a tablet and two on a phone
FULL_ANSWERS = 1  # answers drawn as a grid with buttons; older ones collapse to a strip of small thumbnails
GLANCE_TOP = 5  # places and cameras offered as chips on the first screen
MONTHS_CHART = "glance-months"
FILL_THREADS = 4  # thumbnails made at once in the second pass (decoding releases the GIL)
Ask = Callable[[str], None]


GRID_CSS = f"""<style>
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-card-"]) {{
  flex: 0 0 calc((100% - {COLUMNS - 1}rem) / {COLUMNS}); min-width: 0; }}
@media (max-width: 1000px) {{
  [data-testid="stLayoutWrapper"]:has(> [class*="st-key-card-"]) {{ flex-basis: calc((100% - 2rem) / 3); }} }}
@media (max-width: 640px) {{
  [data-testid="stLayoutWrapper"]:has(> [class*="st-key-card-"]) {{ flex-basis: calc((100% - 1rem) / 2); }} }}
[class*="st-key-acts-"] button {{ min-height: 2rem; padding: 0 0.35rem; }}
[class*="st-key-acts-"] button [data-testid="stMarkdownContainer"] {{
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }}
</style>"""

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


def md(text: str) -> str:
    """Text drawn as itself inside markdown: every ASCII punctuation mark backslash-escaped (CommonMark lets
    each one be), so no link, image, emphasis, HTML, entity, `$` maths or Streamlit `:colour[...]` / `:icon:`
    directive can come out of it, and bare URLs and emails are kept from becoming links. Everything drawn from
    people's words, and from what the collection's files say, goes through here."""
    return _PUNCTUATION.sub(r"\\\1", _AUTOLINK_SEAMS.sub(WORD_JOINER, text))


def marked(text: str, marks: Sequence[tuple[int, int]]) -> str:
    """Text a result matched, each matched span in bold; every piece escaped by `md` first, so the words in a
    picture cannot turn into markup (the `**` around a span are the only markup drawn)."""
    out, at = [], 0
    for start, end in marks:
        if start < at or end > len(text):
            continue
        out += [md(text[at:start]), "**" + md(text[start:end]) + "**"]
        at = end
    return "".join([*out, md(text[at:])])


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
    if item.side != GRID:
        shown = [(r, d) for r, d in zip(item.results, data, strict=True) if d is not None]
        if shown:
            item.slot.image([d for _, d in shown], caption=[f"#{r.rank}" for r, _ in shown], width=STRIP)
    elif data[0] is None:
        item.slot.caption(f"#{item.results[0].rank}: image file not available")
    else:
        # the rank follows the re-ranked order (set-aside pictures, "not" words); the number is the raw CLIP match
        first = item.results[0]
        item.slot.image(data[0], caption=f"#{first.rank} · similarity {first.score:.2f}", width="stretch")


def answer(parts: BotParts, ans: Answer, index: int, latest: bool, ask: Ask) -> list[Pending]:
    """Draws the answer with the thumbnails the store has; returns the places still waiting for one."""
    st.markdown(f"**{md(ans.headline)}**")
    if ans.note:
        st.info(md(ans.note))
    if not ans.results:
        return []
    if not latest:
        return _strip(parts, ans)
    pending: list[Pending] = []
    st.html(GRID_CSS)  # a <style> alone goes to Streamlit's hidden event container: it takes no room
    # One wrapping row of cards, not st.columns: columns stack one per line below 640 px, so a phone would show
    # one picture per screen; GRID_CSS sizes the cards, five a row on a desktop, two on a phone.
    with st.container(horizontal=True, gap="small", key=f"grid-{index}"):
        for result in ans.results:
            with st.container(key=f"card-{index}-{result.rank}", gap="xsmall"):
                _result(parts, result, index, ask, pending)
    return pending


def _result(parts: BotParts, result: Result, index: int, ask: Ask, pending: list[Pending]) -> None:
    data, item = ready(parts, result, GRID), Pending(st.empty(), [result], GRID)
    if data is None:
        pending.append(item)
    else:
        _draw(item, [data])
    key = f"{index}-{result.rank}"
    # Three small icons instead of three wide buttons: the whole label is the tooltip, and stays in the button
    # for screen readers (GRID_CSS hides it from the eye only).
    with st.container(horizontal=True, gap="xxsmall", key=f"acts-{key}"):
        if st.button("Open", key=f"open-{key}", icon=":material/open_in_full:", type="tertiary",
                     help="Open: full size, with details"):
            _view(parts, result)
        st.button("More like this", key=f"more-{key}", icon=":material/thumb_up:", type="tertiary",
                  help="More like this", on_click=ask, args=(f"more like #{result.rank}",))
        st.button("Not this", key=f"not-{key}", icon=":material/thumb_down:", type="tertiary",
                  help="Not this: set it aside", on_click=ask, args=(f"not like #{result.rank}",))
    photo = describe(result.photo)
    lines = [md(result.caption or result.path), md(photo), marked(result.text, result.marks),
             f"_{md(result.why)}_" if result.why else ""]
    st.caption("  \n".join(line for line in lines if line))


def _strip(parts: BotParts, ans: Answer) -> list[Pending]:
    """An older answer, small: thumbnails already at strip size, so nothing is resized on a rerun."""
    data = [ready(parts, r, STRIP) for r in ans.results]
    item = Pending(st.empty(), list(ans.results), STRIP)
    if any(d is None for d in data):
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
