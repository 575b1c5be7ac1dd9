"""Real-browser fixtures: a Streamlit server on loopback and Debian's Chromium, offline.

Every request to a non-loopback address is aborted and recorded, so a test can assert that
nothing left the machine. Screenshots go to ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
INSTALL_HINT = (
    "browser tests skipped: Debian's Chromium is missing; install it with "
    "'apt-get install chromium fonts-noto-cjk'"
)

pytestmark = pytest.mark.browser


def _free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running dashboard."""

    url: str
    process: subprocess.Popen
    data_dir: Path | None


def start_server(data_dir: Path | None = None, extra_env: dict[str, str] | None = None) -> Server:
    """Start ``streamlit run dashboard.py`` on a free loopback port and wait until it answers."""
    port = _free_port()
    env = {**os.environ, **(extra_env or {})}
    if data_dir is not None:
        env["SISTERCITIES_DATA_DIR"] = str(data_dir)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return Server(url, process, data_dir)
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("streamlit did not start: " + process.stderr.read().decode()[-2000:])


def stop_server(server: Server) -> None:
    """Stop a server started by :func:`start_server`."""
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


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


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
        timeout=timeout,
    )
    page.wait_for_timeout(500)


def assert_no_streamlit_exception(page) -> None:
    """No Streamlit exception box on the page."""
    assert page.locator('[data-testid="stException"]').count() == 0


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/ and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
