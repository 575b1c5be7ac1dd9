"""Measures of the sister-city network: degree, weighted degree, betweenness, first pair.

Part-of edges are left out of every measure (:func:`sistercities.network.graph.pair_graph`).
"""

from __future__ import annotations

import math
import random
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
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
    between = sampled_betweenness(pairs, sample, seed) if approximate else exact_betweenness(pairs)
    firsts = _first_pairs(pairs)
    rows = []
    for node, data in pairs.nodes(data=True):
        first = firsts[node]
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


def sampled_betweenness(graph: nx.Graph, k: int, seed: int) -> dict[str, float]:
    """``nx.betweenness_centrality(graph, k=k, seed=seed)``, its ``k`` searches run together.

    The same sampled sources and the same normalisation as networkx; the breadth-first searches
    and Brandes' accumulation run level by level on integer node indices for all sources at
    once in numpy, about ten times faster (a different order of additions: equal to networkx
    up to rounding). With ``k`` at least the number of nodes it is :func:`exact_betweenness`.
    """
    nodes = list(graph)
    count = len(nodes)
    if k >= count:
        return exact_betweenness(graph)
    sources = random.Random(seed).sample(nodes, k)  # what networkx's seeded sampling picks
    index = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(index[u], index[v]) for u, v in graph.edges()], dtype=np.int64)
    ends = ends.reshape(-1, 2)
    tail = np.concatenate([ends[:, 0], ends[:, 1]])  # both directions of every edge
    head = np.concatenate([ends[:, 1], ends[:, 0]])
    rows = np.arange(k)[:, None]
    into_head, into_tail = (rows * count + head).ravel(), (rows * count + tail).ravel()
    distance = np.full((k, count), -1, dtype=np.int64)
    paths = np.zeros((k, count))
    starts = np.array([index[source] for source in sources])
    distance[np.arange(k), starts] = 0
    paths[np.arange(k), starts] = 1.0
    level = 0
    while True:  # breadth first: count shortest paths into the next level
        flow = np.where(distance[:, tail] == level, paths[:, tail], 0.0)
        reach = np.bincount(into_head, flow.ravel(), k * count).reshape(k, count)
        found = (distance == -1) & (reach > 0)
        if not found.any():
            break
        level += 1
        distance[found] = level
        paths[found] = reach[found]
    dependency = np.zeros((k, count))
    head_depth, tail_depth = distance[:, head], distance[:, tail]
    ratio = paths[:, tail] / np.where(paths > 0, paths, 1.0)[:, head]  # sigma(v) / sigma(w)
    for depth in range(level, 0, -1):  # back up: each node's share of the paths through it
        on_path = (head_depth == depth) & (tail_depth == depth - 1)
        gain = np.where(on_path, ratio * (1 + dependency[:, head]), 0.0)
        dependency += np.bincount(into_tail, gain.ravel(), k * count).reshape(k, count)
    dependency[np.arange(k), starts] = 0.0  # a source lies on none of its own paths
    totals = dependency.sum(axis=0)
    pairs_per_node = count - 2  # N - 1, N = count - 1 (endpoints left out)
    if count - 1 < 2:
        return dict(zip(nodes, totals.tolist(), strict=True))
    sampled = set(sources)
    source_scale = 1 / ((k - 1) * pairs_per_node) if k > 1 else math.nan
    other_scale = 1 / (k * pairs_per_node)
    return {
        node: value * (source_scale if node in sampled else other_scale)
        for node, value in zip(nodes, totals.tolist(), strict=True)
    }


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


def _first_pairs(pairs: nx.Graph) -> dict[str, tuple[pd.Timestamp | NaTType, str]]:
    """The earliest dated pair at each node: its start and its date as recorded (NaT, '').

    Of equally early pairs, the first among the node's edges. Read straight from the
    adjacency (an edge view and ``pd.notna`` per edge cost most of the measures' own time).
    """
    found: dict[str, tuple[pd.Timestamp | NaTType, str]] = {}
    for node, edges in pairs.adjacency():
        best = None
        for data in edges.values():
            start = data["first_start"]
            if start is None or start is pd.NaT or start != start:  # undated (NaN != NaN)
                continue
            if best is None or start < best[0]:
                best = (start, data["first_label"])
        found[node] = best if best is not None else (pd.NaT, "")
    return found
