"""The overview, briefing mode and the offline briefing file in Chromium, with no network.

Screenshots land in test-artifacts/ (overview-zh, overview-en, briefing-mode,
briefing-mode-next, offline-briefing) for a person to look at.
"""

from __future__ import annotations

import pytest

from sistercities.paths import STATIC_DIR
from tests.browser.conftest import assert_no_streamlit_exception, screenshot
from tests.fixtures_data import write_folder
from tools.serving import start_server, stop_server, wait_for_app

pytestmark = pytest.mark.browser
REAL_TOPOJSON = STATIC_DIR / "world_110m.json"


@pytest.fixture(scope="module")
def tiny_server(tmp_path_factory):
    running = start_server(write_folder(tmp_path_factory.mktemp("overview") / "data"))
    yield running
    stop_server(running)


def page_errors_besides_missing_topojson(errors: list[str]) -> list[str]:
    """Page errors; while static/world_110m.json is not built yet, its absence is expected."""
    if REAL_TOPOJSON.exists():
        return errors
    return [error for error in errors if "topojson" not in error]


def open_overview(offline_page, url: str):
    page = offline_page.page
    page.goto(url)
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    page.wait_for_timeout(1500)
    assert_no_streamlit_exception(page)
    return page


def test_overview_in_chinese(tiny_server, offline_page):
    page = open_overview(offline_page, tiny_server.url + "/")
    text = page.inner_text("body")
    for expected in (
        "友好城市对数",
        "数据截至 2024-11-12",
        "增长历程",
        "周年纪念规划",
        "排行",
        "导出",
    ):
        assert expected in text
    assert "官方于 2024-11-12 公布 132 对友城" in text
    assert page.locator(".js-plotly-plot").count() == 4
    # titles, dates and sources are drawn inside the charts (so they are in every download)
    assert page.locator(".js-plotly-plot .gtitle", has_text="友好城市数量逐年累计").count() == 1
    assert page.locator(".js-plotly-plot .annotation-text", has_text="数据截至").count() == 4
    assert offline_page.external == []
    assert page_errors_besides_missing_topojson(offline_page.page_errors) == []
    screenshot(page, "overview-zh")


def test_overview_in_english_with_a_filter_from_the_url(tiny_server, offline_page):
    page = open_overview(offline_page, tiny_server.url + "/?lang=en&asean=1")
    text = page.inner_text("body")
    assert "Sister-city pairs" in text and "As of 2024-11-12" in text
    assert "Partners: ASEAN countries" in text
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "2"
    assert "Anniversary planner" in text and "Growth over time" in text
    assert "asean=1" in page.url and "lang=en" in page.url
    assert offline_page.external == []
    screenshot(page, "overview-en")


def test_briefing_mode_is_the_deck_driven_by_keyboard(tiny_server, offline_page):
    page = open_overview(offline_page, tiny_server.url + "/?present=1&lang=en")
    page.wait_for_selector(".deck-band[data-slide='1']")
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.locator('[data-testid="stToolbar"]').is_visible()
    assert "Slide 1 of 6" in page.inner_text(".st-key-deck-bar")
    assert page.locator(".st-key-deck-chart .js-plotly-plot").count() == 1
    screenshot(page, "briefing-mode")
    # Tab reaches the deck's buttons
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.st-key-deck-bar')"):
            break
    assert page.evaluate("() => document.activeElement.tagName") == "BUTTON"
    # the right arrow shows the next slide, still in presentation mode, on the same page
    page.wait_for_function("() => window.__sisterCityDeckKeys === true")
    page.evaluate("() => document.activeElement.blur()")
    page.keyboard.press("ArrowRight")
    page.wait_for_selector(".deck-band[data-slide='2']", timeout=60_000)
    wait_for_app(page)
    assert "present=1" in page.url and "slide=2" in page.url
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    page.wait_for_timeout(1000)
    page.keyboard.press("ArrowLeft")
    page.wait_for_selector(".deck-band[data-slide='1']", timeout=60_000)
    wait_for_app(page)
    assert offline_page.external == []
    screenshot(page, "briefing-mode-next")


def growth_map(page, title: str):
    """The overview's growth map, found by its title."""
    return page.locator(".js-plotly-plot", has=page.locator(".gtitle", has_text=title))


def test_year_by_year_switch_builds_the_animation_and_play_runs_it(tiny_server, offline_page):
    page = open_overview(offline_page, tiny_server.url + "/")
    chart = growth_map(page, "目前的友城网络")
    chart.scroll_into_view_if_needed()
    # at first the network today: no play button, no year slider
    assert chart.locator(".updatemenu-button").count() == 0
    assert chart.locator(".slider-container").count() == 0
    switch = page.locator(".st-key-w-ov-animate label").first
    switch.scroll_into_view_if_needed()
    box = switch.bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + box["height"] / 2)  # a real click on the switch
    chart = growth_map(page, "友城网络逐年扩展")
    chart.locator(".updatemenu-button").first.wait_for(timeout=30_000)
    wait_for_app(page)
    current = chart.locator(".slider-container text", has_text="年份")  # "年份：2024"
    assert current.text_content().endswith("2024")  # the last year first, as before the switch
    play = chart.locator(".updatemenu-button", has_text="播放")
    play.scroll_into_view_if_needed()
    box = play.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function(
        "el => !el.textContent.endsWith('2024')", arg=current.element_handle(), timeout=10_000
    )
    screenshot(page, "overview-growth-map-playing")
    assert_no_streamlit_exception(page)
    assert offline_page.external == []
    assert page_errors_besides_missing_topojson(offline_page.page_errors) == []
