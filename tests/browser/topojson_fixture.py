"""A tiny hand-made world topojson (four squares) for tests of the offline map mechanism.

Not geography: each country is a 4-degree square near its real position, enough for
plotly.js to draw choropleth shapes without any file from the network.
"""

from __future__ import annotations

SQUARES = {"JPN": (136, 36), "THA": (101, 15), "FRA": (2, 47), "VNM": (106, 16)}


def tiny_topojson() -> dict:
    """A Topology with object ``countries``, each geometry's id an ISO3 code."""
    arcs, geometries = [], []
    for index, (iso3, (lon, lat)) in enumerate(SQUARES.items()):
        # clockwise, as d3-geo expects of an outer ring
        ring = [[lon - 2, lat - 2], [lon - 2, lat + 2], [lon + 2, lat + 2], [lon + 2, lat - 2]]
        arcs.append([*ring, ring[0]])
        geometries.append({"type": "Polygon", "id": iso3, "arcs": [[index]], "properties": {}})
    return {
        "type": "Topology",
        "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": arcs,
    }
