"""Widgets bound to the shared state: seeded from it, and a user's change handled once.

Seeding (:func:`seed`, :func:`mark_changed`): widget state is page-local, so every run seeds
each widget from the canonical state unless the user has just changed it.
Choices (:func:`bound_choice`): a segmented control showing a canonical value.
Clickable charts (:func:`clickable_chart`): a click on a plotly point is handled once, in the
widget's callback.

Why a callback and not the chart's return value: Streamlit derives a plotly chart's widget id
from its figure, so a chart whose figure shows the selection becomes a *new* widget each time
the selection changes. Reading the returned selection on every run then sees the new widget's
empty value as "the user cleared the selection", and the old figure's widget (whose value still
holds the click) as a new click, so a click on ``/map`` toggled the selection for ever (issue
#18). A callback runs only when the browser reports a change the user made, exactly once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

import streamlit as st

from sistercities.exports import chart_alt

PickHandler = Callable[[Any], None]
CHANGED = "state.widgets_changed"  # widget keys the user has just changed (kept this run)


def seed(key: str, value: object) -> None:
    """Seed a widget with its canonical value, unless the user has just changed it.

    Widget state is page-local in Streamlit (a widget on another page is a different widget, and
    a leftover value may not carry over), so every run re-seeds each widget from the canonical
    state; a widget's ``on_change`` (:func:`mark_changed`) marks the one value that must win.
    """
    changed: set[str] = st.session_state.setdefault(CHANGED, set())
    if key in changed:
        changed.discard(key)
    else:
        st.session_state[key] = value


def _changed(key: str) -> None:
    """``on_change`` callback: the user set this widget; keep their value on this run."""
    st.session_state.setdefault(CHANGED, set()).add(key)


def mark_changed(key: str) -> None:
    """``on_change`` callback: the user set this widget; keep their value on this run."""
    st.session_state.setdefault(CHANGED, set()).add(key)


def bound_choice(
    label: str,
    options: Sequence[str],
    value: str,
    widget_key: str,
    on_pick: Callable[[str], None],
    format_func: Callable[[str], str],
) -> str:
    """A segmented control showing ``value``; a pick is handed to ``on_pick`` before the rerun."""
    if st.session_state.get(widget_key) != value:
        st.session_state[widget_key] = value

    def picked() -> None:
        choice = st.session_state.get(widget_key)
        if choice:
            on_pick(choice)

    st.segmented_control(
        label,
        list(options),
        format_func=format_func,
        key=widget_key,
        required=True,
        on_change=picked,
    )
    return value


def clickable_chart(
    figure: Any,
    key: str,
    config: dict[str, Any],
    on_pick: PickHandler,
    height: int | Literal["content", "stretch"] = "content",
) -> None:
    """Draw ``figure`` with point selection; ``on_pick(event)`` runs once per user click.

    ``event`` is the chart's selection state as Streamlit reports it (``{"selection":
    {"points": [...]}}``); an empty point list means the user cleared plotly's own selection.
    Screen readers get :func:`sistercities.exports.chart_alt` of the figure. ``height``
    "stretch" fills the chart's container (the deck's full-screen slides).
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
        height=height,
        alt=chart_alt(figure.to_dict()),
    )
