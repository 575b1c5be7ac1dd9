"""Benchmarks of issue 8: one command, a printed table and bench/RESULTS.md.

    .venv/bin/python bench/run.py            # everything (about 20-30 minutes on 2 cores)
    .venv/bin/python bench/run.py --quick    # shipped data and 1,000 links, fewer runs

Measured on the shipped data and on synthetic folders of 1,000, 10,000 and 25,000 links
(``python -m sistercities synth``), each figure a median of several runs:

- rerun: server time of the page script after a filter change, per page. Each change moves
  the year slider to a value not seen before in that session (so per-filter caches miss, as
  when an official picks a new filter); the time is the script run inside Streamlit's
  ScriptRunner (AppTest), without the test harness around it;
- cold start: ``streamlit run`` started -> first map drawn in Chromium (country paths and
  link lines painted); warm: a new browser session on the running server -> first map drawn;
- bytes: websocket bytes the browser receives for each page's first view (Playwright frames);
- memory: RSS of the server process (/proc) with 1 and with 20 open sessions (real Streamlit
  websocket sessions, as in bench/loadtest.py), and the growth per extra session;
- naive vs project map: the same links drawn as one plotly trace per link against the
  project's map figure (one line trace with gaps), build + serialise time in Python and draw
  time in Chromium, side by side as a ratio;
- replicas: the load test of bench/loadtest.py against one process and through nginx in
  front of two replicas (deploy/run_replicas.sh);
- first visit: bytes, requests, protocol and first chart on a throttled 4G link for the bare
  server and the nginx recipe over HTTP and HTTPS (bench/firstvisit.py), and the static
  edition served by nginx with plain gzip (bench/static_edition.py).

The machine is shared and noisy: compare ratios rather than absolute figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import firstvisit, loadtest, static_edition  # noqa: E402
from tools.serving import start_deployment, start_server, stop_server  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
PAGES = {
    "overview": "dashboard.py",
    "map": "pages/1_map.py",
    "network": "pages/2_network.py",
    "alliance": "pages/3_alliance.py",
}
URL_PATHS = {
    "overview": "",
    "map": "map",
    "network": "network",
    "alliance": "alliance",
    "data": "data",
}
SIZES = (1000, 10000, 25000)
CHROMIUM = "/usr/bin/chromium"
MAP_SELECTOR = ".js-plotly-plot path.choroplethlocation"  # the country shapes painted
TARGETS = {
    "rerun_shipped_ms": 50,
    "rerun_25k_ms": 150,
    "first_map_s": 3.0,
    "boundaries_mb": 1.0,
    "naive_ratio": 10.0,
    "session_mb": 30.0,
}


# --------------------------------------------------------------------------------------------
# Data folders


def shipped_copy(work: Path) -> Path:
    """A copy of the shipped data folder (the benchmark never touches the real one)."""
    out = work / "shipped"
    shutil.copytree(ROOT / "data", out, ignore=shutil.ignore_patterns("history", ".journal*"))
    return out


def synth(work: Path, links: int) -> Path:
    """A synthetic folder of ``links`` links (seed 1), made with the project's command."""
    out = work / f"synth{links}"
    subprocess.run(
        [sys.executable, "-m", "sistercities", "synth", "--links", str(links), "--seed", "1",
         "--out", str(out)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return out


# --------------------------------------------------------------------------------------------
# Reruns (run in a child process per data folder: its own caches and memory)


def rerun_child(data: Path, runs: int) -> dict[str, object]:
    """Median script time (ms) of a rerun after a real filter change, for each page.

    Every sample is checked (:func:`checked_rerun`): the app must have seen the new year range
    (the slider's value after the run) and a figure must have changed; otherwise the sample is
    an unchanged rerun and the benchmark stops with an error instead of timing it.
    """
    os.environ["SISTERCITIES_DATA_DIR"] = str(data)
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    times: list[float] = []
    cpu: list[float] = []  # the script thread's CPU time: what a busy shared machine inflates least
    original = script_runner.ScriptRunner._run_script

    def timed(self, rerun_data):
        started, started_cpu = time.perf_counter(), time.thread_time()
        try:
            return original(self, rerun_data)
        finally:
            cpu.append(time.thread_time() - started_cpu)
            times.append(time.perf_counter() - started)

    script_runner.ScriptRunner._run_script = timed
    result: dict[str, object] = {}
    for name, path in PAGES.items():
        if not (ROOT / path).exists():
            result[name] = {"missing": True}
            continue
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900)
        at.run()
        if path != "dashboard.py":
            at.switch_page(path).run()
        first = times[-1]
        if at.exception:
            result[name] = {"error": at.exception[0].message[:300]}
            continue
        try:
            samples, cpu_samples = [], []
            for change in year_changes(at, runs + 1):
                samples.append(checked_rerun(at, change, times))
                cpu_samples.append(cpu[-1])
        except (RuntimeError, AssertionError) as exc:
            result[name] = {"error": str(exc)[:300]}
            continue
        # the first change warms code paths shared by all filters
        samples, cpu_samples = samples[1:], cpu_samples[1:]
        result[name] = {
            "first_ms": first * 1000,
            "median_ms": statistics.median(samples) * 1000,
            "samples_ms": [round(s * 1000) for s in samples],
            "cpu_median_ms": statistics.median(cpu_samples) * 1000,
        }
    return result


YEARS_KEY = "w.f.years"


def year_changes(at, count: int) -> list[tuple[int, int]]:
    """``count`` year ranges the session has not seen: start years spread over the range.

    Only values are returned, never widget handles: AppTest builds a new element tree on
    every run, and a handle from an earlier run writes to a tree the app never reads.
    """
    slider = at.slider(key=YEARS_KEY)
    low, high = slider.min, slider.max
    span = max(1, high - low)
    starts = sorted({low + (i + 1) * span // (count + 1) for i in range(count)})
    if len(starts) < count or slider.value[0] in starts:
        raise RuntimeError(f"the year range {low}-{high} is too short for {count} changes")
    return [(start, high) for start in starts]


def chart_specs(at) -> list[str]:
    """The plotly specs the last run sent (what the browser would draw)."""
    return [e.proto.spec for e in at.get("plotly_chart")]


def checked_rerun(at, value: tuple[int, int], times: list[float]) -> float:
    """Move the year slider to ``value`` through a fresh handle, run, and return the run's time.

    Raises ``RuntimeError`` (:func:`confirm_change`) unless the app saw the change.
    """
    before = chart_specs(at)
    at.slider(key=YEARS_KEY).set_value(value)  # a fresh handle: this run's element tree
    count = len(times)
    at.run()
    if len(times) != count + 1:
        raise RuntimeError(f"expected one script run, saw {len(times) - count}")
    confirm_change(at, value, before)
    return times[-1]


def confirm_change(at, value: tuple[int, int], before: list[str]) -> None:
    """Raise ``RuntimeError`` unless the last run saw the year range ``value``.

    Seen means: the slider, read afresh, holds ``value``, and at least one chart's spec
    differs from ``before`` (the specs of the run before), so the figures were redone.
    """
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    seen = tuple(at.slider(key=YEARS_KEY).value)
    if seen != tuple(value):
        raise RuntimeError(f"no-op rerun: the app's year slider holds {seen}, not {value}")
    after = chart_specs(at)
    if not after or after == before:
        raise RuntimeError(f"no-op rerun: no chart changed after moving the years to {value}")


def reruns(data: Path, runs: int) -> dict[str, object]:
    """Run :func:`rerun_child` in a fresh interpreter and read its JSON."""
    done = subprocess.run(
        [sys.executable, __file__, "_reruns", str(data), str(runs)],
        cwd=ROOT, capture_output=True, text=True, timeout=3600,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        return {"error": (done.stderr or done.stdout)[-500:]}
    return json.loads(lines[-1])


# --------------------------------------------------------------------------------------------
# A real server: cold start, first map, bytes per page, memory per session


@dataclass
class ServerFigures:
    """What one server on one data folder measured."""

    cold_start_s: float | None = None
    first_map_s: float | None = None
    first_map_cached_s: float | None = None
    first_map_page: str = ""
    bytes_by_page: dict[str, int] = field(default_factory=dict)
    rss_1_mb: float | None = None
    rss_20_mb: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def per_session_mb(self) -> float | None:
        """Memory growth per session from 1 to 20 sessions."""
        if self.rss_1_mb is None or self.rss_20_mb is None:
            return None
        return (self.rss_20_mb - self.rss_1_mb) / 19


def map_path() -> str:
    """The page whose map is timed: the map page, or the overview's growth map before it."""
    return "map" if (ROOT / PAGES["map"]).exists() else ""


def server_figures(data: Path, runs: int, browser) -> ServerFigures:
    """Cold start, warm first map, bytes per page and memory of one server on ``data``."""
    out = ServerFigures(first_map_page="/" + map_path())
    started = time.perf_counter()
    server = start_server(data)
    url = server.url
    try:
        map_url = f"{url}/{map_path()}"
        out.cold_start_s = _time_first_map(browser, map_url, started)
        out.first_map_s = _median([_time_first_map(browser, map_url) for _ in range(runs)])
        # A returning visitor: the browser already holds Streamlit's and plotly's scripts.
        context = browser.new_context(viewport={"width": 1600, "height": 900}, locale="zh-CN")
        try:
            _time_first_map(context, map_url)
            out.first_map_cached_s = _median(
                [_time_first_map(context, map_url) for _ in range(runs)]
            )
        finally:
            context.close()
        for page, path in URL_PATHS.items():
            if page in PAGES and not (ROOT / PAGES[page]).exists():
                continue
            out.bytes_by_page[page] = _first_view_bytes(browser, f"{url}/{path}")
        # Playwright's sync API owns this thread's event loop: the sessions run in another.
        with ThreadPoolExecutor(1) as pool:
            memory = pool.submit(asyncio.run, _session_memory(url, server.process.pid)).result()
        out.rss_1_mb, out.rss_20_mb = memory
    finally:
        stop_server(server)
    return out


def _median(values: list[float | None]) -> float | None:
    done = [v for v in values if v is not None]
    return statistics.median(done) if done else None


def _time_first_map(opener, url: str, since: float | None = None) -> float | None:
    """Seconds from ``since`` (default: opening the page) until a map is painted.

    ``opener`` is a browser (a new context: empty cache, a new visitor) or a context (its
    cache kept: a returning visitor); either way the page is a new Streamlit session.
    """
    fresh = not hasattr(opener, "browser")
    context = (
        opener.new_context(viewport={"width": 1600, "height": 900}, locale="zh-CN")
        if fresh
        else opener
    )
    page = context.new_page()
    started = since if since is not None else time.perf_counter()
    try:
        page.goto(url, wait_until="commit", timeout=120_000)
        page.wait_for_selector(MAP_SELECTOR, timeout=180_000, state="attached")
        return time.perf_counter() - started
    except Exception:  # a timeout is reported as "not drawn", not a crash of the benchmark
        return None
    finally:
        page.close()
        if fresh:
            context.close()


def _first_view_bytes(browser, url: str) -> int:
    """Websocket bytes the browser received until the page's first run finished."""
    context = browser.new_context(viewport={"width": 1600, "height": 900}, locale="zh-CN")
    page = context.new_page()
    received = [0]

    def on_socket(ws) -> None:
        ws.on("framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload)))

    page.on("websocket", on_socket)
    try:
        page.goto(url, wait_until="commit", timeout=120_000)
        page.wait_for_selector('[data-testid="stApp"]', timeout=120_000)
        page.wait_for_function(
            "() => { const s = document.querySelector('[data-testid=\"stStatusWidget\"]');"
            " return !s || !s.innerText.includes('Running'); }",
            timeout=300_000,
        )
        # Done when nothing more arrived for two seconds (the script's last deltas included).
        seen = -1
        while seen != received[0]:
            seen = received[0]
            page.wait_for_timeout(2000)
        return received[0]
    finally:
        context.close()


async def _session_memory(server_url: str, pid: int) -> tuple[float, float]:
    """RSS (MB) with one open session, then with twenty."""
    import websockets

    url = _stream_url(server_url)
    sockets = []
    try:
        for count in range(20):
            ws = await websockets.connect(
                url, subprotocols=["streamlit"], max_size=None, open_timeout=120
            )
            sockets.append(ws)
            await loadtest.one_run(ws, loadtest.rerun_message({}), 600)
            if count == 0:
                await asyncio.sleep(1.0)
                one = loadtest.rss_mb(pid)
        await asyncio.sleep(1.0)
        return one, loadtest.rss_mb(pid)
    finally:
        for ws in sockets:
            await ws.close()


# --------------------------------------------------------------------------------------------
# Naive (one trace per link) against the project's map


def project_map(data, links, every_pair: bool = True) -> object:
    """The map page's world figure (sistercities.figures.world_map) of these links.

    With ``every_pair`` the country aggregation used above ``AGGREGATE_ABOVE`` pairs is
    switched off, so the figure draws the same arcs as the naive one.
    """
    from geo.map_layers import country_label_points
    from sistercities.figures import world_map as map_figure

    saved = map_figure.AGGREGATE_ABOVE
    if every_pair:
        map_figure.AGGREGATE_ABOVE = 10**9
    try:
        return map_figure.world_map_figure(
            links, "en", map_figure.MapView(), list(data.countries["iso3"]),
            _label_points(country_label_points), ("Sister cities", "benchmark"),
        )  # fmt: skip
    finally:
        map_figure.AGGREGATE_ABOVE = saved


def _label_points(reader: Callable[[Path], dict]) -> dict:
    """Country label points of the served world topojson (read once)."""
    if not _LABELS:
        _LABELS.update(reader(ROOT / "static" / "world_110m.json"))
    return _LABELS


_LABELS: dict = {}


def naive_map(links, layout) -> object:
    """The naive way: one validated plotly trace per link, on the project's layout.

    The traces draw the same great-circle arcs as the project's line trace, plus the partner
    and home markers. It leaves out the project's country shapes and maritime line, so it
    does less work than the project's figure: the ratio is, if anything, in its favour.
    """
    import plotly.graph_objects as go

    from geo.spatial import great_circle
    from sistercities.figures.world_map import ARC_POINTS

    fig = go.Figure(layout=layout)
    columns = ["home_lon", "home_lat", "partner_lon", "partner_lat"]
    for lon1, lat1, lon2, lat2 in links[columns].itertuples(index=False, name=None):
        lons, lats = great_circle(lon1, lat1, lon2, lat2, ARC_POINTS)
        fig.add_trace(
            go.Scattergeo(lon=lons, lat=lats, mode="lines", line={"width": 1}, hoverinfo="skip")
        )
    for side in ("partner", "home"):
        fig.add_trace(
            go.Scattergeo(lon=links[f"{side}_lon"], lat=links[f"{side}_lat"], mode="markers")
        )
    return fig


@dataclass
class NaiveFigures:
    """Naive against project map at one size."""

    links: int
    source: str
    naive_build_s: float
    project_build_s: float
    naive_draw_s: float | None
    project_draw_s: float | None
    naive_json_mb: float
    project_json_mb: float


def naive_vs_project(data_dir: Path, runs: int, browser, draw_timeout_s: float) -> NaiveFigures:
    """Build + serialise both figures (medians) and draw both in Chromium."""
    from sistercities.dataset import load_dataset
    from sistercities.figures.growth_map import located

    data = load_dataset(data_dir).dataset
    assert data is not None
    links = located(data.links)
    project_times, naive_times = [], []
    project_json = naive_json = ""
    for _ in range(runs):
        started = time.perf_counter()
        fig = project_map(data, links)
        project_json = fig.to_json()
        project_times.append(time.perf_counter() - started)
    layout = fig.layout
    for _ in range(max(1, runs if len(links) <= 2000 else 1)):
        started = time.perf_counter()
        naive_json = naive_map(links, layout).to_json()
        naive_times.append(time.perf_counter() - started)
    source = (
        "sistercities.figures.world_map.world_map_figure, every pair drawn (no country aggregation)"
    )
    with _static_server() as static_url:
        project_draw = _draw_time(browser, project_json, static_url, draw_timeout_s)
        naive_draw = _draw_time(browser, naive_json, static_url, draw_timeout_s)
    return NaiveFigures(
        len(links), source, statistics.median(naive_times), statistics.median(project_times),
        naive_draw, project_draw, len(naive_json) / 1e6, len(project_json) / 1e6,
    )  # fmt: skip


class _static_server:
    """The app's static folder over loopback HTTP, for plotly's topojsonURL."""

    def __enter__(self) -> str:
        handler = partial(_QuietHandler, directory=str(ROOT / "static"))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        del args

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


def _draw_time(browser, figure_json: str, topojson_url: str, timeout_s: float) -> float | None:
    """Seconds Plotly.newPlot takes to draw ``figure_json`` (None past the timeout)."""
    from plotly.offline import get_plotlyjs

    context = browser.new_context(viewport={"width": 1600, "height": 900})
    page = context.new_page()
    page.set_default_timeout(timeout_s * 1000)
    try:
        page.set_content(f"<div id=chart></div><script>{get_plotlyjs()}</script>")
        page.evaluate("(text) => { window.FIG = JSON.parse(text); }", figure_json)
        return page.evaluate(
            """async (url) => {
                const started = performance.now();
                await Plotly.newPlot('chart', FIG.data, FIG.layout, {topojsonURL: url});
                await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
                return (performance.now() - started) / 1000;
            }""",
            topojson_url,
        )
    except Exception:  # past the timeout: reported as "more than the timeout"
        return None
    finally:
        context.close()


# --------------------------------------------------------------------------------------------
# Replicas behind nginx against one process (the load test of bench/loadtest.py)


@dataclass
class LoadFigures:
    """One load-test run."""

    target: str
    sessions: int
    connected: int
    reruns: int
    errors: int
    median_ms: float | None
    p95_ms: float | None
    rss_mb: float


def load_single(data: Path, sessions: int, seconds: float) -> LoadFigures:
    """The load test against one dashboard process (each click a year range not used before)."""
    server = start_server(data)
    try:
        url = _stream_url(server.url)
        totals, peak = asyncio.run(
            loadtest.drive(url, sessions, seconds, server.process.pid, fresh=True)
        )
    finally:
        stop_server(server)
    return _load_figures("1 process", sessions, totals, peak)


def load_replicas(data: Path, sessions: int, seconds: float) -> LoadFigures | str:
    """The same load test through nginx in front of two replicas (deploy/run_replicas.sh)."""
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        return "nginx missing: install it with 'apt-get install nginx'"
    run_dir = Path(tempfile.mkdtemp(prefix="bench-deploy-"))
    try:
        deployment = start_deployment(data, run_dir, replicas=2, timeout=240)
    except RuntimeError as exc:
        return str(exc)[:500]
    try:
        replicas = _listening_pids([deployment.port + 1, deployment.port + 2])
        url = _stream_url(deployment.url)
        totals, _ = asyncio.run(loadtest.drive(url, sessions, seconds, replicas[0], fresh=True))
        rss = sum(loadtest.rss_mb(pid) for pid in replicas)
    finally:
        stop_server(deployment)
    return _load_figures("nginx + 2 replicas", sessions, totals, rss)


def _load_figures(target: str, sessions: int, totals, rss: float) -> LoadFigures:
    times = sorted(totals.times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))] * 1000 if times else None
    return LoadFigures(
        target, sessions, totals.sessions_started, len(times), len(totals.errors),
        statistics.median(times) * 1000 if times else None, p95, rss,
    )  # fmt: skip


def _stream_url(server_url: str) -> str:
    """The websocket address of Streamlit's session stream on ``server_url``."""
    return server_url.replace("http://", "ws://") + "/_stcore/stream"


def _listening_pids(ports: list[int]) -> list[int]:
    """Pids of the processes listening on these loopback ports (read from /proc)."""
    inodes: dict[str, int] = {}
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        parts = line.split()
        local, state, inode = parts[1], parts[3], parts[9]
        if state == "0A" and int(local.split(":")[1], 16) in ports:
            inodes[inode] = int(local.split(":")[1], 16)
    found: dict[int, int] = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                target = str(fd.readlink())
                if target.startswith("socket:[") and target[8:-1] in inodes:
                    found[inodes[target[8:-1]]] = int(proc.name)
        except OSError:
            continue
    return [found[p] for p in ports if p in found]


# --------------------------------------------------------------------------------------------
# Report


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def _s(value: float | None, limit: float | None = None) -> str:
    if value is None:
        return f"> {limit:.0f} s" if limit else "—"
    return f"{value:.2f}"


def _verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("met" if ok else "**missed**")


def report(results: dict, args: argparse.Namespace) -> str:
    """RESULTS.md: environment, the tables, and each target with its verdict."""
    lines = [
        "# Benchmark results",
        "",
        f"Made by `.venv/bin/python bench/run.py{' --quick' if args.quick else ''}` on "
        f"{time.strftime('%Y-%m-%d %H:%M')}: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average before the run "
        f"{results['load_before']}, after {os.getloadavg()[0]:.1f}. The machine is shared "
        "with other developers' test runs, so absolute times are noisy: ratios matter more.",
        f"Runs per figure: {args.runs} (medians).",
        "",
        "## Rerun after a filter change (server time, ms, median)",
        "",
        "Each change picks a year range not seen before in the session (per-filter caches miss).",
        "",
        "| data | links | " + " | ".join(PAGES) + " |",
        "|---|---:|" + "---:|" * len(PAGES),
    ]
    for name, entry in results["datasets"].items():
        cells = []
        for page in PAGES:
            value = entry["reruns"].get(page, {}) if isinstance(entry["reruns"], dict) else {}
            if value.get("missing"):
                cells.append("page missing")
            elif "error" in value:
                cells.append("error: " + value["error"][:60].replace("|", "/"))
            else:
                cells.append(_ms(value.get("median_ms")))
        lines.append(f"| {name} | {entry['links']:,} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "## Server: cold start, first map, bytes, memory",
        "",
        "| data | cold start → first map (s) | warm server, new visitor (s) "
        "| warm server, returning visitor (s) | "
        + " | ".join(f"{p} KB" for p in URL_PATHS)
        + " | RSS 1 session (MB) | RSS 20 sessions (MB) | per extra session (MB) |",
        "|---|---:|---:|---:|" + "---:|" * len(URL_PATHS) + "---:|---:|---:|",
    ]
    for name, entry in results["datasets"].items():
        server = entry.get("server")
        if server is None:
            continue
        sizes = [
            f"{server.bytes_by_page[p] / 1024:,.0f}" if p in server.bytes_by_page else "—"
            for p in URL_PATHS
        ]
        lines.append(
            f"| {name} | {_s(server.cold_start_s)} | {_s(server.first_map_s)} | "
            f"{_s(server.first_map_cached_s)} | "
            + " | ".join(sizes)
            + f" | {_ms(server.rss_1_mb)} | {_ms(server.rss_20_mb)} | "
            f"{'—' if server.per_session_mb is None else f'{server.per_session_mb:.1f}'} |"
        )
    first = next((e.get("server") for e in results["datasets"].values() if e.get("server")), None)
    lines += [
        "",
        f"The map timed is the one on `{first.first_map_page if first else '/map'}`, drawn when "
        f"`{MAP_SELECTOR}` exists (the country shapes painted). World boundaries "
        f"(static/world_110m.json): {results['boundaries_mb']:.2f} MB. A new visitor has an "
        "empty browser cache (a new browser context); a returning visitor's browser already "
        "holds the scripts (same context, a new tab: still a new Streamlit session).",
        "",
        "## Naive (one trace per link) against the project's map",
        "",
        "| links | build + serialise: naive (s) | project (s) | ratio "
        "| draw in Chromium: naive (s) "
        "| project (s) | ratio | JSON naive (MB) | project (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for item in results["naive"]:
        build_ratio = item.naive_build_s / item.project_build_s
        if item.naive_draw_s is None:
            draw_ratio = f"> {args.draw_timeout / (item.project_draw_s or 1):.0f}"
        else:
            draw_ratio = f"{item.naive_draw_s / (item.project_draw_s or 1):.0f}"
        lines.append(
            f"| {item.links:,} | {item.naive_build_s:.2f} | {item.project_build_s:.3f} | "
            f"{build_ratio:.0f}× | {_s(item.naive_draw_s, args.draw_timeout)} | "
            f"{_s(item.project_draw_s)} | {draw_ratio}× | {item.naive_json_mb:.1f} | "
            f"{item.project_json_mb:.1f} |"
        )
    if results["naive"]:
        lines.append(f"\nProject's way: {results['naive'][0].source}.")
    lines += ["", "## Load test: one process against nginx + two replicas", ""]
    if results["load"]:
        lines += [
            "| target | sessions (connected) | completed reruns | errors | median (ms) | "
            "p95 (ms) | server RSS after (MB) |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for item in results["load"]:
            if isinstance(item, str):
                lines.append(f"| {item} | | | | | | |")
                continue
            lines.append(
                f"| {item.target} | {item.sessions} ({item.connected}) | {item.reruns} | "
                f"{item.errors} | {_ms(item.median_ms)} | {_ms(item.p95_ms)} | {item.rss_mb:.0f} |"
            )
        lines.append(
            f"\n{args.load_sessions} sessions changing filters for {args.load_seconds:.0f} s "
            "each (bench/loadtest.py, shipped data); sessions without the proxy's cookie are "
            "spread over the replicas by the hash of their request id."
        )
    else:
        lines.append("Not run (`--no-load`).")
    lines += ["", "## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    lines += targets(results)
    return "\n".join(lines) + "\n"


def _ratio_text(ratio: float | None, lower_bound: bool) -> str:
    if ratio is None:
        return "—"
    return ("> " if lower_bound else "") + f"{ratio:.0f}"


def targets(results: dict) -> list[str]:
    """One row per target of the issue."""
    rows = []
    datasets = results["datasets"]
    for name, limit in (("shipped", TARGETS["rerun_shipped_ms"]), ("25k", TARGETS["rerun_25k_ms"])):
        entry = datasets.get(name)
        if entry is None:
            continue
        for page in PAGES:
            value = entry["reruns"].get(page, {}) if isinstance(entry["reruns"], dict) else {}
            median = value.get("median_ms")
            what = "page missing" if value.get("missing") else f"{_ms(median)} ms"
            ok = None if median is None else median <= limit
            rows.append(f"| rerun ≤ {limit} ms, {page}, {name} | {what} | {_verdict(ok)} |")
    servers = [e["server"] for e in datasets.values() if e.get("server")]
    for name, entry in datasets.items():
        server = entry.get("server")
        if server is None:
            continue
        for who, value in (
            ("new visitor", server.first_map_s),
            ("returning visitor", server.first_map_cached_s),
        ):
            ok = None if value is None else value <= TARGETS["first_map_s"]
            rows.append(
                f"| first map ≤ 3 s on a warm server ({who}), {name} | {_s(value)} s "
                f"| {_verdict(ok)} |"
            )
    boundaries = results["boundaries_mb"]
    rows.append(f"| world boundaries < 1 MB | {boundaries:.2f} MB | {_verdict(boundaries < 1.0)} |")
    big = [n for n in results["naive"] if n.links >= 20000]
    for item in big:
        build = item.naive_build_s / item.project_build_s
        draw = (
            None
            if item.project_draw_s is None
            else ((item.naive_draw_s or float("inf")) / item.project_draw_s)
        )
        ok = build >= TARGETS["naive_ratio"] and (draw is None or draw >= TARGETS["naive_ratio"])
        rows.append(
            f"| ≥ 10× faster than naive at {item.links:,} links | build {build:.0f}×, draw "
            f"{_ratio_text(draw, item.naive_draw_s is None)}× "
            f"| {_verdict(ok)} |"
        )
    for name, entry in datasets.items():
        server = entry.get("server")
        if server is None or server.per_session_mb is None:
            continue
        ok = server.per_session_mb < TARGETS["session_mb"]
        rows.append(
            f"| < 30 MB per extra session, {name} | {server.per_session_mb:.1f} MB "
            f"| {_verdict(ok)} |"
        )
    del servers
    return rows


# --------------------------------------------------------------------------------------------


def _load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def part_e2e(folder: Path, runs: int) -> int:
    """``bench/run.py e2e FOLDER [RUNS]``: slider release -> charts repainted, every page."""
    from bench.e2e import end_to_end

    print(f"load average before: {_load_average()}", flush=True)
    pages = {name: URL_PATHS[name] for name in PAGES}
    with _browser(False) as browser:
        found = end_to_end(folder, pages, runs, browser)
    for item in found:
        samples = ", ".join(f"{s:.0f}" for s in item.samples_ms)
        print(
            f"{item.page:9} median {_ms(item.median_ms)} ms over {item.charts} chart(s) "
            f"[{samples}] {'; '.join(item.errors)}"
        )
    print(f"load average after: {_load_average()}")
    return 1 if any(item.errors for item in found) else 0


def part_load(folder: Path, sessions: int, seconds: float) -> int:
    """``bench/run.py load FOLDER [SESSIONS SECONDS]``: the overview's load test, one process."""
    print(f"load average before: {_load_average()}", flush=True)
    server = start_server(folder)
    try:
        asyncio.run(_warm_up(_stream_url(server.url)))  # imports and the data load: not a click
        cpu_before = _cpu_seconds(server.process.pid)
        started = time.monotonic()
        totals, peak_rss = asyncio.run(
            loadtest.drive(_stream_url(server.url), sessions, seconds, server.process.pid, True)
        )
        wall = time.monotonic() - started
        cpu = _cpu_seconds(server.process.pid) - cpu_before
    finally:
        stop_server(server)
    times = sorted(totals.times)
    print(loadtest.summary(totals, wall, sessions))
    runs = len(times) + sessions  # every click, plus each session's first view
    print(
        f"server CPU:         {cpu:.1f} s over {wall:.0f} s ({cpu / wall:.2f} cores busy), "
        f"{cpu / runs * 1000:.0f} ms per script run (clicks + first views) -> bound "
        f"{runs / cpu:.1f} runs/s per process"
    )
    print(f"server peak RSS:    {peak_rss:.0f} MB")
    print(f"load average after: {_load_average()}")
    return 1 if totals.errors or not times else 0


async def _warm_up(url: str) -> None:
    """One session's first view, so the server has imported its modules and loaded the data."""
    import websockets

    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None) as ws:
        await loadtest.one_run(ws, loadtest.rerun_message({}), 600)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def part_first_map(folder: Path, runs: int) -> int:
    """``bench/run.py firstmap FOLDER [RUNS]``: a new visitor's first map on a warm server."""
    print(f"load average before: {_load_average()}", flush=True)
    server = start_server(folder)
    try:
        with _browser(False) as browser:
            url = f"{server.url}/{map_path()}"
            _time_first_map(browser, url)  # the server's first map: caches warm
            found = [_time_first_map(browser, url) for _ in range(runs)]
    finally:
        stop_server(server)
    shown = ", ".join("not drawn" if s is None else f"{s:.2f}" for s in found)
    print(f"first map, new visitor (empty browser cache): median {_s(_median(found))} s [{shown}]")
    print(f"load average after: {_load_average()}")
    return 0 if all(s is not None for s in found) else 1


PARTS = {
    "e2e": lambda a: part_e2e(Path(a[0]), int(a[1]) if len(a) > 1 else 5),
    "load": lambda a: part_load(
        Path(a[0]), int(a[1]) if len(a) > 1 else 50, float(a[2]) if len(a) > 2 else 60
    ),
    "firstmap": lambda a: part_first_map(Path(a[0]), int(a[1]) if len(a) > 1 else 3),
}
"""Parts that run alone (``bench/run.py PART FOLDER ...``) and print their figures."""


def main() -> int:
    """Build the folders, measure everything, print and write the results."""
    if len(sys.argv) == 4 and sys.argv[1] == "_reruns":
        print(json.dumps(rerun_child(Path(sys.argv[2]), int(sys.argv[3]))))
        return 0
    if len(sys.argv) >= 3 and sys.argv[1] in PARTS:
        return PARTS[sys.argv[1]](sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="shipped + 1,000 links, 3 runs")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-load", action="store_true")
    parser.add_argument("--load-sessions", type=int, default=20)
    parser.add_argument("--load-seconds", type=float, default=30)
    parser.add_argument("--draw-timeout", type=float, default=240)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--no-firstvisit", action="store_true", help="skip the first-visit parts")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.quick:
        sizes, args.runs, args.load_seconds = [1000], 3, 15
    results: dict = {
        "load_before": f"{os.getloadavg()[0]:.1f}",
        "datasets": {},
        "naive": [],
        "load": [],
        "boundaries_mb": (ROOT / "static" / "world_110m.json").stat().st_size / 1e6,
    }
    work = Path(tempfile.mkdtemp(prefix="sistercities-bench-"))
    folders = {"shipped": shipped_copy(work)}
    for size in sizes:
        folders[f"{size // 1000}k"] = synth(work, size)
    with _browser(args.no_browser) as browser:
        for name, folder in folders.items():
            links = sum(1 for _ in (folder / "links.csv").open(encoding="utf-8")) - 1
            print(f"[{name}] reruns ...", flush=True)
            entry = {"links": links, "reruns": reruns(folder, args.runs)}
            print(f"[{name}] {json.dumps(entry['reruns'])}", flush=True)
            if browser is not None:
                print(f"[{name}] server, browser, memory ...", flush=True)
                entry["server"] = server_figures(folder, min(args.runs, 3), browser)
                print(f"[{name}] {entry['server']}", flush=True)
            results["datasets"][name] = entry
        if browser is not None:
            for size in sizes:
                print(f"[naive {size}] ...", flush=True)
                item = naive_vs_project(
                    folders[f"{size // 1000}k"], min(args.runs, 3), browser, args.draw_timeout
                )
                print(f"[naive {size}] {item}", flush=True)
                results["naive"].append(item)
    if not args.no_load:
        print("[load] one process, then nginx + 2 replicas ...", flush=True)
        results["load"] = [
            load_single(folders["shipped"], args.load_sessions, args.load_seconds),
            load_replicas(folders["shipped"], args.load_sessions, args.load_seconds),
        ]
    first_visits, static_visits = [], {}
    if not (args.no_browser or args.no_firstvisit) and Path(CHROMIUM).exists():
        print("[firstvisit] bare server, nginx HTTP, nginx HTTPS on throttled 4G ...", flush=True)
        with firstvisit.chromium() as browser:
            first_visits = firstvisit.measure(browser, min(args.runs, 3))
        print("[firstvisit] the static edition through nginx with gzip ...", flush=True)
        static_visits = static_edition.measure(min(args.runs, 3))
    text = report(results, args)
    if first_visits:
        text += "\n" + firstvisit.section(first_visits, min(args.runs, 3))
    if static_visits:
        text += "\n" + static_edition.section(static_visits, min(args.runs, 3))
    print(text)
    args.out.write_text(text, encoding="utf-8")
    print(f"written: {args.out}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


class _browser:
    """Debian's Chromium via Playwright, or None when it is missing or not wanted."""

    def __init__(self, skip: bool) -> None:
        self.skip = skip or not Path(CHROMIUM).exists()

    def __enter__(self):
        if self.skip:
            print("browser figures skipped (no /usr/bin/chromium or --no-browser)")
            return None
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        return self.browser

    def __exit__(self, *exc: object) -> None:
        if not self.skip:
            self.browser.close()
            self.playwright.stop()


if __name__ == "__main__":
    sys.exit(main())
