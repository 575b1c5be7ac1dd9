"""Command line: ``python -m sistercities validate | stats | synth | import-table | publish``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from sistercities.contract.problems import errors
from sistercities.contract.schema import Lang
from sistercities.contract.single_file import validate_file
from sistercities.counts import stats_as_of
from sistercities.dataset import load_dataset
from sistercities.i18n import normalise_lang, t
from sistercities.paths import data_dir


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its three sub-commands."""
    parser = argparse.ArgumentParser(prog="python -m sistercities")
    # no default: ``publish`` writes both languages unless one is named (messages: Chinese)
    parser.add_argument("--lang", choices=["zh", "en"], help="message language (default zh)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder or one file")
    check.add_argument(
        "path", nargs="?", type=Path, help="data folder or file (default: configured)"
    )
    stats = commands.add_parser("stats", help="counts under the counting rule")
    stats.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD (default: dataset.json as_of)")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.add_argument("--data", type=Path, help="data folder (default: configured)")
    synth = commands.add_parser("synth", help="write a synthetic data folder")
    synth.add_argument("--links", type=int, required=True)
    synth.add_argument("--seed", type=int, default=1)
    synth.add_argument("--out", type=Path, required=True)
    publish = commands.add_parser("publish", help="write the static public edition")
    publish.add_argument("--out", type=Path, required=True, help="folder to write the site to")
    publish.add_argument("--data", type=Path, help="data folder (default: configured)")
    from sistercities.importer.cli import add_parser

    add_parser(commands)
    return parser


def run_publish(out: Path, folder: Path | None, only: Lang | None) -> int:
    """Write the static edition (both languages, or ``only`` one); 1 on bad input."""
    from sistercities.publish.site import PublishError, publish

    langs: tuple[Lang, ...] = (only,) if only else ("zh", "en")
    try:
        count = publish(out, folder or data_dir(), langs)
    except PublishError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(t("pub.written", langs[0], path=out, count=count))
    return 0


def run_validate(path: Path | None, lang: Lang) -> int:
    """Print every problem of a folder or file; return 1 when there are errors."""
    target = path or data_dir()
    today = dt.date.today()
    if target.is_dir():
        problems = load_dataset(target, today, check_locations=True).problems
        files = len(list(target.glob("*.csv"))) + len(list(target.glob("*/*.csv")))
    else:
        _kind, problems = validate_file(target, today)
        files = 1
    for item in problems:
        print(item.describe(lang))
    found = errors(problems)
    if found:
        warnings = len(problems) - len(found)
        print(t("val.summary_errors", lang, errors=len(found), warnings=warnings))
        return 1
    print(t("val.summary_ok", lang, files=files))
    return 0


def run_stats(folder: Path | None, as_of: str | None, as_json: bool, lang: Lang) -> int:
    """Print counts on a date; return 1 when the folder does not validate."""
    result = load_dataset(folder or data_dir())
    if result.dataset is None:
        for item in result.problems:
            print(item.describe(lang), file=sys.stderr)
        return 1
    data = result.dataset
    try:
        day = dt.date.fromisoformat(as_of) if as_of else data.as_of
    except ValueError:
        print(t("val.bad_date", lang, value=as_of), file=sys.stderr)
        return 2
    stats = stats_as_of(data.links, data.official_totals, day)
    if as_json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        for key, value in stats.items():
            print(f"{key}: {value}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; never shows a traceback."""
    args = build_parser().parse_args(argv)
    lang = normalise_lang(args.lang)
    try:
        if args.command == "validate":
            return run_validate(args.path, lang)
        if args.command == "stats":
            return run_stats(args.data, args.as_of, args.json, lang)
        if args.command == "publish":
            return run_publish(
                args.out, args.data, normalise_lang(args.lang) if args.lang else None
            )
        if args.command == "import-table":
            from sistercities.importer.cli import run

            return run(args, lang)
        from sistercities.synth import write_synthetic

        write_synthetic(args.out, links=args.links, seed=args.seed)
        print(args.out)
        return 0
    except Exception as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
