"""Dates as official lists write them, turned into the contract's partial dates.

Accepted: ``1979年10月1日``, ``1979年10月``, ``1979年``, ``1979.10.1``, ``1979/10/1``,
``1979-10-01``, ``1979-10``, ``1979``, ``1979-10-01 00:00:00``, a spreadsheet date cell and an
Excel serial day number (``29129`` is 1979-10-01). A blank cell is an unknown date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sistercities.contract.dates import PartialDate
from sistercities.importer.text import clean_cell

EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIAL_RANGE = (3000, 80000)
"""Serial day numbers taken as Excel dates: 1908 to 2119 (smaller numbers are years or junk)."""

_CHINESE = re.compile(r"^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号]?)?)?(?:份)?$")
_SEPARATED = re.compile(r"^(\d{4})\s*[.\-/]\s*(\d{1,2})(?:\s*[.\-/]\s*(\d{1,2}))?\.?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_TIME_PART = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_SERIAL = re.compile(r"^\d{4,5}(\.0+)?$")


@dataclass(frozen=True)
class DateReading:
    """A cell read as a date: ``date`` None with ``ok`` True means blank (unknown)."""

    date: PartialDate | None
    ok: bool
    text: str


def from_serial(serial: float) -> PartialDate | None:
    """An Excel serial day number (1900 date system) as a full date, or None out of range."""
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        return None
    day = EXCEL_EPOCH + dt.timedelta(days=int(serial))
    return PartialDate(day.year, day.month, day.day)


def _checked(year: str, month: str | None, day: str | None) -> PartialDate | None:
    """A partial date when the parts form a real date (1000 onwards), else None."""
    y, m, d = int(year), int(month) if month else None, int(day) if day else None
    if d is not None and m is None:
        return None
    try:
        dt.date(y, m or 1, d or 1)
    except ValueError:
        return None
    return PartialDate(y, m, d) if y >= 1000 else None


def parse_official_date(value: object) -> DateReading:
    """Read one date cell in any of the accepted styles."""
    if isinstance(value, dt.datetime | dt.date):
        return DateReading(PartialDate(value.year, value.month, value.day), True, value.isoformat())
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1000 <= value <= 2999 and float(value).is_integer():
            return DateReading(PartialDate(int(value)), True, str(int(value)))
        found = from_serial(float(value))
        return DateReading(found, found is not None, str(value))
    text = clean_cell(value)
    if not text:
        return DateReading(None, True, "")
    bare = _TIME_PART.sub("", text).strip()
    for pattern in (_CHINESE, _SEPARATED, _COMPACT):
        match = pattern.match(bare)
        if match:
            found = _checked(*match.groups())
            return DateReading(found, found is not None, text)
    if _YEAR.match(bare):
        found = _checked(bare, None, None)
        return DateReading(found, found is not None, text)
    if _SERIAL.match(bare):
        found = from_serial(float(bare))
        return DateReading(found, found is not None, text)
    return DateReading(None, False, text)
