"""The static edition in Chromium at 390x844, opened from file:// with every other request cut.

Every page of both languages: each chart drawn, the title inside the viewport, no legend over a
plot, a colour bar or a title, maps and the graph across at least 85% of the width, and no
sideways scrolling. Legend toggles and hover work as plotly's own, by mouse.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sistercities.cli import main
from tests.browser.conftest import screenshot
from tests.browser.figure_page import Box, boxes, overlap

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 390, 844
PAGES = [
    f"{folder}{name}.html"
    for folder in ("", "en/")
    for name in ("index", "map", "network", "alliance", "data")
]
DRAWN = (
    "Array.from(document.querySelectorAll('.plot'))"
    ".every(d => d.dataset.drawn === '1' || d.dataset.error)"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data's static edition, both languages."""
    out = tmp_path_factory.mktemp("static") / "site"
    assert main(["publish", "--out", str(out)]) == 0
    return out


@pytest.fixture
def phone(browser) -> Iterator[tuple[object, list[str], list[str]]]:
    """A 390x844 page that may read file:// only; other requests are aborted and recorded."""
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="zh-CN")
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, outside, errors
    context.close()


def open_drawn(page, url: str) -> None:
    """Open a page and wait until every chart has drawn (or failed)."""
    page.goto(url)
    page.wait_for_function(DRAWN, timeout=60_000)
    page.wait_for_timeout(200)


def plot_area(page, chart_id: str) -> Box:
    """The drawing area of a chart: the map's frame or the axes' area."""
    found = boxes(page, f"#{chart_id} g.geo") or boxes(page, f"#{chart_id} .nsewdrag")
    assert found, chart_id
    return max(found, key=lambda box: box["width"] * box["height"])


def check_chart(page, chart_id: str, shape: str) -> None:
    """No legend over the plot, a colour bar or a title; maps and graphs nearly full width."""
    area = plot_area(page, chart_id)
    legends = boxes(page, f"#{chart_id} g.legend")
    titles = boxes(page, "h1") + boxes(page, f"#{chart_id} ~ h2") + boxes(page, "section h2")
    others = [area, *boxes(page, f"#{chart_id} g.colorbar"), *titles]
    for legend in legends:
        for other in others:
            assert not overlap(legend, other), (chart_id, legend, other)
    if shape in {"map", "graph"}:
        assert area["width"] >= 0.85 * WIDTH, (chart_id, area["width"])


@pytest.mark.parametrize("path", PAGES)
def test_every_static_page_fits_a_phone_offline(site, phone, path):
    page, outside, errors = phone
    open_drawn(page, (site / path).as_uri())
    screenshot(page, f"publish-390-{path.replace('/', '-').removesuffix('.html')}")
    charts = page.evaluate(
        "Array.from(document.querySelectorAll('.plot'))"
        ".map(d => [d.id, d.className.split(' ')[1], d.dataset.drawn || '', d.dataset.error || ''])"
    )
    for chart_id, _shape, drawn, error in charts:
        assert drawn == "1" and not error, (chart_id, error)
        assert page.locator(f"#{chart_id} .main-svg").count() >= 1
    assert outside == [] and errors == []
    title = boxes(page, "h1")
    assert len(title) == 1
    box = title[0]
    assert box["x"] >= 0 and box["y"] >= 0 and box["right"] <= WIDTH and box["bottom"] <= HEIGHT
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow
    for chart_id, shape, _drawn, _error in charts:
        check_chart(page, chart_id, shape)
    if path.endswith(("map.html", "network.html", "alliance.html")) or "index" in path:
        assert charts, path  # every page but the table has charts


def test_legend_toggle_and_hover_work_by_mouse(site, phone):
    page, outside, _errors = phone
    open_drawn(page, (site / "network.html").as_uri())
    chart = "#plot-network"
    page.locator(chart).scroll_into_view_if_needed()
    item = page.locator(f"{chart} g.legend g.traces").nth(2)  # the first group of nodes
    name = item.locator("text.legendtext").text_content()
    visible = (
        "(name) => document.getElementById('plot-network').data"
        ".filter(d => d.name === name).map(d => d.visible)"
    )
    assert page.evaluate(visible, name) in ([None], [True])
    item.locator("rect.legendtoggle").click()
    page.wait_for_timeout(800)  # plotly waits out a possible double click first
    assert page.evaluate(visible, name) == ["legendonly"]
    # hover a node of another group: plotly's own tooltip appears
    point = page.locator(f"{chart} .scatterlayer .trace").nth(3).locator("path.point").first
    spot = point.bounding_box()
    assert spot is not None
    page.mouse.move(spot["x"] + spot["width"] / 2, spot["y"] + spot["height"] / 2)
    page.wait_for_selector(f"{chart} .hoverlayer .hovertext", timeout=5_000)
    assert page.locator(f"{chart} .hoverlayer .hovertext").count() >= 1
    assert outside == []


def test_maps_draw_from_file_with_the_topojson_script(site, phone):
    page, outside, errors = phone
    open_drawn(page, (site / "en" / "map.html").as_uri())
    # countries are drawn from the inlined topojson (the world map's base choropleth)
    assert page.locator("#plot-world-map g.geo path.choroplethlocation").count() > 100
    assert outside == [] and errors == []


@pytest.fixture
def served(site) -> Iterator[str]:
    """The site behind a plain static HTTP server on loopback."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", ["index.html", "map.html", "en/alliance.html"])
def test_charts_draw_from_a_static_server_with_the_network_cut_off(served, phone, path):
    page, _outside, errors = phone
    asked: list[str] = []
    page.context.unroute("**/*")

    def loopback_only(request_route) -> None:
        url = request_route.request.url
        asked.append(url)
        if url.startswith(served):
            request_route.continue_()
        else:
            request_route.abort()

    page.context.route("**/*", loopback_only)
    open_drawn(page, served + path)
    drawn = page.evaluate(
        "Array.from(document.querySelectorAll('.plot')).map(d => d.dataset.drawn)"
    )
    assert drawn and all(value == "1" for value in drawn)
    assert [url for url in asked if not url.startswith(served)] == []
    assert errors == []


@pytest.mark.parametrize("path", ["index.html", "map.html", "network.html", "en/alliance.html"])
def test_pages_hold_on_a_wide_screen(site, browser, path):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    page = context.new_page()
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
    )
    try:
        open_drawn(page, (site / path).as_uri())
        screenshot(page, f"publish-1920-{path.replace('/', '-').removesuffix('.html')}")
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        ids = page.evaluate("Array.from(document.querySelectorAll('.plot')).map(d => d.id)")
        assert ids
        for chart_id in ids:
            area = plot_area(page, chart_id)
            for legend in boxes(page, f"#{chart_id} g.legend"):
                assert not overlap(legend, area), (chart_id, legend, area)
            assert area["width"] >= 400, (chart_id, area)  # charts use the wide column
    finally:
        context.close()
