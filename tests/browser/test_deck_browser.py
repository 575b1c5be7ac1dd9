"""The meeting-room deck in Chromium at 1920x1080 and 1280x720: live and as a file, offline.

Each slide's chart box is measured against the viewport: the chart covers at least 75 % of
the screen (slides 2-5), a map's or the network's drawing at least 60 % of its width, no
legend over the plot, no scrolling. The live deck is driven by key presses and real clicks;
the file is opened from ``file://`` with every other request aborted. Screenshots of every
slide in both themes land in test-artifacts/ (deck-live-*, deck-file-*).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from sistercities.dataset import load_dataset
from sistercities.deck.build import deck_file
from sistercities.deck.slides import deck_input
from sistercities.paths import data_dir
from tests.browser.conftest import assert_no_streamlit_exception, screenshot
from tests.browser.test_map_click import CLICKABLE, Traffic
from tools.serving import wait_for_app

pytestmark = pytest.mark.browser
SCREENS = [(1920, 1080), (1280, 720)]
FILE_SCREENS = [*SCREENS, (3840, 2160)]  # the file also on a 4K screen at 100 %
FILLED = {2, 3, 4, 5}  # the chart covers at least 75 % of the screen
WIDE = {2, 3, 5}  # the drawing spans at least 60 % of the screen's width

# The chart's box, its drawing (a map's ocean layer or the plot area), the legend, the smallest
# text, and the page's scroll size, measured in the chart ``root`` (a CSS selector).
MEASURE = """(root) => {
  const chart = document.querySelector(root);
  const box = (el) => { const r = el.getBoundingClientRect();
                        return [r.left, r.top, r.right, r.bottom]; };
  const ocean = chart.querySelector('.geolayer .layer.ocean');
  const plot = ocean || chart.querySelector('.nsewdrag');
  const legend = chart.querySelector('g.legend');
  const sizes = Array.from(chart.querySelectorAll('svg text'))
    .filter((t) => t.getBoundingClientRect().width > 0 && t.textContent.trim())
    .map((t) => parseFloat(getComputedStyle(t).fontSize));
  const doc = document.scrollingElement || document.documentElement;
  return {chart: box(chart), plot: plot ? box(plot) : null, legend: legend ? box(legend) : null,
          minFont: Math.min(...sizes), scrollW: doc.scrollWidth, scrollH: doc.scrollHeight,
          width: innerWidth, height: innerHeight};
}"""


def clip(rect: list[float], width: int, height: int) -> list[float]:
    return [max(rect[0], 0), max(rect[1], 0), min(rect[2], width), min(rect[3], height)]


def area(rect: list[float]) -> float:
    return max(0.0, rect[2] - rect[0]) * max(0.0, rect[3] - rect[1])


def overlap(one: list[float], two: list[float]) -> float:
    return area(
        [max(one[0], two[0]), max(one[1], two[1]), min(one[2], two[2]), min(one[3], two[3])]
    )


def check_slide(found: dict, number: int, scale_text: bool) -> None:
    """The shares, the legend beside the plot, no scrolling, readable text."""
    width, height = found["width"], found["height"]
    chart = clip(found["chart"], width, height)
    assert found["scrollW"] <= width and found["scrollH"] <= height, (number, found)
    assert found["chart"][3] <= height + 1, (number, "the chart runs off the screen")
    if number in FILLED:
        assert area(chart) >= 0.75 * width * height, (number, area(chart) / (width * height))
    plot = clip(found["plot"], width, height)
    if number in WIDE:
        assert plot[2] - plot[0] >= 0.6 * width, (number, (plot[2] - plot[0]) / width)
    if found["legend"]:
        assert overlap(found["legend"], plot) == 0, (number, found["legend"], plot)
    # labels, legends, ticks: 18 px at 1080p, scaled with the screen height
    least = 18 * (height / 1080 if scale_text else 1) - 0.5
    assert found["minFont"] >= least, (number, found["minFont"])


# ----------------------------------------------------------------------------- the file


@pytest.fixture(scope="module")
def deck_files(tmp_path_factory) -> dict[str, Path]:
    data = load_dataset(data_dir()).dataset
    assert data is not None
    folder = tmp_path_factory.mktemp("deck")
    files = {}
    for theme in ("light", "dark"):
        deck, _ = deck_input(data, "", "en", theme)
        path = folder / f"deck-{theme}.html"
        path.write_text(deck_file(deck), encoding="utf-8")
        files[theme] = path
    return files


def open_file(browser, path: Path, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, offline=True)
    page = context.new_page()
    external: list[str] = []
    errors: list[str] = []

    def route(request_route) -> None:
        if request_route.request.url.startswith("file://"):
            request_route.continue_()
        else:
            external.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    return context, page, external, errors


def wait_drawn(page, number: int, started: float) -> float:
    """Seconds from ``started`` until slide ``number`` is shown and its chart drawn."""
    page.wait_for_function(
        "(n) => { const s = document.querySelector('.slide.shown');"
        " return s && s.id === 'slide-' + n && s.querySelector('.main-svg') &&"
        " (s.querySelector('.geolayer path, .scatterlayer path, .plot path')); }",
        arg=number,
        timeout=10_000,
    )
    return time.monotonic() - started


@pytest.mark.parametrize(("width", "height"), FILE_SCREENS)
def test_file_deck_fills_the_screen_offline_and_turns_on_keys(browser, deck_files, width, height):
    context, page, external, errors = open_file(browser, deck_files["light"], width, height)
    try:
        wait_drawn(page, 1, time.monotonic())
        keys = {2: "ArrowRight", 3: "PageDown", 4: "4", 5: "ArrowRight", 6: "End"}
        for number in range(1, 7):
            if number > 1:
                started = time.monotonic()
                page.keyboard.press(keys[number])
                assert wait_drawn(page, number, started) < 2.0, number
            # one slide laid out at a time
            shown = page.evaluate(
                "() => Array.from(document.querySelectorAll('.slide'))"
                ".filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.id)"
            )
            assert shown == [f"slide-{number}"]
            page.wait_for_timeout(300)
            check_slide(page.evaluate(MEASURE, ".slide.shown .chart"), number, True)
            if width == 1920:
                screenshot(page, f"deck-file-light-{number}")
        page.keyboard.press("Home")
        wait_drawn(page, 1, time.monotonic())
        # P plays the years: the growth line restarts in 1979 and grows; P again stops it
        points = "() => document.querySelector('.slide.shown .chart').data[0].x.length"
        full = page.evaluate(points)
        page.keyboard.press("p")
        page.wait_for_timeout(700)
        playing = page.evaluate(points)
        page.wait_for_timeout(700)
        assert playing < page.evaluate(points) < full
        page.keyboard.press("p")
        page.wait_for_timeout(500)
        stopped = page.evaluate(points)
        page.wait_for_timeout(800)
        assert page.evaluate(points) == stopped < full
        page.keyboard.press("PageUp")  # nothing before the first slide
        page.wait_for_timeout(200)
        assert page.evaluate("() => document.querySelector('.slide.shown').id") == "slide-1"
        page.get_by_role("button", name="Next").first.click()  # the on-screen buttons
        wait_drawn(page, 2, time.monotonic())
        assert external == [] and errors == []
    finally:
        context.close()


def test_file_deck_dark_theme_every_slide(browser, deck_files):
    context, page, external, errors = open_file(browser, deck_files["dark"], 1920, 1080)
    try:
        for number in range(1, 7):
            page.keyboard.press(str(number))
            wait_drawn(page, number, time.monotonic())
            page.wait_for_timeout(300)
            check_slide(page.evaluate(MEASURE, ".slide.shown .chart"), number, True)
            background = page.evaluate(
                "() => getComputedStyle(document.querySelector('.slide.shown .deck-band'))"
                ".backgroundColor"
            )
            assert background == "rgb(13, 21, 32)"
            screenshot(page, f"deck-file-dark-{number}")
        assert external == [] and errors == []
    finally:
        context.close()


# ----------------------------------------------------------------------------- live


def open_live(browser, url: str, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    page = context.new_page()
    traffic = Traffic()
    traffic.attach(page)
    page.goto(url)
    wait_for_app(page)
    return context, page, traffic


def live_slide(page, number: int) -> None:
    """Wait until slide ``number`` is in the URL and its chart is drawn."""
    page.wait_for_function("(n) => location.search.includes('slide=' + n)", arg=number)
    page.wait_for_selector(f".deck-band[data-slide='{number}']", state="attached", timeout=60_000)
    page.wait_for_selector(".st-key-deck-chart .main-svg", state="attached", timeout=60_000)
    wait_for_app(page)
    page.wait_for_timeout(1200)
    assert_no_streamlit_exception(page)


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_live_deck_fills_the_screen_and_turns_on_keys(server, browser, width, height):
    context, page, _ = open_live(browser, server.url + "/map?present=1&lang=en", width, height)
    try:
        live_slide(page, 2)  # /map opens on slide 2
        assert page.locator('[data-testid="stSidebar"]').is_hidden()
        order = [(2, None), (3, "ArrowRight"), (4, "PageDown"), (5, "5"), (6, "End"), (1, "Home")]
        for number, key in order:
            if key:
                page.keyboard.press(key)
            live_slide(page, number)
            check_slide(page.evaluate(MEASURE, ".st-key-deck-chart .js-plotly-plot"), number, True)
            if width == 1920:
                screenshot(page, f"deck-live-light-{number}")
        page.keyboard.press("ArrowLeft")  # nothing before slide 1: the button is disabled
        page.wait_for_timeout(1500)
        assert "slide=1" in page.url
        page.get_by_role("button", name="▶").click()  # the on-screen fallback
        live_slide(page, 2)
    finally:
        context.close()


def test_live_deck_slide_in_the_url_wins_and_dark_theme(server, browser):
    url = server.url + "/network?present=1&lang=en&slide=3&theme=dark"
    context, page, _ = open_live(browser, url, 1920, 1080)
    try:
        live_slide(page, 3)
        assert "theme=dark" in page.url
        for number in range(1, 7):
            page.keyboard.press(str(number))
            live_slide(page, number)
            check_slide(page.evaluate(MEASURE, ".st-key-deck-chart .js-plotly-plot"), number, True)
            screenshot(page, f"deck-live-dark-{number}")
        page.get_by_role("button", name="Leave the deck").click()
        page.wait_for_function("() => !location.search.includes('present=1')")
        assert "slide=" not in page.url and "theme=" not in page.url
    finally:
        context.close()


def test_live_deck_follows_the_filter_and_language_and_plays(server, browser):
    data = load_dataset(data_dir()).dataset
    assert data is not None
    japan = len(deck_input(data, "country=JPN", "zh")[0].links)
    url = server.url + "/?present=1&country=JPN"
    context, page, _ = open_live(browser, url, 1920, 1080)
    try:
        live_slide(page, 1)
        band = page.inner_text(".st-key-deck-bar")
        assert "日本" in band and "第 1 / 6 页" in band
        facts = page.inner_text(".deck-facts")
        assert facts.split()[0] == str(japan)
        points = (
            "() => document.querySelector('.st-key-deck-chart .js-plotly-plot').calcdata[0].length"
        )
        full = page.evaluate(points)
        page.keyboard.press("p")  # the years play on the live slide too
        page.wait_for_function(f"() => ({points})() < {full}", timeout=5_000)
        page.keyboard.press("p")
    finally:
        context.close()


CLICK_CASES = [
    *((2, "/", "place", width, height) for width, height in SCREENS),  # the world map
    (5, "/network", "node", 1920, 1080),  # the network
]


@pytest.mark.parametrize(("slide", "path", "kind", "width", "height"), CLICK_CASES)
def test_live_slide_click_selects_once_and_shows_a_callout(
    server, browser, slide, path, kind, width, height
):
    """A real mouse click on a partner selects it once and names it in one callout."""
    context, page, traffic = open_live(
        browser, f"{server.url}{path}?present=1&lang=en&slide={slide}", width, height
    )
    try:
        live_slide(page, slide)
        page.wait_for_selector(".st-key-deck-chart path.point", state="attached")
        clickable = page.evaluate(CLICKABLE)
        partners = sorted(p for p in clickable if p and not p.startswith("cn-"))
        assert partners, f"no clickable partner {kind} on slide {slide}"
        x, y = clickable[partners[0]]
        page.mouse.click(x, y)
        page.wait_for_function("(id) => location.search.includes('sel=' + id)", arg=partners[0])
        wait_for_app(page)
        traffic.wait_quiet(page)
        settled, start = page.url, time.monotonic()
        while time.monotonic() - start < 8:
            page.wait_for_timeout(250)
            assert page.url == settled, "the selection changed again after one click"
        assert traffic.since(start) == 0, "the page reran with no interaction"
        callout = page.evaluate(
            "() => Array.from(document.querySelectorAll('.st-key-deck-chart .annotation-text'))"
            ".map((t) => t.textContent)"
        )
        # one callout: the partner's name, its pairs, its Guangxi partners
        assert len(callout) == 1 and re.search(r"\d+ pairs?:", callout[0]), callout
        assert f"slide={slide}" in page.url
        screenshot(page, f"deck-live-selected-slide{slide}-{width}")
    finally:
        context.close()
