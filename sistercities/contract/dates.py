"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as the data contract writes them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """Return ``year``, ``month`` or ``day``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def start(self) -> dt.date:
        """First day of the period the date names (the counting rule)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str:
        """Return the date as written in the contract (YYYY, YYYY-MM or YYYY-MM-DD)."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def parse_partial_date(text: str) -> PartialDate | None:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; return None when it is not a valid date."""
    match = _PARTIAL_DATE.match(text.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if year < 1000:
        return None
    return PartialDate(year, month, day)


def is_future(date: PartialDate, today: dt.date) -> bool:
    """Return True when the period a date names starts after ``today``."""
    return date.start > today
