"""The shared Streamlit caches: the loaded dataset, ties, lookups, filtered links, frozen figures.

Every entry is keyed on the data folder and its version, so a data update is a new entry. Caches
of one page's figures live beside that page's view (``ui/views/map.py``, ``ui/views/overview.py``,
``ui/views/alliance.py``, ``ui/network_cache.py``), keyed the same way.
"""

from __future__ import annotations

import base64
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st

from sistercities import counts
from sistercities.alliance.ties import carried_ties, field_link_ids, filter_fields
from sistercities.counts import in_force
from sistercities.dataset import Dataset, LoadResult, dataset_version
from sistercities.filters import FilterOptions, LinkFilter, apply_filter
from sistercities.i18n import pick
from sistercities.paths import data_dir
from sistercities.places import place_labels, search_options
from sistercities.store import transactions as store
from sistercities.timeline import milestones
from ui import runtime


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(folder: str, version: str) -> LoadResult:
    """Load and validate a folder once per version (shared, read-only: never mutate it)."""
    del version  # part of the cache key only
    from pathlib import Path

    return runtime.load_long_lived(partial(store.load_consistent, Path(folder)))


def load() -> LoadResult:
    """The configured folder's dataset; a changed file gives a new version, so a reload.

    An interrupted save (a journal or staged files left by a killed process) is finished or
    rolled back first, so the version names a whole dataset.
    """
    folder = data_dir()
    store.recover(folder)
    return _load(str(folder), dataset_version(folder))


@st.cache_resource(max_entries=4, show_spinner=False)
def _ties(folder: str, version: str) -> pd.DataFrame:
    """College ties carried by every pair of a dataset version."""
    data = _load(folder, version).dataset
    assert data is not None
    return carried_ties(data.links, data.alliance.members, data.places)


def ties(data: Dataset) -> pd.DataFrame:
    """College ties of a loaded dataset (read-only), keyed on its folder and version."""
    return _ties(str(data.folder), data.version)


@st.cache_resource(max_entries=4, show_spinner=False)
def _field_links(folder: str, version: str) -> dict[str, set[str]]:
    """Link ids carrying a tie in each field, per dataset version (the field filter's input)."""
    return field_link_ids(_ties(folder, version))


# ---------------------------------------------------------------------------------------------
# Per-version lookups of the sidebar and the filtered links (issue 8: fast at 25,000 links).
# Every entry is keyed on simple values (folder, version, language, frozen filter); the dataset
# and the ties are passed unhashed (``_data``, ``_ties``): folder and version determine them.


@dataclass(frozen=True, eq=False)
class Lookups:
    """What the sidebar shows of one dataset version in one language (read-only)."""

    names: dict[str, str]
    country_labels: dict[str, str]
    search: dict[str, str]
    cities: list[str]
    continents: frozenset[str]
    years: tuple[int, int] | None
    options: FilterOptions
    place_ids: frozenset[str]


@st.cache_resource(max_entries=8, show_spinner=False)
def _lookups(folder: str, version: str, lang: str, _data: Dataset) -> Lookups:
    data = _data
    names = place_labels(data, lang)  # type: ignore[arg-type]
    countries = {
        row.iso3: f"{pick(row.name_zh, row.name_en, lang)} ({row.iso3})"  # type: ignore[arg-type]
        for row in data.countries.itertuples()
    }
    places = data.places
    used = set(data.links["home_place_id"]) | set(data.links["home_prefecture_id"])
    # Guangxi prefectures and counties that hold pairs, prefectures first.
    home = places.loc[(places["country_iso3"] == "CHN") & places["place_id"].isin(used)]
    rank = home["admin_type"].map({"province": 0, "prefecture": 1}).fillna(2)
    cities = list(home.assign(rank=rank).sort_values(["rank", "place_id"])["place_id"])
    years = data.links["start_year"].dropna()
    home_ids = places.loc[places["country_iso3"] == "CHN", "place_id"]
    return Lookups(
        names=names,
        country_labels=countries,
        search=search_options(data),
        cities=cities,
        continents=frozenset(data.links["continent"]),
        years=None if years.empty else (int(years.min()), int(years.max())),
        options=FilterOptions(
            countries=frozenset(data.links["country_iso3"]),
            cities=frozenset(home_ids),
            fields=filter_fields(
                data.alliance.fields, data.alliance.members, _ties(folder, version)
            ),
        ),
        place_ids=frozenset(places["place_id"]),
    )


def lookups(data: Dataset, lang: str) -> Lookups:
    """Names, labels, search index, city list and year range of a dataset version (cached)."""
    return _lookups(str(data.folder), data.version, lang, data)


@st.cache_resource(max_entries=64, show_spinner=False)
def _filtered(folder: str, version: str, spec: LinkFilter, _data: Dataset) -> pd.DataFrame:
    del version  # part of the cache key only
    return apply_filter(_data.links, spec, _field_links(folder, _data.version))


@st.cache_resource(max_entries=64, show_spinner=False)
def _in_force(folder: str, version: str, spec: LinkFilter, _data: Dataset) -> pd.DataFrame:
    return in_force(_filtered(folder, version, spec, _data), _data.as_of)


def filtered(data: Dataset, spec: LinkFilter) -> pd.DataFrame:
    """The links ``spec`` keeps that count on the data's as-of date (what pages draw and count).

    Cached per version and filter (shared, read-only). The same object comes back for the same
    filter, so caches keyed on it by identity hold.
    """
    return _in_force(str(data.folder), data.version, spec, data)


@st.cache_resource(max_entries=64, show_spinner=False)
def _shown_share(folder: str, version: str, spec: LinkFilter, _data: Dataset) -> dict | None:
    links = _in_force(folder, version, spec, _data)
    return counts.completeness_against(links, _latest_official(folder, version, _data))


@st.cache_resource(max_entries=4, show_spinner=False)
def _latest_official(folder: str, version: str, _data: Dataset) -> dict | None:
    """The latest official total of pairs on the as-of date (once per data version; read-only)."""
    del folder, version  # the cache key only
    return counts.latest_official_pairs(_data.official_totals, _data.as_of)


@st.cache_resource(max_entries=4, show_spinner=False)
def _milestones(folder: str, version: str, _data: Dataset) -> pd.DataFrame:
    del folder, version  # the cache key only
    return milestones(_data.official_totals, _data.alliance.facts.get("founded"))


def official_milestones(data: Dataset) -> pd.DataFrame:
    """The growth chart's official totals (:func:`milestones`; once per data version; read-only)."""
    return _milestones(str(data.folder), data.version, data)


def shown_share(data: Dataset, spec: LinkFilter) -> dict | None:
    """:func:`sistercities.counts.completeness` of the filtered pairs (once per filter).

    Every figure's stamp names it, so a page with several figures asks for it several times.
    """
    return _shown_share(str(data.folder), data.version, spec, data)


@st.cache_resource(max_entries=4, show_spinner=False)
def _completeness(folder: str, version: str, _data: Dataset) -> dict | None:
    return counts.completeness_against(_data.links, _latest_official(folder, version, _data))


def completeness(data: Dataset) -> dict | None:
    """:func:`sistercities.counts.completeness` of every pair (once per data version; read-only)."""
    return _completeness(str(data.folder), data.version, data)


def history(data: Dataset, spec: LinkFilter) -> pd.DataFrame:
    """The links ``spec`` keeps, ended ones included (for growth over time; cached, read-only)."""
    return _filtered(str(data.folder), data.version, spec, data)


# ---------------------------------------------------------------------------------------------
# Figures: stamped once, and handed to st.plotly_chart without a deep copy on every rerun.


class FrozenFigure(go.Figure):
    """A figure whose ``to_dict()`` is computed once and then returned as is.

    ``st.plotly_chart`` calls ``to_dict()`` (a deep copy of every array) and serialises the
    result on every rerun; for a cached figure the copy is wasted work. The dict is shared:
    never mutate it (build a new figure instead).
    """

    def __init__(self, figure: go.Figure | dict) -> None:
        # go.Figure.__init__ is not called: it builds an empty figure (0.3 ms) that nothing
        # reads. st.plotly_chart checks the type and calls to_dict(); plotly.io.to_json calls
        # to_plotly_json(); both are answered below.
        if isinstance(figure, dict):
            typed_arrays(figure)  # numeric arrays as typed arrays, as to_dict() does
            self._frozen = figure
        else:
            self._frozen = figure.to_dict()

    def to_dict(self) -> dict:
        """The dict form, computed once."""
        return self._frozen

    def to_plotly_json(self) -> dict:
        """The dict form, computed once."""
        return self._frozen


_SKIPPED_KEYS = frozenset({"geojson", "layer", "layers", "range"})  # as plotly's own walker
_SHORT_TYPES = {
    "int8": "i1",
    "uint8": "u1",
    "int16": "i2",
    "uint16": "u2",
    "int32": "i4",
    "uint32": "u4",
    "float32": "f4",
    "float64": "f8",
}
_CONTAINERS = (dict, list, tuple, np.ndarray, pd.Series, pd.Index)


def typed_array(values: np.ndarray) -> object:
    """A numpy array as plotly.js's typed-array spec (``dtype``, ``bdata``), like plotly's own.

    64-bit integers are narrowed to the smallest type that holds them (plotly.js has none);
    anything else (text, dates, booleans) is returned unchanged for the JSON encoder.
    """
    if values.size == 0 or values.dtype.kind not in "fiu":
        return values
    if values.dtype.itemsize == 8 and values.dtype.kind in "iu":
        low, high = values.min(), values.max()
        for kind in (
            ("int8", "int16", "int32")
            if values.dtype.kind == "i"
            else ("uint8", "uint16", "uint32")
        ):
            info = np.iinfo(kind)
            if info.min <= low and high <= info.max:
                values = values.astype(kind)
                break
        else:
            return values
    short = _SHORT_TYPES.get(str(values.dtype))
    if short is None:
        return values
    spec = {"dtype": short, "bdata": base64.b64encode(np.ascontiguousarray(values)).decode("ascii")}
    if values.ndim > 1:
        spec["shape"] = str(values.shape)[1:-1]
    return spec


def typed_arrays(spec: object) -> None:
    """Turn the numeric arrays of a figure dict into typed arrays, in place.

    What plotly's ``convert_to_base64`` does (so ``to_dict()`` and a figure dict send the same
    JSON), without visiting every element of every list: a list is walked only when its first
    element is a container (traces, frames, annotations), never a list of numbers or labels
    (a figure's lists hold one kind of thing).
    """
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in _SKIPPED_KEYS:
                continue
            if isinstance(value, pd.Series | pd.Index):
                value = value.to_numpy()
            if isinstance(value, np.ndarray):
                spec[key] = typed_array(value)
            elif isinstance(value, dict | list | tuple):
                typed_arrays(value)
    elif isinstance(spec, list | tuple) and spec and isinstance(spec[0], _CONTAINERS):
        for value in spec:
            typed_arrays(value)


@dataclass(frozen=True)
class ShownTable:
    """A cached table in two forms: pandas for downloads, Arrow for ``st.dataframe``.

    ``st.dataframe`` converts a pandas frame to Arrow on every run (most of its cost); an Arrow
    table it sends as is. Rows are cut in both forms alike (read-only).
    """

    frame: pd.DataFrame
    arrow: pa.Table

    @classmethod
    def of(cls, frame: pd.DataFrame) -> ShownTable:
        """Both forms of ``frame`` (its index is kept in ``frame`` only)."""
        return cls(frame, pa.Table.from_pandas(frame, preserve_index=False))

    def cut(self, keep: np.ndarray) -> ShownTable:
        """The rows where ``keep`` (a boolean array in row order) is true, in both forms."""
        rows = np.flatnonzero(keep)
        return ShownTable(self.frame.iloc[rows], self.arrow.take(rows))

    def __len__(self) -> int:
        return self.arrow.num_rows

    def pandas(self) -> pd.DataFrame:
        """The pandas form, numbered from 0 (for a download, built when asked)."""
        return self.frame.reset_index(drop=True)


class Spec(dict):
    """A plain figure dict that :func:`frozen` can key by identity (a dict with a weakref slot).

    Page caches wrap the figure dicts they keep in it, so the stamped form is made once.
    """

    __slots__ = ("__weakref__",)


# id(figure) -> (weak reference to it, frozen figures by key). Figures are unhashable (plotly
# defines ==), so entries are keyed by identity and dropped when the figure is collected.
_FROZEN: dict[int, tuple[weakref.ref, dict[tuple, FrozenFigure]]] = {}
_FROZEN_LOCK = threading.RLock()  # re-entrant: a collection inside may call _forget


def _forget(ident: int) -> Callable[[weakref.ref], None]:
    def drop(_: weakref.ref) -> None:
        with _FROZEN_LOCK:
            _FROZEN.pop(ident, None)

    return drop


def frozen(
    figure: go.Figure | Spec,
    key: tuple = (),
    build: Callable[[go.Figure | Spec], go.Figure | dict] | None = None,
) -> FrozenFigure:
    """A :class:`FrozenFigure` of ``build(figure)`` (or ``figure``), made once per figure.

    ``key`` holds simple values naming what ``build`` adds (e.g. a title and a note).
    Only worth it for figures that are themselves cached (the same object on every rerun);
    entries go when the figure goes.
    """
    ident = id(figure)
    with _FROZEN_LOCK:
        entry = _FROZEN.get(ident)
        found = entry[1].get(key) if entry and entry[0]() is figure else None
    if found is not None:
        return found
    made = FrozenFigure(build(figure) if build else figure)
    with _FROZEN_LOCK:
        entry = _FROZEN.get(ident)
        if entry is None or entry[0]() is not figure:
            entry = (weakref.ref(figure, _forget(ident)), {})
            _FROZEN[ident] = entry
        entry[1][key] = made
    return made


@st.cache_resource(max_entries=4, show_spinner=False)
def _official_comparison(folder: str, version: str, _data: Dataset) -> pd.DataFrame:
    del folder, version  # the cache key only
    return counts.official_comparison(_data.links, _data.official_totals)


def official_comparison(data: Dataset) -> pd.DataFrame:
    """Each official figure beside the dataset's count (once per data version; read-only)."""
    return _official_comparison(str(data.folder), data.version, data)
