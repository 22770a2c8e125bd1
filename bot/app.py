"""Streamlit chat page: `streamlit run bot/app.py`.

A thin top-to-bottom script: settings → cached bot → history → input (typed, a button, a chip) → one call →
render (bot/widgets.py draws). Streamlit lives here and in bot/widgets.py only. The current search lives in the
URL (?q=turn&q=turn…), and buttons are turns too ("more like #3", "not like #2"), so a copied link replays the
same conversation through the same planner.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Mapping
from urllib.parse import urlencode

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from bot import timing, widgets
from bot.chat import Conversation
from bot.factory import BotParts, build_bot
from bot.plan import Action
from bot.widgets import md
from indexer.errors import SearchBotError, StoreUnavailable, UnreadableImage
from indexer.logsetup import quiet_third_party
from indexer.settings import ENV_PREFIX, Settings

MAX_URL_TURNS = 20
MAX_URL_TURN_CHARS = 500
UPLOAD_TYPES = ["jpg", "jpeg", "png", "webp", "gif", "bmp"]
UPLOAD_SHOWN_PX = 120


def _secrets() -> dict[str, str]:
    try:
        return {str(k): str(v) for k, v in st.secrets.items() if not isinstance(v, Mapping)}
    except Exception:  # noqa: BLE001 - no secrets.toml is the normal local case
        return {}


def _settings(secrets: Mapping[str, str]) -> Settings:
    """Secrets (hosted) override the environment; both use the IMGSEARCH_* names."""
    from_secrets = {k[len(ENV_PREFIX) :].lower(): v for k, v in secrets.items() if k.startswith(ENV_PREFIX)}
    import os

    return Settings.load(env=dict(os.environ) | {ENV_PREFIX + k.upper(): v for k, v in from_secrets.items()})


@st.cache_resource(show_spinner="Loading the CLIP model and the image index…")
def _parts(settings: Settings, secrets_items: tuple[tuple[str, str], ...]) -> BotParts:
    return build_bot(settings, dict(secrets_items))


def _password_ok(secrets: Mapping[str, str]) -> bool:
    expected = secrets.get("IMGSEARCH_PASSWORD") or secrets.get("password")
    if not expected or st.session_state.get("auth_ok"):
        return True
    given = st.text_input("Password", type="password", key="password")
    if given and hmac.compare_digest(given.encode(), expected.encode()):
        st.session_state.auth_ok = True
        st.rerun()
    if given:
        st.error("Wrong password.")
    return False


def _sidebar(parts: BotParts) -> int:
    with st.sidebar:
        st.header("Image chat search")
        info = parts.info
        st.caption(f"Collection **{md(info.name)}** · {info.count} images")
        st.caption(f"Model: {md(str(info.identity))}")
        k = st.slider("Results per answer", 1, 30, _k_from_url(parts), key="k")
        if st.button("New conversation", key="reset"):
            st.session_state.conv = Conversation()
            st.query_params.clear()
            st.rerun()
    return int(k)


def _k_from_url(parts: BotParts) -> int:
    raw = st.query_params.get("k", "")
    return int(raw) if raw.isdigit() and 1 <= int(raw) <= 30 else parts.bot.searcher.config.k


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
    """The link that reopens this search, and what it cannot carry."""
    turns, uploaded = _url_state(conv)
    if not turns and not uploaded:
        return
    base = (st.context.url or "").split("?", 1)[0]
    with st.sidebar:
        st.caption("Share this search:")
        st.code(f"{base}?{urlencode({'q': turns, 'k': k}, doseq=True)}", language=None, wrap_lines=True)
        if uploaded:
            st.caption("The link has only the typed turns: a link cannot carry your uploaded picture, so "
                       "whoever opens it sees the search without it.")


def _ask(parts: BotParts, conv: Conversation, text: str, image: bytes | None, k: int) -> None:
    try:
        parts.bot.reply(conv, text, image, k)
    except StoreUnavailable as exc:
        st.error(f"Search store unavailable — {exc}. Try again in a moment; your conversation is kept.")


def _queue(text: str) -> None:
    """A button or chip says a turn for the person ("more like #3"): asked on this rerun, like typed text."""
    st.session_state.queued = text


def _user_turn(text: str, upload: bytes | None) -> None:
    with st.chat_message("user"):
        if upload is not None:
            try:
                st.image(upload_thumb(upload), width=UPLOAD_SHOWN_PX, caption="your upload")
            except UnreadableImage:
                st.caption("(an upload that is not a usable image)")
        if text or upload is None:
            st.text(text)


@st.cache_data(max_entries=64, show_spinner=False)
def upload_thumb(data: bytes) -> bytes:
    """An upload at the size it is shown, made once (uploads are not in the collection's thumbnail cache)."""
    from indexer.thumbs import make_from_bytes

    return make_from_bytes(data, UPLOAD_SHOWN_PX)


def main() -> None:
    clock = timing.start()
    st.set_page_config(page_title="Image chat search", page_icon="🔎", layout="wide")
    quiet_third_party()
    secrets = _secrets()
    if not _password_ok(secrets):
        st.stop()
    try:
        parts = _parts(_settings(secrets), tuple(sorted(secrets.items())))
    except SearchBotError as exc:
        st.error(f"The bot cannot start: {exc}")
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
