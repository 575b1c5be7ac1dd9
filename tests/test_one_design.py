"""One design across pages, checked on the figures the pages actually render (AppTest).

- Every world or regional geo map carries China's maritime boundary line, in one style.
- Each continent, and Guangxi, has one colour on the map, the network and the growth chart.
"""

from __future__ import annotations

import json
import re

import pytest

from geo.spatial import load_prefecture_geojson, maritime_line
from sistercities.contract.schema import CONTINENTS
from sistercities.figures.basemap import MARITIME_NAME
from sistercities.i18n import t
from tests.fixtures_data import LINKS, open_app_page, write_folder

GEO_TRACES = {"scattergeo", "choropleth"}


@pytest.fixture
def folder(tmp_path):
    # the region-level pair dated, so the growth map has every pair to draw
    return write_folder(tmp_path / "d", links_csv=LINKS.replace("province,,,", "province,2019,,"))


def specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def geo_specs(at) -> list[dict]:
    return [s for s in specs(at) if any(tr.get("type") in GEO_TRACES for tr in s["data"])]


def maritime_traces(spec: dict) -> list[dict]:
    return [tr for tr in spec["data"] if tr.get("meta") == MARITIME_NAME]


def rendered_geo_maps(folder, monkeypatch) -> dict[str, list[dict]]:
    """Every geo map each page draws, by page and view."""
    overview = open_app_page(folder, monkeypatch, "dashboard.py")
    maps = {"overview": geo_specs(overview)}
    for proj in ("flat", "globe", "guangxi"):
        maps[f"map-{proj}"] = geo_specs(
            open_app_page(folder, monkeypatch, "pages/1_map.py", proj=proj)
        )
    demo = open_app_page(folder, monkeypatch, "pages/3_alliance.py")
    maps["alliance"] = geo_specs(demo)
    return maps


def test_every_world_map_draws_the_maritime_line_in_one_style(folder, monkeypatch):
    maps = rendered_geo_maps(folder, monkeypatch)
    assert maps["overview"], "the overview's growth map is a geo map"
    assert maps["map-flat"] and maps["map-globe"] and maps["map-guangxi"] and maps["alliance"]
    styles = set()
    expected_points = sum(1 for lon in maritime_line()[0] if lon is not None)
    for page, figures in maps.items():
        for spec in figures:
            if page == "map-guangxi":
                continue  # the prefecture close-up: checked below
            lines = maritime_traces(spec)
            assert len(lines) == 1, f"{page}: no maritime boundary line"
            line = lines[0]
            assert sum(1 for lon in line["lon"] if lon is not None) == expected_points
            styles.add(json.dumps(line["line"], sort_keys=True))
    assert len(styles) == 1, f"the maritime line is drawn in several styles: {styles}"


def test_the_guangxi_closeup_frame_holds_no_part_of_the_line():
    """The close-up frames Guangxi's prefectures; the line lies wholly outside that frame."""
    lons, lats = [], []
    for feature in load_prefecture_geojson()["features"]:
        coords = json.dumps(feature["geometry"]["coordinates"])
        numbers = [float(n) for n in re.findall(r"-?\d+\.?\d*", coords)]
        lons += numbers[0::2]
        lats += numbers[1::2]
    inside = [
        (x, y)
        for x, y in zip(*maritime_line(), strict=True)
        if x is not None and min(lons) <= x <= max(lons) and min(lats) <= y <= max(lats)
    ]
    assert inside == []


def _colours_by_name(traces: list[dict], names: dict[str, str]) -> dict[str, str]:
    """Legend name (a continent, or Guangxi) -> marker or line colour of the matching traces."""
    found = {}
    for trace in traces:
        name = re.sub(r"[（(].*$", "", trace.get("name") or "").strip()
        if name in names:
            colour = (trace.get("marker") or {}).get("color") or (trace.get("line") or {}).get(
                "color"
            )
            if isinstance(colour, str):
                found[names[name]] = colour
    return found


def test_each_continent_and_guangxi_has_one_colour_across_pages(folder, monkeypatch):
    names = {t(f"continent.{c}", "zh"): c for c in CONTINENTS}
    names |= {"广西一方": "Guangxi", t("net.group.home", "zh"): "Guangxi"}
    world = open_app_page(folder, monkeypatch, "pages/1_map.py")
    network = open_app_page(folder, monkeypatch, "pages/2_network.py")
    overview = open_app_page(folder, monkeypatch, "dashboard.py")
    overview.segmented_control(key="w.ov.split").set_value("continent").run()
    pages = {
        "map": _colours_by_name(specs(world)[0]["data"], names),
        "network": _colours_by_name(specs(network)[0]["data"], names),
        "growth": _colours_by_name(
            next(s for s in specs(overview) if s["data"][0].get("stackgroup"))["data"], names
        ),
    }
    assert pages["map"]["Guangxi"] == pages["network"]["Guangxi"]
    shared = set(pages["map"]) & set(pages["network"]) & set(pages["growth"]) - {"Guangxi"}
    assert len(shared) >= 2, pages  # the tiny data has partners in Asia and Europe
    for continent in shared:
        colours = {page: found[continent] for page, found in pages.items()}
        assert len(set(colours.values())) == 1, f"{continent}: {colours}"
