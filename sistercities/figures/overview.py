"""Figures of the overview: growth over time, top lists and the headline tiles (no Streamlit)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from sistercities.contract.schema import Lang
from sistercities.counts import Headline
from sistercities.exports import text_columns
from sistercities.figures.theme import (
    FONT,
    LEGEND_ROW,
    SERIES_PALETTE,
    TITLE_BAND,
    category_colour,
    legend_under_title,
    named_template,
)
from sistercities.i18n import format_percent, t
from sistercities.timeline import SplitBy

TEMPLATE = "plotly_white"
AXIS_FOOTER = 52
"""Pixels under a chart's plot area for the x tick labels and axis title."""
MILESTONE_LINE = 18
GROWTH_MARGIN_LEFT = 60
GROWTH_PLOT = 340
GROWTH_TOP = TITLE_BAND + LEGEND_ROW  # the title, then one row of legend


def group_label(split_by: SplitBy | None, group: str, lang: Lang) -> str:
    """The legend name of a growth series."""
    if not split_by:
        return t("growth.series", lang)
    if not group:
        return t("growth.other", lang)
    return t(f"{split_by}.{group}", lang)


def growth_figure(
    cumulative: pd.DataFrame,
    undated: int,
    milestones: pd.DataFrame,
    lang: Lang,
    split_by: SplitBy | None = None,
) -> go.Figure:
    """:func:`growth_spec` as a validated plotly figure (the briefing and tests)."""
    return go.Figure(growth_spec(cumulative, undated, milestones, lang, split_by))


def template(name: str = TEMPLATE) -> dict[str, Any]:
    """A named plotly template as a plain dict (a figure dict must carry it expanded).

    Made once per process and shared: never mutate it.
    """
    return named_template(name)


def growth_spec(
    cumulative: pd.DataFrame,
    undated: int,
    milestones: pd.DataFrame,
    lang: Lang,
    split_by: SplitBy | None = None,
) -> dict[str, Any]:
    """Pairs in the dataset at the end of each year, official totals marked, undated apart.

    ``cumulative`` comes from :func:`sistercities.timeline.cumulative_by_year` and
    ``milestones`` from :func:`sistercities.timeline.milestones`. Stacked areas when split.
    The right-hand panel holds the undated pairs, which no year can show. A plain figure dict
    (no plotly validation): the app's reruns build it on every filter change.
    """
    data: list[dict[str, Any]] = []
    groups = list(dict.fromkeys(cumulative["group"]))
    for index, group in enumerate(groups):
        rows = cumulative.loc[cumulative["group"] == group]
        name = group_label(split_by, group, lang)
        trace = {
            "type": "scatter",
            "x": rows["year"].to_numpy(),
            "y": rows["pairs"].to_numpy(),
            "name": name,
            "mode": "lines",
            "line": {"color": _series_colour(split_by, group, index), "width": 2.5},
            "hovertemplate": t("growth.hover", lang, name=name, pairs="%{y}", year="%{x}")
            + "<extra></extra>",
            "xaxis": "x",
            "yaxis": "y",
        }
        if split_by:
            trace["stackgroup"] = "pairs"
        data.append(trace)
    annotations = _add_milestones(data, milestones, lang)
    data.append(
        {
            "type": "bar",
            "x": [t("growth.undated", lang)],
            "y": [undated],
            "name": t("growth.undated_series", lang),
            "marker": {"color": "#b0b5bf"},
            "text": [undated],
            "textposition": "outside",
            "hovertemplate": t("growth.undated_hover", lang, pairs="%{y}") + "<extra></extra>",
            "xaxis": "x2",
            "yaxis": "y2",
        }
    )
    left = 0.9 * (1 - GROWTH_SPACING)
    footer = milestone_footer(len(milestones))
    # headroom above the highest point for the undated bar's label
    top = max([*cumulative.groupby("year")["pairs"].sum(), *milestones["pairs"], undated, 1])
    layout: dict[str, Any] = {
        "template": template(),
        "font": FONT,
        "hovermode": "x unified",
        # under the title, reserving its room: inside the plot it covered the line on a phone,
        # and above the plot in paper units it slid under the title wherever it wrapped
        "legend": legend_under_title(GROWTH_PLOT + GROWTH_TOP + footer),
        "height": GROWTH_PLOT + GROWTH_TOP + footer,
        "margin": {"l": GROWTH_MARGIN_LEFT, "r": 20, "t": GROWTH_TOP, "b": footer},
        "uirevision": "growth",
        # ticks spaced by the width (every 5 years on a screen, 10 on a phone), never turned
        "xaxis": {
            "anchor": "y",
            "domain": [0.0, left],
            "title": {"text": t("growth.axis_year", lang)},
            "tickformat": "d",
            "tickangle": 0,
        },
        "yaxis": {
            "anchor": "x",
            "domain": [0.0, 1.0],
            "title": {"text": t("growth.axis_pairs", lang)},
            "range": [0, top * 1.15],
        },
        "xaxis2": {"anchor": "y2", "domain": [left + GROWTH_SPACING, 1.0]},
        "yaxis2": {"anchor": "x2", "domain": [0.0, 1.0], "matches": "y", "showticklabels": False},
    }
    if annotations:
        layout["annotations"] = annotations
    return {"data": data, "layout": layout}


GROWTH_SPACING = 0.02
"""The gap between the growth panel and the undated panel (a share of the width)."""


def _add_milestones(
    data: list[dict[str, Any]], milestones: pd.DataFrame, lang: Lang
) -> list[dict[str, Any]]:
    """Official totals as markers (appended to ``data``); returns the list that names them.

    Every milestone is named in a list under the chart: labels beside the markers collided
    (totals a few months apart sit almost on one spot, and a phone has no room).
    """
    if milestones.empty:
        return []
    data.append(
        {
            "type": "scatter",
            "x": milestones["x"].to_numpy(),
            "y": milestones["pairs"].to_numpy(),
            "mode": "markers",
            "name": t("growth.official", lang),
            "marker": {"symbol": "diamond", "size": 11, "color": "#1f2430"},
            "customdata": milestones["date"].to_numpy()[:, None],
            "hovertemplate": t("growth.official_hover", lang, date="%{customdata[0]}", pairs="%{y}")
            + "<extra></extra>",
            "xaxis": "x",
            "yaxis": "y",
        }
    )
    columns = (milestones[name] for name in ("date", "pairs", "first", "founding"))
    rows = zip(*columns, strict=True)
    lines = [
        f"◆ {milestone_text(date, pairs, first, founding, lang)}"
        for date, pairs, first, founding in rows
    ]
    return [
        {
            "text": "<br>".join(lines),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "yshift": -AXIS_FOOTER,
            "xshift": -GROWTH_MARGIN_LEFT + 8,
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "showarrow": False,
            "font": {"size": 13, "color": "#1f2430"},
            "name": "milestones",
        }
    ]


def milestone_footer(count: int) -> int:
    """The growth chart's bottom margin: the x axis, then one line per milestone."""
    return AXIS_FOOTER + count * MILESTONE_LINE + 8 if count else AXIS_FOOTER


def milestone_text(date: str, pairs: int, first: bool, founding: bool, lang: Lang) -> str:
    """'2022-11-30: 125 pairs (alliance founded)' for one official total."""
    text = t("growth.milestone", lang, date=date, pairs=pairs)
    if first and pairs == 1:
        text += t("growth.first", lang)
    if founding:
        text += t("growth.founding", lang)
    return text


def top_figure(counts: pd.DataFrame, names: dict[str, str], lang: Lang, key: str) -> go.Figure:
    """:func:`top_spec` as a validated plotly figure (the briefing and tests)."""
    return go.Figure(top_spec(counts, names, lang, key))


def top_spec(counts: pd.DataFrame, names: dict[str, str], lang: Lang, key: str) -> dict[str, Any]:
    """A horizontal bar chart of the largest counts (``counts``: columns id, pairs), as a dict."""
    ordered = counts.iloc[::-1]
    labels = [names.get(value, value) for value in ordered["id"]]
    # a margin that fits the names, not plotly's automargin: the stamp below is aligned to it
    left = min(220, 16 + 7 * max((text_columns(label) for label in labels), default=4))
    bar = {
        "type": "bar",
        "x": ordered["pairs"].to_numpy(),
        "y": labels,
        "orientation": "h",
        "marker": {"color": SERIES_PALETTE[0] if key == "cities" else SERIES_PALETTE[1]},
        "text": ordered["pairs"].to_numpy(),
        "textposition": "outside",
        "hovertemplate": t("top.hover", lang, name="%{y}", pairs="%{x}") + "<extra></extra>",
    }
    layout = {
        "template": template(),
        "font": FONT,
        "height": max(260, 34 * len(ordered) + 120),
        "margin": {"l": left, "r": 30, "t": 40, "b": AXIS_FOOTER},
        "xaxis": {
            "title": {"text": t("growth.axis_pairs", lang)},
            "range": [0, int(counts["pairs"].max() if len(counts) else 1) * 1.15],
            "dtick": max(1, round(int(counts["pairs"].max() if len(counts) else 1) / 5)),
        },
        "yaxis": {"automargin": False},
    }
    return {"data": [bar], "layout": layout}


def headline_figure(head: Headline, lang: Lang) -> go.Figure:
    """:func:`headline_spec` as a validated plotly figure (the briefing and tests)."""
    return go.Figure(headline_spec(head, lang))


def headline_spec(head: Headline, lang: Lang) -> dict[str, Any]:
    """The headline figures as number tiles (for the briefing and image downloads), a dict."""
    tiles = [
        (t("kpi.pairs", lang), head.pairs, t("kpi.undated", lang, count=head.undated)),
        (t("kpi.countries", lang), head.countries, ""),
        (
            t("kpi.asean", lang),
            head.asean_pairs,
            t("kpi.asean_share", lang, share=format_percent(head.asean_share, lang)),
        ),
        (t("kpi.cities", lang), head.home_cities, ""),
    ]
    data = []
    for index, (label, value, note) in enumerate(tiles):
        title = f"{label}<br><span style='font-size:0.7em;color:#5a6170'>{note}</span>"
        data.append(
            {
                "type": "indicator",
                "mode": "number",
                "value": value,
                "title": {"text": title},
                "number": {"font": {"size": 56, "color": SERIES_PALETTE[index % 2]}},
                "domain": {
                    "x": [index / len(tiles) + 0.01, (index + 1) / len(tiles) - 0.01],
                    "y": [0.2, 0.85],
                },
            }
        )
    levels = " · ".join(
        f"{t(f'level.{level}', lang)} {count}" for level, count in sorted(head.by_level.items())
    )
    layout = {
        "template": template(),
        "font": FONT,
        "height": 260,
        "margin": {"l": 20, "r": 20, "t": 40, "b": 40},
        "annotations": [
            {
                "text": f"{t('kpi.by_level', lang)}: {levels}",
                "x": 0.5,
                "y": 0.0,
                "xref": "paper",
                "yref": "paper",
                "showarrow": False,
                "font": {"size": 15},
            }
        ],
    }
    return {"data": data, "layout": layout}


def _series_colour(split_by: SplitBy | None, group: str, index: int) -> str:
    """A growth series' colour: its continent's or level's (as on the map), else by order."""
    if split_by:
        return category_colour(split_by, group)
    return SERIES_PALETTE[index % len(SERIES_PALETTE)]
