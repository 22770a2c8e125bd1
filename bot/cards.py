"""Each answer's pictures as one element on the page: a Streamlit v2 component that draws the whole grid
(each picture, its three actions and its caption) from one payload, and an older answer's strip of small
pictures the same way.

Why one element: drawn with Streamlit's own elements, a ten-picture answer was ~70 of them (a container, an
image, three buttons and a caption per card), each serialised by the server, reconciled by React and laid out
by the browser on every turn; most of a turn's time on screen went there (bench/turn_latency.py). Here the
server sends one payload (thumbnails inline as data URIs, a few kB each) and the browser builds plain DOM.

Nothing from a photo or a person is parsed as markup: the script builds every node with textContent and
attributes, and matched words are bold by their character offsets, not by markup in the text.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from indexer.thumbs import STRIP

COLUMNS = 5  # pictures a row on a desktop; three on a tablet and two on a phone (CSS below)
THUMB = ("M2 10h4v11H2zm6 11V10l5-8c1.4 0 2.6 1.1 2.3 2.6L14.6 9H20a2 2 0 0 1 2 2.3l-1.3 7.4A2.6 2.6 0 0 1 18.2 "
         "21z")  # a thumb up in a 24-unit box; CSS turns it over for "not this"
ACTIONS = {  # action -> (tooltip and accessible name, icon path)
    "open": ("Open: full size, with details", "M4 4h7v2H7.4l4.3 4.3-1.4 1.4L6 7.4V11H4zm16 16h-7v-2h3.6l-4.3-4.3 "
                                              "1.4-1.4 4.3 4.3V13h2z"),
    "more": ("More like this", THUMB),
    "not": ("Not this: set it aside", THUMB),
}

CSS = f"""
.answer-grid {{ display: grid; grid-template-columns: repeat({COLUMNS}, minmax(0, 1fr)); gap: 1rem; }}
@media (max-width: 1000px) {{ .answer-grid {{ grid-template-columns: repeat(3, minmax(0, 1fr)); }} }}
@media (max-width: 640px) {{ .answer-grid {{ grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.5rem; }} }}
.answer-card {{ display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }}
.answer-card img {{ width: 100%; height: auto; border-radius: 0.5rem; display: block; }}
.answer-card .label, .answer-card .lines {{ font-size: 0.875rem; opacity: 0.7; overflow-wrap: anywhere; }}
.answer-card .missing {{ font-size: 0.875rem; opacity: 0.7; padding: 1rem 0; }}
.answer-card .acts {{ display: flex; gap: 0.125rem; }}
.answer-card button {{ min-height: 2rem; min-width: 2rem; padding: 0 0.35rem; border: 0; border-radius: 0.5rem;
  background: transparent; color: inherit; cursor: pointer; }}
.answer-card button:hover, .answer-card button:focus-visible {{ color: var(--st-primary-color, #ff4b4b); }}
.answer-card svg {{ width: 1.15rem; height: 1.15rem; fill: currentColor; vertical-align: middle; }}
.answer-card button[data-act="not"] svg {{ transform: scaleY(-1); }}
.answer-strip {{ display: flex; flex-wrap: wrap; gap: 0.5rem; }}
.answer-strip figure {{ margin: 0; width: {STRIP}px; font-size: 0.75rem; opacity: 0.8; text-align: center; }}
.answer-strip img {{ width: {STRIP}px; height: auto; border-radius: 0.25rem; display: block; }}
"""

# Builds the cards from the payload (a rerun with the same payload leaves the DOM as it is) and reports a click
# on an action as a trigger: {act, rank, at} ("at" makes two clicks on one button two events).
JS = """
const SVG = "http://www.w3.org/2000/svg";
function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}
function line(spec) {
  const node = el("div", "line");
  let at = 0;
  const into = spec.em ? node.appendChild(el("em")) : node;
  for (const [start, end] of spec.marks || []) {
    if (start < at || end > spec.text.length) continue;
    into.append(spec.text.slice(at, start), el("b", "", spec.text.slice(start, end)));
    at = end;
  }
  into.append(spec.text.slice(at));
  return node;
}
function button(act, rank, actions) {
  const [label, path] = actions[act];
  const node = el("button");
  Object.assign(node, { type: "button", title: label });
  node.dataset.act = act;
  node.dataset.rank = String(rank);
  node.setAttribute("aria-label", label);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const shape = document.createElementNS(SVG, "path");
  shape.setAttribute("d", path);
  svg.appendChild(shape);
  node.appendChild(svg);
  return node;
}
function card(spec, actions) {
  const node = el("div", "answer-card");
  node.dataset.rank = String(spec.rank);
  if (spec.src) {
    const img = el("img");
    Object.assign(img, { src: spec.src, alt: spec.alt, title: spec.label, decoding: "async" });
    node.append(img, el("div", "label", spec.label));
  } else {
    node.appendChild(el("div", "missing", spec.label));
  }
  const acts = node.appendChild(el("div", "acts"));
  for (const act of Object.keys(actions)) acts.appendChild(button(act, spec.rank, actions));
  const lines = node.appendChild(el("div", "lines"));
  for (const spec_line of spec.lines) lines.appendChild(line(spec_line));
  return node;
}
function small(spec) {
  const node = el("figure");
  const img = node.appendChild(el("img"));
  Object.assign(img, { src: spec.src, alt: spec.alt, decoding: "async" });
  node.appendChild(el("figcaption", "", spec.label));
  return node;
}
export default function ({ data, parentElement, setTriggerValue }) {
  const kind = data.strip ? "answer-strip" : "answer-grid";
  let grid = parentElement.querySelector("." + kind);
  if (!grid) {
    grid = parentElement.appendChild(el("div", kind));
    grid.addEventListener("click", (event) => {
      const hit = event.target.closest("button[data-act]");
      if (hit) setTriggerValue("act", { act: hit.dataset.act, rank: Number(hit.dataset.rank), at: Date.now() });
    });
  }
  const signature = data.signature;
  if (grid.dataset.signature === signature) return;
  grid.dataset.signature = signature;
  grid.replaceChildren(...data.cards.map((spec) => (data.strip ? small(spec) : card(spec, data.actions))));
}
"""

_COMPONENT = st.components.v2.component("answer_grid", html="", css=CSS, js=JS, isolate_styles=False)


@dataclass(frozen=True)
class Line:
    """One caption line: text drawn as text, with character spans in bold, or all of it in italics."""

    text: str
    marks: Sequence[tuple[int, int]] = ()
    em: bool = False


@dataclass(frozen=True)
class Card:
    rank: int
    image: bytes | None  # the grid thumbnail (JPEG); None draws `label` as the reason there is no picture
    label: str  # under the picture ("#1 · similarity 0.31"), or why there is none
    alt: str  # what the picture shows, for screen readers
    lines: list[Line] = field(default_factory=list)


def payload(cards: Sequence[Card], signature: str) -> dict[str, Any]:
    """What the browser gets: JSON only; thumbnails inline so the grid needs no further request."""
    return {
        "signature": signature,
        "actions": ACTIONS,
        "cards": [{"rank": c.rank, "label": c.label, "alt": c.alt, "src": _data_uri(c.image),
                   "lines": [{"text": ln.text, "marks": [list(m) for m in ln.marks], "em": ln.em} for ln in c.lines]}
                  for c in cards],
    }  # fmt: skip


def grid(cards: Sequence[Card], key: str, on_act: Callable[[str, int], None]) -> None:
    """Draw the grid; a click on an action calls on_act(action, rank) before the next run of the script."""
    signature = f"{key}:{[(c.rank, len(c.image or b''), c.label) for c in cards]}"
    _COMPONENT(data=payload(cards, signature), key=key, on_act_change=lambda: _acted(key, on_act))


def strip(images: Sequence[tuple[int, bytes]], key: str) -> None:
    """An older answer, small: each picture with its rank and no actions (those act on the latest answer). One
    element too: as separate images, a long conversation's strips were most of a late turn's drawing."""
    shown = [{"rank": rank, "label": f"#{rank}", "alt": f"#{rank}", "src": _data_uri(data)} for rank, data in images]
    _COMPONENT(data={"signature": f"{key}:{[(r, len(d)) for r, d in images]}", "strip": True, "cards": shown},
               key=key)


def _acted(key: str, on_act: Callable[[str, int], None]) -> None:
    event = (st.session_state.get(key) or {}).get("act") or {}
    if event.get("act") in ACTIONS and isinstance(event.get("rank"), int):
        on_act(str(event["act"]), int(event["rank"]))


def _data_uri(image: bytes | None) -> str:
    if image is None:
        return ""
    kind = "png" if image.startswith(b"\x89PNG") else "webp" if image[8:12] == b"WEBP" else "jpeg"
    return f"data:image/{kind};base64,{base64.b64encode(image).decode('ascii')}"
