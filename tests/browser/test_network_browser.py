"""The network page in Chromium with the network cut off: drawn, offline, clickable."""

import pytest

from sistercities.dataset import load_dataset
from sistercities.network.graph import PAIR, build_graph
from sistercities.paths import DEFAULT_DATA_DIR
from tests.browser.conftest import assert_no_streamlit_exception, screenshot
from tools.serving import wait_for_app

PLOT = '[data-testid="stPlotlyChart"]'


def open_network(page, url):
    page.goto(url)
    wait_for_app(page)
    page.wait_for_selector(f"{PLOT} .scatterlayer .trace", timeout=30_000)
    wait_for_app(page)


def drawn_points(page) -> int:
    return page.locator(f"{PLOT} .scatterlayer .trace path.point").count()


def line_segments_per_trace(page) -> list[int]:
    """Line segments drawn by each line trace (plotly draws one path per gap-separated run)."""
    return page.evaluate(
        """() => [...document.querySelectorAll(
            '[data-testid="stPlotlyChart"] .scatterlayer .trace')]
            .map(t => t.querySelectorAll('path.js-line').length).filter(n => n > 0)"""
    )


def shipped_pair_edges(view: str) -> int:
    data = load_dataset(DEFAULT_DATA_DIR).dataset
    graph = build_graph(data.links, data.places, view)
    return sum(1 for *_, d in graph.edges(data=True) if d["kind"] == PAIR)


def clean_and_shot(offline_page, name: str) -> None:
    """Nothing left the machine, no page error; keep a screenshot to look at."""
    assert offline_page.external == []
    assert offline_page.page_errors == []
    screenshot(offline_page.page, name)


def test_network_offline_in_chinese(server, offline_page):
    page = offline_page.page
    open_network(page, server.url + "/network")
    assert_no_streamlit_exception(page)
    text = page.inner_text("body")
    assert "友城网络图" in text and "连接最多的广西城市" in text and "数据截至" in text
    assert drawn_points(page) > 50  # every place of the shipped pairs is a marker
    # Part-of ties and sister-city pairs: two line traces, one segment per pair.
    segments = line_segments_per_trace(page)
    assert len(segments) == 2 and segments[1] == shipped_pair_edges("place")
    clean_and_shot(offline_page, "network-zh")


def test_network_country_view_in_english(server, offline_page):
    page = offline_page.page
    open_network(page, server.url + "/network?lang=en&view=country")
    assert_no_streamlit_exception(page)
    text = page.inner_text("body")
    assert "Countries with the most pairs" in text and "Communities" in text
    assert drawn_points(page) > 20
    assert line_segments_per_trace(page)[1] == shipped_pair_edges("country")
    clean_and_shot(offline_page, "network-country-en")


def test_click_selects_a_node_and_highlights_it(server, offline_page):
    page = offline_page.page
    open_network(page, server.url + "/network?view=continent")
    # The first node trace (node traces carry labels) is Guangxi's: its first point a unit.
    point = page.locator(f"{PLOT} .scatterlayer .trace:has(.textpoint) path.point").first
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("() => location.search.includes('sel=cn-')", timeout=20_000)
    wait_for_app(page)
    page.wait_for_selector(f"{PLOT} .scatterlayer .trace", timeout=30_000)
    assert "已选中" in page.inner_text("body")
    # The selection's pairs are drawn as a third line trace.
    assert len(line_segments_per_trace(page)) == 3
    clean_and_shot(offline_page, "network-selected")


LABEL_BOXES = """() => [...document.querySelectorAll(
    '[data-testid="stPlotlyChart"] .scatterlayer .textpoint text')]
    .filter(t => t.textContent.trim())
    .map(t => { const r = t.getBoundingClientRect();
                return [t.textContent, r.left, r.top, r.right, r.bottom]; })"""


def colliding_labels(page) -> list[tuple[str, str]]:
    """Pairs of node labels whose drawn text boxes intersect."""
    boxes = page.evaluate(LABEL_BOXES)
    return [
        (a[0], b[0])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
    ]


@pytest.mark.parametrize(
    ("query", "width", "height"),
    [
        ("?lang=en", 1920, 1080),
        ("?lang=en&present=1", 1920, 1080),
        ("?lang=en&view=country", 1920, 1080),
        ("", 1920, 1080),
        ("?lang=en", 1366, 768),
    ],
)
def test_node_labels_never_collide(server, browser, query, width, height):
    """Labels are thinned (most-connected first) so none is drawn over another (#19 §5)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        open_network(page, server.url + "/network" + query)
        assert len(page.evaluate(LABEL_BOXES)) >= 5  # Nanning, the region, the cities ...
        assert colliding_labels(page) == []
    finally:
        context.close()
