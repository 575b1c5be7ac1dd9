"""Presentation mode (``?present=1``): the meeting-room deck, one full-screen slide at a time.

The slide comes from the URL (``slide=3``), else from the page (``/`` 1, ``/map`` 2,
``/network`` 5, ``/alliance`` 6); ``theme=dark`` picks the big-screen look. The slides are
:func:`sistercities.deck.slides.deck_slide`'s, the same as the offline file's. Buttons turn
them (the keyboard presses the buttons); a click on a place selects it, as on ``/map``.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from sistercities.deck.html import band_html, deck_css, facts_html
from sistercities.deck.slides import (
    SLIDE_KEYS,
    DeckAssets,
    DeckInput,
    Slide,
    deck_slide,
    load_assets,
    slide_number,
)
from sistercities.exports import chart_alt, chart_config
from sistercities.figures.theme import DECK_THEMES, deck_colours
from sistercities.i18n import t
from ui import cache, sidebar, state
from ui import present as briefing
from ui.sidebar import PageContext
from ui.views import map as map_view
from ui.views import network as network_view
from ui.widgets import clickable_chart

MAP_SLIDES = frozenset({"world", "asean", "guangxi"})


@st.cache_resource(show_spinner=False)
def assets() -> DeckAssets:
    """The map inputs (read once per process, shared read-only)."""
    return load_assets()


def current_slide(home: int) -> int:
    """The slide to show: the URL's ``slide=``, else the page's own."""
    return slide_number(briefing.url_value("slide"), home)


def current_theme() -> str:
    """``dark`` when the URL says ``theme=dark``, else ``light``."""
    value = briefing.url_value("theme")
    return value if value in DECK_THEMES else "light"


def deck_input(ctx: PageContext, theme: str, selected: str | None) -> DeckInput:
    """What the deck's slides are built from: this page's data, filter and language."""
    return DeckInput(
        ctx.data,
        ctx.links,
        ctx.history,
        ctx.spec,
        ctx.lang,
        ctx.names,
        theme,
        selected,
        assets(),
    )


def slide_for(ctx: PageContext, number: int, theme: str) -> tuple[Slide, cache.FrozenFigure]:
    """The slide and its frozen figure, cached per data, filter, language, theme, selection."""
    key = (str(ctx.data.folder), ctx.data.version, ctx.spec, ctx.lang, theme, ctx.view.sel)
    return _slide(key, number, ctx)


@st.cache_resource(max_entries=48, show_spinner=False)
def _slide(key: tuple, number: int, _ctx: PageContext) -> tuple[Slide, cache.FrozenFigure]:
    ctx, theme = _ctx, key[4]
    deck = deck_input(ctx, theme, ctx.view.sel)
    slide = deck_slide(deck, number)
    return slide, cache.FrozenFigure(slide.figure)


def go_to(number: int) -> None:
    """Button callback: show slide ``number`` (kept in the URL)."""
    st.query_params["slide"] = str(number)


def show(ctx: PageContext, home: int) -> None:
    """Draw the deck's current slide full screen, with its controls; then stop the page."""
    number, theme = current_slide(home), current_theme()
    total = len(SLIDE_KEYS)
    slide, figure = slide_for(ctx, number, theme)
    st.html(f"<style>{_page_css(theme)}{deck_css(theme, '.st-key-deck-bar')}</style>")
    with st.container(key="deck-bar", horizontal=True, vertical_alignment="center", gap=None):
        st.html(band_html(slide, total, ctx.lang), width="stretch")
        _controls(ctx, number, total)
    if slide.facts or slide.lines:
        st.html(
            f"<style>{deck_css(theme, '.st-key-deck-facts')}</style>"
            f'<div class="st-key-deck-facts">{facts_html(slide)}</div>'
        )
    with st.container(key="deck-chart"):
        _chart(ctx, slide, figure, theme)
    st.html(briefing.DECK_KEYS_JS, unsafe_allow_javascript=True)
    # the page's write_url keeps only the filter's and view's values: keep the deck's too
    st.query_params["slide"] = str(number)
    if theme != "light":
        st.query_params["theme"] = theme
    st.stop()


def _controls(ctx: PageContext, number: int, total: int) -> None:
    """Previous, next, exit; hidden jump buttons that the digit, Home and End keys press."""
    lang = ctx.lang
    st.button(
        "◀",
        key="deck-prev",
        help=t("deck.prev", lang),
        on_click=go_to,
        args=(max(1, number - 1),),
        disabled=number == 1,
    )
    st.button(
        "▶",
        key="deck-next",
        help=t("deck.next", lang),
        on_click=go_to,
        args=(min(total, number + 1),),
        disabled=number == total,
    )
    for target in range(1, total + 1):
        st.button(str(target), key=f"deck-go-{target}", on_click=go_to, args=(target,))
    if st.button(t("deck.exit", lang), key="deck-exit"):
        state.set_value(state.PRESENT, False)
        for name in ("slide", "theme"):
            if name in st.query_params:
                del st.query_params[name]
        st.rerun()


def _chart(ctx: PageContext, slide: Slide, figure: cache.FrozenFigure, theme: str) -> None:
    """The slide's chart; a click on a place or node selects it once."""
    config = chart_config(f"deck-{slide.number}-{slide.key}-{ctx.data.meta['as_of']}")
    # no tool bar over the legend on the big screen: the wheel zooms and a drag pans
    config.update(
        scrollZoom=True, displayModeBar=False, modeBarButtonsToRemove=["lasso2d", "select2d"]
    )
    key = f"deck.chart.{slide.number}.{theme}.{ctx.lang}"
    if slide.key == "network":
        places = frozenset(ctx.data.places["place_id"])
        selected = ctx.view.sel

        def on_pick(event: Any) -> None:
            network_view.handle_pick(event, places, selected)

        clickable_chart(figure, f"{key}.{selected}", config, on_pick, height="stretch")
    elif slide.key in MAP_SLIDES:
        config["topojsonURL"] = map_view.geo_config("deck")["topojsonURL"]
        clickable_chart(figure, key, config, map_view.handle_pick, height="stretch")
    else:
        st.plotly_chart(
            figure,
            theme=None,
            config=config,
            key=key,
            height="stretch",
            width="stretch",
            alt=chart_alt(figure.to_dict()),
        )


def _page_css(theme: str) -> str:
    """Full-screen layout: no padding, the band on top, the chart filling the rest."""
    colours = deck_colours(theme)
    return f"""
[data-testid="stAppViewContainer"], [data-testid="stMain"], .stApp {{
  background: {colours["background"]} !important; }}
.block-container {{ padding: 0 !important; max-width: 100% !important; }}
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] {{ gap: 0 !important; }}
.st-key-deck-bar {{ background: {colours["background"]}; }}
.st-key-deck-bar .deck-band {{ border-bottom: none !important; }}
.st-key-deck-bar {{ border-bottom: 0.3vh solid {colours["accent"]}; padding-right: 1vw;
  gap: 0.6vw; }}
.st-key-deck-bar button {{ font-size: 1.8vh; min-height: 4vh; color: {colours["text"]};
  background: {colours["background"]}; border-color: {colours["muted"]}; }}
.st-key-deck-bar button p {{ font-size: 1.8vh; }}
[class*="st-key-deck-go-"] {{ display: none !important; }}
[data-testid="stVerticalBlock"]:has(> div > .st-key-deck-chart) {{ height: 100vh; }}
div:has(> .st-key-deck-chart) {{ flex: 1 1 0 !important; min-height: 0 !important; }}
.st-key-deck-chart {{ height: 100% !important; }}
.st-key-deck-chart > div, .st-key-deck-chart [data-testid="stFullScreenFrame"],
.st-key-deck-chart [data-testid="stPlotlyChart"] {{ height: 100% !important; }}
.st-key-deck-bar h1 {{ font-size: 3.4vh !important; margin: 0 !important; padding: 0 !important;
  line-height: 1.15 !important; }}
"""


def page_head(ctx: PageContext, slide: int, title_key: str) -> None:
    """A page's start: its deck slide in presentation mode, else its title and filter line.

    The deck and an empty filter (with the reason) stop the page.
    """
    if ctx.view.present:  # the meeting-room deck, on this page's slide
        show(ctx, slide)
    st.title(t(title_key, ctx.lang))
    st.caption(sidebar.caption(ctx))
    if ctx.empty:
        sidebar.empty_state(ctx)
