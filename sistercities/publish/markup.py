"""Small HTML helpers of the static edition: escaping, the texts' light markup, tables."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import pandas as pd

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")


def esc(value: object) -> str:
    """HTML-escaped text (quotes too, so it is safe in attributes)."""
    return html.escape(str(value), quote=True)


def inline(text: str) -> str:
    """Escaped text with the translations' markup: ``**bold**``, ``[text](url)``, line breaks."""
    out = esc(text)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    out = _LINK.sub(r'<a href="\2" rel="noopener">\1</a>', out)
    return out.replace("  \n", "<br>").replace("\n", "<br>")


def paragraph(text: str, css: str = "") -> str:
    """A ``<p>`` of :func:`inline` text (empty text gives nothing)."""
    if not text:
        return ""
    cls = f' class="{css}"' if css else ""
    return f"<p{cls}>{inline(text)}</p>"


def _cell(value: object, markup: bool, rounding: int | None) -> str:
    """One table cell's HTML."""
    if markup:
        return str(value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]
        return ""
    if rounding is not None and isinstance(value, float):
        return f"{value:.{rounding}f}"
    return esc(value)


def table_html(
    frame: pd.DataFrame,
    markup_columns: Iterable[str] = (),
    css: str = "",
    rounding: int | None = None,
) -> str:
    """A table in a box that scrolls sideways on its own (the page itself never does).

    Cells of ``markup_columns`` are HTML already; every other cell is escaped.
    """
    markup = set(markup_columns)
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in frame.columns)
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{esc(column)}">{_cell(value, column in markup, rounding)}</td>'
            for column, value in zip(frame.columns, row, strict=True)
        )
        + "</tr>"
        for row in frame.itertuples(index=False)
    )
    cls = f"table-wrap {css}".strip()
    return (
        f'<div class="{cls}" tabindex="0"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
