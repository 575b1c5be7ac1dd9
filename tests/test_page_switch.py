"""Filters survive page switches (widget state is page-local in Streamlit)."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures_data import app_path, write_folder

PAGES = ["pages/1_map.py", "pages/2_network.py", "pages/3_alliance.py", "dashboard.py"]


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(write_folder(tmp_path / "d")))
    return AppTest.from_file(app_path("dashboard.py"), default_timeout=120)


@pytest.mark.parametrize("page", PAGES)
def test_undated_and_country_filters_survive_a_page_switch(app, page):
    at = app.run()
    at.multiselect(key="w.f.countries").set_value(["JPN", "VNM"]).run()
    assert at.checkbox(key="w.f.undated").value is True
    at.switch_page(page).run()
    assert not at.exception
    assert at.checkbox(key="w.f.undated").value is True
    assert at.multiselect(key="w.f.countries").value == ["JPN", "VNM"]
    assert "undated" not in at.query_params
    at.checkbox(key="w.f.undated").uncheck().run()
    assert at.checkbox(key="w.f.undated").value is False
    at.switch_page("dashboard.py").run()
    assert at.checkbox(key="w.f.undated").value is False
    assert at.multiselect(key="w.f.countries").value == ["JPN", "VNM"]
