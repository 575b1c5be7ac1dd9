"""The network as a plotly figure: few traces, hover in the current language, ego highlight.

Edges are drawn as one line trace with ``None`` gaps (part-of ties as one faint trace, the
selected node's pairs as one highlight trace); nodes as one marker trace per colour group.
Node traces carry each node's id in ``customdata``: the selectable data for clicks.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sistercities.contract.schema import CONTINENTS, LEVELS, Lang
from sistercities.figures.theme import (
    GUANGXI_RED,
    MIXED_LEVEL_COLOUR,
    WHITE_TEMPLATE,
    category_colour,
    default_template,
    legend_under_title,
)
from sistercities.i18n import format_number, t
from sistercities.network.graph import PAIR, PART_OF, ego_nodes
from sistercities.network.layout import Positions

ColourBy = Literal["continent", "level"]
COLOUR_BY: tuple[ColourBy, ...] = ("continent", "level")
HOME_GROUP = "home"
MIXED = "mixed"
EDGE_COLOUR, PART_OF_COLOUR, HIGHLIGHT_COLOUR = "#7f8c8d", "#c8ccd0", "#1b2631"
FADED = 0.15
TEMPLATE = WHITE_TEMPLATE
NETWORK_HEIGHT = 720  # pixels, before the note's band
MIN_SIZE, MAX_SIZE = 7.0, 34.0
LABELLED_PARTNERS = 12


def network_figure(
    graph: nx.Graph,
    positions: Positions,
    table: pd.DataFrame,
    lang: Lang,
    colour_by: ColourBy = "continent",
    selected: str | None = None,
    approximate: bool = False,
) -> go.Figure:
    """Draw the graph at ``positions`` (:func:`network_spec` as a validated figure)."""
    return go.Figure(network_spec(graph, positions, table, lang, colour_by, selected, approximate))


def network_spec(
    graph: nx.Graph,
    positions: Positions,
    table: pd.DataFrame,
    lang: Lang,
    colour_by: ColourBy = "continent",
    selected: str | None = None,
    approximate: bool = False,
) -> dict[str, Any]:
    """Draw the graph at ``positions`` as a plain figure dict (no plotly validation).

    ``table`` is the table of :func:`sistercities.network.graph.measures`.

    With ``selected`` (a node id) its ego network is highlighted and every other node fades.
    """
    ego = ego_nodes(graph, selected)
    traces = [_edge_trace(graph, positions, PART_OF, t("net.legend.part_of", lang))]
    pair_trace = _edge_trace(graph, positions, PAIR, t("net.legend.pair", lang))
    if ego:
        pair_trace.update(opacity=0.12)
    traces.append(pair_trace)
    if ego:
        traces.append(_ego_trace(graph, positions, selected or "", lang))
    if graph.graph.get("view", "place") != "place":
        traces.append(_weight_trace(graph, positions, lang))
        if ego:
            traces[-1]["marker"]["opacity"] = FADED
    by_node = cast("dict[str, dict[str, Any]]", table.set_index("node").to_dict("index"))
    style = _NodeStyle(
        by_node=by_node,
        labelled=_thin_labels(graph, positions, by_node, _labelled(graph, by_node, ego), lang),
        max_degree=max((int(row["degree"]) for row in by_node.values()), default=0),
        ego=ego,
        selected=selected,
        colour_by=colour_by,
        lang=lang,
    )
    for group, nodes in _groups(graph, colour_by):
        traces.append(_node_trace(graph, positions, nodes, group, style))
    return {"data": traces, "layout": _layout(lang, approximate)}


def _edge_coordinates(
    positions: Positions, edges: Iterable[tuple[str, str]]
) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates (x, y) of line segments separated by gaps (NaN, sent as null)."""
    ends = [(*positions[u], *positions[v]) for u, v in edges]
    if not ends:
        return np.empty(0), np.empty(0)
    array = np.asarray(ends, dtype=float)
    gaps = np.full(len(ends), np.nan)
    xs = np.column_stack([array[:, 0], array[:, 2], gaps]).ravel()
    ys = np.column_stack([array[:, 1], array[:, 3], gaps]).ravel()
    return xs, ys


def _edge_trace(graph: nx.Graph, positions: Positions, kind: str, name: str) -> dict[str, Any]:
    """All edges of one kind as a single line trace."""
    edges = [(u, v) for u, v, d in graph.edges(data=True) if d["kind"] == kind]
    xs, ys = _edge_coordinates(positions, edges)
    faint = kind == PART_OF
    return dict(
        type="scatter",
        x=xs,
        y=ys,
        mode="lines",
        name=name,
        line={
            "color": PART_OF_COLOUR if faint else EDGE_COLOUR,
            "width": 1 if faint else 1.2,
            "dash": "dot" if faint else "solid",
        },
        opacity=0.9 if faint else 0.55,
        hoverinfo="skip",
        showlegend=bool(edges),
    )


def _ego_trace(graph: nx.Graph, positions: Positions, node: str, lang: Lang) -> dict[str, Any]:
    """The selected node's sister-city edges, drawn dark and thick."""
    edges = [(node, v) for v in graph.neighbors(node) if graph.edges[node, v]["kind"] == PAIR]
    xs, ys = _edge_coordinates(positions, edges)
    return dict(
        type="scatter",
        x=xs,
        y=ys,
        mode="lines",
        name=t("net.legend.selected", lang),
        line={"color": HIGHLIGHT_COLOUR, "width": 2.5},
        hoverinfo="skip",
    )


def _weight_trace(graph: nx.Graph, positions: Positions, lang: Lang) -> dict[str, Any]:
    """Edge midpoints sized by the number of pairs, with the count on hover (grouped views).

    Names are looked up once per node and the hover line is translated once per distinct
    count (a grouped view at 25,000 links has thousands of edges but few counts).
    """
    mids_x, mids_y, sizes, hover = [], [], [], []
    names: dict[str, str] = {}
    lines: dict[int, tuple[str, str, str]] = {}
    for u, v, data in graph.edges(data=True):
        if data["kind"] != PAIR:
            continue
        (x0, y0), (x1, y1) = positions[u], positions[v]
        mids_x.append((x0 + x1) / 2)
        mids_y.append((y0 + y1) / 2)
        weight = data["weight"]
        sizes.append(3 + 2.5 * math.sqrt(weight))
        for node in (u, v):
            if node not in names:
                names[node] = _name(graph, node, lang)
        if weight not in lines:
            lines[weight] = _edge_line(lang, weight)
        before, between, after = lines[weight]
        hover.append(f"{before}{names[u]}{between}{names[v]}{after}")
    return dict(
        type="scatter",
        x=np.asarray(mids_x),
        y=np.asarray(mids_y),
        mode="markers",
        name=t("net.legend.weight", lang),
        marker={
            "size": np.asarray(sizes),
            "color": EDGE_COLOUR,
            "opacity": 0.55,
            "symbol": "diamond",
        },
        hovertext=np.asarray(hover),
        hovertemplate="%{hovertext}<extra></extra>",
    )


_A, _B = "\x00a\x00", "\x00b\x00"


def _edge_line(lang: Lang, pairs: int) -> tuple[str, str, str]:
    """The edge hover line for a count, cut around the two names: (before, between, after)."""
    text = t("net.hover.edge", lang, a=_A, b=_B, pairs=pairs)
    before, rest = text.split(_A, 1)
    between, after = rest.split(_B, 1)
    return before, between, after


def _name(graph: nx.Graph, node: str, lang: Lang) -> str:
    """A node's name in the language."""
    data = graph.nodes[node]
    return str(data.get("name_zh") if lang == "zh" else data.get("name_en")) or node


def group_of(data: Mapping[str, Any], colour_by: ColourBy) -> str:
    """The colour group of a node: 'home' or its continent; or its (pairs') level."""
    if colour_by == "continent":
        return HOME_GROUP if data.get("kind") == "home" else str(data.get("continent", ""))
    return str(data.get("level", ""))


def _groups(graph: nx.Graph, colour_by: ColourBy) -> list[tuple[str, list[str]]]:
    """Nodes by colour group, groups in legend order."""
    order = (HOME_GROUP, *CONTINENTS) if colour_by == "continent" else (*LEVELS, MIXED)
    found: dict[str, list[str]] = {}
    for node, data in graph.nodes(data=True):
        found.setdefault(group_of(data, colour_by), []).append(node)
    ranked = sorted(found, key=lambda g: (order.index(g) if g in order else len(order), g))
    return [(group, found[group]) for group in ranked]


def group_colour(group: str, colour_by: ColourBy) -> str:
    """A colour group's colour: Guangxi red for home, else the theme's (as on the map)."""
    if group == HOME_GROUP:
        return GUANGXI_RED
    if group == MIXED:
        return MIXED_LEVEL_COLOUR
    return category_colour(colour_by, group)


def group_label(group: str, colour_by: ColourBy, lang: Lang) -> str:
    """The legend name of a colour group."""
    if group == "":
        return t("net.group.unknown", lang)
    if colour_by == "continent":
        return t("net.group.home", lang) if group == HOME_GROUP else t(f"continent.{group}", lang)
    return t("net.group.mixed", lang) if group == MIXED else t(f"level.{group}", lang)


def node_size(degree: int, max_degree: int) -> float:
    """Marker size growing with the square root of degree."""
    if max_degree <= 0:
        return MIN_SIZE
    return round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(degree / max_degree), 2)


@dataclass(frozen=True)
class _NodeStyle:
    """What every node trace of one figure shares."""

    by_node: dict[str, dict[str, Any]]
    labelled: set[str]
    max_degree: int
    ego: set[str]
    selected: str | None
    colour_by: ColourBy
    lang: Lang


def _node_trace(
    graph: nx.Graph, positions: Positions, nodes: list[str], group: str, style: _NodeStyle
) -> dict[str, Any]:
    """One marker trace for a colour group; customdata holds node ids."""
    by_node, labelled, ego, lang = style.by_node, style.labelled, style.ego, style.lang
    colour_by, selected, max_degree = style.colour_by, style.selected, style.max_degree
    return dict(
        type="scatter",
        x=np.asarray([positions[n][0] for n in nodes]),
        y=np.asarray([positions[n][1] for n in nodes]),
        mode="markers+text",
        name=group_label(group, colour_by, lang),
        customdata=np.asarray(nodes),
        text=np.asarray([_name(graph, n, lang) if n in labelled else "" for n in nodes]),
        textposition="top center",
        textfont={"size": LABEL_FONT, "color": "#1b2631"},
        hovertext=np.asarray([hover_text(graph, by_node, n, lang) for n in nodes]),
        hovertemplate="%{hovertext}<extra></extra>",
        marker={
            "size": np.asarray([node_size(int(by_node[n]["degree"]), max_degree) for n in nodes]),
            "color": group_colour(group, colour_by),
            "symbol": np.asarray(
                ["diamond" if graph.nodes[n]["kind"] == "home" else "circle" for n in nodes]
            ),
            "opacity": np.asarray([1.0 if not ego or n in ego else FADED for n in nodes]),
            "line": {
                "color": HIGHLIGHT_COLOUR,
                "width": np.asarray([3 if n == selected else 0.5 for n in nodes]),
            },
        },
    )


def _labelled(graph: nx.Graph, by_node: dict[str, dict[str, Any]], ego: set[str]) -> set[str]:
    """Nodes named on the picture: the region and its cities, the ego, the biggest partners.

    In the place view only partners tied to more than one Guangxi unit are named.
    """
    if ego:
        return set(ego)
    homes = {
        n
        for n, d in graph.nodes(data=True)
        if d.get("kind") == "home" and d.get("level") in ("province", "prefecture")
    }
    partners = [n for n, row in by_node.items() if row["kind"] != "home" and row["degree"] > 1]
    if graph.graph.get("view", "place") != "place":
        partners = [n for n, row in by_node.items() if row["kind"] != "home"]
    return homes | set(partners[:LABELLED_PARTNERS])


LABEL_FONT = 12
LABEL_GAP = 6  # pixels kept between two labels (the estimate is not exact)
PLOT_PIXELS = (360, 640)
"""The plot's least width (a 1366-pixel screen, legend beside) and its height, in pixels."""


def _label_box(
    text: str, x: float, y: float, radius: float, scale: float
) -> tuple[float, float, float, float]:
    """The pixel box (left, bottom, right, top) of a label drawn centred above a marker."""
    width = sum(LABEL_FONT if ord(c) > 0x2E7F else LABEL_FONT * 0.6 for c in text) + 4
    height = LABEL_FONT * 1.3
    px, py = x * scale, y * scale + radius + 2
    gap = LABEL_GAP / 2  # half the least gap on each side
    return px - width / 2 - gap, py - gap, px + width / 2 + gap, py + height + gap


def _thin_labels(
    graph: nx.Graph,
    positions: Positions,
    by_node: dict[str, dict[str, Any]],
    wanted: set[str],
    lang: Lang,
) -> set[str]:
    """The wanted labels that fit, so that no two labels collide.

    Most-connected first; a label that would touch one already placed is left to the hover.
    Sizes are estimated for the smallest plot of a desktop screen (:data:`PLOT_PIXELS`); a
    larger plot only spreads the labels further apart.
    """
    if not wanted:
        return set()
    xs = [xy[0] for xy in positions.values()]
    ys = [xy[1] for xy in positions.values()]
    spans = (max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9))
    # x and y share one scale: the tighter of the width and the height sets it
    scale = min(PLOT_PIXELS[0] / spans[0], PLOT_PIXELS[1] / spans[1]) * 0.9
    max_degree = max((int(row["degree"]) for row in by_node.values()), default=0)
    order = sorted(wanted, key=lambda n: (-int(by_node[n]["degree"]), str(n)))
    placed: list[tuple[float, float, float, float]] = []
    kept: set[str] = set()
    for node in order:
        x, y = positions[node]
        radius = node_size(int(by_node[node]["degree"]), max_degree) / 2
        box = _label_box(_name(graph, node, lang), x, y, radius, scale)
        if any(_overlap(box, other) for other in placed):
            continue
        placed.append(box)
        kept.add(node)
    return kept


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether two (left, bottom, right, top) boxes intersect."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def hover_text(graph: nx.Graph, by_node: dict[str, dict[str, Any]], node: str, lang: Lang) -> str:
    """Hover of a node: its name, what it is, and its measures, in the language.

    ``by_node`` maps node ids to rows of the measures table.
    """
    row = by_node[node]
    lines = [f"<b>{_name(graph, node, lang)}</b>", describe_node(graph, node, lang)]
    lines.append(
        t("net.hover.degree", lang, degree=int(row["degree"]), pairs=int(row["weighted_degree"]))
    )
    lines.append(
        t("net.hover.betweenness", lang, value=format_number(float(row["betweenness"]), lang, 3))
    )
    first = row["first_label"] or t("date.unknown", lang)
    lines.append(t("net.hover.first", lang, date=first))
    return "<br>".join(lines)


def describe_node(graph: nx.Graph, node: str, lang: Lang) -> str:
    """What a node is: a Guangxi unit's level, a partner's country, a country's continent."""
    data = graph.nodes[node]
    kind = data.get("kind")
    if kind == "home":
        return t("net.kind.home", lang, level=t(f"level.{data.get('level', 'county')}", lang))
    if kind == "partner":
        country = graph.graph.get("countries", {}).get(data.get("country_iso3", ""), {})
        return t("net.kind.partner", lang, country=country.get(lang) or data.get("country_iso3"))
    continent = data.get("continent", "")
    where = t(f"continent.{continent}", lang) if continent in CONTINENTS else continent
    return t(f"net.kind.{kind}", lang, continent=where)


def _layout(lang: Lang, approximate: bool) -> dict[str, Any]:
    """Axes off, equal scale, legend under the title, a stable uirevision, room for a projector."""
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    return {
        "template": default_template(TEMPLATE),  # what update_layout(template=...) made
        "height": NETWORK_HEIGHT,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "xaxis": hidden,
        "yaxis": {**hidden, "scaleanchor": "x", "scaleratio": 1},
        # across, under the title: beside the graph it left a phone's graph 140 px wide
        "legend": legend_under_title(NETWORK_HEIGHT),
        "hovermode": "closest",
        "dragmode": "pan",
        "uirevision": "network",
        "font": {"size": 14},
        "meta": {"approximate": approximate, "lang": lang},
    }


def picked_node(event: object) -> str | None:
    """The node id of the first clicked node in a Streamlit selection event (None if none).

    Points without a node id (edge midpoints) are skipped.
    """
    selection = _get(event, "selection")
    for point in _get(selection, "points") or []:
        value = _get(point, "customdata")
        if isinstance(value, list | tuple):
            value = value[0] if value else None
        if isinstance(value, str) and value:
            return value
    return None


def _get(value: object, key: str) -> Any:
    """Item or attribute access for Streamlit's dict-like event objects."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        return value.get(key)
    return getattr(value, key, None)
