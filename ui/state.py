"""Shared view state: canonical values in session state, mirrored in the URL query string."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from sistercities.contract.schema import Lang
from sistercities.filters import FilterOptions, LinkFilter, from_query, to_query
from sistercities.i18n import normalise_lang, t

SPEC = "state.filter"
LANG = "state.lang"
SEL = "state.sel"
PROJ = "state.proj"
VIEW = "state.view"
PRESENT = "state.present"
READY = "state.ready"
IMG = "state.img"
PROJECTIONS = ("flat", "globe", "guangxi")  # "guangxi": the prefecture close-up
VIEWS = ("place", "country", "continent")


@dataclass(frozen=True)
class ViewState:
    """Everything the URL carries besides the filter."""

    lang: Lang
    sel: str | None
    proj: str
    view: str | None
    present: bool


def init_from_url(options: FilterOptions, place_ids: set[str]) -> list[tuple[str, str]]:
    """On a session's first run, read the URL into session state; return rejected params."""
    if st.session_state.get(READY):
        return []
    params = {key: st.query_params.get(key, "") for key in st.query_params}
    spec, rejected = from_query(params, options)
    st.session_state[SPEC] = spec
    st.session_state[LANG] = normalise_lang(params.get("lang"))
    if params.get("lang") and params["lang"] not in ("zh", "en"):
        rejected.append(("lang", params["lang"]))
    st.session_state[SEL] = _choice(params, "sel", place_ids, rejected)
    st.session_state[PROJ] = _choice(params, "proj", set(PROJECTIONS), rejected) or "flat"
    st.session_state[VIEW] = _choice(params, "view", set(VIEWS), rejected)
    st.session_state[PRESENT] = params.get("present") == "1"
    st.session_state[READY] = True
    return rejected


def _choice(
    params: dict[str, str], name: str, allowed: set[str], rejected: list[tuple[str, str]]
) -> str | None:
    """A single-valued parameter, or None (rejected when present but not allowed)."""
    value = params.get(name, "")
    if not value:
        return None
    if value in allowed:
        return value
    rejected.append((name, value))
    return None


def current_filter() -> LinkFilter:
    """The canonical filter."""
    return st.session_state.get(SPEC, LinkFilter())


def set_filter(spec: LinkFilter, reset_widgets: bool = False) -> None:
    """Replace the canonical filter; with ``reset_widgets`` the sidebar widgets re-read it.

    Code that changes the filter outside the sidebar (a click on the map, a quick pick) must
    pass ``reset_widgets=True`` so the widgets show the new value.
    """
    st.session_state[SPEC] = spec
    if reset_widgets:
        for key in [k for k in st.session_state if str(k).startswith("w.f.")]:
            del st.session_state[key]


def lang_hint() -> Lang:
    """The language before the URL is read: the session's, else the URL's ``lang``."""
    if st.session_state.get(READY):
        return lang()
    return normalise_lang(st.query_params.get("lang"))


def present_hint() -> bool:
    """Briefing mode before the URL is read: the session's, else the URL's ``present``."""
    if st.session_state.get(READY):
        return bool(st.session_state.get(PRESENT))
    return st.query_params.get("present") == "1"


def lang() -> Lang:
    """The current language."""
    return st.session_state.get(LANG, "zh")


def view_state() -> ViewState:
    """The URL's non-filter values."""
    return ViewState(
        lang=lang(),
        sel=st.session_state.get(SEL),
        proj=st.session_state.get(PROJ) or "flat",
        view=st.session_state.get(VIEW),
        present=bool(st.session_state.get(PRESENT)),
    )


def image_format() -> str:
    """The format of the charts' own download button: ``png`` (default) or ``svg``."""
    return st.session_state.get(IMG) or "png"


def set_value(key: str, value: object) -> None:
    """Set one canonical view value (SEL, PROJ, VIEW, PRESENT, LANG, IMG)."""
    st.session_state[key] = value


def write_url() -> None:
    """Write the canonical state back to the query string (only non-default values)."""
    view = view_state()
    query = to_query(current_filter())
    if view.lang != "zh":
        query["lang"] = view.lang
    if view.sel:
        query["sel"] = view.sel
    if view.proj != "flat":
        query["proj"] = view.proj
    if view.view:
        query["view"] = view.view
    if view.present:
        query["present"] = "1"
    current = {key: st.query_params.get(key) for key in st.query_params}
    if current != query:
        st.query_params.from_dict(query)


def rejected_notice(rejected: list[tuple[str, str]], lang_code: Lang) -> str:
    """The small notice shown for ignored URL parameters."""
    items = ", ".join(f"{name}={value}" for name, value in rejected)
    return t("filter.bad_param", lang_code, items=items)
