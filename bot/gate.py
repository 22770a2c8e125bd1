"""Who may use the page: Streamlit's own OIDC login with an allow-list of viewers (when `[auth]` secrets
exist), and a shared password (`IMGSEARCH_PASSWORD` from the environment or the secrets).

Fail closed: a password set in either place closes the page, and secrets that exist but cannot be read
close it too. Wrong passwords cost a growing wait, counted per browser session and per client address, so
opening new sessions does not reset it. The counters live in this process only (a restart forgets them).
"""

from __future__ import annotations

import hmac
import logging
import math
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

log = logging.getLogger(__name__)

PASSWORD_NAMES = ("IMGSEARCH_PASSWORD", "password")
VIEWERS = "IMGSEARCH_VIEWERS"
FREE_FAILURES = 1  # a typo costs nothing
MAX_WAIT_S = 60.0
MAX_CLIENTS = 10_000  # remembered client addresses, least recently failed forgotten first


class SecretsUnreadable(Exception):
    """A secrets file exists but cannot be parsed: whatever it meant to protect, the page stays closed."""


@dataclass
class Tries:
    failures: int = 0
    until: float = 0.0  # clock() before which no password is checked

    def fail(self, now: float) -> None:
        self.failures += 1
        self.until = now + wait_after(self.failures)


def wait_after(failures: int) -> float:
    """Seconds before the next try after `failures` wrong ones: 0, 2, 4, 8 … up to MAX_WAIT_S."""
    return 0.0 if failures <= FREE_FAILURES else min(2.0 ** (failures - 1), MAX_WAIT_S)


clock = time.monotonic  # the waits' clock (a test sets its own, so a slow machine cannot outwait a wait)
_clients: OrderedDict[str, Tries] = OrderedDict()
_clients_lock = threading.Lock()


def read_secrets() -> dict[str, object]:
    """st.secrets as a plain dict; {} when there is no secrets file at all."""
    try:
        return dict(st.secrets.items())
    except FileNotFoundError as exc:  # also what Streamlit raises for a file it cannot parse
        files = st.get_option("secrets.files") or []
        if any(Path(f).is_file() for f in files):
            raise SecretsUnreadable(str(exc)) from exc
        return {}


def admit(secrets: Mapping[str, object]) -> bool:
    """Draws the login or the password box when one is needed; True when this session may see the page."""
    return _login_ok(secrets) and _password_ok(secrets)


def configured_password(secrets: Mapping[str, object], env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    for name in PASSWORD_NAMES:
        value = secrets.get(name)
        if isinstance(value, str | int) and str(value):
            return str(value)
    return env.get(PASSWORD_NAMES[0], "")


def viewers(secrets: Mapping[str, object], env: Mapping[str, str] | None = None) -> set[str]:
    """The emails allowed in after an OIDC login: a TOML list or a comma-separated string."""
    raw = secrets.get(VIEWERS) or (os.environ if env is None else env).get(VIEWERS, "")
    items = raw.split(",") if isinstance(raw, str) else list(raw) if isinstance(raw, list | tuple) else []
    return {str(item).strip().lower() for item in items if str(item).strip()}


def _login_ok(secrets: Mapping[str, object]) -> bool:
    auth = secrets.get("auth")
    if not isinstance(auth, Mapping):
        return True  # no OIDC provider configured: the password (if any) is the gate
    if st.user.get("is_logged_in") is not True:  # absent when Streamlit itself sees no [auth] (tests)
        providers = [name for name, value in auth.items() if isinstance(value, Mapping)]
        st.button("Log in", key="login", on_click=st.login, args=(providers[0],) if providers else ())
        return False
    allowed, email = viewers(secrets), str(st.user.get("email") or "").lower()
    if email and email in allowed and st.user.get("email_verified") is not False:  # a provider's unproven claim
        return True
    if not allowed:
        st.error(f"No viewers are allowed yet: list their emails in {VIEWERS}.")
    else:
        st.error("This account is not on the list of viewers.")
    st.button("Log out", key="logout", on_click=st.logout)
    return False


def _password_ok(secrets: Mapping[str, object]) -> bool:
    expected = configured_password(secrets)
    if not expected or st.session_state.get("auth_ok"):
        return True
    st.text_input("Password", type="password", key="password", on_change=_check, args=(expected,))
    if message := st.session_state.get("gate_message"):
        st.error(message)
    return False


def _check(expected: str) -> None:
    """One entered password, checked once (the box is emptied after a wrong one, so a rerun is no new try)."""
    given = str(st.session_state.get("password") or "")
    st.session_state.password = ""
    if not given:
        return
    now, mine, client = clock(), st.session_state.setdefault("gate_tries", Tries()), _client()
    with _clients_lock:
        theirs = _clients.setdefault(client, Tries())
        _clients.move_to_end(client)
        while len(_clients) > MAX_CLIENTS:
            _clients.popitem(last=False)
        wait = max(mine.until, theirs.until) - now
        if wait > 0:
            st.session_state.gate_message = f"Too many wrong passwords. Try again in {math.ceil(wait)} s."
            return
        if hmac.compare_digest(given.encode(), expected.encode()):
            theirs.failures, theirs.until = 0, 0.0
            st.session_state.auth_ok, st.session_state.gate_message = True, ""
            return
        mine.fail(now)
        theirs.fail(now)
    log.warning("wrong password from client %s (%d wrong from there)", client, theirs.failures)
    st.session_state.gate_message = "Wrong password."


def _client() -> str:
    """The connection's address; every connection without one (local, or none known) shares one counter."""
    ip = st.context.ip_address
    return ip if isinstance(ip, str) and ip else "local"


def forget_clients() -> None:
    """Clear the per-client counters (tests; an operator who restarts nothing)."""
    with _clients_lock:
        _clients.clear()
