"""THE meeting-room deck: six full-screen slides, one definition for the live deck and the file.

:func:`deck_slides` turns a dataset, its filtered pairs, a language and a theme into
:class:`Slide` values: a title, the band's lines (as-of date, source, completeness), optional
big numbers, and one plotly figure dict sized for a 16:9 screen (no fixed width or height; text
in pixels for a 1080-pixel-high screen, which the outputs scale with the screen's height).
The Streamlit deck (``ui/views/deck.py``) and the one-file HTML deck (:mod:`sistercities.deck.html`)
both draw these, so the two show the same slides in the same order and look.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from geo.map_layers import country_label_points, feature_label_points
from geo.spatial import load_prefecture_geojson
from sistercities.alliance.figures import LINE_COLOUR as TIE_COLOUR
from sistercities.alliance.figures import ties_map_spec
from sistercities.alliance.ties import build_view, carried_ties, field_link_ids, filter_fields
from sistercities.contract.schema import Lang, place_id_for_china
from sistercities.counts import completeness, headline, in_force, undated_count
from sistercities.exports import share_text
from sistercities.figures.basemap import maritime_trace
from sistercities.figures.guangxi_map import guangxi_figure
from sistercities.figures.overview import growth_spec
from sistercities.figures.theme import FONT_FAMILY, GUANGXI_RED, TEXT_COLOUR, deck_colours
from sistercities.figures.world_map import (
    FADED_COLOUR,
    HIGHLIGHT_COLOUR,
    LINE_COLOUR,
    MapView,
    country_traces,
    home_counts,
    home_trace,
    is_aggregated,
    line_trace,
    link_traces,
    partner_traces,
    segment_ends,
    selection_mask,
    split_located,
    world_geo,
)
from sistercities.filters import FilterOptions, LinkFilter, apply_filter, describe, from_query
from sistercities.i18n import format_percent, pick, t
from sistercities.network.figure import network_figure
from sistercities.network.graph import build_graph, effective_view
from sistercities.network.layout import layout as graph_layout
from sistercities.network.measures import measures as graph_measures
from sistercities.paths import STATIC_DIR
from sistercities.places import place_labels
from sistercities.timeline import cumulative_by_year, milestones

if TYPE_CHECKING:
    from sistercities.dataset import Dataset

SLIDE_KEYS = ("headline", "world", "asean", "guangxi", "network", "alliance")
"""The slides in order; a slide's number is its place here plus one."""
PAGE_SLIDES = {"": 1, "map": 2, "network": 5, "alliance": 6}
"""The slide a page opens on in presentation mode (by its URL path)."""
PICKABLE = frozenset({"world", "asean", "guangxi", "network"})
PLAYABLE = frozenset({"headline", "world"})

SCREEN_HEIGHT = 1080
"""The screen height the figures' pixel sizes are written for (outputs scale them)."""
TEXT = 20  # labels, legends and hover text at 1080p (at least 18 px)
SMALL = 18
ASEAN_FRAME = (76.0, 160.0, -14.0, 32.0)
"""West, east, south, north of the Southeast Asia slide: ASEAN, Guangxi, the South China Sea."""
GUANGXI_FRAME = (104.2, 112.3, 20.4, 26.5)
CALLOUT_PARTNERS = 8
WORLD_TOPOJSON = STATIC_DIR / "world_110m.json"


@dataclass(frozen=True)
class Slide:
    """One slide: what the band says, optional big numbers, and the chart (a figure dict)."""

    number: int
    key: str
    title: str
    band: tuple[str, ...]
    figure: dict[str, Any]
    facts: tuple[tuple[str, str], ...] = ()
    lines: tuple[str, ...] = ()
    pickable: bool = False
    playable: bool = False


@dataclass(frozen=True)
class DeckAssets:
    """Read-only map inputs: countries' label points, Guangxi's prefectures and theirs."""

    label_points: dict[str, tuple[float, float]]
    prefectures: dict
    prefecture_points: dict[str, tuple[float, float]]


@dataclass(frozen=True, eq=False)
class DeckInput:
    """Everything a slide is built from (the pairs already filtered)."""

    data: Dataset
    links: pd.DataFrame  # the filtered pairs that count on the as-of date
    history: pd.DataFrame  # the filtered pairs, ended ones included (growth)
    spec: LinkFilter
    lang: Lang
    names: dict[str, str]
    theme: str = "light"
    selected: str | None = None
    assets: DeckAssets | None = None


def load_assets(topojson: Path = WORLD_TOPOJSON) -> DeckAssets:
    """Read the map inputs from disk (the live deck caches the result)."""
    prefectures = load_prefecture_geojson()
    return DeckAssets(
        country_label_points(topojson), prefectures, feature_label_points(prefectures)
    )


def slide_number(value: object, default: int) -> int:
    """A slide number from the URL (``slide=3``), or ``default`` when it is missing or wrong."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return number if 1 <= number <= len(SLIDE_KEYS) else default


def deck_slides(deck: DeckInput) -> list[Slide]:
    """All six slides, in order."""
    return [deck_slide(deck, number) for number in range(1, len(SLIDE_KEYS) + 1)]


def deck_slide(deck: DeckInput, number: int) -> Slide:
    """Slide ``number`` (1-6) of the deck."""
    key = SLIDE_KEYS[number - 1]
    title, figure, facts, lines, extra = _BUILDERS[key](deck)
    figure = finish_figure(figure, deck.theme)
    if key in PICKABLE and deck.selected:
        figure = with_callout(figure, deck, deck.selected)
    return Slide(
        number=number,
        key=key,
        title=title,
        band=(*band_lines(deck), *extra),
        figure=figure,
        facts=tuple(facts),
        lines=tuple(lines),
        pickable=key in PICKABLE,
        playable=key in PLAYABLE and bool(figure.get("frames")),
    )


def band_lines(deck: DeckInput) -> tuple[str, ...]:
    """As-of date, source, the filter, and the completeness line ("80 of the 132 pairs ...")."""
    data, lang = deck.data, deck.lang
    source = t("fig.source_fictional" if data.synthetic else "fig.source", lang)
    lines = [
        t("as_of", lang, date=data.meta["as_of"]),
        t("source", lang, source=source),
        describe(deck.spec, lang, deck.names),
        share_text(completeness(data.links, data.official_totals, data.as_of), lang),
    ]
    return tuple(line for line in lines if line)


Built = tuple[str, dict[str, Any], list[tuple[str, str]], list[str], list[str]]
"""(title, figure dict, big numbers, text lines, extra band lines)."""


def _headline(deck: DeckInput) -> Built:
    """Slide 1: the headline numbers over the growth 1979 → today with the official totals."""
    data, lang = deck.data, deck.lang
    head = headline(deck.links, data.as_of)
    facts = [
        (t("kpi.pairs", lang), str(head.pairs)),
        (t("kpi.countries", lang), str(head.countries)),
        (t("kpi.asean", lang), f"{head.asean_pairs} ({format_percent(head.asean_share, lang)})"),
        (t("kpi.cities", lang), str(head.home_cities)),
    ]
    cumulative = cumulative_by_year(deck.history, data.as_of.year)
    spec = growth_spec(
        cumulative,
        undated_count(deck.history),
        milestones(data.official_totals, data.alliance.facts.get("founded")),
        lang,
    )
    spec = copy.deepcopy(spec)
    layout = spec["layout"]
    layout.pop("height", None)
    layout.pop("template", None)
    layout["margin"] = {"l": 90, "r": 30, "t": 56, "b": layout["margin"]["b"] + 40}
    # above the plot, never over it (a slide is wide enough for one row)
    layout["legend"] = {"orientation": "h", "x": 0.0, "y": 1.0, "yanchor": "bottom"}
    for axis in ("xaxis", "yaxis"):
        layout[axis]["title"]["font"] = {"size": TEXT}
        layout[axis]["tickfont"] = {"size": TEXT}
    layout["xaxis2"]["tickfont"] = {"size": TEXT}
    for note in layout.get("annotations", []):
        note.setdefault("font", {})["size"] = SMALL
    for trace in spec["data"]:
        if trace.get("type") == "bar":
            trace["textfont"] = {"size": TEXT}
    spec["frames"], layout["updatemenus"] = growth_frames(spec, lang)
    title = t("deck.slide.headline", lang)
    return title, spec, facts, [], []


def growth_frames(spec: dict[str, Any], lang: Lang) -> tuple[list[dict], list[dict]]:
    """Frames drawing the growth line year by year, and a hidden play menu (keys drive it)."""
    lines = [i for i, trace in enumerate(spec["data"]) if trace.get("type") == "scatter"]
    if not lines:
        return [], []
    first = spec["data"][lines[0]]
    years = [int(year) for year in list(first["x"])]
    frames = []
    for year in years:
        data = []
        for index in lines:
            trace = spec["data"][index]
            keep = [i for i, x in enumerate(trace["x"]) if int(x) <= year]
            data.append({"x": [trace["x"][i] for i in keep], "y": [trace["y"][i] for i in keep]})
        frames.append({"name": str(year), "data": data, "traces": lines})
    return frames, [_play_menu(lang)]


def _play_menu(lang: Lang, beside: bool = False) -> dict[str, Any]:
    """A small play button (the deck's key ``P`` does the same).

    Under the chart's right end, or ``beside`` a map: in the legend's column, mid-height.
    """
    place = (
        {"x": 1.0, "xanchor": "left", "y": 0.55, "yanchor": "top", "pad": {"l": 10}}
        if beside
        else {"x": 1.0, "xanchor": "right", "y": -0.02, "yanchor": "top", "pad": {"t": 50}}
    )
    return {
        "type": "buttons",
        "showactive": False,
        "active": -1,  # not pressed: the first click plays, the next one stops
        **place,
        "font": {"size": SMALL},
        "buttons": [
            {
                "label": "▶ " + t("deck.play", lang),
                "method": "animate",
                "args": [None, {"frame": {"duration": 180, "redraw": True}, "fromcurrent": False}],
                # a second click stops (plotly toggles a button with args2)
                "args2": [[None], {"mode": "immediate", "frame": {"duration": 0, "redraw": False}}],
            }
        ],
    }


def _world_view(deck: DeckInput) -> MapView:
    """The map's view: colours by continent, flat, the shared selection, Guangxi in the middle."""
    places = deck.data.places
    region = place_id_for_china(str(deck.data.meta["home_admin_code"]))
    row = places.loc[places["place_id"] == region]
    centre = MapView().centre
    if not row.empty and not row[["lon", "lat"]].isna().any(axis=None):
        centre = (float(row.iloc[0]["lon"]), float(row.iloc[0]["lat"]))
    return MapView("continent", "flat", deck.selected, centre)


def _assets(deck: DeckInput) -> DeckAssets:
    return deck.assets or load_assets()


def _map_layout(geo: dict[str, Any], deck: DeckInput) -> dict[str, Any]:
    """A map slide's layout: the legend in a column at the right, outside the map."""
    geo = {**geo, "domain": {"x": [0.0, 1.0], "y": [0.0, 1.0]}}
    return {
        "geo": geo,
        "margin": {"l": 0, "r": 10, "t": 0, "b": 0},
        "legend": _side_legend(),
        "dragmode": "pan",
        "uirevision": f"deck.{deck.lang}.{geo.get('uirevision', '')}",
        "hoverlabel": {"align": "left"},
    }


def _side_legend() -> dict[str, Any]:
    return {
        "orientation": "v",
        "x": 1.0,
        "xanchor": "left",
        "y": 1.0,
        "yanchor": "top",
        "font": {"size": SMALL},
        "itemsizing": "constant",
    }


def _colorbar_right(traces: list[dict]) -> None:
    """Move each colour bar beside the legend, below it (never over the map)."""
    for trace in traces:
        if "colorbar" in trace:
            title = trace["colorbar"].get("title", {})
            trace["colorbar"] = {
                "title": {**title, "side": "top", "font": {"size": SMALL}},
                "orientation": "v",
                "x": 1.0,
                "xanchor": "left",
                "y": 0.0,
                "yanchor": "bottom",
                "len": 0.3,
                "thickness": 16,
                "tickfont": {"size": SMALL},
            }


def _world(deck: DeckInput) -> Built:
    """Slide 2: every pair on the flat world map, with the years to play."""
    view = _world_view(deck)
    assets = _assets(deck)
    drawable, _ = split_located(deck.links)
    aggregated = is_aggregated(len(drawable))
    codes = [*assets.label_points, *deck.data.countries["iso3"]]
    traces = [
        *country_traces(deck.links, codes, deck.lang),
        maritime_trace(deck.lang),
        *link_traces(drawable, deck.lang, view, aggregated, assets.label_points),
        *partner_traces(drawable, deck.lang, view, aggregated, assets.label_points),
        home_trace(drawable, deck.lang, view.selected, home_counts(deck.links)),
    ]
    _colorbar_right(traces)
    layout = _map_layout(world_geo("flat", view.centre, None), deck)
    figure: dict[str, Any] = {"data": traces, "layout": layout}
    if not aggregated:
        figure["frames"], layout["updatemenus"] = map_frames(traces, drawable, deck.lang)
    return t("deck.slide.world", deck.lang), figure, [], [], []


def map_frames(
    traces: list[dict], drawable: pd.DataFrame, lang: Lang
) -> tuple[list[dict], list[dict]]:
    """Frames of the map's link lines, year by year (pairs signed up to that year)."""
    index = next(
        (i for i, trace in enumerate(traces) if trace.get("mode") == "lines" and i > 2), None
    )
    years = drawable["start_year"].dropna().astype(int)
    if index is None or years.empty:
        return [], []
    colour, width = traces[index]["line"]["color"], traces[index]["line"]["width"]
    frames = []
    for year in range(int(years.min()), int(years.max()) + 1):
        shown = drawable.loc[drawable["start_year"].fillna(9999) <= year]
        ends = segment_ends(shown, False, (0.0, 0.0), {})
        line = line_trace(ends, traces[index]["name"], colour, width)
        data = [{"type": "scattergeo", "lon": line["lon"], "lat": line["lat"]}]
        frames.append({"name": str(year), "data": data, "traces": [index]})
    # the end: every pair again, the undated ones included
    full = {"type": "scattergeo", "lon": traces[index]["lon"], "lat": traces[index]["lat"]}
    frames.append({"name": "all", "data": [full], "traces": [index]})
    return frames, [_play_menu(lang, beside=True)]


def _asean(deck: DeckInput) -> Built:
    """Slide 3: Southeast Asia, ASEAN pairs highlighted, the ASEAN share in the band."""
    lang, view = deck.lang, _world_view(deck)
    assets = _assets(deck)
    drawable, _ = split_located(deck.links)
    asean = drawable.loc[drawable["asean"].astype(bool)]
    others = drawable.loc[~drawable["asean"].astype(bool)]
    codes = [*assets.label_points, *deck.data.countries["iso3"]]
    faded = line_trace(
        segment_ends(others, False, view.centre, {}),
        t("deck.legend.other_pairs", lang, count=len(others)),
        FADED_COLOUR,
        1.0,
    )
    traces = [
        *country_traces(asean, codes, lang),
        maritime_trace(lang),
        faded,
        *link_traces(asean, lang, view, False, assets.label_points),
        *partner_traces(asean, lang, view, False, assets.label_points),
        home_trace(asean, lang, view.selected, home_counts(deck.links)),
    ]
    if not view.selected:  # the ASEAN pairs' lines (after the faded rest) stand out
        traces[4]["line"] = {"color": HIGHLIGHT_COLOUR, "width": 2.2}
    _colorbar_right(traces)
    geo = world_geo("flat", view.centre, ASEAN_FRAME)
    geo["projection"] = {"type": "mercator"}
    head = headline(deck.links, deck.data.as_of)
    share = t(
        "deck.asean_share",
        lang,
        pairs=head.asean_pairs,
        share=format_percent(head.asean_share, lang),
        count=head.pairs,
    )
    title = f"{t('deck.slide.asean', lang)} · {share}"
    return title, {"data": traces, "layout": _map_layout(geo, deck)}, [], [], []


def _guangxi(deck: DeckInput) -> Built:
    """Slide 4: Guangxi's prefectures shaded by pairs, county pairs marked."""
    assets, lang = _assets(deck), deck.lang
    figure = guangxi_figure(
        deck.links,
        deck.data.places,
        assets.prefectures,
        assets.prefecture_points,
        lang,
        ("", ""),
        deck.selected,
    ).to_plotly_json()
    traces = [dict(trace) for trace in figure["data"]]
    for trace in traces:
        if trace.get("mode") == "text":
            trace["textfont"] = {**trace.get("textfont", {}), "size": SMALL}
    traces.insert(1, maritime_trace(lang, legend=False))
    _colorbar_right(traces)
    west, east, south, north = GUANGXI_FRAME
    geo = {
        "visible": False,
        "projection": {"type": "mercator"},
        "lonaxis": {"range": [west, east]},
        "lataxis": {"range": [south, north]},
        "uirevision": "deck.guangxi",
    }
    layout = _map_layout(geo, deck)
    return t("deck.slide.guangxi", lang), {"data": traces, "layout": layout}, [], [], []


def _network(deck: DeckInput) -> Built:
    """Slide 5: the network of pairs (the view the page would pick), labels thinned."""
    view = effective_view(None, len(deck.links))
    graph = build_graph(deck.links, deck.data.places, view)
    found = graph_measures(graph)
    selected = deck.selected if deck.selected in graph else None
    figure = network_figure(
        graph, graph_layout(graph), found.table, deck.lang, "continent", selected
    ).to_plotly_json()
    traces = [dict(trace) for trace in figure["data"]]
    for trace in traces:
        if trace.get("textfont") is not None or "text" in str(trace.get("mode", "")):
            trace["textfont"] = {**(trace.get("textfont") or {}), "size": SMALL}
    layout = {
        key: value
        for key, value in figure["layout"].items()
        if key in ("xaxis", "yaxis", "hovermode", "meta")
    }
    # the rings stretched to the wide screen (the page keeps them round): labels spread apart
    layout["yaxis"] = {
        key: value
        for key, value in layout.get("yaxis", {}).items()
        if key not in ("scaleanchor", "scaleratio")
    }
    layout.update(
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        legend=_side_legend(),
        dragmode="pan",
        uirevision="deck.network",
    )
    return t("deck.slide.network", deck.lang), {"data": traces, "layout": layout}, [], [], []


def _alliance(deck: DeckInput) -> Built:
    """Slide 6: the alliance's founding facts and fields over the map of its college ties."""
    data, lang = deck.data, deck.lang
    facts = data.alliance.facts
    members = data.alliance.members
    av = build_view(data, members, deck.spec)
    spec = ties_map_spec(
        members,
        av.shown,
        data.places,
        list(data.countries["iso3"]),
        av.countries,
        list(data.alliance.fields["field_id"]),
        deck.names,
        lang,
    )
    spec = copy.deepcopy(spec)
    _colorbar_right(spec["data"])
    layout = _map_layout(spec["layout"]["geo"], deck)
    counts = facts.get("founding_counts", {})
    numbers = [
        (t(f"alliance.m.{key}", lang), str(counts[key]))
        for key in ("guangxi_colleges", "foreign_colleges", "foreign_cities", "countries")
        if key in counts
    ]
    numbers.append((t("deck.ties", lang), str(len(av.shown))))
    table = data.alliance.fields
    fields = [
        pick(str(z), str(e), lang) for z, e in zip(table["name_zh"], table["name_en"], strict=True)
    ]
    place = deck.names.get(str(facts.get("place_id", "")), str(facts.get("place_id", "")))
    separator = "、" if lang == "zh" else ", "
    lines = [
        t("alliance.founded_plain", lang, date=facts.get("founded", ""), place=place, format=""),
        f"{t('alliance.fields_all', lang, count=len(fields))}: {separator.join(fields)}",
    ]
    title = pick(facts.get("name_zh", ""), facts.get("name_en", ""), lang)
    return title, {"data": spec["data"], "layout": layout}, numbers, lines, []


_BUILDERS: dict[str, Callable[[DeckInput], Built]] = {
    "headline": _headline,
    "world": _world,
    "asean": _asean,
    "guangxi": _guangxi,
    "network": _network,
    "alliance": _alliance,
}


def finish_figure(figure: dict[str, Any], theme: str) -> dict[str, Any]:
    """Sizes for a 1080-pixel-high screen and the theme's grounds, text and map colours."""
    colours = deck_colours(theme)
    layout = dict(figure.get("layout", {}))
    for key in ("height", "width", "title", "template"):
        layout.pop(key, None)
    layout["autosize"] = True
    layout["paper_bgcolor"] = colours["background"]
    layout["plot_bgcolor"] = colours["background"]
    layout["font"] = {"family": FONT_FAMILY, "size": TEXT, "color": colours["text"]}
    layout["hoverlabel"] = {**layout.get("hoverlabel", {}), "font": {"size": TEXT}}
    legend = dict(layout.get("legend") or {})
    legend.update(bgcolor=colours["panel"], font={"size": SMALL, "color": colours["text"]})
    layout["legend"] = legend
    if "geo" in layout:
        geo = dict(layout["geo"])
        geo.update(bgcolor=colours["background"], oceancolor=colours["ocean"], showocean=True)
        layout["geo"] = geo
    for axis in ("xaxis", "yaxis", "xaxis2", "yaxis2"):
        if axis in layout:
            layout[axis] = {
                **layout[axis],
                "color": colours["text"],
                "gridcolor": colours["land"],
                "linecolor": colours["muted"],
            }
    for note in layout.get("annotations", []) or []:
        note.setdefault("font", {})["color"] = colours["text"]
    data = [_themed_trace(dict(trace), colours) for trace in figure.get("data", [])]
    result = {"data": data, "layout": layout}
    if figure.get("frames"):
        result["frames"] = figure["frames"]
    return result


_DARK_INKS = frozenset({TEXT_COLOUR, "#1b2631"})
_LINK_INKS = {LINE_COLOUR: "lines", TIE_COLOUR: "ties"}
"""The pairs' and the college ties' lines, drawn in the theme's line colour."""
"""Near-black text and marks of the figures' light look (labels, milestone marks)."""


def _themed_trace(trace: dict[str, Any], colours: dict[str, str]) -> dict[str, Any]:
    """A trace with the theme's land, borders, maritime line and link colour."""
    if trace.get("meta") == "maritime":
        trace["line"] = {**trace.get("line", {}), "color": colours["maritime"]}
    elif trace.get("type") == "choropleth" and trace.get("showscale") is False:
        scale = trace.get("colorscale") or []
        if scale and len(scale) == 2:
            trace["colorscale"] = [[0, colours["land"]], scale[1]]
        trace["marker"] = {"line": {"color": colours["border"], "width": 0.4}}
    elif trace.get("mode") == "lines" and trace.get("line", {}).get("color") in _LINK_INKS:
        ink = _LINK_INKS[trace["line"]["color"]]
        trace["line"] = {**trace["line"], "color": colours[ink]}
    if trace.get("type") == "scatter":  # dark text and marks of the light look follow the theme
        marker, font = trace.get("marker"), trace.get("textfont")
        if isinstance(marker, dict) and marker.get("color") in _DARK_INKS:
            trace["marker"] = {**marker, "color": colours["text"]}
        if isinstance(font, dict) and font.get("color") in _DARK_INKS:
            trace["textfont"] = {**font, "color": colours["text"]}
    if trace.get("type") == "choropleth" and "colorbar" in trace:
        bar = trace["colorbar"]
        bar["tickfont"] = {**bar.get("tickfont", {}), "color": colours["text"]}
        bar["title"] = {**bar.get("title", {}), "font": {"size": SMALL, "color": colours["text"]}}
    return trace


def with_callout(figure: dict[str, Any], deck: DeckInput, selected: str) -> dict[str, Any]:
    """The selection on the chart: a box with the place's name and its partners."""
    text = callout_text(deck.links, selected, deck.names, deck.lang)
    if not text:
        return figure
    colours = deck_colours(deck.theme)
    layout = dict(figure["layout"])
    notes = list(layout.get("annotations") or [])
    notes.append(
        {
            "text": text,
            "xref": "paper",
            "yref": "paper",
            "x": 0.01,
            "y": 0.99,
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "showarrow": False,
            "bgcolor": colours["panel"],
            "bordercolor": GUANGXI_RED,
            "borderwidth": 2,
            "borderpad": 10,
            "font": {"size": TEXT, "color": colours["text"]},
            "name": "callout",
        }
    )
    layout["annotations"] = notes
    return {**figure, "layout": layout}


def callout_text(links: pd.DataFrame, selected: str, names: dict[str, str], lang: Lang) -> str:
    """'<b>Name</b><br>N pairs: partner, partner, …' for a selected place ('' if it has none)."""
    chosen = links.loc[selection_mask(links, selected)]
    if chosen.empty:
        return ""
    home = chosen["home_place_id"] == selected
    partner_ids = [
        str(other)
        for other in pd.concat(
            [chosen.loc[home, "partner_place_id"], chosen.loc[~home, "home_place_id"]]
        )
    ]
    if (chosen["home_prefecture_id"] == selected).any():
        partner_ids = [str(p) for p in chosen["partner_place_id"]]
    partners = list(dict.fromkeys(names.get(p, p) for p in partner_ids))
    shown = partners[:CALLOUT_PARTNERS]
    more = len(partners) - len(shown)
    listed = ("、" if lang == "zh" else ", ").join(shown)
    if more:
        listed += " " + t("deck.callout_more", lang, count=more)
    name = names.get(selected, selected)
    return f"<b>{name}</b><br>{t('deck.callout', lang, count=len(chosen))}<br>{listed}"


def deck_input(
    data: Dataset,
    query: str = "",
    lang: Lang = "zh",
    theme: str = "light",
    assets: DeckAssets | None = None,
) -> tuple[DeckInput, list[tuple[str, str]]]:
    """The deck of the pairs a URL query keeps (``country=JPN,VNM&from=2000``; '' = all).

    Returns the input and the query's rejected parameters. For the command line; the app
    passes its own filtered (cached) pairs.
    """
    from urllib.parse import parse_qsl

    params = dict(parse_qsl(query.lstrip("?"), keep_blank_values=True))
    ties = carried_ties(data.links, data.alliance.members, data.places)
    options = FilterOptions(
        countries=frozenset(data.links["country_iso3"]),
        cities=frozenset(data.places.loc[data.places["country_iso3"] == "CHN", "place_id"]),
        fields=filter_fields(data.alliance.fields, data.alliance.members, ties),
    )
    spec, rejected = from_query(params, options)
    history = apply_filter(data.links, spec, field_link_ids(ties))
    links = in_force(history, data.as_of)
    names = place_labels(data, lang)
    deck = DeckInput(data, links, history, spec, lang, names, theme, None, assets)
    return deck, rejected
