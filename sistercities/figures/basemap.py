"""Geo subplot settings shared by every map: draw only what the served topojson holds."""

from __future__ import annotations

from typing import Any

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


def offline_geo(projection: dict[str, Any], **settings: Any) -> dict[str, Any]:
    """Geo settings with every base layer off, then ``settings`` (e.g. land on, a centre)."""
    return {"projection": projection, **BASE_LAYERS_OFF, **settings}
