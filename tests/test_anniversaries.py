import datetime as dt

import pandas as pd
import pytest

from sistercities.anniversaries import (
    anniversaries,
    anniversary_table,
    calendar_year,
    next_twelve_months,
)
from sistercities.dataset import load_dataset
from tests.fixtures_data import write_folder

PLACES_EXTRA = """jpn-a,甲市,A City,city,JPN,35.0,135.0,,,test,
jpn-b,乙市,B City,city,JPN,35.1,135.1,,,test,
jpn-c,丙市,C City,city,JPN,35.2,135.2,,,test,
jpn-d,丁市,D City,city,JPN,35.3,135.3,,,test,
jpn-e,戊市,E City,city,JPN,35.4,135.4,,,test,
"""
HEADER = "link_id,home_place_id,partner_place_id,level,established,ended,status,source_url,source_note,confidence,notes\n"


def row(partner, established, ended="", status="active"):
    return (
        f"cn-450100--{partner},cn-450100,{partner},prefecture,{established},{ended},{status},"
        "https://example.org/x,,high,\n"
    )


@pytest.fixture
def links(tmp_path):
    from tests.fixtures_data import PLACES

    text = (
        HEADER
        + row("jpn-a", "2016-03-15")  # 10 years on 2026-03-15
        + row("jpn-b", "2006")  # 20 years during 2026
        + row("jpn-c", "2001-07")  # 25 years in July 2026
        + row("jpn-d", "2008-02-29")  # 18 years: never a multiple of 5 in 2026
        + row("jpn-e", "1996-05-01", "2010", "ended")  # would be 30 but ended
        + row("tha-rayong", "")  # undated: no anniversary
    )
    folder = write_folder(tmp_path / "d", places_csv=PLACES + PLACES_EXTRA, links_csv=text)
    return load_dataset(folder, dt.date(2026, 11, 26)).dataset.links


def test_a_calendar_year_sorted_with_year_only_dates_last_in_their_year(links):
    found = anniversaries(links, *calendar_year(2026))
    assert list(found["anniversary"]) == ["2026-03-15", "2026-07", "2026"]
    assert list(found["years"]) == [10, 25, 20]
    assert list(found["precision"]) == ["day", "month", "year"]
    assert set(found["partner_place_id"]) == {"jpn-a", "jpn-b", "jpn-c"}


def test_next_twelve_months_window_crosses_the_year(links):
    first, last = next_twelve_months(dt.date(2025, 11, 26))
    assert (first, last) == (dt.date(2025, 11, 26), dt.date(2026, 11, 25))
    found = anniversaries(links, first, last)
    # 2026-03-15 and July 2026 fall inside; the year-only 2006 pair is "during 2026", which
    # overlaps the window, so it is listed under 2026.
    assert list(found["anniversary"]) == ["2026-03-15", "2026-07", "2026"]


def test_window_edges_are_inclusive_and_exclusive_outside(links):
    assert list(
        anniversaries(links, dt.date(2026, 3, 15), dt.date(2026, 3, 15))["anniversary"]
    ) == [
        "2026-03-15",
        "2026",
    ]
    outside = anniversaries(links, dt.date(2026, 3, 16), dt.date(2026, 6, 30))
    assert list(outside["anniversary"]) == ["2026"]


def test_twenty_ninth_of_february_falls_on_the_28th(tmp_path, links):
    leap = links.loc[links["partner_place_id"] == "jpn-d"].assign(
        start=pd.Timestamp("2008-02-29"), start_year=pd.array([2008], dtype="Int64")
    )
    found = anniversaries(leap, *calendar_year(2023))
    assert list(found["anniversary"]) == ["2023-02-28"] and list(found["years"]) == [15]


def test_ended_and_undated_pairs_have_no_anniversary(links):
    found = anniversaries(links, *calendar_year(2026))
    assert "jpn-e" not in set(found["partner_place_id"])
    assert "tha-rayong" not in set(found["partner_place_id"])
    assert len(anniversaries(links, *calendar_year(2001))) == 1  # jpn-e: 5 years, still active


def test_only_multiples_of_five(links):
    for year in range(2000, 2040):
        found = anniversaries(links, *calendar_year(year))
        assert all(years % 5 == 0 and years > 0 for years in found["years"])


def test_table_marks_year_only_dates_in_both_languages(links):
    found = anniversaries(links, *calendar_year(2026))
    names = {"jpn-b": "B City", "cn-450100": "Nanning", "JPN": "Japan"}
    table = anniversary_table(found, "en", names)
    assert table.iloc[2]["Anniversary"] == "2026 (during the year; exact date unknown)"
    assert table.iloc[2]["Partner"] == "B City"
    zh = anniversary_table(found, "zh", {})
    assert "周年日期" in zh.columns and "年内" in zh.iloc[2]["周年日期"]
