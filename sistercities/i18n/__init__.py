"""The one translation table: every user-facing string, in Chinese and English.

Each area of the product keeps its entries in its own module (``core``, ``validation``, ...);
they are merged here into one table. Keys are dotted (``page.map``); values are
``(zh, en)`` pairs with optional ``str.format`` fields.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from sistercities.contract.schema import LANGS, Lang

DEFAULT_LANG: Lang = "zh"


@cache
def translation_table() -> dict[str, tuple[str, str]]:
    """Merge the ``TEXTS`` dicts of every module in this package; a key may appear once."""
    table: dict[str, tuple[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, value in getattr(module, "TEXTS", {}).items():
            if key in table:
                raise ValueError(f"translation key {key!r} defined twice ({module_info.name})")
            table[key] = value
    return table


def normalise_lang(value: str | None) -> Lang:
    """Return a supported language code, falling back to Chinese."""
    return value if value in LANGS else DEFAULT_LANG


def t(key: str, lang: Lang, **params: object) -> str:
    """Translate ``key`` into ``lang`` and fill its ``{fields}``; unknown keys raise KeyError."""
    zh, en = translation_table()[key]
    text = zh if lang == "zh" else en
    return text.format(**params) if params else text


def has_key(key: str) -> bool:
    """Return True when the table holds ``key``."""
    return key in translation_table()


def format_number(value: float, lang: Lang, digits: int = 0) -> str:
    """Format a number with the digit grouping of the language (same in zh and en)."""
    del lang  # Both languages group thousands with commas in this product.
    return f"{value:,.{digits}f}"


def format_percent(share: float, lang: Lang, digits: int = 1) -> str:
    """Format a share (0-1) as a percentage."""
    del lang
    return f"{share * 100:.{digits}f}%"


def pick(zh: str, en: str, lang: Lang) -> str:
    """Pick a data value by language, falling back to the other when blank."""
    first, second = (zh, en) if lang == "zh" else (en, zh)
    return first if first else second
