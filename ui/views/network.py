"""Streamlit pieces of the network page: selectors, click handling, side panels, downloads."""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import plotly.graph_objects as go
import streamlit as st

from sistercities.counts import TIES_RULE
from sistercities.exports import chart_config
from sistercities.i18n import format_number, t
from sistercities.network import export
from sistercities.network import graph as graphs
from sistercities.network import measures as network_measures
from sistercities.network.figure import picked_node
from ui import cache, network_cache, state, widgets
from ui.sidebar import PageContext
from ui.widgets import clickable_chart

LAYOUT, COLOUR, FOCUS = "net.layout", "net.colour", "net.focus"


def chart(ctx: PageContext, figure: go.Figure, view: str, selected: str | None) -> None:
    """Draw the (already stamped) network figure; a click on a node is handled once.

    The key holds the selection, so a new selection mounts a fresh chart (no stale plotly
    selection dims the highlight), and the image format, since plotly's config is fixed at mount.
    """
    image = state.image_format()
    config = chart_config(f"guangxi-network-{view}-{ctx.data.meta['as_of']}", image)
    config.update(scrollZoom=True, modeBarButtonsToRemove=["lasso2d", "select2d"])
    places = cache.lookups(ctx.data, ctx.lang).place_ids  # built once per data version
    clickable_chart(
        figure,
        f"net.chart.{view}.{selected}.{image}",
        config,
        lambda event: handle_pick(event, places, selected),
    )


def view_selector(ctx: PageContext) -> str:
    """The view control (URL parameter ``view``), limited by the size of the filter result."""
    count = len(ctx.links)
    view = graphs.effective_view(ctx.view.view, count)
    return widgets.bound_choice(
        t("net.view", ctx.lang),
        graphs.available_views(count),
        view,
        "w.net.view",
        lambda choice: state.set_value(state.VIEW, choice),
        lambda v: t(f"net.view.{v}", ctx.lang),
    )


def page_choice(ctx: PageContext, name: str, options: Sequence[str], key: str) -> str:
    """A page-level choice (layout, colour) kept in session state across page switches."""
    value = st.session_state.get(key)
    value = value if value in options else options[0]
    return widgets.bound_choice(
        t(f"net.{name}", ctx.lang),
        options,
        value,
        f"w.{key}",
        lambda choice: st.session_state.__setitem__(key, choice),
        lambda v: t(f"net.{name}.{v}", ctx.lang),
    )


def selected_node(ctx: PageContext, graph: nx.Graph) -> str | None:
    """The highlighted node: a country or continent picked here, else the shared selection."""
    focus = st.session_state.get(FOCUS)
    if focus and focus[0] == ctx.view.sel and focus[1] in graph:
        return focus[1]
    return graphs.node_for_place(graph, ctx.view.sel, ctx.data.places)


def handle_pick(event: object, places: frozenset[str], selected: str | None) -> None:
    """Turn a click on a node into the shared selection (a widget callback, run once).

    A click on the highlighted node clears it; a place becomes the shared selection (shown on
    the map too); a country or continent node is highlighted here only.
    """
    picked = picked_node(event)
    if picked is None:
        return
    if picked == selected:
        state.set_value(state.SEL, None)
        st.session_state[FOCUS] = None
    elif picked in places:
        state.set_value(state.SEL, picked)
        st.session_state[FOCUS] = None
    else:
        st.session_state[FOCUS] = (state.view_state().sel, picked)


def clear_selection() -> None:
    """The clear button's callback: no place selected, no node highlighted."""
    state.set_value(state.SEL, None)
    st.session_state[FOCUS] = None


def selection_line(ctx: PageContext, graph: nx.Graph, selected: str | None) -> None:
    """What is selected, or that the shared selection is outside the filter; the click hint."""
    name = "name_zh" if ctx.lang == "zh" else "name_en"
    if selected:
        st.caption(t("net.selected", ctx.lang, name=graph.nodes[selected].get(name, selected)))
        st.button(t("net.clear", ctx.lang), key="w.net.clear", on_click=clear_selection)
    elif ctx.view.sel:
        st.caption(t("net.selected_absent", ctx.lang, name=ctx.names.get(ctx.view.sel, "")))
    st.caption(t("net.click_hint", ctx.lang))


def side_panel(ctx: PageContext, measures: network_measures.Measures) -> None:
    """'Most connected Guangxi cities', 'countries with the most pairs' and the ranking."""
    for title, frame in (
        ("net.top_cities", export.top_homes(measures.table, ctx.lang)),
        ("net.top_countries", export.top_countries(ctx.links, ctx.lang)),
    ):
        st.markdown(f"**{t(title, ctx.lang)}**")
        lines = [
            t("net.top.line", ctx.lang, rank=row.iloc[-1], name=row.iloc[0], pairs=row.iloc[1])
            for _, row in frame.iterrows()
        ]
        st.markdown("  \n".join(lines))
    st.caption(t(TIES_RULE, ctx.lang))
    st.markdown(f"**{t('net.ranking', ctx.lang)}**")
    st.dataframe(
        export.ranking_table(measures.table, ctx.lang),
        hide_index=True,
        height=300,
        column_config={
            t("net.col.betweenness", ctx.lang): st.column_config.NumberColumn(format="%.3f")
        },
    )


def notices(ctx: PageContext, view: str, measures: network_measures.Measures) -> None:
    """How to read the picture, and every approximation or limit in force."""
    count = len(ctx.links)
    st.caption(t("net.place_note" if view == "place" else "net.rolled_up", ctx.lang))
    if count > graphs.PLACE_VIEW_LIMIT:
        limit = format_number(graphs.PLACE_VIEW_LIMIT, ctx.lang)
        st.info(t("net.place_limited", ctx.lang, limit=limit, count=format_number(count, ctx.lang)))
    if measures.approximate:
        st.info(
            t(
                "net.approximate",
                ctx.lang,
                count=format_number(count, ctx.lang),
                sample=measures.sample,
                limit=format_number(network_measures.EXACT_LIMIT, ctx.lang),
            )
        )


def communities_panel(ctx: PageContext, view: str, graph: nx.Graph) -> None:
    """The communities found by modularity, named by their dominant country or continent."""
    st.subheader(t("net.communities", ctx.lang))
    found, quality = network_cache.communities(ctx, view)
    if not found:
        st.caption(t("net.communities.none", ctx.lang))
        return
    modularity = format_number(quality, ctx.lang, 3)
    st.caption(t("net.communities.caption", ctx.lang, count=len(found), modularity=modularity))
    st.dataframe(export.communities_table(graph, found, ctx.lang), hide_index=True, height=250)


def downloads(ctx: PageContext, view: str, layout: str) -> None:
    """Nodes and edges as CSV, the graph as GEXF and GraphML; files are built on click."""
    st.markdown(f"**{t('net.downloads', ctx.lang)}**")
    files = (
        ("nodes", "csv", "text/csv"),
        ("edges", "csv", "text/csv"),
        ("gexf", "gexf", "application/xml"),
        ("graphml", "graphml", "application/xml"),
    )
    for column, (kind, suffix, mime) in zip(st.columns(len(files)), files, strict=True):
        name = f"guangxi-network-{view}" + (f"-{kind}" if suffix == "csv" else "")
        column.download_button(
            t(f"net.download.{kind}", ctx.lang),
            data=network_cache.download(ctx, view, layout, kind),
            file_name=f"{name}.{suffix}",
            mime=mime,
            on_click="ignore",
            key=f"w.net.download.{kind}",
        )
