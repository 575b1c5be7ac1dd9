"""Headline figures for the current filter and the completeness line against official totals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import pandas as pd

from sistercities.contract.schema import Lang
from sistercities.i18n import format_percent, t
from sistercities.stats import official_on


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


def headline(links: pd.DataFrame) -> Headline:
    """Headline figures of the filtered pairs.

    ``home_cities`` counts the Guangxi prefectures that hold a pair directly or through one of
    their counties.
    """
    prefectures = links["home_prefecture_id"].replace("", pd.NA).dropna()
    return Headline(
        pairs=len(links),
        undated=int((~links["dated"]).sum()),
        countries=int(links["country_iso3"].nunique()),
        asean_pairs=int(links["asean"].sum()),
        home_cities=int(prefectures.nunique()),
        by_level={cast(str, k): int(v) for k, v in links["level"].value_counts().items()},
    )


def completeness(links: pd.DataFrame, totals: pd.DataFrame, as_of: Any) -> dict[str, Any] | None:
    """Compare the whole dataset with the latest official total of pairs.

    Returns: dict with date, official, known (pairs in the dataset), dated, missing,
    source_url; None when no official total exists.
    """
    official = official_on(totals.loc[totals["measure"] == "pairs"], as_of)
    if official is None:
        return None
    known = len(links)
    return {
        "date": official["date"],
        "official": official["pairs"],
        "known": known,
        "dated": int(links["dated"].sum()),
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


def top_cities(links: pd.DataFrame, limit: int = 10) -> pd.DataFrame:
    """Guangxi prefectures with the most pairs (their counties' pairs included).

    Region-level pairs belong to no prefecture and are left out.
    Returns: DataFrame with columns id (prefecture place id), pairs; largest first.
    """
    return _top(links["home_prefecture_id"].replace("", pd.NA).dropna(), limit)


def top_countries(links: pd.DataFrame, limit: int = 10) -> pd.DataFrame:
    """Partner countries with the most pairs.

    Returns: DataFrame with columns id (ISO3), pairs; largest first.
    """
    return _top(links["country_iso3"].replace("", pd.NA).dropna(), limit)


def _top(values: pd.Series, limit: int) -> pd.DataFrame:
    """The most frequent values, ties broken by id."""
    counts = values.value_counts()
    frame = pd.DataFrame({"id": counts.index.astype(str), "pairs": counts.to_numpy().astype(int)})
    return frame.sort_values(["pairs", "id"], ascending=[False, True]).head(limit)
