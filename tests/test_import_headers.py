"""Guessing the columns of officials' tables from Chinese or English headers."""

import pytest

from sistercities.importer.headers import field_for_header, guess_header, map_header


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("序号", "seq"),
        ("中方城市", "home"),
        ("广西城市", "home"),
        ("我方", "home"),
        ("外方城市", "partner"),
        ("友好城市", "partner"),
        ("外方", "partner"),
        ("国家", "country"),
        ("所在国", "country"),
        ("结好时间", "date"),
        ("缔结时间", "date"),
        ("签约日期", "date"),
        ("级别", "level"),
        ("City", "home"),
        ("Partner", "partner"),
        ("Country", "country"),
        ("Date", "date"),
        ("Level", "level"),
        ("ｃｏｕｎｔｒｙ ", "country"),  # full-width letters, trailing space
        ("中方城市（县、区）", "home"),  # longer header starting with a known name
        ("外方城市英文名", "partner_en"),
        ("Partner city", "partner"),
        ("备注", "notes"),
    ],
)
def test_known_headers(header, field):
    assert field_for_header(header)[0] == field


def test_unknown_header():
    assert field_for_header("联系人电话") == (None, 0)
    assert field_for_header("") == (None, 0)


def test_title_row_is_skipped():
    grid = [
        ["广西国际友好城市名录（截至2024年11月）", None, None, None, None],
        [None, None, None, None, None],
        ["序号", "中方城市 ", "外方城市", "所在国", "结好时间"],
        [1, "桂林市", "熊本市", "日本", "1979年10月1日"],
    ]
    guess = guess_header(grid)
    assert guess.header_row == 2
    assert guess.mapping == {"seq": 0, "home": 1, "partner": 2, "country": 3, "date": 4}
    assert guess.columns[1] == "中方城市"
    assert guess.missing == []


def test_english_header_and_missing_partner():
    guess = guess_header([["No.", "City", "Country", "Date signed"]])
    assert guess.mapping == {"seq": 0, "home": 1, "country": 2, "date": 3}
    assert guess.missing == ["partner"]


def test_a_column_serves_one_field_and_exact_names_win():
    # "外方城市" names the partner exactly; "外方城市英文名" must not steal it
    mapping = map_header(["外方城市英文名", "外方城市", "中方", "中方城市"])
    assert mapping["partner"] == 1
    assert mapping["partner_en"] == 0
    assert mapping["home"] in (2, 3)
    assert len(set(mapping.values())) == len(mapping)
