"""Streamlit side of the map page, and THE place that renders plotly geo charts.

Every geo chart goes through :func:`show_geo`, which sets plotly's config once per chart:
``topojsonURL`` points at the app's own ``static/`` folder (served by
``server.enableStaticServing``), so the browser never asks a CDN for boundaries.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from geo.map_layers import country_label_points, feature_label_points
from geo.spatial import load_prefecture_geojson
from sistercities.contract.schema import place_id_for_china
from sistercities.exports import chart_config, links_table
from sistercities.figures.guangxi_map import guangxi_figure, region_level_count
from sistercities.figures.world_map import (
    COLOUR_BY,
    MapView,
    frame_of,
    map_summary,
    places_near,
    selection_mask,
    split_located,
    world_map_spec,
)
from sistercities.i18n import t
from sistercities.paths import STATIC_DIR
from ui import cache, state, widgets
from ui.sidebar import PageContext, source_note
from ui.widgets import PickHandler, clickable_chart

WORLD_TOPOJSON = "world_110m.json"
CLOSEUP = "guangxi"  # the ``proj`` value that shows the Guangxi close-up
COLOUR = "map.colour"


@st.cache_resource(show_spinner=False)
def label_points() -> dict[str, tuple[float, float]]:
    """Countries' label points from the served topojson (read once per process)."""
    return country_label_points(STATIC_DIR / WORLD_TOPOJSON)


@st.cache_resource(show_spinner=False)
def prefecture_shapes() -> tuple[dict, dict[str, tuple[float, float]]]:
    """Guangxi's prefecture shapes and a label point inside each (read-only, shared)."""
    geojson = load_prefecture_geojson()
    return geojson, feature_label_points(geojson)


def geo_config(name: str) -> dict[str, Any]:
    """Plotly config of a geo chart: own topojson, no logo, scroll zoom, click selection only."""
    config = chart_config(name, state.image_format())
    config.update(scrollZoom=True, modeBarButtonsToRemove=["lasso2d", "select2d"])
    return config


def show_geo(fig: go.Figure | cache.Spec, key: str, name: str, on_pick: PickHandler) -> None:
    """Render a geo figure with the offline config; ``on_pick`` handles each click once.

    The key holds the image format because plotly's config is fixed when a chart mounts;
    otherwise it is stable, so ``layout.uirevision`` keeps the user's pan and zoom.
    """
    key = f"{key}.{state.image_format()}"
    # a cached figure is turned into a dict once, not on every rerun
    clickable_chart(cache.frozen(fig), key, geo_config(name), on_pick)


def projection_choice(ctx: PageContext) -> str:
    """The map control (flat world, globe or Guangxi close-up), bound to the URL's ``proj``."""
    return widgets.bound_choice(
        t("map.projection", ctx.lang),
        state.PROJECTIONS,
        ctx.view.proj,
        "w.map.proj",
        lambda choice: state.set_value(state.PROJ, choice),
        lambda value: t(f"map.proj.{value}", ctx.lang),
    )


def colour_choice(ctx: PageContext) -> str:
    """Colour partners by continent or by level (kept for the session)."""
    value = st.session_state.get(COLOUR)
    value = value if value in COLOUR_BY else COLOUR_BY[0]
    return widgets.bound_choice(
        t("map.colour", ctx.lang),
        COLOUR_BY,
        value,
        "w.map.colour",
        lambda choice: st.session_state.__setitem__(COLOUR, choice),
        lambda v: t(f"map.colour.{v}", ctx.lang),
    )


def _stamp(ctx: PageContext, title_key: str) -> tuple[str, str]:
    """Title and the note baked into a map: as-of date, source, filter, boundary source."""
    return t(title_key, ctx.lang), f"{ctx.figure_note} · {t('map.boundary_source', ctx.lang)}"


def home_centre(ctx: PageContext) -> tuple[float, float]:
    """The home region's point (lon, lat) from places.csv: the globe's centre."""
    region = place_id_for_china(str(ctx.data.meta["home_admin_code"]))
    row = ctx.data.places.loc[ctx.data.places["place_id"] == region]
    if row.empty or row[["lon", "lat"]].isna().any(axis=None):
        return MapView().centre
    return float(row.iloc[0]["lon"]), float(row.iloc[0]["lat"])


def world_figure(ctx: PageContext, projection: str, colour_by: str) -> cache.Spec:
    """The world map of the filtered pairs, the shared selection highlighted.

    Cached (shared, read-only) per data version, filter, language, projection, colours,
    selection and note, so a rerun that changes none of them does not rebuild it. A plain
    figure dict (never validated by plotly): a filter change builds it anew.
    """
    stamp = _stamp(ctx, "map.title")
    key = (str(ctx.data.folder), ctx.data.version, ctx.spec, ctx.lang, ctx.view.sel, stamp)
    return _world_figure(key, projection, colour_by, ctx)


@st.cache_resource(max_entries=32, show_spinner=False)
def _world_figure(key: tuple, projection: str, colour_by: str, _ctx: PageContext) -> cache.Spec:
    ctx = _ctx
    view = MapView(colour_by, projection, ctx.view.sel, home_centre(ctx))  # type: ignore[arg-type]
    codes = list(ctx.data.countries["iso3"])
    return cache.Spec(world_map_spec(ctx.links, ctx.lang, view, codes, label_points(), key[-1]))


def world_map(ctx: PageContext, projection: str, colour_by: str) -> None:
    """The world map (flat or globe) with its click handling, caption and notes."""
    figure = world_figure(ctx, projection, colour_by)
    show_geo(figure, "map.world", f"guangxi-map-{projection}", handle_pick)
    map_caption(ctx)
    world_notes(ctx)


def guangxi_map(ctx: PageContext) -> None:
    """The Guangxi close-up with its click handling and captions."""
    show_geo(closeup_figure(ctx), "map.guangxi", "guangxi-prefectures", handle_pick)
    map_caption(ctx)
    closeup_caption(ctx)


def closeup_figure(ctx: PageContext) -> go.Figure:
    """The Guangxi close-up of the filtered pairs (cached like :func:`world_figure`)."""
    stamp = _stamp(ctx, "map.closeup.title")
    key = (str(ctx.data.folder), ctx.data.version, ctx.spec, ctx.lang, ctx.view.sel, stamp)
    return _closeup_figure(key, ctx)


@st.cache_resource(max_entries=32, show_spinner=False)
def _closeup_figure(key: tuple, _ctx: PageContext) -> go.Figure:
    geojson, points = prefecture_shapes()
    ctx = _ctx
    return guangxi_figure(
        ctx.links, ctx.data.places, geojson, points, ctx.lang, key[-1], ctx.view.sel
    )


def _first_pick(event: Any) -> tuple[str, ...] | None:
    """The ``customdata`` (``[kind, id, ...]``) of the clicked marker or shape, or None."""
    points = event.get("selection", {}).get("points", []) if event else []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list | tuple) and len(data) >= 2:
            return tuple(str(value) for value in data)
    return None


def handle_pick(event: Any) -> None:
    """Act on one click on a map (a widget callback: it runs once, before the rerun).

    A place selects (the selection is shared with the network page) and clicking the selected
    place again clears it; a country bubble or a prefecture filters to it. An empty event
    means the user cleared plotly's own selection, which clears the shared one too.
    """
    picked = _first_pick(event)
    selected = state.view_state().sel
    if picked is None:
        state.set_value(state.SEL, None)
        return
    kind, value = picked[0], picked[1]
    spec = state.current_filter()
    if kind == "place":
        state.set_value(state.SEL, None if value == selected else value)
    elif kind == "country":
        new = replace(spec, countries=(value,), continents=(), asean=False)
        state.set_filter(new, reset_widgets=True)
    elif kind == "prefecture" and value:
        state.set_filter(replace(spec, cities=(value,)), reset_widgets=True)
    else:
        name = picked[2] if len(picked) > 2 else value
        st.toast(t("map.closeup.no_place", state.lang(), name=name))


def world_notes(ctx: PageContext) -> None:
    """What is drawn, what is not and why, any aggregation, and the click hint."""
    st.caption(map_summary(ctx.links, ctx.lang))
    _, missing = split_located(ctx.links)
    if len(missing):
        names = sorted({ctx.names.get(p, p) for p in missing["partner_place_id"]})
        st.caption(t("map.not_drawn_list", ctx.lang, names="、".join(names[:20])))
    st.caption(t("map.click_hint", ctx.lang))


def selection_panel(ctx: PageContext) -> None:
    """The selected place's partners with dates, and a button to clear the selection."""
    selected = ctx.view.sel
    if not selected:
        st.caption(t("map.panel.none", ctx.lang))
        return
    name = ctx.names.get(selected, selected)
    chosen = ctx.links.loc[selection_mask(ctx.links, selected)]
    st.markdown(f"**{t('map.panel.header', ctx.lang, name=name)}**")
    nearby_chooser(ctx, selected)
    if chosen.empty:
        st.caption(t("map.selected_absent", ctx.lang, name=name))
    else:
        table = links_table(chosen, ctx.lang, ctx.names)
        columns = [t(k, ctx.lang) for k in ("tbl.home", "tbl.partner", "tbl.established")]
        columns.append(t("tbl.country", ctx.lang))
        st.dataframe(table[columns], hide_index=True, key="w.map.panel")
    st.button(
        t("map.clear", ctx.lang),
        key="w.map.clear",
        on_click=state.set_value,
        args=(state.SEL, None),
    )


@st.cache_resource(max_entries=64, show_spinner=False)
def _places_near(key: tuple, _ctx: PageContext) -> list[str]:
    """The places under a selected place's point (cached per version, filter and selection)."""
    frame = frame_of(split_located(_ctx.links)[0])
    return places_near(_ctx.links, key[-1], frame)


def nearby_chooser(ctx: PageContext, selected: str) -> None:
    """Where points overlap, the places under the click, to pick the one meant (#19 §4).

    A lone point shows nothing; over a cluster (Kumamoto city and prefecture share a point,
    Yatsushiro lies under them) a small chooser lists the places there.
    """
    places = _places_near((str(ctx.data.folder), ctx.data.version, ctx.spec, selected), ctx)
    if len(places) < 2:
        return
    key = f"w.map.near.{selected}"

    def picked() -> None:
        choice = st.session_state.get(key)
        if choice:
            state.set_value(state.SEL, choice)

    st.pills(
        t("map.near", ctx.lang, count=len(places)),
        places,
        format_func=lambda place: ctx.names.get(place, place),
        default=selected,
        key=key,
        on_change=picked,
    )


def closeup_caption(ctx: PageContext) -> None:
    """How to read the close-up."""
    st.caption(t("map.closeup.caption", ctx.lang, count=region_level_count(ctx.links)))


def map_caption(ctx: PageContext) -> None:
    """The caption under every map: as-of date, data source, boundary source."""
    st.caption(
        t(
            "map.caption",
            ctx.lang,
            date=ctx.data.meta["as_of"],
            source=source_note(ctx),
            boundary=t("map.boundary_source", ctx.lang),
        )
    )


def about(ctx: PageContext) -> None:
    """Where the boundaries come from, and the 审图号 rule."""
    with st.expander(t("map.about.header", ctx.lang)):
        st.markdown(t("map.about.text", ctx.lang))
