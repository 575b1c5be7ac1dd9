"""Core package of the Guangxi sister-city dashboard (never imports streamlit)."""

__version__ = "0.1.0"
