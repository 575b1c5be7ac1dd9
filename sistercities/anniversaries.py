"""Anniversary planner: pairs that reach a multiple of five years inside a window of time.

A pair dated to the day has its anniversary on that day (29 February falls on 28 February in
other years); a pair dated to the month has it during that month; a pair dated to the year only
has it "during the year" and is listed under its year, after the pairs dated more precisely.
Undated pairs have no anniversary. A pair that ended before its anniversary is left out.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import cast

import pandas as pd

from sistercities.contract.schema import Lang
from sistercities.i18n import t

STEP = 5
COLUMNS = [
    "year",
    "anniversary",
    "precision",
    "years",
    "link_id",
    "home_place_id",
    "partner_place_id",
    "established",
    "level",
    "country_iso3",
]


def next_twelve_months(today: dt.date) -> tuple[dt.date, dt.date]:
    """The window from ``today`` to the day before the same date next year."""
    return today, _same_day(today.year + 1, today.month, today.day) - dt.timedelta(days=1)


def calendar_year(year: int) -> tuple[dt.date, dt.date]:
    """The window of one calendar year."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def anniversaries(links: pd.DataFrame, first: dt.date, last: dt.date) -> pd.DataFrame:
    """Pairs reaching 5, 10, 15, ... years between ``first`` and ``last`` (both included).

    Returns: DataFrame with columns year (of the anniversary), anniversary (YYYY-MM-DD, YYYY-MM
    or YYYY, as precise as the start date), precision, years (5, 10, ...), link_id,
    home_place_id, partner_place_id, established, level, country_iso3; sorted by date with
    year-only dates after the others of their year.
    """
    rows, keys = [], []
    dated = links.loc[links["start_year"].notna()]
    for link in dated.itertuples():
        # Typed links (contract.enrich): start and end are Timestamps (NaT when blank).
        start_year = cast(int, link.start_year)
        start, end = cast(pd.Timestamp, link.start), cast(pd.Timestamp, link.end)
        precision = cast(str, link.start_precision)
        for year in range(first.year, last.year + 1):
            years = year - int(start_year)
            if years <= 0 or years % STEP:
                continue
            low, high, text, key = _period(start, precision, year)
            if high < first or low > last or _ended_before(end, low):
                continue
            rows.append((year, text, precision, years, *_link_fields(link)))
            keys.append(key)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["_key"] = keys
    return frame.sort_values(["_key", "link_id"]).drop(columns="_key").reset_index(drop=True)


LINK_FIELDS = COLUMNS[4:]


def _link_fields(link: object) -> tuple[str, ...]:
    """The identifying fields of a link row (an itertuples record)."""
    return tuple(str(getattr(link, name)) for name in LINK_FIELDS)


def _period(
    start: pd.Timestamp, precision: str, year: int
) -> tuple[dt.date, dt.date, str, tuple[int, int, int]]:
    """First and last day of the anniversary in ``year``, its text and its sort key."""
    if precision == "day":
        day = _same_day(year, start.month, start.day)
        return day, day, day.isoformat(), (year, start.month, start.day)
    if precision == "month":
        end = calendar.monthrange(year, start.month)[1]
        text = f"{year:04d}-{start.month:02d}"
        return (
            dt.date(year, start.month, 1),
            dt.date(year, start.month, end),
            text,
            (year, start.month, 0),
        )
    return dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}", (year, 13, 0)


def _same_day(year: int, month: int, day: int) -> dt.date:
    """The same month and day in ``year`` (29 February becomes 28 February)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _ended_before(end: pd.Timestamp, day: dt.date) -> bool:
    """True when the pair ended on or before ``day``."""
    return not pd.isna(end) and end.date() <= day


def anniversary_table(rows: pd.DataFrame, lang: Lang, names: dict[str, str]) -> pd.DataFrame:
    """The planner as a table for people, with headers in ``lang``.

    ``names`` maps place ids and ISO3 codes to display names. A year-only anniversary reads
    "2026 (date unknown)".
    """
    during = t("anniv.during_year", lang)
    return pd.DataFrame(
        {
            t("anniv.col.date", lang): [
                f"{text} {during}" if precision == "year" else text
                for text, precision in zip(rows["anniversary"], rows["precision"], strict=True)
            ],
            t("anniv.col.years", lang): rows["years"].astype(int),
            t("tbl.home", lang): rows["home_place_id"].map(lambda v: names.get(v, v)),
            t("tbl.partner", lang): rows["partner_place_id"].map(lambda v: names.get(v, v)),
            t("tbl.country", lang): rows["country_iso3"].map(lambda v: names.get(v, v)),
            t("tbl.level", lang): rows["level"].map(lambda v: t(f"level.{v}", lang)),
            t("tbl.established", lang): rows["established"],
        }
    )
