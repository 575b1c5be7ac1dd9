"""Alliance roster import: bilingual templates, reading an uploaded roster, validation, preview.

A roster has the columns of ``alliance/members.csv`` plus the optional ``kind`` and ``notes``.
The templates carry the column names in row 1 and their Chinese names in row 2; an uploaded
roster may use either header (or both rows). Nothing here is saved: the Data page does that.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import cast

import pandas as pd

from sistercities.contract import checks
from sistercities.contract.problems import Problem, errors, problem
from sistercities.contract.reading import read_table_bytes
from sistercities.contract.schema import CONFIDENCES, MEMBERS_COLUMNS, MEMBERS_REQUIRED, SIDES, Lang
from sistercities.contract.validation import validate_members
from sistercities.i18n import has_key, pick, t

KINDS = ("college", "organisation")
ROSTER_COLUMNS = (*MEMBERS_COLUMNS, "kind", "notes")
CHINESE_HEADERS = {
    "member_id": "成员编号",
    "side": "所属方",
    "name_zh": "中文名称",
    "name_en": "英文名称",
    "place_id": "地点编号",
    "fields": "专业领域",
    "joined": "加入日期",
    "role": "角色",
    "source_url": "来源网址",
    "source_note": "来源说明",
    "confidence": "可信度",
    "kind": "类型",
    "notes": "备注",
}
"""Chinese header of each roster column (accepted on upload, written in the templates)."""

VALUE_ALIASES = {
    "side": {"广西": "guangxi", "广西方": "guangxi", "中方": "guangxi", "外方": "foreign"},
    "confidence": {"高": "high", "中": "medium", "低": "low"},
    "kind": {"院校": "college", "学校": "college", "机构": "organisation"},
}
"""Chinese cell values accepted for the coded columns."""

ALLOWED = {
    "side": " | ".join(SIDES),
    "confidence": " | ".join(CONFIDENCES),
    "kind": " | ".join(KINDS),
    "fields": "field_id;field_id",
    "joined": "YYYY | YYYY-MM | YYYY-MM-DD",
}


@dataclass
class RosterResult:
    """An uploaded roster read and checked: the frame (None when unreadable) and its problems."""

    frame: pd.DataFrame | None
    problems: list[Problem] = field(default_factory=list)
    header_rows: int = 1

    @property
    def usable(self) -> bool:
        """True when the roster has rows and no error (warnings allowed)."""
        return self.frame is not None and not self.frame.empty and not errors(self.problems)


def template_csv() -> bytes:
    """The roster template as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese)."""
    text = pd.DataFrame([_chinese_row()], columns=list(ROSTER_COLUMNS)).to_csv(index=False)
    return text.encode("utf-8-sig")


def template_xlsx(places: pd.DataFrame, fields: pd.DataFrame) -> bytes:
    """The roster template as XLSX: the roster sheet, a bilingual guide, places and fields.

    The roster sheet comes first (it is the one read back); the reference sheets list the
    place ids and field ids the roster may use.
    """
    buffer = io.BytesIO()
    roster = pd.DataFrame([_chinese_row()], columns=list(ROSTER_COLUMNS))
    place_list = places[["place_id", "name_zh", "name_en", "country_iso3", "admin_type"]]
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        roster.to_excel(writer, sheet_name="members", index=False)
        guide_frame().to_excel(writer, sheet_name="说明 guide", index=False)
        place_list.to_excel(writer, sheet_name="places", index=False)
        fields.to_excel(writer, sheet_name="fields", index=False)
    return buffer.getvalue()


def _chinese_row() -> dict[str, str]:
    """The second header row: each column's Chinese name."""
    return {column: CHINESE_HEADERS[column] for column in ROSTER_COLUMNS}


def guide_frame() -> pd.DataFrame:
    """One row per roster column: names in both languages, required or not, allowed values."""
    rows = [
        {
            "column": column,
            "列名": CHINESE_HEADERS[column],
            "required 必填": "yes 是" if column in MEMBERS_REQUIRED else "",
            "allowed 取值": ALLOWED.get(column, ""),
            "说明": t(f"roster.col.{column}", "zh"),
            "description": t(f"roster.col.{column}", "en"),
        }
        for column in ROSTER_COLUMNS
    ]
    return pd.DataFrame(rows)


def read_roster(
    raw: bytes,
    label: str,
    known_places: set[str],
    known_fields: set[str],
    today: dt.date,
) -> RosterResult:
    """Read an uploaded CSV/XLSX roster, accept Chinese headers and values, and validate it.

    Row numbers in the problems are the spreadsheet's own (a second header row counts).
    """
    read = read_table_bytes(raw, label)
    if read.frame is None:
        return RosterResult(None, read.problems)
    frame, found = _english_headers(read.frame, label)
    if frame is None:
        return RosterResult(None, read.problems + found)
    frame, header_rows = _drop_header_echo(frame)
    if frame.empty:
        return RosterResult(frame, [*read.problems, *found, problem(label, "roster.no_rows")])
    frame = _normalise_values(frame)
    checked = validate_members(frame, label, known_places, known_fields, today)
    checked += checks.bad_choices(frame, "kind", KINDS, label, allow_blank=True)
    checked = [_shift(p, header_rows - 1) for p in checked]
    for column in ROSTER_COLUMNS:
        if column not in frame:
            frame[column] = ""
    return RosterResult(frame[list(ROSTER_COLUMNS)], read.problems + found + checked, header_rows)


def _english_headers(frame: pd.DataFrame, label: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Rename Chinese (or differently cased) headers to the column names; report the rest."""
    lookup = {name.lower(): name for name in ROSTER_COLUMNS}
    lookup.update({zh: name for name, zh in CHINESE_HEADERS.items()})
    renamed: dict[Hashable, str] = {}
    found: list[Problem] = []
    for column in frame.columns:
        name = lookup.get(str(column).strip().lower(), lookup.get(str(column).strip()))
        if name is None:
            found.append(
                problem(label, "roster.unknown_column", column=str(column), severity="warning")
            )
        elif name in renamed.values():
            found.append(problem(label, "roster.duplicate_column", column=str(column)))
        else:
            renamed[column] = name
    if errors(found):
        return None, found
    return frame[list(renamed)].rename(columns=renamed), found


def _drop_header_echo(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Drop a second header row (the Chinese names, or the column names again) if present."""
    if frame.empty:
        return frame, 1
    first = frame.iloc[0]
    echoes = {column: {column, CHINESE_HEADERS[column]} for column in frame.columns}
    filled = [column for column in frame.columns if first[column]]
    if filled and all(first[column] in echoes[column] for column in filled):
        return frame.iloc[1:].reset_index(drop=True), 2
    return frame, 1


def _normalise_values(frame: pd.DataFrame) -> pd.DataFrame:
    """Accept Chinese values in the coded columns and any case in English ones."""
    result = frame.copy()
    for column, aliases in VALUE_ALIASES.items():
        if column in result:
            result[column] = result[column].map(lambda v, a=aliases: a.get(v, v.lower()))
    if "joined" in result:  # a date typed into a spreadsheet comes back with a time
        result["joined"] = result["joined"].str.replace(
            r"^(\d{4}-\d{2}-\d{2}) 00:00:00$", r"\1", regex=True
        )
    if "fields" in result:
        result["fields"] = result["fields"].str.replace("；", ";").str.replace("，", ";")
    return result


def _shift(found: Problem, rows: int) -> Problem:
    """Move a problem's row number down by ``rows`` (for a second header row)."""
    if found.row is None or rows == 0:
        return found
    return dataclasses.replace(found, row=found.row + rows)


def preview_frame(
    members: pd.DataFrame,
    places: pd.DataFrame,
    fields: pd.DataFrame,
    lang: Lang,
    country_names: dict[str, str] | None = None,
) -> pd.DataFrame:
    """A roster as people read it: names, side, city, country, fields, role, source.

    Returns: DataFrame with translated headers (one row per member, input order).
    """
    place = places.set_index("place_id")
    field_names = {
        cast(str, r.field_id): pick(cast(str, r.name_zh), cast(str, r.name_en), lang)
        for r in fields.itertuples()
    }
    sep = "、" if lang == "zh" else ", "
    rows = []
    for row in members.itertuples():
        place_id, side = cast(str, row.place_id), cast(str, row.side)  # roster cells are text
        known = place_id in place.index
        city = _place_name(place, place_id, lang) if known else place_id
        rows.append(
            {
                "roster.h.name": pick(cast(str, row.name_zh), cast(str, row.name_en), lang),
                "roster.h.side": t(f"roster.side.{side}", lang) if side in SIDES else side,
                "roster.h.place": city,
                "roster.h.country": _country(place, place_id, country_names) if known else "",
                "roster.h.fields": sep.join(
                    field_names.get(f, f) for f in checks.split_multi(str(row.fields))
                ),
                "roster.h.role": _coded("roster.role", cast(str, row.role), lang),
                "roster.h.confidence": _coded("confidence", cast(str, row.confidence), lang),
                "roster.h.source": row.source_url or row.source_note,
            }
        )
    frame = pd.DataFrame(rows, columns=_PREVIEW_KEYS)
    return frame.rename(columns={key: t(key, lang) for key in _PREVIEW_KEYS})


def _coded(prefix: str, value: str, lang: Lang) -> str:
    """A coded value in words when the translation table knows it, else as written."""
    key = f"{prefix}.{value}"
    return t(key, lang) if has_key(key) else value


def _place_name(place: pd.DataFrame, place_id: str, lang: Lang) -> str:
    """A place's name in ``lang`` (``place`` is indexed by place_id)."""
    name_zh, name_en = place.at[place_id, "name_zh"], place.at[place_id, "name_en"]
    return pick(cast(str, name_zh), cast(str, name_en), lang)


def _country(place: pd.DataFrame, place_id: str, names: dict[str, str] | None) -> str:
    """The country of a place, by name when ``names`` has it."""
    code = str(place.at[place_id, "country_iso3"])
    return (names or {}).get(code, code)


_PREVIEW_KEYS = [
    "roster.h.name",
    "roster.h.side",
    "roster.h.place",
    "roster.h.country",
    "roster.h.fields",
    "roster.h.role",
    "roster.h.confidence",
    "roster.h.source",
]
