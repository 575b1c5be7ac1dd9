"""The network figure: trace structure, sizes, colours, hover language, ego highlight, clicks."""

import math

import numpy as np
import pytest

from sistercities.network import figure as nf
from sistercities.network import graph as graphs
from sistercities.network import layout as graph_layout
from sistercities.network import measures as network_measures
from tests.fixtures_data import PATH_LINKS, graph_dataset


@pytest.fixture
def drawn(tmp_path):
    data = graph_dataset(tmp_path, PATH_LINKS)

    def draw(view="place", colour_by="continent", selected=None, lang="zh"):
        graph = graphs.build_graph(data.links, data.places, view)
        table = network_measures.measures(graph).table
        positions = graph_layout.radial_layout(graph)
        fig = nf.network_figure(graph, positions, table, lang, colour_by, selected)
        return graph, fig

    return draw


def node_traces(fig):
    return [trace for trace in fig.data if trace.mode == "markers+text"]


def line_traces(fig):
    return [trace for trace in fig.data if trace.mode == "lines"]


def segments(trace):
    xs = np.asarray(trace.x, dtype=float)
    return int(np.isnan(xs).sum())


def test_edges_are_one_trace_with_gaps(drawn):
    _graph, fig = drawn()
    lines = line_traces(fig)
    assert len(lines) == 2  # part-of ties, sister-city pairs
    part_of, pairs = lines
    assert segments(pairs) == 5 and len(pairs.x) == 15
    assert segments(part_of) == 3
    assert part_of.line.dash == "dot"


def test_one_marker_trace_per_colour_group(drawn):
    graph, fig = drawn()
    traces = node_traces(fig)
    names = [trace.name for trace in traces]
    assert names == ["广西", "亚洲", "欧洲"]
    ids = [node for trace in traces for node in trace.customdata]
    assert sorted(ids) == sorted(graph.nodes)
    _, by_level = drawn(colour_by="level")
    assert [t.name for t in node_traces(by_level)] == ["自治区级", "设区市级", "县级"]


def test_node_size_grows_with_degree(drawn):
    _graph, fig = drawn()
    size = {
        node: value
        for trace in node_traces(fig)
        for node, value in zip(trace.customdata, trace.marker.size, strict=True)
    }
    assert size["jpn-kumamoto"] == nf.MAX_SIZE  # degree 2, the largest
    assert size["cn-450300"] < size["jpn-kumamoto"]
    assert nf.node_size(0, 2) == nf.MIN_SIZE
    assert nf.node_size(1, 4) == pytest.approx(nf.MIN_SIZE + (nf.MAX_SIZE - nf.MIN_SIZE) / 2)


def hover_of(fig, node):
    for trace in node_traces(fig):
        if node in list(trace.customdata):
            return trace.hovertext[list(trace.customdata).index(node)]
    raise KeyError(node)


def test_hover_speaks_the_current_language(drawn):
    _, zh = drawn(lang="zh")
    _, en = drawn(lang="en")
    assert "熊本市" in hover_of(zh, "jpn-kumamoto") and "日本" in hover_of(zh, "jpn-kumamoto")
    assert "最早结好：1979-10-01" in hover_of(zh, "jpn-kumamoto")
    assert "Kumamoto" in hover_of(en, "jpn-kumamoto") and "Japan" in hover_of(en, "jpn-kumamoto")
    assert "2 connections · 2 pairs" in hover_of(en, "jpn-kumamoto")
    assert "date unknown" in hover_of(en, "cn-450000")
    assert "Betweenness 0.095" in hover_of(en, "jpn-kumamoto")


def test_selection_highlights_the_ego_network(drawn):
    _graph, fig = drawn(selected="cn-450100")
    lines = line_traces(fig)
    assert len(lines) == 3
    ego_trace = lines[2]
    assert segments(ego_trace) == 2  # Nanning's two pairs
    opacity = {
        node: value
        for trace in node_traces(fig)
        for node, value in zip(trace.customdata, trace.marker.opacity, strict=True)
    }
    assert opacity["cn-450100"] == opacity["jpn-kumamoto"] == opacity["tha-rayong"] == 1.0
    assert opacity["fra-annecy"] == opacity["cn-450300"] == nf.FADED
    widths = {
        node: value
        for trace in node_traces(fig)
        for node, value in zip(trace.customdata, trace.marker.line.width, strict=True)
    }
    assert widths["cn-450100"] > widths["jpn-kumamoto"]


def test_no_selection_fades_nothing(drawn):
    _, fig = drawn()
    for trace in node_traces(fig):
        assert all(value == 1.0 for value in trace.marker.opacity)


def test_grouped_views_show_pair_counts_on_edges(drawn):
    _graph, fig = drawn(view="country")
    weights = [trace for trace in fig.data if trace.mode == "markers"]
    assert len(weights) == 1
    assert len(weights[0].x) == 5
    assert any(text == "南宁市 — 日本：1 对" for text in weights[0].hovertext)
    assert weights[0].customdata is None  # not selectable as a node


def test_edge_counts_read_in_english_with_one_and_several_pairs(drawn):
    _graph, fig = drawn(view="continent", lang="en")
    (weights,) = [trace for trace in fig.data if trace.mode == "markers"]
    texts = set(weights.hovertext)
    assert {"Guilin — Europe: 1 pair", "Nanning — Asia: 2 pairs"} <= texts


def test_figure_is_deterministic(drawn):
    _, first = drawn()
    _, second = drawn()
    assert first.to_json() == second.to_json()


def test_axes_hidden_and_equal_scale(drawn):
    _, fig = drawn()
    assert fig.layout.xaxis.visible is False
    assert fig.layout.yaxis.scaleanchor == "x"
    assert fig.layout.uirevision == "network"


@pytest.mark.parametrize(
    ("event", "node"),
    [
        ({"selection": {"points": [{"customdata": "jpn-kumamoto"}]}}, "jpn-kumamoto"),
        ({"selection": {"points": [{"customdata": ["cn-450100"]}]}}, "cn-450100"),
        ({"selection": {"points": [{"x": 1.0}, {"customdata": "cn-450300"}]}}, "cn-450300"),
        ({"selection": {"points": []}}, None),
        ({"selection": {"points": [{"customdata": None}]}}, None),
        (None, None),
        ({}, None),
    ],
)
def test_picked_node(event, node):
    assert nf.picked_node(event) == node


def test_positions_of_traces_match_layout(drawn, tmp_path):
    graph, fig = drawn()
    positions = graph_layout.radial_layout(graph)
    for trace in node_traces(fig):
        for node, x, y in zip(trace.customdata, trace.x, trace.y, strict=True):
            assert math.isclose(x, positions[node][0]) and math.isclose(y, positions[node][1])
