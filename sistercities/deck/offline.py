"""Shared by the offline files: the world topojson, JSON safe in <script>, the overview specs.

The deck file (``deck.html``) and the static edition inline the topojson through
``window.PlotlyGeoAssets`` (plotly.js looks there before fetching
``<topojsonURL>/world_110m.json``), so their maps draw with no network.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import plotly.graph_objects as go

from sistercities.contract.schema import Lang
from sistercities.counts import headline, in_force, top_values, undated_count
from sistercities.figures.growth_map import growth_map_spec
from sistercities.figures.overview import growth_spec, headline_spec, top_spec
from sistercities.timeline import SplitBy, cumulative_by_year, milestones

if TYPE_CHECKING:
    from sistercities.dataset import Dataset

TOPOJSON_NAME = "world_110m"


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
    current: pd.DataFrame | None = None,
    marks: pd.DataFrame | None = None,
    animated: bool = True,
) -> dict[str, tuple[str, dict[str, Any]]]:
    """The overview page's charts as plain figure dicts (no validation): (title key, dict).

    ``links`` are the filtered pairs, ended ones included (growth over time). ``current``, the
    ones among them in force on the as-of date, and ``marks``, the official milestones
    (:func:`sistercities.timeline.milestones`), are worked out here unless the caller has them.
    ``animated=False`` gives the growth map without its yearly frames (see
    :func:`~sistercities.figures.growth_map.growth_map_spec`).
    """
    last_year = data.as_of.year
    if current is None:
        current = in_force(links, data.as_of)
    if marks is None:
        marks = milestones(data.official_totals, data.alliance.facts.get("founded"))
    growth = growth_spec(
        cumulative_by_year(links, last_year, split_by), undated_count(links), marks, lang, split_by
    )
    countries = list(data.countries["iso3"])
    return {
        "growth": ("fig.growth", growth),
        "growth_map": (
            "fig.growth_map",
            growth_map_spec(links, countries, names, lang, last_year, animated),
        ),
        "top_cities": (
            "fig.top_cities",
            top_spec(top_values(current["home_prefecture_id"]), names, lang, "cities"),
        ),
        "top_countries": (
            "fig.top_countries",
            top_spec(top_values(current["country_iso3"]), names, lang, "countries"),
        ),
    }
