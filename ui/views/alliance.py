"""Streamlit parts of the alliance page: founding facts, the session roster and roster import.

The roster shown is one of three, never a mix: the shipped members (default), a roster uploaded
in this session, or the fictional demo roster (a toggle, off by default).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd
import streamlit as st

from sistercities.alliance import figures as alliance_figures
from sistercities.alliance.demo import demo_roster
from sistercities.alliance.roster import (
    RosterResult,
    preview_frame,
    read_roster,
    template_csv,
    template_xlsx,
)
from sistercities.alliance.tables import context_table, country_table, field_table
from sistercities.alliance.ties import (
    AllianceView,
    build_view,
    college_ties,
    countries_without_ties,
    named_counts,
    pairs_in_alliance_countries,
    roster_alliance_countries,
    tie_summary,
)
from sistercities.contract.problems import errors, problems_frame
from sistercities.contract.schema import Lang
from sistercities.dataset import Dataset
from sistercities.filters import LinkFilter
from sistercities.i18n import pick, t
from ui import cache
from ui.sidebar import PageContext
from ui.upload import upload_box

DEMO = "alliance.demo"
ROSTER = "alliance.roster"
_DEMO_WIDGET = "w.alliance.demo"
_UPLOAD_WIDGET = "w.alliance.upload"
SHIPPED, UPLOADED, DEMO_MODE = "shipped", "uploaded", "demo"


def active_roster(data: Dataset) -> tuple[pd.DataFrame, str]:
    """The members to show and which roster they are (shipped, uploaded or demo)."""
    if st.session_state.get(DEMO):
        return demo_roster(data), DEMO_MODE
    uploaded = st.session_state.get(ROSTER)
    if uploaded is not None:
        return uploaded["frame"], UPLOADED
    return data.alliance.members, SHIPPED


def check_upload(
    data: Dataset, raw: bytes, name: str, today: dt.date | None = None
) -> RosterResult:
    """Read and validate an uploaded roster against the dataset's places and fields."""
    return read_roster(
        raw,
        name,
        set(data.places["place_id"]),
        set(data.alliance.fields["field_id"]),
        today or dt.date.today(),
    )


def use_roster(result: RosterResult, name: str) -> None:
    """Make a valid uploaded roster the session's roster (the demo is switched off)."""
    if result.usable:
        st.session_state[ROSTER] = {"frame": result.frame, "name": name}
        st.session_state[DEMO] = False
        st.session_state.pop(_DEMO_WIDGET, None)


def stop_roster() -> None:
    """Go back to the shipped members."""
    st.session_state.pop(ROSTER, None)


def founding(ctx: PageContext) -> None:
    """Title, founding line, headline figures with date, bodies, fields and sources."""
    facts, lang = ctx.data.alliance.facts, ctx.lang
    st.title(pick(facts["name_zh"], facts["name_en"], lang))
    place = ctx.names.get(str(facts.get("place_id", "")), str(facts.get("place_id", "")))
    form = pick(facts.get("format_zh", ""), facts.get("format_en", ""), lang)
    key = "alliance.founded" if form else "alliance.founded_plain"
    st.caption(t(key, lang, date=facts["founded"], place=place, format=form))
    named = named_counts(ctx.data.alliance.members, facts)
    _metrics(ctx, named)
    if not ctx.data.synthetic:  # fictional members are named by no public report
        st.markdown(t("alliance.named_statement", lang, **{k: _num(v) for k, v in named.items()}))
    left, right = st.columns(2)
    with left:
        for key, items in (
            ("alliance.guiding", facts.get("guiding_bodies", [])),
            ("alliance.initiators", facts.get("initiators", [])),
        ):
            names = [pick(i.get("name_zh", ""), i.get("name_en", ""), lang) for i in items]
            if names:
                st.markdown(f"**{t(key, lang)}**\n" + "".join(f"\n- {n}" for n in names))
    with right:
        fields = [pick(r.name_zh, r.name_en, lang) for r in ctx.data.alliance.fields.itertuples()]
        st.markdown(
            f"**{t('alliance.fields_all', lang, count=len(fields))}**\n\n" + _sep(lang).join(fields)
        )
        sources = facts.get("sources", [])
        st.markdown(
            f"**{t('alliance.sources', lang)}**"
            + "".join(f"\n- [{s.get('title') or s['url']}]({s['url']})" for s in sources)
        )


def _metrics(ctx: PageContext, named: dict[str, int | None]) -> None:
    """The founding counts as metrics, each with how many are named publicly (``named``)."""
    facts, lang = ctx.data.alliance.facts, ctx.lang
    counts = facts.get("founding_counts", {})
    deltas = {
        "guangxi_colleges": t("alliance.m.named", lang, count=named["guangxi_named"]),
        "foreign_colleges": t("alliance.m.named", lang, count=named["foreign_named"]),
        "countries": t(
            "alliance.m.countries_named", lang, count=len(facts.get("named_countries", []))
        ),
    }
    keys = [k for k in _COUNT_KEYS if k in counts]
    st.caption(t("alliance.at_founding", lang, date=facts["founded"]))
    for column, key in zip(st.columns(max(1, len(keys))), keys, strict=False):
        column.metric(
            t(f"alliance.m.{key}", lang),
            counts[key],
            deltas.get(key),
            delta_color="off",
            delta_arrow="off",
        )


_COUNT_KEYS = (
    "guangxi_colleges",
    "guangxi_cities",
    "foreign_colleges",
    "foreign_cities",
    "countries",
)


def _num(value: int | None) -> str:
    """A count, or a dash when unknown."""
    return "—" if value is None else str(value)


def _sep(lang: Lang) -> str:
    """The list separator of a language."""
    return "、" if lang == "zh" else ", "


def banner(ctx: PageContext, members: pd.DataFrame, mode: str) -> None:
    """Say which roster the page shows: the demo banner, or the uploaded roster's notice."""
    if mode == DEMO_MODE:
        st.warning(t("alliance.demo_banner", ctx.lang), icon="⚠️")
    elif mode == UPLOADED:
        named = named_counts(members, ctx.data.alliance.facts)
        st.info(
            t(
                "alliance.uploaded_banner",
                ctx.lang,
                name=st.session_state[ROSTER]["name"],
                guangxi=named["guangxi_named"],
                foreign=named["foreign_named"],
            )
        )


def members_table(ctx: PageContext, members: pd.DataFrame) -> pd.DataFrame:
    """The roster as a display table in the page language."""
    data = ctx.data
    countries = {c.iso3: pick(c.name_zh, c.name_en, ctx.lang) for c in data.countries.itertuples()}
    return preview_frame(members, data.places, data.alliance.fields, ctx.lang, countries)


def roster_import(ctx: PageContext) -> None:
    """Templates, upload, validation report, preview, session use, and the demo toggle."""
    lang, data = ctx.lang, ctx.data
    st.subheader(t("roster.header", lang))
    st.markdown(t("roster.intro", lang))
    csv_col, xlsx_col = st.columns(2)
    csv_col.download_button(
        t("roster.download_csv", lang), template_csv, "alliance_roster_template.csv", "text/csv"
    )
    xlsx_col.download_button(
        t("roster.download_xlsx", lang),
        partial(template_xlsx, data.places, data.alliance.fields),
        "alliance_roster_template.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    upload = upload_box(t("roster.upload", lang), lang, _UPLOAD_WIDGET)
    if upload is not None:
        _report(ctx, check_upload(data, upload.getvalue(), upload.name), upload.name)
    if st.session_state.get(ROSTER) is not None:
        st.button(t("roster.stop", lang), on_click=stop_roster, key="w.alliance.stop")
    if _DEMO_WIDGET not in st.session_state:
        st.session_state[_DEMO_WIDGET] = bool(st.session_state.get(DEMO))
    st.toggle(
        t("roster.demo_toggle", lang),
        key=_DEMO_WIDGET,
        help=t("roster.demo_help", lang),
        on_change=lambda: st.session_state.__setitem__(DEMO, st.session_state[_DEMO_WIDGET]),
    )


def _report(ctx: PageContext, result: RosterResult, name: str) -> None:
    """Validation report, preview and the 'use' button of one uploaded roster."""
    lang = ctx.lang
    found = errors(result.problems)
    if found or result.frame is None or result.frame.empty:
        st.error(t("roster.invalid", lang, errors=max(1, len(found))))
    else:
        warnings = len(result.problems) - len(found)
        st.success(t("roster.valid", lang, rows=len(result.frame), warnings=warnings))
    if result.problems:
        st.dataframe(
            problems_frame(result.problems, lang), hide_index=True, key="w.alliance.report"
        )
    if result.frame is not None and not result.frame.empty:
        st.markdown(f"**{t('roster.preview', lang)}**")
        st.dataframe(members_table(ctx, result.frame), hide_index=True, key="w.alliance.preview")
    st.button(
        t("roster.use", lang),
        disabled=not result.usable,
        on_click=use_roster,
        args=(result, name),
        key="w.alliance.use",
        type="primary",
    )


def figure_title(figure: str, mode: str) -> str:
    """Title key of a figure; a demo figure says in its title (so in any image) it is fictional."""
    return f"alliance.title.{figure}" + (".demo" if mode == DEMO_MODE else "")


def uncovered(ctx: PageContext, missing: pd.DataFrame) -> None:
    """Alliance countries where no pair carries a college tie yet (``missing``, over all pairs)."""
    st.subheader(t("alliance.uncovered_header", ctx.lang))
    if missing.empty:
        st.success(t("alliance.uncovered_none", ctx.lang))
    else:
        items = [
            t("alliance.uncovered_item", ctx.lang, country=ctx.names.get(c, c), pairs=n)
            for c, n in zip(missing["country_iso3"], missing["pairs"], strict=True)
        ]
        st.markdown("\n".join(f"- {item}" for item in items))
    st.caption(t("alliance.uncovered_note", ctx.lang))


def context_pairs(ctx: PageContext, prep: Prepared) -> None:
    """Guangxi's pairs in alliance countries: context, never members."""
    lang = ctx.lang
    st.header(t("alliance.context_header", lang))
    st.caption(t("alliance.context_caption", lang))
    if not len(prep.context):
        st.info(t("alliance.context_none", lang))
        return
    count = t(
        "alliance.context_count", lang, pairs=len(prep.context), countries=prep.context_countries
    )
    st.markdown(count)
    st.dataframe(prep.context.arrow, hide_index=True, key="alliance.context")


@dataclass(frozen=True, eq=False)
class RosterParts:
    """What the page shows of a roster whatever the filter (per data version, roster, language).

    ``context`` holds every pair in an alliance country (``context_at``: their row labels in
    the links, ``context_codes``: their countries), cut per filter.
    """

    map: alliance_figures.MapParts
    network: alliance_figures.NetworkParts
    members: cache.ShownTable
    missing: pd.DataFrame  # alliance countries where no pair carries a tie
    context: cache.ShownTable
    context_at: pd.Index
    context_codes: np.ndarray


@dataclass(frozen=True, eq=False)
class Prepared:
    """What the page computes from the roster and the filter (cached; read-only)."""

    members: pd.DataFrame
    mode: str
    av: AllianceView
    parts: RosterParts
    summary: dict
    ties_map: cache.Spec  # plain figure dicts, never validated by plotly
    ties_network: cache.Spec
    country_table: pd.DataFrame
    field_table: pd.DataFrame
    context: cache.ShownTable  # the filter's pairs in alliance countries
    context_countries: int


def prepared(ctx: PageContext) -> Prepared:
    """The page's view, figures and tables of the session's roster.

    Cached per data version, filter, language and roster for the shipped and the demo roster;
    built afresh for an uploaded roster (it lives in one session only).
    """
    if st.session_state.get(ROSTER) is not None and not st.session_state.get(DEMO):
        return _prepare(ctx)
    mode = DEMO_MODE if st.session_state.get(DEMO) else SHIPPED
    return _prepared(str(ctx.data.folder), ctx.data.version, ctx.spec, ctx.lang, mode, ctx)


@st.cache_resource(max_entries=32, show_spinner=False)
def _prepared(
    folder: str, version: str, spec: LinkFilter, lang: str, mode: str, _ctx: PageContext
) -> Prepared:
    del folder, version, spec, lang, mode  # the cache key only
    return _prepare(_ctx)


@st.cache_resource(max_entries=8, show_spinner=False)
def _college_ties(
    folder: str, version: str, mode: str, _data: Dataset, _members: pd.DataFrame
) -> pd.DataFrame:
    """The college ties of a roster (shipped or demo) over every pair: one per data version.

    They do not depend on the filter, so a filter change reuses them (shared, read-only).
    """
    del folder, version, mode  # the cache key only
    return college_ties(_data.links, _members, _data.places, _data.alliance.ties)


@st.cache_resource(max_entries=16, show_spinner=False)
def _roster_parts(
    folder: str,
    version: str,
    mode: str,
    lang: Lang,
    _ctx: PageContext,
    _members: pd.DataFrame,
    _ties: pd.DataFrame,
) -> RosterParts:
    """:func:`roster_parts` once per data version, roster (shipped or demo) and language."""
    del folder, version  # the cache key only
    return roster_parts(_ctx, _members, _ties, mode, lang)


def roster_parts(
    ctx: PageContext, members: pd.DataFrame, ties: pd.DataFrame, mode: str, lang: Lang
) -> RosterParts:
    """The filter-free parts of the page for a roster and its college ties over every pair."""
    data = ctx.data
    points = alliance_figures.member_points(members, data.places)
    field_ids = list(data.alliance.fields["field_id"])
    countries = roster_alliance_countries(data, members, roster_countries=mode != DEMO_MODE)
    world = list(data.countries["iso3"])
    context = pairs_in_alliance_countries(data.links, countries)
    return RosterParts(
        map=alliance_figures.map_parts(points, world, countries, field_ids, ctx.names, lang),
        network=alliance_figures.network_parts(points, field_ids, ctx.names, lang),
        members=cache.ShownTable.of(members_table(ctx, members)),
        missing=countries_without_ties(data.links, ties, countries),
        context=cache.ShownTable.of(context_table(context, ctx.names, lang)),
        context_at=context.index,
        context_codes=context["country_iso3"].to_numpy(),
    )


def _prepare(ctx: PageContext) -> Prepared:
    data = ctx.data
    members, mode = active_roster(data)
    if mode == UPLOADED:  # it lives in one session: nothing to share
        ties = college_ties(data.links, members, data.places, data.alliance.ties)
        parts = roster_parts(ctx, members, ties, mode, ctx.lang)
    else:
        ties = _college_ties(str(data.folder), data.version, mode, data, members)
        parts = _roster_parts(str(data.folder), data.version, mode, ctx.lang, ctx, members, ties)
    av = build_view(
        data, members, ctx.spec, roster_countries=mode != DEMO_MODE, ties=ties, kept=ctx.history
    )
    kept = parts.context_at.isin(av.links.index)
    return Prepared(
        members=members,
        mode=mode,
        av=av,
        parts=parts,
        summary=tie_summary(av.shown),
        ties_map=cache.Spec(alliance_figures.map_of_ties(parts.map, av.shown)),
        ties_network=cache.Spec(alliance_figures.network_of_ties(parts.network, av.shown)),
        country_table=country_table(av.links, av.shown, ctx.lang),
        field_table=field_table(av.links, av.shown, ctx.data.alliance.fields, ctx.lang),
        context=parts.context.cut(kept),
        context_countries=len(set(parts.context_codes[kept])),
    )
