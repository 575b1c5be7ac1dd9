"""Counting: THE rule for which pairs count on a day, and every count built on it.

Rule (data/README.md): a pair counts on day D when it has started by D (a date given only to the
year or month counts from the first day of that period) and has not ended by D. Undated pairs
have no start; they count while not ended and are reported separately, never dropped.
The overview's KPIs, the top lists, the pages' drawn pairs (``in_force``), the offline briefing
and ``python -m sistercities stats`` all count through this module.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sistercities.contract.schema import CONTINENTS, Lang
from sistercities.i18n import format_percent, t

CONTINENT_NAMES = frozenset(CONTINENTS)


def counted_on(links: pd.DataFrame, day: dt.date) -> pd.Series:
    """Mask of dated pairs that count on ``day``: started by then and not ended by then."""
    start, not_ended = _start_and_not_ended(links, day)
    return pd.Series(~np.isnat(start) & (start <= np.datetime64(day)) & not_ended, links.index)


def undated_on(links: pd.DataFrame, day: dt.date) -> pd.Series:
    """Mask of undated pairs that had not ended by ``day`` (counted separately)."""
    start, not_ended = _start_and_not_ended(links, day)
    return pd.Series(np.isnat(start) & not_ended, links.index)


def _start_and_not_ended(links: pd.DataFrame, day: dt.date) -> tuple[np.ndarray, np.ndarray]:
    """The start dates as numpy datetimes, and the mask of pairs not ended by ``day``.

    Numpy, not pandas: each pandas comparison costs about 0.1 ms of overhead, and the pages
    count several times per click.
    """
    start = links["start"].to_numpy("datetime64[s]")
    end = links["end"].to_numpy("datetime64[s]")
    return start, np.isnat(end) | (end > np.datetime64(day))


def undated_count(links: pd.DataFrame) -> int:
    """How many pairs have no start date (shown separately, never dropped)."""
    return int((~links["dated"]).sum())


def in_force_mask(links: pd.DataFrame, day: dt.date) -> pd.Series:
    """Mask of the pairs that count on ``day``, undated ones included."""
    start, not_ended = _start_and_not_ended(links, day)
    started = np.isnat(start) | (start <= np.datetime64(day))  # undated pairs count while open
    return pd.Series(started & not_ended, links.index)


def in_force(links: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """The pairs that count on ``day``, undated ones included (what the pages show).

    When every pair counts, ``links`` itself comes back (read-only callers; nothing copied):
    the pages count links that are already in force several times per run.
    """
    return _in_force_columns(links, day, None)


def _in_force_columns(links: pd.DataFrame, day: dt.date, columns: list[str] | None) -> pd.DataFrame:
    """:func:`in_force` cut to ``columns`` (all when None): counting copies only what it reads.

    At 25,000 links a copy of every column of the pairs costs 5-20 ms; the counts read one to
    five of them.
    """
    mask = in_force_mask(links, day)
    chosen = links if columns is None else links[columns]
    return chosen if bool(mask.all()) else chosen.loc[mask]


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
    columns = ["date", "measure", "value", "source_url"]
    rows = totals[columns].itertuples(index=False, name=None)
    eligible = [(_period_start(row[0]), row) for row in rows]
    eligible = [(start, row) for start, row in eligible if start <= day]
    if not eligible:
        return None
    latest = max(eligible, key=lambda item: item[0])[1][0]  # the first of the latest day
    chosen = [row for _, row in eligible if row[0] == latest]
    result: dict[str, Any] = {"date": latest}
    result.update({str(measure): int(value) for _, measure, value, _ in chosen})
    result["source_url"] = next((url for *_, url in chosen if url), "")
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


@dataclass(frozen=True)
class Headline:
    """Counts of a set of pairs (undated pairs included and counted separately)."""

    pairs: int
    undated: int
    countries: int
    asean_pairs: int
    home_cities: int
    by_level: dict[str, int]

    @property
    def asean_share(self) -> float:
        """ASEAN pairs as a share of all pairs (0 when there are none)."""
        return self.asean_pairs / self.pairs if self.pairs else 0.0


def headline(links: pd.DataFrame, day: dt.date) -> Headline:
    """Headline figures of the pairs that count on ``day`` (undated ones included).

    ``pairs`` equals ``stats_as_of(...)["with_undated"]["pairs"]`` for the same links and day.
    ``home_cities`` counts the Guangxi prefectures that hold a pair directly or through one of
    their counties.
    """
    columns = ["home_prefecture_id", "dated", "country_iso3", "asean", "level"]
    return headline_in_force(_in_force_columns(links, day, columns))


def headline_in_force(links: pd.DataFrame) -> Headline:
    """:func:`headline` of pairs that all count already (the pages' filtered pairs).

    Counted on Python lists: below 25,000 pairs pandas' per-call overhead costs more.
    """
    levels = Counter(level for level in links["level"].tolist() if isinstance(level, str))
    return Headline(
        pairs=len(links),
        undated=undated_count(links),
        countries=len({c for c in links["country_iso3"].tolist() if isinstance(c, str)}),
        asean_pairs=int(links["asean"].to_numpy(bool).sum()),
        home_cities=len({p for p in links["home_prefecture_id"].tolist() if _is_given(p)}),
        by_level=dict(levels.most_common()),
    )


def completeness(links: pd.DataFrame, totals: pd.DataFrame, as_of: Any) -> dict[str, Any] | None:
    """Compare the whole dataset with the latest official total of pairs.

    Returns: dict with date, official, known (pairs in the dataset), dated, missing,
    source_url; None when no official total exists.
    """
    return completeness_against(links, latest_official_pairs(totals, as_of))


def latest_official_pairs(totals: pd.DataFrame, as_of: Any) -> dict[str, Any] | None:
    """The latest official total of pairs published by ``as_of`` (:func:`official_on`)."""
    return official_on(totals.loc[totals["measure"] == "pairs"], as_of)


def completeness_against(
    links: pd.DataFrame, official: dict[str, Any] | None
) -> dict[str, Any] | None:
    """:func:`completeness` against an official total found already (one per data version)."""
    if official is None:
        return None
    counted = in_force_mask(links, _period_start(official["date"]))
    known = int(counted.sum())
    return {
        "date": official["date"],
        "official": official["pairs"],
        "known": known,
        "dated": int((counted & links["dated"]).sum()),
        "missing": max(0, official["pairs"] - known),
        "source_url": official["source_url"],
    }


def completeness_text(info: dict[str, Any], lang: Lang) -> str:
    """The completeness line in words."""
    return t(
        "completeness",
        lang,
        date=info["date"],
        official=info["official"],
        known=info["known"],
        dated=info["dated"],
        missing=info["missing"],
    )


def asean_share_text(head: Headline, lang: Lang) -> str:
    """'N % of pairs' for the ASEAN figure."""
    return t("kpi.asean_share", lang, share=format_percent(head.asean_share, lang))


TIES_RULE = "top.ties_rule"
"""The translation key of the top lists' tie rule, shown beside every top list."""


def top_with_ties(counts: pd.Series | Mapping[str, int], limit: int) -> pd.DataFrame:
    """THE rule of every top list: the ``limit`` largest, plus every item tied with the last.

    ``counts`` maps ids to counts. Items are ordered by count, largest first, and ties by id
    (an ISO3 code or a place id), so the list is the same in every language.
    Returns: DataFrame with columns id, pairs, rank (1 for the largest; tied items share the
    rank of the first of them).
    """
    items = sorted(((str(key), int(count)) for key, count in counts.items()), key=_by_count)
    if len(items) > limit > 0:
        least = items[limit - 1][1]
        items = [item for item in items if item[1] >= least]
    ranks, previous = [], None
    for position, (_, pairs) in enumerate(items, start=1):
        if pairs != previous:
            rank, previous = position, pairs
        ranks.append(rank)
    return pd.DataFrame(
        {
            "id": [item[0] for item in items],
            "pairs": np.array([item[1] for item in items], dtype=int),
            "rank": np.array(ranks, dtype=int),
        }
    )


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    """Sort key of a top list: largest count first, ties by id."""
    return -item[1], item[0]


def first_rows(values: np.ndarray) -> dict[Any, int]:
    """Each distinct value's first row position, in order of last appearance.

    The dict is built in C from the rows read backwards (later rows are overwritten by
    earlier ones): at 25,000 rows about 1.5 ms, against 5 ms for a pandas ``drop_duplicates``.
    """
    return dict(zip(values[::-1], range(len(values) - 1, -1, -1), strict=True))


def top_values(values: pd.Series, limit: int = 10) -> pd.DataFrame:
    """The most frequent given values under the tie rule (:func:`top_with_ties`).

    ``values`` is one column of pairs that all count (e.g. the pages' filtered pairs'
    ``country_iso3``, or ``home_prefecture_id`` for the Guangxi prefectures, their counties'
    pairs included); missing and empty values (region-level pairs) are left out.
    """
    counts = Counter(value for value in values.tolist() if _is_given(value))
    return top_with_ties(counts, limit)  # a Counter: value_counts costs more below 25,000


def _is_given(value: object) -> bool:
    """True for a value that is neither missing nor empty."""
    return isinstance(value, str) and value != ""


def _measure_mask(links: pd.DataFrame, measure: str) -> pd.Series | None:
    """The pairs an official measure counts (``pairs``, ``asean_pairs``, ``pairs_<part>``)."""
    if measure in ("pairs", "countries"):
        return pd.Series(True, index=links.index)
    if measure == "asean_pairs":
        return links["asean"].astype(bool)
    part = measure.removeprefix("pairs_")
    if part == measure:
        return None
    if part in ("province", "prefecture", "county"):
        return links["level"] == part
    continents = links["continent"].fillna("").str.lower().str.replace(" ", "_")
    if (continents == part).any() or len(part) != 3:
        return continents == part
    return links["country_iso3"].fillna("").str.lower() == part


def official_comparison(links: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """Every official figure beside the dataset's count for the same measure on the same date.

    ``dataset`` counts the dated pairs under the counting rule on the first day of the figure's
    period; ``undated`` the undated pairs not ended, which may or may not have existed then.
    ``more`` is True where the dated pairs alone exceed the official figure: a pair dated
    wrongly, or one not counted officially.
    Returns: DataFrame with columns date, measure, official, dataset, undated, more,
    source_url; in the order of ``totals``. Measures the rule cannot count are left out.
    """
    rows = []
    for row in totals.itertuples():
        day = _period_start(str(row.date))
        mask = _measure_mask(links, str(row.measure))
        if mask is None:
            continue
        dated = links.loc[mask & counted_on(links, day)]
        undated = links.loc[mask & undated_on(links, day)]
        if row.measure == "countries":
            count = dated["country_iso3"].nunique()
            extra = len(set(undated["country_iso3"]) - set(dated["country_iso3"]))
        else:
            count, extra = len(dated), len(undated)
        rows.append((row.date, row.measure, int(str(row.value)), int(count), extra, row.source_url))
    columns = ["date", "measure", "official", "dataset", "undated", "source_url"]
    frame = pd.DataFrame(rows, columns=columns)
    frame.insert(5, "more", frame["dataset"] > frame["official"])
    return frame


def measure_label(measure: str, lang: Lang, countries: dict[str, str]) -> str:
    """An official measure in words: 'Pairs', 'ASEAN pairs', 'Pairs with Thailand', ..."""
    if measure in ("pairs", "countries", "asean_pairs"):
        return t(f"measure.{measure}", lang)
    part = measure.removeprefix("pairs_")
    if part in ("province", "prefecture", "county"):
        return t("measure.pairs_of", lang, part=t(f"level.{part}", lang))
    continent = part.replace("_", " ").title()
    label = t(f"continent.{continent}", lang) if continent in CONTINENT_NAMES else None
    name = label or countries.get(part.upper(), part.upper())
    return t("measure.pairs_with", lang, part=name)
