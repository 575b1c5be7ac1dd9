"""Figures of the alliance page: a map and a network graph of college ties, coloured by field.

Pure functions: tables in, ``go.Figure`` out, never Streamlit. The map draws every tie in ONE
line trace with ``None`` gaps; field colours sit on a marker at each tie's midpoint.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from geo.spatial import arc_lines, great_circle
from sistercities.alliance.ties import colleges
from sistercities.contract.schema import Lang
from sistercities.figures.basemap import maritime_trace, offline_geo
from sistercities.figures.theme import (
    FIELD_PALETTE,
    GUANGXI_RED,
    PARTNER_COLOUR,
    UNKNOWN_COLOUR,
    WHITE_TEMPLATE,
    legend_under_title,
)
from sistercities.i18n import pick, t

GUANGXI_COLOUR = GUANGXI_RED
FOREIGN_COLOUR = PARTNER_COLOUR
LINE_COLOUR = "#5b6270"
_JITTER_DEG = 0.35
TEMPLATE = WHITE_TEMPLATE
MAP_HEIGHT = 640  # pixels, before the note's band
_LABEL_CHARS = 30


def field_colours(field_ids: list[str]) -> dict[str, str]:
    """A colour per field id, in order ('' — no field given — is grey)."""
    colours = {f: FIELD_PALETTE[i % len(FIELD_PALETTE)] for i, f in enumerate(field_ids)}
    colours[""] = UNKNOWN_COLOUR
    return colours


def member_points(members: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """College members at their place's coordinates, spread on a small ring when they share one.

    Returns: members' columns plus lat, lon, country_iso3, place_zh, place_en (members whose
    place has no coordinates get NaN).
    """
    place = places.set_index("place_id")
    frame = colleges(members).copy()
    known = frame["place_id"].isin(place.index)
    lookup = frame["place_id"].where(known)
    for column, source in (
        ("lat", "lat"),
        ("lon", "lon"),
        ("country_iso3", "country_iso3"),
        ("place_zh", "name_zh"),
        ("place_en", "name_en"),
    ):
        frame[column] = lookup.map(place[source])
    order = frame.groupby("place_id").cumcount()
    size = frame.groupby("place_id")["place_id"].transform("size")
    angle = 2 * math.pi * order / size
    spread = (size > 1) * _JITTER_DEG
    frame["lat"] = frame["lat"] + spread * angle.map(math.sin)
    frame["lon"] = frame["lon"] + spread * angle.map(math.cos)
    return frame


def _midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """The great-circle midpoint of two points (degrees)."""
    lons, lats = great_circle(lon1, lat1, lon2, lat2, 3)
    return lats[1], lons[1]


def college_ends(points: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Member id -> (lat, lon) of the colleges that have coordinates."""
    located = points.dropna(subset=["lat", "lon"])
    return dict(
        zip(located["member_id"], zip(located["lat"], located["lon"], strict=True), strict=True)
    )


def tie_fields(ties: pd.DataFrame) -> dict[tuple[str, str], tuple[str, ...]]:
    """(Guangxi member, foreign member) -> the sorted fields its ties carry ('' for none).

    Pairs of colleges come in sorted order (plain Python: a pandas group-by per filter cost
    more than drawing the few ties).
    """
    found: dict[tuple[str, str], set[str]] = {}
    for g_id, f_id, field in zip(
        ties["guangxi_member_id"], ties["foreign_member_id"], ties["field_id"], strict=True
    ):
        found.setdefault((g_id, f_id), set()).add(field)
    return {pair: tuple(sorted(found[pair])) for pair in sorted(found)}


def tie_segments(ties: pd.DataFrame, ends: dict[str, tuple[float, float]]) -> pd.DataFrame:
    """One row per college pair with a tie: both ends' coordinates and the fields it carries.

    ``ends`` is :func:`college_ends` of the members' points.
    Returns: DataFrame with columns guangxi_member_id, foreign_member_id, fields (sorted tuple,
    '' for no field), lat0, lon0, lat1, lon1, mid_lat, mid_lon; pairs without coordinates dropped.
    """
    columns = ["guangxi_member_id", "foreign_member_id", "fields"]
    columns += ["lat0", "lon0", "lat1", "lon1", "mid_lat", "mid_lon"]
    rows = []
    for (g_id, f_id), fields in tie_fields(ties).items():
        if g_id in ends and f_id in ends:
            (lat0, lon0), (lat1, lon1) = ends[g_id], ends[f_id]
            rows.append(
                (g_id, f_id, fields, lat0, lon0, lat1, lon1, *_midpoint(lat0, lon0, lat1, lon1))
            )
    return pd.DataFrame(rows, columns=columns)


def _field_label(field_id: str, names: dict[str, str], lang: Lang) -> str:
    """A field's display name ('field not given' for '')."""
    return names.get(field_id, field_id) if field_id else t("alliance.field_none", lang)


def _member_label(row: dict | pd.Series, lang: Lang) -> str:
    """A member's display name."""
    return pick(str(row["name_zh"]), str(row["name_en"]), lang)


def _hover(points: pd.DataFrame, names: dict[str, str], lang: Lang) -> list[str]:
    """Hover text of college markers: name, city and country, fields."""
    sep = "、" if lang == "zh" else ", "
    texts = []
    for row in points.to_dict("records"):
        place = pick(str(row["place_zh"] or ""), str(row["place_en"] or ""), lang)
        country = names.get(str(row["country_iso3"]), str(row["country_iso3"]))
        fields = [names.get(f, f) for f in str(row["fields"]).split(";") if f.strip()]
        lines = [f"<b>{_member_label(row, lang)}</b>", f"{place} · {country}"]
        lines.append(sep.join(fields) if fields else t("alliance.field_none", lang))
        texts.append("<br>".join(lines))
    return texts


def _college_trace(
    points: pd.DataFrame, side: str, names: dict[str, str], lang: Lang, geo: bool
) -> dict[str, Any]:
    """The markers of one side's colleges (a trace dict)."""
    chosen = points.loc[points["side"] == side]
    colour = GUANGXI_COLOUR if side == "guangxi" else FOREIGN_COLOUR
    common = {
        "mode": "markers",
        "name": t(f"alliance.legend.{side}", lang),
        "marker": {"size": 11, "color": colour, "line": {"width": 1, "color": "white"}},
        "hovertext": _hover(chosen, names, lang),
        "hoverinfo": "text",
        "customdata": list(chosen["member_id"]),
    }
    if geo:
        return {
            "type": "scattergeo",
            "lat": list(chosen["lat"]),
            "lon": list(chosen["lon"]),
            **common,
        }
    return {"type": "scatter", "x": list(chosen["x"]), "y": list(chosen["y"]), **common}


def ties_map(
    members: pd.DataFrame,
    ties: pd.DataFrame,
    places: pd.DataFrame,
    countries: list[str],
    highlight: list[str],
    field_ids: list[str],
    names: dict[str, str],
    lang: Lang,
) -> go.Figure:
    """:func:`ties_map_spec` as a validated plotly figure (tests and downloads)."""
    return go.Figure(
        ties_map_spec(members, ties, places, countries, highlight, field_ids, names, lang)
    )


def ties_map_spec(
    members: pd.DataFrame,
    ties: pd.DataFrame,
    places: pd.DataFrame,
    countries: list[str],
    highlight: list[str],
    field_ids: list[str],
    names: dict[str, str],
    lang: Lang,
    points: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """World map of college ties: colleges in their cities, ties as lines, fields as colours.

    ``countries`` are the ISO3 codes drawn on the base map (the topojson's ``countries``);
    ``highlight`` (the alliance's countries) are shaded. Traces: the base choropleth, China's
    maritime boundary line, ONE line trace of every tie (great-circle arcs), one midpoint-marker
    trace per field present, then Guangxi and foreign college markers. ``points``, when given,
    is :func:`member_points` of ``members`` and ``places`` already computed.
    """
    if points is None:
        points = member_points(members, places)
    return map_of_ties(map_parts(points, countries, highlight, field_ids, names, lang), ties)


@dataclass(frozen=True, eq=False)
class MapParts:
    """What the ties map draws whatever the filter: base map, colleges, frame (read-only)."""

    fixed: list[dict[str, Any]]  # the base choropleth and China's maritime line
    colleges: list[dict[str, Any]]  # Guangxi, then foreign college markers
    ends: dict[str, tuple[float, float]]  # :func:`college_ends`
    colours: dict[str, str]
    names: dict[str, str]
    lang: Lang
    layout: dict[str, Any]


def map_parts(
    points: pd.DataFrame,
    countries: list[str],
    highlight: list[str],
    field_ids: list[str],
    names: dict[str, str],
    lang: Lang,
) -> MapParts:
    """The filter-free parts of :func:`ties_map_spec` (``points``: :func:`member_points`)."""
    points = points.dropna(subset=["lat", "lon"])
    layout = {
        "template": TEMPLATE,
        "height": MAP_HEIGHT,
        "margin": {"l": 0, "r": 0, "t": 110, "b": 0},
        "legend": legend_under_title(MAP_HEIGHT),
        "uirevision": "alliance-map",
        "geo": _geo_layout(points),
    }
    return MapParts(
        fixed=[_base_trace(countries, highlight), maritime_trace(lang)],
        colleges=[_college_trace(points, side, names, lang, geo=True) for side in _SIDES],
        ends=college_ends(points),
        colours=field_colours(field_ids),
        names=names,
        lang=lang,
        layout=layout,
    )


def map_of_ties(parts: MapParts, ties: pd.DataFrame) -> dict[str, Any]:
    """The ties map of ``ties`` on prebuilt ``parts`` (the traces of ``parts`` are shared)."""
    segments = tie_segments(ties, parts.ends)
    data = [*parts.fixed, _lines_trace(segments, parts.lang)]
    for field_id in _fields_present(segments, parts.colours):
        data.append(_midpoint_trace(segments, field_id, parts.colours, parts.names, parts.lang))
    return {"data": [*data, *parts.colleges], "layout": dict(parts.layout)}


_SIDES = ("guangxi", "foreign")


def _fields_present(segments: pd.DataFrame, colours: dict[str, str]) -> list[str]:
    """Fields carried by the drawn ties, in palette order."""
    present = {f for fields in segments["fields"] for f in fields}
    return [f for f in colours if f in present]


def _base_trace(countries: list[str], highlight: list[str]) -> dict[str, Any]:
    """Every country in a light tint, the alliance's countries a shade darker."""
    marked = set(highlight)
    return dict(
        type="choropleth",
        locations=countries,
        locationmode="ISO-3",
        z=[1 if code in marked else 0 for code in countries],
        zmin=0,
        zmax=1,
        colorscale=[[0, "#eceff3"], [1, "#cfd8e6"]],
        showscale=False,
        marker={"line": {"color": "#ffffff", "width": 0.5}},
        hoverinfo="skip",
        name="",
        showlegend=False,
    )


def _lines_trace(segments: pd.DataFrame, lang: Lang) -> dict[str, Any]:
    """All ties in one line trace of great-circle arcs, separated by ``None``."""
    ends = zip(segments["lon0"], segments["lat0"], segments["lon1"], segments["lat1"], strict=True)
    lon, lat = arc_lines(ends, 16)
    return dict(
        type="scattergeo",
        lat=lat,
        lon=lon,
        mode="lines",
        line={"width": 1.6, "color": LINE_COLOUR},
        opacity=0.7,
        hoverinfo="skip",
        name=t("alliance.legend.tie", lang),
    )


def _midpoint_trace(
    segments: pd.DataFrame, field_id: str, colours: dict[str, str], names: dict, lang: Lang
) -> dict[str, Any]:
    """Midpoint markers of the ties that carry ``field_id``."""
    chosen = segments.loc[segments["fields"].map(lambda f: field_id in f)]
    label = _field_label(field_id, names, lang)
    return dict(
        type="scattergeo",
        lat=list(chosen["mid_lat"]),
        lon=list(chosen["mid_lon"]),
        mode="markers",
        marker={"size": 8, "color": colours[field_id], "symbol": "diamond"},
        name=label,
        hovertext=[label] * len(chosen),
        hoverinfo="text",
    )


def _geo_layout(points: pd.DataFrame) -> dict:
    """Geo settings for the offline topojson (countries only) framed on the colleges."""
    layout = offline_geo({"type": "natural earth"})
    if points.empty:
        return layout
    lat_low, lat_high = points["lat"].min() - 8, points["lat"].max() + 8
    lon_low, lon_high = points["lon"].min() - 12, points["lon"].max() + 12
    if lon_high - lon_low < 60:
        middle = (lon_low + lon_high) / 2
        lon_low, lon_high = middle - 30, middle + 30
    layout["lataxis"] = {"range": [max(-90, lat_low), min(90, lat_high)]}
    layout["lonaxis"] = {"range": [max(-180, lon_low), min(180, lon_high)]}
    return layout


def network_positions(points: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Two columns: Guangxi colleges on the left by city, foreign ones on the right by country.

    Returns: ``points`` plus x, y.
    """
    frames = []
    for side, x in (("guangxi", 0.0), ("foreign", 1.0)):
        chosen = points.loc[points["side"] == side].copy()
        chosen["place_label"] = [
            pick(str(a or ""), str(b or ""), lang)
            for a, b in zip(chosen["place_zh"], chosen["place_en"], strict=True)
        ]
        chosen = chosen.sort_values(["country_iso3", "place_label", "member_id"])
        count = len(chosen)
        chosen["x"] = x
        chosen["y"] = [1 - i / max(1, count - 1) if count > 1 else 0.5 for i in range(count)]
        frames.append(chosen)
    return pd.concat(frames, ignore_index=True)


def ties_network(
    members: pd.DataFrame,
    ties: pd.DataFrame,
    places: pd.DataFrame,
    field_ids: list[str],
    names: dict[str, str],
    lang: Lang,
) -> go.Figure:
    """:func:`ties_network_spec` as a validated plotly figure (tests and downloads)."""
    return go.Figure(ties_network_spec(members, ties, places, field_ids, names, lang))


def ties_network_spec(
    members: pd.DataFrame,
    ties: pd.DataFrame,
    places: pd.DataFrame,
    field_ids: list[str],
    names: dict[str, str],
    lang: Lang,
    points: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """Network graph of college ties: one edge trace per field (legend = field colours).

    Colleges without a tie stay in their column, so the graph also shows who carries none.
    ``points``, when given, is :func:`member_points` of ``members`` and ``places``.
    """
    if points is None:
        points = member_points(members, places)
    return network_of_ties(network_parts(points, field_ids, names, lang), ties)


@dataclass(frozen=True, eq=False)
class NetworkParts:
    """What the ties network draws whatever the filter: the colleges in two columns."""

    where: dict[str, tuple[float, float]]  # member id -> (x, y)
    colleges: list[dict[str, Any]]  # Guangxi, then foreign college markers with labels
    colours: dict[str, str]
    names: dict[str, str]
    lang: Lang
    layout: dict[str, Any]


def network_parts(
    points: pd.DataFrame, field_ids: list[str], names: dict[str, str], lang: Lang
) -> NetworkParts:
    """The filter-free parts of :func:`ties_network_spec` (``points``: :func:`member_points`)."""
    points = network_positions(points, lang)
    where = dict(zip(points["member_id"], zip(points["x"], points["y"], strict=True), strict=True))
    colleges = []
    for side, position in zip(_SIDES, ("middle left", "middle right"), strict=True):
        trace = _college_trace(points, side, names, lang, geo=False)
        chosen = points.loc[points["side"] == side]
        trace.update(
            mode="markers+text",
            text=[_short(_member_label(row, lang)) for row in chosen.to_dict("records")],
            textposition=position,
        )
        colleges.append(trace)
    rows = max(1, int(points["side"].value_counts().max()) if not points.empty else 1)
    height = max(420, 24 * rows + 120)
    layout = {
        "template": TEMPLATE,
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 110, "b": 10},
        "xaxis": {"visible": False, "range": [-1.1, 2.1], "fixedrange": True},
        "yaxis": {"visible": False, "range": [-0.08, 1.08], "fixedrange": True},
        # above the plot in paper units, in its 110-px top margin (the "_scrollZoom" console
        # error once blamed on pinning it comes from the alliance map being remounted while
        # its base map downloads: tests/browser/test_alliance_browser.py)
        "legend": {"orientation": "h", "x": 0, "y": 1.01, "yanchor": "bottom"},
        "uirevision": "alliance-network",
    }
    return NetworkParts(where, colleges, field_colours(field_ids), names, lang, layout)


def network_of_ties(parts: NetworkParts, ties: pd.DataFrame) -> dict[str, Any]:
    """The ties network of ``ties`` on prebuilt ``parts`` (the traces of ``parts`` are shared)."""
    where = parts.where
    edges: dict[str, dict[tuple[str, str], None]] = {}  # field -> college pairs, in tie order
    for g_id, f_id, field in zip(
        ties["guangxi_member_id"], ties["foreign_member_id"], ties["field_id"], strict=True
    ):
        if g_id in where and f_id in where:
            edges.setdefault(field, {})[(g_id, f_id)] = None
    data: list[dict[str, Any]] = []
    for field_id in [f for f in parts.colours if f in edges]:
        xs: list[float | None] = []
        ys: list[float | None] = []
        for g_id, f_id in edges[field_id]:
            (x0, y0), (x1, y1) = where[g_id], where[f_id]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
        data.append(
            dict(
                type="scatter",
                x=xs,
                y=ys,
                mode="lines",
                line={"width": 1.4, "color": parts.colours[field_id]},
                opacity=0.75,
                name=_field_label(field_id, parts.names, parts.lang),
                hoverinfo="skip",
            )
        )
    return {"data": [*data, *parts.colleges], "layout": dict(parts.layout)}


def _short(text: str) -> str:
    """A label cut to fit beside a node."""
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"
