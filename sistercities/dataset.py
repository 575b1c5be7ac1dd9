"""Load a whole data folder into typed tables and validate it, in one call."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from sistercities.contract import enrich, validation
from sistercities.contract.problems import Problem, errors, problem
from sistercities.contract.reading import read_csv_file
from sistercities.contract.schema import (
    ALLIANCE_DIR,
    COUNTRIES_CSV,
    DATASET_JSON,
    DATASET_KEYS,
    FACTS_JSON,
    FIELDS_CSV,
    LINKS_CSV,
    MEMBERS_CSV,
    OFFICIAL_TOTALS_CSV,
    PLACES_CSV,
    TABLE_SPECS,
    TIES_CSV,
)

FACTS_KEYS = ("name_zh", "name_en", "founded", "place_id", "founding_counts", "sources")


@dataclass(frozen=True, eq=False)
class Alliance:
    """The vocational education alliance: founding facts, fields, members and explicit ties."""

    facts: dict[str, Any]
    fields: pd.DataFrame
    members: pd.DataFrame
    ties: pd.DataFrame


@dataclass(frozen=True, eq=False)
class Dataset:
    """Everything the app shows, as typed tables.

    ``links`` carries derived columns (names, countries, continent, ASEAN flag, dates);
    see :func:`sistercities.contract.enrich.enrich_links`.
    """

    folder: Path
    meta: dict[str, Any]
    places: pd.DataFrame
    links: pd.DataFrame
    countries: pd.DataFrame
    official_totals: pd.DataFrame
    alliance: Alliance
    version: str

    @property
    def as_of(self) -> dt.date:
        """The date the data describes (dataset.json's ``as_of``)."""
        return dt.date.fromisoformat(str(self.meta["as_of"]))

    @property
    def synthetic(self) -> bool:
        """True for fictional data (dataset.json's optional ``"synthetic": true``)."""
        return self.meta.get("synthetic") is True


@dataclass
class LoadResult:
    """A loaded dataset (None when errors prevent building it) and every problem found."""

    dataset: Dataset | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there is a dataset and no error-level problem."""
        return self.dataset is not None and not errors(self.problems)


def dataset_version(folder: Path) -> str:
    """A cheap fingerprint of the folder's data files (names, sizes, modification times)."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*")) + sorted((folder / ALLIANCE_DIR).glob("*")):
        if path.is_file() and path.suffix in {".csv", ".json"}:
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


def load_dataset(
    folder: Path, today: dt.date | None = None, check_locations: bool = False
) -> LoadResult:
    """Read and validate every file of ``folder``; return the dataset and all problems.

    ``check_locations`` adds the coarse coordinates-inside-country check, which reads GeoNames
    (about a second): the command line and editors' uploads use it, the app's start-up does not.
    """
    today = today or dt.date.today()
    found: list[Problem] = []
    meta = _read_json(folder / DATASET_JSON, DATASET_JSON, DATASET_KEYS, found)
    tables = {name: _read(folder, name, found) for name in _TABLE_FILES}
    found += _validate_tables(tables, today)
    if check_locations and tables["places"] is not None:
        from sistercities.contract.locations import outside_country

        found += outside_country(tables["places"], PLACES_CSV)
    facts = _read_json(folder / FACTS_JSON, FACTS_JSON, FACTS_KEYS, found)
    if meta is not None:
        found += _check_meta(meta, today)
    if errors(found) or meta is None or facts is None:
        return LoadResult(None, found)
    return LoadResult(_build(folder, meta, facts, tables), found)


_TABLE_FILES = {kind: spec.file_name for kind, spec in TABLE_SPECS.items()}


def _read(folder: Path, name: str, found: list[Problem]) -> pd.DataFrame | None:
    """Read one table; ``ties.csv`` is optional."""
    path = folder / _TABLE_FILES[name]
    if name == "ties" and not path.exists():
        return pd.DataFrame(columns=list(TABLE_SPECS["ties"].columns))
    result = read_csv_file(path, _TABLE_FILES[name])
    found.extend(result.problems)
    return result.frame


def _validate_tables(tables: dict[str, pd.DataFrame | None], today: dt.date) -> list[Problem]:
    """Run each table's validator with the cross-references that the other tables give."""
    countries, places = tables["countries"], tables["places"]
    fields, members = tables["fields"], tables["members"]
    iso3 = set(countries["iso3"]) if countries is not None and "iso3" in countries else None
    place_ids = set(places["place_id"]) if places is not None and "place_id" in places else None
    field_ids = set(fields["field_id"]) if fields is not None and "field_id" in fields else None
    member_ids = (
        set(members["member_id"]) if members is not None and "member_id" in members else None
    )
    found: list[Problem] = []
    if countries is not None:
        found += validation.validate_countries(countries, COUNTRIES_CSV)
    if places is not None:
        found += validation.validate_places(places, PLACES_CSV, iso3, today)
    if tables["links"] is not None:
        found += validation.validate_links(tables["links"], LINKS_CSV, places, today)
    if tables["official_totals"] is not None:
        found += validation.validate_official_totals(
            tables["official_totals"], OFFICIAL_TOTALS_CSV, today
        )
    if fields is not None:
        found += validation.validate_fields(fields, FIELDS_CSV)
    if members is not None:
        found += validation.validate_members(members, MEMBERS_CSV, place_ids, field_ids, today)
    if tables["ties"] is not None:
        found += validation.validate_ties(tables["ties"], TIES_CSV, member_ids, field_ids, today)
    return found


def _read_json(
    path: Path, label: str, keys: tuple[str, ...], found: list[Problem]
) -> dict[str, Any] | None:
    """Read a JSON object and report missing keys; None when unreadable."""
    try:
        value = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        found.append(problem(label, "val.file_missing"))
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        found.append(problem(label, "val.json", detail=str(exc)))
        return None
    if not isinstance(value, dict):
        found.append(problem(label, "val.json", detail="expected an object"))
        return None
    missing = [problem(label, "val.missing_key", column=k) for k in keys if k not in value]
    found.extend(missing)
    return None if missing else value


def _check_meta(meta: dict[str, Any], today: dt.date) -> list[Problem]:
    """dataset.json's ``as_of`` must be a real, past date; ``synthetic``, if given, a boolean."""
    flag = meta.get("synthetic", False)
    if not isinstance(flag, bool):
        return [problem(DATASET_JSON, "val.not_boolean", column="synthetic", value=flag)]
    try:
        as_of = dt.date.fromisoformat(str(meta["as_of"]))
    except ValueError:
        return [problem(DATASET_JSON, "val.bad_date", column="as_of", value=meta["as_of"])]
    if as_of > today:
        return [problem(DATASET_JSON, "val.future_date", column="as_of", value=meta["as_of"])]
    return []


def _build(
    folder: Path,
    meta: dict[str, Any],
    facts: dict[str, Any],
    tables: dict[str, pd.DataFrame | None],
) -> Dataset:
    """Type and enrich validated tables into a Dataset."""
    frames = {name: frame for name, frame in tables.items() if frame is not None}
    places = enrich.type_places(frames["places"])
    countries = enrich.type_countries(frames["countries"])
    links = enrich.enrich_links(
        frames["links"], places, countries, dt.date.fromisoformat(str(meta["as_of"]))
    )
    alliance = Alliance(facts, frames["fields"], frames["members"], frames["ties"])
    totals = frames["official_totals"].assign(value=lambda f: pd.to_numeric(f["value"]).astype(int))
    return Dataset(
        folder, meta, places, links, countries, totals, alliance, dataset_version(folder)
    )
