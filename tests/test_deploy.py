"""The nginx deployment (deploy/run_replicas.sh): two replicas behind Debian's nginx.

Sticky sessions by the proxy's cookie (two clients land on different replicas, each keeps its
own over repeated requests and its websocket), and an edit of the shared data folder is seen by
both replicas on their next rerun. Sessions speak Streamlit's own websocket protocol, with the
helpers of the load test (bench/loadtest.py).
"""

from __future__ import annotations

import asyncio
import shutil
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import websockets

from bench.loadtest import one_run, rerun_message
from tests.fixtures_data import LINKS, ROOT, write_folder
from tools.serving import start_deployment, stop_server

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
HINT = "deployment test skipped: nginx is missing; install it with 'apt-get install nginx'"
NEW_LINK = (
    "cn-450100--jpn-kumamoto,cn-450100,jpn-kumamoto,prefecture,2010,,active,"
    "https://example.org/e,,high,\n"
)


@dataclass
class Deployment:
    """A running run_replicas.sh: the proxy's address and the shared data folder."""

    url: str
    data: Path


def run_async(coroutine):
    """Run a coroutine on its own thread: Playwright's sync API may own this thread's loop."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory) -> Iterator[Deployment]:
    """Two replicas on a tiny data folder behind nginx, started by the deployment script."""
    if NGINX is None:
        pytest.skip(HINT)
    root = tmp_path_factory.mktemp("deploy")
    data = write_folder(root / "data")
    running = start_deployment(data, root / "run", replicas=2, timeout=180)
    yield Deployment(running.url, data)
    stop_server(running)


def _get(url: str, cookie: str | None = None) -> tuple[str, str | None]:
    """(replica, routing cookie the proxy set, if any) of one plain request."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        routes = [
            value.split(";")[0]
            for value in response.headers.get_all("Set-Cookie") or []
            if value.startswith("stroute=")
        ]
        return response.headers["X-Upstream"], routes[0] if routes else None


def _two_clients(url: str) -> dict[str, str]:
    """Cookies of new clients until two replicas are seen: replica -> cookie."""
    clients: dict[str, str] = {}
    for _ in range(40):
        replica, cookie = _get(url + "/")
        assert cookie and cookie.startswith("stroute=")
        clients.setdefault(replica, cookie)
        if len(clients) == 2:
            return clients
    raise AssertionError(f"40 new clients all reached {sorted(clients)}")


def _ws_url(url: str) -> str:
    return url.replace("http://", "ws://") + "/_stcore/stream"


async def _session(url: str, cookie: str) -> websockets.ClientConnection:
    """A Streamlit websocket session through the proxy, carrying the routing cookie."""
    return await websockets.connect(
        _ws_url(url),
        subprotocols=["streamlit"],
        max_size=None,
        additional_headers={"Cookie": cookie},
        open_timeout=60,
    )


def test_sticky_sessions_by_proxy_cookie(deployment: Deployment) -> None:
    clients = _two_clients(deployment.url)
    assert len(set(clients)) == 2
    for replica, cookie in clients.items():
        for path in ("/", "/_stcore/health", "/network", "/_stcore/host-config"):
            for _ in range(3):
                seen, new_cookie = _get(deployment.url + path, cookie)
                assert seen == replica
                assert new_cookie is None  # a client that has the cookie is not given another

    async def websocket_replica(cookie: str) -> str:
        async with await _session(deployment.url, cookie) as ws:
            return ws.response.headers["X-Upstream"]

    for replica, cookie in clients.items():
        for _ in range(3):
            assert run_async(websocket_replica(cookie)) == replica


def test_both_replicas_see_an_edit_of_the_shared_folder(deployment: Deployment) -> None:
    clients = _two_clients(deployment.url)

    async def scenario() -> tuple[list[str], list[str], list[str]]:
        sessions = [await _session(deployment.url, cookie) for cookie in clients.values()]
        try:
            replicas = [ws.response.headers["X-Upstream"] for ws in sessions]
            before = [(await one_run(ws, rerun_message({}), 120))[1] for ws in sessions]
            links = deployment.data / "links.csv"
            staged = links.with_suffix(".tmp")
            staged.write_text(LINKS + NEW_LINK, encoding="utf-8")
            staged.replace(links)
            after = [(await one_run(ws, rerun_message({}), 120))[1] for ws in sessions]
        finally:
            for ws in sessions:
                await ws.close()
        return replicas, before, after

    replicas, before, after = run_async(scenario())
    assert sorted(replicas) == sorted(clients)
    assert before == ["4", "4"]
    assert after == ["5", "5"]


def _raw(url: str, gzip_ok: bool = False) -> tuple[dict[str, str], bytes]:
    """Headers and (decompressed) body of one GET through the proxy."""
    import gzip

    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        headers = {key.lower(): value for key, value in response.headers.items()}
        body = response.read()
    return headers, gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body


def test_static_files_come_from_nginx_not_the_replicas(deployment: Deployment) -> None:
    import re

    import streamlit

    _, page = _raw(deployment.url + "/")
    script = re.search(rb'src="\./(static/js/index\.[\w-]+\.js)"', page).group(1).decode()
    headers, body = _raw(f"{deployment.url}/{script}", gzip_ok=True)
    assert "x-upstream" not in headers  # answered by nginx itself
    assert headers["content-type"] == "application/javascript"
    assert headers["content-encoding"] == "gzip"
    assert "immutable" in headers["cache-control"]
    assert body == (Path(streamlit.__file__).parent / "static" / script).read_bytes()
    headers, body = _raw(deployment.url + "/app/static/world_110m.json")
    assert "x-upstream" not in headers and headers["content-type"] == "application/json"
    assert body == (ROOT / "static" / "world_110m.json").read_bytes()
