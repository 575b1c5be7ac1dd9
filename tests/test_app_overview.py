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
