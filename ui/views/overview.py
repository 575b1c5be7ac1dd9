"""Sections of the overview page (Streamlit rendering only; figures come from the core)."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pandas as pd
import streamlit as st

from sistercities.anniversaries import (
    anniversaries,
    anniversary_table,
    calendar_year,
    next_twelve_months,
)
from sistercities.counts import (
    TIES_RULE,
    asean_share_text,
    completeness_text,
    headline_in_force,
    undated_count,
)
from sistercities.deck.build import deck_file
from sistercities.deck.offline import overview_specs
from sistercities.exports import links_table
from sistercities.figures.growth_map import AGGREGATE_ABOVE, located_count
from sistercities.figures.overview import headline_spec
from sistercities.filters import LinkFilter
from sistercities.i18n import t
from sistercities.paths import STATIC_DIR
from sistercities.timeline import SPLITS
from ui import cache
from ui.figures import official_figures, show_figure, table_downloads
from ui.sidebar import PageContext, source_note
from ui.views import deck as deck_view

TOPOJSON_FILE = STATIC_DIR / "world_110m.json"
ANIMATE_KEY = "w.ov.animate"
"""The growth map's "year by year" switch: its frames are built only while it is on."""


@st.cache_resource(max_entries=16, show_spinner=False)
def _all_anniversaries(
    version: str, first: dt.date, last: dt.date, lang: str, _ctx: PageContext
) -> cache.ShownTable:
    """Every pair's anniversaries in a period as a display table, indexed like the links.

    A resource (shared, read-only): ``cache_data`` would unpickle a copy on every rerun.
    """
    del version, lang  # part of the cache key only
    links = _ctx.data.links
    rows = anniversaries(links, first, last)
    table = anniversary_table(rows, _ctx.lang, _ctx.names)
    table.index = links.index[pd.Index(links["link_id"]).get_indexer(rows["link_id"])]
    return cache.ShownTable.of(table)


def _anniversaries_for(ctx: PageContext, first: dt.date, last: dt.date) -> cache.ShownTable:
    """The filtered pairs' anniversary table, cut from the cached full table by link."""
    table = _all_anniversaries(ctx.data.version, first, last, ctx.lang, ctx)
    return table.cut(table.frame.index.isin(ctx.links.index))


@st.cache_resource(max_entries=4, show_spinner=False)
def _all_links_table(version: str, lang: str, _ctx: PageContext) -> pd.DataFrame:
    """The export table of every pair of a data version (indexed like the links; read-only)."""
    del version  # part of the cache key only
    table = links_table(_ctx.data.links, _ctx.lang, _ctx.names)
    table.index = _ctx.data.links.index
    return table


def _links_table_for(ctx: PageContext) -> pd.DataFrame:
    """The filtered pairs' export table, cut from the cached full table."""
    table = _all_links_table(ctx.data.version, ctx.lang, ctx)
    return table.loc[ctx.links.index].reset_index(drop=True)


def headline_section(ctx: PageContext) -> None:
    """The headline figures, each with its as-of date and source, and the completeness line."""
    head = headline_in_force(ctx.links)
    note = t("kpi.help", ctx.lang, date=ctx.data.meta["as_of"], source=source_note(ctx))
    if ctx.view.present:
        show_figure(ctx, headline_spec(head, ctx.lang), "fig.headline", "headline")
    else:
        cols = st.columns(4)
        undated = t("kpi.undated", ctx.lang, count=head.undated)
        cols[0].metric(
            t("kpi.pairs", ctx.lang), head.pairs, undated, "off", help=note, delta_arrow="off"
        )
        cols[1].metric(t("kpi.countries", ctx.lang), head.countries, help=note)
        share = asean_share_text(head, ctx.lang)
        cols[2].metric(
            t("kpi.asean", ctx.lang), head.asean_pairs, share, "off", help=note, delta_arrow="off"
        )
        cols[3].metric(t("kpi.cities", ctx.lang), head.home_cities, help=note)
        levels = [f"{t(f'level.{k}', ctx.lang)} {v}" for k, v in sorted(head.by_level.items())]
        st.markdown(t("kpi.level_line", ctx.lang, items=" · ".join(levels)))
    st.caption(note)
    info = cache.completeness(ctx.data)
    if info and not ctx.data.synthetic:
        st.info(completeness_text(info, ctx.lang))
        st.caption(t("completeness.source", ctx.lang, url=info["source_url"]))
        official_figures(ctx)


def overview_figures_for(
    ctx: PageContext, split_by: str | None = None, animated: bool = False
) -> dict:
    """The overview figures of the current filter (built once per data version and view)."""
    return _figures(ctx.data.version, ctx.spec, ctx.lang, split_by, animated, ctx)


@st.cache_resource(max_entries=32, show_spinner=False)
def _figures(
    version: str,
    spec: LinkFilter,
    lang: str,
    split_by: str | None,
    animated: bool,
    _ctx: PageContext,
) -> dict:
    """Cached figure dicts; the key is the data version, filter, language, split and animation.

    Plain dicts, never validated by plotly (a filter change builds them anew); read-only.
    """
    del version, spec, lang  # part of the cache key only
    data, ctx = _ctx.data, _ctx
    marks = cache.official_milestones(data)
    specs = overview_specs(
        data,
        ctx.history,
        ctx.lang,
        ctx.names,
        split_by,
        ctx.links,
        marks,
        animated,
    )
    return {name: (key, cache.Spec(spec)) for name, (key, spec) in specs.items()}


def growth_section(ctx: PageContext) -> dict:
    """Cumulative pairs per year (split by continent or level) and the animated map."""
    st.subheader(t("ov.growth.header", ctx.lang))
    split = None
    if not ctx.view.present:
        split = st.segmented_control(
            t("ov.growth.split", ctx.lang),
            options=list(SPLITS),
            format_func=lambda v: t(f"ov.split.{v}", ctx.lang),
            key="w.ov.split",
        )
    animated = bool(st.session_state.get(ANIMATE_KEY))  # the switch below, as just set
    figures = overview_figures_for(ctx, split, animated)
    if ctx.links["dated"].any():
        show_figure(ctx, figures["growth"][1], "fig.growth", "growth")
    else:
        st.info(t("ov.growth.no_dates", ctx.lang))
    undated = undated_count(ctx.links)
    if undated:
        st.caption(t("ov.growth.undated_note", ctx.lang, count=undated))
    st.subheader(t("ov.map.header", ctx.lang))
    help_text = t("ov.map.animate_help", ctx.lang)
    st.toggle(t("ov.map.animate", ctx.lang), key=ANIMATE_KEY, help=help_text)
    st.caption(t("ov.map.help" if animated else "ov.map.static_help", ctx.lang))
    title = "fig.growth_map" if animated else "fig.growth_map_today"
    show_figure(ctx, figures["growth_map"][1], title, "growth-map")
    drawable = located_count(ctx.links)
    if drawable > AGGREGATE_ABOVE:
        st.caption(t("growth.map_aggregated", ctx.lang, limit=AGGREGATE_ABOVE))
    unlocated = len(ctx.links) - drawable
    if unlocated:
        st.caption(t("ov.map.unlocated", ctx.lang, count=unlocated))
    return figures


def anniversary_section(ctx: PageContext) -> None:
    """Pairs reaching a multiple of five years in the next 12 months or in a chosen year."""
    st.subheader(t("ov.anniv.header", ctx.lang))
    today = dt.date.today()
    mode = st.segmented_control(
        t("ov.anniv.mode", ctx.lang),
        options=["next12", "year"],
        format_func=lambda v: t(f"ov.anniv.{v}", ctx.lang),
        default="next12",
        key="w.ov.anniv_mode",
    )
    if mode == "year":
        year = st.number_input(
            t("ov.anniv.pick_year", ctx.lang),
            1980,
            2100,
            today.year + 1,
            key="w.ov.anniv_year",
            width=220,
        )
        first, last = calendar_year(int(year))
    else:
        first, last = next_twelve_months(today)
    table = _anniversaries_for(ctx, first, last)
    fields = {"first": first.isoformat(), "last": last.isoformat(), "count": len(table)}
    if not len(table):
        st.info(t("ov.anniv.none", ctx.lang, **fields))
        return
    st.markdown(t("ov.anniv.count", ctx.lang, **fields))
    st.dataframe(table.arrow, hide_index=True, width="stretch")
    name = f"anniversaries-{first.isoformat()}-{last.isoformat()}"
    table_downloads(table.pandas, name, ctx.lang, "dl.anniv")


def top_section(ctx: PageContext, figures: dict) -> None:
    """Guangxi cities and partner countries with the most pairs."""
    st.subheader(t("ov.top.header", ctx.lang))
    left, right = st.columns(2)
    with left:
        show_figure(ctx, figures["top_cities"][1], "fig.top_cities", "top-cities")
    with right:
        show_figure(ctx, figures["top_countries"][1], "fig.top_countries", "top-countries")
    st.caption(t(TIES_RULE, ctx.lang))


def export_section(ctx: PageContext) -> None:
    """The filtered pairs as CSV/XLSX and the one-file offline deck (every slide)."""
    st.subheader(t("dl.header", ctx.lang))
    st.markdown(t("dl.pairs", ctx.lang, count=len(ctx.links)))
    table_downloads(partial(_links_table_for, ctx), "pairs", ctx.lang, "dl.pairs")

    def build() -> str:
        return deck_file(deck_view.deck_input(ctx, "light", None), TOPOJSON_FILE)

    st.download_button(
        t("deck.download", ctx.lang),
        data=build,
        file_name=f"deck-{ctx.data.meta['as_of']}-{ctx.lang}.html",
        mime="text/html",
        key="dl.briefing",
        help=t("deck.download_help", ctx.lang),
        on_click="ignore",
        type="primary",
    )
