"""Real-browser fixtures: a Streamlit server on loopback and Debian's Chromium, offline.

The server comes from tools/serving.py (start_server, stop_server, wait_for_app), the one
helper the browser tests, the deployment test and the benchmarks share.

Every request to a non-loopback address is aborted and recorded, so a test can assert that
nothing left the machine. Screenshots go to ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tools.serving import LOCAL_HOSTS, Server, start_server, stop_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
INSTALL_HINT = (
    "browser tests skipped: Debian's Chromium is missing; install it with "
    "'apt-get install chromium fonts-noto-cjk'"
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    """The dashboard on the shipped data."""
    running = start_server()
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (no browser download)."""
    if not CHROMIUM.exists():
        pytest.skip(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield launched
        launched.close()


@dataclass
class OfflinePage:
    """A page whose external requests are aborted and recorded, with its errors."""

    page: object
    external: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@pytest.fixture
def offline_page(browser) -> Iterator[OfflinePage]:
    """A 1600x900 (16:9) page that may only reach loopback."""
    context = browser.new_context(viewport={"width": 1600, "height": 900}, locale="zh-CN")
    page = context.new_page()
    result = OfflinePage(page)

    def route(route_obj):
        host = urlparse(route_obj.request.url).hostname or ""
        if host in LOCAL_HOSTS or route_obj.request.url.startswith(("data:", "blob:")):
            route_obj.continue_()
        else:
            result.external.append(route_obj.request.url)
            route_obj.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda error: result.page_errors.append(str(error)))
    yield result
    context.close()


def assert_no_streamlit_exception(page) -> None:
    """No Streamlit exception box on the page."""
    assert page.locator('[data-testid="stException"]').count() == 0


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/ and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
