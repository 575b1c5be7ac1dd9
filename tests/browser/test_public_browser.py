"""The public recipe in Chromium: HTTPS/HTTP2 through nginx, its CSP, and no editor anywhere.

One public replica of the shipped data behind nginx (deploy/run_replicas.sh --tls-port --public,
an editor password set in its environment all the same), reached over HTTPS with the
self-signed certificate accepted. Under the recipe's Content-Security-Policy every page draws
its charts, the deck's inline key handler still works (its hash is in the policy: the
right-arrow key moves to the next page), and Chromium reports no violation and no request off
the machine. The data page shows its tables and the public notice, and no password box or
upload exists on it or on the alliance page.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import assert_no_streamlit_exception
from tests.test_deploy import HINT, NGINX
from tools.serving import LOCAL_HOSTS, ROOT, Server, start_deployment, stop_server, wait_for_app

SHOTS = ROOT / "test-artifacts"
# A chart drawn: some trace's path painted with a size (hidden tabs hold zero-size ones).
PAINTED = """() => [...document.querySelectorAll('.js-plotly-plot g.trace path')].some(p => {
  const box = p.getBoundingClientRect(); return box.width > 0 && box.height > 0; })"""
VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Iterator[Server]:
    """The shipped data behind nginx, public, with HTTPS; an editor password set regardless."""
    if NGINX is None:
        pytest.skip(HINT)
    run = tmp_path_factory.mktemp("public-browser")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SISTERCITIES_EDITOR_PASSWORD", "would-unlock-elsewhere")
        running = start_deployment(
            ROOT / "data", run, replicas=1, extra_args=["--public"], tls=True
        )
    yield running
    stop_server(running)


@pytest.fixture
def secure_page(browser, public: Server):
    """A page on the HTTPS port (self-signed certificate accepted) that may reach loopback only."""
    context = browser.new_context(
        viewport={"width": 1920, "height": 1080}, locale="zh-CN", ignore_https_errors=True
    )
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    seen: dict[str, list[str]] = {"external": [], "console": [], "errors": []}

    def route(route_obj) -> None:
        if (urlparse(route_obj.request.url).hostname or "") in LOCAL_HOSTS:
            route_obj.continue_()
        else:
            seen["external"].append(route_obj.request.url)
            route_obj.abort()

    context.route("**/*", route)
    page.on("console", lambda m: seen["console"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    yield page, seen
    context.close()


def _clean(page, seen: dict[str, list[str]]) -> None:
    assert page.evaluate("window.__csp") == []
    assert not [m for m in seen["console"] if "Content Security Policy" in m]
    assert seen["external"] == [] and seen["errors"] == []
    assert_no_streamlit_exception(page)


@pytest.mark.parametrize("path", ["/", "/map", "/network", "/alliance"])
def test_pages_draw_their_charts_under_the_csp(secure_page, public: Server, path: str) -> None:
    page, seen = secure_page
    response = page.goto(f"{public.tls_url}{path}")
    assert response is not None and response.headers["content-security-policy"]
    page.wait_for_function(PAINTED, timeout=60_000)
    wait_for_app(page)
    assert page.locator(".js-plotly-plot").count() >= 1
    assert (
        page.evaluate("() => performance.getEntriesByType('navigation')[0].nextHopProtocol") == "h2"
    )
    _clean(page, seen)


def test_deck_keys_run_under_the_csp(secure_page, public: Server) -> None:
    page, seen = secure_page
    page.goto(f"{public.tls_url}/?present=1")
    page.wait_for_selector(".deck-band[data-slide='1']", timeout=60_000)
    page.wait_for_function(PAINTED, timeout=60_000)
    wait_for_app(page)
    page.evaluate("() => document.activeElement.blur()")  # as a presenter: no control focused
    page.keyboard.press("ArrowRight")
    page.wait_for_selector(".deck-band[data-slide='2']", timeout=60_000)
    page.wait_for_function(PAINTED, timeout=60_000)
    _clean(page, seen)


def test_public_data_page_has_no_editor(secure_page, public: Server) -> None:
    page, seen = secure_page
    page.goto(f"{public.tls_url}/data")
    wait_for_app(page)
    page.get_by_text("这是公开的只读站点").wait_for(timeout=30_000)
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=30_000)  # its chunk loads late
    assert page.get_by_label("编辑密码").count() == 0
    assert page.get_by_role("button", name="进入编辑").count() == 0
    assert page.locator('input[type="file"]').count() == 0
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "public-data-1920.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)
    page.screenshot(path=str(SHOTS / "public-data-390.png"), full_page=True)
    page.goto(f"{public.tls_url}/alliance")
    page.wait_for_function(PAINTED, timeout=60_000)
    wait_for_app(page)
    page.get_by_text("公开站点不接受上传").wait_for(timeout=30_000)
    assert page.locator('input[type="file"]').count() == 0
    _clean(page, seen)
