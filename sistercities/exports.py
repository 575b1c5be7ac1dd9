"""Exports: tables as CSV and XLSX that spreadsheets open safely, and chart download settings.

Spreadsheets run a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula (and
treat a leading tab or carriage return the same way); every such text cell is prefixed with an
apostrophe so it stays text. Numbers stay numbers. CSV is UTF-8 with a byte-order mark, which
Excel needs to read Chinese text.
"""

from __future__ import annotations

import base64
import io
import re
from typing import Any, Literal

import numpy as np
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


STAMP_WRAP = 56
"""Columns per stamp line (a Chinese character counts two), so a phone-wide picture holds it."""
STAMP_SEPARATOR = " · "


def stamp_figure(fig: go.Figure, title: str, note: str, large: bool = False) -> go.Figure:
    """A copy of ``fig`` with its title on top and ``note`` (as-of date, source) at the foot.

    Both are part of the figure, so they appear in every downloaded image and in the briefing.
    See :func:`stamp_spec`, which does the work on the figure's dict form.
    """
    return go.Figure(stamp_spec(fig.to_dict(), title, note, large))


def stamp_spec(spec: dict[str, Any], title: str, note: str, large: bool = False) -> dict[str, Any]:
    """:func:`stamp_figure` of a plain figure dict, without validation or deep copies.

    The figure's own bottom margin is its footer (axis title, legend, slider, buttons); the note
    goes in a band below it, wrapped at ``STAMP_SEPARATOR``, so nothing is drawn over it. Only
    the layout is new (a shallow copy); traces and frames are shared with ``spec``, so never
    mutate the result's data.
    """
    layout = dict(spec.get("layout", {}))
    size = 26 if large else 18
    note_size = 15 if large else 12
    lines = wrap_note(note)
    margin = layout.get("margin") or {}
    footer = margin.get("b") or 0
    band = len(lines) * round(note_size * 1.35) + 14
    if layout.get("height"):  # a fixed height grows by the band, so the plot keeps its size
        layout["height"] = layout["height"] + band
    # pinned to the top edge, so a legend above the plot never slides under it
    layout["title"] = {
        "text": title,
        "x": 0.01,
        "xanchor": "left",
        "yref": "container",
        "y": 1,
        "yanchor": "top",
        "pad": {"t": 12},
        "font": {"size": size},
    }
    left = margin["l"] if margin.get("l") is not None else 60
    layout["margin"] = {
        **margin,
        "t": max(margin.get("t") or 0, 70 if large else 56),
        "b": footer + band,
        "l": left,
        "r": margin["r"] if margin.get("r") is not None else 30,
    }
    stamp = {
        "text": "<br>".join(lines),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "yshift": -footer - 6,
        "xshift": -left + 8,
        "xanchor": "left",
        "yanchor": "top",
        "align": "left",
        "showarrow": False,
        "font": {"size": note_size, "color": "#4f5563"},
        "name": "stamp",
    }
    layout["annotations"] = [*layout.get("annotations", ()), stamp]
    return {**spec, "layout": layout}


def text_columns(text: str) -> int:
    """Display width of ``text``: two columns for a wide (CJK) character, one otherwise."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def wrap_note(note: str, width: int = STAMP_WRAP) -> list[str]:
    """The note as lines of at most ``width`` columns, broken between its `` · `` parts."""
    lines: list[str] = []
    for part in note.split(STAMP_SEPARATOR):
        if lines and text_columns(lines[-1] + STAMP_SEPARATOR + part) <= width:
            lines[-1] += STAMP_SEPARATOR + part
        else:
            lines.append(part)
    return lines


NOTE_FILTER_LIMIT = 90


def figure_note(
    as_of: str, filter_text: str, lang: Lang, share: str = "", synthetic: bool = False
) -> str:
    """The line baked into every figure: as-of date, source, filter (shortened) and share.

    ``share`` comes from :func:`share_text`: how much of the official total the figure shows.
    ``synthetic`` data is stamped as fictional instead of as public sources.
    """
    if len(filter_text) > NOTE_FILTER_LIMIT:
        filter_text = filter_text[: NOTE_FILTER_LIMIT - 1] + "…"
    source = t("fig.source_fictional" if synthetic else "fig.source", lang)
    note = t("fig.note", lang, date=as_of, source=source, filter=filter_text)
    return f"{note}{STAMP_SEPARATOR}{share}" if share else note


def share_text(info: dict[str, Any] | None, lang: Lang) -> str:
    """'80 of the 132 pairs officially reported (2024-11-12)'; empty without a total.

    ``info`` is :func:`sistercities.counts.completeness` of the pairs a figure shows.
    """
    if not info:
        return ""
    return t("fig.share", lang, shown=info["known"], official=info["official"], date=info["date"])


ALT_ITEMS = 5
ALT_LIMIT = 600
_TAGS = re.compile(r"<[^>]+>")


def _plain_text(value: object) -> str:
    """Figure text without its HTML tags (``<br>`` becomes a separator)."""
    text = str(value or "").replace("<br>", STAMP_SEPARATOR)
    return " ".join(_TAGS.sub(" ", text).split())


def _values(value: object) -> list:
    """A trace's array as a list, whether plain or plotly's base64 typed array (``bdata``)."""
    if isinstance(value, dict) and "bdata" in value:
        raw = base64.b64decode(value["bdata"])
        return np.frombuffer(raw, dtype=np.dtype(value["dtype"])).tolist()
    return list(value) if isinstance(value, list | tuple | np.ndarray | pd.Series) else []


def _trace_summary(trace: dict[str, Any]) -> str:
    """A trace's main figures: largest bars, a line's last value, a tile's number, or its name.

    On the maps and the graph the legend name carries the count.
    """
    kind = trace.get("type", "scatter")
    if kind == "bar" and trace.get("orientation") == "h":
        bars = list(zip(_values(trace.get("y")), _values(trace.get("x")), strict=False))
        return ", ".join(f"{name} {value}" for name, value in bars[::-1][:ALT_ITEMS])
    ys = _values(trace.get("y"))
    if kind == "scatter" and trace.get("mode") == "lines" and ys:
        xs = _values(trace.get("x"))
        return f"{_plain_text(trace.get('name'))}: {ys[-1]} ({xs[-1] if xs else ''})"
    if kind == "indicator":
        return f"{_plain_text(trace.get('title', {}).get('text'))} {trace.get('value')}"
    if trace.get("showlegend") is False:
        return ""
    return _plain_text(trace.get("name"))


def chart_alt(spec: dict[str, Any]) -> str:
    """A short text alternative of a stamped figure (its dict form) for screen readers.

    The title, the main figures of each trace and the stamp (date, source, filter, share of
    the official total), in the figure's own language.
    """
    layout = spec.get("layout", {})
    parts = [_plain_text(layout.get("title", {}).get("text"))]
    parts += [_trace_summary(trace) for trace in spec.get("data", [])]
    stamps = [a for a in layout.get("annotations", []) if a.get("name") == "stamp"]
    parts += [_plain_text(a.get("text")) for a in stamps]
    text = "; ".join(dict.fromkeys(part for part in parts if part))
    return text if len(text) <= ALT_LIMIT else text[: ALT_LIMIT - 1] + "…"
