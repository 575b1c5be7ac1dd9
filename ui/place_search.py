"""The sidebar's place search: a type-ahead list, or a server-side search on large datasets."""

from __future__ import annotations

import streamlit as st

from sistercities.contract.schema import Lang
from sistercities.i18n import t
from sistercities.places import find_places
from ui import cache, state

LIST_LIMIT = 300
"""Up to this many places the browser gets them all (type-ahead); above, only matches.

The shipped data has about 150; a list of 1,000 places already costs ~400 KB per visitor."""
MATCH_LIMIT = 50
SEARCH_KEY = "w.search"
QUERY_KEY = "w.search.q"


def search_box(look: cache.Lookups, lang: Lang) -> None:
    """Find any place by Chinese name, English name or pinyin, and select it.

    A list of every place would send hundreds of kilobytes to each new visitor on a large
    dataset (12,000 places at 25,000 links), so above :data:`LIST_LIMIT` the visitor types a
    name and gets the first :data:`MATCH_LIMIT` matches to pick from.
    """
    labels = look.search
    if len(labels) <= LIST_LIMIT:
        _pick(list(labels), labels, t("filter.search", lang), t("filter.search", lang))
        return
    query = st.text_input(
        t("filter.search", lang),
        key=QUERY_KEY,
        placeholder=t("filter.search_type", lang, count=len(labels)),
    )
    if not query.strip():
        return
    matches = find_places(labels, query, MATCH_LIMIT)
    if not matches:
        st.caption(t("filter.search_none", lang))
        return
    label = t("filter.search_matches", lang, count=len(matches))
    _pick(matches, labels, label, t("filter.search_pick", lang))


def _pick(place_ids: list[str], labels: dict[str, str], label: str, placeholder: str) -> None:
    """A select box of ``place_ids`` showing the current selection; a pick selects a place.

    The pick is applied in the widget's callback, before the script runs, so the box is
    re-seeded from the canonical selection without undoing the visitor's choice.
    """
    current = state.view_state().sel
    st.session_state[SEARCH_KEY] = current if current in place_ids else None
    st.selectbox(
        label,
        place_ids,
        format_func=lambda pid: labels[pid],
        index=None,
        key=SEARCH_KEY,
        placeholder=placeholder,
        on_change=_picked,
    )


def _picked() -> None:
    """Select the place chosen in the search box (clearing the box clears the selection)."""
    state.set_value(state.SEL, st.session_state.get(SEARCH_KEY))
