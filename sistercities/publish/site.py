"""Writing the static edition: every page of each language, and the shared assets once.

The site is built in a temporary folder beside the output and moved into place only when
complete, so the output is never half-written: a failure leaves the old site (or nothing).
An output folder that holds something other than a site this command wrote is never touched.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from plotly.offline import get_plotlyjs

from sistercities.contract.schema import Lang
from sistercities.dataset import Dataset, load_dataset
from sistercities.i18n import t
from sistercities.publish.render import LANG_DIRS, page_html
from sistercities.publish.views import WORLD_TOPOJSON, Context, Page, made_on, site_pages

MARKER = ".sistercities-site"
BUNDLE = Path(__file__).resolve().parent / "assets" / "plotly-site.min.js"
BUNDLE_TRACES = frozenset({"scatter", "bar", "scattergeo", "choropleth"})
"""The traces of the partial plotly.js bundle (bundle/build.sh); any other needs the full one."""
ASSETS = Path(__file__).resolve().parent / "assets"
TOPOJSON_NAME = "world_110m"


class PublishError(Exception):
    """A problem that stops publishing; its message names it for a person."""


def load(folder: Path, lang: Lang) -> Dataset:
    """The dataset of ``folder``, or a :class:`PublishError` listing its problems."""
    result = load_dataset(folder)
    if result.dataset is None:
        lines = [t("pub.error.no_data", lang, folder=folder)]
        lines += [item.describe(lang) for item in result.problems]
        raise PublishError("\n".join(lines))
    return result.dataset


def check_out(out: Path, lang: Lang) -> None:
    """Refuse an output that is a file, or a non-empty folder this command did not write."""
    if out.is_file():
        raise PublishError(t("pub.error.out_is_file", lang, path=out))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise PublishError(t("pub.error.out_not_site", lang, path=out))


def trace_types(pages: Sequence[Page]) -> set[str]:
    """Every trace type the pages draw."""
    return {
        str(trace.get("type", "scatter")) for page in pages for c in page.charts for trace in c.data
    }


def plotly_js(types: set[str]) -> str:
    """The partial bundle when it draws every trace type used (a third of the bytes), else all."""
    if types <= BUNDLE_TRACES and BUNDLE.is_file():
        return BUNDLE.read_text(encoding="utf-8")
    return get_plotlyjs()


def write_assets(folder: Path, lang: Lang, types: set[str]) -> None:
    """plotly.js, the world topojson as a script, the stylesheet and the drawing script."""
    assets = folder / "assets"
    assets.mkdir()
    try:
        topojson = json.loads(WORLD_TOPOJSON.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PublishError(t("pub.error.missing_asset", lang, path=WORLD_TOPOJSON)) from exc
    geo = {"topojson": {TOPOJSON_NAME: topojson}}
    script = "window.PlotlyGeoAssets = " + json.dumps(geo, separators=(",", ":")) + ";\n"
    (assets / f"{TOPOJSON_NAME}.js").write_text(script, encoding="utf-8")
    (assets / "plotly.min.js").write_text(plotly_js(types), encoding="utf-8")
    for name in ("site.css", "site.js"):
        shutil.copyfile(ASSETS / name, assets / name)


def write_pages(folder: Path, data: Dataset, built: dict[Lang, list[Page]], made: str) -> int:
    """Every page of every language built; returns how many were written."""
    count = 0
    for lang, pages in built.items():
        target = folder / LANG_DIRS[lang]
        target.mkdir(parents=True, exist_ok=True)
        ctx = Context.of(data, lang)
        for page in pages:
            document = page_html(page, pages, ctx, made, switch=len(built) > 1)
            (target / page.file).write_text(document, encoding="utf-8")
            count += 1
    return count


def publish(
    out: Path, folder: Path, langs: Sequence[Lang] = ("zh", "en"), made: str | None = None
) -> int:
    """Write the site of ``folder``'s data to ``out`` (all or nothing); returns the page count.

    Messages are in the first of ``langs``.
    """
    lang = langs[0]
    out = Path(out).expanduser().absolute()
    check_out(out, lang)
    data = load(folder, lang)
    built = {code: site_pages(data, code) for code in langs}
    types = trace_types([page for pages in built.values() for page in pages])
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as exc:
        raise PublishError(t("pub.error.write", lang, path=out, reason=exc.strerror)) from exc
    try:
        write_assets(building, lang, types)
        count = write_pages(building, data, built, made or made_on())
        (building / MARKER).write_text("python -m sistercities publish\n", encoding="utf-8")
        building.chmod(0o755)
        swap(building, out)
    except OSError as exc:
        raise PublishError(t("pub.error.write", lang, path=out, reason=exc.strerror)) from exc
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return count


def swap(built: Path, out: Path) -> None:
    """Move the finished site to ``out``; an old site there is replaced, then removed."""
    if not out.exists():
        built.replace(out)
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    out.replace(old)
    try:
        built.replace(out)
    except OSError:
        old.replace(out)  # put the old site back
        raise
    shutil.rmtree(old, ignore_errors=True)
