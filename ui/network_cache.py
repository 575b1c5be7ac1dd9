"""Caches of the network page: graph, measures, communities, layout and downloads.

Every entry is keyed on a :data:`Key`: the data folder, its version, the frozen filter and the
view (plus the layout or language where they matter). The filtered links and the places are
not hashed (``_links``, ``_places``): the folder, version and filter determine them. The graph
is a shared read-only resource; never mutate it.
"""

from __future__ import annotations

from functools import partial

import networkx as nx
import pandas as pd
import streamlit as st

from sistercities.contract.schema import Lang
from sistercities.exports import csv_bytes, stamp_spec
from sistercities.filters import LinkFilter
from sistercities.i18n import t
from sistercities.network import communities as network_communities
from sistercities.network import export as network_export
from sistercities.network import graph as graphs
from sistercities.network import layout as graph_layout
from sistercities.network import measures as network_measures
from sistercities.network.figure import network_spec
from ui.cache import FrozenFigure
from ui.sidebar import PageContext

ENTRIES = 24
Key = tuple[str, str, LinkFilter, str]
"""(data folder, dataset version, filter, view)."""


@st.cache_resource(max_entries=4, show_spinner=False)
def _directory(folder: str, version: str, _places: pd.DataFrame) -> graphs.PlaceDirectory:
    """What the graph reads of the places, once per data version (shared, read-only)."""
    del folder, version  # the cache key only
    return graphs.place_directory(_places)


@st.cache_resource(max_entries=ENTRIES, show_spinner=False)
def _graph(key: Key, _links: pd.DataFrame, _places: pd.DataFrame) -> nx.Graph:
    """The graph of one filter result in one view (read-only)."""
    directory = _directory(key[0], key[1], _places)
    return graphs.build_graph(_links, _places, key[3], directory)  # type: ignore[arg-type]


@st.cache_resource(max_entries=ENTRIES, show_spinner=False)
def _measures(key: Key, _links: pd.DataFrame, _places: pd.DataFrame) -> network_measures.Measures:
    """Degree, weighted degree, betweenness and first pair of every node (shared, read-only).

    A resource, not ``cache_data``: that unpickles a copy of the table on every call, and a run
    asks for it up to three times.
    """
    return network_measures.measures(_graph(key, _links, _places))


@st.cache_resource(max_entries=ENTRIES, show_spinner=False)
def _communities(
    key: Key, _links: pd.DataFrame, _places: pd.DataFrame
) -> tuple[list[network_communities.Community], float]:
    """Louvain communities and their modularity (shared, read-only)."""
    return network_communities.communities(_graph(key, _links, _places))


@st.cache_resource(max_entries=ENTRIES, show_spinner=False)
def _layout(
    key: Key, name: str, _links: pd.DataFrame, _places: pd.DataFrame
) -> graph_layout.Positions:
    """Node positions of one layout (shared, read-only)."""
    return graph_layout.layout(_graph(key, _links, _places), name)  # type: ignore[arg-type]


@st.cache_resource(max_entries=ENTRIES, show_spinner=False)
def _stamped(
    key: Key,
    drawing: tuple[str, str, str | None, str, str, bool],
    _links: pd.DataFrame,
    _places: pd.DataFrame,
) -> FrozenFigure:
    """The finished, stamped figure for (layout, colour, selection, language, note, briefing).

    Built as a plain dict and stamped on its dict form: no plotly validation, no deep copy.
    """
    name, colour, selected, lang, note, present = drawing
    graph = _graph(key, _links, _places)
    found = _measures(key, _links, _places)
    positions = _layout(key, name, _links, _places)
    figure = network_spec(
        graph,
        positions,
        found.table,
        lang,
        colour,
        selected,
        found.approximate,  # type: ignore[arg-type]
    )
    return FrozenFigure(stamp_spec(figure, t("net.title", lang), note, present))


def stamped_figure(
    ctx: PageContext, view: str, name: str, colour: str, selected: str | None
) -> FrozenFigure:
    """The page's finished figure, built once per filter, view, layout, colour and selection."""
    drawing = (name, colour, selected, ctx.lang, ctx.figure_note, ctx.view.present)
    key, links, places = _args(ctx, view)
    return _stamped(key, drawing, links, places)


def _args(ctx: PageContext, view: str) -> tuple[Key, pd.DataFrame, pd.DataFrame]:
    """The cache key of a page context and view, and the unhashed inputs."""
    key: Key = (str(ctx.data.folder), ctx.data.version, ctx.spec, view)
    return key, ctx.links, ctx.data.places


def graph(ctx: PageContext, view: str) -> nx.Graph:
    """The (cached, read-only) graph of the page's filtered links."""
    return _graph(*_args(ctx, view))


def measures(ctx: PageContext, view: str) -> network_measures.Measures:
    """The (cached) measures of the page's graph."""
    return _measures(*_args(ctx, view))


def communities(ctx: PageContext, view: str) -> tuple[list[network_communities.Community], float]:
    """The (cached) communities of the page's graph."""
    return _communities(*_args(ctx, view))


def layout(ctx: PageContext, view: str, name: str) -> graph_layout.Positions:
    """The (cached) positions of the page's graph in a layout."""
    key, links, places = _args(ctx, view)
    return _layout(key, name, links, places)


@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def _download(
    kind: str, lang: Lang, key: Key, name: str, _links: pd.DataFrame, _places: pd.DataFrame
) -> bytes:
    """One download file, built when asked for."""
    graph = _graph(key, _links, _places)
    table = _measures(key, _links, _places).table
    found = _communities(key, _links, _places)[0]
    positions = _layout(key, name, _links, _places)
    if kind == "nodes":
        return csv_bytes(network_export.nodes_table(graph, table, lang, found, positions))
    if kind == "edges":
        return csv_bytes(network_export.edges_table(graph, lang))
    if kind == "gexf":
        return network_export.gexf_bytes(graph, table, found, positions)
    return network_export.graphml_bytes(graph, table, found, positions)


def download(ctx: PageContext, view: str, name: str, kind: str) -> partial[bytes]:
    """A no-argument callable building a download (for ``st.download_button(data=...)``)."""
    key, links, places = _args(ctx, view)
    return partial(_download, kind, ctx.lang, key, name, links, places)
