"""Overview: headline figures, growth, anniversaries, top lists and exports (entry page, URL /)."""

from ui import sidebar
from ui.views import deck, overview

with sidebar.page("page.overview") as ctx:
    deck.page_head(ctx, 1, "app.title")

    overview.headline_section(ctx)
    figures = overview.growth_section(ctx)
    overview.anniversary_section(ctx)
    overview.top_section(ctx, figures)
    overview.export_section(ctx)
    sidebar.credits(ctx)
