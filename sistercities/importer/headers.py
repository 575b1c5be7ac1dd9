"""Guess which column of an official table holds what, from Chinese or English headers.

Such tables often carry a title row (merged across the columns) above the header, full-width
characters and trailing spaces; the header is the row among the first few that names the
most known columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from sistercities.importer.text import clean_cell, fold

Field = Literal["seq", "home", "partner", "partner_en", "country", "date", "level", "notes"]
FIELDS: tuple[Field, ...] = (
    "seq",
    "home",
    "partner",
    "partner_en",
    "country",
    "date",
    "level",
    "notes",
)
REQUIRED_FIELDS: tuple[Field, ...] = ("home", "partner")
HEADER_SCAN_ROWS = 12

SYNONYMS: dict[Field, tuple[str, ...]] = {
    "seq": ("序号", "编号", "序", "no", "no.", "number", "#", "seq"),
    "home": (
        "中方城市",
        "广西城市",
        "我方",
        "我方城市",
        "中方",
        "广西",
        "广西地方",
        "中方省市",
        "中方地方",
        "国内城市",
        "city",
        "home",
        "guangxi city",
        "chinese city",
        "guangxi side",
        "chinese side",
    ),
    "partner": (
        "外方城市",
        "友好城市",
        "外方",
        "外方省市",
        "外方地方",
        "友城",
        "友城名称",
        "对方城市",
        "国外城市",
        "外国城市",
        "结好城市",
        "partner",
        "partner city",
        "sister city",
        "twin city",
        "foreign city",
        "foreign side",
    ),
    "partner_en": (
        "外方城市英文名",
        "外方英文名",
        "英文名称",
        "英文名",
        "外文名称",
        "外文名",
        "english name",
        "partner english",
        "partner (english)",
        "partner en",
    ),
    "country": ("国家", "所在国", "国别", "所在国家", "国家地区", "country", "nation"),
    "date": (
        "结好时间",
        "缔结时间",
        "签约日期",
        "签约时间",
        "结好日期",
        "缔结日期",
        "建立时间",
        "结好年份",
        "时间",
        "日期",
        "date",
        "established",
        "signed",
        "since",
        "date signed",
    ),
    "level": ("级别", "层级", "类别", "结好级别", "level", "type"),
    "notes": ("备注", "说明", "notes", "note", "remarks"),
}
_EXACT = {fold(name): f for f, names in SYNONYMS.items() for name in names}


@dataclass
class HeaderGuess:
    """Where the header is and which column holds each field (0-based column indexes).

    ``header_row`` is the 0-based row of the grid; ``columns`` the header cells as written.
    """

    header_row: int
    columns: list[str]
    mapping: dict[Field, int] = field(default_factory=dict)

    @property
    def missing(self) -> list[Field]:
        """Required fields no column was mapped to."""
        return [f for f in REQUIRED_FIELDS if f not in self.mapping]


def field_for_header(text: str) -> tuple[Field | None, int]:
    """The field a header cell names and how well: 3 exact, 2 starts with, 1 contains, 0 none."""
    key = fold(text)
    if not key:
        return None, 0
    if key in _EXACT:
        return _EXACT[key], 3
    best: tuple[Field | None, int, int] = (None, 0, 0)
    for synonym, name in _EXACT.items():
        if len(synonym) < 2:
            continue
        score = 2 if key.startswith(synonym) else 1 if synonym in key else 0
        if score and (score, len(synonym)) > (best[1], best[2]):
            best = (name, score, len(synonym))
    return best[0], best[1]


def map_header(cells: Sequence[object]) -> dict[Field, int]:
    """Assign each field the column that names it best (each column to one field at most)."""
    scored = []
    for index, cell in enumerate(cells):
        name, score = field_for_header(clean_cell(cell))
        if name is not None:
            scored.append((score, -index, name, index))
    mapping: dict[Field, int] = {}
    used: set[int] = set()
    for _score, _order, name, index in sorted(scored, reverse=True):
        if name not in mapping and index not in used:
            mapping[name] = index
            used.add(index)
    return mapping


def guess_header(grid: Sequence[Sequence[object]]) -> HeaderGuess:
    """The header among the first rows: the row naming the most fields (title rows skipped)."""
    best_row = 0
    best_mapping: dict[Field, int] = {}
    for row_index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        mapping = map_header(row)
        if len(mapping) > len(best_mapping):
            best_row, best_mapping = row_index, mapping
    columns = [clean_cell(c) for c in grid[best_row]] if grid else []
    return HeaderGuess(best_row, columns, best_mapping)
