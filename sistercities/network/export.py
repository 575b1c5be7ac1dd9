"""Tables of the network for people (ranking, top lists, communities) and for download.

The node and edge tables are written as CSV by :func:`sistercities.exports.csv_bytes` (UTF-8
with a byte-order mark; text cells starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return get an apostrophe). GEXF and GraphML carry the same attributes plus the drawn
positions, so Gephi opens the same picture.
"""

from __future__ import annotations

import io

import networkx as nx
import pandas as pd

from sistercities.contract.schema import CONTINENTS, Lang
from sistercities.counts import first_rows, top_values, top_with_ties
from sistercities.i18n import t
from sistercities.network.communities import Community
from sistercities.network.figure import describe_node
from sistercities.network.graph import PAIR
from sistercities.network.layout import Positions


def community_of(found: list[Community]) -> dict[str, int]:
    """Map each node to its community's number (1 = the largest)."""
    return {node: number for number, c in enumerate(found, start=1) for node in c.nodes}


def nodes_table(
    graph: nx.Graph,
    table: pd.DataFrame,
    lang: Lang,
    found: list[Community] | None = None,
    positions: Positions | None = None,
) -> pd.DataFrame:
    """Every node with names in both languages, what it is, and its measures.

    Returns: DataFrame with localised headers for id, Chinese and English names, what, level,
    country, continent, connections, pairs, betweenness, first pair, community (and x, y when
    ``positions`` is given), in the order of ``table``.
    """
    numbers = community_of(found or [])
    countries = graph.graph.get("countries", {})
    frame = pd.DataFrame(
        {
            t("net.col.id", lang): table["node"],
            t("net.col.name_zh", lang): table["name_zh"],
            t("net.col.name_en", lang): table["name_en"],
            t("net.col.what", lang): [describe_node(graph, n, lang) for n in table["node"]],
            t("net.col.level", lang): table["level"].map(lambda v: _level(v, lang)),
            t("net.col.country", lang): table["country_iso3"].map(
                lambda iso3: countries.get(iso3, {}).get(lang) or iso3
            ),
            t("net.col.continent", lang): table["continent"].map(lambda c: _continent(c, lang)),
            t("net.col.degree", lang): table["degree"].astype(int),
            t("net.col.pairs", lang): table["weighted_degree"].astype(int),
            t("net.col.betweenness", lang): table["betweenness"].round(4),
            t("net.col.first", lang): table["first_label"],
            t("net.col.community", lang): table["node"].map(numbers).astype("Int64"),
        }
    )
    if positions is not None:
        frame[t("net.col.x", lang)] = [positions[n][0] for n in table["node"]]
        frame[t("net.col.y", lang)] = [positions[n][1] for n in table["node"]]
    return frame


def _level(level: str, lang: Lang) -> str:
    """A level's name ('several levels' for mixed, '' when none)."""
    if level == "mixed":
        return t("net.group.mixed", lang)
    return t(f"level.{level}", lang) if level else ""


def _continent(continent: str, lang: Lang) -> str:
    """A continent's name in the language."""
    return t(f"continent.{continent}", lang) if continent in CONTINENTS else continent


def edges_table(graph: nx.Graph, lang: Lang) -> pd.DataFrame:
    """Every edge: both ends (ids and names), the tie, its pairs and its first date.

    Returns: DataFrame with localised headers for source, source name, target, target name, tie,
    pairs (0 for part-of ties) and first pair.
    """
    name = "name_zh" if lang == "zh" else "name_en"
    rows = [
        (
            u,
            graph.nodes[u].get(name, u),
            v,
            graph.nodes[v].get(name, v),
            t(f"net.tie.{d['kind']}", lang),
            int(d.get("weight", 0)),
            d.get("first_label", ""),
        )
        for u, v, d in graph.edges(data=True)
    ]
    keys = ("source", "source_name", "target", "target_name", "tie", "pairs", "first")
    return pd.DataFrame(rows, columns=[t(f"net.col.{key}", lang) for key in keys])


def ranking_table(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The ranking beside the graph: name, connections, pairs, betweenness, first pair."""
    name = table["name_zh"] if lang == "zh" else table["name_en"]
    return pd.DataFrame(
        {
            t("net.col.name", lang): name,
            t("net.col.degree", lang): table["degree"].astype(int),
            t("net.col.pairs", lang): table["weighted_degree"].astype(int),
            t("net.col.betweenness", lang): table["betweenness"].round(3),
            t("net.col.first", lang): table["first_label"].where(
                table["first_label"] != "", t("date.unknown", lang)
            ),
        }
    ).reset_index(drop=True)


def top_homes(table: pd.DataFrame, lang: Lang, count: int = 5) -> pd.DataFrame:
    """The Guangxi units with the most pairs in this view (name, pairs, connections, rank).

    The same tie rule as the overview's lists (:func:`sistercities.counts.top_with_ties`).
    """
    name = "name_zh" if lang == "zh" else "name_en"
    homes = {
        node: (label, int(degree))
        for node, kind, pairs, label, degree in zip(
            table["node"],
            table["kind"],
            table["weighted_degree"],
            table[name],
            table["degree"],
            strict=True,
        )
        if kind == "home" and pairs > 0
    }
    pairs_of = dict(zip(table["node"], table["weighted_degree"], strict=True))
    ranked = top_with_ties({node: pairs_of[node] for node in homes}, count)
    return pd.DataFrame(
        {
            t("net.col.name", lang): [homes[node][0] for node in ranked["id"]],
            t("net.col.pairs", lang): ranked["pairs"].to_numpy(),
            t("net.col.degree", lang): [homes[node][1] for node in ranked["id"]],
            t("net.col.rank", lang): ranked["rank"].to_numpy(),
        }
    )


def top_countries(links: pd.DataFrame, lang: Lang, count: int = 5) -> pd.DataFrame:
    """The partner countries holding the most of the filtered pairs (name, pairs, rank).

    The same tie rule as the overview's lists (:func:`sistercities.counts.top_with_ties`):
    every country tied with the last place is listed, ties in ISO3 order in both languages.
    """
    ranked = top_values(links["country_iso3"], count)
    first = first_rows(links["country_iso3"].to_numpy())
    name = "country_zh" if lang == "zh" else "country_en"
    names = links[name].take([first[iso3] for iso3 in ranked["id"]]).tolist()
    return pd.DataFrame(
        {
            t("net.col.country", lang): [
                label or iso3 for label, iso3 in zip(names, ranked["id"], strict=True)
            ],
            t("net.col.pairs", lang): ranked["pairs"].to_numpy(),
            t("net.col.rank", lang): ranked["rank"].to_numpy(),
        }
    )


def community_name(
    community: Community, lang: Lang, number: int, countries: dict | None = None
) -> str:
    """A community's name: 'Mostly Japan (5/7)', or 'Japan and others (3/18)'.

    'Japan and others' when no group holds half the partners; 'Community 3' when no partner
    has a country or continent.

    ``countries`` maps ISO3 codes to ``{"zh": ..., "en": ...}`` names (the graph's table).
    """
    if not community.group:
        return t("net.community.unnamed", lang, number=number)
    if community.group_kind == "continent":
        group = _continent(community.group, lang)
    else:
        group = (countries or {}).get(community.group, {}).get(lang) or community.group
    key = (
        "net.community.name" if 2 * community.share >= community.partners else "net.community.lead"
    )
    return t(key, lang, group=group, share=community.share, total=community.partners)


def communities_table(graph: nx.Graph, found: list[Community], lang: Lang) -> pd.DataFrame:
    """One row per community: number, name, Guangxi hub, nodes, pairs inside."""
    countries = graph.graph.get("countries", {})
    name = "name_zh" if lang == "zh" else "name_en"
    rows = [
        (
            number,
            community_name(community, lang, number, countries),
            graph.nodes[community.hub].get(name, community.hub) if community.hub else "",
            len(community.nodes),
            community.pairs,
        )
        for number, community in enumerate(found, start=1)
    ]
    keys = ("community", "name", "hub", "members", "pairs")
    return pd.DataFrame(rows, columns=[t(f"net.col.{key}", lang) for key in keys])


def export_graph(graph: nx.Graph, table: pd.DataFrame, found: list[Community]) -> nx.Graph:
    """A copy with plain attributes only (text, integers, floats) for GEXF and GraphML."""
    numbers = community_of(found)
    by_node = table.set_index("node")
    clean: nx.Graph[str] = nx.Graph()
    for node, data in graph.nodes(data=True):
        row = by_node.loc[node]
        attrs: dict[str, str | int | float] = {
            key: str(data.get(key, "") or "") for key in _TEXT_KEYS
        }
        attrs["label"] = str(data.get("name_en") or node)
        attrs.update(
            degree=int(row["degree"]),
            weighted_degree=int(row["weighted_degree"]),
            betweenness=float(row["betweenness"]),
            first_pair=str(row["first_label"]),
            community=int(numbers.get(node, 0)),
        )
        clean.add_node(node, **attrs)
    for u, v, data in graph.edges(data=True):
        attrs = {"kind": data["kind"], "first_pair": str(data.get("first_label", ""))}
        if data["kind"] == PAIR:
            attrs["weight"] = int(data["weight"])
        clean.add_edge(u, v, **attrs)
    return clean


_TEXT_KEYS = ("kind", "name_zh", "name_en", "country_iso3", "continent", "level")


def _with_positions(
    graph: nx.Graph, table: pd.DataFrame, found: list[Community], positions: Positions, gexf: bool
) -> nx.Graph:
    """The export graph with each node's drawn position (GEXF ``viz``, or GraphML x, y)."""
    clean = export_graph(graph, table, found)
    for node, data in clean.nodes(data=True):
        x, y = (float(value) for value in positions.get(node, (0.0, 0.0)))
        if gexf:
            data["viz"] = {"position": {"x": x * 100, "y": y * 100, "z": 0.0}}
        else:
            data.update(x=x, y=y)
    return clean


def gexf_bytes(
    graph: nx.Graph, table: pd.DataFrame, found: list[Community], positions: Positions
) -> bytes:
    """The network as GEXF 1.2 (UTF-8), node positions included for Gephi."""
    buffer = io.BytesIO()
    nx.write_gexf(_with_positions(graph, table, found, positions, True), buffer, encoding="utf-8")
    return buffer.getvalue()


def graphml_bytes(
    graph: nx.Graph, table: pd.DataFrame, found: list[Community], positions: Positions
) -> bytes:
    """The network as GraphML (UTF-8) with the same attributes (positions as x, y)."""
    buffer = io.BytesIO()
    nx.write_graphml(
        _with_positions(graph, table, found, positions, False), buffer, encoding="utf-8"
    )
    return buffer.getvalue()
