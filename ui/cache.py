"""Every Streamlit cache of the app, keyed on the data folder and its version."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sistercities import store
from sistercities.alliance import carried_ties
from sistercities.dataset import LoadResult, dataset_version
from sistercities.paths import data_dir


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(folder: str, version: str) -> LoadResult:
    """Load and validate a folder once per version (shared, read-only: never mutate it)."""
    del version  # part of the cache key only
    from pathlib import Path

    return store.load_consistent(Path(folder))


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


def ties() -> pd.DataFrame:
    """College ties of the configured dataset (read-only)."""
    folder = data_dir()
    return _ties(str(folder), dataset_version(folder))
