"""What the chat page draws: answers as thumbnail grids (older ones as strips), the full-size view, the
buttons that act on a result, the first screen and the suggested next turns. Streamlit lives here, in
bot/app.py and bot/gate.py only.

Nothing here decodes an original photo on a rerun: the grid, the strips and the uploads show thumbnails
from the on-disk store (indexer.thumbs), which the indexer fills; only opening the full-size view reads an
original, once. A thumbnail the store lacks (a collection indexed before thumbnails were made there, a hosted
bot with its own store) is made from the original after the rest of the page is drawn: `answer` leaves a
placeholder and returns it, and `fill` draws into it at the end of the run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from bot.factory import BotParts, image_path
from bot.search import Answer, Result
from bot.timing import phase
from indexer.demo.model import DEMO_MODEL_NAME
from indexer.errors import UnreadableImage
from indexer.photometa import PhotoMeta
from indexer.thumbs import GRID, STRIP, VIEW

COLUMNS = 5
FULL_ANSWERS = 1  # answers drawn as a grid with buttons; older ones collapse to a strip of small thumbnails
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
        item.slot.image(data[0], caption=f"#{item.results[0].rank} · {item.results[0].score:.2f}", width="stretch")


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
    for row_start in range(0, len(ans.results), COLUMNS):
        cols = st.columns(COLUMNS)
        for col, result in zip(cols, ans.results[row_start: row_start + COLUMNS], strict=False):
            with col:
                _result(parts, result, index, ask, pending)
    return pending


def _result(parts: BotParts, result: Result, index: int, ask: Ask, pending: list[Pending]) -> None:
    data, item = ready(parts, result, GRID), Pending(st.empty(), [result], GRID)
    if data is None:
        pending.append(item)
    else:
        _draw(item, [data])
    photo = describe(result.photo)
    lines = [md(result.caption or result.path), md(photo), marked(result.text, result.marks),
             f"_{md(result.why)}_" if result.why else ""]
    st.caption("  \n".join(line for line in lines if line))
    key = f"{index}-{result.rank}"
    if st.button("Open", key=f"open-{key}", icon=":material/open_in_full:", help="Full size, with details"):
        _view(parts, result)
    more, less = st.columns(2)
    more.button("More like this", key=f"more-{key}", on_click=ask, args=(f"more like #{result.rank}",))
    less.button("Not this", key=f"not-{key}", on_click=ask, args=(f"not like #{result.rank}",))


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


def chips(options: list[str], key: str, ask: Ask) -> None:
    cols = st.columns(len(options) or 1)
    for i, (col, text) in enumerate(zip(cols, options, strict=False)):
        col.button(md(text), key=f"chip-{key}-{i}", on_click=ask, args=(text,), type="secondary")
