"""``python -m sistercities import-table FILE [--apply] [--json] [--list-name NAME]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sistercities.contract.problems import errors
from sistercities.contract.schema import Lang
from sistercities.dataset import load_dataset
from sistercities.i18n import t
from sistercities.importer.apply import apply_import, plan_import
from sistercities.importer.compare import Comparison, compare
from sistercities.importer.report import describe_row, row_record
from sistercities.importer.resolve import Resolver, RowResult
from sistercities.importer.rows import load_table, mapping_problems, table_rows
from sistercities.paths import data_dir
from sistercities.store.transactions import StoreError


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register the ``import-table`` sub-command."""
    command = commands.add_parser("import-table", help="resolve (and apply) an official list")
    command.add_argument("file", type=Path, help="the official list (CSV or XLSX)")
    command.add_argument("--apply", action="store_true", help="apply the confident rows")
    command.add_argument("--json", action="store_true", help="print JSON")
    command.add_argument("--list-name", dest="list_name", default="", help="the list's name")
    command.add_argument("--data", type=Path, help="data folder (default: configured)")
    command.add_argument("--who", default="import-table", help="who applies (for the log)")


def run(args: argparse.Namespace, lang: Lang) -> int:
    """Resolve and print every row; apply with ``--apply``. 1 when the table is unusable."""
    folder = args.data or data_dir()
    table = load_table(args.file.read_bytes(), args.file.name)
    mapping = dict(table.guess.mapping) if table.guess else {}
    problems = table.problems + mapping_problems(mapping, args.file.name)
    loaded = load_dataset(folder)
    if errors(problems) or loaded.dataset is None:
        for item in problems + loaded.problems:
            print(item.describe(lang), file=sys.stderr)
        return 1
    data = loaded.dataset
    results = Resolver(data.places, data.countries).resolve(table_rows(table, mapping))
    comparison = compare(results, data.links, data.places)
    output: dict[str, object] = {
        "rows": [row_record(r) for r in results],
        "new": [r.source.row for r in comparison.new],
        "differs": comparison.differs.to_dict("records"),
        "missing": comparison.missing.to_dict("records"),
    }
    if not args.json:
        for result in results:
            print(describe_row(result, lang))
        print(_summary(comparison, lang))
    code = _apply(args, folder, results, output, lang) if args.apply else 0
    if args.json:
        print(json.dumps(output, ensure_ascii=False, indent=2, default=str))
    return code


def _summary(comparison: Comparison, lang: Lang) -> str:
    """New, differing, unchanged and missing counts."""
    return t(
        "imp.cli.summary",
        lang,
        new=len(comparison.new),
        differs=comparison.differs["row"].nunique(),
        same=len(comparison.same),
        missing=len(comparison.missing),
    )


def _apply(
    args: argparse.Namespace,
    folder: Path,
    results: list[RowResult],
    output: dict[str, object],
    lang: Lang,
) -> int:
    """Apply the confident rows; list those left for an editor."""
    plan = plan_import(folder, results, args.list_name, args.file.name)
    left = [r.source.row for r in plan.left]
    output["left_for_editor"] = left
    if not plan.ok:
        for item in plan.problems:
            print(item.describe(lang), file=sys.stderr)
        print(t("imp.cli.nothing", lang, left=len(left)), file=sys.stderr)
        return 1 if errors(plan.problems) else 0
    try:
        record = apply_import(folder, plan, args.who, lang)
    except StoreError as exc:
        print(t(exc.code, lang, **exc.params), file=sys.stderr)
        for item in exc.problems:
            print(item.describe(lang), file=sys.stderr)
        return 1
    output["applied"] = {"change": record.id, "summary": record.summary}
    if not args.json:
        print(t("imp.cli.applied", lang, summary=record.summary, rows=len(plan.applied)))
        for result in plan.left:
            print(t("imp.cli.left", lang, row=result.source.row, partner=result.source.partner))
    return 0
