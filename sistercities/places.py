"""Display names of places, countries and fields, and the place search index."""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import TYPE_CHECKING, cast

from sistercities.contract.schema import Lang
from sistercities.i18n import pick

if TYPE_CHECKING:
    from sistercities.dataset import Dataset


def place_labels(data: Dataset, lang: Lang) -> dict[str, str]:
    """Map place ids, ISO3 codes and field ids to names in ``lang``."""
    labels = {
        cast(str, row.place_id): _name(row.name_zh, row.name_en, lang)
        for row in data.places.itertuples()
    }
    labels.update(
        {
            cast(str, row.iso3): _name(row.name_zh, row.name_en, lang)
            for row in data.countries.itertuples()
        }
    )
    labels.update(
        {
            cast(str, row.field_id): _name(row.name_zh, row.name_en, lang)
            for row in data.alliance.fields.itertuples()
        }
    )
    return labels


def _name(name_zh: object, name_en: object, lang: Lang) -> str:
    """:func:`pick` for the text cells of a table row (pandas types a cell as any scalar)."""
    return pick(cast(str, name_zh), cast(str, name_en), lang)


@cache
def _pinyin(text: str) -> tuple[str, str]:
    """Pinyin of Chinese text, a space between syllables: toneless and with tone marks.

    ``('xiong ben shi', 'xióng běn shì')`` for 熊本市; ``('', '')`` when there is no Chinese
    text or pypinyin is missing.
    """
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "", ""
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:  # pragma: no cover - pypinyin is a run-time requirement
        return "", ""
    plain = " ".join(lazy_pinyin(text)).lower()
    toned = " ".join(lazy_pinyin(text, style=Style.TONE)).lower()
    return plain, toned


def search_options(data: Dataset) -> dict[str, str]:
    """Map each place id in a pair to 'name_zh · name_en · pinyin · pinyin with tones'.

    The pinyin is spaced by syllable, without and with tone marks, so that the select box's
    own in-browser matching (letters in order, any case) finds ``xiongben``, ``xiong ben``,
    ``XiongBen`` and ``xióng běn`` alike; :func:`find_places` accepts the same on the server.
    """
    used = set(data.links["home_place_id"]) | set(data.links["partner_place_id"])
    options: dict[str, str] = {}
    for row in data.places.loc[data.places["place_id"].isin(used)].itertuples():
        name_zh, name_en = cast(str, row.name_zh), cast(str, row.name_en)
        parts = [p for p in (name_zh, name_en, *_pinyin(name_zh)) if p]
        options[cast(str, row.place_id)] = " · ".join(dict.fromkeys(parts))
    return dict(sorted(options.items(), key=lambda item: item[1]))


def fold(text: str) -> str:
    """Text as search compares it: no tone marks or other accents, any case (xióng → xiong)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def find_places(options: dict[str, str], query: str, limit: int) -> list[str]:
    """Ids of the places whose search label holds every word of ``query``, best first.

    Matching ignores case, tone marks and accents, and spaces inside pinyin (``xiong ben``,
    ``xiongben`` and ``xióng běn`` find 熊本); labels that start with the query come first,
    then the rest, each group in the order of ``options`` (alphabetical). At most ``limit``
    ids are returned.
    """
    words = fold(query).split()
    if not words:
        return []
    joined = "".join(words)
    start: list[str] = []
    inside: list[str] = []
    for place_id, label in options.items():
        folded = fold(label)
        solid = folded.replace(" ", "")
        if all(word in folded for word in words) or joined in solid:
            (start if folded.startswith(words[0]) else inside).append(place_id)
            if len(start) >= limit:
                break
    return (start + inside)[:limit]
