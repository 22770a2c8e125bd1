"""The answer grid (bot/cards.py) as AppTest sees it: the cards' payload, and a click on an action sent the way
the browser sends it (the component's trigger, one event). The real browser's side: tests/test_browser*.py."""

from __future__ import annotations

import json
from typing import Any

from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest


def grids(node: Any) -> list[list[dict[str, Any]]]:  # noqa: ANN401 - an AppTest or one of its blocks
    """Each answer grid drawn under `node` (an AppTest, or a chat message), as its list of cards."""
    return [data["cards"] for data in _payloads(node) if not data.get("strip")]


def strips(node: Any) -> list[list[dict[str, Any]]]:  # noqa: ANN401
    """Each older answer's strip of small pictures under `node`, as its list of pictures."""
    return [data["cards"] for data in _payloads(node) if data.get("strip")]


def _payloads(node: Any) -> list[dict[str, Any]]:  # noqa: ANN401
    return [json.loads(element.proto.json) for element in node.get("bidi_component")]


def click(at: AppTest, act: str, rank: int) -> AppTest:
    """A click on `act` ("open", "more", "not") under picture #rank of the newest grid, then the run it starts."""
    element = [e for e in at.get("bidi_component") if not json.loads(e.proto.json).get("strip")][-1]
    states = at._tree.get_widget_states()
    event = [{"event": "act", "value": {"act": act, "rank": rank, "at": 1}}]
    states.widgets.append(WidgetState(id=_make_trigger_id(element.proto.id, "events"),
                                      json_trigger_value=json.dumps(event)))
    return at._run(states)
