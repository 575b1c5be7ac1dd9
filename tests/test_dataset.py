import datetime as dt

import pytest

from sistercities.contract.problems import errors
from sistercities.dataset import load_dataset
from tests.fixtures_data import LINKS, PLACES, write_folder

TODAY = dt.date(2026, 11, 26)


def codes(result):
    return {(p.file, p.row, p.column, p.code) for p in result.problems}


def test_tiny_folder_loads_with_derived_columns(tiny_folder):
    result = load_dataset(tiny_folder, TODAY)
    assert result.ok, [p.describe("en") for p in result.problems]
    links = result.dataset.links.set_index("link_id")
    yangshuo = links.loc["cn-450321--fra-annecy"]
    assert yangshuo["home_prefecture_id"] == "cn-450300"
    assert yangshuo["continent"] == "Europe"
    assert yangshuo["start_year"] == 2013 and yangshuo["start_precision"] == "month"
    assert links.loc["cn-450100--tha-rayong", "asean"]
    assert not links.loc["cn-450000--vnm-meo-vac", "dated"]
    assert links.loc["cn-450000--vnm-meo-vac", "home_prefecture_id"] == ""
    assert result.dataset.places.set_index("place_id").loc["vnm-meo-vac", "lat"] != 0


def test_every_problem_is_reported_at_once(tmp_path):
    bad_links = LINKS + (
        "cn-450300--jpn-kumamoto,cn-450300,jpn-kumamoto,city,1979-13-01,,maybe,not a url,,sure,\n"
        "cn-450300--nowhere,cn-450300,nowhere,prefecture,2099,,active,,,high,\n"
    )
    result = load_dataset(write_folder(tmp_path, links_csv=bad_links), TODAY)
    found = codes(result)
    assert result.dataset is None
    row = 6
    for column, code in [
        ("link_id", "val.duplicate_id"),
        ("level", "val.bad_choice"),
        ("status", "val.bad_choice"),
        ("confidence", "val.bad_choice"),
        ("established", "val.bad_date"),
        ("source_url", "val.bad_url"),
    ]:
        assert ("links.csv", row, column, code) in found, (column, code)
    assert ("links.csv", 7, "established", "val.future_date") in found
    assert ("links.csv", 7, "partner_place_id", "val.unknown_place") in found
    assert ("links.csv", 7, "source_url", "val.no_source") in found


@pytest.mark.parametrize(
    ("row", "column", "code"),
    [
        ("cn-450999,测试,Test,prefecture,CHN,95,108,450999,,t,", "lat", "val.lat_range"),
        ("cn-450998,测试,Test,prefecture,CHN,23,181,450998,,t,", "lon", "val.lon_range"),
        ("xyz-place,测试,Test,city,XYZ,1,1,,,t,", "country_iso3", "val.unknown_iso3"),
        ("jpn-two,,,city,JPN,1,1,,,t,", "name_en", "val.required"),
        ("jpn-half,半,Half,city,JPN,1,,,,t,", "lon", "val.required"),
        ("Tokyo,东京,Tokyo,city,JPN,35,139,,,t,", "place_id", "val.bad_place_id"),
        ("cn-450100,南宁,Nanning,prefecture,CHN,22,108,450100,,t,", "place_id", "val.duplicate_id"),
        ("jpn-x,X,X,town,JPN,1,1,,,t,", "admin_type", "val.bad_choice"),
        ("jpn-y,Y,Y,city,JPN,abc,1,,,t,", "lat", "val.not_number"),
    ],
)
def test_place_problems_name_row_and_column(tmp_path, row, column, code):
    result = load_dataset(write_folder(tmp_path, places_csv=PLACES + row + "\n"), TODAY)
    assert ("places.csv", 10, column, code) in codes(result)


def test_missing_columns_and_files(tmp_path):
    folder = write_folder(tmp_path, links_csv="link_id,home_place_id\nx,y\n")
    (folder / "official_totals.csv").unlink()
    found = codes(load_dataset(folder, TODAY))
    assert ("links.csv", None, "partner_place_id", "val.missing_column") in found
    assert ("official_totals.csv", None, None, "val.file_missing") in found


def test_gb18030_and_bom_files_load(tmp_path):
    folder = write_folder(tmp_path)
    (folder / "places.csv").write_bytes(PLACES.encode("gb18030"))
    (folder / "links.csv").write_bytes(LINKS.encode("utf-8-sig"))
    result = load_dataset(folder, TODAY)
    assert result.ok
    assert "桂林市" in set(result.dataset.places["name_zh"])


def test_semicolon_separated_file_loads(tmp_path):
    folder = write_folder(tmp_path, links_csv=LINKS.replace(",", ";"))
    assert load_dataset(folder, TODAY).ok


def test_home_and_partner_sides_are_checked(tmp_path):
    swapped = (
        LINKS
        + "jpn-kumamoto--cn-450300,jpn-kumamoto,cn-450300,prefecture,1980,,active,https://e.org/x,,high,\n"
    )
    found = codes(load_dataset(write_folder(tmp_path, links_csv=swapped), TODAY))
    assert ("links.csv", 6, "home_place_id", "val.home_not_home") in found
    assert ("links.csv", 6, "partner_place_id", "val.partner_is_home") in found


def test_bad_json_is_reported(tmp_path):
    folder = write_folder(tmp_path)
    (folder / "dataset.json").write_text("{not json", encoding="utf-8")
    result = load_dataset(folder, TODAY)
    assert result.dataset is None
    assert any(p.code == "val.json" and p.file == "dataset.json" for p in result.problems)


def test_members_reference_places_and_fields(tmp_path):
    members = (
        "member_id,side,name_zh,name_en,place_id,fields,joined,role,source_url,source_note,confidence\n"
        "a,guangxi,甲,A,cn-450100,it;cooking,2022,member,https://e.org,,high\n"
        "b,elsewhere,乙,B,nowhere,,2022,member,,,high\n"
    )
    found = codes(load_dataset(write_folder(tmp_path, alliance__members_csv=members), TODAY))
    assert ("alliance/members.csv", 2, "fields", "val.unknown_field") in found
    assert ("alliance/members.csv", 3, "side", "val.bad_choice") in found
    assert ("alliance/members.csv", 3, "place_id", "val.unknown_place") in found
    assert ("alliance/members.csv", 3, "source_url", "val.no_source") in found


def test_messages_are_bilingual(tmp_path):
    result = load_dataset(write_folder(tmp_path, links_csv=LINKS + "a,b\n"), TODAY)
    problem = errors(result.problems)[0]
    assert "links.csv" in problem.describe("en") and "links.csv" in problem.describe("zh")
    assert problem.message("en") != problem.message("zh")
