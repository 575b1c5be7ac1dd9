"""Page setup, navigation and the shared filters: written once, used by every page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cached_property

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from sistercities.contract.problems import problems_frame
from sistercities.contract.schema import CONTINENTS, LEVELS, Lang
from sistercities.dataset import Dataset
from sistercities.exports import IMAGE_FORMATS, share_text
from sistercities.exports import figure_note as stamp_line
from sistercities.filters import FilterOptions, LinkFilter, describe
from sistercities.i18n import pick, t
from ui import cache, state, widgets
from ui import present as briefing
from ui.place_search import search_box
from ui.runtime import script_turn, use_system_allocator
from ui.style import inject_style

ASEAN_PICK = "asean"
PAGES = (
    ("dashboard.py", "page.overview"),
    ("pages/1_map.py", "page.map"),
    ("pages/2_network.py", "page.network"),
    ("pages/3_alliance.py", "page.alliance"),
    ("pages/4_data.py", "page.data"),
)


@dataclass(frozen=True, eq=False)
class PageContext:
    """What a page needs: the dataset, the language, the filter and the filtered links."""

    data: Dataset
    lang: Lang
    spec: LinkFilter
    view: state.ViewState
    links: pd.DataFrame  # the filtered pairs that count on the as-of date
    ties: pd.DataFrame
    names: dict[str, str]
    history: pd.DataFrame  # the filtered pairs, ended ones included (growth over time)

    @property
    def empty(self) -> bool:
        """True when the filter keeps no pair."""
        return self.links.empty

    @cached_property
    def figure_note(self) -> str:
        """The line in every figure: as-of date, source, filter, share of the official total.

        The share is the filtered pairs' (the pictures show them), against the latest official
        total; fictional data is stamped as such. Worked out once per run, however many figures.
        """
        share = share_text(cache.shown_share(self.data, self.spec), self.lang)
        as_of = str(self.data.meta["as_of"])
        return stamp_line(as_of, caption(self), self.lang, share, self.data.synthetic)


@contextmanager
def page(title_key: str, with_filters: bool = True) -> Iterator[PageContext]:
    """:func:`page_setup`, with the page's whole run taking its turn (:func:`script_turn`).

    Every page is written ``with sidebar.page(...) as ctx:`` and draws inside the block.
    """
    with script_turn():
        yield page_setup(title_key, with_filters)


def page_setup(title_key: str, with_filters: bool = True) -> PageContext:
    """Configure the page, load data, render navigation and filters, and filter the links.

    In briefing mode (``?present=1``) the sidebar is hidden and a bar of page links, driven by
    the keyboard as well, replaces the navigation.
    """
    use_system_allocator()  # before any data is read
    hint = state.lang_hint()
    st.set_page_config(
        page_title=f"{t(title_key, hint)} · {t('app.title', hint)}",
        page_icon="🌏",
        layout="wide",
        initial_sidebar_state="collapsed" if state.present_hint() else "auto",
    )
    data = _load_or_stop()
    options = filter_options(data)
    rejected = state.init_from_url(options, cache.lookups(data, "zh").place_ids)
    lang = state.lang()
    present = state.view_state().present
    inject_style(present)
    look = cache.lookups(data, lang)
    names = look.names
    if present:
        briefing.present_nav(lang)
    else:
        _navigation(lang)
    if rejected:
        st.toast(state.rejected_notice(rejected, lang))
    if data.synthetic:
        st.warning(t("synthetic.banner", lang), icon="⚠️")
    ties = cache.ties(data)
    left = _filters(look, lang) if with_filters and not present else None
    if not present:
        _settings(lang)
    spec = state.current_filter()
    links = cache.filtered(data, spec)
    if left is not None and spec.fields:
        left.caption(t("filter.fields_left", lang, count=len(links)))
    state.write_url()
    history = cache.history(data, spec)
    return PageContext(data, lang, spec, state.view_state(), links, ties, names, history)


def _settings(lang: Lang) -> None:
    """Chart download format and the switch to briefing mode, at the foot of the sidebar."""
    with st.sidebar:
        st.divider()
        widgets.seed("w.img", state.image_format())
        choice = st.segmented_control(
            t("dl.image_format", lang),
            options=list(IMAGE_FORMATS),
            format_func=str.upper,
            key="w.img",
            on_change=widgets.mark_changed,
            args=("w.img",),
            help=t("dl.image_help", lang),
        )
        if choice and choice != state.image_format():
            state.set_value(state.IMG, choice)
            st.rerun()
        briefing.enter_button(lang)


def _load_or_stop() -> Dataset:
    """The dataset, or a validation report and a stop."""
    result = cache.load()
    if result.dataset is None:
        lang = state.lang()
        st.error(t("load.failed", lang, folder=result.dataset or "data"))
        st.dataframe(problems_frame(result.problems, lang), hide_index=True)
        st.stop()
    assert result.dataset is not None
    return result.dataset


def filter_options(data: Dataset) -> FilterOptions:
    """Values the shared filter may take for this dataset (cached per version)."""
    return cache.lookups(data, "zh").options


def _navigation(lang: Lang) -> None:
    """Bilingual page links and the language switch, at the top of the sidebar."""
    with st.sidebar:
        st.markdown(f"### {t('app.title', lang)}")
        for path, key in PAGES:
            st.page_link(path, label=t(key, lang))
        choice = st.segmented_control(
            t("nav.language", lang),
            options=["zh", "en"],
            format_func=lambda code: "中文" if code == "zh" else "English",
            default=lang,
            key="w.lang",
        )
        if choice and choice != lang:
            state.set_value(state.LANG, choice)
            st.rerun()


def _filters(look: cache.Lookups, lang: Lang) -> DeltaGenerator | None:
    """The shared filter widgets; each change updates the canonical filter.

    Every option list and label comes from the per-version lookups (:func:`cache.lookups`), so
    a rerun does not rebuild them (a 25,000-link dataset has hundreds of countries).
    Returns the slot under the field filter, where the page says how many pairs the fields
    leave (None while the field filter is off).
    """
    spec = state.current_filter()
    options, names = look.options, look.names
    with st.sidebar:
        st.markdown(f"#### {t('filter.header', lang)}")
        search_box(look, lang)
        countries = _multiselect(
            "countries",
            "filter.countries",
            sorted(options.countries),
            spec.countries,
            lambda c: look.country_labels.get(c, c),
            lang,
        )
        continents, asean = _quick_picks(look.continents, spec, lang)
        years = _year_slider(look.years, spec, lang)
        cities = _multiselect(
            "cities",
            "filter.cities",
            look.cities,
            spec.cities,
            lambda c: names.get(c, c),
            lang,
        )
        levels = _multiselect(
            "levels",
            "filter.levels",
            list(LEVELS),
            spec.levels,
            lambda v: t(f"level.{v}", lang),
            lang,
        )
        fields, left = _field_filter(options, spec, names, lang)
        widgets.seed("w.f.undated", spec.include_undated)
        undated = st.checkbox(
            t("filter.undated", lang),
            key="w.f.undated",
            on_change=widgets.mark_changed,
            args=("w.f.undated",),
        )
        new = LinkFilter(countries, continents, asean, *years, cities, levels, fields, undated)
        if st.button(t("filter.reset", lang), key="w.reset", width="stretch"):
            state.set_filter(LinkFilter(), reset_widgets=True)
            st.rerun()
    if new != spec:
        state.set_filter(new)
    return left


def _field_filter(
    options: FilterOptions, spec: LinkFilter, names: dict[str, str], lang: Lang
) -> tuple[tuple[str, ...], DeltaGenerator | None]:
    """The professional-field filter and the slot under it; off, saying why, without fields.

    While no member has a field (no public source assigns them) a field filter would keep no
    pair and blank every page, so the box is shown disabled with the reason and the way to
    load a roster (:func:`sistercities.alliance.ties.filter_fields`).
    """
    if not options.fields:
        st.multiselect(
            t("filter.fields", lang),
            [],
            key="w.f.fields_off",
            disabled=True,
            placeholder=t("filter.fields_off_short", lang),
        )
        st.caption(t("filter.fields_off", lang))
        return (), None
    chosen = _multiselect(
        "fields",
        "filter.fields",
        sorted(options.fields),
        spec.fields,
        lambda f: names.get(f, f),
        lang,
    )
    return chosen, st.empty()


def _quick_picks(
    present: frozenset[str], spec: LinkFilter, lang: Lang
) -> tuple[tuple[str, ...], bool]:
    """Quick picks beside the country list: ASEAN and each continent holding a partner."""
    options = [ASEAN_PICK, *[c for c in CONTINENTS if c in present]]
    chosen = [ASEAN_PICK] if spec.asean else []
    widgets.seed("w.f.quick", chosen + [c for c in spec.continents if c in options])
    picked = st.pills(
        t("filter.quick", lang),
        options,
        selection_mode="multi",
        format_func=lambda c: (
            t("filter.asean", lang) if c == ASEAN_PICK else t(f"continent.{c}", lang)
        ),
        key="w.f.quick",
        on_change=widgets.mark_changed,
        args=("w.f.quick",),
    )
    return tuple(c for c in picked if c != ASEAN_PICK), ASEAN_PICK in picked


def _multiselect(
    name: str,
    label_key: str,
    options: list[str],
    selected: tuple[str, ...],
    label: Callable[[str], str],
    lang: Lang,
) -> tuple[str, ...]:
    """A multiselect bound to the canonical filter value (widget state is page-local)."""
    key = f"w.f.{name}"
    widgets.seed(key, [value for value in selected if value in options])
    chosen = st.multiselect(
        t(label_key, lang),
        options,
        format_func=label,
        key=key,
        on_change=widgets.mark_changed,
        args=(key,),
        placeholder=t("filter.choose", lang),
    )
    return tuple(chosen)


def _year_slider(
    years: tuple[int, int] | None, spec: LinkFilter, lang: Lang
) -> tuple[int | None, ...]:
    """Year range slider over the dataset's years; the full range means "no restriction"."""
    if years is None:
        return (None, None)
    low, high = years
    if low == high:
        return (None, None)
    value = (max(low, spec.year_from or low), min(high, spec.year_to or high))
    widgets.seed("w.f.years", value)
    chosen = st.slider(
        t("filter.years", lang),
        low,
        high,
        key="w.f.years",
        on_change=widgets.mark_changed,
        args=("w.f.years",),
    )
    return (None if chosen[0] == low else chosen[0], None if chosen[1] == high else chosen[1])


def empty_state(ctx: PageContext) -> None:
    """Say which filter emptied the result, then stop the page."""
    st.info(t("filter.empty", ctx.lang, description=describe(ctx.spec, ctx.lang, ctx.names)))
    st.stop()


def caption(ctx: PageContext) -> str:
    """The filter described in words."""
    return describe(replace(ctx.spec), ctx.lang, ctx.names)


def source_note(ctx: PageContext) -> str:
    """The dataset's source note in the current language."""
    meta = ctx.data.meta
    return pick(meta.get("source_note_zh", ""), meta.get("source_note", ""), ctx.lang)


def credits(ctx: PageContext) -> None:
    """Data and boundary credits (licences), at the foot of a page."""
    with st.expander(t("credits.header", ctx.lang)):
        st.markdown(t("credits.text", ctx.lang))
