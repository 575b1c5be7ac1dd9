"""The shared link filter: a frozen value, its URL form, its application and its description."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from sistercities.contract.schema import CONTINENTS, LEVELS, Lang
from sistercities.i18n import t

MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class LinkFilter:
    """What the user asked to see. Empty tuples mean "no restriction".

    Partner-side picks (``countries``, ``continents``, ``asean``) combine as a union;
    the other criteria narrow the result further.
    """

    countries: tuple[str, ...] = ()
    continents: tuple[str, ...] = ()
    asean: bool = False
    year_from: int | None = None
    year_to: int | None = None
    cities: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    include_undated: bool = True

    @property
    def is_empty(self) -> bool:
        """True when the filter restricts nothing."""
        return self == LinkFilter()


@dataclass(frozen=True)
class FilterOptions:
    """The values a filter may take, read from the dataset."""

    countries: frozenset[str] = frozenset()
    cities: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()
    continents: frozenset[str] = field(default_factory=lambda: frozenset(CONTINENTS))
    levels: frozenset[str] = field(default_factory=lambda: frozenset(LEVELS))


def apply_filter(
    links: pd.DataFrame, spec: LinkFilter, field_link_ids: Mapping[str, set[str]] | None = None
) -> pd.DataFrame:
    """Return the links that ``spec`` keeps (vectorised; input untouched).

    ``field_link_ids`` maps a field id to the link ids that carry a college tie in it; the
    field criterion keeps links carrying a tie in any chosen field.
    """
    mask = _year_mask(links, spec)
    if spec.countries or spec.continents or spec.asean:
        partner = _among(links, "country_iso3", spec.countries)
        partner = partner | _among(links, "continent", spec.continents)
        if spec.asean:
            partner = partner | links["asean"].to_numpy(bool)
        mask &= partner
    if spec.cities:
        mask &= _among(links, "home_place_id", spec.cities) | _among(
            links, "home_prefecture_id", spec.cities
        )
    if spec.levels:
        mask &= _among(links, "level", spec.levels)
    if spec.fields:
        carried: set[str] = set()
        for field_id in spec.fields:
            carried |= (field_link_ids or {}).get(field_id, set())
        mask &= _among(links, "link_id", carried)
    return links.loc[mask]


def _among(links: pd.DataFrame, column: str, values: Iterable[str]) -> np.ndarray:
    """Mask of the links whose ``column`` is one of ``values`` (numpy; no pandas overhead)."""
    wanted = list(values)
    if not wanted:
        return np.zeros(len(links), dtype=bool)
    return links[column].isin(wanted).to_numpy(bool)


def _year_mask(links: pd.DataFrame, spec: LinkFilter) -> np.ndarray:
    """Dated links inside the year range; undated links when asked for."""
    year = links["start_year"].to_numpy(float, na_value=np.nan)
    dated = ~np.isnan(year)
    keep = dated.copy()
    if spec.year_from is not None:
        keep &= year >= spec.year_from  # NaN compares False
    if spec.year_to is not None:
        keep &= year <= spec.year_to
    return keep | (~dated & spec.include_undated)


def to_query(spec: LinkFilter) -> dict[str, str]:
    """URL parameters of a filter (only those that restrict something)."""
    query: dict[str, str] = {}
    for key, values in (
        ("country", spec.countries),
        ("continent", spec.continents),
        ("city", spec.cities),
        ("level", spec.levels),
        ("field", spec.fields),
    ):
        if values:
            query[key] = ",".join(values)
    if spec.asean:
        query["asean"] = "1"
    if spec.year_from is not None:
        query["from"] = str(spec.year_from)
    if spec.year_to is not None:
        query["to"] = str(spec.year_to)
    if not spec.include_undated:
        query["undated"] = "0"
    return query


def from_query(
    params: Mapping[str, str], options: FilterOptions
) -> tuple[LinkFilter, list[tuple[str, str]]]:
    """Read a filter from URL parameters; bad values are dropped and reported as (param, value)."""
    rejected: list[tuple[str, str]] = []

    def pick(name: str, allowed: Iterable[str], upper: bool = False) -> tuple[str, ...]:
        kept: list[str] = []
        allowed_set = set(allowed)
        for raw in _split(params.get(name, "")):
            value = raw.upper() if upper else raw
            if value in allowed_set:
                kept.append(value)
            else:
                rejected.append((name, raw))
        return tuple(dict.fromkeys(kept))

    spec = LinkFilter(
        countries=pick("country", options.countries, upper=True),
        continents=pick("continent", options.continents),
        cities=pick("city", options.cities),
        levels=pick("level", options.levels),
        fields=pick("field", options.fields),
    )
    asean = _flag(params.get("asean"), "asean", rejected)
    undated = _flag(params.get("undated"), "undated", rejected)
    year_from = _year(params.get("from"), "from", rejected)
    year_to = _year(params.get("to"), "to", rejected)
    if year_from is not None and year_to is not None and year_from > year_to:
        rejected.append(("to", str(year_to)))
        year_to = None
    spec = replace(
        spec,
        asean=bool(asean),
        include_undated=True if undated is None else undated,
        year_from=year_from,
        year_to=year_to,
    )
    return spec, rejected


def _split(value: str) -> list[str]:
    """Split a comma-separated parameter, dropping blanks."""
    return [part.strip() for part in str(value).split(",") if part.strip()]


def _flag(value: str | None, name: str, rejected: list[tuple[str, str]]) -> bool | None:
    """Read ``0``/``1``; anything else is rejected."""
    if value is None or value == "":
        return None
    if value in {"0", "1"}:
        return value == "1"
    rejected.append((name, value))
    return None


def _year(value: str | None, name: str, rejected: list[tuple[str, str]]) -> int | None:
    """Read a four-digit year within bounds; anything else is rejected."""
    if value is None or value == "":
        return None
    if value.isdigit() and MIN_YEAR <= int(value) <= MAX_YEAR:
        return int(value)
    rejected.append((name, value))
    return None


def describe(spec: LinkFilter, lang: Lang, names: Mapping[str, str] | None = None) -> str:
    """Describe a filter in words, e.g. "Pairs with Japan, Thailand · 1990–2010"."""
    names = names or {}
    parts: list[str] = []
    partners = [names.get(c, c) for c in spec.countries]
    partners += [t(f"continent.{c}", lang) for c in spec.continents]
    if spec.asean:
        partners.append(t("filter.asean", lang))
    if partners:
        parts.append(t("describe.partners", lang, items=_join(partners, lang)))
    if spec.year_from is not None or spec.year_to is not None:
        low = spec.year_from if spec.year_from is not None else "…"
        high = spec.year_to if spec.year_to is not None else "…"
        parts.append(t("describe.years", lang, low=low, high=high))
    if spec.cities:
        parts.append(
            t("describe.cities", lang, items=_join([names.get(c, c) for c in spec.cities], lang))
        )
    if spec.levels:
        levels = [t(f"level.{level}", lang) for level in spec.levels]
        parts.append(t("describe.levels", lang, items=_join(levels, lang)))
    if spec.fields:
        parts.append(
            t("describe.fields", lang, items=_join([names.get(f, f) for f in spec.fields], lang))
        )
    if not spec.include_undated:
        parts.append(t("describe.no_undated", lang))
    return " · ".join(parts) if parts else t("describe.all", lang)


def _join(items: list[str], lang: Lang) -> str:
    """Join list items with the language's separator."""
    return ("、" if lang == "zh" else ", ").join(items)
