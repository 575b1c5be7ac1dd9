"""Table validators of the data contract: every problem at once, never an exception."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from sistercities.contract import checks
from sistercities.contract.problems import Problem, problem
from sistercities.contract.schema import (
    ADMIN_TYPES,
    CONFIDENCES,
    CONTINENTS,
    LEVELS,
    SIDES,
    STATUSES,
    TABLE_SPECS,
    link_id_for,
)

_FOREIGN_ID = re.compile(r"^[a-z]{3}-[a-z0-9]+(?:-[a-z0-9]+)*$")
_CHINA_ID = re.compile(r"^cn-\d{6}$")


def validate_places(
    frame: pd.DataFrame, label: str, known_iso3: set[str] | None, today: dt.date
) -> list[Problem]:
    """Check places.csv: ids, names, types, countries and coordinates."""
    del today
    spec = TABLE_SPECS["places"]
    found = checks.missing_columns(frame, spec.required, label)
    found += checks.blank_required(frame, ("place_id", "admin_type", "country_iso3"), label)
    found += _blank_names(frame, label)
    found += checks.duplicates(frame, ("place_id",), label, "val.duplicate_id")
    found += checks.bad_choices(frame, "admin_type", ADMIN_TYPES, label)
    found += checks.bad_numbers(frame, "lat", -90, 90, "val.lat_range", label)
    found += checks.bad_numbers(frame, "lon", -180, 180, "val.lon_range", label)
    found += _half_coordinates(frame, label)
    if known_iso3 is not None:
        found += checks.unknown_refs(frame, "country_iso3", known_iso3, label, "val.unknown_iso3")
    found += _bad_place_ids(frame, label)
    if "parent_id" in frame and "place_id" in frame:
        known = set(frame["place_id"])
        found += checks.unknown_refs(frame, "parent_id", known, label, "val.unknown_place")
    return found


def _blank_names(frame: pd.DataFrame, label: str) -> list[Problem]:
    """A place needs at least one name; report rows where both are blank."""
    if "name_zh" not in frame or "name_en" not in frame:
        return []
    blank = (frame["name_zh"] == "") & (frame["name_en"] == "")
    return [
        problem(label, "val.required", checks.row_number(i), "name_en") for i in frame.index[blank]
    ]


def _half_coordinates(frame: pd.DataFrame, label: str) -> list[Problem]:
    """Coordinates are given as a pair or left blank together (location unknown)."""
    if "lat" not in frame or "lon" not in frame:
        return []
    half = (frame["lat"] == "") != (frame["lon"] == "")
    return [
        problem(
            label,
            "val.required",
            checks.row_number(i),
            "lat" if frame.at[i, "lat"] == "" else "lon",
        )
        for i in frame.index[half]
    ]


def _bad_place_ids(frame: pd.DataFrame, label: str) -> list[Problem]:
    """Ids follow ``cn-<admin_code>`` in China and ``<iso3>-<slug>`` elsewhere."""
    if not {"place_id", "country_iso3"} <= set(frame.columns):
        return []
    found = []
    for index, row in frame.iterrows():
        place_id, iso3 = row["place_id"], row["country_iso3"]
        if not place_id:
            continue
        if iso3 == "CHN":
            ok, expected = bool(_CHINA_ID.match(place_id)), "cn-<admin_code>"
            code_col = row.get("admin_code", "")
            if ok and code_col and place_id != f"cn-{code_col}":
                ok, expected = False, f"cn-{code_col}"
        else:
            ok = bool(_FOREIGN_ID.match(place_id)) and place_id.startswith(f"{iso3.lower()}-")
            expected = f"{iso3.lower()}-<slug>"
        if not ok:
            found.append(
                problem(
                    label,
                    "val.bad_place_id",
                    checks.row_number(index),
                    "place_id",
                    expected=expected,
                )
            )
    return found


def validate_links(
    frame: pd.DataFrame,
    label: str,
    places: pd.DataFrame | None,
    today: dt.date,
) -> list[Problem]:
    """Check links.csv: ids, ends, level, dates, status, sources and confidence."""
    spec = TABLE_SPECS["links"]
    found = checks.missing_columns(frame, spec.required, label)
    found += checks.blank_required(frame, ("link_id", "home_place_id", "partner_place_id"), label)
    found += checks.blank_required(frame, ("level", "status", "confidence"), label)
    found += checks.duplicates(frame, ("link_id",), label, "val.duplicate_id")
    found += checks.bad_choices(frame, "level", LEVELS, label)
    found += checks.bad_choices(frame, "status", STATUSES, label)
    found += checks.bad_choices(frame, "confidence", CONFIDENCES, label)
    found += checks.bad_dates(frame, "established", label, today)
    found += checks.bad_dates(frame, "ended", label, today)
    found += checks.missing_sources(frame, label)
    found += checks.bad_urls(frame, "source_url", label)
    found += _link_shape(frame, label)
    if places is not None and "place_id" in places:
        found += _link_ends(frame, places, label)
    return found


def _link_shape(frame: pd.DataFrame, label: str) -> list[Problem]:
    """Link ids match their ends; no self links; no pair twice; status agrees with ``ended``."""
    if not {"link_id", "home_place_id", "partner_place_id"} <= set(frame.columns):
        return []
    found = []
    for index, row in frame.iterrows():
        expected = link_id_for(row["home_place_id"], row["partner_place_id"])
        row_no = checks.row_number(index)
        if row["link_id"] and row["link_id"] != expected:
            found.append(problem(label, "val.bad_link_id", row_no, "link_id", expected=expected))
        if row["home_place_id"] and row["home_place_id"] == row["partner_place_id"]:
            found.append(problem(label, "val.self_link", row_no, "partner_place_id"))
        ended, status = row.get("ended", ""), row.get("status", "")
        if (status == "ended") != bool(ended) and status in STATUSES:
            found.append(problem(label, "val.status_mismatch", row_no, "status", "warning"))
    pair_key = frame[["home_place_id", "partner_place_id"]].copy()
    found += checks.duplicates(
        pair_key, ("home_place_id", "partner_place_id"), label, "val.duplicate_pair"
    )
    return found


def _link_ends(frame: pd.DataFrame, places: pd.DataFrame, label: str) -> list[Problem]:
    """Both ends must be known places; home in China, partner abroad."""
    known = set(places["place_id"])
    found = checks.unknown_refs(frame, "home_place_id", known, label, "val.unknown_place")
    found += checks.unknown_refs(frame, "partner_place_id", known, label, "val.unknown_place")
    if "country_iso3" not in places:
        return found
    country = dict(zip(places["place_id"], places["country_iso3"], strict=False))
    for index, row in frame.iterrows():
        home, partner = row.get("home_place_id", ""), row.get("partner_place_id", "")
        if home in country and country[home] != "CHN":
            found.append(
                problem(
                    label,
                    "val.home_not_home",
                    checks.row_number(index),
                    "home_place_id",
                    value=home,
                )
            )
        if partner in country and country[partner] == "CHN":
            found.append(
                problem(
                    label,
                    "val.partner_is_home",
                    checks.row_number(index),
                    "partner_place_id",
                    value=partner,
                )
            )
    return found


def validate_countries(frame: pd.DataFrame, label: str) -> list[Problem]:
    """Check countries.csv."""
    spec = TABLE_SPECS["countries"]
    found = checks.missing_columns(frame, spec.required, label)
    found += checks.blank_required(frame, spec.required, label)
    found += checks.duplicates(frame, ("iso3",), label, "val.duplicate_id")
    found += checks.bad_choices(frame, "continent", CONTINENTS, label)
    found += checks.bad_numbers(frame, "asean_since", 1967, 2100, "val.bad_date", label)
    return found


def validate_official_totals(frame: pd.DataFrame, label: str, today: dt.date) -> list[Problem]:
    """Check official_totals.csv."""
    spec = TABLE_SPECS["official_totals"]
    found = checks.missing_columns(frame, spec.required, label)
    found += checks.blank_required(frame, spec.required, label)
    found += checks.bad_dates(frame, "date", label, today)
    found += checks.bad_numbers(frame, "value", 0, 10**9, "val.not_number", label)
    found += checks.bad_urls(frame, "source_url", label)
    found += checks.duplicates(frame, ("date", "measure"), label, "val.duplicate_id")
    return found


def validate_fields(frame: pd.DataFrame, label: str) -> list[Problem]:
    """Check alliance/fields.csv."""
    spec = TABLE_SPECS["fields"]
    found = checks.missing_columns(frame, spec.required, label)
    found += checks.blank_required(frame, spec.required, label)
    found += checks.duplicates(frame, ("field_id",), label, "val.duplicate_id")
    return found


def validate_members(
    frame: pd.DataFrame,
    label: str,
    known_places: set[str] | None,
    known_fields: set[str] | None,
    today: dt.date,
) -> list[Problem]:
    """Check alliance/members.csv."""
    spec = TABLE_SPECS["members"]
    found = checks.missing_columns(frame, spec.required, label)
    found += checks.blank_required(frame, spec.required, label)
    found += _blank_names(frame, label)
    found += checks.duplicates(frame, ("member_id",), label, "val.duplicate_id")
    found += checks.bad_choices(frame, "side", SIDES, label)
    found += checks.bad_choices(frame, "confidence", CONFIDENCES, label)
    found += checks.bad_dates(frame, "joined", label, today)
    found += checks.missing_sources(frame, label)
    found += checks.bad_urls(frame, "source_url", label)
    if known_places is not None:
        found += checks.unknown_refs(frame, "place_id", known_places, label, "val.unknown_place")
    if known_fields is not None:
        found += checks.unknown_refs(
            frame, "fields", known_fields, label, "val.unknown_field", multi=True
        )
    return found


def validate_ties(
    frame: pd.DataFrame,
    label: str,
    known_members: set[str] | None,
    known_fields: set[str] | None,
    today: dt.date,
) -> list[Problem]:
    """Check alliance/ties.csv."""
    spec = TABLE_SPECS["ties"]
    found = checks.missing_columns(frame, spec.required, label)
    found += checks.blank_required(frame, spec.required, label)
    found += checks.bad_dates(frame, "since", label, today)
    found += checks.missing_sources(frame, label)
    found += checks.bad_urls(frame, "source_url", label)
    found += checks.duplicates(frame, spec.key, label, "val.duplicate_pair")
    if known_members is not None:
        for column in ("guangxi_member_id", "foreign_member_id"):
            found += checks.unknown_refs(frame, column, known_members, label, "val.unknown_member")
    if known_fields is not None:
        found += checks.unknown_refs(frame, "field_id", known_fields, label, "val.unknown_field")
    return found
