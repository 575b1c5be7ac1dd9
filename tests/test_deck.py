"""The meeting-room deck's one definition (deck_slides), its HTML file and the CLI's ``deck``."""

from __future__ import annotations

import json
import re
from functools import cache

import plotly.graph_objects as go
import pytest

from sistercities.cli import main
from sistercities.dataset import load_dataset
from sistercities.deck.html import deck_html
from sistercities.deck.slides import (
    PAGE_SLIDES,
    SLIDE_KEYS,
    DeckInput,
    deck_input,
    deck_slide,
    deck_slides,
    slide_number,
)
from sistercities.figures.basemap import MARITIME_NAME
from sistercities.figures.theme import DECK_THEMES, deck_colours
from sistercities.paths import data_dir

MIN_TEXT = 18  # pixels at 1080p


@cache
def shipped():
    data = load_dataset(data_dir()).dataset
    assert data is not None
    return data


@cache
def slides(lang: str = "en", theme: str = "light", query: str = "") -> tuple:
    deck, rejected = deck_input(shipped(), query, lang, theme)  # type: ignore[arg-type]
    assert rejected == []
    return tuple(deck_slides(deck))


def font_sizes(value, in_font: bool = False) -> list[float]:
    """Every font size set anywhere in a figure dict."""
    found: list[float] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if in_font and key == "size" and isinstance(item, int | float):
                found.append(float(item))
            else:
                found += font_sizes(item, key.endswith("font"))
    elif isinstance(value, list):
        for item in value:
            found += font_sizes(item, False)
    return found


def test_six_slides_in_order_each_with_its_band_and_a_valid_figure():
    deck = slides()
    assert [s.key for s in deck] == list(SLIDE_KEYS)
    assert [s.number for s in deck] == [1, 2, 3, 4, 5, 6]
    for slide in deck:
        assert slide.band[0] == "As of 2024-11-12"
        assert slide.band[1].startswith("Source: ")
        assert "80 of the 132 pairs officially reported" in slide.band[-1]
        go.Figure(slide.figure)  # plotly accepts every figure (frames included)
        assert "height" not in slide.figure["layout"]  # fills whatever screen it is shown on
        assert "width" not in slide.figure["layout"]


def test_text_is_at_least_18_px_at_1080p():
    for slide in slides():
        layout = slide.figure["layout"]
        assert layout["font"]["size"] >= MIN_TEXT
        sizes = font_sizes(slide.figure)
        assert sizes and min(sizes) >= MIN_TEXT, (slide.key, min(sizes))


def test_headline_numbers_growth_and_play_on_slides_1_and_2():
    first, second = slides()[0], slides()[1]
    facts = dict(first.facts)
    assert facts["Sister-city pairs"] == "80" and facts["ASEAN pairs"].startswith("33 (")
    growth = first.figure["data"][0]
    assert min(growth["x"]) == 1979  # 1979 → today
    assert any("132 pairs" in note["text"] for note in first.figure["layout"]["annotations"])
    for slide in (first, second):
        assert slide.playable and slide.figure["frames"]
        button = slide.figure["layout"]["updatemenus"][0]["buttons"][0]
        assert button["method"] == "animate" and "args2" in button  # a second click stops
    names = [frame["name"] for frame in second.figure["frames"]]
    years = [int(name) for name in names[:-1]]
    assert years == sorted(years) and years[0] <= 1980
    line = next(t for t in second.figure["data"] if str(t.get("name", "")).startswith("Pair lines"))
    assert names[-1] == "all" and second.figure["frames"][-1]["data"][0]["lon"] == line["lon"]


def test_every_map_of_the_south_china_sea_draws_the_maritime_line():
    for slide in slides():
        geo = slide.figure["layout"].get("geo")
        if geo is None:
            continue
        lines = [t for t in slide.figure["data"] if t.get("meta") == MARITIME_NAME]
        assert len(lines) == 1, slide.key


def test_asean_slide_frames_the_region_and_highlights_asean_pairs():
    asean = slides()[2]
    assert "ASEAN pairs: 33" in asean.title
    geo = asean.figure["layout"]["geo"]
    west, east = geo["lonaxis"]["range"]
    south, north = geo["lataxis"]["range"]
    assert west < 100 < 120 < east and south < 0 < 20 < north  # ASEAN and the South China Sea
    names = [trace.get("name", "") for trace in asean.figure["data"]]
    assert "Other pairs (47)" in names
    highlighted = asean.figure["data"][4]
    assert highlighted["line"]["width"] > 2 and highlighted["name"].startswith("Pair lines (33")


def test_the_filter_of_the_url_syntax_is_respected():
    deck = slides("en", "light", "country=JPN")
    japan, _ = deck_input(shipped(), "country=JPN", "en")
    assert set(japan.links["country_iso3"]) == {"JPN"}
    count = len(japan.links)
    assert 0 < count < len(deck_input(shipped(), "", "en")[0].links)
    facts = dict(deck[0].facts)
    assert facts["Sister-city pairs"] == str(count) and facts["Partner countries"] == "1"
    assert "Japan" in deck[0].band[2]
    partner_names = [t["name"] for t in deck[1].figure["data"] if t.get("mode") == "markers"]
    assert any(name.startswith(f"Asia ({count}") for name in partner_names)


def test_chinese_slides():
    deck = slides("zh")
    assert deck[0].band[0].startswith("数据截至")
    assert deck[1].title == "世界地图：全部友好城市结对"


def test_a_selection_shows_on_the_chart_as_a_callout():
    data = shipped()
    base, _ = deck_input(data, "", "en")
    place = str(base.links["partner_place_id"].iloc[0])
    picked = DeckInput(
        base.data, base.links, base.history, base.spec, "en", base.names, "light", place
    )
    for number in (2, 3, 5):
        figure = deck_slide(picked, number).figure
        notes = [n for n in figure["layout"].get("annotations", []) if n.get("name") == "callout"]
        if number == 3 and not bool(base.links["asean"].iloc[0]):
            continue
        assert len(notes) == 1, number
        assert base.names[place] in notes[0]["text"] and "1 pair" in notes[0]["text"]
    world = deck_slide(picked, 2).figure
    assert any(t.get("line", {}).get("color") == "#e08a00" for t in world["data"])  # its link


def contrast(one: str, two: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", DECK_THEMES)
def test_both_themes_keep_text_at_aa_contrast(theme):
    colours = deck_colours(theme)
    assert contrast(colours["text"], colours["background"]) >= 4.5
    assert contrast(colours["muted"], colours["background"]) >= 4.5
    for slide in slides("en", theme):
        layout = slide.figure["layout"]
        assert layout["paper_bgcolor"] == colours["background"]
        assert layout["font"]["color"] == colours["text"]


def test_dark_theme_has_a_dark_ground_and_a_light_maritime_line():
    dark = slides("en", "dark")[1]
    assert dark.figure["layout"]["geo"]["oceancolor"] == deck_colours("dark")["ocean"]
    line = next(t for t in dark.figure["data"] if t.get("meta") == MARITIME_NAME)
    assert contrast(line["line"]["color"], deck_colours("dark")["ocean"]) >= 3
    ties = [t for t in slides("en", "dark")[5].figure["data"] if t.get("mode") == "lines"]
    colours = {t["line"]["color"] for t in ties if t.get("meta") != MARITIME_NAME}
    assert colours == {deck_colours("dark")["ties"]}
    assert contrast(deck_colours("dark")["ties"], deck_colours("dark")["ocean"]) >= 3


def test_slide_numbers_from_the_url():
    assert slide_number("3", 1) == 3
    assert slide_number("", 2) == 2
    assert slide_number("9", 5) == 5 and slide_number("x", 6) == 6 and slide_number("0", 1) == 1
    assert PAGE_SLIDES == {"": 1, "map": 2, "network": 5, "alliance": 6}


def test_the_file_holds_every_slide_plotly_and_the_topojson():
    text = deck_html(list(slides()), "en", "light", {"type": "Topology", "objects": {}})
    assert len(re.findall(r'<section class="slide" id="slide-\d"', text)) == 6
    assert 'window.PlotlyGeoAssets = {"topojson":{"world_110m":{"type":"Topology"' in text
    assert "Plotly" in text and 'topojsonURL: "./"' in text
    figures = re.search(r'id="deck-figures">(.*?)</script>', text, re.S)
    assert figures and len(json.loads(figures.group(1))) == 6
    assert "</script>" not in figures.group(1)


def test_cli_writes_the_deck_of_a_query(tmp_path, capsys):
    out = tmp_path / "deck.html"
    code = main(
        ["--lang", "en", "deck", "--out", str(out), "--theme", "dark", "--query", "country=JPN"]
    )
    assert code == 0
    assert capsys.readouterr().out.strip() == f"Wrote {out} (6 slides)"
    text = out.read_text(encoding="utf-8")
    assert '<body class="deck-dark">' in text and "Partners: Japan" in text
    assert text.index('id="slide-1"') < text.index('id="slide-2"')


def test_cli_reports_ignored_query_parameters(tmp_path, capsys):
    out = tmp_path / "deck.html"
    assert main(["deck", "--out", str(out), "--query", "country=XXX&from=2000"]) == 0
    assert "country=XXX" in capsys.readouterr().err
    assert "已写入" not in out.read_text(encoding="utf-8")[:100]


def test_a_filter_that_keeps_no_pair_still_gives_six_slides():
    deck, _ = deck_input(shipped(), "country=JPN&level=county", "en")
    assert deck.links.empty
    empty = deck_slides(deck)
    assert [s.key for s in empty] == list(SLIDE_KEYS)
    assert dict(empty[0].facts)["Sister-city pairs"] == "0"
    for slide in empty:
        go.Figure(slide.figure)
