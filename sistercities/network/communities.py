"""Communities of the sister-city network (modularity), each named by its dominant group."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import networkx as nx

from sistercities.network.graph import SEED, pair_graph

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class Community:
    """A group of nodes found by modularity, named by its dominant country or continent.

    ``group`` is an ISO3 code (place view) or a continent (country and continent views);
    ``share`` counts the partner-side nodes of that group and ``partners`` all of them;
    ``hub`` is the Guangxi unit with the most pairs inside; ``pairs`` the pairs inside.
    """

    nodes: tuple[str, ...]
    group: str
    group_kind: Literal["country", "continent", ""]
    share: int
    partners: int
    hub: str
    pairs: int


def communities(graph: nx.Graph, seed: int = SEED) -> tuple[list[Community], float]:
    """Communities of the sister-city edges (networkx Louvain, seeded) and their modularity.

    Nodes without a pair are left out. Communities are ordered by size, then by first node.
    """
    pairs = pair_graph(graph)
    pairs.remove_nodes_from([n for n, d in pairs.degree() if d == 0])
    if pairs.number_of_edges() == 0:
        return [], 0.0
    found = nx.community.louvain_communities(pairs, weight="weight", seed=seed)
    quality = nx.community.modularity(pairs, found, weight="weight")
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    inside = _weights_inside(pairs, ordered)
    described = [_describe_community(pairs, nodes, *inside[i]) for i, nodes in enumerate(ordered)]
    return described, float(quality)


def _weights_inside(
    pairs: nx.Graph, groups: list[list[str]]
) -> list[tuple[dict[str, float], float]]:
    """Per community: each node's weighted degree inside it, and the weight of its edges.

    One pass over the edges (a subgraph view per community cost more than Louvain itself).
    """
    group_of = {node: index for index, nodes in enumerate(groups) for node in nodes}
    found: list[tuple[dict[str, float], float]] = [({}, 0.0) for _ in groups]
    for u, v, weight in pairs.edges(data="weight", default=1):
        index = group_of.get(u)
        if index is None or index != group_of.get(v):
            continue
        degrees, total = found[index]
        degrees[u] = degrees.get(u, 0) + weight
        degrees[v] = degrees.get(v, 0) + weight
        found[index] = (degrees, total + weight)
    return found


def _describe_community(
    pairs: nx.Graph, nodes: list[str], degrees: dict[str, float], weight: float
) -> Community:
    """Name a community by the most common country (place view) or continent of its partners.

    ``degrees`` and ``weight`` are its nodes' weighted degrees inside it and its edges' weight.
    """
    view = pairs.graph.get("view", "place")
    group_kind: Literal["country", "continent"] = "country" if view == "place" else "continent"
    key = "country_iso3" if view == "place" else "continent"
    partners = [n for n in nodes if pairs.nodes[n].get("kind") != "home"]
    values = (pairs.nodes[n].get(key, "") for n in partners)
    counts = Counter(value for value in values if isinstance(value, str) and value)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    group, share = ranked[0] if ranked else ("", 0)
    homes = [n for n in nodes if pairs.nodes[n].get("kind") == "home"]
    hub = max(homes, key=lambda n: (degrees.get(n, 0), n), default="")
    return Community(
        tuple(nodes),
        group,
        group_kind if group else "",
        share,
        len(partners),
        hub,
        int(weight),
    )
