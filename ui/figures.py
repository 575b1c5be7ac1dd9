"""Rendering helpers every page can use: stamped figures and table downloads."""

from __future__ import annotations

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from sistercities.contract.schema import Lang
from sistercities.counts import measure_label
from sistercities.exports import chart_config, csv_bytes, stamp_figure, xlsx_bytes
from sistercities.exports import figure_note as note_for
from sistercities.i18n import t
from ui import cache, state
from ui.sidebar import PageContext, caption


def figure_note(ctx: PageContext) -> str:
    """The line baked into every figure: as-of date, source and the current filter."""
    return note_for(str(ctx.data.meta["as_of"]), caption(ctx), ctx.lang, ctx.data.synthetic)


def show_figure(ctx: PageContext, fig: go.Figure, title_key: str, name: str) -> None:
    """Render a figure with its title, as-of date and source inside it.

    The modebar's camera button downloads it client-side at three times screen resolution
    (PNG) or as SVG, as the sidebar setting says; the image holds the title and the note.
    The chart key includes the format because Plotly's config is fixed when a chart mounts.
    """
    title, note, large = t(title_key, ctx.lang), figure_note(ctx), ctx.view.present
    # A cached figure is stamped and turned into a dict once, not on every rerun.
    stamped = cache.frozen(fig, (title, note, large), lambda f: _stamped(f, title, note, large))
    image = state.image_format()
    config = chart_config(f"{name}-{ctx.data.meta['as_of']}", image)
    st.plotly_chart(stamped, theme=None, config=config, key=f"chart.{name}.{image}")


def _stamped(fig: go.Figure, title: str, note: str, large: bool) -> dict:
    """``stamp_figure`` of the layout alone, joined to the figure's dict form.

    Stamping touches only the layout; copying the whole figure through ``go.Figure(fig)``
    re-validated every trace and animation frame (seconds for an animated map at scale).
    """
    layout = stamp_figure(go.Figure(layout=fig.layout), title, note, large).layout
    result = fig.to_dict()
    result["layout"] = layout.to_plotly_json()
    return result


def table_downloads(frame: pd.DataFrame, name: str, lang: Lang, key: str) -> None:
    """CSV (UTF-8 with BOM) and XLSX download buttons for a table, formulas neutralised."""
    left, right = st.columns(2)
    # The files are built when a button is clicked, not on every rerun (25,000 rows of XLSX
    # take seconds).
    left.download_button(
        t("dl.csv", lang),
        data=partial(csv_bytes, frame),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"{key}.csv",
        help=t("dl.csv_help", lang),
        width="stretch",
    )
    right.download_button(
        t("dl.xlsx", lang),
        data=partial(xlsx_bytes, frame, name),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}.xlsx",
        width="stretch",
    )


def official_figures(ctx: PageContext) -> None:
    """Every official figure with the dataset's count for the same date (issue #17)."""
    lang = ctx.lang
    table = cache.official_comparison(ctx.data)
    if table.empty:
        return
    countries = dict(
        zip(ctx.data.countries["iso3"], ctx.data.countries[f"name_{lang}"], strict=True)
    )
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
    with st.expander(t("official.header", lang)):
        st.caption(t("official.caption", lang))
        more = table.loc[table["more"]]
        if not more.empty:
            items = "; ".join(
                f"{d} {measure_label(m, lang, countries)}"
                for d, m in zip(more["date"], more["measure"], strict=True)
            )
            st.warning(t("official.more", lang, items=items))
        st.dataframe(shown, hide_index=True, width="stretch")
