"""Growth over time: pairs counted at the end of each year, and the official milestones."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import numpy as np
import pandas as pd

from sistercities.contract.dates import parse_partial_date

SplitBy = Literal["continent", "level"]
SPLITS: tuple[SplitBy, ...] = ("continent", "level")


def year_range(links: pd.DataFrame, last_year: int) -> list[int]:
    """Every year from the first dated pair to ``last_year`` (empty when nothing is dated)."""
    years = links["start_year"].dropna()
    if years.empty:
        return []
    return list(range(int(years.min()), max(int(years.max()), last_year) + 1))


def cumulative_by_year(
    links: pd.DataFrame, last_year: int, split_by: SplitBy | None = None
) -> pd.DataFrame:
    """Pairs counted on 31 December of each year, under the counting rule.

    A dated pair counts from its start (a year-only date from 1 January) until it ends.
    Undated pairs are never counted here: see :func:`sistercities.counts.undated_count`.

    Returns: DataFrame with columns year, group ('' when not split), pairs; one row per year
    and group, zeros included, sorted by year then group.
    """
    years = year_range(links, last_year)
    groups = sorted(set(links[split_by])) if split_by else [""]
    labels = links[split_by].to_numpy() if split_by else np.full(len(links), "")
    ends = np.array([f"{year}-12-31" for year in years], dtype="datetime64[ns]")
    start = links["start"].to_numpy()[:, None]
    end = links["end"].to_numpy()[:, None]
    # counted on 31 December: started by then and not ended by then (NaT compares False)
    counted = (start <= ends) & ~(end <= ends)
    rows = [
        (year, group, int(counted[labels == group, column].sum()))
        for column, year in enumerate(years)
        for group in groups
    ]
    return pd.DataFrame(rows, columns=["year", "group", "pairs"])


def milestones(totals: pd.DataFrame, founded: str | None = None) -> pd.DataFrame:
    """Official totals of pairs, oldest first, each with its date as a fractional year.

    ``founded`` (the alliance's founding date, YYYY-MM-DD) marks the total published that day.

    Returns: DataFrame with columns date (as written), day (first day of the period), x
    (fractional year, for a year axis), pairs, source_url, first (the earliest total),
    founding (published on the founding day), latest.
    """
    rows = totals.loc[totals["measure"] == "pairs"].copy()
    columns = ["date", "day", "x", "pairs", "source_url", "first", "founding", "latest"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows["day"] = rows["date"].map(_day)
    rows = rows.sort_values("day").reset_index(drop=True)
    rows["x"] = rows["day"].map(fractional_year)
    rows["pairs"] = rows["value"].astype(int)
    rows["first"] = rows.index == 0
    rows["founding"] = rows["date"].astype(str) == str(founded or "")
    rows["latest"] = rows.index == len(rows) - 1
    return rows[columns]


def fractional_year(day: dt.date) -> float:
    """A date as a year with a fraction, e.g. 2022-11-30 -> 2022.91."""
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def _day(text: object) -> dt.date:
    """First day of an official total's date (validated on load, so always parseable)."""
    parsed = parse_partial_date(str(text))
    assert parsed is not None
    return parsed.start
