"""The data contract: file names, column names and allowed values under the data folder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

DATASET_JSON = "dataset.json"
PLACES_CSV = "places.csv"
LINKS_CSV = "links.csv"
COUNTRIES_CSV = "countries.csv"
OFFICIAL_TOTALS_CSV = "official_totals.csv"
ALLIANCE_DIR = "alliance"
FACTS_JSON = "alliance/facts.json"
FIELDS_CSV = "alliance/fields.csv"
MEMBERS_CSV = "alliance/members.csv"
TIES_CSV = "alliance/ties.csv"

DATASET_KEYS = (
    "home_name_zh",
    "home_name_en",
    "home_admin_code",
    "as_of",
    "title_zh",
    "title_en",
    "source_note",
)

PLACES_COLUMNS = (
    "place_id",
    "name_zh",
    "name_en",
    "admin_type",
    "country_iso3",
    "lat",
    "lon",
    "admin_code",
    "parent_id",
    "coord_source",
    "notes",
)
PLACES_REQUIRED = ("place_id", "name_zh", "name_en", "admin_type", "country_iso3", "lat", "lon")
"""Columns a places.csv must have; ``lat``/``lon`` may be blank (location unknown), never half."""

LINKS_COLUMNS = (
    "link_id",
    "home_place_id",
    "partner_place_id",
    "level",
    "established",
    "ended",
    "status",
    "source_url",
    "source_note",
    "confidence",
    "notes",
)
LINKS_REQUIRED = (
    "link_id",
    "home_place_id",
    "partner_place_id",
    "level",
    "established",
    "status",
    "confidence",
)

COUNTRIES_COLUMNS = ("iso3", "name_zh", "name_en", "continent", "asean_since")
OFFICIAL_TOTALS_COLUMNS = ("date", "measure", "value", "source_url")
FIELDS_COLUMNS = ("field_id", "name_zh", "name_en")
MEMBERS_COLUMNS = (
    "member_id",
    "side",
    "name_zh",
    "name_en",
    "place_id",
    "fields",
    "joined",
    "role",
    "source_url",
    "source_note",
    "confidence",
)
MEMBERS_REQUIRED = ("member_id", "side", "place_id", "role", "confidence")
TIES_COLUMNS = (
    "guangxi_member_id",
    "foreign_member_id",
    "field_id",
    "since",
    "source_url",
    "source_note",
)

ADMIN_TYPES = ("province", "prefecture", "city", "county", "district", "other")
LEVELS = ("province", "prefecture", "county")
STATUSES = ("active", "ended")
CONFIDENCES = ("high", "medium", "low")
CONTINENTS = (
    "Asia",
    "Europe",
    "Africa",
    "North America",
    "South America",
    "Oceania",
    "Antarctica",
)
SIDES = ("guangxi", "foreign")
MULTI_SEPARATOR = ";"


@dataclass(frozen=True)
class TableSpec:
    """How a CSV table of the contract is recognised and checked."""

    kind: str
    file_name: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    key: tuple[str, ...]


CORE_TABLES = ("places", "links", "countries", "official_totals")
"""The tables beside dataset.json; the others sit in alliance/ beside facts.json."""

TABLE_SPECS: dict[str, TableSpec] = {
    "places": TableSpec("places", PLACES_CSV, PLACES_COLUMNS, PLACES_REQUIRED, ("place_id",)),
    "links": TableSpec("links", LINKS_CSV, LINKS_COLUMNS, LINKS_REQUIRED, ("link_id",)),
    "countries": TableSpec(
        "countries", COUNTRIES_CSV, COUNTRIES_COLUMNS, ("iso3", "name_en", "continent"), ("iso3",)
    ),
    "official_totals": TableSpec(
        "official_totals",
        OFFICIAL_TOTALS_CSV,
        OFFICIAL_TOTALS_COLUMNS,
        ("date", "measure", "value"),
        ("date", "measure"),
    ),
    "fields": TableSpec("fields", FIELDS_CSV, FIELDS_COLUMNS, FIELDS_COLUMNS, ("field_id",)),
    "members": TableSpec("members", MEMBERS_CSV, MEMBERS_COLUMNS, MEMBERS_REQUIRED, ("member_id",)),
    "ties": TableSpec(
        "ties",
        TIES_CSV,
        TIES_COLUMNS,
        ("guangxi_member_id", "foreign_member_id"),
        ("guangxi_member_id", "foreign_member_id", "field_id"),
    ),
}

"""Every CSV table of the contract, by kind: THE list (the loader reads it, the checks use it)."""

CONTRACT_FILES: tuple[str, ...] = (
    DATASET_JSON,
    *(spec.file_name for spec in TABLE_SPECS.values() if spec.kind in CORE_TABLES),
    FACTS_JSON,
    *(spec.file_name for spec in TABLE_SPECS.values() if spec.kind not in CORE_TABLES),
)
"""Every file of a data folder, in the store's order (the JSON files and every table)."""


def place_id_for_china(admin_code: str) -> str:
    """Return the place id of a Chinese unit, e.g. ``cn-450100``."""
    return f"cn-{admin_code}"


def link_id_for(home_place_id: str, partner_place_id: str) -> str:
    """Return the link id ``<home_place_id>--<partner_place_id>``."""
    return f"{home_place_id}--{partner_place_id}"
