"""WCAG 2.1 A/AA (GB/T 37668) in Chromium: axe-core on every page, both languages, briefing mode.

No serious or critical violation may remain, and every chart has a text alternative (an
accessible name) that says what it shows. Screenshots: test-artifacts/a11y-*.png.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import assert_no_streamlit_exception, screenshot
from tools.serving import wait_for_app

pytestmark = pytest.mark.browser
PAGES = ("/", "/map", "/network", "/alliance", "/data")
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
CHART = '[data-testid="stPlotlyChart"]'


def open_page(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_timeout(2500)  # charts and fonts settle
    wait_for_app(page)
    assert_no_streamlit_exception(page)


def serious(page) -> list[str]:
    """axe-core's serious and critical violations, one line each with where they are."""
    found = Axe().run(page, options=RULES).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in found
        if v["impact"] in {"serious", "critical"}
    ]


def chart_names(page) -> list[str]:
    """Each chart's accessible name (aria-label on or inside its container)."""
    return page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].map((c) => {
             const named = c.matches('[aria-label]') ? c : c.querySelector('[aria-label]');
             return named ? named.getAttribute('aria-label') : '';
           })""",
        CHART,
    )


@pytest.mark.parametrize(
    "query", ["?lang=zh", "?lang=en", "?lang=zh&present=1", "?lang=en&present=1"]
)
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_axe_violation_and_every_chart_is_named(server, offline_page, path, query):
    page = offline_page.page
    open_page(page, server.url + path + query)
    if "present" in query and path != "/data":  # the deck's slide, drawn once it is built
        page.wait_for_selector(f"{CHART} .main-svg", state="attached", timeout=60_000)
    assert serious(page) == []
    names = chart_names(page)
    for name in names:
        assert len(name) > 20, names
    if path in {"/", "/map", "/network"} or ("present" in query and path != "/data"):  # deck
        assert names, "no chart found"
    if path == "/alliance":
        assert "132" in page.inner_text("body")  # the share of the official total, as elsewhere
    if path == "/" and "lang=en" in query and "present" not in query:
        assert any("Nanning 19" in name for name in names), names
        assert all("132" in name for name in names), names
    screenshot(
        page, f"a11y{path.replace('/', '-') or '-'}{query.replace('?', '-').replace('&', '-')}"
    )
