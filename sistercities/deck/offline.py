"""A one-file offline briefing: current figures, plotly.js and the map's topojson in one HTML file.

The file needs no network: plotly.js is embedded, and the world topojson is inlined through
``window.PlotlyGeoAssets`` (plotly.js looks there before fetching
``<topojsonURL>/world_110m.json``).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from sistercities.contract.schema import Lang
from sistercities.counts import completeness, headline, top_cities, top_countries
from sistercities.exports import figure_note, share_text, stamp_figure
from sistercities.figures.growth_map import growth_map_spec
from sistercities.figures.overview import growth_spec, headline_spec, top_spec
from sistercities.i18n import t
from sistercities.timeline import SplitBy, cumulative_by_year, milestones, undated_pairs

if TYPE_CHECKING:
    from sistercities.dataset import Dataset

TOPOJSON_NAME = "world_110m"
_CSS = """
body { margin: 0; font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       color: #1f2430; background: #ffffff; }
header { padding: 24px 48px 8px; }
h1 { font-size: 40px; margin: 0 0 8px; }
p.note { font-size: 20px; margin: 4px 0; color: #3a4050; }
section { width: min(100vw, calc(100vh * 16 / 9)); margin: 0 auto; padding: 12px 24px;
          box-sizing: border-box; page-break-after: always; }
.figure { width: 100%; height: calc(min(100vw, calc(100vh * 16 / 9)) * 9 / 16 - 48px); }
"""


def load_topojson(path: Path) -> dict | None:
    """Read the world topojson, or None when the file is missing or not JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _script_json(value: object) -> str:
    """JSON safe to place inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def uses_geo(fig: go.Figure) -> bool:
    """True when a figure draws on a geo subplot (and so needs the topojson)."""
    return any(trace.type in {"scattergeo", "choropleth"} for trace in fig.data)


def briefing_html(
    title: str,
    notes: list[str],
    figures: list[go.Figure],
    lang: Lang,
    topojson: dict | None = None,
) -> str:
    """The whole briefing as one HTML document.

    ``notes`` are lines under the title (as-of date, source, filter, completeness). A figure
    that needs the map is left out when no topojson is given, so the file never tries to fetch.
    """
    kept = [fig for fig in figures if topojson is not None or not uses_geo(fig)]
    config = {"displaylogo": False, "topojsonURL": "./", "responsive": True}
    sections = []
    for index, fig in enumerate(kept):
        # maps and figures without a height of their own fill a 16:9 section
        fill = uses_geo(fig) or fig.layout.height is None
        sized = go.Figure(fig).update_layout(width=None, autosize=True)
        if fill:
            sized.update_layout(height=None)
        body = pio.to_html(
            sized,
            full_html=False,
            include_plotlyjs=False,
            config=config,
            div_id=f"figure-{index}",
            default_width="100%",
            default_height="100%",
            auto_play=False,
        )
        style = "" if fill else f' style="height:{fig.layout.height}px"'
        sections.append(f'<section><div class="figure"{style}>{body}</div></section>')
    assets = {"topojson": {TOPOJSON_NAME: topojson}} if topojson is not None else {"topojson": {}}
    head_notes = "".join(f'<p class="note">{html.escape(line)}</p>' for line in notes)
    return (
        f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        f'<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style>"
        f"<script>window.PlotlyGeoAssets = {_script_json(assets)};</script>"
        f'<script type="text/javascript">{get_plotlyjs()}</script></head><body>'
        f"<header><h1>{html.escape(title)}</h1>{head_notes}"
        f'<p class="note">{html.escape(t("brief.offline_note", lang))}</p></header>'
        f"{''.join(sections)}</body></html>"
    )


def overview_figures(
    data: Dataset,
    links: pd.DataFrame,
    lang: Lang,
    names: dict[str, str],
    split_by: SplitBy | None = None,
) -> dict[str, tuple[str, go.Figure]]:
    """The overview's figures, unstamped, by name: (title key, figure), in display order."""
    head = headline_spec(headline(links, data.as_of), lang)
    specs = {
        "headline": ("fig.headline", head),
        **overview_specs(data, links, lang, names, split_by),
    }
    return {name: (key, go.Figure(spec)) for name, (key, spec) in specs.items()}


def overview_specs(
    data: Dataset,
    links: pd.DataFrame,
    lang: Lang,
    names: dict[str, str],
    split_by: SplitBy | None = None,
) -> dict[str, tuple[str, dict[str, Any]]]:
    """The overview page's charts as plain figure dicts (no validation): (title key, dict)."""
    last_year = data.as_of.year
    growth = growth_spec(
        cumulative_by_year(links, last_year, split_by),
        len(undated_pairs(links)),
        milestones(data.official_totals, data.alliance.facts.get("founded")),
        lang,
        split_by,
    )
    countries = list(data.countries["iso3"])
    return {
        "growth": ("fig.growth", growth),
        "growth_map": (
            "fig.growth_map",
            growth_map_spec(links, countries, names, lang, last_year),
        ),
        "top_cities": (
            "fig.top_cities",
            top_spec(top_cities(links, data.as_of), names, lang, "cities"),
        ),
        "top_countries": (
            "fig.top_countries",
            top_spec(top_countries(links, data.as_of), names, lang, "countries"),
        ),
    }


def overview_briefing(
    data: Dataset,
    links: pd.DataFrame,
    lang: Lang,
    names: dict[str, str],
    filter_text: str,
    notes: list[str],
    topojson: dict | None,
) -> str:
    """The offline briefing of the overview: every figure stamped with title, date and source."""
    share = share_text(completeness(links, data.official_totals, data.as_of), lang)
    note = figure_note(str(data.meta["as_of"]), filter_text, lang, share, data.synthetic)
    figures = [
        stamp_figure(fig, t(title_key, lang), note, large=True)
        for title_key, fig in overview_figures(data, links, lang, names).values()
    ]
    title = t("app.title", lang)
    return briefing_html(title, notes, figures, lang, topojson)
