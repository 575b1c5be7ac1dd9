"""From an uploaded official table to rows to resolve: read, find the header, map columns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sistercities.contract.problems import Problem, problem
from sistercities.importer.headers import FIELDS, REQUIRED_FIELDS, Field, HeaderGuess, guess_header
from sistercities.importer.read import Cell, column_letter, read_grid
from sistercities.importer.resolve import RowInput
from sistercities.importer.text import clean_cell

TOTAL_WORDS = ("合计", "总计", "小计", "共计", "total")


@dataclass
class OfficialTable:
    """An uploaded table: its cells, where the header is, the guessed column mapping."""

    label: str
    grid: list[list[Cell]] | None
    guess: HeaderGuess | None
    problems: list[Problem] = field(default_factory=list)

    def column_names(self) -> list[str]:
        """Header cells with their column letters, e.g. ``B · 中方城市``."""
        if self.guess is None:
            return []
        return [
            f"{column_letter(i)} · {name}" if name else column_letter(i)
            for i, name in enumerate(self.guess.columns)
        ]


def load_table(raw: bytes, label: str) -> OfficialTable:
    """Read the file and guess its header row and column mapping."""
    grid = read_grid(raw, label)
    if grid.rows is None:
        return OfficialTable(label, None, None, grid.problems)
    guess = guess_header(grid.rows)
    return OfficialTable(label, grid.rows, guess, grid.problems)


def mapping_problems(mapping: Mapping[Field, int | None], label: str) -> list[Problem]:
    """The Guangxi side and the partner must each have a column; no column used twice."""
    found = [
        problem(label, f"imp.no_column.{name}")
        for name in REQUIRED_FIELDS
        if mapping.get(name) is None
    ]
    used = [i for i in mapping.values() if i is not None]
    for index in {i for i in used if used.count(i) > 1}:
        found.append(problem(label, "imp.column_twice", column=column_letter(index)))
    return found


def table_rows(table: OfficialTable, mapping: Mapping[Field, int | None]) -> list[RowInput]:
    """Data rows below the header; a blank Guangxi cell takes the one above (merged cells).

    Blank rows and total lines (合计, Total) are skipped.
    """
    if table.grid is None or table.guess is None:
        return []
    rows, home = [], ""
    for offset, cells in enumerate(table.grid[table.guess.header_row + 1 :]):
        values = {f: _cell(cells, mapping.get(f)) for f in FIELDS}
        texts = {f: clean_cell(v) for f, v in values.items() if f != "date"}
        if not any(texts.values()) and values["date"] in (None, ""):
            continue
        if any(texts[f].casefold().startswith(TOTAL_WORDS) for f in ("seq", "home", "partner")):
            continue
        home = texts["home"] or (home if texts["partner"] else "")
        rows.append(
            RowInput(
                row=table.guess.header_row + offset + 2,
                home=home,
                partner=texts["partner"],
                partner_en=texts["partner_en"],
                country=texts["country"],
                date=values["date"],
                level=texts["level"],
                seq=texts["seq"],
            )
        )
    return rows


def _cell(cells: list[Cell], index: int | None) -> Cell:
    """The cell at ``index`` (None when unmapped or beyond the row)."""
    if index is None or index >= len(cells):
        return None
    return cells[index]
