"""Rendering helpers every page can use: stamped figures and table downloads."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from sistercities.contract.schema import Lang
from sistercities.counts import measure_label
from sistercities.dataset import Dataset
from sistercities.exports import (
    chart_alt,
    chart_config,
    csv_bytes,
    stamp_spec,
    xlsx_bytes,
)
from sistercities.i18n import t
from ui import cache, state
from ui.sidebar import PageContext


def show_figure(ctx: PageContext, fig: go.Figure | dict, title_key: str, name: str) -> None:
    """Render a figure with its title, as-of date and source inside it.

    The modebar's camera button downloads it client-side at three times screen resolution
    (PNG) or as SVG, as the sidebar setting says; the image holds the title and the note.
    The chart key includes the format because Plotly's config is fixed when a chart mounts.
    """
    title, note, large = t(title_key, ctx.lang), ctx.figure_note, ctx.view.present
    stamped: go.Figure
    if isinstance(fig, cache.Spec):  # a cached figure dict: stamped once, never validated
        stamped = cache.frozen(
            fig, (title, note, large), lambda f: stamp_spec(f, title, note, large)
        )
    elif isinstance(fig, dict):  # a figure dict made for this run
        stamped = cache.FrozenFigure(stamp_spec(fig, title, note, large))
    else:  # a cached figure is stamped and turned into a dict once, not on every rerun
        stamped = cache.frozen(fig, (title, note, large), lambda f: _stamped(f, title, note, large))
    image = state.image_format()
    config = chart_config(f"{name}-{ctx.data.meta['as_of']}", image)
    st.plotly_chart(
        stamped,
        theme=None,
        config=config,
        key=f"chart.{name}.{image}",
        alt=chart_alt(stamped.to_dict()),
    )


def _stamped(fig: go.Figure, title: str, note: str, large: bool) -> dict:
    """:func:`stamp_spec` of the figure's dict form (the traces are not validated again)."""
    return stamp_spec(fig.to_dict(), title, note, large)


def table_downloads(frame: Callable[[], pd.DataFrame], name: str, lang: Lang, key: str) -> None:
    """CSV (UTF-8 with BOM) and XLSX download buttons for a table, formulas neutralised.

    ``frame`` makes the table; it is called only when a button is clicked.
    """
    # one row that wraps on a narrow screen: one block, where two columns sent three
    row = st.container(horizontal=True)
    # The files are built when a button is clicked, not on every rerun (25,000 rows of XLSX
    # take seconds).
    row.download_button(
        t("dl.csv", lang),
        data=lambda: csv_bytes(frame()),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"{key}.csv",
        help=t("dl.csv_help", lang),
        width="stretch",
    )
    row.download_button(
        t("dl.xlsx", lang),
        data=lambda: xlsx_bytes(frame(), name),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}.xlsx",
        width="stretch",
    )


def official_figures(ctx: PageContext) -> None:
    """Every official figure with the dataset's count for the same date (issue #17)."""
    lang = ctx.lang
    found = _official_table(str(ctx.data.folder), ctx.data.version, lang, ctx.data)
    if found is None:
        return
    shown, items = found
    with st.expander(t("official.header", lang)):
        st.caption(t("official.caption", lang))
        if items:
            st.warning(t("official.more", lang, items=items))
        st.dataframe(shown.arrow, hide_index=True, width="stretch")


@st.cache_resource(max_entries=8, show_spinner=False)
def _official_table(
    folder: str, version: str, lang: Lang, _data: Dataset
) -> tuple[cache.ShownTable, str] | None:
    """The official figures' table and the "more than counted" items (per version and language).

    Shared and read-only; the filter does not change them.
    """
    del folder, version  # the cache key only
    table = cache.official_comparison(_data)
    if table.empty:
        return None
    countries = dict(zip(_data.countries["iso3"], _data.countries[f"name_{lang}"], strict=True))
    shown = pd.DataFrame(
        {
            t("official.col.date", lang): table["date"],
            t("official.col.measure", lang): [
                measure_label(m, lang, countries) for m in table["measure"]
            ],
            t("official.col.official", lang): table["official"],
            t("official.col.dataset", lang): table["dataset"],
            t("official.col.undated", lang): table["undated"],
            t("official.col.source", lang): table["source_url"],
        }
    )
    more = table.loc[table["more"]]
    items = "; ".join(
        f"{d} {measure_label(m, lang, countries)}"
        for d, m in zip(more["date"], more["measure"], strict=True)
    )
    return cache.ShownTable.of(shown), items
