"""Presentation mode (``?present=1``): the deck's URL values, keyboard and the switch into it.

The deck itself is drawn by :mod:`ui.views.deck`. The page setup calls :func:`present_nav`
before it rewrites the URL from the canonical state (which knows nothing of ``slide=`` and
``theme=``), so the deck's values are read here first.
"""

from __future__ import annotations

import streamlit as st

from sistercities.contract.schema import Lang
from sistercities.deck.html import SCALE_FONTS_JS
from sistercities.i18n import t
from ui import state

URL_KEY = "deck.url"  # the deck's URL values (slide, theme) as this run found them
DECK_PARAMS = ("slide", "theme")

# Arrow keys and a presenter remote's PageUp/PageDown press the deck's previous and next
# buttons; Home, End and digits press its (hidden) jump buttons; P presses the chart's play
# button, which starts and stops the years. Buttons are ordinary buttons: Tab and Enter work too.
DECK_KEYS_JS = """
<script>
(function () {
  if (window.__sisterCityDeckKeys) { return; }
  window.__sisterCityDeckKeys = true;
  function press(selector) {
    var button = document.querySelector(selector);
    if (!button || button.disabled) { return false; }
    button.click();
    return true;
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA"
        || target.isContentEditable)) { return; }
    if (!document.querySelector(".st-key-deck-bar")) { return; }
    var key = event.key, done = false;
    var total = document.querySelectorAll("[class*='st-key-deck-go-'] button").length;
    if (key === "ArrowRight" || key === "PageDown" || key === "ArrowDown") {
      done = press(".st-key-deck-next button");
    } else if (key === "ArrowLeft" || key === "PageUp" || key === "ArrowUp") {
      done = press(".st-key-deck-prev button");
    } else if (key === "Home") {
      done = press(".st-key-deck-go-1 button");
    } else if (key === "End") {
      done = press(".st-key-deck-go-" + total + " button");
    } else if (/^[1-9]$/.test(key)) {
      done = press(".st-key-deck-go-" + key + " button");
    } else if (key === "p" || key === "P") {
      var play = document.querySelector(".st-key-deck-chart .updatemenu-button");
      if (play) { play.dispatchEvent(new MouseEvent("click", {bubbles: true})); done = true; }
    }
    if (done) { event.preventDefault(); }
  });
  // Text scales with the screen height: the figures' sizes are for 1080 pixels, so on another
  // screen every font size of the drawn chart is scaled (from the figure Streamlit drew).
SCALE_FONTS
  function rescale() {
    var gd = document.querySelector(".st-key-deck-chart .js-plotly-plot");
    if (!gd || !window.Plotly || !gd.layout || !gd.data) { return; }
    var k = window.innerHeight / 1080;
    if (gd.layout !== gd.__deckLayout) { gd.__deckBase = {data: gd.data, layout: gd.layout}; }
    else if (gd.__deckScale === k) { return; }
    if (Math.abs(k - 1) < 0.02 && gd.layout === gd.__deckBase.layout) { return; }
    var layout = scaled(gd.__deckBase.layout, k, false);
    gd.__deckLayout = layout;
    gd.__deckScale = k;
    window.Plotly.react(gd, scaled(gd.__deckBase.data, k, false), layout);
  }
  window.setInterval(rescale, 400);
  // plotly rejects an animation's promise, with no reason, when a second P stops it
  window.addEventListener("unhandledrejection", function (event) {
    if (event.reason === undefined) { event.preventDefault(); }
  });
})();
</script>
""".replace("SCALE_FONTS", SCALE_FONTS_JS)


def present_nav(lang: Lang) -> None:
    """Keep the deck's URL values (``slide``, ``theme``) before the URL is rewritten."""
    del lang  # the deck draws its own band (ui.views.deck)
    st.session_state[URL_KEY] = {
        name: st.query_params.get(name, "") for name in DECK_PARAMS if name in st.query_params
    }


def url_value(name: str) -> str:
    """A deck value of the URL as this run found it ('' when absent)."""
    return str(st.session_state.get(URL_KEY, {}).get(name, ""))


def enter_button(lang: Lang) -> None:
    """The sidebar button that switches to presentation mode (the deck)."""
    if st.sidebar.button(t("deck.enter", lang), key="w.brief.enter", width="stretch"):
        state.set_value(state.PRESENT, True)
        st.rerun()
