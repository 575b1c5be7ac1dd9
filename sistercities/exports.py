"""Exports: tables as CSV and XLSX that spreadsheets open safely, and chart download settings.

Spreadsheets run a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula (and
treat a leading tab or carriage return the same way); every such text cell is prefixed with an
apostrophe so it stays text. Numbers stay numbers. CSV is UTF-8 with a byte-order mark, which
Excel needs to read Chinese text.
"""

from __future__ import annotations

import io
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from sistercities.contract.schema import Lang
from sistercities.i18n import t

ImageFormat = Literal["png", "svg"]
IMAGE_FORMATS: tuple[ImageFormat, ...] = ("png", "svg")
IMAGE_SCALE = 3
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TOPOJSON_URL = "app/static/"


def neutralise_cell(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and headers can never run as formulas."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_cell)
    safe.columns = [neutralise_cell(str(c)) for c in safe.columns]
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The table as CSV in UTF-8 with a byte-order mark, formulas neutralised."""
    return neutralise(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """The table as an XLSX workbook (one sheet), formulas neutralised."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralise(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()


def links_table(links: pd.DataFrame, lang: Lang, names: dict[str, str]) -> pd.DataFrame:
    """The pairs as a table for people: names in ``lang``, undated pairs marked as such.

    ``names`` maps place ids and ISO3 codes to display names.
    """
    unknown = t("date.unknown", lang)
    return pd.DataFrame(
        {
            t("tbl.home", lang): links["home_place_id"].map(lambda v: names.get(v, v)),
            t("tbl.partner", lang): links["partner_place_id"].map(lambda v: names.get(v, v)),
            t("tbl.country", lang): links["country_iso3"].map(lambda v: names.get(v, v)),
            t("tbl.continent", lang): links["continent"].map(
                lambda v: t(f"continent.{v}", lang) if v else ""
            ),
            t("tbl.level", lang): links["level"].map(lambda v: t(f"level.{v}", lang)),
            t("tbl.established", lang): links["established"].where(links["dated"], unknown),
            t("tbl.status", lang): links["status"].map(lambda v: t(f"status.{v}", lang)),
            t("tbl.confidence", lang): links["confidence"].map(
                lambda v: t(f"confidence.{v}", lang)
            ),
            t("tbl.source", lang): links["source_url"].where(
                links["source_url"] != "", links["source_note"]
            ),
            "link_id": links["link_id"],
        }
    ).reset_index(drop=True)


def chart_config(filename: str, image_format: ImageFormat = "png") -> dict[str, Any]:
    """Plotly config: the modebar's own download (client-side) at 3x, no CDN, no logo.

    The image holds what the figure holds, so stamp the figure first (:func:`stamp_figure`).
    """
    return {
        "displaylogo": False,
        "topojsonURL": TOPOJSON_URL,
        "toImageButtonOptions": {
            "format": image_format if image_format in IMAGE_FORMATS else "png",
            "filename": filename,
            "scale": IMAGE_SCALE,
        },
    }


def stamp_figure(fig: go.Figure, title: str, note: str, large: bool = False) -> go.Figure:
    """A copy of ``fig`` with its title on top and ``note`` (as-of date, source) at the foot.

    Both are part of the figure, so they appear in every downloaded image and in the briefing.
    """
    stamped = go.Figure(fig)
    size = 26 if large else 18
    margin = stamped.layout.margin
    stamped.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left", "font": {"size": size}},
        margin={
            "t": max(margin.t or 0, 70 if large else 56),
            "b": max(margin.b or 0, 70 if large else 60),
            "l": margin.l if margin.l is not None else 60,
            "r": margin.r if margin.r is not None else 30,
        },
    )
    stamped.add_annotation(
        text=note,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-(58 if large else 50),
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        font={"size": 15 if large else 12, "color": "#5a6170"},
        name="stamp",
    )
    return stamped


NOTE_FILTER_LIMIT = 90


def figure_note(as_of: str, filter_text: str, lang: Lang, synthetic: bool = False) -> str:
    """The line baked into every figure: as-of date, source and the filter (shortened).

    ``synthetic`` data is stamped as fictional instead of as public sources.
    """
    if len(filter_text) > NOTE_FILTER_LIMIT:
        filter_text = filter_text[: NOTE_FILTER_LIMIT - 1] + "…"
    source = t("fig.source_fictional" if synthetic else "fig.source", lang)
    return t("fig.note", lang, date=as_of, source=source, filter=filter_text)
