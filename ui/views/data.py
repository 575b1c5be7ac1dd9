"""The data page's parts: searchable tables, the report, completeness and the guarded editor."""

from __future__ import annotations

import hashlib
import hmac
import math
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from sistercities.contract.problems import Problem, errors, problems_frame
from sistercities.contract.reading import MAX_FILE_BYTES
from sistercities.contract.schema import LINKS_COLUMNS, MEMBERS_COLUMNS, PLACES_COLUMNS, Lang
from sistercities.counts import completeness_text
from sistercities.dataset import dataset_version
from sistercities.exports import csv_bytes, xlsx_bytes
from sistercities.i18n import t
from sistercities.store import transactions as store
from sistercities.store import updates
from ui import access, cache
from ui.figures import official_figures
from ui.sidebar import PageContext
from ui.upload import upload_box

PASSWORD_ENV = "SISTERCITIES_EDITOR_PASSWORD"
UNLOCKED = "data.unlocked"
PLAN = "data.plan"
NOTICE = "data.notice"
UPLOADER = "data.uploader_round"


def editor_password() -> str:
    """The configured editor password: the environment first, then Streamlit secrets."""
    configured = os.environ.get(PASSWORD_ENV, "").strip()
    if configured:
        return configured
    if not st.secrets.load_if_toml_exists():  # no secrets file: fine, read-only
        return ""
    return str(st.secrets.get("editor_password", "") or "").strip()


# -- read-only parts -----------------------------------------------------------------------


def tables(ctx: PageContext) -> dict[str, pd.DataFrame]:
    """The three tables shown: pairs (with names), places, alliance members."""
    lang, data = ctx.lang, ctx.data
    names = [f"home_name_{lang}", f"partner_name_{lang}"]
    pairs = data.links[[*LINKS_COLUMNS[:3], *names, *LINKS_COLUMNS[3:]]]
    places = data.places[[c for c in PLACES_COLUMNS if c in data.places]]
    members = data.alliance.members[[c for c in MEMBERS_COLUMNS if c in data.alliance.members]]
    return {"pairs": pairs, "places": places, "members": members}


def searchable_table(name: str, frame: pd.DataFrame, lang: Lang) -> None:
    """A sortable table with a search box and safe CSV/XLSX downloads."""
    query = st.text_input(t("data.search", lang), key=f"data.q.{name}").strip().casefold()
    shown = frame
    if query:
        text = frame.astype(str).apply(
            lambda col: col.str.casefold().str.contains(query, regex=False)
        )
        shown = frame.loc[text.any(axis=1)]
    st.caption(t("data.rows", lang, shown=len(shown), total=len(frame)))
    st.dataframe(shown, hide_index=True, width="stretch", key=f"data.t.{name}")
    left, right = st.columns(2)
    left.download_button(
        t("data.download_csv", lang),
        csv_bytes(shown),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"data.csv.{name}",
    )
    right.download_button(
        t("data.download_xlsx", lang),
        xlsx_bytes(shown, name),
        file_name=f"{name}.xlsx",
        key=f"data.xlsx.{name}",
    )


def report(lang: Lang) -> None:
    """The validation report of the data in use."""
    problems = cache.load().problems
    if not problems:
        st.success(t("data.report_ok", lang, files=len(store.CONTRACT_FILES)))
        return
    st.warning(t("data.report_some", lang, count=len(problems)))
    st.dataframe(problems_frame(problems, lang), hide_index=True, width="stretch")


def completeness_part(ctx: PageContext) -> None:
    """Completeness against the latest official total, and the official totals themselves."""
    data = ctx.data
    info = cache.completeness(data)
    if data.synthetic:
        st.info(t("data.totals_fictional", ctx.lang))
        return
    if info is None:
        st.info(t("data.totals_none", ctx.lang))
        return
    st.info(completeness_text(info, ctx.lang))
    official_figures(ctx)


# -- the editor ----------------------------------------------------------------------------


def editor(ctx: PageContext) -> None:
    """'Update data': only with a configured password, and only after it was entered.

    A public instance (SISTERCITIES_PUBLIC=1) has no editor at all, whatever is configured.
    """
    lang = ctx.lang
    if access.public_instance():
        st.caption(t("access.public", lang))
        return
    password = editor_password()
    if not password:
        st.caption(t("data.readonly", lang))
        return
    st.subheader(t("data.update_header", lang))
    if not st.session_state.get(UNLOCKED):
        entered = st.text_input(t("data.password", lang), type="password", key="data.pw")
        if st.button(t("data.unlock", lang), key="data.unlock"):
            unlock(entered, password, lang)
        return
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.success(notice)
    _upload_part(ctx)
    _undo_part(ctx)


def unlock(entered: str, password: str, lang: Lang) -> None:
    """Check one guess, unless this client must still wait after repeated wrong ones."""
    client, guard = access.client(), access.throttle()
    verdict = guard.check(client)
    if not verdict.allowed:
        st.error(t("access.wait", lang, seconds=math.ceil(verdict.wait)))
        return
    if hmac.compare_digest(entered.encode(), password.encode()):
        guard.succeeded(client)
        st.session_state[UNLOCKED] = True
        st.rerun()
    verdict = guard.failed(client)
    st.error(t("data.wrong_password", lang))
    if verdict.wait:
        st.warning(t("access.wait", lang, seconds=math.ceil(verdict.wait)))


def unlocked() -> bool:
    """An editor unlocked this session, on an instance that has editors at all."""
    return (
        not access.public_instance()
        and bool(editor_password())
        and bool(st.session_state.get(UNLOCKED))
    )


def _upload_part(ctx: PageContext) -> None:
    """Upload → report → preview → apply."""
    lang, folder = ctx.lang, ctx.data.folder
    st.text_input(t("data.who", lang), key="data.who")
    mode = st.radio(
        t("data.mode", lang),
        updates.MODES,
        format_func=lambda m: t(f"data.mode.{m}", lang),
        key="data.mode",
    )
    files = upload_box(
        t("data.upload", lang, limit_mb=MAX_FILE_BYTES // 1048576),
        lang,
        f"data.files.{st.session_state.get(UPLOADER, 0)}",
        multiple=True,
        help=t("data.upload_help", lang),
    )
    if not files:
        return
    uploads = [(f.name, f.getvalue()) for f in files]
    plan = plan_for(folder, uploads, mode)
    show_plan(plan, lang)
    if plan.ok and st.button(t("data.apply", lang), type="primary", key="data.apply"):
        apply(ctx, plan)


def plan_for(folder: Path, uploads: list[tuple[str, bytes]], mode: str) -> updates.UpdatePlan:
    """The plan of these uploads against the folder's current version (kept per session).

    A change made meanwhile by another session or process gives a new version, so a new plan.
    """
    digest = hashlib.sha256(repr((str(folder), mode)).encode())
    for label, raw in uploads:
        digest.update(label.encode() + hashlib.sha256(raw).digest())
    key = (digest.hexdigest(), dataset_version(folder))
    cached = st.session_state.get(PLAN)
    if cached and cached[0] == key:
        return cached[1]
    plan = updates.plan_update(folder, uploads, mode)  # type: ignore[arg-type]
    st.session_state[PLAN] = (key, plan)
    return plan


def show_plan(plan: updates.UpdatePlan, lang: Lang) -> None:
    """The validation report of the upload and, when clean, the preview of the change."""
    show_problems(plan.problems, lang)
    if errors(plan.problems):
        return
    st.markdown(f"**{t('data.preview', lang, summary=plan.summary(lang))}**")
    for kind, diff in plan.diffs.items():
        if diff.empty:
            continue
        st.markdown(f"###### {t(f'upd.kind.{kind}', lang)}")
        for part in ("added", "removed"):
            frame = getattr(diff, part)
            if not frame.empty:
                st.caption(t(f"data.preview.{part}", lang))
                st.dataframe(frame, hide_index=True, width="stretch", key=f"data.{kind}.{part}")
        if not diff.changed.empty:
            st.caption(t("data.preview.changed", lang))
            st.dataframe(_changed_frame(diff.changed, lang), hide_index=True, width="stretch")


def show_problems(problems: list[Problem], lang: Lang) -> None:
    """An error or success line, then the problems table (file, row, column, message)."""
    found = errors(problems)
    if found:
        st.error(t("data.upload_errors", lang, count=len(found)))
    else:
        st.success(t("data.upload_ok", lang))
    if problems:
        st.dataframe(problems_frame(problems, lang), hide_index=True, width="stretch")


def _changed_frame(changed: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The changed cells with translated headers."""
    headers = {c: t(f"data.col.{c}", lang) for c in ("key", "column", "old", "new")}
    return changed.rename(columns=headers)


def apply(ctx: PageContext, plan: updates.UpdatePlan) -> None:
    """Apply a plan; every session sees the new version on its next rerun."""
    lang = ctx.lang
    who = str(st.session_state.get("data.who", "")).strip()
    try:
        record = updates.apply_plan(ctx.data.folder, plan, who, lang)
    except store.StoreError as exc:
        show_store_error(exc, lang)
        return
    st.session_state[NOTICE] = t("data.applied", lang, summary=record.summary)
    st.session_state[UPLOADER] = st.session_state.get(UPLOADER, 0) + 1
    st.session_state.pop(PLAN, None)
    st.rerun()


def show_store_error(exc: store.StoreError, lang: Lang) -> None:
    """A refused change, with the problems that made it fail."""
    st.error(t(exc.code, lang, **exc.params))
    if exc.problems:
        st.dataframe(problems_frame(exc.problems, lang), hide_index=True, width="stretch")


def _undo_part(ctx: PageContext) -> None:
    """The last change, an undo button, and the change log."""
    lang, folder = ctx.lang, ctx.data.folder
    last = store.last_undoable(folder)
    if last is not None:
        # st.text: the editor's name is shown as typed, never as Markdown or HTML.
        st.text(t("data.last_change", lang, summary=last.summary, who=last.who, at=last.at))
        if st.button(t("data.undo", lang), key="data.undo"):
            who = str(st.session_state.get("data.who", "")).strip()
            try:
                record = store.undo_last(folder, who)
            except store.StoreError as exc:
                show_store_error(exc, lang)
                return
            st.session_state[NOTICE] = t("data.undone", lang, summary=record.summary)
            st.rerun()
    log = store.history(folder)
    if log:
        with st.expander(t("data.log", lang)):
            st.dataframe(_log_frame(log, lang), hide_index=True, width="stretch")


def _log_frame(log: list[store.ChangeRecord], lang: Lang) -> pd.DataFrame:
    """The change log, newest first, with translated headers."""
    rows = [
        {
            t("data.col.at", lang): r.at,
            t("data.col.who", lang): r.who,
            t("data.col.kind", lang): t(f"data.log.{r.kind}", lang),
            t("data.col.what", lang): r.summary,
        }
        for r in reversed(log)
    ]
    return pd.DataFrame(rows)
