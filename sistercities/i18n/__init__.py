"""The one translation table: every user-facing string, in Chinese and English.

Each area of the product keeps its entries in its own module (``core``, ``validation``, ...);
they are merged here into one table. Keys are dotted (``page.map``); values are
``(zh, en)`` pairs with optional ``str.format`` fields.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
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


class _Formatter(string.Formatter):
    """``str.format`` plus counted words: ``{count:pair|pairs}`` is "pair" when count is 1.

    English needs a singular and a plural ("1 pair", "2 pairs"); Chinese does not. A field
    whose format spec holds ``|`` picks the first word for a count of one, the second for
    any other count (numbers given as text, e.g. "1,200", are read too).
    """

    def format_field(self, value: object, format_spec: str) -> str:
        """Pick the word form for ``|`` specs; format as usual otherwise."""
        if "|" not in format_spec:
            return super().format_field(value, format_spec)
        one, other = format_spec.split("|", 1)
        return one if _is_one(value) else other


def _is_one(value: object) -> bool:
    """True when ``value`` (a number, or a number written as text) is exactly one."""
    try:
        return float(str(value).replace(",", "")) == 1
    except ValueError:
        return False


_FORMATTER = _Formatter()


def t(key: str, lang: Lang, **params: object) -> str:
    """Translate ``key`` into ``lang`` and fill its ``{fields}``; unknown keys raise KeyError.

    ``{count:pair|pairs}`` picks the singular or plural word for the count (see
    :class:`_Formatter`).
    """
    zh, en = translation_table()[key]
    text = zh if lang == "zh" else en
    if not params:
        return text
    # str.format (in C) unless a counted word may be asked for: string.Formatter walks the
    # text in Python, about ten times slower, and a page makes hundreds of these per run
    return _FORMATTER.format(text, **params) if "|" in text else text.format(**params)


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
