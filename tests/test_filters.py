import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sistercities.dataset import load_dataset
from sistercities.filters import (
    FilterOptions,
    LinkFilter,
    apply_filter,
    describe,
    from_query,
    to_query,
)


@pytest.fixture
def links(tiny_folder):
    return load_dataset(tiny_folder, dt.date(2026, 11, 26)).dataset.links


OPTIONS = FilterOptions(
    countries=frozenset({"JPN", "THA", "FRA", "VNM"}),
    cities=frozenset({"cn-450000", "cn-450100", "cn-450300", "cn-450321"}),
    fields=frozenset({"it", "hotel"}),
)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (LinkFilter(), {"kumamoto", "rayong", "annecy", "meo-vac"}),
        (LinkFilter(countries=("JPN",)), {"kumamoto"}),
        (LinkFilter(asean=True), {"rayong", "meo-vac"}),
        (LinkFilter(countries=("FRA",), asean=True), {"rayong", "meo-vac", "annecy"}),
        (LinkFilter(continents=("Europe",)), {"annecy"}),
        (LinkFilter(year_from=2000), {"rayong", "annecy", "meo-vac"}),
        (LinkFilter(year_from=2000, include_undated=False), {"rayong", "annecy"}),
        (LinkFilter(year_to=1990, include_undated=False), {"kumamoto"}),
        (LinkFilter(cities=("cn-450300",)), {"kumamoto", "annecy"}),  # prefecture incl. county
        (LinkFilter(cities=("cn-450321",)), {"annecy"}),
        (LinkFilter(levels=("county", "province")), {"annecy", "meo-vac"}),
        (LinkFilter(fields=("it",)), {"rayong"}),
        (LinkFilter(fields=("hotel",)), set()),
    ],
)
def test_apply_filter(links, spec, expected):
    field_links = {"it": {"cn-450100--tha-rayong"}}
    kept = apply_filter(links, spec, field_links)
    assert {pid.split("-", 1)[1] for pid in kept["partner_place_id"]} == expected


def test_apply_filter_leaves_input_untouched(links):
    before = links.copy()
    apply_filter(links, LinkFilter(countries=("JPN",)))
    assert links.equals(before)


def test_query_round_trip():
    spec = LinkFilter(
        countries=("JPN", "THA"),
        continents=("Europe",),
        asean=True,
        year_from=1990,
        year_to=2010,
        cities=("cn-450300",),
        levels=("county",),
        fields=("it",),
        include_undated=False,
    )
    query = to_query(spec)
    assert query["country"] == "JPN,THA" and query["undated"] == "0" and query["asean"] == "1"
    again, rejected = from_query(query, OPTIONS)
    assert again == spec and rejected == []


def test_empty_filter_has_empty_query():
    assert to_query(LinkFilter()) == {}
    assert from_query({}, OPTIONS) == (LinkFilter(), [])


@pytest.mark.parametrize(
    ("params", "rejected"),
    [
        ({"country": "XXX,jpn"}, [("country", "XXX")]),
        ({"from": "abc"}, [("from", "abc")]),
        ({"from": "2010", "to": "1990"}, [("to", "1990")]),
        ({"undated": "maybe"}, [("undated", "maybe")]),
        ({"level": "planet"}, [("level", "planet")]),
        ({"city": "<script>"}, [("city", "<script>")]),
    ],
)
def test_bad_query_values_are_dropped_and_reported(params, rejected):
    spec, found = from_query(params, OPTIONS)
    assert found == rejected
    if "country" in params:
        assert spec.countries == ("JPN",)


def test_describe_in_both_languages():
    spec = LinkFilter(countries=("JPN",), year_from=1990, levels=("county",))
    names = {"JPN": "Japan"}
    assert describe(spec, "en", names) == "Partners: Japan · 1990–… · Level: County level"
    assert "县级" in describe(spec, "zh", {"JPN": "日本"})
    assert describe(LinkFilter(), "en") == "All pairs"


def _subset(values):
    return st.lists(st.sampled_from(sorted(values)), unique=True).map(tuple)


@given(
    countries=_subset(OPTIONS.countries),
    continents=_subset(OPTIONS.continents),
    asean=st.booleans(),
    years=st.tuples(
        st.one_of(st.none(), st.integers(1900, 2100)), st.one_of(st.none(), st.integers(1900, 2100))
    ),
    cities=_subset(OPTIONS.cities),
    levels=_subset(OPTIONS.levels),
    fields=_subset(OPTIONS.fields),
    undated=st.booleans(),
)
def test_any_valid_filter_survives_the_url(
    countries, continents, asean, years, cities, levels, fields, undated
):
    low, high = years
    if low is not None and high is not None and low > high:
        low, high = high, low
    spec = LinkFilter(countries, continents, asean, low, high, cities, levels, fields, undated)
    again, rejected = from_query(to_query(spec), OPTIONS)
    assert again == spec and rejected == []
