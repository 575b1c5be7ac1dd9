"""Display tables of the alliance page, with headers in the page's language (no Streamlit)."""

from __future__ import annotations

import pandas as pd

from sistercities.alliance.ties import coverage_by_country, coverage_by_field
from sistercities.contract.schema import Lang
from sistercities.i18n import format_percent, pick, t


def country_table(links: pd.DataFrame, shown: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Coverage by partner country: pairs, pairs carrying a college tie, and their share."""
    frame = coverage_by_country(links, shown)
    return pd.DataFrame(
        {
            t("alliance.h.country", lang): [
                pick(zh, en, lang)
                for zh, en in zip(frame["country_zh"], frame["country_en"], strict=True)
            ],
            t("alliance.h.pairs", lang): frame["pairs"],
            t("alliance.h.carrying", lang): frame["carrying"],
            t("alliance.h.share", lang): [format_percent(s, lang) for s in frame["share"]],
        }
    )


def field_table(
    links: pd.DataFrame, shown: pd.DataFrame, fields: pd.DataFrame, lang: Lang
) -> pd.DataFrame:
    """Pairs carrying a college tie, by professional field ('field not given' last)."""
    frame = coverage_by_field(links, shown, fields)
    labels = [
        pick(zh, en, lang) if fid else t("alliance.field_none", lang)
        for fid, zh, en in zip(frame["field_id"], frame["name_zh"], frame["name_en"], strict=True)
    ]
    return pd.DataFrame(
        {
            t("alliance.h.field", lang): labels,
            t("alliance.h.carrying", lang): frame["carrying"],
        }
    )


def context_table(pairs: pd.DataFrame, names: dict[str, str], lang: Lang) -> pd.DataFrame:
    """Guangxi's pairs in alliance countries (context, never members), one row each."""
    return pd.DataFrame(
        {
            t("alliance.h.home", lang): [names.get(p, p) for p in pairs["home_place_id"]],
            t("alliance.h.partner", lang): [names.get(p, p) for p in pairs["partner_place_id"]],
            t("alliance.h.country", lang): [names.get(c, c) for c in pairs["country_iso3"]],
            t("alliance.h.level", lang): [t(f"level.{v}", lang) for v in pairs["level"]],
            t("alliance.h.established", lang): [
                v or t("date.unknown", lang) for v in pairs["established"]
            ],
        }
    )
