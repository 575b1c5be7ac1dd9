"""Figures built as plain dicts for the app's reruns send the same JSON as the validated ones.

The rerun path (issue #13) never validates through plotly; these tests hold it to the
validated figure, so a dict that plotly would change or reject is caught here.
"""

import copy
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from _plotly_utils.utils import convert_to_base64

from geo.map_layers import country_label_points
from sistercities.dataset import load_dataset
from sistercities.figures.world_map import MapView, world_map_figure, world_map_spec
from sistercities.network import figure as nf
from sistercities.network import graph as graphs
from sistercities.network import layout as graph_layout
from sistercities.network import measures as network_measures
from sistercities.paths import DEFAULT_DATA_DIR, STATIC_DIR
from ui.cache import FrozenFigure, typed_arrays


def sent(figure) -> dict:
    """What Streamlit sends for a figure (plotly's JSON, parsed back)."""
    return json.loads(pio.to_json(figure, validate=False))


@pytest.fixture(scope="module")
def shipped():
    return load_dataset(DEFAULT_DATA_DIR).dataset


def test_typed_arrays_match_plotly():
    spec = {
        "data": [
            {
                "x": np.arange(5),
                "y": np.array([1.5, np.nan]),
                "text": np.array(["a", "b"], dtype=object),
                "z": [1, 2],
                "marker": {"size": np.array([1, 300000, 5])},
                "big": np.array([2**40]),
            }
        ],
        "frames": [{"data": [{"x": np.arange(3, dtype=np.int32)}]}],
        "layout": {"range": np.arange(2)},
    }
    ours, theirs = copy.deepcopy(spec), copy.deepcopy(spec)
    typed_arrays(ours)
    convert_to_base64(theirs)
    assert sent(ours) == sent(theirs)
    assert ours["data"][0]["x"]["dtype"] == "i1"  # really converted, not left as arrays


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_world_map_spec_is_the_validated_figure(shipped, lang):
    points = country_label_points(STATIC_DIR / "world_110m.json")
    codes = list(shipped.countries["iso3"])
    args = (shipped.links, lang, MapView(), codes, points, ("Title", "note"))
    spec = world_map_spec(*args)
    assert sent(FrozenFigure(spec)) == sent(world_map_figure(*args))


@pytest.mark.parametrize("view", ["place", "country"])
def test_network_spec_is_the_validated_figure(shipped, view):
    graph = graphs.build_graph(shipped.links, shipped.places, view)
    table = network_measures.measures(graph).table
    positions = graph_layout.radial_layout(graph)
    selected = next(iter(graph.nodes))
    for chosen in (None, selected):
        spec = nf.network_spec(graph, positions, table, "en", "continent", chosen)
        figure = nf.network_figure(graph, positions, table, "en", "continent", chosen)
        assert sent(FrozenFigure(copy.deepcopy(spec))) == sent(figure)
        # the template the figure had when built with go.Figure() and update_layout(template=)
        old_way = go.Figure().update_layout(template=nf.TEMPLATE)
        assert spec["layout"]["template"] == old_way.layout.template.to_plotly_json()
