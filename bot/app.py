"""Streamlit chat page: `streamlit run bot/app.py`.

A thin top-to-bottom script: gate → settings → cached bot → history → input (typed, a button, a chip) → one
call → render. bot/gate.py decides who may see the page, bot/widgets.py draws; Streamlit lives in these three
only. The current search lives in the URL (?q=turn&q=turn…), and buttons are turns too ("more like #3", "not
like #2"), so a copied link replays the same conversation through the same planner.

Nothing a person types, nor any failure, is drawn verbatim: their words go through widgets.md, and what went
wrong is logged in full while the page says in a sentence what happened.
"""

from __future__ import annotations

import gc
import logging
import os
import re
from collections.abc import Mapping
from urllib.parse import urlencode

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from bot import gate, timing, widgets
from bot.chat import Conversation
from bot.factory import BotParts, build_bot
from bot.plan import Action
from bot.widgets import md
from indexer.errors import SearchBotError, StoreUnavailable
from indexer.logsetup import quiet_third_party
from indexer.settings import ENV_PREFIX, Settings

MAX_URL_TURNS = 20
MAX_URL_TURN_CHARS = 500
UPLOAD_TYPES = ["jpg", "jpeg", "png", "webp", "gif", "bmp"]
UPLOAD_SHOWN_PX = 120
# Pillow allocates large images in blocks (16 MB by default). glibc serves blocks under 32 MB from its heaps, and
# the script threads' heaps keep the pages of a freed 190 MB upload decode; 64 MB blocks are each their own
# mapping, returned to the system when the decode is freed (bench/upload_rss.py). PILLOW_BLOCK_SIZE still wins.
PIL_BLOCK_BYTES = 64 * 1024 * 1024


log = logging.getLogger("bot.app")  # not __name__: `streamlit run` names the script __main__


def _secrets() -> dict[str, object] | None:
    """Every secret (tables too); None, after saying so, when a secrets file exists but cannot be read."""
    try:
        return gate.read_secrets()
    except gate.SecretsUnreadable:
        log.exception("the secrets file cannot be read")
        st.error("The page is closed: its secrets file cannot be read (the server log says why).")
        return None


def _plain(secrets: Mapping[str, object]) -> dict[str, str]:
    """The single-value secrets (settings, API keys), as text."""
    return {str(k): str(v) for k, v in secrets.items() if isinstance(v, str | int | float | bool)}


def _settings(secrets: Mapping[str, str]) -> Settings:
    """Secrets (hosted) override the environment; both use the IMGSEARCH_* names."""
    from_secrets = {k[len(ENV_PREFIX) :].lower(): v for k, v in secrets.items() if k.startswith(ENV_PREFIX)}
    return Settings.load(env=dict(os.environ) | {ENV_PREFIX + k.upper(): v for k, v in from_secrets.items()})


@st.cache_resource(show_spinner="Loading the CLIP model and the image index…")
def _parts(settings: Settings, secrets_items: tuple[tuple[str, str], ...]) -> BotParts:
    parts = build_bot(settings, dict(secrets_items))
    # What is loaded now (torch, the model, the planner's tables: millions of objects) stays for the life of the
    # page: kept out of the collector, whose full passes over it took ~0.3 s in the middle of a turn.
    gc.collect()
    gc.freeze()
    return parts


def _sidebar(parts: BotParts) -> int:
    with st.sidebar:
        st.header("Image chat search")
        info = parts.info
        st.caption(f"Collection **{md(info.name)}** · {info.count} images")
        st.caption(f"Model: {md(info.identity.name if info.identity else 'unknown')}",
                   help=md(str(info.identity)) if info.identity else None)
        k = st.slider("Results per answer", 1, 30, _k_from_url(parts), key="k")
        if st.button("New conversation", key="reset"):
            st.session_state.conv = Conversation()
            st.query_params.clear()
            st.rerun()
    return int(k)


def _k_from_url(parts: BotParts) -> int:
    raw = st.query_params.get("k", "")  # ASCII digits only: "²".isdigit() is True, but int("²") fails
    return int(raw) if re.fullmatch(r"[0-9]{1,2}", raw) and 1 <= int(raw) <= 30 else parts.bot.searcher.config.k


def _url_turns() -> list[str]:
    turns = st.query_params.get_all("q")[:MAX_URL_TURNS]
    return [t[:MAX_URL_TURN_CHARS] for t in turns if t.strip()]


def _url_state(conv: Conversation) -> tuple[list[str], bool]:
    """The typed turns since the last "start over", and whether an upload shaped any of them (a URL
    cannot carry a picture)."""
    turns: list[str] = []
    uploaded = False
    for text, answer, upload in conv.turns:
        if answer.plan.action is Action.RESET:
            turns, uploaded = [], False
            continue
        if text.strip():
            turns.append(text[:MAX_URL_TURN_CHARS])
        uploaded = uploaded or upload is not None
    return turns[-MAX_URL_TURNS:], uploaded


def _sync_url(conv: Conversation, k: int) -> None:
    turns, _ = _url_state(conv)
    st.query_params.from_dict({"q": turns, "k": str(k)})


def _share(conv: Conversation, k: int) -> None:
    """The link that reopens this search, and what it cannot carry. Before the first turn, the page's own link:
    drawn from the start, the code block's highlighter (a large script) loads with the first screen instead of
    in the middle of the first answer, where it cost ~0.6 s of the browser's time (bench/turn_latency.py)."""
    turns, uploaded = _url_state(conv)
    base = (st.context.url or "").split("?", 1)[0]
    with st.sidebar:
        st.caption("Share this search:" if turns or uploaded else "Link to this page:")
        st.code(f"{base}?{urlencode({'q': turns, 'k': k}, doseq=True)}", language=None, wrap_lines=True)
        if uploaded:
            st.caption("The link has only the typed turns: a link cannot carry your uploaded picture, so "
                       "whoever opens it sees the search without it.")


def _ask(parts: BotParts, conv: Conversation, text: str, image: bytes | None, k: int) -> None:
    """One turn; a failure is logged with its details and told in one sentence (no paths, no traceback)."""
    try:
        parts.bot.reply(conv, text, image, k)
    except StoreUnavailable:
        log.exception("search store failed on %r", text)
        st.error("Search store unavailable: it did not answer. Try again in a moment; your conversation is kept.")
    except Exception:  # noqa: BLE001 - whatever broke, the person gets a sentence and the log the traceback
        log.exception("turn %r failed", text)
        st.error("Something went wrong with that request, and it was logged. Try wording it differently.")


def _queue(text: str) -> None:
    """A button or chip says a turn for the person ("more like #3"): asked on this rerun, like typed text."""
    st.session_state.queued = text


def _user_turn(text: str, upload: bytes | None) -> None:
    with st.chat_message("user"):
        if upload:  # the turn keeps a small preview of the picture, never the file
            st.image(upload, width=UPLOAD_SHOWN_PX, caption="your upload")
        elif upload is not None:
            st.caption("(your upload)")
        if text or upload is None:
            st.text(text)


def _large_decodes_return_memory() -> None:
    if "PILLOW_BLOCK_SIZE" not in os.environ:
        from PIL import Image

        Image.core.set_block_size(PIL_BLOCK_BYTES)


def main() -> None:
    clock = timing.start()
    st.set_page_config(page_title="Image chat search", page_icon="🔎", layout="wide")
    quiet_third_party()
    _large_decodes_return_memory()
    every = _secrets()
    if every is None or not gate.admit(every):
        st.stop()
    secrets = _plain(every)
    try:
        parts = _parts(_settings(secrets), tuple(sorted(secrets.items())))
    except SearchBotError as exc:
        log.exception("the bot cannot start")
        st.error(f"The bot cannot start: {md(str(exc))}")
        st.stop()
    conv: Conversation = st.session_state.setdefault("conv", Conversation())
    k = _sidebar(parts)
    if not conv.turns and (url_turns := _url_turns()):
        for text in url_turns:  # a shared link: replay its turns through the same planner
            _ask(parts, conv, text, None, k)
    prompt = st.chat_input("Describe the images you want…", accept_file=True, file_type=UPLOAD_TYPES, key="chat")
    queued = st.session_state.pop("queued", None)
    asked = prompt is not None or queued is not None
    if asked:
        upload = prompt.files[0].getvalue() if prompt is not None and prompt.files else None
        text = (prompt.text or "") if prompt is not None else queued
        with timing.phase("rank"):  # what planning, encoding and the store do not claim: ranking and "why"
            _ask(parts, conv, text, upload, k)
        _sync_url(conv, k)
    if not conv.turns:
        widgets.first_screen(parts, _queue)
    last, pending, timing_slot = len(conv.turns) - 1, [], None
    for i, (text, answer, upload) in enumerate(conv.turns):
        _user_turn(text, upload)
        with st.chat_message("assistant"):
            pending += widgets.answer(parts, answer, i, i > last - widgets.FULL_ANSWERS, _queue)
            if i == last:
                timing_slot = st.empty()
                if answer.plan.searchable:
                    widgets.chips(widgets.next_steps(parts, answer), f"next-{i}", _queue)
    _share(conv, k)
    widgets.fill(parts, pending)  # thumbnails the store lacked, after everything that was ready
    _show_timing(timing.stop(clock), asked, timing_slot)


def _show_timing(spent: timing.Timing, asked: bool, slot: DeltaGenerator | None) -> None:
    """Under the last answer, what the person waited for on the server when it was asked (kept on reruns)."""
    if asked:
        st.session_state.timing = spent
        logging.getLogger("bot.timing").info(spent.caption())
    if slot is not None and (shown := st.session_state.get("timing")) is not None:
        slot.caption(shown.caption())


main()
