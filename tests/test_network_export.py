"""Network downloads (CSV with BOM and neutralised formulas, GEXF, GraphML) and side tables."""

import io

import networkx as nx
import pandas as pd
import pytest

from sistercities.exports import csv_bytes
from sistercities.network import communities as network_communities
from sistercities.network import export
from sistercities.network import graph as graphs
from sistercities.network import layout as graph_layout
from sistercities.network import measures as network_measures
from tests.fixtures_data import EXTRA_PLACES, PATH_LINKS, PLACES, graph_dataset, star_links

# A partner whose recorded names would run as spreadsheet formulas.
HOSTILE_PLACES = PLACES.replace("阿讷西,Annecy", "=HYPERLINK(1),@Annecy")


@pytest.fixture
def network(tmp_path):
    data = graph_dataset(tmp_path, PATH_LINKS, HOSTILE_PLACES)
    graph = graphs.build_graph(data.links, data.places, "place")
    table = network_measures.measures(graph).table
    found, _ = network_communities.communities(graph)
    positions = graph_layout.radial_layout(graph)
    return data, graph, table, found, positions


def test_nodes_csv_is_excel_friendly_and_safe(network):
    _, graph, table, found, positions = network
    frame = export.nodes_table(graph, table, "zh", found, positions)
    raw = csv_bytes(frame)
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    annecy = back.loc[back["编号"] == "fra-annecy"].iloc[0]
    assert annecy["中文名"] == "'=HYPERLINK(1)"
    assert annecy["英文名"] == "'@Annecy"
    # Numbers stay numbers, negative coordinates included.
    assert back["横坐标"].str.startswith("'").sum() == 0
    assert (back["横坐标"].astype(float) < 0).any()
    assert len(back) == graph.number_of_nodes()
    kumamoto = back.loc[back["编号"] == "jpn-kumamoto"].iloc[0]
    assert kumamoto["连接数"] == "2" and kumamoto["最早结好"] == "1979-10-01"


def test_edges_table_lists_pairs_and_part_of_ties(network):
    _, graph, *_ = network
    frame = export.edges_table(graph, "en")
    assert len(frame) == graph.number_of_edges() == 8
    ties = frame["Tie"].value_counts().to_dict()
    assert ties == {"sister-city pair": 5, "part of": 3}
    assert frame.loc[frame["Tie"] == "part of", "Pairs"].eq(0).all()


@pytest.mark.parametrize(
    ("writer", "reader"), [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)]
)
def test_gephi_formats_round_trip(network, writer, reader):
    _, graph, table, found, positions = network
    raw = getattr(export, f"{writer}_bytes")(graph, table, found, positions)
    back = reader(io.BytesIO(raw))
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["jpn-kumamoto"]["name_zh"] == "熊本市"
    assert int(back.nodes["jpn-kumamoto"]["degree"]) == 2
    assert float(back.nodes["jpn-kumamoto"]["betweenness"]) == pytest.approx(2 / 21)
    assert back.edges["cn-450300", "jpn-kumamoto"]["kind"] == "pair"
    assert back.edges["cn-450300", "cn-450000"]["kind"] == "part_of"


def test_ranking_and_top_lists(network):
    data, _graph, table, *_ = network
    ranking = export.ranking_table(table, "en")
    assert list(ranking.columns) == [
        "Name",
        "Connections",
        "Pairs",
        "Betweenness",
        "First pair",
    ]
    assert ranking.iloc[0]["Name"] in {"Kumamoto", "Nanning"}
    assert "date unknown" in set(ranking["First pair"])
    homes = export.top_homes(table, "en")
    assert homes.iloc[0].to_dict() == {"Name": "Nanning", "Pairs": 2, "Connections": 2, "Rank": 1}
    countries = export.top_countries(data.links, "zh")
    assert countries.iloc[0].to_dict() == {"国家": "日本", "友城对数": 2, "名次": 1}


def test_communities_table_names_groups(tmp_path):
    data = graph_dataset(tmp_path, star_links(), PLACES + EXTRA_PLACES)
    graph = graphs.build_graph(data.links, data.places, "place")
    found, _ = network_communities.communities(graph)
    frame = export.communities_table(graph, found, "zh")
    assert set(frame["名称"]) == {"以日本为主（3/3）", "以泰国为主（3/3）"}
    assert set(frame["核心广西城市"]) == {"桂林市", "南宁市"}
    country = graphs.build_graph(data.links, data.places, "country")
    grouped = export.communities_table(country, network_communities.communities(country)[0], "en")
    assert set(grouped["Name"]) == {"Mostly Asia (1/1)"}


def tied_links() -> pd.DataFrame:
    """Six countries tied at 2 pairs behind one with 3 (as the shipped data's six at 6).

    The Chinese and English names sort differently from the ISO3 codes (韩国 and Vietnam were
    the ones dropped before, one per language).
    """
    names = {
        "CHN": ("中国", "China"),
        "JPN": ("日本", "Japan"),
        "KOR": ("韩国", "South Korea"),
        "POL": ("波兰", "Poland"),
        "THA": ("泰国", "Thailand"),
        "USA": ("美国", "United States"),
        "VNM": ("越南", "Vietnam"),
    }
    counts = {"CHN": 3, "JPN": 2, "KOR": 2, "POL": 2, "THA": 2, "USA": 2, "VNM": 2}
    rows = [
        {"country_iso3": iso3, "country_zh": names[iso3][0], "country_en": names[iso3][1]}
        for iso3, n in counts.items()
        for _ in range(n)
    ]
    return pd.DataFrame(rows)


def test_top_countries_keep_every_tie_in_code_order_in_both_languages():
    from sistercities.counts import top_with_ties

    links = tied_links()
    zh = export.top_countries(links, "zh", count=5)
    en = export.top_countries(links, "en", count=5)
    assert list(zh["国家"]) == ["中国", "日本", "韩国", "波兰", "泰国", "美国", "越南"]
    assert list(en["Country"]) == [
        "China", "Japan", "South Korea", "Poland", "Thailand", "United States", "Vietnam"
    ]  # fmt: skip
    assert list(en["Rank"]) == [1, 2, 2, 2, 2, 2, 2] and list(zh["名次"]) == list(en["Rank"])
    # The overview's lists use the same rule.
    ranked = top_with_ties(links["country_iso3"].value_counts(), 5)
    assert list(ranked["id"]) == ["CHN", "JPN", "KOR", "POL", "THA", "USA", "VNM"]
    assert list(top_with_ties(links["country_iso3"].value_counts(), 1)["id"]) == ["CHN"]
    assert len(top_with_ties(links["country_iso3"].value_counts(), 10)) == 7
