"""Figures of the overview: growth over time, top lists and the headline tiles (no Streamlit)."""

from __future__ import annotations

from typing import Protocol, cast

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from sistercities.contract.schema import Lang
from sistercities.counts import Headline
from sistercities.exports import text_columns
from sistercities.figures.theme import FONT, SERIES_PALETTE, category_colour
from sistercities.i18n import format_percent, t
from sistercities.timeline import SplitBy

TEMPLATE = "plotly_white"
AXIS_FOOTER = 52
"""Pixels under a chart's plot area for the x tick labels and axis title."""
MILESTONE_LINE = 18
GROWTH_MARGIN_LEFT = 60
GROWTH_PLOT = 340


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
    """Pairs in the dataset at the end of each year, official totals marked, undated apart.

    ``cumulative`` comes from :func:`sistercities.timeline.cumulative_by_year` and
    ``milestones`` from :func:`sistercities.timeline.milestones`. Stacked areas when split.
    The right-hand panel holds the undated pairs, which no year can show.
    """
    fig = make_subplots(
        rows=1, cols=2, column_widths=[0.9, 0.1], shared_yaxes=True, horizontal_spacing=0.02
    )
    groups = list(dict.fromkeys(cumulative["group"]))
    for index, group in enumerate(groups):
        rows = cumulative.loc[cumulative["group"] == group]
        name = group_label(split_by, group, lang)
        fig.add_trace(
            go.Scatter(
                x=rows["year"],
                y=rows["pairs"],
                name=name,
                mode="lines",
                stackgroup="pairs" if split_by else None,
                line={"color": _series_colour(split_by, group, index), "width": 2.5},
                hovertemplate=t("growth.hover", lang, name=name, pairs="%{y}", year="%{x}")
                + "<extra></extra>",
            ),
            row=1,
            col=1,
        )
    _add_milestones(fig, milestones, lang)
    fig.add_trace(
        go.Bar(
            x=[t("growth.undated", lang)],
            y=[undated],
            name=t("growth.undated_series", lang),
            marker={"color": "#b0b5bf"},
            text=[undated],
            textposition="outside",
            hovertemplate=t("growth.undated_hover", lang, pairs="%{y}") + "<extra></extra>",
        ),
        row=1,
        col=2,
    )
    fig.update_layout(
        template=TEMPLATE,
        font=FONT,
        hovermode="x unified",
        # inside the plot's top left, which the growing line leaves empty: above the plot it
        # slid under the title wherever it wrapped
        legend={
            "orientation": "h",
            "y": 0.99,
            "x": 0.01,
            "yanchor": "top",
            "bgcolor": "rgba(255,255,255,0.85)",
        },
        height=GROWTH_PLOT + 56 + milestone_footer(len(milestones)),
        margin={"l": GROWTH_MARGIN_LEFT, "r": 20, "t": 56, "b": milestone_footer(len(milestones))},
        uirevision="growth",
    )
    # headroom above the highest point for the legend in the top left
    top = max([*cumulative.groupby("year")["pairs"].sum(), *milestones["pairs"], undated, 1])
    fig.update_yaxes(title_text=t("growth.axis_pairs", lang), range=[0, top * 1.35], row=1, col=1)
    # ticks spaced by the width (every 5 years on a screen, 10 on a phone), never turned
    fig.update_xaxes(
        title_text=t("growth.axis_year", lang), tickformat="d", tickangle=0, row=1, col=1
    )
    return fig


def _add_milestones(fig: go.Figure, milestones: pd.DataFrame, lang: Lang) -> None:
    """Official totals as markers, every one named in a list under the chart.

    Labels beside the markers collided (totals a few months apart sit almost on one spot, and
    a phone has no room); a list below the x axis never touches the plot or another label.
    """
    if milestones.empty:
        return
    fig.add_trace(
        go.Scatter(
            x=milestones["x"],
            y=milestones["pairs"],
            mode="markers",
            name=t("growth.official", lang),
            marker={"symbol": "diamond", "size": 11, "color": "#1f2430"},
            customdata=milestones[["date"]],
            hovertemplate=t("growth.official_hover", lang, date="%{customdata[0]}", pairs="%{y}")
            + "<extra></extra>",
        ),
        row=1,
        col=1,
    )
    lines = [f"◆ {milestone_label(cast(Milestone, row), lang)}" for row in milestones.itertuples()]
    fig.add_annotation(
        text="<br>".join(lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-AXIS_FOOTER,
        xshift=-GROWTH_MARGIN_LEFT + 8,
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        font={"size": 13, "color": "#1f2430"},
        name="milestones",
    )


def milestone_footer(count: int) -> int:
    """The growth chart's bottom margin: the x axis, then one line per milestone."""
    return AXIS_FOOTER + count * MILESTONE_LINE + 8 if count else AXIS_FOOTER


class Milestone(Protocol):
    """One row of :func:`sistercities.timeline.milestones` (as ``itertuples`` gives it)."""

    date: str
    pairs: int
    first: bool
    founding: bool


def milestone_label(row: Milestone, lang: Lang) -> str:
    """'2022-11-30: 125 pairs (alliance founded)' for one milestone row."""
    text = t("growth.milestone", lang, date=row.date, pairs=row.pairs)
    if row.first and row.pairs == 1:
        text += t("growth.first", lang)
    if row.founding:
        text += t("growth.founding", lang)
    return text


def top_figure(counts: pd.DataFrame, names: dict[str, str], lang: Lang, key: str) -> go.Figure:
    """A horizontal bar chart of the largest counts (``counts``: columns id, pairs)."""
    ordered = counts.iloc[::-1]
    labels = [names.get(value, value) for value in ordered["id"]]
    # a margin that fits the names, not plotly's automargin: the stamp below is aligned to it
    left = min(220, 16 + 7 * max((text_columns(label) for label in labels), default=4))
    fig = go.Figure(
        go.Bar(
            x=ordered["pairs"],
            y=labels,
            orientation="h",
            marker={"color": SERIES_PALETTE[0] if key == "cities" else SERIES_PALETTE[1]},
            text=ordered["pairs"],
            textposition="outside",
            hovertemplate=t("top.hover", lang, name="%{y}", pairs="%{x}") + "<extra></extra>",
        )
    )
    fig.update_layout(
        template=TEMPLATE,
        font=FONT,
        height=max(260, 34 * len(ordered) + 120),
        margin={"l": left, "r": 30, "t": 40, "b": AXIS_FOOTER},
        xaxis={
            "title": t("growth.axis_pairs", lang),
            "range": [0, int(counts["pairs"].max() if len(counts) else 1) * 1.15],
            "dtick": max(1, round(int(counts["pairs"].max() if len(counts) else 1) / 5)),
        },
        yaxis={"automargin": False},
    )
    return fig


def headline_figure(head: Headline, lang: Lang) -> go.Figure:
    """The headline figures as number tiles (for the briefing and image downloads)."""
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
    fig = go.Figure()
    for index, (label, value, note) in enumerate(tiles):
        title = f"{label}<br><span style='font-size:0.7em;color:#5a6170'>{note}</span>"
        fig.add_trace(
            go.Indicator(
                mode="number",
                value=value,
                title={"text": title},
                number={"font": {"size": 56, "color": SERIES_PALETTE[index % 2]}},
                domain={
                    "x": [index / len(tiles) + 0.01, (index + 1) / len(tiles) - 0.01],
                    "y": [0.2, 0.85],
                },
            )
        )
    levels = " · ".join(
        f"{t(f'level.{level}', lang)} {count}" for level, count in sorted(head.by_level.items())
    )
    fig.update_layout(
        template=TEMPLATE,
        font=FONT,
        height=260,
        margin={"l": 20, "r": 20, "t": 40, "b": 40},
        annotations=[
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
    )
    return fig


def _series_colour(split_by: SplitBy | None, group: str, index: int) -> str:
    """A growth series' colour: its continent's or level's (as on the map), else by order."""
    if split_by:
        return category_colour(split_by, group)
    return SERIES_PALETTE[index % len(SERIES_PALETTE)]
