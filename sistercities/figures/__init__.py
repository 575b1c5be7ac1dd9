"""Plotly figure builders of the maps and the overview (no Streamlit)."""
