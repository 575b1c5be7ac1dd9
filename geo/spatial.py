"""Run-time geographic helpers: great-circle arcs and the committed boundary assets.

Pure functions; the assets are read only when a loader is called, never at import.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import numpy as np

ASSETS_DIR = Path(__file__).parent / "assets"
MARITIME_PATH = ASSETS_DIR / "maritime.json"
PREFECTURES_PATH = ASSETS_DIR / "guangxi_prefectures.geojson"
DEFAULT_POINTS = 32


def _to_vector(lon: float, lat: float) -> tuple[float, float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def wrap_longitude(lon: float) -> float:
    """Return ``lon`` wrapped into [-180, 180), e.g. 190 -> -170."""
    return (lon + 180.0) % 360.0 - 180.0


def central_angle(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Return the angle in radians between two points on the sphere (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * math.asin(min(1.0, math.sqrt(h)))


def great_circle(
    lon1: float, lat1: float, lon2: float, lat2: float, n: int = DEFAULT_POINTS
) -> tuple[list[float], list[float]]:
    """Return ``n`` evenly spaced points on the great circle from point 1 to point 2.

    Endpoints included. Longitudes are wrapped into [-180, 180): plotly's ``scattergeo``
    draws each segment with d3-geo, which joins consecutive points along the short
    great-circle arc and cuts the line at the antimeridian itself, so a jump from 179 to
    -179 is drawn as a 2-degree step, not across the map. The intermediate points make
    the arc's shape independent of the projection and give hover/midpoint positions.

    Args:
        lon1: Start longitude in degrees.
        lat1: Start latitude in degrees.
        lon2: End longitude in degrees.
        lat2: End latitude in degrees.
        n: Number of points, at least 2.

    Returns:
        ``(lons, lats)`` lists of length ``n``, rounded to 4 decimals.

    Raises:
        ValueError: If ``n < 2`` or the points are antipodal (no unique great circle).
    """
    if n < 2:
        raise ValueError("n must be at least 2")
    omega = central_angle(lon1, lat1, lon2, lat2)
    if math.isclose(omega, math.pi, abs_tol=1e-9):
        raise ValueError("antipodal points have no unique great circle")
    a, b = _to_vector(lon1, lat1), _to_vector(lon2, lat2)
    lons, lats = [], []
    for i in range(n):
        t = i / (n - 1)
        if omega < 1e-12:
            wa, wb = 1.0 - t, t
        else:
            wa = math.sin((1 - t) * omega) / math.sin(omega)
            wb = math.sin(t * omega) / math.sin(omega)
        x, y, z = (wa * a[k] + wb * b[k] for k in range(3))
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        lon = math.degrees(math.atan2(y, x)) if math.hypot(x, y) > 1e-12 else lon1
        lons.append(round(wrap_longitude(lon), 4))
        lats.append(round(lat, 4))
    lons[0], lats[0] = round(wrap_longitude(lon1), 4), round(lat1, 4)
    lons[-1], lats[-1] = round(wrap_longitude(lon2), 4), round(lat2, 4)
    return lons, lats


def arc_lines(
    pairs: Iterable[tuple[float, float, float, float]], n: int = DEFAULT_POINTS
) -> tuple[list[float | None], list[float | None]]:
    """Return many great-circle arcs as one ``None``-separated line for a single trace.

    Vectorised with numpy: the same points as :func:`great_circle` for every pair, computed for
    all arcs at once (tens of thousands of links in a fraction of a second).

    Args:
        pairs: ``(lon1, lat1, lon2, lat2)`` per link.
        n: Points per arc, at least 2.

    Returns:
        ``(lons, lats)``: each arc's points followed by ``None`` (plotly's line gap).

    Raises:
        ValueError: If ``n < 2`` or a pair is antipodal.
    """
    ends = np.asarray(list(pairs), dtype=float).reshape(-1, 4)
    if n < 2:
        raise ValueError("n must be at least 2")
    if len(ends) == 0:
        return [], []
    lon1, lat1, lon2, lat2 = (np.radians(ends[:, k]) for k in range(4))
    a = np.stack([np.cos(lat1) * np.cos(lon1), np.cos(lat1) * np.sin(lon1), np.sin(lat1)], 1)
    b = np.stack([np.cos(lat2) * np.cos(lon2), np.cos(lat2) * np.sin(lon2), np.sin(lat2)], 1)
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    omega = 2 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    if np.any(np.isclose(omega, np.pi, atol=1e-9)):
        raise ValueError("antipodal points have no unique great circle")
    steps = np.linspace(0.0, 1.0, n)
    tiny = omega < 1e-12
    safe = np.where(tiny, 1.0, np.sin(omega))[:, None]
    wa = np.where(tiny[:, None], 1 - steps, np.sin((1 - steps) * omega[:, None]) / safe)
    wb = np.where(tiny[:, None], steps, np.sin(steps * omega[:, None]) / safe)
    xyz = wa[:, :, None] * a[:, None, :] + wb[:, :, None] * b[:, None, :]
    flat = np.hypot(xyz[..., 0], xyz[..., 1])
    lats = np.degrees(np.arctan2(xyz[..., 2], flat))
    lons = np.where(flat > 1e-12, np.degrees(np.arctan2(xyz[..., 1], xyz[..., 0])), ends[:, :1])
    lons = (lons + 180.0) % 360.0 - 180.0
    lons[:, 0], lats[:, 0] = (ends[:, 0] + 180.0) % 360.0 - 180.0, ends[:, 1]
    lons[:, -1], lats[:, -1] = (ends[:, 2] + 180.0) % 360.0 - 180.0, ends[:, 3]
    return _gapped(np.round(lons, 4)), _gapped(np.round(lats, 4))


def _gapped(points: np.ndarray) -> list[float | None]:
    """Rows of points joined into one list with ``None`` after each row."""
    table = np.empty((points.shape[0], points.shape[1] + 1), dtype=object)
    table[:, :-1] = points
    table[:, -1] = None
    return table.ravel().tolist()


@cache
def _read_json(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def maritime_line() -> tuple[list[float | None], list[float | None]]:
    """Return China's maritime boundary line (cnmaps' Amap layer) for a ``scattergeo``.

    Returns:
        ``(lons, lats)`` with ``None`` between segments; fresh lists on every call.
    """
    data = json.loads(_read_json(MARITIME_PATH))
    return data["lon"], data["lat"]


def load_prefecture_geojson() -> dict:
    """Return Guangxi's 14 prefectures as a GeoJSON FeatureCollection (a fresh dict).

    Feature ``id`` is the admin code (e.g. ``"450100"``), usable as plotly
    ``choropleth(geojson=..., locations=codes)``; properties: admin_code, name_zh, name_en.
    """
    return json.loads(_read_json(PREFECTURES_PATH))
