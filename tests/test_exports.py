import datetime as dt
import io

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest

from sistercities.dataset import load_dataset
from sistercities.exports import (
    chart_alt,
    chart_config,
    csv_bytes,
    links_table,
    neutralise,
    stamp_figure,
    xlsx_bytes,
)
from sistercities.places import place_labels

DANGEROUS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tX", '=HYPERLINK("http://x")']


@pytest.fixture
def frame():
    return pd.DataFrame({"名称": ["南宁市", *DANGEROUS, "a-b"], "count": [1, -2, 3, 4, 5, 6, 7, 8]})


def test_neutralise_prefixes_formula_text_only(frame):
    safe = neutralise(frame)
    assert list(safe["名称"]) == ["南宁市", *[f"'{v}" for v in DANGEROUS], "a-b"]
    assert list(safe["count"]) == [1, -2, 3, 4, 5, 6, 7, 8]  # numbers stay numbers
    assert list(frame["名称"])[1] == "=1+1"  # input untouched


def test_neutralise_headers_too():
    assert list(neutralise(pd.DataFrame({"=cmd": [1]})).columns) == ["'=cmd"]


def test_csv_is_utf8_with_bom_and_reads_back(frame):
    data = csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["名称"].iloc[0] == "南宁市" and back["名称"].iloc[1] == "'=1+1"


def test_xlsx_cells_are_text_never_formulas(frame):
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(frame, "pairs")))
    sheet = book["pairs"]
    values = [cell.value for cell in sheet["A"]]
    kinds = [cell.data_type for cell in sheet["A"]]
    assert values[:3] == ["名称", "南宁市", "'=1+1"]
    assert "f" not in kinds
    assert [cell.value for cell in sheet["B"]][1:3] == [1, -2]


def test_links_table_marks_undated(tiny_folder):
    data = load_dataset(tiny_folder, dt.date(2026, 1, 1)).dataset
    table = links_table(data.links, "zh", place_labels(data, "zh"))
    assert "日期不详" in set(table["结好日期"])
    assert "桂林市" in set(table["广西一方"]) and len(table) == len(data.links)


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_chart_config_downloads_at_three_times_without_cdn(fmt):
    config = chart_config("growth-2024-11-12", fmt)
    options = config["toImageButtonOptions"]
    assert options == {"format": fmt, "filename": "growth-2024-11-12", "scale": 3}
    assert config["topojsonURL"] == "app/static/" and config["displaylogo"] is False


def test_stamp_bakes_title_and_note_into_the_figure():
    fig = go.Figure(go.Bar(x=[1], y=[2]))
    stamped = stamp_figure(fig, "友城增长", "数据截至 2024-11-12 · 来源：公开资料")
    assert stamped.layout.title.text == "友城增长"
    assert any("数据截至 2024-11-12" in a.text for a in stamped.layout.annotations)
    assert fig.layout.title.text is None  # a copy


def test_chart_alt_names_the_title_main_figures_and_stamp():
    bars = go.Figure(go.Bar(x=[1, 5, 9], y=["Baise", "Guilin", "Nanning"], orientation="h"))
    line = go.Figure(go.Scatter(x=[2023, 2024], y=[40, 48], mode="lines", name="Pairs"))
    for fig, expected in ((bars, "Nanning 9, Guilin 5, Baise 1"), (line, "Pairs: 48 (2024)")):
        stamped = stamp_figure(fig, "Top", "As of 2024-11-12 · 80 of the 132 pairs")
        text = chart_alt(stamped.to_dict())  # typed arrays come as base64 in plotly's dict
        assert text.startswith("Top; ") and expected in text
        assert "80 of the 132 pairs" in text
