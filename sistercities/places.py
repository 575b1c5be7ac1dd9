"""Display names of places, countries and fields, and the place search index."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sistercities.contract.schema import Lang
from sistercities.i18n import pick

if TYPE_CHECKING:
    from sistercities.dataset import Dataset


def place_labels(data: Dataset, lang: Lang) -> dict[str, str]:
    """Map place ids, ISO3 codes and field ids to names in ``lang``."""
    labels = {
        row.place_id: pick(row.name_zh, row.name_en, lang) for row in data.places.itertuples()
    }
    labels.update(
        {row.iso3: pick(row.name_zh, row.name_en, lang) for row in data.countries.itertuples()}
    )
    labels.update(
        {
            row.field_id: pick(row.name_zh, row.name_en, lang)
            for row in data.alliance.fields.itertuples()
        }
    )
    return labels


@cache
def _pinyin(text: str) -> str:
    """Toneless pinyin of Chinese text, joined without spaces ('' when pypinyin is missing)."""
    try:
        from pypinyin import lazy_pinyin
    except ImportError:  # pragma: no cover - pypinyin is a run-time requirement
        return ""
    return "".join(lazy_pinyin(text)).lower()


def search_options(data: Dataset) -> dict[str, str]:
    """Map each place id that appears in a pair to 'name_zh · name_en · pinyin' for search."""
    used = set(data.links["home_place_id"]) | set(data.links["partner_place_id"])
    options = {}
    for row in data.places.loc[data.places["place_id"].isin(used)].itertuples():
        parts = [p for p in (row.name_zh, row.name_en, _pinyin(row.name_zh)) if p]
        options[row.place_id] = " · ".join(dict.fromkeys(parts))
    return dict(sorted(options.items(), key=lambda item: item[1]))


def find_places(options: dict[str, str], query: str, limit: int) -> list[str]:
    """Ids of the places whose search label holds every word of ``query``, best first.

    Matching ignores case; labels that start with the query come first, then the rest, each
    group in the order of ``options`` (alphabetical). At most ``limit`` ids are returned.
    """
    words = query.casefold().split()
    if not words:
        return []
    start, inside = [], []
    for place_id, label in options.items():
        folded = label.casefold()
        if all(word in folded for word in words):
            (start if folded.startswith(words[0]) else inside).append(place_id)
            if len(start) >= limit:
                break
    return (start + inside)[:limit]
