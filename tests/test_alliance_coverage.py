"""Coverage, explicit ties, honest counts and the alliance figures, on small hand-made data."""

import math

import pandas as pd
import pytest

from sistercities.alliance import ties as alliance
from sistercities.alliance.figures import member_points, ties_map, ties_network
from sistercities.dataset import load_dataset
from sistercities.filters import LinkFilter, apply_filter
from tests.fixtures_data import write_folder

PLACES = pd.DataFrame(
    {
        "place_id": [
            *("cn-450000", "cn-450100", "cn-450103", "cn-450300"),
            *("tha-a", "tha-a-town", "jpn-b", "phl-p", "phl-c"),
        ],
        "parent_id": ["", "cn-450000", "cn-450100", "cn-450000", "", "tha-a", "", "", "phl-p"],
        "name_zh": ["广西", "南宁", "兴宁区", "桂林", "甲府", "甲镇", "乙市", "丙省", "丙市"],
        "name_en": ["Guangxi", "Nanning", "Xingning", "Guilin", "A", "A town", "B", "P", "C"],
        "country_iso3": ["CHN"] * 4 + ["THA", "THA", "JPN", "PHL", "PHL"],
        "lat": [23.7, 22.8, 22.9, 25.3, 13.0, 13.1, 35.0, 10.0, 10.3],
        "lon": [108.8, 108.4, 108.3, 110.3, 101.0, 101.1, 139.0, 123.5, 123.9],
    }
)
LINKS = pd.DataFrame(
    {
        "link_id": ["cn-450100--tha-a", "cn-450300--jpn-b", "cn-450000--tha-a", "cn-450300--tha-a"],
        "home_place_id": ["cn-450100", "cn-450300", "cn-450000", "cn-450300"],
        "partner_place_id": ["tha-a", "jpn-b", "tha-a", "tha-a"],
        "country_iso3": ["THA", "JPN", "THA", "THA"],
        "country_zh": ["泰国", "日本", "泰国", "泰国"],
        "country_en": ["Thailand", "Japan", "Thailand", "Thailand"],
    }
)
FIELDS = pd.DataFrame(
    {"field_id": ["it", "civil"], "name_zh": ["信息", "土木"], "name_en": ["IT", "Civil"]}
)


def roster(rows):
    return pd.DataFrame(rows, columns=["member_id", "side", "place_id", "fields", "kind"]).assign(
        name_zh="", name_en=lambda f: f["member_id"]
    )


ROSTER = roster(
    [
        ("g1", "guangxi", "cn-450103", "it", "college"),
        ("g2", "guangxi", "cn-450300", "civil", ""),
        ("assoc", "guangxi", "cn-450100", "", "organisation"),
        ("f1", "foreign", "tha-a-town", "it;civil", "college"),
        ("f2", "foreign", "phl-c", "it", "college"),
    ]
)


def test_colleges_drop_organisations_and_keep_blank_kind():
    assert list(alliance.colleges(ROSTER)["member_id"]) == ["g1", "g2", "f1", "f2"]
    assert len(alliance.colleges(ROSTER.drop(columns="kind"))) == 5


def test_college_ties_ignore_non_college_members():
    ties = alliance.college_ties(LINKS, ROSTER, PLACES)
    assert "assoc" not in set(ties["guangxi_member_id"])
    assert set(ties["source"]) == {"pair"}
    # g1 (a district of Nanning) reaches Nanning's and the region's pairs with tha-a;
    # g2 (Guilin) reaches Guilin's and the region's.
    by_link = ties.groupby("link_id")["guangxi_member_id"].agg(set).to_dict()
    assert by_link == {
        "cn-450100--tha-a": {"g1"},
        "cn-450000--tha-a": {"g1", "g2"},
        "cn-450300--tha-a": {"g2"},
    }
    assert set(ties.loc[ties["guangxi_member_id"] == "g2", "field_id"]) == {"civil"}


def test_explicit_ties_ride_on_pairs_or_on_none():
    table = pd.DataFrame(
        {
            "guangxi_member_id": ["g2", "g1", "g1", "ghost"],
            "foreign_member_id": ["f1", "f2", "f1", "f1"],
            "field_id": ["it", "", "civil", "it"],
        }
    )
    explicit = alliance.explicit_ties(table, LINKS, alliance.colleges(ROSTER), PLACES)
    rows = explicit.groupby(["guangxi_member_id", "foreign_member_id", "field_id"])["link_id"]
    rows = rows.agg(set).to_dict()
    assert rows[("g2", "f1", "it")] == {"cn-450300--tha-a", "cn-450000--tha-a"}
    assert rows[("g1", "f2", "")] == {""}  # no Guangxi pair with the Philippine place
    assert ("ghost", "f1", "it") not in rows  # unknown members are left out
    # g1-f1 rides on two pairs (Nanning's and the region's)
    assert set(explicit.loc[explicit["field_id"] == "civil", "link_id"]) == {
        "cn-450100--tha-a",
        "cn-450000--tha-a",
    }
    ties = alliance.college_ties(LINKS, ROSTER, PLACES, table)
    assert set(ties["source"]) == {"pair", "explicit"}
    assert alliance.field_link_ids(ties)["it"] >= {"cn-450300--tha-a"}


def test_filter_ties_keeps_kept_pairs_fields_and_unattached_only_when_unrestricted():
    ties = pd.DataFrame(
        {
            "link_id": ["a", "b", ""],
            "guangxi_member_id": ["g1", "g2", "g1"],
            "foreign_member_id": ["f1", "f1", "f2"],
            "field_id": ["it", "civil", "it"],
            "source": ["pair", "pair", "explicit"],
        }
    )
    assert list(alliance.filter_ties(ties, {"a"}, (), False)["link_id"]) == ["a"]
    assert list(alliance.filter_ties(ties, {"a", "b"}, (), True)["link_id"]) == ["a", "b", ""]
    assert list(alliance.filter_ties(ties, {"a", "b"}, ("civil",), True)["link_id"]) == ["b"]


def test_coverage_by_country_counts_carrying_pairs():
    ties = alliance.college_ties(LINKS, ROSTER, PLACES)
    table = alliance.coverage_by_country(LINKS, ties).set_index("country_iso3")
    assert table.loc["THA", "pairs"] == 3 and table.loc["THA", "carrying"] == 3
    assert table.loc["JPN", "carrying"] == 0 and table.loc["JPN", "share"] == 0
    assert list(table.index) == ["THA", "JPN"]
    assert list(table["country_en"]) == ["Thailand", "Japan"]  # named from the pairs' rows
    empty = alliance.coverage_by_country(LINKS.iloc[0:0], ties)
    assert empty.empty and "share" in empty.columns


def test_coverage_by_field_lists_every_field_and_no_field():
    ties = alliance.college_ties(LINKS, ROSTER, PLACES)
    table = alliance.coverage_by_field(LINKS, ties, FIELDS).set_index("field_id")
    assert table.loc["it", "carrying"] == 2  # g1-f1 on Nanning's and the region's pairs
    assert table.loc["civil", "carrying"] == 2  # g2-f1 on Guilin's and the region's pairs
    assert table.loc["", "carrying"] == 0
    only_guilin = LINKS.loc[LINKS["home_place_id"] == "cn-450300"]
    guilin = alliance.coverage_by_field(only_guilin, ties, FIELDS).set_index("field_id")
    assert (guilin.loc["it", "carrying"], guilin.loc["civil", "carrying"]) == (0, 1)


def test_alliance_countries_and_those_without_a_carrying_pair():
    facts = {"named_countries": ["THA", "RUS", "GRC"]}
    countries = alliance.alliance_countries(facts, ROSTER, PLACES)
    assert countries == ["THA", "RUS", "GRC", "PHL"]  # PHL from the foreign member f2
    ties = alliance.college_ties(LINKS, ROSTER, PLACES)
    missing = alliance.countries_without_ties(LINKS, ties, countries)
    assert list(missing["country_iso3"]) == ["RUS", "GRC", "PHL"]
    assert list(missing["pairs"]) == [0, 0, 0]
    context = alliance.pairs_in_alliance_countries(LINKS, countries)
    assert set(context["country_iso3"]) == {"THA"}


def test_named_counts_exclude_organisations_and_keep_unknown_totals():
    counts = alliance.named_counts(
        ROSTER, {"founding_counts": {"guangxi_colleges": 22, "foreign_colleges": 37}}
    )
    assert counts == {
        "guangxi_named": 2,
        "guangxi_total": 22,
        "foreign_named": 2,
        "foreign_total": 37,
    }
    assert alliance.named_counts(ROSTER, {})["guangxi_total"] is None


def test_tie_summary_and_has_fields():
    ties = alliance.college_ties(LINKS, ROSTER, PLACES)
    assert alliance.tie_summary(ties) == {"ties": 2, "pairs": 3, "guangxi": 2, "foreign": 1}
    assert alliance.has_fields(ROSTER)
    assert not alliance.has_fields(ROSTER.assign(fields=""))


@pytest.fixture
def tiny(tmp_path):
    return load_dataset(write_folder(tmp_path / "d")).dataset


def test_build_view_follows_field_and_country_filters(tiny):
    members = tiny.alliance.members
    everything = alliance.build_view(tiny, members, LinkFilter())
    assert len(everything.links) == 4
    assert set(everything.shown["link_id"]) == {"cn-450100--tha-rayong"}
    by_field = alliance.build_view(tiny, members, LinkFilter(fields=("it",)))
    assert list(by_field.links["link_id"]) == ["cn-450100--tha-rayong"]
    assert alliance.build_view(tiny, members, LinkFilter(fields=("hotel",))).links.empty
    japan = alliance.build_view(tiny, members, LinkFilter(countries=("JPN",)))
    assert japan.shown.empty and len(japan.links) == 1


def test_build_view_uses_the_kept_pairs_given_unless_fields_are_chosen(tiny):
    members = tiny.alliance.members
    thailand = LinkFilter(countries=("THA",))
    kept = apply_filter(tiny.links, thailand)
    given = alliance.build_view(tiny, members, thailand, kept=kept)
    assert given.links is kept
    assert set(given.shown["link_id"]) == {"cn-450100--tha-rayong"}
    by_field = LinkFilter(fields=("hotel",))
    everything = apply_filter(tiny.links, LinkFilter())
    assert alliance.build_view(tiny, members, by_field, kept=everything).links.empty


def test_kept_link_ids_names_only_ids_of_the_given_pairs():
    wanted = ["cn-450300--jpn-b", "zz", "cn-450100--tha-a", ""]
    assert alliance.kept_link_ids(LINKS, wanted) == {"cn-450300--jpn-b", "cn-450100--tha-a"}
    assert alliance.kept_link_ids(LINKS.iloc[0:0], wanted) == set()
    assert alliance.kept_link_ids(LINKS, []) == set()


def test_ties_map_draws_all_ties_in_one_line_trace_with_gaps():
    ties = alliance.college_ties(LINKS, ROSTER, PLACES)
    names = {"it": "IT", "civil": "Civil"}
    fig = ties_map(
        ROSTER, ties, PLACES, ["THA", "JPN", "CHN"], ["THA"], ["it", "civil"], names, "en"
    )
    lines = [tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "lines"]
    # the maritime line, then the ties
    assert [tr.name for tr in lines] == ["China's maritime boundary", "College tie"]
    assert list(lines[1].lat).count(None) == 2  # two college pairs joined: g1-f1 and g2-f1
    assert len(lines[1].lat) == 2 * 17  # great-circle arcs of 16 points each
    midpoints = [tr.name for tr in fig.data if tr.type == "scattergeo" and tr.mode == "markers"]
    assert midpoints[:2] == ["IT", "Civil"]
    assert fig.data[0].type == "choropleth" and list(fig.data[0].z) == [1, 0, 0]
    colleges = {
        tr.name: len(tr.lat) for tr in fig.data if tr.name in ("Guangxi college", "Foreign college")
    }
    assert colleges == {"Guangxi college": 2, "Foreign college": 2}  # the association is no college


def test_member_points_spread_colleges_that_share_a_place():
    same = roster([("a", "guangxi", "cn-450100", "", ""), ("b", "guangxi", "cn-450100", "", "")])
    points = member_points(same, PLACES)
    assert points["lon"].nunique() == 2
    distance = math.hypot(points["lat"][0] - 22.8, points["lon"][0] - 108.4)
    assert 0 < distance < 1


def test_ties_network_has_one_edge_trace_per_field_and_every_college():
    ties = alliance.college_ties(LINKS, ROSTER, PLACES)
    fig = ties_network(ROSTER, ties, PLACES, ["it", "civil"], {"it": "IT", "civil": "Civil"}, "en")
    edges = [tr.name for tr in fig.data if tr.mode == "lines"]
    assert edges == ["IT", "Civil"]
    nodes = {tr.name: list(tr.customdata) for tr in fig.data if tr.mode == "markers+text"}
    assert sorted(nodes["Guangxi college"]) == ["g1", "g2"]
    assert sorted(nodes["Foreign college"]) == ["f1", "f2"]  # f2 has no tie but is shown


def test_alliance_display_tables_have_headers_in_both_languages(tiny):
    from sistercities.alliance.tables import context_table, country_table, field_table

    view = alliance.build_view(tiny, tiny.alliance.members, LinkFilter())
    for lang, country in (("zh", "国家"), ("en", "Country")):
        table = country_table(view.links, view.shown, lang)
        assert country in " ".join(table.columns) and len(table) >= 1
        fields = field_table(view.links, view.shown, tiny.alliance.fields, lang)
        assert len(fields.columns) == 2 and fields.iloc[:, 1].sum() >= 1  # Nanning-Rayong
    pairs = alliance.pairs_in_alliance_countries(view.links, view.countries)
    context = context_table(pairs, {"cn-450100": "Nanning"}, "en")
    assert len(context) == len(pairs) >= 1
    assert "Nanning" in set(context.iloc[:, 0])


def test_figures_on_shared_parts_match_a_fresh_build_and_leave_the_parts_unchanged():
    import json

    from sistercities.alliance.figures import (
        map_of_ties,
        map_parts,
        network_of_ties,
        network_parts,
        ties_map_spec,
        ties_network_spec,
    )
    from sistercities.exports import stamp_spec

    ties = alliance.college_ties(LINKS, ROSTER, PLACES)
    names, fields = {"it": "IT", "civil": "Civil"}, ["it", "civil"]
    points = member_points(ROSTER, PLACES)
    on_map = map_parts(points, ["THA", "JPN", "CHN"], ["THA"], fields, names, "en")
    on_graph = network_parts(points, fields, names, "en")
    shared = [on_map.fixed, on_map.colleges, on_map.layout, on_graph.colleges, on_graph.layout]
    before = json.dumps(shared, default=str)
    one_tie = ties.iloc[:1]
    stamp_spec(map_of_ties(on_map, one_tie), "A title", "A note")  # a page stamps what it shows
    stamp_spec(network_of_ties(on_graph, one_tie), "A title", "A note")
    fresh_map = ties_map_spec(
        ROSTER, ties, PLACES, ["THA", "JPN", "CHN"], ["THA"], fields, names, "en"
    )
    assert map_of_ties(on_map, ties) == fresh_map
    assert network_of_ties(on_graph, ties) == ties_network_spec(
        ROSTER, ties, PLACES, fields, names, "en"
    )
    assert json.dumps(shared, default=str) == before
    # fewer ties draw fewer lines on the same colleges
    assert map_of_ties(on_map, one_tie)["data"][2]["lat"].count(None) == 1
    assert map_of_ties(on_map, one_tie)["data"][-2:] == fresh_map["data"][-2:]
