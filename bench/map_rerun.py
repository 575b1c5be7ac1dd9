"""Map page benchmark: rerun time after a filter change, and the bytes the browser receives.

Starts the dashboard on loopback (shipped data, and a synthetic folder of N links), opens
``/map`` in Debian's Chromium with every non-loopback request aborted, and counts the bytes of
every websocket frame the page receives (Playwright's ``framereceived``): for the first view,
then for each rerun after toggling the ASEAN quick pick. A rerun's time runs from the click to
the last frame of that rerun. The world figure's own build time (the pure builder, no
Streamlit) and its JSON size are printed beside it.

Run:  .venv/bin/python bench/map_rerun.py [--links 25000] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.map_layers import country_label_points  # noqa: E402
from sistercities.dataset import load_dataset  # noqa: E402
from sistercities.figures.world_map import MapView, world_map_figure  # noqa: E402
from sistercities.paths import DEFAULT_DATA_DIR, STATIC_DIR  # noqa: E402
from sistercities.synth import write_synthetic  # noqa: E402
from tools.serving import LOCAL_HOSTS, start_server, stop_server, wait_for_app  # noqa: E402

QUIET = 1.5  # seconds without a frame that end a rerun
SEGMENTS = """() => { const p = document.querySelectorAll(
    '[data-testid="stPlotlyChart"] .scatterlayer .trace path.js-line')[1];
    return p ? (p.getAttribute('d') || '').split('M').length - 1 : -1; }"""
ASEAN = ("东盟国家", "ASEAN countries")


class Frames:
    """Bytes and arrival time of websocket frames received by the page."""

    def __init__(self) -> None:
        self.bytes = 0
        self.last = time.perf_counter()

    def add(self, payload: str | bytes) -> None:
        """Count one frame."""
        self.bytes += len(payload.encode() if isinstance(payload, str) else payload)
        self.last = time.perf_counter()

    def settle(self, since: float, timeout: float = 180.0) -> float:
        """Wait until frames stop; return the time of the last frame after ``since``."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            time.sleep(0.1)
            if self.last > since and time.perf_counter() - self.last > QUIET:
                return self.last
        raise TimeoutError(f"no quiet end of the rerun ({self.last - since:.1f} s)")


def _loopback_only(route) -> None:
    """Let loopback (and data:/blob:) requests through; abort everything else."""
    host = urlparse(route.request.url).hostname or ""
    local = host in LOCAL_HOSTS or route.request.url.startswith(("data:", "blob:"))
    route.continue_() if local else route.abort()


def browser_figures(url: str, runs: int) -> dict[str, float]:
    """First-view bytes, and the median rerun time and bytes over ``runs`` filter toggles."""
    from playwright.sync_api import sync_playwright

    frames = Frames()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(viewport={"width": 1600, "height": 900})
        context.route("**/*", _loopback_only)
        page = context.new_page()
        page.on("websocket", lambda ws: ws.on("framereceived", frames.add))
        start = time.perf_counter()
        page.goto(url + "/map")
        wait_for_app(page, timeout=180_000)
        page.wait_for_selector("path.choroplethlocation", state="attached", timeout=180_000)
        first_drawn = time.perf_counter() - start
        frames.settle(start)
        first = frames.bytes
        times, sizes = [], []
        for _ in range(runs):
            before = frames.bytes
            pill = page.get_by_role("button", name=ASEAN[0], exact=True)
            segments = page.evaluate(SEGMENTS)
            clicked = time.perf_counter()
            pill.first.click()
            page.wait_for_function(f"() => ({SEGMENTS})() !== {segments}", timeout=180_000)
            done = max(frames.settle(clicked), time.perf_counter() - QUIET)
            times.append(done - clicked)
            sizes.append(frames.bytes - before)
        browser.close()
    return {
        "first_view_bytes": first,
        "first_map_seconds": first_drawn,
        "rerun_ms": statistics.median(times) * 1000,
        "rerun_bytes": statistics.median(sizes),
        "first_rerun_ms": times[0] * 1000,
        "first_rerun_bytes": sizes[0],
    }


def builder_figures(folder: Path, runs: int) -> dict[str, float]:
    """Median build time (ms) and JSON size of the world figure, all pairs and ASEAN only."""
    data = load_dataset(folder).dataset
    assert data is not None, f"{folder} does not load"
    points = country_label_points(STATIC_DIR / "world_110m.json")
    codes = list(data.countries["iso3"])
    asean = data.links.loc[data.links["asean"]]
    result: dict[str, float] = {"links": len(data.links)}
    for name, links in (("all", data.links), ("asean", asean)):
        world_map_figure(links, "zh", MapView(), codes, points, ("t", "n"))
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            fig = world_map_figure(links, "zh", MapView(), codes, points, ("t", "n"))
            times.append(time.perf_counter() - start)
        result[f"build_{name}_ms"] = statistics.median(times) * 1000
        result[f"json_{name}_bytes"] = len(fig.to_json())
    return result


def measure(label: str, folder: Path | None, runs: int) -> None:
    """Print one row of figures for a data folder (None: the shipped data)."""
    built = builder_figures(folder or DEFAULT_DATA_DIR, runs)
    server = start_server(folder)
    try:
        seen = browser_figures(server.url, runs)
    finally:
        stop_server(server)
    print(
        f"{label:<14} links={built['links']:>6}  "
        f"figure build all/asean: {built['build_all_ms']:.0f}/{built['build_asean_ms']:.0f} ms  "
        f"figure JSON all/asean: {built['json_all_bytes'] / 1024:.0f}/"
        f"{built['json_asean_bytes'] / 1024:.0f} KiB"
    )
    print(
        f"{'':<14} browser: first map drawn {seen['first_map_seconds']:.1f} s, "
        f"first view {seen['first_view_bytes'] / 1024:.0f} KiB received; "
        f"rerun after a filter change {seen['rerun_ms']:.0f} ms (click to last frame), "
        f"{seen['rerun_bytes'] / 1024:.0f} KiB received (medians of {runs}; Streamlit's "
        f"message cache resends nothing the browser already holds); first rerun "
        f"{seen['first_rerun_ms']:.0f} ms, {seen['first_rerun_bytes'] / 1024:.0f} KiB"
    )


def main() -> None:
    """Measure on the shipped data and on a synthetic folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=25_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("world topojson served once:", (STATIC_DIR / "world_110m.json").stat().st_size, "bytes")
    measure("shipped", None, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_synthetic(Path(tmp) / "data", args.links)
        measure(f"synthetic {args.links}", folder, args.runs)


if __name__ == "__main__":
    main()
