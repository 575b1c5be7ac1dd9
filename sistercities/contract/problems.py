"""Validation problems: each names the file, row, column and what is wrong."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from sistercities.contract.schema import Lang
from sistercities.i18n import t

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data.

    ``row`` is the spreadsheet row number (the header is row 1, so the first data row is 2);
    None when the problem concerns the whole file or a column.
    """

    file: str
    code: str
    row: int | None = None
    column: str | None = None
    params: tuple[tuple[str, str], ...] = field(default=())
    severity: Severity = "error"

    def message(self, lang: Lang) -> str:
        """Return what is wrong, in ``lang``."""
        return t(self.code, lang, **dict(self.params))

    def describe(self, lang: Lang) -> str:
        """Return a one-line description: ``file, row N, column C: message``."""
        where = [self.file]
        if self.row is not None:
            where.append(f"{t('val.col.row', lang)} {self.row}")
        if self.column:
            where.append(f"{t('val.col.column', lang)} {self.column}")
        severity = t(f"val.severity.{self.severity}", lang)
        return f"[{severity}] {', '.join(where)}: {self.message(lang)}"


def problem(
    file: str,
    code: str,
    row: int | None = None,
    column: str | None = None,
    severity: Severity = "error",
    **params: object,
) -> Problem:
    """Build a Problem, turning keyword parameters into a hashable tuple."""
    clipped = tuple((k, _clip(str(v))) for k, v in sorted(params.items()))
    return Problem(file, code, row, column, clipped, severity)


def _clip(text: str, limit: int = 80) -> str:
    """Shorten a value quoted in a message so a huge cell never floods the report."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """Return the problems of severity ``error``."""
    return [p for p in problems if p.severity == "error"]


def problems_frame(problems: Iterable[Problem], lang: Lang) -> pd.DataFrame:
    """Return the problems as a table with translated headers, for display and export."""
    rows = [
        {
            t("val.col.severity", lang): t(f"val.severity.{p.severity}", lang),
            t("val.col.file", lang): p.file,
            t("val.col.row", lang): p.row if p.row is not None else "",
            t("val.col.column", lang): p.column or "",
            t("val.col.problem", lang): p.message(lang),
        }
        for p in problems
    ]
    columns = [t(k, lang) for k in ("val.col.severity", "val.col.file", "val.col.row")]
    columns += [t("val.col.column", lang), t("val.col.problem", lang)]
    return pd.DataFrame(rows, columns=columns)
