"""Normalising the text of officials' tables: full-width characters, spaces, accents, case."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[\s\-_'’·•.,()（）\[\]【】《》\"“”:：/]+")
ASCII_DROP = str.maketrans("", "", " \t\n\r-_'.,()[]\":/")
_CJK = re.compile(r"[\u3400-\u9fff]")


def clean_cell(value: object) -> str:
    """A cell as text: NFKC (full-width to half-width), spaces collapsed and stripped."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).replace("\u3000", " ")
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """A matching key: cleaned, accents dropped, case folded, spaces and punctuation removed."""
    if text.isascii():
        return text.casefold().translate(ASCII_DROP)
    decomposed = unicodedata.normalize("NFKD", clean_cell(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
    return _PUNCT.sub("", plain.casefold())


def ascii_name(text: str) -> str:
    """A name in plain ASCII letters (accents dropped), as the data's English names are."""
    decomposed = unicodedata.normalize("NFKD", clean_cell(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
    return plain.encode("ascii", "ignore").decode().strip()


def fold_cjk(text: str) -> str:
    """:func:`fold` for Chinese text (no accents to drop): NFKC, case, punctuation."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text).casefold())


def has_cjk(text: str) -> bool:
    """True when ``text`` holds Chinese characters."""
    return bool(_CJK.search(text))


def slugify(text: str) -> str:
    """ASCII slug for place ids: lower case, accents dropped, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_name(text).lower()).strip("-")


def strip_suffixes(text: str, suffixes: tuple[str, ...]) -> str:
    """``text`` without the first matching suffix (longest first); unchanged if none fits."""
    for suffix in sorted(suffixes, key=len, reverse=True):
        if len(text) > len(suffix) and text.endswith(suffix):
            return text[: -len(suffix)].strip()
    return text
