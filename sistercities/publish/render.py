"""HTML of the static edition: one document per page, phone first, every chart drawn client-side.

The figures are the builders' own; only their layout is fitted to a page that may be 390 px
wide: the title moves into the page (an ``<h2>`` above the chart), the legend goes under the
plot (over it when a slider holds the foot), and the height follows the screen for maps and
graphs. Figure JSON sits in ``<script type="application/json">`` blocks that ``site.js`` draws
once plotly.js has loaded; maps wait for the world topojson, which only pages with a map load.
"""

from __future__ import annotations

from typing import Any

import plotly.io as pio

from sistercities.contract.schema import Lang
from sistercities.exports import chart_config
from sistercities.i18n import t
from sistercities.publish.markup import esc, paragraph
from sistercities.publish.views import Chart, Context, Page

LANG_DIRS: dict[Lang, str] = {"zh": "", "en": "en/"}
HTML_LANG: dict[Lang, str] = {"zh": "zh-CN", "en": "en"}
LEGEND_UNDER = {
    "orientation": "h",
    "x": 0,
    "xanchor": "left",
    "xref": "container",
    "y": 0,
    "yanchor": "bottom",
    "yref": "container",
    "bgcolor": "rgba(255,255,255,0)",
}
LEGEND_OVER = {**LEGEND_UNDER, "y": 1, "yanchor": "top"}
MARGIN = {"l": 8, "r": 8, "t": 8, "b": 8}


def other_lang(lang: Lang) -> Lang:
    """The other language of the site."""
    return "en" if lang == "zh" else "zh"


def href(target: Lang, current: Lang, file: str) -> str:
    """A relative link from a page of ``current`` to ``file`` in ``target``."""
    if target == current:
        return file
    up = "../" if LANG_DIRS[current] else ""
    return f"{up}{LANG_DIRS[target]}{file}"


def assets_prefix(lang: Lang) -> str:
    """The relative path from a page of ``lang`` to the shared assets folder."""
    return ("../" if LANG_DIRS[lang] else "") + "assets/"


def phone_layout(spec: dict[str, Any], shape: str) -> dict[str, Any]:
    """The figure's layout fitted to any width: no inner title or stamp, legend off the plot.

    A figure with a slider or buttons at its foot keeps its legend above the plot; every other
    legend goes under it. Maps and graphs take their height from the page (CSS), charts keep
    the height their builder chose.
    """
    layout = dict(spec.get("layout", {}))
    layout.pop("title", None)
    layout.pop("width", None)
    layout["autosize"] = True
    if shape != "chart":
        layout.pop("height", None)
    notes = [a for a in layout.get("annotations", ()) if a.get("name") != "stamp"]
    layout["annotations"] = notes
    own = layout.get("margin") or {}
    cartesian = shape == "chart"
    layout["margin"] = {
        **MARGIN,
        **({"l": own.get("l", 60), "b": own.get("b", 40)} if cartesian else {}),
    }
    footer = bool(layout.get("sliders") or layout.get("updatemenus") or _foot_notes(notes))
    legend = {k: v for k, v in (layout.get("legend") or {}).items() if k not in {"x", "y"}}
    title = legend.get("title")
    if isinstance(title, dict):
        legend["title"] = {**title, "side": "top"}
    layout["legend"] = {**legend, **(LEGEND_OVER if footer else LEGEND_UNDER)}
    return layout


COLORBAR_OVER = {
    "orientation": "h",
    "x": 0,
    "xanchor": "left",
    "y": 1,
    "yanchor": "bottom",
    "yref": "paper",
    "len": 0.5,
    "thickness": 10,
}


def phone_traces(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Traces with any colour bar laid flat above the plot (beside it, it covered the map)."""
    fitted = []
    for trace in data:
        bar = trace.get("colorbar")
        if isinstance(bar, dict) and trace.get("showscale", True):
            title = bar.get("title") or {}
            bar = {**bar, **COLORBAR_OVER, "title": {**title, "side": "top"}}
            trace = {**trace, "colorbar": bar}
        fitted.append(trace)
    return fitted


def _foot_notes(annotations: list[dict[str, Any]]) -> bool:
    """True when an annotation sits under the plot (a footer the legend must not cover)."""
    return any(
        a.get("yref", "y") == "paper" and (a.get("y", 1) < 0 or a.get("yshift", 0) < 0)
        for a in annotations
    )


def chart_json(chart: Chart, lang: Lang) -> str:
    """The chart as JSON for ``Plotly.newPlot({data, layout, frames, config})``."""
    config = chart_config(chart.name)
    config.update(
        responsive=True,
        scrollZoom=False,
        topojsonURL=assets_prefix(lang),
        modeBarButtonsToRemove=["lasso2d", "select2d"],
    )
    figure = {
        "data": phone_traces(chart.data),
        "layout": phone_layout(chart.spec, chart.shape),
        "frames": chart.spec.get("frames", []),
        "config": config,
    }
    text = pio.to_json(figure, validate=False)
    # "<" only occurs inside JSON strings: escaped, no text can end or confuse the <script>
    return text.replace("<", "\\u003c")


def chart_html(chart: Chart, lang: Lang) -> str:
    """A chart's heading, its box and data, and the notes under it."""
    geo = ' data-geo="1"' if chart.geo else ""
    notes = "".join(paragraph(note, "note") for note in chart.notes)
    return (
        f'<section class="figure"><h2>{esc(chart.title)}</h2>'
        f'<div class="plot {chart.shape}" id="plot-{chart.name}"{geo}'
        f' role="img" aria-label="{esc(chart.title)}"></div>'
        f'<script type="application/json" id="plot-{chart.name}-data">'
        f"{chart_json(chart, lang)}</script>{notes}</section>"
    )


def nav_html(page: Page, pages: list[Page], lang: Lang, switch: bool = True) -> str:
    """Links to every page of the language, and (``switch``) to this page in the other one."""
    items = "".join(
        f'<a href="{href(lang, lang, other.file)}"'
        + (' aria-current="page"' if other.name == page.name else "")
        + f">{esc(other.label)}</a>"
        for other in pages
    )
    if not switch:
        return f'<nav aria-label="{esc(t("pub.nav_label", lang))}">{items}</nav>'
    other = other_lang(lang)
    link = (
        f'<a class="lang" href="{href(other, lang, page.file)}" hreflang="{HTML_LANG[other]}"'
        f' lang="{HTML_LANG[other]}">{esc(t("pub.lang_link", lang))}</a>'
    )
    return f'<nav aria-label="{esc(t("pub.nav_label", lang))}">{items}{link}</nav>'


def header_html(page: Page, ctx: Context, made: str) -> str:
    """The title, the as-of date, source and completeness, and what this edition is."""
    lang = ctx.lang
    as_of = t("as_of", lang, date=ctx.data.meta["as_of"])
    stamp = f"{as_of} · {t('source', lang, source=ctx.source())}"
    lines = [paragraph(stamp, "stamp"), paragraph(ctx.share_line(), "stamp share")]
    lines.append(paragraph(t("pub.static_note", lang, date=made), "note"))
    return f"<header><h1>{esc(page.title)}</h1>{''.join(lines)}</header>"


def footer_html(lang: Lang) -> str:
    """The data and boundary credits with their licences."""
    return (
        f"<footer><h2>{esc(t('credits.header', lang))}</h2>"
        f"{paragraph(t('credits.text', lang))}{paragraph(t('pub.credits_software', lang))}"
        "</footer>"
    )


def page_html(page: Page, pages: list[Page], ctx: Context, made: str, switch: bool = True) -> str:
    """The whole HTML document of one page; ``switch`` links the other language's page."""
    lang = ctx.lang
    assets = assets_prefix(lang)
    body = "".join(
        chart_html(block, lang) if isinstance(block, Chart) else block for block in page.blocks
    )
    scripts = ""
    if page.charts:
        scripts = (
            f'<script src="{assets}plotly.min.js" defer></script>'
            f'<script src="{assets}site.js" defer></script>'
        )
    title = page.title if page.name == "overview" else f"{page.title} · {t('app.title', lang)}"
    return (
        f'<!DOCTYPE html><html lang="{HTML_LANG[lang]}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title>"
        f'<link rel="stylesheet" href="{assets}site.css">{scripts}</head>'
        f'<body data-assets="{assets}">{nav_html(page, pages, lang, switch)}'
        f"<main>{header_html(page, ctx, made)}{body}</main>{footer_html(lang)}</body></html>"
    )
