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
[data-testid="stToolbar"], [data-testid="stHeader"], [data-testid="stMainMenu"] { display: none; }
.block-container { padding: 1rem 2rem; max-width: 100%; }
html, body, [data-testid="stAppViewContainer"] { font-size: 20px; }
[data-testid="stMetricValue"] { font-size: 3rem; }
</style>
"""


def inject_style(present: bool) -> None:
    """Add the page CSS; in briefing mode hide the sidebar and toolbar and enlarge type."""
    st.html(_PRESENT_CSS if present else _BASE_CSS)
