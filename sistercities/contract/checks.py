"""Column-level checks shared by every table validator; each returns a list of problems."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Iterable
from typing import SupportsInt, cast

import pandas as pd

from sistercities.contract.dates import is_future, parse_partial_date
from sistercities.contract.problems import Problem, problem
from sistercities.contract.schema import MULTI_SEPARATOR

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]*$|^https?://[^\s/$.?#][^\s]*/[^\s]*$", re.I)


def row_number(index: Hashable) -> int:
    """Spreadsheet row of a frame index (header is row 1).

    Args:
        index: A label of the frame's default integer index; pandas types every label as
            ``Hashable``, so it is taken as such here.

    Returns:
        The 1-based spreadsheet row (index 0 is row 2, below the header).
    """
    return int(cast(SupportsInt, index)) + 2


def missing_columns(frame: pd.DataFrame, columns: Iterable[str], label: str) -> list[Problem]:
    """Report required columns absent from the header."""
    return [problem(label, "val.missing_column", column=c) for c in columns if c not in frame]


def blank_required(frame: pd.DataFrame, columns: Iterable[str], label: str) -> list[Problem]:
    """Report blank cells in required columns."""
    found = []
    for column in columns:
        if column in frame:
            for index in frame.index[frame[column] == ""]:
                found.append(problem(label, "val.required", row=row_number(index), column=column))
    return found


def bad_choices(
    frame: pd.DataFrame, column: str, allowed: Iterable[str], label: str, allow_blank: bool = False
) -> list[Problem]:
    """Report values outside ``allowed``."""
    if column not in frame:
        return []
    options = tuple(allowed)
    valid = frame[column].isin(options) | ((frame[column] == "") if allow_blank else False)
    invalid = frame.index[~valid & (frame[column] != "")]
    return [
        problem(
            label,
            "val.bad_choice",
            row=row_number(i),
            column=column,
            value=frame.at[i, column],
            allowed=" | ".join(options),
        )
        for i in invalid
    ]


def bad_numbers(
    frame: pd.DataFrame, column: str, low: float, high: float, code: str, label: str
) -> list[Problem]:
    """Report non-numeric values and values outside ``[low, high]``."""
    if column not in frame:
        return []
    found = []
    numbers = pd.to_numeric(frame[column], errors="coerce")
    for index in frame.index[(frame[column] != "") & numbers.isna()]:
        value = frame.at[index, column]
        found.append(problem(label, "val.not_number", row_number(index), column, value=value))
    out_of_range = numbers.notna() & ((numbers < low) | (numbers > high))
    for index in frame.index[out_of_range]:
        value = frame.at[index, column]
        found.append(problem(label, code, row_number(index), column, value=value))
    return found


def bad_dates(frame: pd.DataFrame, column: str, label: str, today: dt.date) -> list[Problem]:
    """Report unparseable partial dates and dates in the future (blank is allowed)."""
    if column not in frame:
        return []
    found = []
    for index, value in frame[column].items():
        if value == "":
            continue
        parsed = parse_partial_date(value)
        if parsed is None:
            found.append(problem(label, "val.bad_date", row_number(index), column, value=value))
        elif is_future(parsed, today):
            found.append(problem(label, "val.future_date", row_number(index), column, value=value))
    return found


def duplicates(
    frame: pd.DataFrame, columns: tuple[str, ...], label: str, code: str
) -> list[Problem]:
    """Report rows whose ``columns`` repeat an earlier row (blank keys are left to other checks)."""
    if not all(c in frame for c in columns) or frame.empty:
        return []
    keys = frame[list(columns)].agg("|".join, axis=1)
    repeated = keys.duplicated(keep="first") & (keys.str.replace("|", "") != "")
    return [
        problem(label, code, row_number(i), columns[0], value=keys[i].replace("|", " / "))
        for i in frame.index[repeated]
    ]


def unknown_refs(
    frame: pd.DataFrame,
    column: str,
    known: set[str],
    label: str,
    code: str,
    multi: bool = False,
) -> list[Problem]:
    """Report references to ids that do not exist (blank is left to the required check)."""
    if column not in frame:
        return []
    found = []
    for index, value in frame[column].items():
        values = split_multi(value) if multi else ([value] if value else [])
        for item in values:
            if item not in known:
                found.append(problem(label, code, row_number(index), column, value=item))
    return found


def split_multi(value: str) -> list[str]:
    """Split a multi-valued cell on ``;`` and drop blanks."""
    return [part.strip() for part in value.split(MULTI_SEPARATOR) if part.strip()]


def bad_urls(frame: pd.DataFrame, column: str, label: str) -> list[Problem]:
    """Report cells that hold something other than one or more http(s) URLs."""
    if column not in frame:
        return []
    found = []
    for index, value in frame[column].items():
        urls = split_urls(value)
        if urls and not any(url.lower().startswith(("http://", "https://")) for url in urls):
            urls = [value]  # plain words, not a list of URLs: report the cell once
        for url in urls:
            if not _URL.match(url):
                found.append(problem(label, "val.bad_url", row_number(index), column, value=url))
    return found


def split_urls(value: str) -> list[str]:
    """Split a source cell into URLs (separated by ``;`` or white space)."""
    return [part for part in re.split(r"[;\s]+", value) if part]


def missing_sources(frame: pd.DataFrame, label: str) -> list[Problem]:
    """Report rows with neither ``source_url`` nor ``source_note``."""
    url = frame["source_url"] if "source_url" in frame else pd.Series("", index=frame.index)
    note = frame["source_note"] if "source_note" in frame else pd.Series("", index=frame.index)
    return [
        problem(label, "val.no_source", row_number(i), "source_url")
        for i in frame.index[(url == "") & (note == "")]
    ]
