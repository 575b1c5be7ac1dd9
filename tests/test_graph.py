"""Graph building, measures, communities and layouts on small hand-made data.

The hand-made pairs are tests/fixtures_data.py's PATH_LINKS (a path of four, a county's pair
and an undated pair) and star_links() (two clear communities).
"""

import math

import networkx as nx
import pandas as pd
import pytest

from sistercities.network import communities as network_communities
from sistercities.network import graph as graphs
from sistercities.network import layout as graph_layout
from sistercities.network import measures as network_measures
from tests.fixtures_data import EXTRA_PLACES, PATH_LINKS, PLACES, graph_dataset, star_links


@pytest.fixture
def path_data(tmp_path):
    return graph_dataset(tmp_path, PATH_LINKS)


def by_node(measures: network_measures.Measures) -> pd.DataFrame:
    return measures.table.set_index("node")


def test_place_view_nodes_and_edges(path_data):
    graph = graphs.build_graph(path_data.links, path_data.places, "place")
    pairs = {(u, v) for u, v, d in graph.edges(data=True) if d["kind"] == graphs.PAIR}
    part_of = {frozenset((u, v)) for u, v, d in graph.edges(data=True) if d["kind"] == "part_of"}
    assert len(pairs) == 5
    assert part_of == {
        frozenset(("cn-450321", "cn-450300")),
        frozenset(("cn-450300", "cn-450000")),
        frozenset(("cn-450100", "cn-450000")),
    }
    assert graph.nodes["cn-450321"]["level"] == "county"
    assert graph.nodes["jpn-kumamoto"]["kind"] == "partner"
    assert graph.nodes["jpn-kumamoto"]["continent"] == "Asia"
    assert graph.nodes["fra-annecy"]["level"] == "county"  # the level of its pair


def test_measures_leave_part_of_ties_out(path_data):
    graph = graphs.build_graph(path_data.links, path_data.places, "place")
    table = by_node(network_measures.measures(graph))
    # The region has three part-of ties but only one pair.
    assert table.at["cn-450000", "degree"] == 1
    assert table.at["cn-450300", "degree"] == 1
    assert table.at["jpn-kumamoto", "degree"] == 2
    assert table.at["cn-450100", "weighted_degree"] == 2


def test_betweenness_by_hand(path_data):
    graph = graphs.build_graph(path_data.links, path_data.places, "place")
    result = network_measures.measures(graph)
    table = by_node(result)
    # 8 nodes; Kumamoto lies on the shortest paths of 2 pairs (Guilin-Nanning, Guilin-Rayong)
    # out of 7*6/2 = 21 possible pairs; Nanning likewise (Kumamoto-Rayong, Guilin-Rayong).
    assert not result.approximate
    assert table.at["jpn-kumamoto", "betweenness"] == pytest.approx(2 / 21)
    assert table.at["cn-450100", "betweenness"] == pytest.approx(2 / 21)
    assert table.at["cn-450300", "betweenness"] == 0
    assert table.at["cn-450000", "betweenness"] == 0


def test_first_pair_date_keeps_recorded_precision(path_data):
    graph = graphs.build_graph(path_data.links, path_data.places, "place")
    table = by_node(network_measures.measures(graph))
    assert table.at["jpn-kumamoto", "first_label"] == "1979-10-01"
    assert table.at["cn-450100", "first_label"] == "1990"
    assert table.at["cn-450000", "first_label"] == ""
    assert pd.isna(table.at["cn-450000", "first_start"])


def test_country_view_rolls_counties_into_their_city_and_weights_edges(tmp_path):
    links = (
        PATH_LINKS + "\ncn-450321--jpn-kumamoto,cn-450321,jpn-kumamoto,county,2001,,active,,x,high,"
    )
    data = graph_dataset(tmp_path, links)
    graph = graphs.build_graph(data.links, data.places, "country")
    assert "cn-450321" not in graph
    edge = graph.edges["cn-450300", "country:JPN"]
    assert edge["weight"] == 2
    assert edge["first_label"] == "1979-10-01"
    assert graph.edges["cn-450300", "country:FRA"]["weight"] == 1
    assert graph.nodes["country:JPN"]["name_zh"] == "日本"
    assert graph.nodes["country:JPN"]["level"] == "mixed"
    table = by_node(network_measures.measures(graph))
    assert table.at["cn-450300", "weighted_degree"] == 3
    assert table.at["cn-450300", "degree"] == 2


def test_continent_view(path_data):
    graph = graphs.build_graph(path_data.links, path_data.places, "continent")
    partners = {n for n, d in graph.nodes(data=True) if d["kind"] == "continent"}
    assert partners == {"continent:Asia", "continent:Europe"}
    assert graph.nodes["continent:Europe"]["name_zh"] == "欧洲"
    assert graph.edges["cn-450100", "continent:Asia"]["weight"] == 2


def test_node_for_place_in_each_view(path_data):
    data = path_data
    place = graphs.build_graph(data.links, data.places, "place")
    country = graphs.build_graph(data.links, data.places, "country")
    continent = graphs.build_graph(data.links, data.places, "continent")
    assert graphs.node_for_place(place, "jpn-kumamoto", data.places) == "jpn-kumamoto"
    assert graphs.node_for_place(country, "jpn-kumamoto", data.places) == "country:JPN"
    assert graphs.node_for_place(continent, "fra-annecy", data.places) == "continent:Europe"
    assert graphs.node_for_place(country, "cn-450321", data.places) == "cn-450300"
    assert graphs.node_for_place(country, None, data.places) is None
    assert graphs.node_for_place(country, "no-such-place", data.places) is None


def test_ego_nodes_follow_pairs_only(path_data):
    graph = graphs.build_graph(path_data.links, path_data.places, "place")
    assert graphs.ego_nodes(graph, "cn-450100") == {"cn-450100", "jpn-kumamoto", "tha-rayong"}
    assert graphs.ego_nodes(graph, "cn-450000") == {"cn-450000", "vnm-meo-vac"}
    assert graphs.ego_nodes(graph, "missing") == set()


def test_communities_are_named_by_dominant_country(tmp_path):
    data = graph_dataset(tmp_path, star_links(), PLACES + EXTRA_PLACES)
    graph = graphs.build_graph(data.links, data.places, "place")
    found, quality = network_communities.communities(graph)
    assert len(found) == 2
    named = {c.group: c for c in found}
    assert set(named) == {"JPN", "THA"}
    assert named["JPN"].hub == "cn-450300"
    assert named["JPN"].share == named["JPN"].partners == 3
    assert named["THA"].pairs == 3
    assert quality == pytest.approx(0.5)
    assert "cn-450000" not in {n for c in found for n in c.nodes}  # no pair, no community


def test_communities_are_seeded(tmp_path):
    data = graph_dataset(tmp_path, star_links(), PLACES + EXTRA_PLACES)
    graph = graphs.build_graph(data.links, data.places, "place")
    assert network_communities.communities(graph) == network_communities.communities(graph)


def test_exact_betweenness_matches_networkx_on_graphs_with_leaves():
    for seed in range(20):
        graph = nx.gnm_random_graph(12, 18, seed=seed)
        graph.add_edges_from((seed % 12, f"leaf{n}") for n in range(4))
        graph.add_edge("a", "b")
        expected = nx.betweenness_centrality(graph)
        found = network_measures.exact_betweenness(graph)
        assert found == pytest.approx(expected)


def test_sampled_betweenness_matches_networkx_sampling_with_the_same_seed():
    """The same sources and scaling as networkx, all searches at once: equal up to rounding."""
    cases = [nx.gnm_random_graph(n, m, seed=s) for n, m, s in ((40, 60, 1), (120, 400, 2))]
    cases.append(nx.gnm_random_graph(50, 30, seed=3))  # many parts, isolated nodes
    star = nx.star_graph(8)
    star.add_edges_from([(1, 2), ("x", "y")])
    cases.append(nx.relabel_nodes(star, str))
    for graph in cases:
        for k in (1, 2, 7):
            expected = nx.betweenness_centrality(graph, k=k, seed=7)
            found = network_measures.sampled_betweenness(graph, k, 7)
            assert list(found) == list(expected)
            assert found == pytest.approx(expected, rel=1e-12, abs=1e-15, nan_ok=True)
    small = nx.path_graph(4)
    assert network_measures.sampled_betweenness(small, 4, 7) == pytest.approx(
        nx.betweenness_centrality(small)
    )


def test_large_graphs_use_a_seeded_sample(path_data, monkeypatch):
    monkeypatch.setattr(network_measures, "EXACT_LIMIT", 3)
    monkeypatch.setattr(network_measures, "SAMPLE_SIZE", 4)
    graph = graphs.build_graph(path_data.links, path_data.places, "place")
    first, second = network_measures.measures(graph), network_measures.measures(graph)
    assert first.approximate and first.sample == 4
    pd.testing.assert_frame_equal(first.table, second.table)


@pytest.mark.parametrize(
    ("count", "requested", "views", "shown"),
    [
        (10, None, ("place", "country", "continent"), "place"),
        (2000, "continent", ("place", "country", "continent"), "continent"),
        (2001, None, ("country", "continent"), "country"),
        (25000, "place", ("country", "continent"), "country"),
    ],
)
def test_views_offered_by_size(count, requested, views, shown):
    assert graphs.available_views(count) == views
    assert graphs.effective_view(requested, count) == shown


def test_radial_layout_puts_guangxi_at_the_centre(path_data):
    graph = graphs.build_graph(path_data.links, path_data.places, "place")
    positions = graph_layout.radial_layout(graph)
    assert set(positions) == set(graph)
    radius = {node: math.hypot(*xy) for node, xy in positions.items()}
    assert positions["cn-450000"] == (0.0, 0.0)
    assert radius["cn-450100"] == pytest.approx(graph_layout.INNER, abs=1e-4)
    assert radius["cn-450321"] == pytest.approx(graph_layout.MIDDLE, abs=1e-4)
    assert radius["fra-annecy"] == pytest.approx(graph_layout.OUTER, abs=1e-4)
    # The county sits on its city's side of the circle.
    guilin, yangshuo = positions["cn-450300"], positions["cn-450321"]
    assert guilin[0] * yangshuo[0] + guilin[1] * yangshuo[1] > 0


def angle(xy):
    return math.atan2(xy[1], xy[0])


def test_radial_layout_groups_partners_by_continent(tmp_path):
    data = graph_dataset(tmp_path, star_links(), PLACES + EXTRA_PLACES)
    links = pd.concat([data.links, graph_dataset(tmp_path / "b", PATH_LINKS).links])
    graph = graphs.build_graph(links, data.places, "place")
    positions = graph_layout.radial_layout(graph)
    # Going round the ring, Asian partners form one run and the European partner another.
    partners = [n for n, d in graph.nodes(data=True) if d["kind"] == "partner"]
    ordered = sorted(partners, key=lambda n: -angle(positions[n]) % (2 * math.pi))
    continents = [graph.nodes[n]["continent"] for n in ordered]
    runs = [c for i, c in enumerate(continents) if i == 0 or c != continents[i - 1]]
    assert len(runs) - (runs[0] == runs[-1]) == 2


@pytest.mark.parametrize("name", ["radial", "force"])
def test_layouts_are_deterministic(path_data, name):
    graph = graphs.build_graph(path_data.links, path_data.places, "place")
    first = graph_layout.layout(graph, name)
    again = graph_layout.layout(
        graphs.build_graph(path_data.links, path_data.places, "place"), name
    )
    assert first == again
    assert set(first) == set(graph)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in first.values())


def test_force_layout_fans_leaves_beside_their_anchor(tmp_path):
    data = graph_dataset(tmp_path, star_links(), PLACES + EXTRA_PLACES)
    graph = graphs.build_graph(data.links, data.places, "place")
    positions = graph_layout.force_layout(graph)
    guilin = positions["cn-450300"]
    for n in range(3):
        leaf = positions[f"jpn-t{n}"]
        assert math.dist(leaf, guilin) < 0.5
