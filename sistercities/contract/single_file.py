"""Validate one contract file on its own, recognised by its header."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from sistercities.contract import validation
from sistercities.contract.problems import Problem, problem
from sistercities.contract.reading import ReadResult, detect_table_kind, read_table_bytes


def validate_table_bytes(
    raw: bytes, label: str, today: dt.date
) -> tuple[str | None, list[Problem]]:
    """Read a CSV/XLSX table, recognise its kind, and run the checks that need no other file.

    Returns the kind (``places``, ``links``, ...) or None, and the problems.
    """
    result: ReadResult = read_table_bytes(raw, label)
    if result.frame is None:
        return None, result.problems
    spec = detect_table_kind(list(result.frame.columns))
    if spec is None:
        header = ", ".join(map(str, result.frame.columns[:8]))
        return None, [*result.problems, problem(label, "val.unknown_table", header=header)]
    return spec.kind, result.problems + _run(spec.kind, result.frame, label, today)


def _run(kind: str, frame: pd.DataFrame, label: str, today: dt.date) -> list[Problem]:
    """Dispatch to the table's validator without cross-file references."""
    if kind == "places":
        return validation.validate_places(frame, label, None, today)
    if kind == "links":
        return validation.validate_links(frame, label, None, today)
    if kind == "countries":
        return validation.validate_countries(frame, label)
    if kind == "official_totals":
        return validation.validate_official_totals(frame, label, today)
    if kind == "fields":
        return validation.validate_fields(frame, label)
    if kind == "members":
        return validation.validate_members(frame, label, None, None, today)
    return validation.validate_ties(frame, label, None, None, today)


def validate_file(path: Path, today: dt.date) -> tuple[str | None, list[Problem]]:
    """Validate one file on disk."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [problem(path.name, "val.parse", detail=exc.strerror or str(exc))]
    return validate_table_bytes(raw, path.name, today)
