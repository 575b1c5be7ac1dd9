"""Page styling: projector-friendly defaults and briefing mode (no web fonts, no CDN)."""

from __future__ import annotations

import streamlit as st

# Captions and links in them at WCAG 2.1 AA contrast (4.5:1) on white and on the sidebar's grey;
# Streamlit drew captions at 60 % opacity, which fell short (GB/T 37668, issue #19).
_CONTRAST_CSS = """
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #4f5563 !important;
  opacity: 1 !important;
}
[data-testid="stCaptionContainer"] a, [data-testid="stMarkdownContainer"] a { color: #1d4f9c; }
"""

# Every width: a choice whose options do not fit on one line wraps (on a phone the map's
# projection choice ran off the right edge, in a box that scrolled sideways).
_WRAP_CSS = """
[data-testid="stButtonGroup"] [role="radiogroup"] { flex-wrap: wrap; row-gap: 0.25rem; }
"""

# Up to 768 px Streamlit's header is opaque and fixed (60 px, with the button that opens the
# filters): the page starts below it, where the title's first line sat under it before. A
# chart's toolbar (always shown) covered the end of the chart's title there: it shows when the
# chart is touched or hovered, and takes no taps while hidden.
PHONE_WIDTH = 768
_CHART = '[data-testid="stPlotlyChart"]'
_PHONE_CSS = f"""
@media (max-width: {PHONE_WIDTH}px) {{
  .block-container {{ padding-top: 4.25rem; }}
  h1 {{ font-size: 2rem !important; }}
  {_CHART} .modebar-container {{ visibility: hidden; }}
  {_CHART}:hover .modebar-container, {_CHART}:focus-within .modebar-container {{
    visibility: visible;
  }}
}}
"""

_BASE_CSS = (
    """
<style>
[data-testid="stMetricValue"] { font-size: 2.1rem; }
.block-container { padding-top: 1.5rem; }
"""
    + _CONTRAST_CSS
    + _WRAP_CSS
    + _PHONE_CSS
    + """
</style>
"""
)

_PRESENT_CSS = (
    """
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
"""
    + _CONTRAST_CSS
    + _WRAP_CSS
    + """
</style>
"""
)


def inject_style(present: bool) -> None:
    """Add the page CSS; in briefing mode hide the sidebar and toolbar and enlarge type."""
    st.html(_PRESENT_CSS if present else _BASE_CSS)
