"""The thin Streamlit layer: caching, shared state, sidebar and page setup."""
