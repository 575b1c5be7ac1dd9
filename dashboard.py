"""Overview: headline figures, growth, anniversaries, top lists and exports (entry page, URL /)."""

import streamlit as st

from sistercities.i18n import t
from ui import sidebar
from ui.views import deck, overview

with sidebar.page("page.overview") as ctx:
    if ctx.view.present:  # the meeting-room deck, on this page's slide
        deck.show(ctx, 1)
    st.title(t("app.title", ctx.lang))
    st.caption(sidebar.caption(ctx))
    if ctx.empty:
        sidebar.empty_state(ctx)

    overview.headline_section(ctx)
    figures = overview.growth_section(ctx)
    overview.anniversary_section(ctx)
    overview.top_section(ctx, figures)
    overview.export_section(ctx)
    sidebar.credits(ctx)
