"""Network: the sister-city graph, its measures and communities (URL /network)."""

import streamlit as st

from sistercities.i18n import t
from sistercities.network.figure import COLOUR_BY
from sistercities.network.layout import LAYOUTS
from ui import network_cache, sidebar
from ui.views import deck
from ui.views import network as network_panels

with sidebar.page("page.network") as ctx:
    deck.page_head(ctx, 5, "net.title")

    controls = st.columns(3)
    with controls[0]:
        view = network_panels.view_selector(ctx)
    with controls[1]:
        layout = network_panels.page_choice(ctx, "layout", LAYOUTS, network_panels.LAYOUT)
    with controls[2]:
        colour = network_panels.page_choice(ctx, "colour", COLOUR_BY, network_panels.COLOUR)

    graph = network_cache.graph(ctx, view)
    measures = network_cache.measures(ctx, view)
    selected = network_panels.selected_node(ctx, graph)
    figure = network_cache.stamped_figure(ctx, view, layout, colour, selected)

    left, right = st.columns([3, 1.4])
    with left:
        network_panels.chart(ctx, figure, view, selected)
        network_panels.selection_line(ctx, graph, selected)
    with right:
        network_panels.side_panel(ctx, measures)

    network_panels.notices(ctx, view, measures)
    network_panels.communities_panel(ctx, view, graph)
    network_panels.downloads(ctx, view, layout)
    st.caption(
        f"{t('as_of', ctx.lang, date=ctx.data.meta['as_of'])} · "
        f"{t('source', ctx.lang, source=sidebar.source_note(ctx))}"
    )
    sidebar.credits(ctx)
