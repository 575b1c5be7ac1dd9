"""Map page (URL /map): the pairs on a flat world map or a globe, or the Guangxi close-up.

One map is drawn at a time (the ``proj`` URL parameter picks it), so the first view paints
quickly and each map gets the full width of a 16:9 screen.
"""

import streamlit as st

from ui import sidebar
from ui.views import deck
from ui.views import map as map_view

with sidebar.page("page.map") as ctx:
    deck.page_head(ctx, 2, "map.title")

    controls = st.columns(2)
    with controls[0]:
        projection = map_view.projection_choice(ctx)
    closeup = projection == map_view.CLOSEUP
    if not closeup:
        with controls[1]:
            colour_by = map_view.colour_choice(ctx)

    left, right = st.columns([3.4, 1])
    with left:
        if closeup:
            map_view.guangxi_map(ctx)
        else:
            map_view.world_map(ctx, projection, colour_by)
    with right:
        map_view.selection_panel(ctx)

    map_view.about(ctx)
    sidebar.credits(ctx)
