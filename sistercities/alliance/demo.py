"""A clearly fictional demo roster, to preview the alliance page with a full membership.

Every name says it is fictional (虚构); every row's source note says it is demo data. The
colleges sit in real places of the dataset (Guangxi cities that hold pairs, and their partner
cities) so that the tie rule has something to work on, but none of them exists. The roster is
built deterministically from the dataset, in the shape of the founding counts (22 colleges in
9 Guangxi cities, 37 in 15 partner cities of 10 countries), and is never mixed with real members.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from sistercities.alliance.roster import ROSTER_COLUMNS

if TYPE_CHECKING:
    from sistercities.dataset import Dataset

DEMO_PREFIX = "demo-"
DEMO_NOTE = "虚构演示数据，并非真实成员 / fictional demo data, not a real member"
_DEFAULT_COUNTS = {
    "guangxi_colleges": 22,
    "guangxi_cities": 9,
    "foreign_colleges": 37,
    "foreign_cities": 15,
    "countries": 10,
}


def is_demo(members: pd.DataFrame) -> bool:
    """True when every row of ``members`` is a demo row."""
    return not members.empty and bool(members["member_id"].str.startswith(DEMO_PREFIX).all())


def demo_roster(data: Dataset) -> pd.DataFrame:
    """A fictional roster shaped like the founding counts, on the dataset's real places.

    Returns: DataFrame with the roster columns (members.csv columns plus kind and notes).
    """
    counts = {**_DEFAULT_COUNTS, **data.alliance.facts.get("founding_counts", {})}
    links = data.links
    homes = _home_cities(links, counts["guangxi_cities"])
    partners = _partner_cities(
        links.loc[links["home_prefecture_id"].isin(homes)],
        [str(c) for c in data.alliance.facts.get("named_countries", [])],
        counts["foreign_cities"],
        counts["countries"],
    )
    field_ids = list(data.alliance.fields["field_id"])
    founded = str(data.alliance.facts.get("founded", ""))
    rows = _rows("guangxi", "G", homes, counts["guangxi_colleges"], field_ids, founded, 0)
    rows += _rows("foreign", "F", partners, counts["foreign_colleges"], field_ids, founded, 4)
    return pd.DataFrame(rows, columns=list(ROSTER_COLUMNS))


def _home_cities(links: pd.DataFrame, count: int) -> list[str]:
    """The Guangxi prefectures with the most pairs (ties broken by id)."""
    prefectures = links.loc[links["home_prefecture_id"] != "", "home_prefecture_id"]
    ranked = prefectures.value_counts().reset_index()
    ranked.columns = ["place_id", "pairs"]
    ranked = ranked.sort_values(["pairs", "place_id"], ascending=[False, True])
    return list(ranked["place_id"].head(count))


def _partner_cities(
    links: pd.DataFrame, preferred: list[str], count: int, max_countries: int
) -> list[str]:
    """Partner places of ``links``: one per country (preferred countries first), then more.

    At most ``max_countries`` countries and ``count`` places.
    """
    rank = {code: i for i, code in enumerate(preferred)}
    candidates = links[["partner_place_id", "country_iso3"]].drop_duplicates()
    candidates = candidates.assign(
        rank=candidates["country_iso3"].map(lambda c: rank.get(c, len(rank)))
    ).sort_values(["rank", "country_iso3", "partner_place_id"])
    countries = list(dict.fromkeys(candidates["country_iso3"]))[:max_countries]
    by_country = {
        code: list(candidates.loc[candidates["country_iso3"] == code, "partner_place_id"])
        for code in countries
    }
    chosen: list[str] = []
    depth = 0
    while len(chosen) < count and any(len(ids) > depth for ids in by_country.values()):
        chosen += [ids[depth] for ids in by_country.values() if len(ids) > depth]
        depth += 1
    return chosen[:count]


def _rows(
    side: str,
    letter: str,
    places: list[str],
    count: int,
    field_ids: list[str],
    founded: str,
    shift: int,
) -> list[dict[str, str]]:
    """``count`` fictional colleges spread round-robin over ``places``, two or three fields each."""
    if not places:
        return []
    rows = []
    for number in range(1, count + 1):
        fields = []
        if field_ids:
            fields = [field_ids[(number + shift) % len(field_ids)]]
            fields.append(field_ids[(number * 2 + shift + 3) % len(field_ids)])
            if number % 3 == 0:
                fields.append(field_ids[(number * 4 + shift + 1) % len(field_ids)])
        rows.append(
            {
                "member_id": f"{DEMO_PREFIX}{letter.lower()}{number:02d}",
                "side": side,
                "name_zh": f"虚构示例学院 {letter}{number:02d}",
                "name_en": f"Fictional demo college {letter}{number:02d}",
                "place_id": places[(number - 1) % len(places)],
                "fields": ";".join(dict.fromkeys(fields)),
                "joined": founded,
                "role": "member",
                "source_url": "",
                "source_note": DEMO_NOTE,
                "confidence": "low",
                "kind": "college",
                "notes": DEMO_NOTE,
            }
        )
    return rows
