"""Small run-time helpers for the map page built on the committed boundary assets.

Pure functions: they read only the files they are given (never at import) and return new
objects. Caching belongs to the UI layer.
"""

from __future__ import annotations

import json
from pathlib import Path

import shapely
from shapely.geometry import shape


def country_label_points(topojson_path: Path) -> dict[str, tuple[float, float]]:
    """Return each country's label point from the served world topojson.

    Plotly's own ``world_110m.json`` schema stores it as ``properties.ct`` (``[lon, lat]``);
    the map uses it to place one marker per country when pairs are shown by country.

    Args:
        topojson_path: The world topojson (``static/world_110m.json``).

    Returns:
        ``{iso3: (lon, lat)}`` for every country geometry that has a label point.
    """
    data = json.loads(topojson_path.read_text(encoding="utf-8"))
    points: dict[str, tuple[float, float]] = {}
    for geometry in data["objects"]["countries"]["geometries"]:
        centre = (geometry.get("properties") or {}).get("ct")
        if geometry.get("id") and centre:
            points[str(geometry["id"])] = (float(centre[0]), float(centre[1]))
    return points


def feature_label_points(geojson: dict) -> dict[str, tuple[float, float]]:
    """Return a point inside each feature of a FeatureCollection, keyed by feature ``id``.

    Uses shapely's ``point_on_surface`` (always inside the polygon, unlike a centroid), so a
    label never falls in a neighbouring prefecture.

    Returns:
        ``{feature_id: (lon, lat)}`` rounded to 4 decimals.
    """
    points: dict[str, tuple[float, float]] = {}
    for feature in geojson["features"]:
        inside = shapely.point_on_surface(shape(feature["geometry"]))
        points[str(feature["id"])] = (round(inside.x, 4), round(inside.y, 4))
    return points
