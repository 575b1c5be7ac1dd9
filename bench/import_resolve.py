"""Time and memory to resolve a 150-row official list (the import issue's figure).

    .venv/bin/python bench/import_resolve.py [--rows 150] [--runs 3]

The table is written the way officials' lists look (Chinese headers, Chinese names, mixed
date styles) from the real pairs of data/links.csv, repeated until it has ``--rows`` rows
(only a timing input: nothing is applied). It is resolved twice:

- ``warm data``: against the shipped data (most partners are places already in the data);
- ``cold data``: against a folder holding only Guangxi's places, so every partner goes
  through the division table or the GeoNames pass (the worst case: a first import).

Printed per case: median wall time of reading + resolving, the GeoNames pass alone, rows
resolved with confidence, and the peak Python allocation (tracemalloc, measured in one more
run, since tracing slows Python down) plus the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import csv
import io
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sistercities.dataset import load_dataset  # noqa: E402
from sistercities.importer import gazetteer  # noqa: E402
from sistercities.importer.resolve import Resolver  # noqa: E402
from sistercities.importer.rows import load_table, table_rows  # noqa: E402
from sistercities.paths import DEFAULT_DATA_DIR  # noqa: E402

STYLES = ("{y}年{m}月{d}日", "{y}.{m}.{d}", "{y}-{m:02d}", "{y}")


def official_table(rows: int) -> bytes:
    """A GB18030 CSV with a title line and Chinese headers, from the data's real pairs."""
    links = load_dataset(DEFAULT_DATA_DIR).dataset.links
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["广西国际友好城市名录"])
    writer.writerow(["序号", "中方城市", "外方城市", "国家", "结好时间"])
    records = links.to_dict("records")
    for number in range(rows):
        link = records[number % len(records)]
        start = link["start"]
        date = ""
        if link["established"]:
            style = STYLES[number % len(STYLES)]
            date = style.format(y=start.year, m=start.month, d=start.day)
        partner = link["partner_name_zh"] or link["partner_name_en"]
        writer.writerow([number + 1, link["home_name_zh"], partner, link["country_zh"], date])
    return buffer.getvalue().encode("gb18030")


def run_once(raw: bytes, places, countries) -> tuple[float, float, int]:
    """Seconds to read and resolve, seconds of the GeoNames pass, rows resolved."""
    scanned = []

    def timed_scan(wanted, found_countries):
        began = time.perf_counter()
        hits = gazetteer.scan_geonames(wanted, found_countries)
        scanned.append(time.perf_counter() - began)
        return hits

    began = time.perf_counter()
    table = load_table(raw, "bench.csv")
    results = Resolver(places, countries, timed_scan).resolve(
        table_rows(table, table.guess.mapping)
    )
    total = time.perf_counter() - began
    confident = sum(r.confident for r in results)
    return total, sum(scanned), confident


def main() -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=150)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    raw = official_table(args.rows)
    data = load_dataset(DEFAULT_DATA_DIR).dataset
    guangxi_only = data.places.loc[data.places["country_iso3"] == "CHN"]
    print(f"{args.rows}-row table, {len(raw):,} bytes; median of {args.runs} runs")
    print(f"{'case':<11} {'total s':>8} {'GeoNames s':>11} {'resolved':>9} {'peak MB':>8}")
    for name, places in (("warm data", data.places), ("cold data", guangxi_only)):
        times, scans = [], []
        for _ in range(args.runs):
            total, scan, confident = run_once(raw, places, data.countries)
            times.append(total)
            scans.append(scan)
        tracemalloc.start()  # a separate run: tracing slows Python down
        run_once(raw, places, data.countries)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(
            f"{name:<11} {statistics.median(times):>8.2f} {statistics.median(scans):>11.2f} "
            f"{confident:>5}/{args.rows:<3} {peak:>8.0f}"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MB (python, pandas and the data included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
