"""Measures of the sister-city network: degree, weighted degree, betweenness, first pair.

Part-of edges are left out of every measure (:func:`sistercities.network.graph.pair_graph`).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from sistercities.network.graph import SEED, pair_graph

if TYPE_CHECKING:
    from pandas._libs import NaTType

EXACT_LIMIT = 2000
"""Below this many links betweenness is exact; from it on, a seeded sample estimates it."""
SAMPLE_SIZE = 32


@dataclass(frozen=True, eq=False)
class Measures:
    """Per-node measures and how betweenness was computed."""

    table: pd.DataFrame
    approximate: bool
    sample: int


def measures(graph: nx.Graph, seed: int = SEED) -> Measures:
    """Degree, weighted degree, betweenness and first-pair date of every node.

    Betweenness is exact when the graph stands for fewer than :data:`EXACT_LIMIT` links, else
    estimated from a seeded sample of :data:`SAMPLE_SIZE` source nodes.
    Returns: Measures whose table has columns node, kind, name_zh, name_en, country_iso3,
    continent, level, degree, weighted_degree, betweenness, first_start, first_label; sorted by
    weighted degree, degree, then node id.
    """
    pairs = pair_graph(graph)
    approximate = graph.graph.get("links", 0) >= EXACT_LIMIT and len(pairs) > SAMPLE_SIZE
    sample = SAMPLE_SIZE if approximate else len(pairs)
    if approximate:
        between = nx.betweenness_centrality(pairs, k=sample, seed=seed)
    else:
        between = exact_betweenness(pairs)
    rows = []
    for node, data in pairs.nodes(data=True):
        first = _first_pair(pairs, node)
        rows.append(
            {
                "node": node,
                **{key: data.get(key, "") for key in _NODE_KEYS},
                "degree": pairs.degree(node),
                "weighted_degree": int(pairs.degree(node, weight="weight")),
                "betweenness": float(between.get(node, 0.0)),
                "first_start": first[0],
                "first_label": first[1],
            }
        )
    table = pd.DataFrame(rows, columns=["node", *_NODE_KEYS, *_MEASURE_KEYS])
    table = table.sort_values(
        ["weighted_degree", "degree", "node"], ascending=[False, False, True]
    ).reset_index(drop=True)
    return Measures(table, approximate, sample)


def exact_betweenness(graph: nx.Graph) -> dict[str, float]:
    """Exact normalised betweenness (as networkx's), skipping the searches from leaves.

    A leaf (one tie, to a node with other ties) sees every other node through its anchor, so
    its dependencies equal the anchor's except at the anchor itself, which lies on all of the
    leaf's paths. Brandes' search therefore runs only from non-leaves, each weighted by
    1 + its leaves. Most partners hold a single pair, so this is several times faster.
    """
    leaves_of: dict[str, int] = dict.fromkeys(graph, 0)
    sources = []
    for node in graph:
        anchor = next(iter(graph[node])) if graph.degree(node) == 1 else None
        if anchor is not None and graph.degree(anchor) > 1:
            leaves_of[anchor] += 1
        else:
            sources.append(node)
    between = dict.fromkeys(graph, 0.0)
    for source in sources:
        order, dependency = _brandes_search(graph, source)
        weight = 1 + leaves_of[source]
        for node in order[1:]:
            between[node] += weight * dependency[node]
        between[source] += leaves_of[source] * (len(order) - 2)
    count = len(graph)
    scale = 1 / ((count - 1) * (count - 2)) if count > 2 else 1.0
    return {node: value * scale for node, value in between.items()}


def _brandes_search(graph: nx.Graph, source: str) -> tuple[list[str], dict[str, float]]:
    """Breadth-first search from ``source`` and each node's dependency (Brandes 2001)."""
    order: list[str] = []
    preds: dict[str, list[str]] = {source: []}
    paths = {source: 1}
    distance = {source: 0}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        order.append(node)
        for other in graph[node]:
            if other not in distance:
                distance[other] = distance[node] + 1
                paths[other] = 0
                preds[other] = []
                queue.append(other)
            if distance[other] == distance[node] + 1:
                paths[other] += paths[node]
                preds[other].append(node)
    dependency = dict.fromkeys(order, 0.0)
    for node in reversed(order):
        share = (1 + dependency[node]) / paths[node]
        for pred in preds[node]:
            dependency[pred] += paths[pred] * share
    return order, dependency


_NODE_KEYS = ("kind", "name_zh", "name_en", "country_iso3", "continent", "level")
_MEASURE_KEYS = ("degree", "weighted_degree", "betweenness", "first_start", "first_label")


def _first_pair(pairs: nx.Graph, node: str) -> tuple[pd.Timestamp | NaTType, str]:
    """The earliest dated pair at a node: its start and its date as recorded (NaT, '' if none)."""
    dated = [
        (data["first_start"], data["first_label"])
        for _, _, data in pairs.edges(node, data=True)
        if pd.notna(data["first_start"])
    ]
    return min(dated, key=lambda item: item[0]) if dated else (pd.NaT, "")
