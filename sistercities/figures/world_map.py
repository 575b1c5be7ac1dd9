"""The world map of the pairs: pure figure builders (no Streamlit).

Boundaries never travel inside a figure: countries, land and ocean come from the world
topojson the app serves itself (``config={"topojsonURL": "app/static/"}``), and countries are
shaded with ``locationmode="ISO-3"``. The figure carries only traces: one line trace of
great-circle arcs separated by ``None`` gaps, marker traces for both ends (``customdata`` is
``[kind, id]``, ``kind`` being ``"place"`` or ``"country"``), China's maritime boundary line,
and the choropleths. Above :data:`AGGREGATE_ABOVE` drawable pairs the arcs and partner
markers are drawn per partner country instead of per pair (the page says so).
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from geo.spatial import arc_lines
from sistercities.contract.schema import CONTINENTS, LEVELS, Lang
from sistercities.counts import first_rows
from sistercities.exports import stamp_figure, stamp_spec
from sistercities.figures.basemap import maritime_trace, offline_geo
from sistercities.figures.theme import (
    FONT,
    GUANGXI_RED,
    category_colour,
    colorbar_under_plot,
    default_template,
    legend_under_title,
)
from sistercities.i18n import format_number, t

ColourBy = Literal["continent", "level"]
COLOUR_BY: tuple[ColourBy, ...] = ("continent", "level")
# Winkel tripel: a whole world 0.61 times as tall as wide, so on a phone, where the width sets the
# size, the map is tall enough to read (natural earth was 0.52: 186 px of a 358-px-wide map)
PROJECTION_TYPES = {"flat": "winkel tripel", "globe": "orthographic"}
AGGREGATE_ABOVE = 2_000
MAP_HEIGHT = 680  # pixels, before the note's band
ARC_POINTS = 6  # d3-geo draws each step along the great circle; more points only add bytes
UIREVISION = "sistercities.map"
COORDINATES = ["home_lat", "home_lon", "partner_lat", "partner_lon"]
HOVER_LINES = 6
LINE_COLOUR = "rgba(31, 95, 168, 0.55)"
FADED_COLOUR = "rgba(140, 146, 158, 0.25)"
HIGHLIGHT_COLOUR = "#e08a00"


@dataclass(frozen=True)
class MapView:
    """How the map is drawn: colour key, projection, selected place and the home centre."""

    colour_by: ColourBy = "continent"
    projection: str = "flat"
    selected: str | None = None
    centre: tuple[float, float] = (108.3, 22.8)


def split_located(links: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Links whose two ends have coordinates, and those that cannot be drawn."""
    located = links[COORDINATES].notna().all(axis=1)
    return links.loc[located], links.loc[~located]


def is_aggregated(drawable_count: int) -> bool:
    """True when the map shows pairs per partner country rather than one by one."""
    return drawable_count > AGGREGATE_ABOVE


def selection_mask(links: pd.DataFrame, selected: str | None) -> pd.Series:
    """The selected place's own pairs (it is the Guangxi or the partner end)."""
    if not selected:
        return pd.Series(False, index=links.index)
    return (links["home_place_id"] == selected) | (links["partner_place_id"] == selected)


def _name(links: pd.DataFrame, side: str, lang: Lang) -> pd.Series:
    """A place name column in ``lang``, falling back to the other language."""
    first, second = (f"{side}_name_zh", f"{side}_name_en")
    if lang == "en":
        first, second = second, first
    return links[first].where(links[first].fillna("") != "", links[second]).fillna("")


def _source(links: pd.DataFrame) -> pd.Series:
    """Each pair's source: its URL (shortened) or its note."""
    url = links["source_url"].fillna("")
    text = url.where(url != "", links["source_note"].fillna(""))
    return text.map(lambda s: s if len(s) <= 60 else s[:59] + "…")


def pair_hover(links: pd.DataFrame, lang: Lang) -> pd.Series:
    """One hover block per pair: both names, country, level, date, source and confidence."""
    country = links["country_zh"] if lang == "zh" else links["country_en"]
    unknown = t("date.unknown", lang)
    dates = links["established"].fillna("").where(links["dated"], unknown)
    parts = zip(
        _name(links, "home", lang),
        _name(links, "partner", lang),
        country,
        links["level"],
        dates,
        _source(links),
        links["confidence"],
        strict=True,
    )
    return pd.Series(
        [
            t(
                "map.hover.pair",
                lang,
                home=html.escape(home),
                partner=html.escape(partner),
                country=html.escape(str(nation)),
                level=t(f"level.{level}", lang),
                date=html.escape(str(date)),
                source=html.escape(source),
                confidence=t(f"confidence.{confidence}", lang),
            )
            for home, partner, nation, level, date, source, confidence in parts
        ],
        index=links.index,
        dtype=object,
    )


def joined_blocks(blocks: list[str], lang: Lang) -> str:
    """A marker's hover: its first :data:`HOVER_LINES` blocks in order, then a count of the rest."""
    if len(blocks) > HOVER_LINES:
        more = t("map.hover.more", lang, count=len(blocks) - HOVER_LINES)
        blocks = [*blocks[:HOVER_LINES], more]
    return "<br>—<br>".join(blocks)


def _category_order(colour_by: ColourBy) -> list[str]:
    """Legend order of the partner categories."""
    return [*CONTINENTS, ""] if colour_by == "continent" else list(LEVELS)


def _category_name(colour_by: ColourBy, value: str, lang: Lang) -> str:
    """A category's name in the legend."""
    if not value:
        return t("map.other", lang)
    return t(f"{colour_by}.{value}", lang)


def _category_colour(colour_by: ColourBy, value: str) -> str:
    """A category's colour (the theme's, shared with every page)."""
    return category_colour(colour_by, value)


def country_points(
    links: pd.DataFrame, label_points: dict[str, tuple[float, float]]
) -> pd.DataFrame:
    """One point per partner country: its label point, else the mean of its partners.

    Returns: DataFrame indexed by ISO3 with columns lon, lat.
    """
    mean = links.groupby("country_iso3")[["partner_lon", "partner_lat"]].mean()
    mean = mean.set_axis(["lon", "lat"], axis=1)
    labels = pd.DataFrame.from_dict(label_points, orient="index", columns=["lon", "lat"])
    return labels.reindex(mean.index).fillna(mean)


@dataclass(frozen=True)
class Markers:
    """The partner markers of one colour category, in key order (``kind``: place or country)."""

    keys: list[str]
    counts: list[int]
    lons: list[float]
    lats: list[float]
    hovers: list[str]
    kind: str


def place_markers(links: pd.DataFrame, lang: Lang, colour_by: ColourBy) -> dict[str, Markers]:
    """Per colour category, one marker per partner place: its pairs' hover blocks joined.

    Plain Python over the few columns it reads: up to :data:`AGGREGATE_ABOVE` pairs, where a
    pandas group-by per category (copying every column of the links) cost most of the map.
    """
    rows = zip(
        links[colour_by].fillna("").to_numpy(),
        links["partner_place_id"].to_numpy(),
        links["partner_lon"].to_numpy(),
        links["partner_lat"].to_numpy(),
        pair_hover(links, lang),
        strict=True,
    )
    found: dict[str, dict[str, tuple[float, float, list[str]]]] = {}
    for category, place, lon, lat, text in rows:
        places = found.setdefault(category, {})
        if place in places:
            places[place][2].append(text)
        else:
            places[place] = (lon, lat, [text])
    markers = {}
    for category, places in found.items():
        keys = sorted(places)
        markers[category] = Markers(
            keys=keys,
            counts=[len(places[k][2]) for k in keys],
            lons=[float(places[k][0]) for k in keys],
            lats=[float(places[k][1]) for k in keys],
            hovers=[joined_blocks(places[k][2], lang) for k in keys],
            kind="place",
        )
    return markers


def country_markers(
    links: pd.DataFrame,
    lang: Lang,
    colour_by: ColourBy,
    label_points: dict[str, tuple[float, float]],
) -> dict[str, Markers]:
    """Per colour category, one marker per partner country at its label point."""
    points = country_points(links, label_points)
    name = "country_zh" if lang == "zh" else "country_en"
    columns = ["country_iso3", name, "partner_place_id"]
    narrow = links[columns].assign(category=links[colour_by].fillna(""))
    markers = {}
    for category, part in narrow.groupby("category", sort=False):
        grouped = part.groupby("country_iso3", sort=True)
        count = grouped.size()
        names = grouped[name].first()
        places = grouped["partner_place_id"].nunique()
        keys = [str(k) for k in count.index]
        markers[str(category)] = Markers(
            keys=keys,
            counts=[int(c) for c in count],
            lons=points.loc[keys, "lon"].tolist(),
            lats=points.loc[keys, "lat"].tolist(),
            hovers=[
                t("map.hover.country", lang, country=html.escape(str(n)), pairs=c, places=p)
                for n, c, p in zip(names, count, places, strict=True)
            ],
            kind="country",
        )
    return markers


def _marker_size(count: list[int], aggregated: bool, largest: int) -> list[float]:
    """Marker diameters in pixels: by pairs per place, or scaled to the largest country."""
    values = np.asarray(count, dtype=float)
    by_country = 5 + 20 * (values / max(largest, 1)) ** 0.5
    return (by_country if aggregated else 6 + values**0.5 * 1.5).round(1).tolist()


def partner_traces(
    links: pd.DataFrame,
    lang: Lang,
    view: MapView,
    aggregated: bool,
    label_points: dict[str, tuple[float, float]],
) -> list[dict]:
    """Partner markers, one trace per colour category (so the legend names each)."""
    related = _related_places(links, view.selected)
    if aggregated:
        markers = country_markers(links, lang, view.colour_by, label_points)
        largest = int(links["country_iso3"].value_counts().max())  # over every category
    else:
        markers = place_markers(links, lang, view.colour_by)
        largest = 1
    traces = []
    for value in _category_order(view.colour_by):
        group = markers.get(value)
        if group is None:
            continue
        opacity = [1.0 if not related or key in related else 0.3 for key in group.keys]
        name = _category_name(view.colour_by, value, lang)
        traces.append(
            dict(
                type="scattergeo",
                lon=group.lons,
                lat=group.lats,
                mode="markers",
                marker={
                    "size": _marker_size(group.counts, aggregated, largest),
                    "color": _category_colour(view.colour_by, value),
                    "opacity": opacity,
                    "line": {"color": "#ffffff", "width": 0.8},
                },
                customdata=[[group.kind, key] for key in group.keys],
                hovertext=group.hovers,
                hovertemplate="%{hovertext}<extra></extra>",
                name=t("map.legend.partners", lang, category=name, pairs=sum(group.counts)),
                unselected={"marker": {"opacity": 1.0}},
            )
        )
    return traces


def _related_places(links: pd.DataFrame, selected: str | None) -> set[str]:
    """Place ids (and countries) at either end of the selected place's pairs."""
    chosen = links.loc[selection_mask(links, selected)]
    if chosen.empty:
        return set()
    ends = set(chosen["home_place_id"]) | set(chosen["partner_place_id"])
    return ends | set(chosen["country_iso3"])


@dataclass(frozen=True)
class HomeCount:
    """A Guangxi place's pairs as every page counts them (its counties' included)."""

    pairs: int
    counties: int  # pairs held by its counties
    undrawn: int  # pairs not drawn: a location is unknown


def home_counts(links: pd.DataFrame) -> dict[str, HomeCount]:
    """Per Guangxi place, its pairs as every page counts them, drawn or not.

    A prefecture's include its counties' (as the overview's top list and the close-up).
    Counted with ``Counter`` over numpy arrays (four pandas group-bys cost more).
    """
    home = links["home_place_id"].to_numpy()
    prefecture = links["home_prefecture_id"].fillna("").to_numpy()
    undrawn = ~links[COORDINATES].notna().all(axis=1).to_numpy()
    county = (home != prefecture) & (prefecture != "")  # its pairs count for its prefecture
    own, counties = Counter(home), Counter(prefecture[county])
    lost = Counter(home[undrawn]) + Counter(prefecture[county & undrawn])
    return {
        place: HomeCount(own[place] + counties[place], counties[place], lost[place])
        for place in own.keys() | counties.keys()
    }


def _home_hover(name: str, level: str, counts: HomeCount, lang: Lang) -> str:
    """One Guangxi marker's hover: its pairs as every page counts them, and what that holds."""
    text = t("map.hover.home", lang, name=html.escape(name), level=level, pairs=counts.pairs)
    if counts.counties:
        text += t("map.hover.home_counties", lang, count=counts.counties)
    if counts.undrawn:
        text += t("map.hover.home_undrawn", lang, count=counts.undrawn)
    return text


def home_trace(
    links: pd.DataFrame,
    lang: Lang,
    selected: str | None,
    totals: dict[str, HomeCount] | None = None,
) -> dict:
    """Guangxi-side markers: region, prefecture cities and counties holding shown pairs.

    ``totals`` (:func:`home_counts` of all the shown pairs, drawn or not) gives the counts in
    the hover; without it, those of ``links``.
    """
    ids = links["home_place_id"].to_numpy()
    first = first_rows(ids)  # place -> its first row
    places = sorted(first)
    rows = [first[place] for place in places]
    names, levels, lons, lats = (
        links[column].to_numpy()[rows]
        for column in (
            "home_name_zh" if lang == "zh" else "home_name_en",
            "level",
            "home_lon",
            "home_lat",
        )
    )
    count = Counter(ids)
    related = _related_places(links, selected)
    totals = home_counts(links) if totals is None else totals
    hover = [
        _home_hover(str(n), t(f"level.{v}", lang), totals[place], lang)
        for place, n, v in zip(places, names, levels, strict=True)
    ]
    sizes = 7 + np.asarray([count[place] for place in places], dtype=float) ** 0.5 * 1.5
    return dict(
        type="scattergeo",
        lon=lons.tolist(),
        lat=lats.tolist(),
        mode="markers",
        marker={
            "size": sizes.round(1).tolist(),
            "color": GUANGXI_RED,
            "symbol": "diamond",
            "opacity": [1.0 if not related or p in related else 0.35 for p in places],
            "line": {"color": "#ffffff", "width": 1},
        },
        customdata=[["place", place] for place in places],
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        name=t("map.legend.home", lang, places=len(places)),
        unselected={"marker": {"opacity": 1.0}},
    )


def segment_ends(
    links: pd.DataFrame,
    aggregated: bool,
    centre: tuple[float, float],
    label_points: dict[str, tuple[float, float]],
) -> list[tuple[float, float, float, float]]:
    """``(lon1, lat1, lon2, lat2)`` per drawn arc: one per pair, or one per country."""
    if not aggregated:
        columns = ["home_lon", "home_lat", "partner_lon", "partner_lat"]
        return [tuple(row) for row in links[columns].itertuples(index=False, name=None)]
    points = country_points(links, label_points)
    return [(centre[0], centre[1], lon, lat) for lon, lat in points[["lon", "lat"]].to_numpy()]


def line_trace(
    ends: list[tuple[float, float, float, float]], name: str, colour: str, width: float
) -> dict:
    """Great-circle arcs as ONE line trace, arcs separated by ``None`` (no hover, no clicks)."""
    lons, lats = arc_lines(ends, ARC_POINTS)
    return dict(
        type="scattergeo",
        lon=lons,
        lat=lats,
        mode="lines",
        line={"color": colour, "width": width},
        hoverinfo="skip",
        name=name,
        connectgaps=False,
    )


def link_traces(
    links: pd.DataFrame,
    lang: Lang,
    view: MapView,
    aggregated: bool,
    label_points: dict[str, tuple[float, float]],
) -> list[dict]:
    """The pairs' line trace; with a selection, the rest faded and the selection on top."""
    chosen = selection_mask(links, view.selected)
    rest = links.loc[~chosen]
    key = "map.legend.lines_by_country" if aggregated else "map.legend.lines"
    colour = FADED_COLOUR if chosen.any() else LINE_COLOUR
    ends = segment_ends(rest, aggregated, view.centre, label_points)
    traces = [line_trace(ends, t(key, lang, count=len(ends)), colour, 1.0)]
    if chosen.any():
        picked = segment_ends(links.loc[chosen], False, view.centre, label_points)
        name = t("map.legend.selected", lang, count=len(picked))
        traces.append(line_trace(picked, name, HIGHLIGHT_COLOUR, 2.4))
    return traces


def country_traces(links: pd.DataFrame, country_codes: list[str], lang: Lang) -> list[dict]:
    """Every country as a shape (China tinted as home), and partner countries by pair count."""
    codes = sorted(set(country_codes))
    base = dict(
        type="choropleth",
        locations=codes,
        z=[1 if code == "CHN" else 0 for code in codes],
        locationmode="ISO-3",
        colorscale=[[0, "#e6e9ef"], [1, "#f6d5da"]],
        zmin=0,
        zmax=1,
        showscale=False,
        marker={"line": {"color": "#ffffff", "width": 0.4}},
        hoverinfo="skip",
        showlegend=False,
    )
    counts = links.groupby("country_iso3").size()
    names = links.groupby("country_iso3")["country_zh" if lang == "zh" else "country_en"].first()
    shaded = dict(
        type="choropleth",
        locations=list(counts.index),
        z=[int(c) for c in counts],
        locationmode="ISO-3",
        colorscale=[[0, "#d6e4f2"], [1, "#1f5fa8"]],
        zmin=0,
        marker={"line": {"color": "#ffffff", "width": 0.4}},
        colorbar=colorbar_under_plot(t("map.legend.country_pairs", lang), 0.3),
        text=[html.escape(str(n)) for n in names],
        hovertemplate=t("map.hover.country_shade", lang, country="%{text}", pairs="%{z}")
        + "<extra></extra>",
        name=t("map.legend.country_pairs", lang),
    )
    return [base, shaded]


Frame = tuple[float, float, float, float]
"""A map frame in degrees: west, east, south, north."""
WHOLE_WORLD_SPAN = (150.0, 90.0)  # wider (lon) or taller (lat) than this: show the whole world
MIN_FRAME_SPAN = (40.0, 24.0)  # a frame never zooms in further than this (lon, lat)
FRAME_ASPECT = 2.2  # degrees of longitude per degree of latitude that fill the map's wide box


def frame_of(drawable: pd.DataFrame) -> Frame | None:
    """The frame that holds every drawn place of ``drawable`` (Guangxi included), or None.

    None means the whole world: the drawn places spread too far for a closer frame (or there
    are none). A frame is padded and never smaller than :data:`MIN_FRAME_SPAN`.
    """
    lons = pd.concat([drawable["home_lon"], drawable["partner_lon"]]).dropna()
    lats = pd.concat([drawable["home_lat"], drawable["partner_lat"]]).dropna()
    if lons.empty:
        return None
    west, east, south, north = lons.min(), lons.max(), lats.min(), lats.max()
    if east - west > WHOLE_WORLD_SPAN[0] or north - south > WHOLE_WORLD_SPAN[1]:
        return None
    lon_span = max((east - west) * 1.3, MIN_FRAME_SPAN[0])
    lat_span = max((north - south) * 1.3, MIN_FRAME_SPAN[1])
    lon_span = max(lon_span, lat_span * FRAME_ASPECT)  # as wide as the map's box
    lon_mid, lat_mid = (west + east) / 2, (south + north) / 2
    return (
        round(float(max(-180.0, lon_mid - lon_span / 2)), 1),
        round(float(min(180.0, lon_mid + lon_span / 2)), 1),
        round(float(max(-85.0, lat_mid - lat_span / 2)), 1),
        round(float(min(85.0, lat_mid + lat_span / 2)), 1),
    )


def world_geo(
    projection: str, centre: tuple[float, float], frame: Frame | None = None
) -> dict[str, object]:
    """Geo settings drawing only from the served topojson: the ocean, no frame line.

    With ``frame`` the flat map shows that box and the globe turns to its middle and zooms in;
    without, the whole world. No land layer: every country is a shape of its own
    (:func:`country_traces`), which covers the land, so the browser does not paint it twice.
    """
    globe = projection == "globe"
    rotation = {"lon": centre[0], "lat": centre[1]} if globe else {"lon": round(centre[0])}
    settings: dict[str, object] = {}
    scale = 1.0
    if frame is not None:
        west, east, south, north = frame
        middle = ((west + east) / 2, (south + north) / 2)
        if globe:
            rotation = {"lon": round(middle[0], 1), "lat": round(middle[1], 1)}
            scale = round(min(6.0, max(1.0, 120.0 / max(east - west, north - south))), 2)
        else:
            rotation = {"lon": round(middle[0], 1)}
            settings = {"lonaxis": {"range": [west, east]}, "lataxis": {"range": [south, north]}}
    return offline_geo(
        {
            "type": PROJECTION_TYPES.get(projection, "natural earth"),
            "rotation": rotation,
            "scale": scale,
        },
        showocean=True,
        oceancolor="#eef4fa",
        uirevision=_uirevision(projection, frame),
        **settings,
    )


def _uirevision(projection: str, frame: Frame | None) -> str:
    """The view's revision: kept while the frame is.

    A new selection keeps the user's pan and zoom; a filter that moves the frame applies it,
    and a reset of the filter returns to the whole world.
    """
    return f"{UIREVISION}.{projection}.{frame or 'world'}"


def world_map_figure(
    links: pd.DataFrame,
    lang: Lang,
    view: MapView,
    country_codes: list[str],
    label_points: dict[str, tuple[float, float]],
    stamp: tuple[str, str],
) -> go.Figure:
    """The world map of ``links`` (filtered, enriched) with title and note baked in.

    See :func:`world_map_parts`; :func:`world_map_spec` is the same map as a plain dict.
    """
    return stamped_figure(*world_map_parts(links, lang, view, country_codes, label_points), stamp)


def world_map_spec(
    links: pd.DataFrame,
    lang: Lang,
    view: MapView,
    country_codes: list[str],
    label_points: dict[str, tuple[float, float]],
    stamp: tuple[str, str],
) -> dict[str, Any]:
    """:func:`world_map_figure` as a plain figure dict: no plotly validation, no deep copy.

    The layout carries the default template expanded, as the validated figure's does.
    """
    traces, layout = world_map_parts(links, lang, view, country_codes, label_points)
    layout = {"template": default_template(), **layout}
    return stamp_spec({"data": traces, "layout": layout}, stamp[0], stamp[1])


def world_map_parts(
    links: pd.DataFrame,
    lang: Lang,
    view: MapView,
    country_codes: list[str],
    label_points: dict[str, tuple[float, float]],
) -> tuple[list[dict], dict[str, Any]]:
    """The world map's traces and its layout before the stamp (title and note).

    Pairs without coordinates at either end are left out (:func:`split_located`; the page
    says how many). ``country_codes`` are ISO3 codes to draw as shapes besides the served
    topojson's countries (the keys of ``label_points``, their label points), so that every
    country is drawn even when the dataset's country table lists only some.
    """
    drawable, _ = split_located(links)
    aggregated = is_aggregated(len(drawable))
    frame = frame_of(drawable)
    traces = [
        *country_traces(links, [*label_points, *country_codes], lang),
        maritime_trace(lang),
        *link_traces(drawable, lang, view, aggregated, label_points),
        *partner_traces(drawable, lang, view, aggregated, label_points),
        home_trace(drawable, lang, view.selected, home_counts(links)),
    ]
    layout = dict(
        font=FONT,
        height=MAP_HEIGHT,
        margin={"l": 0, "r": 0, "t": 130, "b": 60},
        geo=world_geo(view.projection, view.centre, frame),
        uirevision=_uirevision(view.projection, frame),
        # the title above the items: beside them, plotly wrapped the items as if the title
        # took no room and pushed the last one ("North America") past the right edge
        legend=legend_under_title(
            MAP_HEIGHT,
            title={"text": t(f"map.legend.by_{view.colour_by}", lang), "side": "top"},
        ),
        title={"y": 0.985, "yanchor": "top"},
        hoverlabel={"align": "left"},
        dragmode="pan",
    )
    return traces, layout


def stamped_figure(traces: list[dict], layout: dict, stamp: tuple[str, str]) -> go.Figure:
    """The figure with title and note (``stamp``) baked in, traces left unvalidated.

    Plotly's per-property validation of long coordinate arrays is the slow part at scale;
    only the layout goes through :func:`sistercities.exports.stamp_figure` (validated). The
    tests validate whole figures (``go.Figure(fig.to_dict())``).
    """
    stamped = stamp_figure(go.Figure(layout=layout), stamp[0], stamp[1])
    return go.Figure({"data": traces, "layout": stamped.layout.to_plotly_json()}, _validate=False)


def map_summary(links: pd.DataFrame, lang: Lang) -> str:
    """What the map shows: pairs drawn, pairs not drawn and why, and any aggregation."""
    drawable, missing = split_located(links)
    parts = [t("map.drawn", lang, count=format_number(len(drawable), lang))]
    if len(missing):
        parts.append(t("map.not_drawn", lang, count=len(missing)))
    if is_aggregated(len(drawable)):
        countries = drawable["country_iso3"].nunique()
        limit = format_number(AGGREGATE_ABOVE, lang)
        parts.append(t("map.aggregated", lang, countries=countries, limit=limit))
    return " ".join(parts)


NEAR_FRACTION = 1 / 250
"""Places closer than this share of the map's width (in degrees) can sit under one click."""


def places_near(links: pd.DataFrame, place_id: str, frame: Frame | None) -> list[str]:
    """The drawn places whose points may overlap ``place_id``'s, itself first (ids).

    Markers are a few pixels wide, so on a map ``W`` degrees wide places closer than
    ``W / 250`` degrees can hide one another: a click there may land on any of them.
    """
    drawable, _ = split_located(links)
    ends = pd.concat(
        [
            drawable[["home_place_id", "home_lon", "home_lat"]].set_axis(
                ["id", "lon", "lat"], axis=1
            ),
            drawable[["partner_place_id", "partner_lon", "partner_lat"]].set_axis(
                ["id", "lon", "lat"], axis=1
            ),
        ]
    ).drop_duplicates("id")
    here = ends.loc[ends["id"] == place_id]
    if here.empty:
        return [place_id]
    width = 360.0 if frame is None else frame[1] - frame[0]
    lon, lat = float(here["lon"].iloc[0]), float(here["lat"].iloc[0])
    near = ((ends["lon"] - lon).abs() <= width * NEAR_FRACTION) & (
        (ends["lat"] - lat).abs() <= width * NEAR_FRACTION
    )
    others = sorted(set(ends.loc[near, "id"]) - {place_id})
    return [place_id, *others]
