"""Clickable charts: a click on a plotly point is handled once, in the widget's callback.

Why a callback and not the chart's return value: Streamlit derives a plotly chart's widget id
from its figure, so a chart whose figure shows the selection becomes a *new* widget each time
the selection changes. Reading the returned selection on every run then sees the new widget's
empty value as "the user cleared the selection", and the old figure's widget (whose value still
holds the click) as a new click, so a click on ``/map`` toggled the selection for ever (issue
#18). A callback runs only when the browser reports a change the user made, exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

PickHandler = Callable[[Any], None]


def clickable_chart(figure: Any, key: str, config: dict[str, Any], on_pick: PickHandler) -> None:
    """Draw ``figure`` with point selection; ``on_pick(event)`` runs once per user click.

    ``event`` is the chart's selection state as Streamlit reports it (``{"selection":
    {"points": [...]}}``); an empty point list means the user cleared plotly's own selection.
    """

    def picked() -> None:
        on_pick(st.session_state.get(key))

    st.plotly_chart(
        figure,
        theme=None,
        config=config,
        key=key,
        on_select=picked,
        selection_mode="points",
    )
