"""Deterministic layouts of the sister-city network: radial (Guangxi at the centre) and force."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx

from sistercities.contract.schema import CONTINENTS
from sistercities.network.graph import PART_OF, SEED

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

Layout = Literal["radial", "force"]
LAYOUTS: tuple[Layout, ...] = ("radial", "force")
Positions = dict[str, tuple[float, float]]
INNER, MIDDLE, OUTER, OUTER_STEP = 1.4, 2.2, 3.4, 0.35


def layout(graph: nx.Graph, name: Layout = "radial", seed: int = SEED) -> Positions:
    """Node positions for a layout name; both layouts are deterministic."""
    return radial_layout(graph) if name == "radial" else force_layout(graph, seed)


def radial_layout(graph: nx.Graph) -> Positions:
    """Guangxi's region at the centre, its cities on an inner ring, counties beside their city.

    The partner side sits on an outer ring grouped by continent (then country, then name).
    """
    positions: Positions = {}
    homes = [n for n, d in graph.nodes(data=True) if d.get("kind") == "home"]
    levels = {n: graph.nodes[n].get("level") for n in homes}
    centre = sorted(n for n in homes if levels[n] == "province")
    positions.update(_ring(centre, 0.25 if len(centre) > 1 else 0.0))
    parent = {n: _parent(graph, n) for n in homes}
    cities = sorted(n for n in homes if levels[n] == "prefecture")
    others = sorted(n for n in homes if levels[n] not in ("province", "prefecture"))
    sectors = [(city, [c for c in others if parent[c] == city]) for city in cities]
    loose = [c for c in others if parent[c] not in cities]
    if loose:
        sectors.append(("", loose))
    total = sum(max(1, len(children)) for _, children in sectors)
    start = 0.0
    for city, children in sectors:
        width = max(1, len(children)) / total
        if city:
            positions[city] = _point(INNER, start + width / 2)
        for index, child in enumerate(children):
            positions[child] = _point(MIDDLE, start + width * (index + 0.5) / len(children))
        start += width
    positions.update(_partner_ring(graph))
    return positions


def _parent(graph: nx.Graph, node: str) -> str:
    """The unit a Guangxi unit is part of ('' when none is drawn)."""
    own = _rank(graph.nodes[node].get("level"))
    for other, edge in graph.adj[node].items():  # the edge's kind first: most are pairs
        if edge["kind"] == PART_OF and _rank(graph.nodes[other].get("level")) < own:
            return other
    return ""


def _rank(level: object) -> int:
    """Order of home levels from the region down."""
    return {"province": 0, "prefecture": 1}.get(str(level), 2)


def _partner_ring(graph: nx.Graph) -> Positions:
    """The partner side on the outer ring, continents in a fixed order with gaps between."""
    order = {name: index for index, name in enumerate(CONTINENTS)}
    partners = sorted(
        (
            order.get(d.get("continent", ""), len(order)),
            d.get("country_iso3", ""),
            d.get("name_en", ""),
            n,
        )
        for n, d in graph.nodes(data=True)
        if d.get("kind") != "home"
    )
    gap = max(1, round(len(partners) * 0.02))
    slots: list[str | None] = []
    for index, item in enumerate(partners):
        if index and item[0] != partners[index - 1][0]:
            slots.extend([None] * gap)
        slots.append(item[3])
    if len(set(p[0] for p in partners)) > 1:
        slots.extend([None] * gap)
    staggered = len(partners) > 120
    positions: Positions = {}
    for index, node in enumerate(slots):
        if node is not None:
            radius = OUTER + (OUTER_STEP * (index % 2) if staggered else 0.0)
            positions[node] = _point(radius, index / max(1, len(slots)))
    return positions


def _ring(nodes: list[str], radius: float) -> Positions:
    """Nodes evenly on a circle (all at the centre when the radius is 0)."""
    return {node: _point(radius, index / max(1, len(nodes))) for index, node in enumerate(nodes)}


def _point(radius: float, turn: float) -> tuple[float, float]:
    """A point at ``turn`` (0-1, clockwise from the top) on a circle."""
    angle = math.pi / 2 - 2 * math.pi * turn
    return (round(radius * math.cos(angle), 5), round(radius * math.sin(angle), 5))


DENSE_LIMIT = 450
"""networkx's spring layout needs scipy from 500 nodes; larger cores use ForceAtlas2 (numpy)."""


def force_layout(graph: nx.Graph, seed: int = SEED) -> Positions:
    """A seeded force layout (same data, same picture).

    The core (every node but single-tie leaves) is laid out by force, started from the radial
    layout; each leaf then sits in a small fan beside the one node it is tied to, so hundreds
    of one-pair partners cost nothing and stay readable.
    """
    if len(graph) == 0:
        return {}
    leaves = _leaves(graph)
    core = graph.subgraph([n for n in graph if n not in leaves])
    start = radial_layout(graph)
    placed: Mapping[Any, npt.NDArray[np.floating]]
    if len(core) < DENSE_LIMIT:
        placed = nx.spring_layout(core, pos=start, seed=seed, iterations=50, scale=OUTER)
    else:
        placed = nx.forceatlas2_layout(core, pos=start, seed=seed, max_iter=60)
        placed = nx.rescale_layout_dict(placed, scale=OUTER)
    positions = {node: (float(x), float(y)) for node, (x, y) in placed.items()}
    positions.update(_leaf_fans(graph, leaves, positions))
    return {node: (round(x, 5), round(y, 5)) for node, (x, y) in positions.items()}


def _leaves(graph: nx.Graph) -> dict[str, str]:
    """Nodes tied to exactly one other node (which has other ties): leaf -> anchor."""
    leaves = {}
    for node in graph:
        if graph.degree(node) == 1:
            anchor = next(iter(graph.neighbors(node)))
            if graph.degree(anchor) > 1:
                leaves[node] = anchor
    return leaves


def _leaf_fans(graph: nx.Graph, leaves: dict[str, str], core: Positions) -> Positions:
    """Leaves in a fan pointing away from the centre, beside their anchor."""
    order = {name: index for index, name in enumerate(CONTINENTS)}
    by_anchor: dict[str, list[tuple]] = {}
    for leaf, anchor in leaves.items():
        data = graph.nodes[leaf]
        key = (order.get(data.get("continent", ""), 99), data.get("country_iso3", ""), leaf)
        by_anchor.setdefault(anchor, []).append(key)
    positions: Positions = {}
    for anchor, keys in sorted(by_anchor.items()):
        ax, ay = core[anchor]
        outward = math.atan2(ay, ax) if (ax, ay) != (0.0, 0.0) else math.pi / 2
        count = len(keys)
        spread = min(2 * math.pi, 0.3 + 0.18 * count)
        radius = 0.25 + 0.03 * math.sqrt(count)
        for index, key in enumerate(sorted(keys)):
            angle = outward - spread / 2 + spread * (index + 0.5) / count
            ring = radius * (1.45 if count > 12 and index % 2 else 1.0)
            positions[key[2]] = (ax + ring * math.cos(angle), ay + ring * math.sin(angle))
    return positions
