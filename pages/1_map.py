"""World map: the pairs as great-circle lines, a globe view and the Guangxi close-up (URL /map)."""

import streamlit as st

from sistercities.i18n import t
from ui import map_view, sidebar

ctx = sidebar.page_setup("page.map")
st.title(t("map.title", ctx.lang))
st.caption(sidebar.caption(ctx))
if ctx.empty:
    sidebar.empty_state(ctx)

controls = st.columns(2)
with controls[0]:
    projection = map_view.projection_choice(ctx)
with controls[1]:
    colour_by = map_view.colour_choice(ctx)

left, right = st.columns([3.4, 1])
with left:
    world = map_view.world_figure(ctx, projection, colour_by)
    event = map_view.show_geo(world, "map.world", f"guangxi-map-{projection}", on_select=True)
    map_view.handle_pick(event, ctx, "world")
    map_view.map_caption(ctx)
    map_view.world_notes(ctx)
with right:
    map_view.selection_panel(ctx)

st.subheader(t("map.closeup.title", ctx.lang))
closeup = map_view.closeup_figure(ctx)
event = map_view.show_geo(closeup, "map.guangxi", "guangxi-prefectures", on_select=True)
map_view.handle_pick(event, ctx, "guangxi")
map_view.map_caption(ctx)
map_view.closeup_caption(ctx)
map_view.about(ctx)
if not ctx.view.present:
    sidebar.credits(ctx)
