"""Overview: headline figures of Guangxi's sister-city network (entry page, URL /)."""

import streamlit as st

from sistercities.headline import asean_share_text, completeness, completeness_text, headline
from sistercities.i18n import t
from ui import sidebar

ctx = sidebar.page_setup("page.overview")
st.title(t("app.title", ctx.lang))
st.caption(sidebar.caption(ctx))
if ctx.empty:
    sidebar.empty_state(ctx)

head = headline(ctx.links)
cols = st.columns(4)
cols[0].metric(
    t("kpi.pairs", ctx.lang),
    head.pairs,
    t("kpi.undated", ctx.lang, count=head.undated),
    delta_color="off",
)
cols[1].metric(t("kpi.countries", ctx.lang), head.countries)
cols[2].metric(
    t("kpi.asean", ctx.lang), head.asean_pairs, asean_share_text(head, ctx.lang), delta_color="off"
)
cols[3].metric(t("kpi.cities", ctx.lang), head.home_cities)
st.caption(
    f"{t('as_of', ctx.lang, date=ctx.data.meta['as_of'])} · "
    f"{t('source', ctx.lang, source=sidebar.source_note(ctx))}"
)
info = completeness(ctx.data.links, ctx.data.official_totals, ctx.data.as_of)
if info:
    st.info(completeness_text(info, ctx.lang))
sidebar.credits(ctx)
