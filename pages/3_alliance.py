"""Education alliance: founding facts, college ties carried by sister-city pairs (URL /alliance)."""

import streamlit as st

from sistercities.alliance import ties as alliance
from sistercities.counts import completeness_text
from sistercities.i18n import t
from ui import cache, sidebar
from ui.figures import show_figure
from ui.views import alliance as view
from ui.views import deck

with sidebar.page("page.alliance") as ctx:
    if ctx.view.present:  # the meeting-room deck, on its alliance slide
        deck.show(ctx, 6)
    lang, data = ctx.lang, ctx.data
    prep = view.prepared(ctx)  # cached per data version, filter, language and roster
    members, mode, av = prep.members, prep.mode, prep.av
    view.founding(ctx)
    view.banner(ctx, members, mode)
    st.info(t("alliance.definition", lang))
    official = cache.completeness(data)
    if official:  # "80 of 132", as on every other page (issue #19)
        st.caption(completeness_text(official, lang))

    st.header(t("alliance.ties_header", lang))
    st.caption(t("alliance.filter_caption", lang, description=sidebar.caption(ctx)))
    summary = prep.summary
    st.markdown(t("alliance.ties_summary", lang, **summary) if summary["ties"] else "")
    if not summary["ties"]:
        st.info(t("alliance.no_ties", lang))
    map_tab, graph_tab = st.tabs([t("alliance.tab.map", lang), t("alliance.tab.network", lang)])
    with map_tab:
        show_figure(ctx, prep.ties_map, view.figure_title("map", mode), "alliance-map")
        st.caption(t("alliance.map_note", lang))
    with graph_tab:
        show_figure(ctx, prep.ties_network, view.figure_title("network", mode), "alliance-network")
        st.caption(t("alliance.network_note", lang))

    st.header(t("alliance.coverage_header", lang))
    carrying = len(alliance.kept_link_ids(av.links, alliance.carrying_link_ids(av.shown)))
    share = t("alliance.of", lang, part=carrying, whole=len(av.links))
    st.metric(t("alliance.coverage_metric", lang), share)
    by_country, by_field = st.columns(2)
    with by_country:
        st.subheader(t("alliance.by_country", lang))
        st.dataframe(prep.country_table, hide_index=True, key="alliance.by_country")
    with by_field:
        st.subheader(t("alliance.by_field", lang))
        if not alliance.has_fields(members):
            st.info(t("alliance.fields_unassigned", lang))
        st.dataframe(prep.field_table, hide_index=True, key="alliance.by_field")
    view.uncovered(ctx, prep.parts.missing)

    st.header(t("alliance.members_header", lang))
    if mode == view.SHIPPED and not ctx.data.synthetic:
        st.caption(t("alliance.members_shipped", lang))
    st.dataframe(prep.parts.members.arrow, hide_index=True, key="alliance.members")
    view.context_pairs(ctx, prep)
    view.roster_import(ctx)
    sidebar.credits(ctx)
