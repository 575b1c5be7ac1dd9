"""Rows and comparisons as plain records, for the command line, JSON and the data page."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from sistercities.contract.schema import Lang
from sistercities.i18n import t
from sistercities.importer.resolve import Match, RowResult


def _place(match: Match) -> dict[str, object]:
    """The chosen place of one side, with how it was found."""
    chosen = match.chosen
    return {
        "place_id": chosen.place_id if chosen else None,
        "name_zh": chosen.name_zh if chosen else None,
        "name_en": chosen.name_en if chosen else None,
        "lat": chosen.lat if chosen else None,
        "lon": chosen.lon if chosen else None,
        "new_place": bool(chosen and not chosen.existing),
        "method": match.method,
        "certainty": match.certainty,
        "candidates": [c.label() for c in match.candidates],
    }


def row_record(result: RowResult) -> dict[str, object]:
    """One resolved row as JSON-ready data."""
    source = result.source
    return {
        "row": source.row,
        "home_text": source.home,
        "partner_text": source.partner,
        "country_text": source.country,
        "home": _place(result.home),
        "partner": _place(result.partner),
        "iso3": result.iso3,
        "country_certainty": result.country_certainty,
        "established": result.date.iso() if result.date else None,
        "date_ok": result.date_ok,
        "level": result.level,
        "level_from": result.level_from,
        "certainty": result.certainty,
        "confident": result.confident,
    }


def rows_frame(results: Sequence[RowResult], lang: Lang) -> pd.DataFrame:
    """The resolution table shown to the editor: doubtful rows first."""
    order = sorted(results, key=lambda r: (r.confident, r.source.row))
    lines = []
    for result in order:
        home, partner = result.home.chosen, result.partner.chosen
        lines.append(
            {
                t("imp.col.row", lang): result.source.row,
                t("imp.col.certainty", lang): t(f"imp.certainty.{result.certainty}", lang),
                t("imp.col.home", lang): _shown(
                    result.source.home, home.place_id if home else None
                ),
                t("imp.col.country", lang): result.iso3 or "",
                t("imp.col.partner", lang): _shown(
                    result.source.partner, partner.place_id if partner else None
                ),
                t("imp.col.method", lang): t(f"imp.method.{result.partner.method}", lang),
                t("imp.col.coords", lang): _coords(result),
                t("imp.col.date", lang): _date(result, lang),
                t("imp.col.level", lang): t(f"level.{result.level}", lang) if result.level else "",
            }
        )
    return pd.DataFrame(lines)


def _shown(text: str, place_id: str | None) -> str:
    """``written → place id`` (or just what was written)."""
    return f"{text} → {place_id}" if place_id else text


def _coords(result: RowResult) -> str:
    """The partner's coordinates, if any."""
    chosen = result.partner.chosen
    if chosen is None or chosen.lat is None or chosen.lon is None:
        return ""
    return f"{chosen.lat:.4f}, {chosen.lon:.4f}"


def _date(result: RowResult, lang: Lang) -> str:
    """The date as the contract writes it, or a note that it could not be read."""
    if not result.date_ok:
        return t("imp.bad_date", lang, value=str(result.source.date))
    return result.date.iso() if result.date else ""


def describe_row(result: RowResult, lang: Lang) -> str:
    """One line per row for the command line."""
    record = row_record(result)
    home, partner = record["home"], record["partner"]
    assert isinstance(home, dict) and isinstance(partner, dict)
    where = f"({partner['lat']:.4f}, {partner['lon']:.4f})" if partner["lat"] is not None else "(-)"
    return t(
        "imp.cli.row",
        lang,
        row=result.source.row,
        home=result.source.home,
        home_id=home["place_id"] or "?",
        iso3=result.iso3 or "?",
        partner=result.source.partner,
        partner_id=partner["place_id"] or "?",
        where=where,
        method=t(f"imp.method.{result.partner.method}", lang),
        certainty=t(f"imp.certainty.{result.certainty}", lang),
        date=_date(result, lang) or "-",
        level=result.level or "?",
    )
