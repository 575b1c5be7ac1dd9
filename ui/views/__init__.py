"""Page views: the Streamlit parts of each page (pages/ stay thin)."""
