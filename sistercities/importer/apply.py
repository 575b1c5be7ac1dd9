"""Turn resolved rows into places and links rows and apply them as one change of the store.

New places get ids per the contract (``<iso3>-<slug>``, ``cn-<admin_code>``); every imported
pair records its source in ``source_note`` (the list's name as the editor gives it, the file
name and the import date), keeping any ``source_url`` it had. Pairs already in the data keep
their date unless it is blank or the table's date refines it (``1998`` -> ``1998-05-12``),
or the editor asks for the table's values; an import never removes a pair.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from sistercities.contract.problems import Problem
from sistercities.contract.reading import read_csv_file
from sistercities.contract.schema import (
    LINKS_COLUMNS,
    PLACES_COLUMNS,
    Lang,
    link_id_for,
    place_id_for_china,
)
from sistercities.importer import gazetteer as gz
from sistercities.importer.resolve import Candidate, RowResult
from sistercities.store import transactions as store
from sistercities.store import updates

CONFIDENCE = "high"


@dataclass
class ImportPlan:
    """The change an import makes, and the rows it leaves for an editor."""

    plan: updates.UpdatePlan
    applied: list[RowResult]
    left: list[RowResult]
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the change is clean and changes something."""
        return self.plan.ok


def source_note(list_name: str, file_name: str, day: dt.date) -> str:
    """``<list name> (<file name>), imported <YYYY-MM-DD>``."""
    name = list_name.strip() or file_name
    return f"{name} ({file_name}), imported {day.isoformat()}"


def place_row(candidate: Candidate, note: str) -> dict[str, str]:
    """A places.csv row for a new place."""
    return {
        "place_id": candidate.place_id,
        "name_zh": candidate.name_zh,
        "name_en": candidate.name_en,
        "admin_type": candidate.admin_type,
        "country_iso3": candidate.iso3,
        "lat": "" if candidate.lat is None else f"{candidate.lat:.4f}",
        "lon": "" if candidate.lon is None else f"{candidate.lon:.4f}",
        "admin_code": candidate.admin_code,
        "parent_id": candidate.parent_id,
        "coord_source": candidate.coord_source,
        "notes": note,
    }


def _ancestors(candidate: Candidate, known: set[str]) -> list[dict[str, str]]:
    """Rows for a Guangxi unit's parents missing from the data (a county needs its city)."""
    units = {row["admin_code"]: row for row in gz.read_rows(gz.GUANGXI_UNITS_CSV)}
    rows, code = [], units.get(candidate.admin_code, {}).get("parent_code", "")
    while code and place_id_for_china(code) not in known:
        unit = units[code]
        parent = place_id_for_china(unit["parent_code"]) if unit["parent_code"] else ""
        rows.append(
            {
                **{c: "" for c in PLACES_COLUMNS},
                "place_id": place_id_for_china(code),
                "name_zh": unit["name_zh"],
                "name_en": unit["name_en"],
                "admin_type": unit["level"],
                "country_iso3": "CHN",
                "lat": unit["lat"],
                "lon": unit["lon"],
                "admin_code": code,
                "parent_id": parent,
                "coord_source": candidate.coord_source,
            }
        )
        code = unit["parent_code"]
    return rows


def new_places(rows: Sequence[RowResult], known: set[str], note: str) -> pd.DataFrame:
    """Places the rows need that the data lacks (ids deduplicated)."""
    found: dict[str, dict[str, str]] = {}
    for result in rows:
        for candidate in (result.home.chosen, result.partner.chosen):
            if candidate is None or candidate.place_id in known | set(found):
                continue
            if candidate.iso3 == "CHN":
                for row in _ancestors(candidate, known | set(found)):
                    found.setdefault(row["place_id"], row)
            found[candidate.place_id] = place_row(candidate, note)
    return pd.DataFrame(list(found.values()), columns=list(PLACES_COLUMNS))


def _date_for(table: str, data: str, take_table: bool) -> str:
    """The date to keep: the table's if the data has none, it refines the data's, or asked."""
    if not table:
        return data
    if not data or take_table or table.startswith(data):
        return table
    return data


def link_rows(
    rows: Sequence[RowResult], current: pd.DataFrame, note: str, take_table: bool
) -> pd.DataFrame:
    """links.csv rows: new pairs in full, existing pairs with their source and refined date."""
    existing = {r["link_id"]: r for r in current.to_dict("records")}
    out: dict[str, dict[str, str]] = {}
    for result in rows:
        assert result.pair is not None
        link_id = link_id_for(*result.pair)
        table_date = result.date.iso() if result.date else ""
        if link_id in existing:
            row = {c: str(existing[link_id].get(c, "")) for c in LINKS_COLUMNS}
            row["established"] = _date_for(table_date, row["established"], take_table)
            if take_table and result.level:
                row["level"] = result.level
            notes = [n for n in row["source_note"].split(" | ") if n]
            row["source_note"] = " | ".join(dict.fromkeys([*notes, note]))
            row["confidence"] = CONFIDENCE
        else:
            row = {c: "" for c in LINKS_COLUMNS}
            row.update(
                link_id=link_id,
                home_place_id=result.pair[0],
                partner_place_id=result.pair[1],
                level=result.level or "",
                established=table_date,
                status="active",
                source_note=note,
                confidence=CONFIDENCE,
            )
        out.setdefault(link_id, row)
    return pd.DataFrame(list(out.values()), columns=list(LINKS_COLUMNS))


def plan_import(
    folder: Path,
    results: Sequence[RowResult],
    list_name: str,
    file_name: str,
    take_table: bool = False,
    today: dt.date | None = None,
) -> ImportPlan:
    """Plan applying the confident rows (editor-resolved ones included) as one change.

    Returns:
        The plan (validated on the whole would-be folder), the rows in it and those left.
    """
    today = today or dt.date.today()
    ready = [r for r in results if r.confident and r.pair is not None]
    left = [r for r in results if r not in ready]
    note = source_note(list_name, file_name, today)
    places = read_csv_file(Path(folder) / "places.csv")
    links = read_csv_file(Path(folder) / "links.csv")
    if places.frame is None or links.frame is None:
        empty = updates.UpdatePlan("", (file_name,), places.problems + links.problems)
        return ImportPlan(empty, [], list(results), empty.problems)
    known = set(places.frame["place_id"])
    frames: dict[str, tuple[pd.DataFrame, str]] = {}
    added = new_places(ready, known, f"Imported from {list_name.strip() or file_name}")
    if not added.empty:
        frames["places"] = (added, file_name)
    if ready:
        frames["links"] = (link_rows(ready, links.frame, note, take_table), file_name)
    if not frames:
        return ImportPlan(updates.UpdatePlan("", (file_name,), []), [], left)
    unsafe = [p for f, label in frames.values() for p in updates.unsafe_cells(f, label)]
    plan = updates.plan_rows(Path(folder), frames, "merge", today)
    plan.problems = unsafe + plan.problems
    return ImportPlan(plan, ready, left, plan.problems)


def apply_import(folder: Path, plan: ImportPlan, who: str, lang: Lang) -> store.ChangeRecord:
    """Write the planned change through the store (history, undo, version check).

    Raises:
        store.StoreError: as :func:`sistercities.store.updates.apply_plan`.
    """
    return updates.apply_plan(Path(folder), plan.plan, who, lang)
