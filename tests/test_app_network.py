"""AppTest of the network page (/network): each view, a filter change, the shared selection, and
the large-data rules (country view by default, place view withheld, sampled betweenness)."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from sistercities.contract.schema import CONTINENTS
from tests.fixtures_data import COUNTRIES, LINKS, PLACES, app_path, write_folder

PAGE = "pages/2_network.py"


def open_page(folder, monkeypatch, **params):
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(folder))
    at = AppTest.from_file(app_path("dashboard.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def figure(at):
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def drawn_nodes(at):
    traces = figure(at)["data"]
    return {
        node
        for trace in traces
        if trace.get("mode") == "markers+text"
        for node in trace["customdata"]
    }


# Every pair dated, so the "show undated pairs" switch does not change what is drawn.
DATED_LINKS = LINKS.replace("province,,,active", "province,2019,,active")


def ranking(at):
    """The ranking table: the one with a betweenness column."""
    tables = [
        df.value
        for df in at.dataframe
        if any("中介" in c or "Betweenness" in c for c in df.value.columns)
    ]
    assert len(tables) == 1
    return tables[0]


@pytest.fixture
def tiny(tmp_path):
    return write_folder(tmp_path / "d", links_csv=DATED_LINKS)


def test_place_view_draws_every_place(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch)
    assert at.segmented_control(key="w.net.view").value == "place"
    assert at.segmented_control(key="w.net.view").options == ["按地点", "按国家", "按大洲"]
    assert drawn_nodes(at) == {
        "cn-450000",
        "cn-450100",
        "cn-450300",
        "cn-450321",
        "jpn-kumamoto",
        "tha-rayong",
        "fra-annecy",
        "vnm-meo-vac",
    }
    table = ranking(at)
    assert len(table) == 8
    captions = " ".join(c.value for c in at.caption)
    assert "数据截至 2024-11-12" in captions
    assert not at.info  # no approximation, no limit


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        ("country", {"country:JPN", "country:THA", "country:FRA", "country:VNM"}),
        ("continent", {"continent:Asia", "continent:Europe"}),
    ],
)
def test_grouped_views(tiny, monkeypatch, view, expected):
    at = open_page(tiny, monkeypatch)
    at.segmented_control(key="w.net.view").set_value(view).run()
    assert not at.exception
    nodes = drawn_nodes(at)
    assert expected <= nodes
    assert "cn-450321" not in nodes  # the county counts with Guilin
    assert at.query_params["view"] in (view, [view])


def test_view_from_url(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch, view="continent", lang="en")
    assert at.segmented_control(key="w.net.view").value == "continent"
    assert {"continent:Asia", "continent:Europe"} <= drawn_nodes(at)


def test_filter_change_redraws_the_network(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch)
    at.multiselect(key="w.f.countries").set_value(["JPN"]).run()
    assert not at.exception
    assert drawn_nodes(at) == {"cn-450000", "cn-450300", "jpn-kumamoto"}
    assert len(ranking(at)) == 3
    at.segmented_control(key="w.net.view").set_value("country").run()
    assert drawn_nodes(at) == {"cn-450000", "cn-450300", "country:JPN"}


def test_layout_and_colour_choices(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch)
    radial = figure(at)
    at.segmented_control(key="w.net.layout").set_value("force").run()
    at.segmented_control(key="w.net.colour").set_value("level").run()
    assert not at.exception
    force = figure(at)
    assert radial["data"] != force["data"]
    names = [t["name"] for t in force["data"] if t.get("mode") == "markers+text"]
    assert "设区市级" in names and "亚洲" not in names


def test_shared_selection_is_highlighted(tiny, monkeypatch):
    at = open_page(tiny, monkeypatch, sel="jpn-kumamoto")
    captions = " ".join(c.value for c in at.caption)
    assert "已选中：熊本市" in captions
    lines = [t for t in figure(at)["data"] if t.get("mode") == "lines"]
    assert len(lines) == 3  # part-of, pairs, the selection's pairs
    at.segmented_control(key="w.net.view").set_value("country").run()
    assert "已选中：日本" in " ".join(c.value for c in at.caption)
    at.button(key="w.net.clear").click().run()
    assert at.session_state["state.sel"] is None
    assert "sel" not in at.query_params


def big_folder(tmp_path, count=2001):
    """A folder of ``count`` fictional test pairs between the tiny folder's four home units and
    test partners in 40 test countries (codes XAA..., names say they are test data), so that the
    country view has more nodes than betweenness samples."""
    homes = ["cn-450000", "cn-450100", "cn-450300", "cn-450321"]
    levels = {"cn-450000": "province", "cn-450321": "county"}
    codes = [f"X{chr(65 + n // 26)}{chr(65 + n % 26)}" for n in range(40)]
    countries = COUNTRIES + "".join(
        f"{code},测试国{n},Test country {n},{CONTINENTS[n % 6]},\n" for n, code in enumerate(codes)
    )
    partners = [f"{codes[n % 40].lower()}-test-{n}" for n in range(count // len(homes) + 1)]
    places = PLACES + "".join(
        f"{p},测试地{n},Test place {n},city,{p[:3].upper()},10.0,100.0,,,test,\n"
        for n, p in enumerate(partners)
    )
    rows = [LINKS.splitlines()[0]]
    for i in range(count):
        home, partner = homes[i % len(homes)], partners[i // len(homes)]
        level = levels.get(home, "prefecture")
        rows.append(f"{home}--{partner},{home},{partner},{level},{1990 + i % 30},,active,,t,low,")
    links = "\n".join(rows) + "\n"
    folder = tmp_path / "big"
    return write_folder(folder, places_csv=places, links_csv=links, countries_csv=countries)


def test_large_result_opens_on_country_view_with_sampled_betweenness(tmp_path, monkeypatch):
    at = open_page(big_folder(tmp_path), monkeypatch, view="place")
    control = at.segmented_control(key="w.net.view")
    assert control.value == "country"
    assert control.options == ["按国家", "按大洲"]
    notices = " ".join(info.value for info in at.info)
    assert "2,000" in notices and "2,001" in notices
    assert "抽样" in notices
    assert "country:XAA" in drawn_nodes(at)
    # A filter down to at most 2,000 pairs offers the place view again, as the URL asked.
    at.multiselect(key="w.f.countries").set_value(["XAA"]).run()
    assert at.segmented_control(key="w.net.view").value == "place"
    assert not at.info


def test_top_countries_keep_ties_alike_in_both_languages_with_the_rule_stated(monkeypatch):
    """Issue #19 §3a: with countries tied at the cut, no language drops one (shipped data)."""
    from pathlib import Path

    from sistercities.counts import in_force, top_values
    from sistercities.dataset import load_dataset

    folder = Path(app_path("data"))
    data = load_dataset(folder).dataset
    expected = top_values(in_force(data.links, data.as_of)["country_iso3"], limit=5)
    countries = data.countries.set_index("iso3")
    for lang, rule in (("zh", "并列最后一名者全部列出"), ("en", "every item tied with the last")):
        at = open_page(folder, monkeypatch, lang=lang)
        assert rule in " ".join(c.value for c in at.caption)
        lists = [m.value.split("  \n") for m in at.markdown if "  \n" in m.value]
        shown = lists[1]  # the second list: countries with the most pairs
        column = "name_zh" if lang == "zh" else "name_en"
        assert [line.split(" · ")[0] for line in shown] == [
            f"{rank}. {countries.loc[iso3, column]}"
            for iso3, rank in zip(expected["id"], expected["rank"], strict=True)
        ]
