"""Reading CSV and XLSX tables safely: encodings, separators, limits, never a traceback."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from sistercities.contract.problems import Problem, problem
from sistercities.contract.schema import TABLE_SPECS, TableSpec

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_CELL_CHARS = 10_000
MAX_ROWS = 500_000
_ENCODINGS = ("utf-8-sig", "gb18030")
_SEPARATORS = (",", ";", "\t")


@dataclass
class ReadResult:
    """A table read from a file: all cells as stripped strings, plus what went wrong."""

    frame: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)
    encoding: str | None = None
    separator: str | None = None


def decode_text(raw: bytes) -> tuple[str | None, str | None]:
    """Decode bytes as UTF-8 (with or without BOM) or GB18030; ``(None, None)`` if neither."""
    if _looks_binary(raw):
        return None, None
    for encoding in _ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None, None


def _looks_binary(raw: bytes) -> bool:
    """Return True for bytes that are not a text table (NUL bytes or many control bytes)."""
    sample = raw[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    return controls > max(2, len(sample) // 100)


def sniff_separator(text: str) -> str:
    """Guess the separator from the header line: comma, semicolon or tab."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in _SEPARATORS}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > 0 else ","


def read_csv_bytes(raw: bytes, label: str) -> ReadResult:
    """Read CSV bytes into a frame of strings; problems name ``label`` as the file."""
    refused = refuse_bytes(raw, label)
    if refused:
        return ReadResult(None, [refused])
    text, encoding = decode_text(raw)
    if text is None:
        return ReadResult(None, [undecodable(raw, label)])
    separator = sniff_separator(text)
    # Let the parser hold a huge cell, so it is reported with its row and column (not as a
    # parse error); the file size limit still bounds it.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=separator,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skipinitialspace=False,
            quoting=csv.QUOTE_MINIMAL,
            engine="python",
        )
    except (pd.errors.ParserError, ValueError, csv.Error) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return ReadResult(None, [problem(label, "val.parse", detail=detail)], encoding, separator)
    return _finish(frame, label, encoding, separator)


def refuse_bytes(raw: bytes, label: str) -> Problem | None:
    """The first safe-reading check an upload fails (too large, empty), or None.

    Every reader of uploaded bytes (the contract's tables, an official list) starts here.
    """
    too_large = check_size(raw, label)
    if too_large:
        return too_large
    return None if raw.strip() else problem(label, "val.file_empty")


def undecodable(raw: bytes, label: str) -> Problem:
    """The problem of bytes no supported encoding reads: a binary file, or another encoding."""
    return problem(label, "val.binary" if _looks_binary(raw) else "val.encoding")


def check_size(raw: bytes, label: str) -> Problem | None:
    """Return a problem when ``raw`` is over the size limit."""
    if len(raw) <= MAX_FILE_BYTES:
        return None
    return problem(
        label,
        "val.file_too_large",
        size_mb=f"{len(raw) / 1048576:.1f}",
        limit_mb=f"{MAX_FILE_BYTES / 1048576:.0f}",
    )


def _finish(frame: pd.DataFrame, label: str, encoding: str | None, sep: str | None) -> ReadResult:
    """Strip headers and cells, drop fully blank rows, and check row and cell limits."""
    frame = frame.rename(columns=lambda c: str(c).strip().lstrip("\ufeff"))
    frame = frame.map(lambda v: str(v).strip() if v is not None else "")
    frame = frame.loc[~(frame == "").all(axis=1)].reset_index(drop=True)
    problems: list[Problem] = []
    if len(frame) > MAX_ROWS:
        problems.append(problem(label, "val.too_many_rows", rows=len(frame), limit=MAX_ROWS))
        return ReadResult(None, problems, encoding, sep)
    problems.extend(_long_cells(frame, label))
    return ReadResult(frame, problems, encoding, sep)


def _long_cells(frame: pd.DataFrame, label: str) -> list[Problem]:
    """Report cells longer than the limit (and blank them, so nothing huge is shown)."""
    found: list[Problem] = []
    for column in frame.columns:
        lengths = frame[column].str.len()
        for index in lengths.index[lengths > MAX_CELL_CHARS]:
            found.append(
                problem(
                    label,
                    "val.cell_too_long",
                    row=int(index) + 2,
                    column=str(column),
                    length=int(lengths[index]),
                    limit=MAX_CELL_CHARS,
                )
            )
            frame.loc[index, column] = ""
    return found


def read_csv_file(path: Path, label: str | None = None) -> ReadResult:
    """Read a CSV file; a missing or unreadable file becomes a problem, not an exception."""
    name = label or path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ReadResult(None, [problem(name, "val.file_missing")])
    except OSError as exc:
        return ReadResult(None, [problem(name, "val.parse", detail=exc.strerror or str(exc))])
    return read_csv_bytes(raw, name)


def read_xlsx_bytes(raw: bytes, label: str) -> ReadResult:
    """Read the first (only) sheet of an XLSX workbook into a frame of strings."""
    size_problem = check_size(raw, label)
    if size_problem:
        return ReadResult(None, [size_problem])
    try:
        shape_problems = xlsx_shape_problems(raw, label)
        if shape_problems:
            return ReadResult(None, shape_problems)
        frame = pd.read_excel(io.BytesIO(raw), sheet_name=0, dtype=str, header=0)
    except Exception as exc:  # a damaged workbook can fail deep inside zip/xml/openpyxl
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return ReadResult(None, [problem(label, "val.parse", detail=detail)])
    frame = frame.fillna("")
    return _finish(frame, label, None, None)


def xlsx_shape_problems(raw: bytes, label: str) -> list[Problem]:
    """A workbook must hold one table: one non-empty sheet, no merged cells in the header."""
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    used = [sheet for sheet in workbook.worksheets if sheet.max_row > 1 or sheet["A1"].value]
    if len(used) > 1:
        names = ", ".join(sheet.title for sheet in used)
        return [problem(label, "val.xlsx_sheets", count=len(used), sheets=names)]
    sheet = used[0] if used else workbook.worksheets[0]
    merged = [str(r) for r in sheet.merged_cells.ranges if r.min_row == 1]
    if merged:
        return [problem(label, "val.xlsx_merged", row=1, cells=", ".join(merged))]
    return []


def read_table_bytes(raw: bytes, label: str) -> ReadResult:
    """Read CSV or XLSX bytes, telling them apart by content (XLSX is a zip)."""
    if raw[:4] == b"PK\x03\x04":
        return read_xlsx_bytes(raw, label)
    return read_csv_bytes(raw, label)


def detect_table_kind(columns: list[str]) -> TableSpec | None:
    """Recognise a contract table by its header: the spec whose required columns all appear."""
    present = set(columns)
    matches = [spec for spec in TABLE_SPECS.values() if set(spec.required) <= present]
    if not matches:
        return None
    return max(matches, key=lambda spec: len(set(spec.columns) & present))
