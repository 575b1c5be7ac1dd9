"""The place search: matching in core, and the sidebar's two modes (list, or type to search)."""

import pytest

from sistercities.places import find_places
from tests.fixtures_data import open_app_page, write_folder

OPTIONS = {
    "cn-450100": "南宁市 · Nanning · nanningshi",
    "fra-annecy": "安纳西 · Annecy · anaxi",
    "jpn-kumamoto": "熊本市 · Kumamoto · xiongbenshi",
    "jpn-kumamoto-prefecture": "熊本县 · Kumamoto Prefecture · xiongbenxian",
    "tha-rayong": "罗勇府 · Rayong · luoyongfu",
    "usa-annapolis": "Annapolis · annapolis",  # no Chinese name: the label starts in English
}


def test_every_word_must_match_in_any_script():
    assert find_places(OPTIONS, "kumamoto pref", 10) == ["jpn-kumamoto-prefecture"]
    assert find_places(OPTIONS, "熊本", 10) == ["jpn-kumamoto", "jpn-kumamoto-prefecture"]
    assert find_places(OPTIONS, "XIONGBEN", 10) == ["jpn-kumamoto", "jpn-kumamoto-prefecture"]
    assert find_places(OPTIONS, "nanning", 10) == ["cn-450100"]


def test_labels_starting_with_the_query_come_first_and_the_limit_holds():
    expected = ["usa-annapolis", "cn-450100", "fra-annecy", "jpn-kumamoto-prefecture"]
    assert find_places(OPTIONS, "an", 10) == expected  # xiongbenxian holds "an" too
    assert find_places(OPTIONS, "an", 2) == ["usa-annapolis", "cn-450100"]
    assert find_places(OPTIONS, "   ", 10) == [] and find_places(OPTIONS, "paris", 10) == []


def test_pinyin_as_people_type_it_spaces_tones_and_case(tmp_path):
    """Issue #19 §4a: 'xiong ben' found nothing, 'xiongben' did."""
    from sistercities.dataset import load_dataset
    from sistercities.places import search_options

    labels = search_options(load_dataset(write_folder(tmp_path / "d")).dataset)
    assert labels["jpn-kumamoto"] == "熊本市 · Kumamoto · xiong ben shi · xióng běn shì"
    for query in ("xiongben", "xiong ben", "XIONG BEN", "Xiong Ben Shi", "xióng běn", "XIÓNGBĚN"):
        assert find_places(labels, query, 10) == ["jpn-kumamoto"], query
        assert _in_order(query.lower(), labels["jpn-kumamoto"].lower()), query  # the browser's
    assert find_places(labels, "nan ning", 10) == ["cn-450100"]
    assert find_places(OPTIONS, "xiong ben", 10) == ["jpn-kumamoto", "jpn-kumamoto-prefecture"]


def _in_order(query: str, label: str) -> bool:
    """Streamlit's select box filter (fuzzy mode): every letter of the query, in order."""
    position = 0
    for letter in query:
        position = label.find(letter, position) + 1
        if position == 0:
            return False
    return True


@pytest.fixture
def folder(tmp_path):
    return write_folder(tmp_path / "d")


def open_map(folder, monkeypatch):
    return open_app_page(folder, monkeypatch, "pages/1_map.py", lang="en")


def test_small_datasets_list_every_place(folder, monkeypatch):
    at = open_map(folder, monkeypatch)
    box = at.selectbox(key="w.search")
    assert len(box.options) == 8  # every place in a pair, shipped to the browser for type-ahead
    assert not [w for w in at.text_input if w.key == "w.search.q"]
    box.select_index(next(i for i, o in enumerate(box.options) if "Annecy" in o)).run()
    assert not at.exception
    assert at.session_state["state.sel"] == "fra-annecy"
    assert at.selectbox(key="w.search").value == "fra-annecy"  # the pick is not undone
    assert "Partners of" in " ".join(m.value for m in at.markdown)


def test_large_datasets_send_matches_only_and_a_pick_selects(folder, monkeypatch):
    monkeypatch.setattr("ui.place_search.LIST_LIMIT", 2)  # the tiny folder counts as large
    at = open_map(folder, monkeypatch)
    assert not [w for w in at.selectbox if w.key == "w.search"]  # no list of every place
    assert "places)" in at.text_input(key="w.search.q").placeholder
    at.text_input(key="w.search.q").input("annecy").run()
    box = at.selectbox(key="w.search")
    assert len(box.options) == 1 and "Annecy" in box.options[0]
    box.select_index(0).run()
    assert not at.exception
    assert at.query_params["sel"] in ("fra-annecy", ["fra-annecy"])
    assert "Partners of" in " ".join(m.value for m in at.markdown)
    at.text_input(key="w.search.q").input("no such place").run()
    assert "No match" in " ".join(c.value for c in at.sidebar.caption)
