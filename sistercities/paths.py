"""File-system locations, anchored on this file (never on the working directory)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = ROOT / "data"
GEO_DIR = ROOT / "geo"
STATIC_DIR = ROOT / "static"
DATA_DIR_ENV = "SISTERCITIES_DATA_DIR"


def data_dir() -> Path:
    """Return the configured data folder: ``$SISTERCITIES_DATA_DIR`` or the shipped ``data/``."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(configured).expanduser().resolve() if configured else DEFAULT_DATA_DIR
