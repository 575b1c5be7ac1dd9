"""URL round trips: set filters, read the query string, load it again, get the same view."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures_data import app_path, write_folder


@pytest.fixture
def folder(tmp_path, monkeypatch):
    path = write_folder(tmp_path / "d")
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(path))
    return path


def fresh(params=None):
    at = AppTest.from_file(app_path("dashboard.py"), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def query(at):
    return {
        key: (value[0] if isinstance(value, list) else value)
        for key, value in at.query_params.items()
    }


def view(at):
    """What a person sees: the figures, the filter caption and the sidebar widgets' values."""
    widgets = {
        "countries": at.multiselect(key="w.f.countries").value,
        "cities": at.multiselect(key="w.f.cities").value,
        "levels": at.multiselect(key="w.f.levels").value,
        "quick": at.button_group(key="w.f.quick").value,
        "years": at.slider(key="w.f.years").value,
        "undated": at.checkbox(key="w.f.undated").value,
    }
    return {
        "metrics": [(m.label, m.value) for m in at.metric],
        "captions": [c.value for c in at.caption][:1],
        "widgets": widgets,
        "title": at.title[0].value,
    }


def test_round_trip_of_every_filter(folder):
    at = fresh()
    at.multiselect(key="w.f.countries").set_value(["FRA"]).run()
    at.button_group(key="w.f.quick").set_value(["asean"]).run()
    at.slider(key="w.f.years").set_value((1990, 2013)).run()
    at.multiselect(key="w.f.levels").set_value(["prefecture", "county"]).run()
    at.checkbox(key="w.f.undated").uncheck().run()
    at.button_group(key="w.lang").set_value("en").run()
    assert not at.exception
    params = query(at)
    assert params == {
        "country": "FRA",
        "asean": "1",
        "from": "1990",
        "level": "prefecture,county",
        "undated": "0",
        "lang": "en",
    }
    again = fresh(params)
    assert not again.exception
    assert view(again) == view(at)
    assert query(again) == params
    assert [m.value for m in again.metric][:1] == ["2"]  # Rayong 2005, Annecy 2013


def test_round_trip_of_city_continent_and_selection(folder):
    at = fresh({"city": "cn-450300", "continent": "Europe", "sel": "fra-annecy"})
    assert not at.exception
    params = query(at)
    assert params == {"city": "cn-450300", "continent": "Europe", "sel": "fra-annecy"}
    assert at.button_group(key="w.f.quick").value == ["Europe"]
    assert at.selectbox(key="w.search").value == "fra-annecy"
    assert view(fresh(params)) == view(at)


def test_url_wins_on_load_and_changes_are_written_back(folder):
    at = fresh({"level": "county"})
    assert at.multiselect(key="w.f.levels").value == ["county"]
    assert at.metric[0].value == "1"
    at.multiselect(key="w.f.levels").set_value([]).run()
    assert "level" not in query(at)
    assert at.metric[0].value == "4"


def test_bad_values_are_ignored_with_a_notice(folder):
    at = fresh(
        {"country": "XXX,JPN", "level": "planet", "lang": "fr", "present": "yes", "sel": "nowhere"}
    )
    assert not at.exception
    assert query(at) == {"country": "JPN"}
    assert at.metric[0].value == "1"
    notice = " ".join(toast.value for toast in at.toast)
    for bad in ("country=XXX", "level=planet", "lang=fr", "sel=nowhere"):
        assert bad in notice


def test_briefing_mode_round_trips_and_hides_the_sidebar(folder):
    at = fresh({"present": "1", "lang": "en", "country": "JPN", "theme": "dark"})
    assert not at.exception
    # the deck keeps its slide (the page's own: / is slide 1) and theme in the URL
    assert query(at) == {
        "present": "1",
        "lang": "en",
        "country": "JPN",
        "slide": "1",
        "theme": "dark",
    }
    assert len(at.sidebar.multiselect) == 0  # no filter widgets in the deck
    at.button(key="deck-next").click().run()
    assert query(at)["slide"] == "2"
    assert at.button(key="deck-exit").label == "Leave the deck"
    at.button(key="deck-exit").click().run()
    assert "present" not in query(at) and "slide" not in query(at)
    assert at.multiselect(key="w.f.countries").value == ["JPN"]
