"""The network growing year by year on a world map: a Plotly figure with frames and a play button.

The base map is a choropleth of every country of countries.csv, drawn from the topojson the app
serves itself (``config={"topojsonURL": "app/static/"}``) or inlines (the offline briefing), so it
never needs a CDN. Each frame shows the pairs counted on 31 December of its year; when undated
pairs are present a last frame adds them, dashed and named as undated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sistercities.contract.schema import Lang
from sistercities.counts import counted_on
from sistercities.figures.basemap import maritime_trace, offline_geo
from sistercities.figures.theme import (
    FONT,
    GUANGXI_RED,
    LEGEND_ROW,
    PARTNER_COLOUR,
    TITLE_BAND,
    UNKNOWN_COLOUR,
    default_template,
    legend_under_title,
)
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
GROWTH_MAP_HEIGHT = 600  # pixels, before the note's band


def by_country(links: pd.DataFrame) -> pd.DataFrame:
    """One representative link per (partner country, dated or not): its first pair's ends.

    Keeps every frame small at scale (at most two lines per country) while still showing which
    countries the network reached by each year.
    """
    return links.drop_duplicates(["country_iso3", "dated"])


def located(links: pd.DataFrame) -> pd.DataFrame:
    """Links whose two ends both have coordinates."""
    return links.loc[_located_mask(links)]


def located_count(links: pd.DataFrame) -> int:
    """How many links :func:`located` keeps (nothing copied)."""
    return int(_located_mask(links).sum())


def _located_mask(links: pd.DataFrame) -> np.ndarray:
    """True where both ends of a link have coordinates."""
    columns = ("home_lat", "home_lon", "partner_lat", "partner_lon")
    mask = np.ones(len(links), dtype=bool)
    for column in columns:
        mask &= links[column].notna().to_numpy()
    return mask


def frame_links(links: pd.DataFrame, years: list[int]) -> dict[str, pd.DataFrame]:
    """The links each frame shows, keyed by frame name (the year, then ``undated``)."""
    frames = {str(year): links.loc[counted_on(links, dt.date(year, 12, 31))] for year in years}
    if (~links["dated"]).any():
        frames[UNDATED_FRAME] = links
    return frames


@dataclass(frozen=True)
class Columns:
    """Drawable links as numpy columns: converted once per figure, then cut per frame cheaply."""

    home_lat: np.ndarray
    home_lon: np.ndarray
    partner_lat: np.ndarray
    partner_lon: np.ndarray
    home: np.ndarray
    partner: np.ndarray
    country: np.ndarray
    dated: np.ndarray
    start: np.ndarray
    end: np.ndarray
    country_key: np.ndarray  # one code per (partner country, dated or not)
    partner_key: np.ndarray
    home_key: np.ndarray


def columns(links: pd.DataFrame) -> Columns:
    """The numpy columns of drawable links (see :func:`located`)."""
    country = links["country_iso3"].to_numpy(object)
    dated = links["dated"].to_numpy(bool)
    coords = ("home_lat", "home_lon", "partner_lat", "partner_lon")
    return Columns(
        **{c: links[c].to_numpy(float) for c in coords},
        home=links["home_place_id"].to_numpy(object),
        partner=links["partner_place_id"].to_numpy(object),
        country=country,
        dated=dated,
        start=_dates(links, "start"),
        end=_dates(links, "end"),
        country_key=pd.factorize(country)[0] * 2 + dated,
        partner_key=pd.factorize(links["partner_place_id"])[0],
        home_key=pd.factorize(links["home_place_id"])[0],
    )


def _dates(links: pd.DataFrame, column: str) -> np.ndarray:
    """A date column as datetime64 (all NaT when absent: one frame's traces need no dates)."""
    if column not in links:
        return np.full(len(links), np.datetime64("NaT"), "datetime64[s]")
    return links[column].to_numpy("datetime64[s]")


def frame_rows(cols: Columns, years: list[int]) -> dict[str, np.ndarray]:
    """Row positions each frame shows, by frame name: :func:`frame_links` on numpy columns."""
    started = ~np.isnat(cols.start)
    open_end = np.isnat(cols.end)
    frames = {}
    for year in years:
        stamp = np.datetime64(f"{year:04d}-12-31", "s")
        counted = started & (cols.start <= stamp) & (open_end | (cols.end > stamp))
        frames[str(year)] = np.flatnonzero(counted)
    if not cols.dated.all():
        frames[UNDATED_FRAME] = np.arange(len(cols.dated))
    return frames


def _first(keys: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The rows holding each key's first occurrence, in order (``drop_duplicates`` on rows).

    ``keys`` are small non-negative integer codes (``pd.factorize``): linear, no sort of rows.
    """
    codes = keys[rows]
    if not len(codes):
        return rows
    first = np.full(int(codes.max()) + 1, len(codes))
    np.minimum.at(first, codes, np.arange(len(codes)))
    return rows[np.sort(first[first < len(codes)])]


def _lines(cols: Columns, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates of one NaN-gapped line trace through these links (home, partner, gap)."""
    gap = np.full(len(rows), np.nan)
    lats = np.column_stack([cols.home_lat[rows], cols.partner_lat[rows], gap]).ravel()
    lons = np.column_stack([cols.home_lon[rows], cols.partner_lon[rows], gap]).ravel()
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


@dataclass(frozen=True)
class FrameLook:
    """What every frame shares: the traces' names and each link's end names (built once)."""

    labels: dict[str, str]
    partner_names: np.ndarray
    home_names: np.ndarray


def frame_look(cols: Columns, names: dict[str, str], lang: Lang) -> FrameLook:
    """The frames' shared text, so no frame looks up a name or a translation again."""
    keys = {
        "countries": "growth.map_countries",
        "pairs": "growth.map_pairs",
        "undated_series": "growth.undated_series",
        "partners": "growth.map_partners",
        "home": "growth.map_home",
    }
    return FrameLook(
        labels={name: t(key, lang) for name, key in keys.items()},
        partner_names=np.array([names.get(p, p) for p in cols.partner], dtype=object),
        home_names=np.array([names.get(p, p) for p in cols.home], dtype=object),
    )


def _frame_traces(shown: pd.DataFrame, names: dict[str, str], lang: Lang) -> list[dict]:
    """The animated traces of one frame showing the links ``shown``."""
    cols = columns(shown)
    return _frame_traces_at(cols, np.arange(len(shown)), frame_look(cols, names, lang))


def _frame_traces_at(cols: Columns, rows: np.ndarray, look: FrameLook) -> list[dict]:
    """The animated traces of one frame: countries, dated lines, undated lines, ends, homes."""
    if len(rows) > AGGREGATE_ABOVE:
        rows = _first(cols.country_key, rows)  # as by_country
    dated = cols.dated[rows]
    dated_lat, dated_lon = _lines(cols, rows[dated])
    undated_lat, undated_lon = _lines(cols, rows[~dated])
    partners = _first(cols.partner_key, rows)
    homes = _first(cols.home_key, rows)
    countries = sorted(set(cols.country[rows].tolist()))
    labels = look.labels
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
            name=labels["countries"],
        ),
        _line_trace(dated_lat, dated_lon, {"color": GUANGXI_RED}, labels["pairs"]),
        _line_trace(
            undated_lat,
            undated_lon,
            {"color": UNKNOWN_COLOUR, "dash": "dot"},
            labels["undated_series"],
        ),
        dict(
            type="scattergeo",
            lat=cols.partner_lat[partners],
            lon=cols.partner_lon[partners],
            mode="markers",
            marker={"size": 6, "color": PARTNER_COLOUR},
            text=look.partner_names[partners].tolist(),
            hovertemplate="%{text}<extra></extra>",
            name=labels["partners"],
        ),
        dict(
            type="scattergeo",
            lat=cols.home_lat[homes],
            lon=cols.home_lon[homes],
            mode="markers",
            marker={"size": 8, "color": GUANGXI_RED, "symbol": "diamond"},
            text=look.home_names[homes].tolist(),
            hovertemplate="%{text}<extra></extra>",
            name=labels["home"],
        ),
    ]


def growth_map_figure(
    links: pd.DataFrame,
    country_codes: list[str],
    names: dict[str, str],
    lang: Lang,
    last_year: int,
) -> go.Figure:
    """:func:`growth_map_spec` as a validated plotly figure (the briefing and tests)."""
    return go.Figure(growth_map_spec(links, country_codes, names, lang, last_year))


def growth_map_spec(
    links: pd.DataFrame,
    country_codes: list[str],
    names: dict[str, str],
    lang: Lang,
    last_year: int,
    animated: bool = True,
) -> dict[str, Any]:
    """The animated map: one frame per year from the first dated pair to ``last_year``.

    ``country_codes`` are the ISO3 codes of the base map. Links without coordinates on either
    end cannot be drawn and are left out (the tables still list them). A plain figure dict (no
    plotly validation): the app's reruns build it on every filter change.
    With ``animated=False`` the map shows only the last step (the network today), with no frames,
    play buttons or slider: a tenth of the size, for a page that animates only when asked.
    """
    drawable = located(links[list(COLUMNS)])  # only the columns drawn are copied
    cols = columns(drawable)
    years = year_range(drawable, last_year)
    frames = frame_rows(cols, years if animated else years[-1:])
    labels = {name: _frame_label(name, lang) for name in frames}
    look = frame_look(cols, names, lang)
    base = {
        "type": "choropleth",
        "locations": list(country_codes),
        "z": [0] * len(country_codes),
        "locationmode": "ISO-3",
        "colorscale": [[0, "#e6e9ef"], [1, "#e6e9ef"]],
        "showscale": False,
        "marker": {"line": {"color": "#ffffff", "width": 0.5}},
        "hoverinfo": "skip",
        "showlegend": False,
    }
    last = next(reversed(frames.values())) if frames else np.arange(0)
    controls = animated and bool(frames)
    layout = {
        "template": default_template(),
        "font": FONT,
        "margin": {
            "l": 0,
            "r": 0,
            "t": TITLE_BAND + LEGEND_ROW,
            "b": CONTROLS_FOOTER if controls else 10,
        },
        "height": GROWTH_MAP_HEIGHT,
        "showlegend": True,
        # under the title, reserving its room: over the map's corner it covered land on a
        # phone, and above the map in paper units it slid under the title
        "legend": legend_under_title(GROWTH_MAP_HEIGHT, font={"size": 12}),
        "geo": offline_geo({"type": "natural earth", "rotation": {"lon": 110}}),
        "updatemenus": [_play_buttons(lang)] if controls else [],
        "sliders": [_slider(list(frames), labels, lang)] if controls else [],
    }
    # the maritime line comes last: frames replace only the traces named in ANIMATED_TRACES
    return {
        "data": [base, *_frame_traces_at(cols, last, look), maritime_trace(lang)],
        "layout": layout,
        "frames": [
            {
                "name": name,
                "data": _frame_traces_at(cols, rows, look),
                "traces": ANIMATED_TRACES,
            }
            for name, rows in (frames.items() if controls else ())
        ],
    }


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
