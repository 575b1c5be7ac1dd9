"""Uploaded tables of pairs, places or roster: check, merge, preview and apply as one change.

The flow: :func:`read_upload` reads a CSV/XLSX file, recognises its kind by the header and
checks it on its own; :func:`plan_update` merges every good upload into the current tables,
validates the merged folder as a whole (cross-references included) and computes the preview
(:class:`TableDiff`); :func:`apply_plan` writes it through :mod:`sistercities.store.transactions`.
An import of rows from elsewhere (officials' tables) can call :func:`plan_rows` directly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from sistercities.contract import checks
from sistercities.contract import locations as country_bounds
from sistercities.contract.problems import Problem, errors, problem
from sistercities.contract.reading import detect_table_kind, read_csv_file, read_table_bytes
from sistercities.contract.schema import TABLE_SPECS, Lang, TableSpec
from sistercities.dataset import dataset_version
from sistercities.i18n import t
from sistercities.store import transactions as store

Mode = Literal["merge", "replace"]
MODES: tuple[Mode, ...] = ("merge", "replace")
UPLOAD_KINDS = ("links", "places", "members")
"""Tables an editor may upload: pairs, places, the alliance roster."""
DATE_COLUMNS = {"established", "ended", "joined"}
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|javascript:", re.I)
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_EXCEL_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2}) 00:00:00$")


@dataclass
class Upload:
    """One uploaded file after reading and its own checks (``frame`` None when unreadable)."""

    label: str
    kind: str | None
    frame: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class TableDiff:
    """What a change does to one table.

    ``added``/``removed`` hold whole rows; ``changed`` has columns key, column, old, new.
    """

    kind: str
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame

    @property
    def empty(self) -> bool:
        """True when the table does not change."""
        return self.added.empty and self.removed.empty and self.changed.empty

    def counts(self) -> dict[str, int]:
        """Rows added, removed and changed."""
        changed = self.changed["key"].nunique() if not self.changed.empty else 0
        return {"added": len(self.added), "removed": len(self.removed), "changed": changed}


@dataclass
class UpdatePlan:
    """A checked change, ready to preview and apply against ``base_version``."""

    base_version: str
    labels: tuple[str, ...]
    problems: list[Problem]
    diffs: dict[str, TableDiff] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when there are no errors and something changes."""
        return not errors(self.problems) and any(not d.empty for d in self.diffs.values())

    def summary(self, lang: Lang) -> str:
        """One line for the change log and the confirmation: what changes in which table."""
        parts = [
            t("upd.summary_table", lang, table=t(f"upd.kind.{kind}", lang), **diff.counts())
            for kind, diff in self.diffs.items()
            if not diff.empty
        ]
        return "; ".join(parts) or t("upd.no_change", lang)


# -- reading one upload --------------------------------------------------------------------


def read_upload(raw: bytes, label: str) -> Upload:
    """Read a CSV/XLSX file, recognise pairs/places/roster by the header, check it alone."""
    result = read_table_bytes(raw, label)
    if result.frame is None:
        return Upload(label, None, None, result.problems)
    frame = _tidy(result.frame)
    spec = detect_table_kind(list(frame.columns)) or _closest_kind(list(frame.columns))
    if spec is None:
        header = ", ".join(map(str, frame.columns[:8]))
        return Upload(
            label,
            None,
            None,
            [*result.problems, problem(label, "val.unknown_table", header=header)],
        )
    found = list(result.problems)
    if spec.kind not in UPLOAD_KINDS:
        found.append(problem(label, "val.not_uploadable", table=spec.file_name))
        return Upload(label, spec.kind, None, found)
    found += _extra_columns(frame, spec, label)
    found += _own_checks(spec.kind, frame, label)
    return Upload(label, spec.kind, frame, found)


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Excel writes a date cell as ``YYYY-MM-DD 00:00:00``; keep the date."""
    tidy = frame.copy()
    for column in DATE_COLUMNS & set(tidy.columns):
        tidy[column] = tidy[column].str.replace(_EXCEL_MIDNIGHT, r"\1", regex=True)
    return tidy


def _closest_kind(columns: list[str]) -> TableSpec | None:
    """The contract table a header most resembles (its key column present), if any."""
    present = set(columns)
    candidates = [s for s in TABLE_SPECS.values() if set(s.key) <= present]
    if not candidates:
        return None
    return max(candidates, key=lambda spec: len(set(spec.columns) & present))


def _extra_columns(frame: pd.DataFrame, spec: TableSpec, label: str) -> list[Problem]:
    """Columns the contract does not know are ignored (a warning, so nothing is lost unseen)."""
    return [
        problem(label, "val.extra_column", column=str(column), severity="warning")
        for column in frame.columns
        if column not in spec.columns
    ]


def _own_checks(kind: str, frame: pd.DataFrame, label: str) -> list[Problem]:
    """Checks that need only the upload: markup, formulas and, for places, the country box.

    Every other check runs on the merged tables (:func:`plan_rows`), so an upload may update
    a few columns of existing rows; its problems are relabelled to the upload's rows.
    """
    found = unsafe_cells(frame, label)
    if kind == "places":
        found += country_bounds.outside_country(frame, label)
    return found


def unsafe_cells(frame: pd.DataFrame, label: str) -> list[Problem]:
    """Cells holding HTML/script markup or a spreadsheet formula are refused."""
    found = []
    for column in frame.columns:
        for index, value in frame[column].items():
            if not value:
                continue
            if _MARKUP.search(value):
                row = checks.row_number(index)
                found.append(problem(label, "val.markup", row, str(column), value=value))
            elif value[0] in "=+@\t\r" or (value[0] == "-" and not _NUMBER.match(value)):
                row = checks.row_number(index)
                found.append(problem(label, "val.formula", row, str(column), value=value))
    return found


# -- planning ------------------------------------------------------------------------------


def plan_update(
    folder: Path,
    uploads: Sequence[tuple[str, bytes]],
    mode: Mode = "merge",
    today: dt.date | None = None,
) -> UpdatePlan:
    """Check uploaded files and, when they are clean, plan the merged change."""
    today = today or dt.date.today()
    read = [read_upload(raw, label) for label, raw in uploads]
    found = [p for upload in read for p in upload.problems]
    kinds = [upload.kind for upload in read if upload.frame is not None]
    for kind in {k for k in kinds if kinds.count(k) > 1}:
        found.append(
            problem(", ".join(u.label for u in read if u.kind == kind), "upd.same_kind_twice")
        )
    labels = tuple(label for label, _ in uploads)
    if errors(found) or not kinds:
        return UpdatePlan(dataset_version(folder), labels, found)
    frames = {u.kind: (u.frame, u.label) for u in read if u.kind and u.frame is not None}
    plan = plan_rows(folder, frames, mode, today)
    plan.labels = labels
    plan.problems = _dedupe(found + plan.problems)
    return plan


def plan_rows(
    folder: Path,
    frames: dict[str, tuple[pd.DataFrame, str]],
    mode: Mode = "merge",
    today: dt.date | None = None,
) -> UpdatePlan:
    """Merge rows into the current tables and validate the whole would-be folder.

    Args:
        folder: The data folder.
        frames: Kind (``links``, ``places``, ``members``) -> (rows as strings, source label).
            Rows are keyed by the table's id column; columns absent from a frame keep their
            current values (blank for new rows).
        mode: ``merge`` adds and updates rows; ``replace`` also removes rows the frame lacks.
        today: The date that dates may not lie after.

    Returns:
        The plan: problems relabelled to the source rows, the diffs and the new file bytes.
    """
    today = today or dt.date.today()
    version = dataset_version(folder)
    found: list[Problem] = []
    diffs: dict[str, TableDiff] = {}
    files: dict[str, bytes] = {}
    origins: dict[str, dict[int, tuple[str, int]]] = {}
    for kind, (frame, label) in frames.items():
        spec = TABLE_SPECS[kind]
        current = read_csv_file(folder / spec.file_name)
        keys = _key_problems(frame, spec, label, current.frame)
        if current.frame is None or keys:
            found += current.problems + keys
            continue
        merged, origin = merge_table(current.frame, frame, spec, mode, label)
        diffs[kind] = diff_tables(current.frame, merged, spec)
        files[spec.file_name] = table_bytes(merged)
        origins[spec.file_name] = origin
    if files and not errors(found):
        with store.candidate_folder(folder, files) as root:
            from sistercities.dataset import load_dataset

            whole = load_dataset(root, today).problems
        found += [_relabel(p, origins) for p in whole if p.severity == "error" or p.file in origins]
    return UpdatePlan(
        version, tuple(label for _, label in frames.values()), _dedupe(found), diffs, files
    )


def _key_problems(
    frame: pd.DataFrame, spec: TableSpec, label: str, current: pd.DataFrame | None
) -> list[Problem]:
    """Rows must be keyed, once each; new rows need every required column."""
    found = checks.missing_columns(frame, spec.key, label)
    if found:
        return found
    found = checks.blank_required(frame, spec.key, label)
    found += checks.duplicates(frame, spec.key, label, "val.duplicate_id")
    known = set(current[spec.key[0]]) if current is not None else set()
    if not frame[spec.key[0]].isin(known).all():
        found += checks.missing_columns(frame, spec.required, label)
    return found


def merge_table(
    current: pd.DataFrame, rows: pd.DataFrame, spec: TableSpec, mode: Mode, label: str
) -> tuple[pd.DataFrame, dict[int, tuple[str, int]]]:
    """The new table, and for each of its rows that came from ``rows`` (label, source row).

    Existing rows keep their order; new rows are appended in upload order.
    """
    key = spec.key[0]
    columns = list(current.columns) + [
        c for c in spec.columns if c in rows.columns and c not in current.columns
    ]
    table = current.reindex(columns=columns, fill_value="").set_index(key, drop=False)
    incoming = rows[[c for c in columns if c in rows.columns]]
    origin_by_key = {value: checks.row_number(i) for i, value in rows[key].items()}
    for _, row in incoming.iterrows():
        if row[key] in table.index:
            table.loc[row[key], row.index] = row.to_numpy()
        else:
            new = pd.Series("", index=columns)
            new[row.index] = row.to_numpy()
            table.loc[row[key]] = new
    if mode == "replace":
        table = table.loc[table.index.isin(set(rows[key]))]
    table = table.reset_index(drop=True)
    origin = {
        i: (label, origin_by_key[value])
        for i, value in enumerate(table[key])  # the index was just reset to 0..n-1
        if value in origin_by_key
    }
    return table, origin


def diff_tables(old: pd.DataFrame, new: pd.DataFrame, spec: TableSpec) -> TableDiff:
    """Rows added, removed and changed (cell by cell), matched on the table's id column."""
    key = spec.key[0]
    old_by, new_by = old.set_index(key, drop=False), new.set_index(key, drop=False)
    added = new.loc[~new[key].isin(old_by.index)].reset_index(drop=True)
    removed = old.loc[~old[key].isin(new_by.index)].reset_index(drop=True)
    changes = []
    for value in new_by.index.intersection(old_by.index):
        for column in new.columns:
            before = str(old_by.at[value, column]) if column in old_by.columns else ""
            after = str(new_by.at[value, column])
            if before != after:
                changes.append({"key": value, "column": column, "old": before, "new": after})
    changed = pd.DataFrame(changes, columns=["key", "column", "old", "new"])
    return TableDiff(spec.kind, added, removed, changed)


def table_bytes(frame: pd.DataFrame) -> bytes:
    """A table as the contract stores it: UTF-8 CSV, comma separated, newline line ends."""
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return buffer.getvalue().encode("utf-8")


def _relabel(item: Problem, origins: dict[str, dict[int, tuple[str, int]]]) -> Problem:
    """Point a problem of a merged table at the uploaded file and row it came from."""
    origin = origins.get(item.file, {})
    if item.row is None or (item.row - 2) not in origin:
        return item
    label, row = origin[item.row - 2]
    return Problem(label, item.code, row, item.column, item.params, item.severity)


def _dedupe(items: list[Problem]) -> list[Problem]:
    """Drop repeated problems (an upload's own check and the whole-folder check agree)."""
    return list(dict.fromkeys(items))


def apply_plan(folder: Path, plan: UpdatePlan, who: str, lang: Lang) -> store.ChangeRecord:
    """Write a clean plan as one atomic change (refused if the folder changed meanwhile).

    Raises:
        store.StoreError: as :func:`sistercities.store.transactions.apply_change`, or
            ``upd.not_ready``.
    """
    if not plan.ok:
        raise store.StoreError("upd.not_ready")
    extra: dict[str, Any] = {"uploads": list(plan.labels)}
    extra.update({kind: diff.counts() for kind, diff in plan.diffs.items()})
    return store.apply_change(
        folder, plan.files, who, plan.summary(lang), plan.base_version, True, extra
    )
