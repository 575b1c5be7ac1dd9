"""The network growing year by year on a world map: a Plotly figure with frames and a play button.

The base map is a choropleth of every country of countries.csv, drawn from the topojson the app
serves itself (``config={"topojsonURL": "app/static/"}``) or inlines (the offline briefing), so it
never needs a CDN. Each frame shows the pairs counted on 31 December of its year; when undated
pairs are present a last frame adds them, dashed and named as undated.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sistercities.contract.schema import Lang
from sistercities.counts import counted_on
from sistercities.figures.basemap import maritime_trace, offline_geo
from sistercities.figures.theme import FONT, GUANGXI_RED, PARTNER_COLOUR, UNKNOWN_COLOUR
from sistercities.i18n import t
from sistercities.timeline import year_range

UNDATED_FRAME = "undated"
COLUMNS = (
    "home_place_id",
    "partner_place_id",
    "country_iso3",
    "home_lat",
    "home_lon",
    "partner_lat",
    "partner_lon",
    "start",
    "start_year",
    "end",
    "dated",
)
ANIMATED_TRACES = [1, 2, 3, 4, 5]
CONTROLS_FOOTER = 150
"""Pixels under the map for the play buttons, and the year slider under them (the stamp goes
below both): side by side, the buttons covered the slider's year label on narrow screens."""
AGGREGATE_ABOVE = 2000
"""Above this many drawable pairs each frame draws one line per partner country."""


def by_country(links: pd.DataFrame) -> pd.DataFrame:
    """One representative link per (partner country, dated or not): its first pair's ends.

    Keeps every frame small at scale (at most two lines per country) while still showing which
    countries the network reached by each year.
    """
    return links.drop_duplicates(["country_iso3", "dated"])


def located(links: pd.DataFrame) -> pd.DataFrame:
    """Links whose two ends both have coordinates."""
    columns = ["home_lat", "home_lon", "partner_lat", "partner_lon"]
    return links.loc[links[columns].notna().all(axis=1)]


def frame_links(links: pd.DataFrame, years: list[int]) -> dict[str, pd.DataFrame]:
    """The links each frame shows, keyed by frame name (the year, then ``undated``)."""
    frames = {str(year): links.loc[counted_on(links, dt.date(year, 12, 31))] for year in years}
    if (~links["dated"]).any():
        frames[UNDATED_FRAME] = links
    return frames


def _lines(links: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates of one NaN-gapped line trace through every link (home, partner, gap)."""
    gap = np.full(len(links), np.nan)
    lats = np.column_stack([links["home_lat"], links["partner_lat"], gap]).ravel()
    lons = np.column_stack([links["home_lon"], links["partner_lon"], gap]).ravel()
    return lats, lons


def _line_trace(lat: np.ndarray, lon: np.ndarray, line: dict, name: str) -> dict:
    """A scattergeo line trace (NaN-gapped) without hover."""
    return {
        "type": "scattergeo",
        "lat": lat,
        "lon": lon,
        "mode": "lines",
        "line": {"width": 1.2, **line},
        "opacity": 0.75,
        "hoverinfo": "skip",
        "name": name,
    }


def _frame_traces(shown: pd.DataFrame, names: dict[str, str], lang: Lang) -> list[dict]:
    """The animated traces of one frame: countries, dated lines, undated lines, ends, homes."""
    if len(shown) > AGGREGATE_ABOVE:
        shown = by_country(shown)
    dated, undated = shown.loc[shown["dated"]], shown.loc[~shown["dated"]]
    dated_lat, dated_lon = _lines(dated)
    undated_lat, undated_lon = _lines(undated)
    partners = shown.drop_duplicates("partner_place_id")
    homes = shown.drop_duplicates("home_place_id")
    countries = sorted(set(shown["country_iso3"]))
    return [
        dict(
            type="choropleth",
            locations=countries,
            z=[1] * len(countries),
            locationmode="ISO-3",
            colorscale=[[0, "#f6d5da"], [1, "#f6d5da"]],
            showscale=False,
            marker={"line": {"color": "#ffffff", "width": 0.5}},
            hoverinfo="skip",
            name=t("growth.map_countries", lang),
        ),
        _line_trace(dated_lat, dated_lon, {"color": GUANGXI_RED}, t("growth.map_pairs", lang)),
        _line_trace(
            undated_lat,
            undated_lon,
            {"color": UNKNOWN_COLOUR, "dash": "dot"},
            t("growth.undated_series", lang),
        ),
        dict(
            type="scattergeo",
            lat=partners["partner_lat"],
            lon=partners["partner_lon"],
            mode="markers",
            marker={"size": 6, "color": PARTNER_COLOUR},
            text=[names.get(p, p) for p in partners["partner_place_id"]],
            hovertemplate="%{text}<extra></extra>",
            name=t("growth.map_partners", lang),
        ),
        dict(
            type="scattergeo",
            lat=homes["home_lat"],
            lon=homes["home_lon"],
            mode="markers",
            marker={"size": 8, "color": GUANGXI_RED, "symbol": "diamond"},
            text=[names.get(p, p) for p in homes["home_place_id"]],
            hovertemplate="%{text}<extra></extra>",
            name=t("growth.map_home", lang),
        ),
    ]


def growth_map_figure(
    links: pd.DataFrame,
    country_codes: list[str],
    names: dict[str, str],
    lang: Lang,
    last_year: int,
) -> go.Figure:
    """The animated map: one frame per year from the first dated pair to ``last_year``.

    ``country_codes`` are the ISO3 codes of the base map. Links without coordinates on either
    end cannot be drawn and are left out (the tables still list them).
    """
    drawable = located(links)[list(COLUMNS)]
    years = year_range(drawable, last_year)
    frames = frame_links(drawable, years)
    labels = {name: _frame_label(name, lang) for name in frames}
    base = go.Choropleth(
        locations=list(country_codes),
        z=[0] * len(country_codes),
        locationmode="ISO-3",
        colorscale=[[0, "#e6e9ef"], [1, "#e6e9ef"]],
        showscale=False,
        marker={"line": {"color": "#ffffff", "width": 0.5}},
        hoverinfo="skip",
        showlegend=False,
    )
    last = next(reversed(frames.values())) if frames else drawable.iloc[0:0]
    # the maritime line comes last: frames replace only the traces named in ANIMATED_TRACES
    fig = go.Figure(data=[base, *_frame_traces(last, names, lang), maritime_trace(lang)])
    fig.frames = [
        {"name": name, "data": _frame_traces(shown, names, lang), "traces": ANIMATED_TRACES}
        for name, shown in frames.items()
    ]
    fig.update_layout(
        font=FONT,
        margin={"l": 0, "r": 0, "t": 40, "b": CONTROLS_FOOTER if frames else 10},
        height=600,
        showlegend=True,
        # over the empty corner left of the oval map: above it, a wrapped legend slid under
        # the title on a phone
        legend={
            "orientation": "v",
            "y": 0.0,
            "x": 0.0,
            "yanchor": "bottom",
            "bgcolor": "rgba(255,255,255,0.85)",
            "font": {"size": 12},
        },
        geo=offline_geo({"type": "natural earth", "rotation": {"lon": 110}}),
        updatemenus=[_play_buttons(lang)] if frames else [],
        sliders=[_slider(list(frames), labels, lang)] if frames else [],
    )
    return fig


def _frame_label(name: str, lang: Lang) -> str:
    """A slider step's label: the year, or the undated step."""
    return t("growth.map_with_undated", lang) if name == UNDATED_FRAME else name


def _play_buttons(lang: Lang) -> dict[str, object]:
    """Play and pause buttons."""
    play = {"frame": {"duration": 450, "redraw": True}, "transition": {"duration": 0}}
    pause = {"frame": {"duration": 0, "redraw": False}, "mode": "immediate"}
    return {
        "type": "buttons",
        "direction": "left",
        "x": 0.0,
        "y": 0.0,
        "xanchor": "left",
        "yanchor": "top",
        "pad": {"t": 8, "r": 10},
        "showactive": False,
        "buttons": [
            {
                "label": t("growth.play", lang),
                "method": "animate",
                "args": [None, {**play, "fromcurrent": True}],
            },
            {"label": t("growth.pause", lang), "method": "animate", "args": [[None], pause]},
        ],
    }


def _slider(names: list[str], labels: dict[str, str], lang: Lang) -> dict[str, object]:
    """A slider with one step per frame, on the last frame at first."""
    step_args = {"frame": {"duration": 0, "redraw": True}, "mode": "immediate"}
    return {
        "active": len(names) - 1,
        "x": 0.0,
        "len": 1.0,
        "y": 0.0,
        "yanchor": "top",
        "pad": {"t": 52, "l": 10, "r": 10},
        "currentvalue": {"prefix": t("growth.map_year", lang), "font": {"size": 18}},
        "steps": [
            {"label": labels[name], "method": "animate", "args": [[name], step_args]}
            for name in names
        ],
    }
