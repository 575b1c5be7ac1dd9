"""Briefing mode (``?present=1``): a keyboard-friendly bar of page links instead of the sidebar."""

from __future__ import annotations

import streamlit as st

from sistercities.contract.schema import Lang
from sistercities.i18n import t
from sistercities.paths import ROOT
from ui import state

BRIEFING_PAGES = (
    ("dashboard.py", "page.overview"),
    ("pages/1_map.py", "page.map"),
    ("pages/2_network.py", "page.network"),
    ("pages/3_alliance.py", "page.alliance"),
)
NAV_KEY = "brief-nav"

# Arrow keys (and a presenter remote's PageUp/PageDown) follow the links of the bar; digits jump.
# The links are ordinary anchors, so Tab reaches them and Enter opens them as well.
_KEYS_JS = """
<script>
(function () {
  if (window.__sisterCityBriefingKeys) { return; }
  window.__sisterCityBriefingKeys = true;
  function trim(path) { return path.replace(/\\/+$/, ""); }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA"
        || target.isContentEditable)) { return; }
    var links = Array.from(document.querySelectorAll(".st-key-brief-nav a[href]"));
    if (!links.length) { return; }
    // the first link is the entry page, whose href Streamlit writes as the current address
    var here = 0;
    links.forEach(function (a, index) {
      if (index > 0 && trim(new URL(a.href).pathname) === trim(window.location.pathname)) {
        here = index;
      }
    });
    var next = -1;
    if (event.key === "ArrowRight" || event.key === "PageDown") { next = here + 1; }
    else if (event.key === "ArrowLeft" || event.key === "PageUp") { next = here - 1; }
    else if (/^[1-9]$/.test(event.key)) { next = parseInt(event.key, 10) - 1; }
    if (next < 0 || next >= links.length || next === here) { return; }
    event.preventDefault();
    links[next].click();
  });
})();
</script>
"""


def present_nav(lang: Lang) -> None:
    """The bar of page links at the top of a page in briefing mode, with the exit button."""
    pages = [(path, key) for path, key in BRIEFING_PAGES if (ROOT / path).exists()]
    with st.container(key=NAV_KEY, horizontal=True, vertical_alignment="center"):
        for path, key in pages:
            st.page_link(path, label=t(key, lang))
        st.caption(t("brief.keys", lang))
        if st.button(t("brief.exit", lang), key="w.brief.exit"):
            state.set_value(state.PRESENT, False)
            st.rerun()
    st.html(_KEYS_JS, unsafe_allow_javascript=True)


def enter_button(lang: Lang) -> None:
    """The sidebar button that switches to briefing mode."""
    if st.sidebar.button(t("brief.enter", lang), key="w.brief.enter", width="stretch"):
        state.set_value(state.PRESENT, True)
        st.rerun()
