"""Roster templates, reading uploads (Chinese or English headers), validation, preview, demo."""

import datetime as dt
import io

import pandas as pd
import pytest

from sistercities.alliance import roster
from sistercities.alliance.demo import DEMO_PREFIX, demo_roster
from sistercities.contract.schema import MEMBERS_COLUMNS
from sistercities.contract.validation import validate_members
from sistercities.dataset import load_dataset
from tests.fixtures_data import write_folder

TODAY = dt.date(2025, 1, 1)
PLACES = {"cn-450100", "tha-rayong", "jpn-kumamoto"}
FIELDS = {"it", "hotel"}

GOOD_ROWS = (
    "gx-a,guangxi,甲学院,College A,cn-450100,it,2022-11-30,member,https://example.org/a,,high,college,\n"
    "th-b,foreign,,College B,tha-rayong,it;hotel,2022-11-30,member,,Roster 2024,medium,,\n"
)


def read(text: str, name: str = "roster.csv", encoding: str = "utf-8"):
    return roster.read_roster(text.encode(encoding), name, PLACES, FIELDS, TODAY)


def english_header() -> str:
    return ",".join(roster.ROSTER_COLUMNS) + "\n"


def chinese_header() -> str:
    return ",".join(roster.CHINESE_HEADERS[c] for c in roster.ROSTER_COLUMNS) + "\n"


def test_template_csv_has_the_column_names_then_chinese_names():
    frame = pd.read_csv(io.BytesIO(roster.template_csv()), encoding="utf-8-sig", dtype=str)
    assert tuple(frame.columns) == (*MEMBERS_COLUMNS, "kind", "notes")
    assert list(frame.iloc[0]) == [roster.CHINESE_HEADERS[c] for c in frame.columns]
    assert roster.template_csv().startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads the Chinese


def test_template_xlsx_sheets_and_headers(tiny):
    raw = roster.template_xlsx(tiny.places, tiny.alliance.fields)
    sheets = pd.read_excel(io.BytesIO(raw), sheet_name=None, dtype=str)
    assert list(sheets) == ["members", "说明 guide", "places", "fields"]
    assert tuple(sheets["members"].columns) == roster.ROSTER_COLUMNS
    assert sheets["members"].iloc[0]["side"] == "所属方"
    assert set(sheets["places"]["place_id"]) == set(tiny.places["place_id"])
    guide = sheets["说明 guide"].set_index("column")
    assert guide.loc["place_id", "required 必填"] == "yes 是"


def test_empty_template_read_back_says_no_rows():
    result = roster.read_roster(roster.template_csv(), "t.csv", PLACES, FIELDS, TODAY)
    assert not result.usable
    assert [p.code for p in result.problems] == ["roster.no_rows"]


def test_good_roster_with_english_header():
    result = read(english_header() + GOOD_ROWS)
    assert result.usable, [p.describe("en") for p in result.problems]
    assert list(result.frame["member_id"]) == ["gx-a", "th-b"]
    assert tuple(result.frame.columns) == roster.ROSTER_COLUMNS


def test_chinese_header_and_chinese_values_are_accepted():
    rows = (
        GOOD_ROWS.replace("guangxi,", "广西,")
        .replace("foreign,", "外方,")
        .replace(",high,", ",高,")
    )
    result = read(chinese_header() + rows.replace("it;hotel", "it；hotel"), encoding="gb18030")
    assert result.usable, [p.describe("en") for p in result.problems]
    assert list(result.frame["side"]) == ["guangxi", "foreign"]
    assert result.frame.loc[0, "confidence"] == "high"
    assert result.frame.loc[1, "fields"] == "it;hotel"


def test_row_numbers_count_the_second_header_row():
    bad = GOOD_ROWS.replace("tha-rayong", "tha-nowhere").replace("gx-a,guangxi", "gx-a,south")
    result = read(english_header() + chinese_header() + bad)
    assert not result.usable
    where = {(p.code, p.row, p.column) for p in result.problems}
    assert ("val.bad_choice", 3, "side") in where  # first data row is spreadsheet row 3
    assert ("val.unknown_place", 4, "place_id") in where
    message = next(p for p in result.problems if p.code == "val.unknown_place").describe("en")
    assert "row 4" in message and "place_id" in message and "tha-nowhere" in message


def test_row_level_messages_for_missing_values_and_bad_kind():
    rows = "x1,guangxi,,,cn-450100,,,member,,,high,school,\n"
    result = read(english_header() + rows)
    found = {(p.code, p.row, p.column) for p in result.problems}
    assert ("val.required", 2, "name_en") in found
    assert ("val.no_source", 2, "source_url") in found
    assert ("val.bad_choice", 2, "kind") in found


def test_unknown_column_is_a_warning_and_duplicate_column_an_error():
    warn = read(english_header().rstrip("\n") + ",extra\n" + GOOD_ROWS.replace(",\n", ",,\n"))
    assert warn.usable
    assert [(p.code, p.severity, p.column) for p in warn.problems] == [
        ("roster.unknown_column", "warning", "extra")
    ]
    dup = read("member_id,成员编号,side\nx,y,guangxi\n")
    assert dup.frame is None and dup.problems[0].code == "roster.duplicate_column"


def test_missing_required_column_and_unreadable_file():
    result = read("member_id,side\nx,guangxi\n")
    assert {p.column for p in result.problems if p.code == "val.missing_column"} == {
        "place_id",
        "role",
        "confidence",
    }
    binary = roster.read_roster(b"\x00\x01\x02garbage", "r.csv", PLACES, FIELDS, TODAY)
    assert binary.frame is None and not binary.usable


def test_xlsx_upload_with_dates_typed_as_dates(tmp_path):
    frame = pd.read_csv(io.StringIO(english_header() + GOOD_ROWS), dtype=str, keep_default_na=False)
    frame["joined"] = pd.to_datetime(frame["joined"])
    path = tmp_path / "r.xlsx"
    frame.to_excel(path, index=False)
    result = roster.read_roster(path.read_bytes(), "r.xlsx", PLACES, FIELDS, TODAY)
    assert result.usable, [p.describe("en") for p in result.problems]
    assert list(result.frame["joined"]) == ["2022-11-30", "2022-11-30"]


def test_preview_frame_names_places_and_fields(tiny):
    result = read(english_header() + GOOD_ROWS)
    preview = roster.preview_frame(
        result.frame, tiny.places, tiny.alliance.fields, "en", {"THA": "Thailand"}
    )
    assert list(preview.columns)[:4] == ["Name", "Side", "Place", "Country"]
    assert preview.iloc[1].tolist()[:5] == [
        "College B",
        "foreign",
        "Rayong Province",
        "Thailand",
        "Information technology, Hotel management",
    ]
    assert (
        roster.preview_frame(result.frame, tiny.places, tiny.alliance.fields, "zh").iloc[0, 0]
        == "甲学院"
    )


@pytest.fixture
def tiny(tmp_path):
    return load_dataset(write_folder(tmp_path / "d")).dataset


def test_demo_roster_is_fictional_deterministic_and_valid(tiny):
    demo = demo_roster(tiny)
    assert demo.equals(demo_roster(tiny))
    assert not tiny.alliance.members["member_id"].str.startswith(DEMO_PREFIX).any()
    assert demo["member_id"].str.startswith(DEMO_PREFIX).all()
    assert demo["name_zh"].str.contains("虚构").all()
    assert demo["name_en"].str.contains("Fictional").all()
    assert demo["source_note"].str.contains("fictional").all()
    assert not set(demo["member_id"]) & set(tiny.alliance.members["member_id"])
    assert (demo["side"] == "guangxi").sum() == 22 and (demo["side"] == "foreign").sum() == 37
    problems = validate_members(
        demo, "demo", set(tiny.places["place_id"]), set(tiny.alliance.fields["field_id"]), TODAY
    )
    assert problems == []


def test_demo_roster_follows_the_founding_shape_and_named_countries(tiny):
    links = tiny.links
    demo = demo_roster(tiny)
    homes = set(demo.loc[demo["side"] == "guangxi", "place_id"])
    assert homes == {"cn-450300", "cn-450100"}  # the prefectures that hold pairs
    partners = set(demo.loc[demo["side"] == "foreign", "place_id"])
    assert partners <= set(links["partner_place_id"])
    assert "vnm-meo-vac" not in partners  # its pair is region level, not one of the homes'


def test_demo_roster_prefers_the_alliance_named_countries(tiny):
    import dataclasses

    facts = {**tiny.alliance.facts, "named_countries": ["FRA"], "founding_counts": {"countries": 1}}
    data = dataclasses.replace(tiny, alliance=dataclasses.replace(tiny.alliance, facts=facts))
    demo = demo_roster(data)
    foreign = demo.loc[demo["side"] == "foreign", "place_id"]
    assert set(foreign) == {"fra-annecy"}  # one country allowed, and the named one comes first
