"""Headline counts under the counting rule, and the comparison with official totals."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import pandas as pd


def counted_on(links: pd.DataFrame, day: dt.date) -> pd.Series:
    """Mask of dated pairs that count on ``day``: started by then and not ended by then."""
    stamp = pd.Timestamp(day)
    started = links["start"].notna() & (links["start"] <= stamp)
    not_ended = links["end"].isna() | (links["end"] > stamp)
    return started & not_ended


def undated_on(links: pd.DataFrame, day: dt.date) -> pd.Series:
    """Mask of undated pairs that had not ended by ``day`` (counted separately)."""
    stamp = pd.Timestamp(day)
    return links["start"].isna() & (links["end"].isna() | (links["end"] > stamp))


def summarise(links: pd.DataFrame) -> dict[str, Any]:
    """Pairs, countries, ASEAN pairs and breakdowns of a set of links."""
    return {
        "pairs": len(links),
        "countries": int(links["country_iso3"].nunique()),
        "asean_pairs": int(links["asean"].sum()),
        "by_level": _counts(links["level"]),
        "by_continent": _counts(links["continent"]),
        "by_country": _counts(links["country_iso3"]),
    }


def _counts(values: pd.Series) -> dict[str, int]:
    """Value counts as a plain dict, largest first, ties by name."""
    counts = values.value_counts()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    return {str(k): int(v) for k, v in ordered}


def official_on(totals: pd.DataFrame, day: dt.date) -> dict[str, Any] | None:
    """The latest official figures published on or before ``day`` (None if there are none)."""
    dates = totals["date"].map(_period_start)
    eligible = totals.loc[dates <= day]
    if eligible.empty:
        return None
    latest = eligible["date"].loc[cast(int, dates.loc[eligible.index].idxmax())]  # row label
    rows = eligible.loc[eligible["date"] == latest]
    result: dict[str, Any] = {"date": latest}
    result.update({row.measure: int(row.value) for row in rows.itertuples()})
    result["source_url"] = next((u for u in rows["source_url"] if u), "")
    return result


def _period_start(text: str) -> dt.date:
    """First day of a YYYY, YYYY-MM or YYYY-MM-DD string."""
    parts = [int(p) for p in str(text).split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def stats_as_of(links: pd.DataFrame, totals: pd.DataFrame, day: dt.date) -> dict[str, Any]:
    """Counts on ``day`` under the counting rule.

    Returns keys ``as_of``, ``pairs``, ``countries``, ``asean_pairs``, ``by_level``,
    ``by_continent``, ``by_country`` (dated pairs counted on the day), ``undated`` (undated
    pairs not ended, counted separately), ``with_undated`` (the same summary including them),
    and ``official`` where official figures exist on or before the day.
    """
    dated = links.loc[counted_on(links, day)]
    undated = links.loc[undated_on(links, day)]
    result: dict[str, Any] = {"as_of": day.isoformat(), **summarise(dated)}
    result["undated"] = len(undated)
    result["with_undated"] = summarise(pd.concat([dated, undated]))
    official = official_on(totals, day)
    if official is not None:
        result["official"] = official
    return result
