"""The static edition's first visit on a throttled 4G link, served by nginx with plain gzip.

    .venv/bin/python bench/static_edition.py [--runs 3] [--append]

Publishes the shipped data to a temporary folder, serves it with a minimal nginx (``gzip on``,
no brotli, no precompressed files) on a loopback port, and opens ``index.html`` and
``map.html`` in a fresh Chromium context each run (empty cache: a first visit) under CDP's
``Network.emulateNetworkConditions`` (9 Mbit/s down, 1.5 up, 150 ms latency). It prints bytes
over the wire (every response's encoded length, headers included), requests, seconds to the
first chart (``performance.now()`` when plotly resolves the first ``newPlot``, from navigation
start) and seconds until every chart of the page has drawn. ``--append`` writes the table as
the last section of bench/RESULTS.md (replacing an earlier one of the same heading).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.serving import free_port  # noqa: E402

NGINX = Path("/usr/sbin/nginx")
CHROMIUM = Path("/usr/bin/chromium")
RESULTS = ROOT / "bench" / "RESULTS.md"
HEADING = "## Static public edition: first visit on 4G (issue #15)"
PAGES = ("index.html", "map.html")
DOWN_BPS, UP_BPS, LATENCY_MS = 9_000_000, 1_500_000, 150
BYTES_GOAL, FIRST_CHART_GOAL = 2_000_000, 3.0
GZIP_TYPES = (
    "text/css application/javascript application/json text/javascript image/svg+xml text/plain"
)
DRAWN = (
    "Array.from(document.querySelectorAll('.plot'))"
    ".every(d => d.dataset.drawn === '1' || d.dataset.error)"
)


NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Visit:
    """One first visit of one page."""

    bytes: int
    requests: int
    first_chart_s: float
    all_charts_s: float


def nginx_config(site: Path, work: Path, port: int) -> Path:
    """A minimal nginx config serving ``site`` with plain gzip on 127.0.0.1:``port``."""
    temp = work / "nginx-temp"
    temp.mkdir(exist_ok=True)
    paths = "".join(
        f"    {name}_temp_path {temp / name};\n"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    text = f"""worker_processes 1;
daemon off;
pid {work / "nginx.pid"};
error_log {work / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
{paths}    sendfile on;
    gzip on;
    gzip_types {GZIP_TYPES};
    server {{
        listen 127.0.0.1:{port};
        root {site};
        index index.html;
    }}
}}
"""
    path = work / "nginx.conf"
    path.write_text(text, encoding="utf-8")
    return path


def start_nginx(site: Path, work: Path) -> tuple[subprocess.Popen, str]:
    """Start nginx serving ``site`` on a free loopback port; returns the process and base URL."""
    port = free_port()
    config = nginx_config(site, work, port)
    process = subprocess.Popen(
        [str(NGINX), "-c", str(config), "-p", str(work)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with NO_PROXY.open(url, timeout=1):
                return process, url
        except OSError as exc:
            if process.poll() is not None:
                message = process.stderr.read().decode() if process.stderr else "nginx"
                raise RuntimeError(message) from exc
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("nginx did not answer within 10 s")


def visit(browser, url: str) -> Visit:
    """One throttled first visit (fresh context, so an empty cache) of ``url``."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": LATENCY_MS,
            "downloadThroughput": DOWN_BPS / 8,
            "uploadThroughput": UP_BPS / 8,
        },
    )
    sizes: dict[str, float] = {}
    requests: list[str] = []
    cdp.on("Network.requestWillBeSent", lambda event: requests.append(event["request"]["url"]))
    cdp.on(
        "Network.loadingFinished",
        lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]),
    )
    page.goto(url, wait_until="commit")
    page.wait_for_function(DRAWN, timeout=120_000, polling=50)
    all_ms = page.evaluate("performance.now()")
    first_ms = page.evaluate("window.firstChartMs || null")
    page.wait_for_load_state("networkidle")
    context.close()
    return Visit(int(sum(sizes.values())), len(requests), first_ms / 1000, all_ms / 1000)


def measure(runs: int = 3) -> dict[str, list[Visit]]:
    """Publish, serve and visit each page ``runs`` times; the nginx and site are removed after."""
    from playwright.sync_api import sync_playwright

    from sistercities.paths import data_dir
    from sistercities.publish.site import publish

    work = Path(tempfile.mkdtemp(prefix="static-bench-"))
    work.chmod(0o755)  # nginx's workers may run as another user
    try:
        site = work / "site"
        publish(site, data_dir(), ("zh", "en"))
        process, base = start_nginx(site, work)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
                )
                found = {page: [visit(browser, base + page) for _ in range(runs)] for page in PAGES}
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=10)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return found


def _verdict(value: float, goal: float) -> str:
    return "met" if value <= goal else "**missed**"


def table(found: dict[str, list[Visit]]) -> str:
    """The results as a markdown table (medians over the runs)."""
    lines = [
        "| page | over the wire (KB) | requests | first chart (s) | all charts (s) |"
        " goal ≤ 2 MB, first chart ≤ 3 s |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for page, visits in found.items():
        kb = statistics.median(v.bytes for v in visits) / 1000
        first = statistics.median(v.first_chart_s for v in visits)
        every = statistics.median(v.all_charts_s for v in visits)
        count = statistics.median(v.requests for v in visits)
        bytes_ok = _verdict(kb * 1000, BYTES_GOAL)
        first_ok = _verdict(first, FIRST_CHART_GOAL)
        goal = f"bytes {bytes_ok}, first chart {first_ok}" if page == "index.html" else "—"
        spread = f"{min(v.first_chart_s for v in visits):.2f}–"
        spread += f"{max(v.first_chart_s for v in visits):.2f}"
        lines.append(
            f"| `{page}` | {kb:,.0f} | {count:.0f} | {first:.2f} ({spread}) | {every:.2f}"
            f" | {goal} |"
        )
    return "\n".join(lines)


def section(found: dict[str, list[Visit]], runs: int) -> str:
    """The RESULTS.md section: how it was measured, then the table."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{HEADING}\n\n"
        f"Made by `.venv/bin/python bench/static_edition.py --append` on {when} "
        f"({platform.machine()}, Python {platform.python_version()}): the shipped data "
        "published with `python -m sistercities publish`, served by nginx 1.22 with plain "
        "`gzip on` (level 1, no brotli, no precompressed files) on loopback, opened in a fresh "
        "Chromium context per run (empty cache) at 390×844 under CDP "
        "`Network.emulateNetworkConditions` (9 Mbit/s down, 1.5 Mbit/s up, 150 ms latency). "
        "Bytes are every response's encoded length (headers included); first chart is "
        "`performance.now()` when plotly finished the page's first chart, from navigation "
        "start; all charts includes the maps, which wait for the world topojson; requests "
        "include Chromium's favicon request. Medians of "
        f"{runs} runs (range of the first chart in brackets). No CPU throttling; the machine's "
        f"2 cores were shared with other runs (load average {os.getloadavg()[0]:.1f} at the "
        "end).\n\n"
        f"{table(found)}\n"
    )


def append(text: str, path: Path = RESULTS) -> None:
    """Put ``text`` last in RESULTS.md, replacing an earlier section of the same heading."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if HEADING in old:
        head, _, rest = old.partition(HEADING)
        following = rest.find("\n## ")
        old = head + (rest[following + 1 :] if following >= 0 else "")
    path.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Measure, print, and with ``--append`` record in bench/RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--append", action="store_true", help="write into bench/RESULTS.md")
    args = parser.parse_args(argv)
    for needed in (NGINX, CHROMIUM):
        if not needed.exists():
            print(f"{needed} is missing (apt-get install nginx chromium)", file=sys.stderr)
            return 1
    found = measure(args.runs)
    text = section(found, args.runs)
    print(text)
    if args.append:
        append(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
