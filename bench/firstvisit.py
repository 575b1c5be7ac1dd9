"""A new visitor's first visit on a throttled 4G link (issue #15): bytes, requests, first chart.

    .venv/bin/python bench/firstvisit.py              # print the table (3 runs per figure)
    .venv/bin/python bench/firstvisit.py --append     # and append it to bench/RESULTS.md

Chromium (Debian's, through Playwright) with an empty cache (a new browser context per visit)
opens ``/`` and ``/map`` of the shipped data on Chrome's network emulation (CDP
``Network.emulateNetworkConditions``: 9 Mbit/s down, 1.5 Mbit/s up, 150 ms latency) and
records, from the DevTools protocol:

- HTTP bytes: ``encodedDataLength`` of every finished request (bytes received over the wire,
  compressed as sent, headers included), data: URLs excluded;
- websocket bytes: the payloads of the websocket frames received (Streamlit's protobuf
  messages) as the page sees them: the recipe's replicas offer permessage-deflate, whose
  compressed size CDP does not report; the upgrade request is counted with the HTTP bytes;
- requests: requests sent (HTTP and the websocket upgrade, data: URLs excluded);
- protocol: the HTTP protocols Chromium reports for the responses (``h2``, ``http/1.1``);
- first chart: seconds from navigation start until a plotly chart has a trace path painted with
  a non-zero size (checked every 50 ms in the page).

Everything is counted until the first chart is drawn and the network has then been quiet for
2 s (or 60 s in all). Targets: the bare server (the README's ``streamlit run``), the nginx recipe
(deploy/run_replicas.sh, one replica) over plain HTTP, and the same over HTTPS with HTTP/2
(self-signed certificate, accepted by the test browser). Goal on the HTTPS port: first chart
≤ 5 s and ≤ 3 MB on ``/`` and ``/map``. ``--unthrottled`` adds the HTTPS visits without
emulation (what the machine, not the link, costs). A static site is one more ``Target``.
"""

from __future__ import annotations

import argparse
import base64
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.serving import start_deployment, start_server, stop_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
RESULTS = ROOT / "bench" / "RESULTS.md"
PATHS = ("/", "/map")
PROFILE = {  # bytes per second, milliseconds
    "offline": False,
    "downloadThroughput": 9_000_000 / 8,
    "uploadThroughput": 1_500_000 / 8,
    "latency": 150,
}
GOAL_S, GOAL_MB = 5.0, 3.0
QUIET_S, LIMIT_S = 2.0, 60.0
FIRST_CHART = """
window.__firstChart = null;
const __watch = setInterval(() => {
  const painted = [...document.querySelectorAll('.js-plotly-plot g.trace path')].some(p => {
    const box = p.getBoundingClientRect(); return box.width > 0 && box.height > 0; });
  if (painted) { window.__firstChart = performance.now(); clearInterval(__watch); }
}, 50);
"""


@dataclass
class Visit:
    """One first visit of one page."""

    http_bytes: int = 0
    ws_bytes: int = 0
    requests: int = 0
    protocols: set[str] = field(default_factory=set)
    first_chart_s: float | None = None
    last_event: float = field(default_factory=time.monotonic)


@dataclass
class Row:
    """Medians of the visits of one page through one target."""

    target: str
    path: str
    mb: float
    ws_mb: float
    requests: int
    protocols: str
    first_chart_s: float | None  # median of the visits that drew a chart
    drawn: int
    visits: int


@dataclass
class Target:
    """Something to visit: a name and a context manager giving its base URL."""

    name: str
    serve: Callable[[], Iterator[str]]


@contextmanager
def bare_server() -> Iterator[str]:
    """The README's ``streamlit run dashboard.py`` on the shipped data."""
    server = start_server()
    try:
        yield server.url
    finally:
        stop_server(server)


@contextmanager
def deployment(tls: bool) -> Iterator[str]:
    """deploy/run_replicas.sh with one replica on the shipped data (HTTP or HTTPS port)."""
    with tempfile.TemporaryDirectory(prefix="firstvisit-") as run:
        server = start_deployment(ROOT / "data", Path(run), replicas=1, tls=tls)
        try:
            yield server.tls_url if tls and server.tls_url else server.url
        finally:
            stop_server(server)


TARGETS = [
    Target("bare server (streamlit run)", bare_server),
    Target("nginx recipe, HTTP", lambda: deployment(False)),
    Target("nginx recipe, HTTPS (HTTP/2)", lambda: deployment(True)),
]


def visit(browser, url: str, throttled: bool = True) -> Visit:
    """One first visit of ``url`` with an empty cache on the throttled profile (or none)."""
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 1600, "height": 900})
    context.add_init_script(FIRST_CHART)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    seen = Visit()

    def note(method: str, handler: Callable[[dict], None]) -> None:
        def wrapped(event: dict) -> None:
            seen.last_event = time.monotonic()
            handler(event)

        cdp.on(method, wrapped)

    def sent(event: dict) -> None:
        if not event["request"]["url"].startswith("data:"):
            seen.requests += 1

    def response(event: dict) -> None:
        protocol = event["response"].get("protocol")
        if protocol and protocol not in {"data", "blob"}:
            seen.protocols.add(protocol)

    def finished(event: dict) -> None:
        seen.http_bytes += int(event.get("encodedDataLength", 0))

    def frame(event: dict) -> None:
        data = event["response"]["payloadData"]
        binary = event["response"]["opcode"] == 2
        seen.ws_bytes += len(base64.b64decode(data)) if binary else len(data.encode())

    note("Network.requestWillBeSent", sent)
    note("Network.webSocketCreated", lambda _: setattr(seen, "requests", seen.requests + 1))
    note("Network.responseReceived", response)
    note("Network.loadingFinished", finished)
    note("Network.webSocketFrameReceived", frame)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if throttled:
        cdp.send("Network.emulateNetworkConditions", PROFILE)
    try:
        page.goto(url, wait_until="commit", timeout=LIMIT_S * 1000)
        page.wait_for_function("() => window.__firstChart !== null", timeout=LIMIT_S * 1000)
        seen.first_chart_s = page.evaluate("() => window.__firstChart") / 1000
        deadline = time.monotonic() + LIMIT_S
        while time.monotonic() - seen.last_event < QUIET_S and time.monotonic() < deadline:
            page.wait_for_timeout(250)
    except Exception as exc:  # a visit that never draws is reported, not fatal
        print(f"  {url}: {type(exc).__name__}: {str(exc).splitlines()[0]}", flush=True)
    finally:
        context.close()
    return seen


def measure(
    browser, runs: int = 3, targets: list[Target] | None = None, unthrottled: bool = False
) -> list[Row]:
    """Median figures of ``runs`` first visits of each page through each target.

    ``unthrottled`` adds, for the last target, the same visits without network emulation: the
    part of the time that is the machine's (server run, script parsing, drawing), not the link.
    """
    rows = []
    chosen = targets or TARGETS
    for target in chosen:
        modes = [True, False] if unthrottled and target is chosen[-1] else [True]
        with target.serve() as base:
            visit(browser, base + "/")  # the server's own first run (caches) is not timed
            for throttled in modes:
                name = target.name if throttled else f"{target.name}, not throttled"
                for path in PATHS:
                    visits = [visit(browser, base + path, throttled) for _ in range(runs)]
                    rows.append(_row(name, path, visits))
                    print(f"[firstvisit] {rows[-1]}", flush=True)
    return rows


def _row(target: str, path: str, visits: list[Visit]) -> Row:
    times = [v.first_chart_s for v in visits if v.first_chart_s is not None]
    return Row(
        target=target,
        path=path,
        mb=statistics.median(v.http_bytes for v in visits) / 1e6,
        ws_mb=statistics.median(v.ws_bytes for v in visits) / 1e6,
        requests=int(statistics.median(v.requests for v in visits)),
        protocols=", ".join(sorted(set().union(*(v.protocols for v in visits)))),
        first_chart_s=statistics.median(times) if times else None,
        drawn=len(times),
        visits=len(visits),
    )


def section(rows: list[Row], runs: int) -> str:
    """The RESULTS.md section: the table, what is counted, and the goal's verdict."""
    lines = [
        "## First visit on a throttled 4G link (issue #15)",
        "",
        f"Made by `.venv/bin/python bench/firstvisit.py` on {time.strftime('%Y-%m-%d %H:%M')}: "
        "Chromium with an empty cache, CDP network emulation (9 Mbit/s down, 1.5 Mbit/s up, "
        f"150 ms latency), shipped data, medians of {runs} visits. HTTP MB: `encodedDataLength` "
        "of every request (compressed as sent, headers included); websocket MB: payloads of "
        "the frames received as the page sees them, not in the HTTP figure (the recipe's "
        "replicas offer permessage-deflate, so less crosses the wire there; CDP does not "
        "report the compressed size); requests: "
        "HTTP requests and the websocket; first chart: navigation start → a plotly trace "
        "painted. Counted until the first chart and 2 s of network quiet. Load average at "
        f"the end: {os.getloadavg()[0]:.1f} (2 cores, shared with other runs).",
        "",
        "| target | page | HTTP MB | websocket MB | requests | protocol | first chart (s) |",
        "|---|---|---:|---:|---:|---|---:|",
    ]
    for r in rows:
        chart = "not drawn" if r.first_chart_s is None else f"{r.first_chart_s:.2f}"
        if r.drawn < r.visits:
            chart += f" ({r.drawn} of {r.visits} drawn within {LIMIT_S:.0f} s)"
        lines.append(
            f"| {r.target} | `{r.path}` | {r.mb:.2f} | {r.ws_mb:.2f} | {r.requests} "
            f"| {r.protocols} | {chart} |"
        )
    lines += [
        "",
        f"Goal through the HTTPS port: first chart ≤ {GOAL_S:.0f} s and ≤ {GOAL_MB:.0f} MB.",
    ]
    for r in rows:
        if "HTTPS" not in r.target or "not throttled" in r.target:
            continue
        drawn = r.first_chart_s is not None and r.drawn == r.visits
        ok = drawn and r.first_chart_s is not None and r.first_chart_s <= GOAL_S and r.mb <= GOAL_MB
        lines.append(
            f"- `{r.path}`: {r.mb:.2f} MB, first chart "
            f"{'not drawn' if r.first_chart_s is None else f'{r.first_chart_s:.2f} s'}: "
            f"{'met' if ok else '**missed**'}"
        )
    return "\n".join(lines) + "\n"


@contextmanager
def chromium() -> Iterator[object]:
    """Debian's Chromium through Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield browser
        finally:
            browser.close()


def main() -> int:
    """Measure, print, and with --append add the section to bench/RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--append", action="store_true", help="append to bench/RESULTS.md")
    parser.add_argument(
        "--unthrottled", action="store_true", help="also the HTTPS visits without throttling"
    )
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print("first-visit figures skipped: no /usr/bin/chromium")
        return 1
    with chromium() as browser:
        text = section(measure(browser, args.runs, unthrottled=args.unthrottled), args.runs)
    print(text)
    if args.append:
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write("\n" + text)
        print(f"appended to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
