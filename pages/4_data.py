"""Data: the full tables, the validation report, completeness and guarded updates (URL /data)."""

import streamlit as st

from sistercities.i18n import t
from ui import sidebar
from ui.views import data as data_view
from ui.views import importer as import_view

with sidebar.page("page.data", with_filters=False) as ctx:
    st.title(t("page.data", ctx.lang))
    st.caption(
        f"{t('as_of', ctx.lang, date=ctx.data.meta['as_of'])} · "
        f"{t('source', ctx.lang, source=sidebar.source_note(ctx))}"
    )
    st.caption(t("data.intro", ctx.lang))
    tables = data_view.tables(ctx)
    tab_keys = ("data.tab.pairs", "data.tab.places", "data.tab.members")
    tabs = st.tabs([t(k, ctx.lang) for k in (*tab_keys, "data.tab.report", "data.tab.totals")])
    for tab, name in zip(tabs, tables, strict=False):
        with tab:
            data_view.searchable_table(name, tables[name], ctx.lang)
    with tabs[3]:
        data_view.report(ctx.lang)
    with tabs[4]:
        data_view.completeness_part(ctx)
    data_view.editor(ctx)
    import_view.section(ctx)
    sidebar.credits(ctx)
