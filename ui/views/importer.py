"""The data page's import of an official list: columns, matches, choices, comparison, apply.

Shown only to an editor who has unlocked the data page. The table is read and resolved once
per file, column mapping and data version (kept in the session); GeoNames is read only when
some row needs it.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from sistercities.contract.problems import errors
from sistercities.contract.schema import Lang
from sistercities.i18n import t
from sistercities.importer import gazetteer as gz
from sistercities.importer.apply import apply_import, plan_import
from sistercities.importer.compare import Comparison, compare
from sistercities.importer.headers import FIELDS, Field
from sistercities.importer.report import rows_frame
from sistercities.importer.resolve import (
    CONFIDENT,
    Candidate,
    Resolver,
    RowResult,
    choose,
    typed_place,
)
from sistercities.importer.rows import OfficialTable, load_table, mapping_problems, table_rows
from sistercities.store import transactions as store
from ui.sidebar import PageContext
from ui.upload import upload_box
from ui.views import data as data_view

TABLE = "imp.table"
RESOLVED = "imp.resolved"
ROUND = "imp.round"
UNMAPPED = -1


def section(ctx: PageContext) -> None:
    """The import section, for an unlocked editor only."""
    if not data_view.unlocked():
        return
    lang = ctx.lang
    st.subheader(t("imp.header", lang))
    st.caption(t("imp.intro", lang))
    if not st.toggle(t("imp.open", lang), key="imp.open"):
        return
    list_name = st.text_input(t("imp.list_name", lang), key="imp.list_name")
    upload = upload_box(t("imp.upload", lang), lang, f"imp.file.{st.session_state.get(ROUND, 0)}")
    if upload is None:
        return
    raw = upload.getvalue()
    digest = hashlib.sha256(raw).hexdigest()[:12]
    table = _table(raw, upload.name, digest)
    if table.grid is None or table.guess is None:
        data_view.show_problems(table.problems, lang)
        return
    mapping = _mapping(table, digest, lang)
    problems = table.problems + mapping_problems(mapping, upload.name)
    if errors(problems):
        data_view.show_problems(problems, lang)
        return
    results = _choices(ctx, _resolved(ctx, table, mapping, digest), digest)
    _rows_part(results, lang)
    _comparison_part(compare(results, ctx.data.links, ctx.data.places), lang)
    _apply_part(ctx, results, list_name, upload.name)


def _table(raw: bytes, label: str, digest: str) -> OfficialTable:
    """The uploaded table, read once per file."""
    cached = st.session_state.get(TABLE)
    if cached and cached[0] == digest:
        return cached[1]
    table = load_table(raw, label)
    st.session_state[TABLE] = (digest, table)
    return table


def _mapping(table: OfficialTable, digest: str, lang: Lang) -> dict[Field, int | None]:
    """The guessed column of each field, shown and correctable."""
    assert table.guess is not None
    st.markdown(f"**{t('imp.mapping', lang)}**")
    st.caption(t("imp.mapping_caption", lang, row=table.guess.header_row + 1))
    names = table.column_names()
    options = [UNMAPPED, *range(len(names))]
    mapping: dict[Field, int | None] = {}
    columns = st.columns(4)
    for number, field in enumerate(FIELDS):
        guessed = table.guess.mapping.get(field, UNMAPPED)
        chosen = columns[number % 4].selectbox(
            t(f"imp.field.{field}", lang),
            options,
            index=options.index(guessed),
            format_func=lambda i: t("imp.unmapped", lang) if i == UNMAPPED else names[i],
            key=f"imp.map.{field}.{digest}",
        )
        mapping[field] = None if chosen == UNMAPPED else chosen
    return mapping


def _resolved(
    ctx: PageContext, table: OfficialTable, mapping: dict[Field, int | None], digest: str
) -> list[RowResult]:
    """Every row resolved (once per file, mapping and data version)."""
    key = (digest, tuple(sorted(mapping.items())), ctx.data.version)
    cached = st.session_state.get(RESOLVED)
    if cached and cached[0] == key:
        return cached[1]
    with st.spinner(t("imp.resolving", ctx.lang)):
        resolver = Resolver(ctx.data.places, ctx.data.countries)
        results = resolver.resolve(table_rows(table, mapping))
    st.session_state[RESOLVED] = (key, results)
    return results


def _choices(ctx: PageContext, results: list[RowResult], digest: str) -> list[RowResult]:
    """Doubtful rows first, each with its candidates to pick from or coordinates to type."""
    doubtful = [r for r in results if not r.confident]
    if not doubtful:
        return results
    lang = ctx.lang
    st.markdown(f"**{t('imp.doubtful_header', lang)}**")
    chosen = {}
    for result in doubtful:
        with st.container(border=True):
            chosen[result.source.row] = _choose_row(ctx, result, f"{digest}.{result.source.row}")
    return [chosen.get(r.source.row, r) for r in results]


def _choose_row(ctx: PageContext, result: RowResult, key: str) -> RowResult:
    """One doubtful row: the Guangxi side and the partner, each picked when not sure."""
    lang = ctx.lang
    st.text(
        t(
            "imp.doubtful_row",
            lang,
            row=result.source.row,
            home=result.source.home,
            partner=result.source.partner,
            country=result.iso3 or result.source.country or "?",
            certainty=t(f"imp.certainty.{result.certainty}", lang),
        )
    )
    if result.home.certainty not in CONFIDENT:
        options = list(result.home.candidates) or _all_units(ctx)
        picked = _pick(t("imp.pick_home", lang), options, f"imp.home.{key}", lang)
        if picked is not None:
            result = choose(result, "home", picked)
    if result.partner.certainty not in CONFIDENT:
        picked = _pick(
            t("imp.pick_partner", lang), list(result.partner.candidates), f"imp.partner.{key}", lang
        )
        picked = _typed(ctx, result, key) or picked
        if picked is not None:
            result = choose(result, "partner", picked)
    return result


def _pick(label: str, options: list[Candidate], key: str, lang: Lang) -> Candidate | None:
    """A select box of candidates (nothing chosen by default)."""
    if not options:
        return None
    by_key = {c.key: c for c in options}
    choice = st.selectbox(
        label,
        ["", *by_key],
        format_func=lambda k: by_key[k].label() if k else t("imp.pick_none", lang),
        key=key,
    )
    return by_key.get(choice)


def _all_units(ctx: PageContext) -> list[Candidate]:
    """Every Guangxi unit, for a Guangxi side that matched nothing."""
    resolver = Resolver(ctx.data.places, ctx.data.countries)
    found = [resolver.home(row["name_zh"]).chosen for row in gz.read_rows(gz.GUANGXI_UNITS_CSV)]
    return [c for c in found if c is not None]


def _typed(ctx: PageContext, result: RowResult, key: str) -> Candidate | None:
    """A partner placed at coordinates the editor types (``lat, lon``)."""
    lang = ctx.lang
    left, right = st.columns(2)
    text = left.text_input(t("imp.typed", lang), key=f"imp.coords.{key}").strip()
    name = right.text_input(t("imp.typed_name", lang), key=f"imp.name.{key}").strip()
    if not text:
        return None
    try:
        lat, lon = (float(part) for part in text.replace("，", ",").split(","))
    except ValueError:
        lat, lon = 999.0, 999.0
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        st.error(t("imp.typed_bad", lang))
        return None
    if not result.iso3:
        st.warning(t("imp.typed_no_country", lang))
        return None
    return typed_place(result, result.iso3, name, lat, lon, set(ctx.data.places["place_id"]))


def _rows_part(results: list[RowResult], lang: Lang) -> None:
    """How every row was matched, doubtful rows first."""
    confident = sum(r.confident for r in results)
    st.markdown(f"**{t('imp.all_rows', lang)}**")
    st.caption(
        t(
            "imp.rows_caption",
            lang,
            total=len(results),
            confident=confident,
            doubtful=len(results) - confident,
        )
    )
    st.dataframe(rows_frame(results, lang), hide_index=True, width="stretch", key="imp.rows")


def _comparison_part(comparison: Comparison, lang: Lang) -> None:
    """New pairs, differing values (both shown), unchanged, and pairs the list lacks (kept)."""
    st.markdown(f"**{t('imp.compare_header', lang)}**")
    counts = {
        "new": len(comparison.new),
        "differs": comparison.differs["row"].nunique(),
        "same": len(comparison.same),
        "missing": len(comparison.missing),
    }
    for column, (name, value) in zip(st.columns(4), counts.items(), strict=True):
        column.metric(t(f"imp.compare.{name}", lang), value)
    if comparison.new:
        st.caption(t("imp.compare.new", lang))
        st.dataframe(rows_frame(comparison.new, lang), hide_index=True, key="imp.new")
    if not comparison.differs.empty:
        st.caption(t("imp.compare.differs", lang))
        st.dataframe(_differs_frame(comparison.differs, lang), hide_index=True, key="imp.diff")
    if not comparison.missing.empty:
        st.caption(t("imp.missing_note", lang))
        st.dataframe(comparison.missing, hide_index=True, key="imp.missing")


def _differs_frame(differs: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Differing values with translated headers."""
    headers = {
        "row": t("imp.col.row", lang),
        "home": t("imp.col.home", lang),
        "partner": t("imp.col.partner", lang),
        "column": t("imp.col.column", lang),
        "data": t("imp.col.data", lang),
        "table": t("imp.col.table", lang),
    }
    return differs.drop(columns=["link_id"]).rename(columns=headers)


def _apply_part(ctx: PageContext, results: list[RowResult], list_name: str, file: str) -> None:
    """Apply the resolved rows as one change (history and undo as every change)."""
    lang = ctx.lang
    ready = sum(r.confident and r.pair is not None for r in results)
    take = st.checkbox(
        t("imp.take_table", lang), help=t("imp.take_table_help", lang), key="imp.take_table"
    )
    if not ready:
        st.info(t("imp.nothing_ready", lang))
        return
    if not st.button(t("imp.apply", lang, count=ready), type="primary", key="imp.apply"):
        return
    folder = ctx.data.folder
    plan = plan_import(folder, results, list_name, file, take)
    if not plan.ok:
        data_view.show_problems(plan.problems, lang)
        return
    who = str(st.session_state.get("data.who", "")).strip()
    try:
        record = apply_import(folder, plan, who, lang)
    except store.StoreError as exc:
        data_view.show_store_error(exc, lang)
        return
    st.session_state[data_view.NOTICE] = t(
        "imp.applied", lang, summary=record.summary, rows=len(plan.applied), left=len(plan.left)
    )
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    st.session_state.pop(RESOLVED, None)
    st.session_state.pop(TABLE, None)
    st.rerun()
