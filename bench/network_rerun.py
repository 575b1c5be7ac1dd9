"""Rerun time of the network page (/network) after a filter change.

Measured on the shipped data and on a synthetic 25,000-link folder (made with
``python -m sistercities synth --links 25000 --out DIR`` when missing). Each measured rerun moves
the year slider to a range not seen before, so the graph, measures, communities and layout are
computed afresh (a cache miss), as after a real filter change; a rerun with an unchanged filter
(cache hit) is shown for comparison. The page runs in Streamlit's AppTest script runner, in
this process: the figures are server time, without the browser. Medians of several runs; the
machine is shared, so compare rather than trust absolutes.

Run:  .venv/bin/python bench/network_rerun.py [--synth /tmp/synth25k] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sistercities.paths import DATA_DIR_ENV, DEFAULT_DATA_DIR  # noqa: E402

PAGE = "pages/2_network.py"


def ensure_synth(folder: Path, links: int) -> Path:
    """Create the synthetic folder with the project's CLI unless it is there."""
    if not (folder / "links.csv").exists():
        command = [sys.executable, "-m", "sistercities", "synth", "--links", str(links)]
        subprocess.run([*command, "--out", str(folder)], cwd=ROOT, check=True)
    return folder


def open_page(folder: Path) -> tuple[AppTest, float]:
    """The network page on ``folder`` (entered from the overview) and its first-run time."""
    os.environ[DATA_DIR_ENV] = str(folder)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600).run()
    start = time.perf_counter()
    app.switch_page(PAGE).run()
    first = time.perf_counter() - start
    if app.exception:
        raise SystemExit(f"the page failed on {folder}: {app.exception[0].message}")
    return app, first


def timed_run(app: AppTest) -> float:
    """Seconds of one rerun; fails loudly when the page raised."""
    start = time.perf_counter()
    app.run()
    took = time.perf_counter() - start
    if app.exception:
        raise SystemExit(f"the page failed: {app.exception[0].message}")
    return took


def measure(folder: Path, runs: int) -> dict[str, object]:
    """First run, reruns after fresh filter changes, and reruns with the filter unchanged."""
    app, first = open_page(folder)
    view = app.segmented_control(key="w.net.view").value
    slider = app.slider(key="w.f.years")
    low, high = int(slider.min), int(slider.max)
    changed = []
    for step in range(runs):
        app.slider(key="w.f.years").set_value((low + 1 + step, high - step % 2))
        changed.append(timed_run(app))
    unchanged = [timed_run(app) for _ in range(runs)]
    links = int(sum(1 for _ in (folder / "links.csv").open(encoding="utf-8")) - 1)
    return {
        "folder": folder,
        "links": links,
        "view": view,
        "first": first,
        "changed": statistics.median(changed),
        "changed_max": max(changed),
        "unchanged": statistics.median(unchanged),
    }


def main() -> None:
    """Measure both folders and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synth", type=Path, default=Path("/tmp/synth25k"))
    parser.add_argument("--links", type=int, default=25000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folders = [DEFAULT_DATA_DIR, ensure_synth(args.synth, args.links)]
    print(
        f"{'data':<28}{'links':>7}  {'view':<8}{'first run':>10}"
        f"{'filter change (median / max)':>31}{'no change':>11}"
    )
    for folder in folders:
        row = measure(folder, args.runs)
        print(
            f"{row['folder']!s:<28}{row['links']:>7}  {row['view']:<8}"
            f"{row['first'] * 1000:>8.0f}ms"
            f"{row['changed'] * 1000:>20.0f}ms / {row['changed_max'] * 1000:>4.0f}ms"
            f"{row['unchanged'] * 1000:>9.0f}ms"
        )


if __name__ == "__main__":
    main()
