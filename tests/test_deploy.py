"""The nginx deployment (deploy/run_replicas.sh): two replicas behind Debian's nginx.

Sticky sessions by the proxy's cookie (two clients land on different replicas, each keeps its
own over repeated requests and its websocket), and an edit of the shared data folder is seen by
both replicas on their next rerun. Sessions speak Streamlit's own websocket protocol, with the
helpers of the load test (bench/loadtest.py).

The public recipe (issue #15), one replica started with ``--tls-port --public --ws-limit 3
--frame-ancestors 'none'``: HTTPS answered over HTTP/2 (curl) while the plain port still
answers without a redirect, gzip on every text type, the year-long cache on hashed files only,
the security headers on every kind of response, uploads refused, and the websocket limit per
client address. The limit is proven on the real configuration: a client connecting from
127.0.0.2 (loopback to the kernel, but not an exempt address to nginx's ``geo`` block) gets
its 4th websocket refused with 429 while 127.0.0.1 opens more than the limit. That a remote
client's key is its own address (not shared with others) is nginx's ``$binary_remote_addr``,
not tested here.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import websockets

from bench.loadtest import one_run, rerun_message
from tests.fixtures_data import LINKS, ROOT, write_folder
from tools.serving import Server, start_deployment, stop_server

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


# -- the public recipe: HTTPS, headers, gzip, caching, uploads off, websocket limit ------------

WS_LIMIT = 3
HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
}


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Iterator[Server]:
    """One public replica behind nginx with HTTPS, a websocket limit of 3 and no framing."""
    if NGINX is None:
        pytest.skip(HINT)
    if shutil.which("curl") is None or shutil.which("openssl") is None:
        pytest.skip("public deployment test skipped: curl and openssl are needed")
    root = tmp_path_factory.mktemp("public")
    data = write_folder(root / "data")
    args = ["--public", "--ws-limit", str(WS_LIMIT), "--frame-ancestors", "'none'"]
    running = start_deployment(data, root / "run", replicas=1, extra_args=args, tls=True)
    yield running
    stop_server(running)


def _curl(url: str, *options: str) -> tuple[str, dict[str, str], bytes]:
    """(status line, lower-cased headers, raw body) of one request made by curl."""
    import subprocess

    done = subprocess.run(
        ["curl", "-s", "-k", "-D", "-", "--max-time", "30", *options, url],
        capture_output=True,
        check=True,
    )
    head, _, body = done.stdout.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        headers[key.strip().lower()] = value.strip()
    return lines[0], headers, body


def _hashed_script(server: Server) -> str:

    _, _, page = _curl(server.url + "/")
    return re.search(rb'src="\./(static/js/index\.[\w-]+\.js)"', page).group(1).decode()


def test_https_answers_over_http2_and_http_without_redirect(public: Server) -> None:
    assert public.tls_url is not None
    status, headers, body = _curl(public.tls_url + "/", "--http2")
    assert status.startswith("HTTP/2 200")
    assert b'id="root"' in body
    status, headers, _ = _curl(public.url + "/")
    assert status.startswith("HTTP/1.1 200") and "location" not in headers
    status, _, body = _curl(public.url + "/_stcore/health")
    assert status.startswith("HTTP/1.1 200") and body == b"ok"


def test_every_text_asset_is_gzipped(public: Server) -> None:
    import gzip

    import streamlit

    script = _hashed_script(public)
    css = next((Path(streamlit.__file__).parent / "static" / "static" / "css").glob("*.css"))
    for path in ("/", f"/{script}", f"/static/css/{css.name}", "/app/static/world_110m.json",
                 "/_stcore/host-config", "/manifest.json"):  # fmt: skip
        status, headers, body = _curl(public.tls_url + path, "--http2", "-H",
                                      "Accept-Encoding: gzip")  # fmt: skip
        assert status.startswith("HTTP/2 200"), path
        assert headers.get("content-encoding") == "gzip", path
        assert gzip.decompress(body), path
    _, headers, body = _curl(f"{public.tls_url}/{script}", "-H", "Accept-Encoding: gzip")
    original = (Path(streamlit.__file__).parent / "static" / script).read_bytes()
    assert gzip.decompress(body) == original and len(body) < len(original) / 2


def test_hashed_files_are_cached_for_a_year_the_page_is_not(public: Server) -> None:
    _, headers, _ = _curl(f"{public.tls_url}/{_hashed_script(public)}", "--http2")
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    _, headers, _ = _curl(public.tls_url + "/", "--http2")
    assert "immutable" not in headers.get("cache-control", "")


def test_security_headers_on_every_kind_of_response(public: Server) -> None:
    paths = ("/", f"/{_hashed_script(public)}", "/app/static/world_110m.json",
             "/_stcore/health", "/no-such-page", "/_stcore/upload_file/x/y")  # fmt: skip
    for path in paths:
        for base in (public.url, public.tls_url):
            _, headers, _ = _curl(base + path)
            for name, value in HEADERS.items():
                assert headers.get(name) == value, (base, path, name)
            csp = headers["content-security-policy"]
            assert "frame-ancestors 'none'" in csp
            assert "default-src 'self'" in csp and "connect-src 'self'" in csp
            assert "http" not in csp and "*" not in csp  # no outside origin at all
            assert "'unsafe-eval'" not in csp and "script-src 'self' 'wasm" in csp


def test_public_instance_refuses_uploads(public: Server) -> None:
    status, _, _ = _curl(public.url + "/_stcore/upload_file/session/file", "-X", "PUT",
                         "-F", "file=@/etc/hostname")  # fmt: skip
    assert " 403" in status


async def _open_sockets(url: str, count: int, source: str) -> list[int | None]:
    """Open ``count`` websockets from ``source``; each one's refusal status (None: opened)."""
    opened, statuses = [], []
    try:
        for _ in range(count):
            try:
                ws = await websockets.connect(
                    _ws_url(url), subprotocols=["streamlit"], open_timeout=30,
                    local_addr=(source, 0),
                )  # fmt: skip
            except websockets.InvalidStatus as exc:
                statuses.append(exc.response.status_code)
            else:
                opened.append(ws)
                statuses.append(None)
    finally:
        for ws in opened:
            await ws.close()
    return statuses


def test_websockets_are_limited_per_client_address_loopback_exempt(public: Server) -> None:
    limited = run_async(_open_sockets(public.url, WS_LIMIT + 2, "127.0.0.2"))
    assert limited == [None] * WS_LIMIT + [429, 429]
    assert run_async(_open_sockets(public.url, WS_LIMIT + 2, "127.0.0.1")) == [None] * 5
    # Closed sockets are given back (nginx counts them down once it sees the close): the
    # limited address may open its share again.
    import time

    deadline = time.monotonic() + 15
    while (again := run_async(_open_sockets(public.url, WS_LIMIT, "127.0.0.2"))) != [None] * 3:
        assert time.monotonic() < deadline, again
        time.sleep(0.5)


BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def test_pages_preload_plotly_and_static_files_come_precompressed(public: Server) -> None:
    _, headers, _ = _curl(public.tls_url + "/map", "--http2")
    chunk = re.fullmatch(r"</static/js/(PlotlyChart\.[\w-]+\.js)>; rel=modulepreload",
                         headers["link"])  # fmt: skip
    assert chunk is not None
    script = f"{public.tls_url}/static/js/{chunk.group(1)}"
    _, headers, _ = _curl(script, "--http2")
    assert "link" not in headers  # only pages carry it
    status, headers, body = _curl(script, "--http2", "-H", "Accept-Encoding: gzip")
    assert status.startswith("HTTP/2 200") and headers["content-encoding"] == "gzip"
    if not (BROTLI_MODULE.exists() and shutil.which("brotli")):
        pytest.skip("brotli part skipped: libnginx-mod-http-brotli-static or brotli missing")
    status, headers, smaller = _curl(script, "--http2", "-H", "Accept-Encoding: gzip, br")
    assert headers["content-encoding"] == "br" and len(smaller) < 0.85 * len(body)


def test_websockets_are_compressed(public: Server) -> None:
    async def extensions() -> str:
        async with websockets.connect(_ws_url(public.url), subprotocols=["streamlit"]) as ws:
            return ws.response.headers.get("Sec-WebSocket-Extensions", "")

    assert "permessage-deflate" in run_async(extensions())
