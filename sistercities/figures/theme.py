"""THE theme of every figure: one palette, one font, one maritime-line style (no Streamlit).

Every page draws a continent, a level and Guangxi in the same colour, so a person who learns
the map's legend can read the network, the growth chart and the exported pictures with it.
"""

from __future__ import annotations

from functools import cache
from typing import Any, cast

import plotly.io as pio

from sistercities.contract.schema import CONTINENTS

FONT_FAMILY = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"
FONT: dict[str, Any] = {"family": FONT_FAMILY, "size": 14}
TEXT_COLOUR = "#1f2430"
MUTED_COLOUR = "#5a6170"

GUANGXI_RED = "#c8102e"
"""Guangxi's own places, the region level and the first data series."""
PARTNER_COLOUR = "#34495e"
"""Partner places or colleges on a figure that does not colour them by continent or level."""
UNKNOWN_COLOUR = "#8a909c"
"""Anything without a category (unknown continent, no field, undated)."""

CONTINENT_COLOURS: dict[str, str] = dict(
    zip(
        CONTINENTS,
        ("#1f5fa8", "#7b4fa0", "#e08a00", "#2e8b57", "#00859b", "#8c564b", "#5a6170"),
        strict=True,
    )
)
LEVEL_COLOURS: dict[str, str] = {
    "province": GUANGXI_RED,
    "prefecture": "#1f5fa8",
    "county": "#2e8b57",
}
MIXED_LEVEL_COLOUR = "#7b4fa0"
"""A network node (country, continent) that holds pairs of several levels."""

SERIES_PALETTE: tuple[str, ...] = (
    GUANGXI_RED,
    "#1f5fa8",
    "#2e8b57",
    "#e08a00",
    "#7b4fa0",
    "#00859b",
    "#8c564b",
    MUTED_COLOUR,
)
"""Series without a category colour of their own, in order."""

FIELD_PALETTE: tuple[str, ...] = (
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
    "#7f3c8d",
    "#11a579",
    "#3969ac",
)
"""The alliance's professional fields (a colour-blind-safe set)."""

MARITIME_LINE: dict[str, Any] = {"color": "#3d4452", "width": 1.2}
"""China's maritime boundary line, the same on every map."""

WHITE_TEMPLATE: dict[str, Any] = {
    "layout": {"paper_bgcolor": "white", "plot_bgcolor": "white", "font": FONT}
}
"""A small explicit template: no Streamlit theme, and cheaper than copying 'plotly_white'."""


def category_colour(colour_by: str, value: str) -> str:
    """The colour of a continent (``colour_by="continent"``) or a level, else the unknown grey."""
    palette = CONTINENT_COLOURS if colour_by == "continent" else LEVEL_COLOURS
    return palette.get(value, UNKNOWN_COLOUR)


@cache
def named_template(name: str) -> dict[str, Any]:
    """A named plotly template as a plain dict, made once per process (shared, read-only)."""
    return cast(dict[str, Any], pio.templates[name].to_plotly_json())


def default_template(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Plotly's current default template as a dict, ``overrides`` merged in (shared, read-only).

    What ``go.Figure()`` carries, and what ``update_layout(template=overrides)`` makes of it,
    for figures built as plain dicts. Read at call time: Streamlit changes the default.
    """
    base = named_template(str(pio.templates.default))
    return _merged(base, overrides) if overrides else base


def _merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` updated by ``extra``, nested dicts merged as plotly updates (copies on the way)."""
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        out[key] = (
            _merged(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
        )
    return out


DECK_THEMES = ("light", "dark")
"""The deck's two looks: the app's light one and a dark "big screen" one (深色大屏)."""

DECK_COLOURS: dict[str, dict[str, str]] = {
    "light": {
        "background": "#ffffff",
        "text": TEXT_COLOUR,
        "muted": "#4f5563",
        "ocean": "#eef4fa",
        "land": "#e6e9ef",
        "border": "#ffffff",
        "maritime": MARITIME_LINE["color"],
        "lines": "rgba(31, 95, 168, 0.55)",
        "ties": "#5b6270",
        "panel": "rgba(255,255,255,0.92)",
        "accent": GUANGXI_RED,
    },
    "dark": {
        "background": "#0d1520",
        "text": "#f2f4f8",
        "muted": "#c5ccd8",
        "ocean": "#122131",
        "land": "#2b3747",
        "border": "#0d1520",
        "maritime": "#d7dce4",
        "lines": "rgba(120, 178, 240, 0.6)",
        "ties": "#b4bccb",
        "panel": "rgba(13,21,32,0.92)",
        "accent": "#ff5a6e",
    },
}
"""Background, text (at least 4.5:1 on the background), map and line colours of each deck look.

The category palettes above are the same in both; only grounds, text and lines change.
"""


def deck_colours(theme: str) -> dict[str, str]:
    """The colours of a deck theme (``light`` for anything unknown)."""
    return DECK_COLOURS.get(theme, DECK_COLOURS["light"])


TITLE_BAND = 52
"""Pixels at the top of a stamped figure that hold its title (``exports.stamp_spec``)."""
LEGEND_ROW = 28
"""Pixels one row of a horizontal legend takes."""


def legend_under_title(height: float, **settings: Any) -> dict[str, Any]:
    """A horizontal legend pinned under the title of a ``height``-pixel figure, above its plot.

    Placed in the container (``yref``) :data:`TITLE_BAND` px from the top, it reserves the
    room it takes, so where it wraps (a phone) the plot moves down: it never covers the title
    or the plot at any width (a legend above the plot in paper units grew up over the title, one
    beside it took half of a phone's width).
    """
    return {
        "orientation": "h",
        "x": 0.0,
        "xanchor": "left",
        "yref": "container",
        "y": round(1 - TITLE_BAND / height, 4),
        "yanchor": "top",
        **settings,
    }


def colorbar_under_plot(title: str, length: float) -> dict[str, Any]:
    """A colour bar across the figure's footer, under the plot, ``length`` of its width.

    Over a map's corner it covered land on a phone; upright beside the map it took a fifth of
    a phone's width.
    """
    return {
        "title": {"text": title, "side": "top"},
        "orientation": "h",
        "len": length,
        "thickness": 10,
        "x": 0.02,
        "xanchor": "left",
        "y": 0.0,
        "yanchor": "top",
        "ypad": 4,
    }
