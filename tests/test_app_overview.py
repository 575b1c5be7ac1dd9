"""AppTest of the overview page on a tiny folder."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures_data import app_path, write_folder


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(write_folder(tmp_path / "d")))
    return AppTest.from_file(app_path("dashboard.py"), default_timeout=60)


def metric_values(at):
    return {m.label: m.value for m in at.metric}


def test_overview_shows_headline_figures(app):
    at = app.run()
    assert not at.exception
    values = metric_values(at)
    assert values["友好城市对数"] == "4"
    assert values["东盟友城"] == "2"
    assert any("132" in info.value for info in at.info)


def test_filter_change_updates_figures(app):
    at = app.run()
    at.multiselect(key="w.f.countries").set_value(["JPN"]).run()
    assert metric_values(at)["友好城市对数"] == "1"
    assert at.query_params["country"] in ("JPN", ["JPN"])


def test_url_parameters_are_read_and_bad_ones_ignored(app):
    app.query_params["lang"] = "en"
    app.query_params["asean"] = "1"
    app.query_params["from"] = "abc"
    at = app.run()
    assert not at.exception
    assert metric_values(at)["Sister-city pairs"] == "2"
    assert "from" not in at.query_params


def test_invalid_folder_shows_report_not_traceback(tmp_path, monkeypatch):
    folder = write_folder(tmp_path / "bad", links_csv="link_id\nx\n")
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(folder))
    at = AppTest.from_file(app_path("dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert at.error and "未通过校验" in at.error[0].value


def decode(values):
    """A Plotly array from JSON: a list, or base64 'bdata' with its dtype."""
    import base64

    import numpy as np

    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
    return values


def charts(at):
    import json

    return [
        (json.loads(chart.proto.spec), json.loads(chart.proto.config))
        for chart in at.get("plotly_chart")
    ]


def test_every_chart_carries_title_date_and_source_and_downloads_at_3x(app):
    at = app.run()
    found = charts(at)
    titles = [spec["layout"]["title"]["text"] for spec, _ in found]
    assert titles == [
        "友好城市数量逐年累计",
        "目前的友城网络",  # "友城网络逐年扩展" once "逐年播放" is on
        "友城最多的广西城市",
        "友城最多的伙伴国家",
    ]
    for spec, config in found:
        notes = [a["text"] for a in spec["layout"].get("annotations", [])]
        assert any("数据截至 2024-11-12" in n and "来源" in n for n in notes)
        assert config["toImageButtonOptions"]["scale"] == 3
        assert config["toImageButtonOptions"]["format"] == "png"
        assert config["topojsonURL"] == "app/static/"


def test_svg_setting_switches_every_chart(app):
    at = app.run()
    at.button_group(key="w.img").set_value("svg").run()
    assert {c["toImageButtonOptions"]["format"] for _, c in charts(at)} == {"svg"}


def test_growth_split_and_animated_map(app):
    at = app.run()
    at.button_group(key="w.ov.split").set_value("level").run()
    assert not at.exception
    growth, growth_map = charts(at)[0][0], charts(at)[1][0]
    names = {trace.get("name") for trace in growth["data"]}
    assert {"设区市级", "县级", "日期不详的友城"} <= names
    assert any("缺少坐标" in c.value for c in at.caption)  # the Meo Vac pair has no coordinates
    # the network today at first: no yearly frames, play buttons or slider
    assert not growth_map["frames"] and not growth_map["layout"]["updatemenus"]
    assert not growth_map["layout"]["sliders"]
    at.toggle(key="w.ov.animate").set_value(True).run()
    growth_map = charts(at)[1][0]
    assert growth_map["layout"]["title"]["text"] == "友城网络逐年扩展"
    frames = [frame["name"] for frame in growth_map["frames"]]
    assert frames[0] == "1979" and frames[-1] == "2024"
    buttons = growth_map["layout"]["updatemenus"][0]["buttons"]
    assert buttons[0]["label"] == "▶ 播放" and buttons[0]["method"] == "animate"
    # the map under the switch shows what the animation's last step shows
    today = [trace for trace in growth_map["data"] if trace["type"] == "scattergeo"]
    at.toggle(key="w.ov.animate").set_value(False).run()
    static = [trace for trace in charts(at)[1][0]["data"] if trace["type"] == "scattergeo"]
    assert [t.get("lat") for t in static] == [t.get("lat") for t in today]


def anniversary_table(at):
    return next(d.value for d in at.dataframe if "周年日期" in d.value.columns)


def test_official_figures_are_listed_beside_the_dataset(app):
    at = app.run()
    table = next(d.value for d in at.dataframe if "官方" in d.value.columns)
    assert list(table["官方"]) == [125, 132, 61]
    assert list(table["本数据集"]) == [3, 3, 1]


def test_anniversary_planner_for_a_chosen_year(app):
    at = app.run()
    at.button_group(key="w.ov.anniv_mode").set_value("year").run()
    at.number_input(key="w.ov.anniv_year").set_value(2024).run()
    table = anniversary_table(at)
    assert list(table["周年日期"]) == ["2024-10-01"] and list(table["周年"]) == [45]
    at.number_input(key="w.ov.anniv_year").set_value(2025).run()
    table = anniversary_table(at)
    assert list(table["周年日期"]) == ["2025 （年内，具体日期不详）"]
    assert list(table["周年"]) == [20]


def test_anniversary_planner_follows_the_filter(app):
    at = app.run()
    at.button_group(key="w.ov.anniv_mode").set_value("year").run()
    at.number_input(key="w.ov.anniv_year").set_value(2024).run()
    at.multiselect(key="w.f.countries").set_value(["JPN"]).run()
    table = anniversary_table(at)
    assert list(table["周年日期"]) == ["2024-10-01"] and list(table["外方"]) == ["熊本市"]
    at.multiselect(key="w.f.countries").set_value(["THA"]).run()
    assert not any("周年日期" in d.value.columns for d in at.dataframe)
    assert any("2024-01-01" in i.value and "2024-12-31" in i.value for i in at.info)
    at.multiselect(key="w.f.countries").set_value(["JPN", "THA"]).run()
    assert list(anniversary_table(at)["周年日期"]) == ["2024-10-01"]


def test_top_lists_and_exports_in_english(app):
    app.query_params["lang"] = "en"
    at = app.run()
    labels = [button.label for button in at.get("download_button")]
    assert labels == ["Download CSV", "Download Excel (XLSX)", "Download the offline deck (HTML)"]
    top_cities = charts(at)[2][0]["data"][0]
    assert list(top_cities["y"]) == ["Nanning", "Guilin"]  # largest last (top of the chart)
    assert list(decode(top_cities["x"])) == [1, 2]
    assert "Pairs in the current selection (4)" in [m.value for m in at.markdown]


def test_pair_count_follows_the_counting_rule_like_the_cli(tmp_path, monkeypatch):
    """With one pair ended, the overview's KPI, the map legend and ``stats`` agree (issue #16)."""
    import json
    import subprocess
    import sys

    from tests.fixtures_data import LINKS, ROOT, open_app_page

    ended = LINKS.replace(
        "cn-450100--tha-rayong,cn-450100,tha-rayong,prefecture,2005,,active",
        "cn-450100--tha-rayong,cn-450100,tha-rayong,prefecture,2005,2019-06,ended",
    )
    folder = write_folder(tmp_path / "ended", links_csv=ended)
    cli = subprocess.run(
        [sys.executable, "-m", "sistercities", "stats", "--json", "--data", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    with_undated = json.loads(cli.stdout)["with_undated"]["pairs"]
    assert with_undated == 3  # four pairs, one ended in 2019
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(folder))
    at = AppTest.from_file(app_path("dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert metric_values(at)["友好城市对数"] == str(with_undated)
    map_page = open_app_page(folder, monkeypatch, "pages/1_map.py", lang="en")
    captions = " ".join(c.value for c in map_page.caption)
    # of the three pairs in force, the Meo Vac pair has no coordinates: two are drawn
    assert "The map draws 2 pairs" in captions and "1 more pair" in captions
