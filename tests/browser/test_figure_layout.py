"""Exported pictures (issue #19): what plotly draws, measured in Chromium at desktop and phone width.

The modebar's download (``Plotly.toImage``) draws the figure at its on-screen size, so a part
drawn over another here is drawn over it in the PNG. Screenshots: test-artifacts/figure-*.png.
"""

from __future__ import annotations

import pytest

from geo.map_layers import country_label_points
from sistercities.counts import completeness
from sistercities.dataset import load_dataset
from sistercities.deck.offline import overview_figures
from sistercities.exports import figure_note, share_text, stamp_figure
from sistercities.figures.world_map import MapView, world_map_figure
from sistercities.paths import DEFAULT_DATA_DIR, STATIC_DIR
from sistercities.places import place_labels
from tests.browser.conftest import ARTIFACTS
from tests.browser.figure_page import Box, boxes, inside, overlap, render

pytestmark = pytest.mark.browser
WIDTHS = (1150, 360)  # the chart column at 1920x1080, and a 390-wide phone
FOOTER_PARTS = (".xtitle", ".updatemenu-button", ".slider-container", ".legend .bg", ".xtick")


@pytest.fixture(scope="module")
def data():
    return load_dataset(DEFAULT_DATA_DIR).dataset


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    yield context.new_page()
    context.close()


def note_for(data, lang: str) -> str:
    share = share_text(completeness(data.links, data.official_totals, data.as_of), lang)
    return figure_note(str(data.meta["as_of"]), "All pairs", lang, share)  # type: ignore[arg-type]


def stamp_box(page) -> Box:
    stamps = ("As of 2024-11-12", "数据截至 2024-11-12")
    (found,) = [box for box in boxes(page, ".annotation") if box["text"].startswith(stamps)]
    return found


def save(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"figure-{name}.png"))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("large", [False, True])
def test_nothing_is_drawn_over_the_stamp_and_it_says_the_share(data, page, lang, large):
    names = place_labels(data, lang)
    for name, (title_key, fig) in overview_figures(data, data.links, lang, names).items():
        stamped = stamp_figure(fig, title_key, note_for(data, lang), large)
        for width in WIDTHS[:1] if large else WIDTHS:  # briefing mode is for a projector
            render(page, stamped, width)
            save(page, f"{name}-{lang}-{width}{'-large' if large else ''}")
            stamp = stamp_box(page)
            assert "132" in stamp["text"] and "80" in stamp["text"]
            assert inside(stamp, boxes(page, ".main-svg")[0]), (name, width)
            for part in FOOTER_PARTS:
                for box in boxes(page, part):
                    assert not overlap(stamp, box), (name, width, part, box["text"][:40])
            for button in boxes(page, ".updatemenu-button"):
                for label in boxes(page, ".slider-currentvalue"):
                    assert not overlap(button, label), (name, width)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("colour", ["continent", "level"])
def test_world_map_legend_fits_the_picture(data, page, lang, colour):
    points = country_label_points(STATIC_DIR / "world_110m.json")
    codes = list(data.countries["iso3"])
    fig = world_map_figure(data.links, lang, MapView(colour), codes, points, ("T", "note"))
    for width in (1150, 800):
        render(page, fig, width)
        save(page, f"world-{lang}-{colour}-{width}")
        frame = boxes(page, ".main-svg")[0]
        for label in boxes(page, ".legend .legendtext"):
            assert inside(label, frame), (width, label["text"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_milestone_is_labelled_and_no_label_collides(data, page, lang):
    fig = overview_figures(data, data.links, lang, place_labels(data, lang))["growth"][1]
    stamped = stamp_figure(fig, "T", note_for(data, lang))
    for width in WIDTHS:
        render(page, stamped, width)
        save(page, f"growth-milestones-{lang}-{width}")
        (listed,) = [box for box in boxes(page, ".annotation") if "◆" in box["text"]]
        for date in data.official_totals.loc[data.official_totals["measure"] == "pairs", "date"]:
            assert str(date) in listed["text"]
        plot = boxes(page, ".cartesianlayer .bglayer rect, .nsewdrag")[0]
        others = [*boxes(page, ".annotation"), *boxes(page, ".legend .bg"), *boxes(page, ".xtitle")]
        others += boxes(page, ".gtitle")
        assert not overlap(listed, plot)
        for index, box in enumerate(others):
            for other in others[index + 1 :]:
                assert not overlap(box, other), (width, box["text"][:30], other["text"][:30])
        markers = boxes(page, ".scatterlayer .points path")
        for legend in boxes(page, ".legend .bg"):
            assert not any(overlap(legend, marker) for marker in markers), width
