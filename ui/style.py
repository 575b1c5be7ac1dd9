"""Page styling: projector-friendly defaults and briefing mode (no web fonts, no CDN)."""

from __future__ import annotations

import streamlit as st

_BASE_CSS = """
<style>
[data-testid="stMetricValue"] { font-size: 2.1rem; }
.block-container { padding-top: 1.5rem; }
</style>
"""

_PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stToolbar"], [data-testid="stHeader"],
[data-testid="stMainMenu"], [data-testid="stDecoration"], [data-testid="stStatusWidget"] {
  display: none !important;
}
.block-container { padding: 0.75rem 2rem 2rem; max-width: min(100%, calc(100vh * 16 / 9)); }
html, body, [data-testid="stAppViewContainer"] { font-size: 22px; }
h1 { font-size: 2.6rem !important; }
h2, h3 { font-size: 1.8rem !important; }
[data-testid="stMetricValue"] { font-size: 3.2rem; }
.st-key-brief-nav { border-bottom: 2px solid #c8102e; padding-bottom: 0.4rem; }
.st-key-brief-nav a { font-size: 1.3rem; padding: 0.3rem 1rem; border-radius: 0.4rem; }
.st-key-brief-nav a:focus-visible { outline: 3px solid #c8102e; outline-offset: 2px; }
</style>
"""


def inject_style(present: bool) -> None:
    """Add the page CSS; in briefing mode hide the sidebar and toolbar and enlarge type."""
    st.html(_PRESENT_CSS if present else _BASE_CSS)
