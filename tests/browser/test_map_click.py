"""Real mouse clicks on map points select once and the page then stays idle (issue #18).

Points are found through the figure's own data (each point's ``customdata`` ends with its
``place_id``), never by fixed pixels, and only where the point is the topmost element under its
centre, so the click lands on it as a person's would. After each click the test waits until the
page settles, then watches the URL and the websocket for 20 s: no URL change, no script run.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pytest

from tests.browser.conftest import assert_no_streamlit_exception, screenshot
from tools.serving import wait_for_app

pytestmark = pytest.mark.browser
CHART = '[data-testid="stPlotlyChart"]'
WATCH_SECONDS = 20

# Centres of the points of the first chart, keyed by place (or network node) id, for points
# that overlap no other point (plotly hands a click to the nearest point, so a point under
# another cannot be clicked reliably at its centre).
CLICKABLE = """() => {
  const chart = document.querySelector('[data-testid="stPlotlyChart"]');
  const points = [];
  for (const point of chart.querySelectorAll('.scatterlayer .trace path.point')) {
    const calc = point.closest('g.trace').__data__;
    const trace = calc && calc[0] && calc[0].trace;
    const data = trace && trace.customdata && trace.customdata[point.__data__.i];
    // map points: [kind, ..., place_id]; network nodes: the node id
    const id = typeof data === 'string' ? data
      : (Array.isArray(data) && data[0] === 'place' ? data[data.length - 1] : null);
    const box = point.getBoundingClientRect();
    if (!box.width) continue;
    points.push({id, x: box.x + box.width / 2, y: box.y + box.height / 2, r: box.width / 2});
  }
  const found = {};
  for (const p of points) {
    if (!p.id || p.x < 0 || p.y < 0 || p.x > innerWidth || p.y > innerHeight) continue;
    const alone = points.every(q => q === p || Math.hypot(p.x - q.x, p.y - q.y) > p.r + q.r + 2);
    if (alone) found[p.id] = [p.x, p.y];
  }
  return found;
}"""


@dataclass
class Traffic:
    """Websocket frames exchanged with the Streamlit server, with their times."""

    frames: list[float] = field(default_factory=list)

    def attach(self, page) -> None:
        def on_socket(socket) -> None:
            socket.on("framereceived", lambda _: self.frames.append(time.monotonic()))
            socket.on("framesent", lambda _: self.frames.append(time.monotonic()))

        page.on("websocket", on_socket)

    def since(self, moment: float) -> int:
        return sum(1 for t in self.frames if t >= moment)

    def wait_quiet(self, page, quiet: float = 1.5, limit: float = 30.0) -> None:
        """Wait until no frame has passed for ``quiet`` seconds (the run's last messages)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            last = max(self.frames, default=0.0)
            if time.monotonic() - last >= quiet:
                return
            page.wait_for_timeout(250)
        raise AssertionError(f"the page never went quiet within {limit:.0f} s of one click")


def query(page) -> str:
    return page.url.split("?", 1)[1] if "?" in page.url else ""


def open_page(page, traffic: Traffic, url: str) -> None:
    traffic.attach(page)
    page.goto(url)
    wait_for_app(page)
    page.wait_for_selector(f"{CHART} path.point", state="attached", timeout=60_000)
    page.wait_for_timeout(1500)
    assert_no_streamlit_exception(page)


def click_place(page, place_id: str) -> None:
    """A real mouse click on the centre of ``place_id``'s point."""
    points = page.evaluate(CLICKABLE)
    assert place_id in points, f"{place_id} is not clickable; clickable: {sorted(points)[:20]}"
    x, y = points[place_id]
    page.mouse.click(x, y)


def settle_then_watch(page, traffic: Traffic, expect_sel: str | None) -> None:
    """Wait for the click's one run, then 20 s of quiet with the URL unchanged."""
    wanted = f"sel={expect_sel}" if expect_sel else "sel="
    page.wait_for_function(
        "([wanted, present]) => location.search.includes(wanted) === present",
        arg=[wanted, expect_sel is not None],
        timeout=30_000,
    )
    wait_for_app(page)
    traffic.wait_quiet(page)
    settled, start = query(page), time.monotonic()
    seen = {settled}
    while time.monotonic() - start < WATCH_SECONDS:
        page.wait_for_timeout(250)
        seen.add(query(page))
    assert seen == {settled}, f"the URL kept changing after one click: {sorted(seen)}"
    assert traffic.since(start) == 0, "the page reran with no interaction"
    assert_no_streamlit_exception(page)


def click_and_watch(page, traffic: Traffic, place_id: str, expect_sel: str | None) -> None:
    """Click ``place_id``'s point, then expect ``expect_sel`` selected and a quiet page."""
    click_place(page, place_id)
    settle_then_watch(page, traffic, expect_sel)


def clickable_pair(page) -> tuple[str, str]:
    """Two partner places (not in Guangxi) whose points can be clicked, in a stable order."""
    partners = sorted(p for p in page.evaluate(CLICKABLE) if not p.startswith("cn-"))
    assert len(partners) >= 2, partners
    return partners[0], partners[-1]


@pytest.fixture
def big_page(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    yield context.new_page()
    context.close()


def test_flat_map_click_selects_once_deselects_once_and_moves(server, big_page):
    page, traffic = big_page, Traffic()
    open_page(page, traffic, server.url + "/map?lang=en")
    first, second = clickable_pair(page)

    click_and_watch(page, traffic, first, first)
    assert "Partners of" in page.inner_text("body")  # the side panel shows the place
    screenshot(page, "map-click-selected-en")

    click_and_watch(page, traffic, first, None)  # the same point again: deselected, once
    assert "Partners of" not in page.inner_text("body")

    click_and_watch(page, traffic, first, first)
    click_and_watch(page, traffic, second, second)  # another point moves the selection


def test_clear_button_deselects_once(server, big_page):
    page, traffic = big_page, Traffic()
    open_page(page, traffic, server.url + "/map?lang=en")
    first, _ = clickable_pair(page)
    click_and_watch(page, traffic, first, first)
    page.get_by_role("button", name="Clear selection").click()
    settle_then_watch(page, traffic, None)
    click_and_watch(page, traffic, first, first)  # and the point selects again with one click


def test_globe_click_selects_once(server, big_page):
    page, traffic = big_page, Traffic()
    open_page(page, traffic, server.url + "/map?proj=globe")
    first, _ = clickable_pair(page)
    click_and_watch(page, traffic, first, first)
    assert "proj=globe" in page.url
    click_and_watch(page, traffic, first, None)


def test_closeup_click_selects_once(server, big_page):
    page, traffic = big_page, Traffic()
    open_page(page, traffic, server.url + "/map?proj=guangxi")
    counties = sorted(page.evaluate(CLICKABLE))
    assert counties, "no county point on the close-up"
    click_and_watch(page, traffic, counties[0], counties[0])
    assert "proj=guangxi" in page.url
    click_and_watch(page, traffic, counties[0], None)


def go_to(page, label: str) -> None:
    """Switch page through the sidebar's navigation, as a person does (same session)."""
    page.locator(
        '[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]', has_text=label
    ).first.click()
    wait_for_app(page)
    page.wait_for_selector(f"{CHART} path.point", state="attached", timeout=60_000)
    wait_for_app(page)


def test_map_selection_shows_on_the_network_and_back(server, big_page):
    page, traffic = big_page, Traffic()
    open_page(page, traffic, server.url + "/map?lang=en")
    first, _ = clickable_pair(page)
    click_and_watch(page, traffic, first, first)

    go_to(page, "Network")
    assert f"sel={first}" in page.url
    assert "Selected:" in page.inner_text("body")

    # A click on another place's node there is the selection the map then shows.
    nodes = {p: xy for p, xy in page.evaluate(CLICKABLE).items() if p != first}
    other = sorted(p for p in nodes if not p.startswith("cn-"))[0]
    page.mouse.click(*nodes[other])
    settle_then_watch(page, traffic, other)
    go_to(page, "World map")
    assert f"sel={other}" in page.url
    assert "Partners of" in page.inner_text("body")
    assert_no_streamlit_exception(page)


CENTRE_OF = """(id) => {
  const chart = document.querySelector('[data-testid="stPlotlyChart"]');
  for (const point of chart.querySelectorAll('.scatterlayer .trace path.point')) {
    const calc = point.closest('g.trace').__data__;
    const trace = calc && calc[0] && calc[0].trace;
    const data = trace && trace.customdata && trace.customdata[point.__data__.i];
    if (Array.isArray(data) && data[data.length - 1] === id) {
      const box = point.getBoundingClientRect();
      return [box.x + box.width / 2, box.y + box.height / 2];
    }
  }
  return null;
}"""
CHOOSER = "places overlap here"


def test_overlapping_points_offer_a_chooser_and_a_lone_point_does_not(server, big_page):
    page, traffic = big_page, Traffic()
    open_page(page, traffic, server.url + "/map?lang=en")
    click_and_watch(page, traffic, "usa-orlando", "usa-orlando")  # a lone point
    assert CHOOSER not in page.inner_text("body")

    # Kumamoto city and prefecture share a point; Yatsushiro lies beside them.
    page.mouse.click(*page.evaluate(CENTRE_OF, "jpn-kumamoto-prefecture"))
    page.wait_for_function("() => location.search.includes('sel=jpn-')", timeout=30_000)
    wait_for_app(page)
    chooser = page.locator('[data-testid="stButtonGroup"]').filter(has_text="Kumamoto Prefecture")
    assert CHOOSER in page.inner_text("body")
    assert {"Kumamoto", "Yatsushiro"} <= set(chooser.inner_text().split("\n"))
    chooser.get_by_role("radio", name="Kumamoto Prefecture", exact=True).click()
    settle_then_watch(page, traffic, "jpn-kumamoto-prefecture")
    assert "Partners of Kumamoto Prefecture" in page.inner_text("body")
    screenshot(page, "map-overlap-chooser-en")
