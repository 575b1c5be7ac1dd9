"""The deck as a file: the command line's ``deck`` and the app's download share this."""

from __future__ import annotations

import sys
from pathlib import Path

from sistercities.contract.schema import Lang
from sistercities.dataset import load_dataset
from sistercities.deck.html import deck_html
from sistercities.deck.offline import load_topojson
from sistercities.deck.slides import (
    SLIDE_KEYS,
    WORLD_TOPOJSON,
    DeckInput,
    deck_input,
    deck_slides,
)
from sistercities.i18n import t


def deck_file(deck: DeckInput, topojson_path: Path = WORLD_TOPOJSON) -> str:
    """The one-file offline deck of ``deck`` (every slide, slide 1 first)."""
    return deck_html(deck_slides(deck), deck.lang, deck.theme, load_topojson(topojson_path))


def run_deck(folder: Path, out: Path, theme: str, query: str, lang: Lang) -> int:
    """Write the deck of the pairs ``query`` keeps; 1 when the folder does not load."""
    result = load_dataset(folder)
    if result.dataset is None:
        for item in result.problems:
            print(item.describe(lang), file=sys.stderr)
        return 1
    deck, rejected = deck_input(result.dataset, query, lang, theme)
    if rejected:
        items = ", ".join(f"{name}={value}" for name, value in rejected)
        print(t("deck.bad_query", lang, items=items), file=sys.stderr)
    text = deck_file(deck)
    out.write_text(text, encoding="utf-8")
    print(t("deck.written", lang, path=out, count=len(SLIDE_KEYS)))
    return 0
