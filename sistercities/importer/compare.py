"""Compare resolved rows with the data: new pairs, pairs that differ, pairs the table lacks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from sistercities.importer.resolve import RowResult
from sistercities.importer.text import has_cjk

COMPARE_COLUMNS = ("row", "link_id", "home", "partner", "column", "data", "table")


@dataclass
class Comparison:
    """What the table would change.

    ``new``: rows whose pair is not in the data; ``differs``: one line per differing value
    (columns row, link_id, home, partner, column, data, table); ``same``: rows already in
    the data as the table says; ``missing``: links of the data (link_id, home, partner,
    established) for the Guangxi places the table covers that the table does not list. They
    are kept: an import never removes a pair.
    """

    new: list[RowResult]
    differs: pd.DataFrame
    same: list[RowResult]
    missing: pd.DataFrame


def covered_homes(results: Sequence[RowResult], places: pd.DataFrame) -> set[str]:
    """Guangxi places the table speaks for: its home places and the units under them."""
    homes = {r.home.chosen.place_id for r in results if r.home.chosen is not None}
    parents = dict(zip(places["place_id"], places["parent_id"].fillna(""), strict=False))
    if "cn-450000" in homes:
        return {p for p in parents if p.startswith("cn-")}
    return homes | {p for p, parent in parents.items() if parent in homes}


def compare(results: Sequence[RowResult], links: pd.DataFrame, places: pd.DataFrame) -> Comparison:
    """Match rows with chosen places to the data's links (columns of the enriched links)."""
    by_pair = {(r["home_place_id"], r["partner_place_id"]): r for r in links.to_dict("records")}
    new, same, lines = [], [], []
    seen: set[tuple[str, str]] = set()
    for result in results:
        pair = result.pair
        if pair is None:
            continue
        seen.add(pair)
        current = by_pair.get(pair)
        if current is None:
            new.append(result)
            continue
        found = _differences(result, current)
        lines += found
        if not found:
            same.append(result)
    homes = covered_homes(results, places)
    missing = [
        {
            "link_id": r["link_id"],
            "home": r.get("home_name_zh") or r["home_place_id"],
            "partner": r.get("partner_name_zh") or r.get("partner_name_en") or "",
            "established": r["established"],
        }
        for pair, r in by_pair.items()
        if pair not in seen and pair[0] in homes
    ]
    return Comparison(
        new,
        pd.DataFrame(lines, columns=list(COMPARE_COLUMNS)),
        same,
        pd.DataFrame(missing, columns=["link_id", "home", "partner", "established"]),
    )


def _differences(result: RowResult, current: dict) -> list[dict[str, object]]:
    """Date, level and partner names that differ between the data and the table."""
    assert result.home.chosen is not None and result.partner.chosen is not None
    table = {
        "established": result.date.iso() if result.date else "",
        "level": result.level or "",
        "partner_name_zh": result.source.partner if has_cjk(result.source.partner) else "",
    }
    base = {
        "row": result.source.row,
        "link_id": current["link_id"],
        "home": result.home.chosen.name_zh,
        "partner": result.partner.chosen.name_zh or result.partner.chosen.name_en,
    }
    lines = []
    for column, value in table.items():
        old = str(current.get(column, "") or "")
        if column == "partner_name_zh" and (not value or not old or value == old):
            continue
        if value and value != old:
            lines.append({**base, "column": column, "data": old, "table": value})
    return lines
