"""The sister-city network as a networkx graph: views, nodes, edges and the ego of a node.

Measures are in :mod:`sistercities.network.measures`, communities in
:mod:`sistercities.network.communities`.

Nodes are Guangxi's units (the region, prefecture cities, counties: ``kind="home"``) and the
partner side: partner places (place view), partner countries (country view) or continents
(continent view). Edges of ``kind="pair"`` are sister-city pairs (weighted by the number of pairs
they stand for); edges of ``kind="part_of"`` join a Guangxi unit to the unit it belongs to. They
are drawn faintly and left out of every measure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, cast

import networkx as nx
import numpy as np
import pandas as pd

from sistercities.contract.schema import CONTINENTS, Lang
from sistercities.counts import first_rows
from sistercities.i18n import t

if TYPE_CHECKING:
    pass

View = Literal["place", "country", "continent"]
VIEWS: tuple[View, ...] = ("place", "country", "continent")
PAIR, PART_OF = "pair", "part_of"
PLACE_VIEW_LIMIT = 2000
"""The place view is offered for at most this many links; above it the country view opens."""
SEED = 7
HOME_LEVELS = {"province": "province", "prefecture": "prefecture"}


def available_views(link_count: int) -> tuple[View, ...]:
    """Views offered for a filter result of ``link_count`` links."""
    return VIEWS if link_count <= PLACE_VIEW_LIMIT else ("country", "continent")


def effective_view(requested: str | None, link_count: int) -> View:
    """The view shown: the requested one when offered, else the first offered (place, country)."""
    offered = available_views(link_count)
    if requested in offered:
        return requested
    return offered[0]


def country_node(iso3: str) -> str:
    """Node id of a partner country (country view)."""
    return f"country:{iso3}"


def continent_node(continent: str) -> str:
    """Node id of a continent (continent view)."""
    return f"continent:{continent}"


def node_links(links: pd.DataFrame, view: View) -> pd.DataFrame:
    """Each link with the node ids of its two ends in ``view``.

    In the country and continent views a county's pairs count with its prefecture city.
    Returns: DataFrame with columns link_id, home_node, partner_node, level, start, established.
    """
    home = links["home_place_id"].to_numpy()
    if view != "place":
        prefecture = links["home_prefecture_id"].fillna("").to_numpy()
        home = np.where(prefecture != "", prefecture, home)
    if view == "place":
        partner = links["partner_place_id"].to_numpy()
    else:  # node ids made once per country or continent, not once per link
        column, node = (
            ("country_iso3", country_node) if view == "country" else ("continent", continent_node)
        )
        codes, groups = pd.factorize(links[column].astype(str))
        partner = np.array([node(str(group)) for group in groups], dtype=object)[codes]
    return pd.DataFrame(
        {
            "link_id": links["link_id"],
            "home_node": home,
            "partner_node": partner,
            "level": links["level"],
            "start": links["start"],
            "established": links["established"].fillna(""),
        },
        index=links.index,
    )


def _pair_edges(mapped: pd.DataFrame) -> pd.DataFrame:
    """One row per joined node pair: number of pairs and the earliest dated one.

    Rows sorted by (home node, partner node). The earliest pair is the first by start date,
    then link id; its date as recorded is ``first_label`` ('' when no pair is dated). Done with
    sorted integer codes (a pandas sort and group-by took most of the graph's build time).
    """
    home_codes, homes = pd.factorize(mapped["home_node"], sort=True)
    partner_codes, partners = pd.factorize(mapped["partner_node"], sort=True)
    key = home_codes.astype(np.int64) * max(1, len(partners)) + partner_codes
    start = mapped["start"].to_numpy()
    undated = pd.isna(start)
    link_order = pd.factorize(mapped["link_id"], sort=True)[0]
    order = np.lexsort((link_order, start.view("i8"), undated, key))  # last key sorts first
    ordered = key[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(order) else order
    earliest, keys = order[starts], ordered[starts]
    labels = mapped["established"].to_numpy()[earliest]
    return pd.DataFrame(
        {
            "home_node": np.asarray(homes)[keys // max(1, len(partners))],
            "partner_node": np.asarray(partners)[keys % max(1, len(partners))],
            "weight": np.diff(np.r_[starts, len(order)]),
            "first_start": start[earliest],
            "first_label": np.where(undated[earliest], "", labels),
        }
    )


@dataclass(frozen=True, eq=False)
class PlaceDirectory:
    """What the graph needs of places.csv whatever the filter (made once per data version).

    ``attrs``: each place's names, admin type and country; ``home_parent``: each Chinese
    place's parent ('' for none), the part-of chain of Guangxi's units.
    """

    attrs: dict[str, dict[str, Any]]
    home_parent: dict[str, str]


def place_directory(places: pd.DataFrame) -> PlaceDirectory:
    """Read the places once: node attributes by place id and Guangxi's part-of chain."""
    ids, name_zh, name_en, admin, country = (
        places[column].tolist()
        for column in ("place_id", "name_zh", "name_en", "admin_type", "country_iso3")
    )
    attrs = {
        cast(str, place): {
            "name_zh": zh or en,
            "name_en": en or zh,
            "admin_type": kind,
            "country_iso3": code,
        }
        for place, zh, en, kind, code in zip(ids, name_zh, name_en, admin, country, strict=True)
    }
    home = places.loc[places["country_iso3"] == "CHN"]
    parent = dict(zip(home["place_id"], home["parent_id"].fillna(""), strict=True))
    return PlaceDirectory(attrs, parent)


def _home_ancestors(nodes: set[str], parent_of: dict[str, str]) -> dict[str, str]:
    """The part-of chain above each home node: child -> parent, for every unit on the way."""
    ties: dict[str, str] = {}
    pending = sorted(nodes)
    while pending:
        child = pending.pop()
        parent = parent_of.get(child, "")
        if parent and parent in parent_of and child not in ties:
            ties[child] = parent
            pending.append(parent)
    return ties


def _pair_levels(mapped: pd.DataFrame, first: dict[Any, int]) -> dict[str, str]:
    """The level of each partner node's pairs, or 'mixed' when it holds several levels.

    ``first`` is :func:`~sistercities.counts.first_rows` of the partner nodes.
    """
    codes, nodes = pd.factorize(mapped["partner_node"])
    level_codes, _ = pd.factorize(mapped["level"])
    span = level_codes.max(initial=0) + 1  # one code per (node, level)
    pairs = np.unique(codes.astype(np.int64) * span + level_codes)
    kinds = np.bincount(pairs // span, minlength=len(nodes))
    levels = mapped["level"].to_numpy()
    return {
        node: levels[first[node]] if count == 1 else "mixed"
        for node, count in zip(nodes, kinds.tolist(), strict=True)
    }


def _home_level(admin_type: str) -> str:
    """Level of a Guangxi unit: province (the region), prefecture or county."""
    return HOME_LEVELS.get(admin_type, "county")


def _place_attrs(directory: PlaceDirectory, ids: set[str], kind: str) -> dict[str, dict[str, Any]]:
    """Node attributes of places (names, country, admin type, coordinates)."""
    found = {}
    for place in ids:
        base = directory.attrs.get(place)
        if base is not None:
            level = _home_level(cast(str, base["admin_type"])) if kind == "home" else ""
            found[place] = {"kind": kind, **base, "level": level}
    return found


def _partner_attrs(
    links: pd.DataFrame, first: dict[Any, int], view: View
) -> dict[str, dict[str, Any]]:
    """Node attributes of the partner side: country and continent, names for group nodes.

    ``first`` holds each partner node's first row (:func:`~sistercities.counts.first_rows`),
    which describes it.
    """
    rows = list(first.values())
    columns = ("country_iso3", "country_zh", "country_en", "continent")
    iso3, name_zh, name_en, continent = (links[c].take(rows).tolist() for c in columns)
    attrs: dict[str, dict[str, Any]] = {}
    for node, code, zh, en, part in zip(first, iso3, name_zh, name_en, continent, strict=True):
        attr: dict[str, Any] = {"country_iso3": code, "continent": part}
        if view == "country":
            attr.update(kind="country", name_zh=zh or code)
            attr.update(name_en=en or code)
        elif view == "continent":
            attr.update(kind="continent", country_iso3="", **_continent_names(cast(str, part)))
        attrs[cast(str, node)] = attr
    return attrs


def _continent_names(continent: str) -> dict[str, str]:
    """A continent's names in both languages."""
    if continent in CONTINENTS:
        return {lang_key: t(f"continent.{continent}", lang) for lang_key, lang in _NAME_KEYS}
    return {"name_zh": continent, "name_en": continent}


_NAME_KEYS: tuple[tuple[str, Lang], ...] = (("name_zh", "zh"), ("name_en", "en"))


def build_graph(
    links: pd.DataFrame,
    places: pd.DataFrame,
    view: View = "place",
    directory: PlaceDirectory | None = None,
) -> nx.Graph:
    """The network of the (filtered, enriched) links in ``view``.

    Node attributes: kind (home, partner, country, continent), name_zh, name_en, country_iso3,
    continent, level (home: province/prefecture/county; partner side: the level of its pairs or
    'mixed'). Edge attributes: kind (pair, part_of), weight (pairs), first_start (Timestamp or
    NaT), first_label (the earliest pair's date as recorded, '' when undated).
    Graph attributes: view, links (number of links drawn). ``directory``, when given, is
    :func:`place_directory` of ``places`` already made.
    """
    if directory is None:
        directory = place_directory(places)
    mapped = node_links(links, view)
    edges = _pair_edges(mapped)
    home_nodes = set(mapped["home_node"].unique())
    ancestors = _home_ancestors(home_nodes, directory.home_parent)
    home_nodes |= set(ancestors.values())
    attrs = _place_attrs(directory, home_nodes, "home")
    for home_attrs in attrs.values():
        home_attrs["continent"] = "Asia"
    first = first_rows(mapped["partner_node"].to_numpy())
    partner = _partner_attrs(links, first, view)
    if view == "place":
        for node, values in _place_attrs(directory, set(partner), "partner").items():
            partner[node] = {**values, "continent": partner[node]["continent"]}
    levels = _pair_levels(mapped, first)
    for node, values in partner.items():
        values["level"] = levels.get(node, "")
    graph: nx.Graph[str] = nx.Graph(view=view, links=len(links), countries=_country_table(links))
    graph.add_nodes_from(sorted({**attrs, **partner}.items()))
    graph.add_edges_from(_edge_rows(edges))
    graph.add_edges_from(
        (child, parent, {"kind": PART_OF, "weight": 0})
        for child, parent in sorted(ancestors.items())
    )
    return graph


def _country_table(links: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Names and continent of each partner country of the links, by ISO3 code."""
    first = first_rows(links["country_iso3"].to_numpy())
    rows = sorted(first.values())  # in the order the countries first appear
    columns = ("country_iso3", "country_zh", "country_en", "continent")
    iso3, name_zh, name_en, continent = (links[c].take(rows).tolist() for c in columns)
    return {
        cast(str, code): {"zh": zh, "en": en, "continent": part}
        for code, zh, en, part in zip(iso3, name_zh, name_en, continent, strict=True)
    }


def _edge_rows(edges: pd.DataFrame) -> list[tuple[str, str, dict]]:
    """Pair edges from :func:`_pair_edges` as (home, partner, attributes) tuples."""
    columns = ("home_node", "partner_node", "weight", "first_start", "first_label")
    rows = zip(*(edges[column].tolist() for column in columns), strict=True)
    return [
        (
            home,
            partner,
            {"kind": PAIR, "weight": int(w), "first_start": first, "first_label": label},
        )
        for home, partner, w, first, label in rows
    ]


def pair_graph(graph: nx.Graph) -> nx.Graph:
    """The same nodes with only the sister-city edges (what every measure is computed on)."""
    pairs: nx.Graph[str] = nx.Graph(**graph.graph)
    pairs.add_nodes_from(graph.nodes(data=True))
    pairs.add_edges_from((u, v, d) for u, v, d in graph.edges(data=True) if d["kind"] == PAIR)
    return pairs


def ego_nodes(graph: nx.Graph, node: str | None) -> set[str]:
    """A node and its sister-city neighbours (empty when the node is not in the graph)."""
    if node is None or node not in graph:
        return set()
    pairs = [v for v in graph.neighbors(node) if graph.edges[node, v]["kind"] == PAIR]
    return {node, *pairs}


def node_for_place(graph: nx.Graph, place_id: str | None, places: pd.DataFrame) -> str | None:
    """The node that stands for a selected place in this graph's view (None when absent).

    In the country and continent views a partner place is found as its country or continent
    and a county as its prefecture city.
    """
    if not place_id:
        return None
    if place_id in graph:
        return place_id
    row = places.loc[places["place_id"] == place_id]
    if row.empty:
        return None
    place = row.iloc[0]
    iso3 = str(place["country_iso3"])
    continent = graph.graph.get("countries", {}).get(iso3, {}).get("continent", "")
    candidates = [str(place.get("prefecture_id", "") or "")]
    if iso3 != "CHN":
        candidates += [country_node(iso3), continent_node(continent) if continent else ""]
    return next((node for node in candidates if node and node in graph), None)
