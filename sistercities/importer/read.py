"""Reading an official table as a raw grid of cells (title rows and merged cells allowed).

Unlike the contract reader (:mod:`sistercities.contract.reading`), the header is not assumed
to be the first row: officials' tables often start with a merged title. XLSX cells keep their types
(a date cell stays a date, a number a number) so dates can be read exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import cast

from sistercities.contract.problems import Problem, problem
from sistercities.contract.reading import (
    MAX_CELL_CHARS,
    MAX_ROWS,
    decode_text,
    refuse_bytes,
    sniff_separator,
    undecodable,
)

Cell = str | int | float | dt.date | dt.datetime | dt.time | dt.timedelta | None


@dataclass
class Grid:
    """The cells of a table's first used sheet (rows of equal length), or None if unreadable."""

    rows: list[list[Cell]] | None
    problems: list[Problem] = field(default_factory=list)


def read_grid(raw: bytes, label: str) -> Grid:
    """Read CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) or XLSX bytes into a grid."""
    refused = refuse_bytes(raw, label)
    if refused:
        return Grid(None, [refused])
    if raw[:4] == b"PK\x03\x04":
        return _finish(_xlsx_rows(raw, label), label)
    text, _encoding = decode_text(raw)
    if text is None:
        return Grid(None, [undecodable(raw, label)])
    csv.field_size_limit(max(csv.field_size_limit(), len(raw) + 1))
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=sniff_separator(_first_line(text))))
    except csv.Error as exc:
        return Grid(None, [problem(label, "val.parse", detail=str(exc))])
    return _finish(Grid([list(r) for r in rows]), label)


def _first_line(text: str) -> str:
    """The first line with more than one non-blank field (a title line has one)."""
    for line in text.splitlines()[:20]:
        if sum(1 for part in line.replace(";", ",").replace("\t", ",").split(",") if part) > 1:
            return line
    return text


def _xlsx_rows(raw: bytes, label: str) -> Grid:
    """The first non-empty sheet's values (merged cells hold their value in the top-left)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), data_only=True, read_only=True)
        sheets = [s for s in book.worksheets if s.max_row and s.max_row > 0]
        rows: list[list[Cell]] = []
        for sheet in sheets:
            # data_only, without rich text: plain values, never formulas or CellRichText.
            rows = [list(cast("tuple[Cell, ...]", r)) for r in sheet.iter_rows(values_only=True)]
            if any(any(c not in (None, "") for c in r) for r in rows):
                break
        book.close()
    except Exception as exc:  # a damaged workbook fails deep inside zip/xml/openpyxl
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Grid(None, [problem(label, "val.parse", detail=detail)])
    return Grid(rows)


def _finish(grid: Grid, label: str) -> Grid:
    """Pad rows to one width, drop blank rows at the end, apply the row and cell limits."""
    if grid.rows is None:
        return grid
    rows = [r for r in grid.rows]
    while rows and all(c in (None, "") for c in rows[-1]):
        rows.pop()
    if not rows:
        return Grid(None, [problem(label, "val.file_empty")])
    if len(rows) > MAX_ROWS:
        return Grid(None, [problem(label, "val.too_many_rows", rows=len(rows), limit=MAX_ROWS)])
    width = max(len(r) for r in rows)
    found = list(grid.problems)
    for number, row in enumerate(rows, start=1):
        for index, cell in enumerate(row):
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                found.append(_long_cell(label, number, index, len(cell)))
                row[index] = ""
    return Grid([r + [None] * (width - len(r)) for r in rows], found)


def _long_cell(label: str, row: int, index: int, length: int) -> Problem:
    """A cell over the length limit (it is blanked)."""
    return problem(
        label,
        "val.cell_too_long",
        row=row,
        column=column_letter(index),
        length=length,
        limit=MAX_CELL_CHARS,
    )


def column_letter(index: int) -> str:
    """Spreadsheet column name of a 0-based index: 0 -> A, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name
