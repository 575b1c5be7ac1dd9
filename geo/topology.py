"""Decode TopoJSON (quantized, delta-encoded arcs) into shapely geometries.

Used by the asset build (ring winding, coast chaining) and by tests; numpy and shapely only.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry


def decode_arcs(topology: dict) -> list[np.ndarray]:
    """Return the arcs of a (quantized, delta-encoded) TopoJSON as lon/lat arrays."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points = np.asarray(arc, dtype=float)
        if transform:
            points = np.cumsum(points, axis=0) * transform["scale"] + transform["translate"]
        arcs.append(points)
    return arcs


def join_arcs(indexes: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    """Join signed arc references (``~i`` is arc ``i`` reversed) into one coordinate array."""
    pieces = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indexes]
    return np.concatenate([pieces[0], *[piece[1:] for piece in pieces[1:]]])


def decode_geometry(geometry: dict, arcs: list[np.ndarray]) -> BaseGeometry:
    """Decode one TopoJSON geometry (Polygon, MultiPolygon, LineString or MultiLineString).

    Args:
        geometry: The TopoJSON geometry object.
        arcs: Decoded arcs from :func:`decode_arcs`.

    Returns:
        The shapely geometry, with ring orientation as stored.
    """
    kind = geometry["type"]
    if kind == "Polygon":
        return _polygon(geometry["arcs"], arcs)
    if kind == "MultiPolygon":
        return MultiPolygon([_polygon(p, arcs) for p in geometry["arcs"]])
    if kind == "LineString":
        return shapely.LineString(join_arcs(geometry["arcs"], arcs))
    if kind == "MultiLineString":
        return shapely.MultiLineString([join_arcs(line, arcs) for line in geometry["arcs"]])
    raise ValueError(f"unsupported TopoJSON geometry type {kind!r}")


def _polygon(rings: list[list[int]], arcs: list[np.ndarray]) -> Polygon:
    """Decode the arc references of one TopoJSON polygon (exterior ring, then holes)."""
    coords = [join_arcs(ring, arcs) for ring in rings]
    return Polygon(coords[0], coords[1:])


def read_topology_object(topology: dict, name: str) -> list[tuple[str | None, BaseGeometry]]:
    """Decode every geometry of a TopoJSON object.

    Args:
        topology: Parsed TopoJSON.
        name: Object name, e.g. ``"countries"``.

    Returns:
        ``(id, geometry)`` pairs in file order; ``id`` is None where absent.
    """
    arcs = decode_arcs(topology)
    return [
        (geometry.get("id"), decode_geometry(geometry, arcs))
        for geometry in topology["objects"][name]["geometries"]
    ]
