"""The deck's look in HTML, and the one-file offline deck built from :func:`deck_slides`.

The live deck (Streamlit) and the file share :func:`deck_css` and :func:`band_html`, so a slide's
band (title, as-of date, source, completeness) looks the same in both. The file holds plotly.js
and the world topojson (``window.PlotlyGeoAssets``), so it opens from ``file://`` with no
network; one slide is laid out at a time (the others ``display:none``) and drawn when shown.
"""

from __future__ import annotations

import html

from plotly.io.json import to_json_plotly
from plotly.offline import get_plotlyjs

from sistercities.contract.schema import Lang
from sistercities.deck.offline import TOPOJSON_NAME, _script_json
from sistercities.deck.slides import SCREEN_HEIGHT, Slide
from sistercities.figures.theme import FONT_FAMILY, deck_colours
from sistercities.i18n import t

BAND_CLASS = "deck-band"


def deck_css(theme: str, scope: str = "") -> str:
    """The band's, numbers' and controls' style; sizes follow the screen height (vh).

    ``scope`` prefixes every rule (the live deck scopes them to its container).
    """
    c = deck_colours(theme)
    s = f"{scope} " if scope else ""
    return f"""
{s}.deck-band {{ display: flex; align-items: center; gap: 2vh; padding: 0.6vh 1.2vw;
  border-bottom: 0.3vh solid {c["accent"]}; background: {c["background"]}; color: {c["text"]};
  font-family: {FONT_FAMILY}; }}
{s}.deck-band .deck-titles {{ flex: 1; min-width: 0; }}
{s}.deck-band h1 {{ font-size: 3.4vh; line-height: 1.15; margin: 0; padding: 0;
  color: {c["text"]}; font-weight: 700; }}
{s}.deck-band p {{ font-size: 1.75vh; line-height: 1.3; margin: 0.2vh 0 0; color: {c["muted"]}; }}
{s}.deck-facts {{ display: flex; gap: 1.2vw; padding: 0.8vh 1.2vw 0; font-family: {FONT_FAMILY};
  background: {c["background"]}; }}
{s}.deck-fact {{ flex: 1; border-left: 0.5vh solid {c["accent"]}; padding-left: 0.8vw; }}
{s}.deck-fact b {{ display: block; font-size: 5vh; line-height: 1.05; color: {c["text"]}; }}
{s}.deck-fact span {{ font-size: 1.8vh; color: {c["muted"]}; }}
{s}.deck-lines {{ font-size: 1.75vh; color: {c["muted"]}; padding: 0.4vh 1.2vw 0; margin: 0;
  font-family: {FONT_FAMILY}; background: {c["background"]}; }}
{s}.deck-controls {{ display: flex; align-items: center; gap: 0.8vh; font-size: 1.8vh;
  color: {c["text"]}; white-space: nowrap; }}
{s}.deck-controls button {{ font-size: 1.8vh; padding: 0.5vh 1vh; border-radius: 0.6vh;
  border: 0.15vh solid {c["muted"]}; background: {c["background"]}; color: {c["text"]};
  cursor: pointer; }}
{s}.deck-controls button:focus-visible {{ outline: 0.3vh solid {c["accent"]}; }}
"""


def band_html(slide: Slide, total: int, lang: Lang, controls: str = "", hint: str = "") -> str:
    """The slim band: title, the as-of/source/filter/completeness line, then ``controls``."""
    line = " · ".join(html.escape(part) for part in slide.band)
    counter = html.escape(t("deck.counter", lang, number=slide.number, total=total))
    hint = html.escape(hint or t("deck.keys", lang))
    return (
        f'<div class="{BAND_CLASS}" data-slide="{slide.number}">'
        f'<div class="deck-titles"><h1>{html.escape(slide.title)}</h1><p>{line}</p></div>'
        f'<div class="deck-controls">{controls}'
        f'<span class="deck-counter" title="{hint}">{counter}</span></div>'
        "</div>"
    )


def facts_html(slide: Slide) -> str:
    """The slide's big numbers and text lines ('' when it has none)."""
    facts = "".join(
        f'<div class="deck-fact"><b>{html.escape(value)}</b><span>{html.escape(label)}</span></div>'
        for label, value in slide.facts
    )
    lines = "".join(f"<p class='deck-lines'>{html.escape(line)}</p>" for line in slide.lines)
    return (f'<div class="deck-facts">{facts}</div>' if facts else "") + lines


_PAGE_CSS = """
html, body {{ margin: 0; height: 100%; overflow: hidden; background: {background}; }}
.slide {{ position: fixed; inset: 0; display: none; flex-direction: column; }}
.slide.shown {{ display: flex; }}
.chart {{ flex: 1; min-height: 0; }}
"""

SCALE_FONTS_JS = """
  // scaled(figurePart, k): a copy with every font and marker size and line width times k
  // (other arrays of numbers are shared, not copied)
  function times(v, k) {
    if (typeof v === "number") { return v * k; }
    if (Array.isArray(v) && v.every(function (x) { return typeof x === "number"; })) {
      return v.map(function (x) { return x * k; });
    }
    return undefined;
  }
  function scaled(value, k, part) {
    if (Array.isArray(value) || ArrayBuffer.isView(value)) {
      if (!value.length || typeof value[0] !== "object" || value[0] === null) { return value; }
      return Array.from(value, function (v) { return scaled(v, k, ""); });
    }
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (key) {
        var v = value[key];
        var sized = (part === "font" && key === "size") || (part === "marker" && key === "size")
          || (part === "line" && key === "width") ? times(v, k) : undefined;
        var inner = /font$/i.test(key) ? "font"
          : (key === "marker" || key === "line" ? key : "");
        out[key] = sized !== undefined ? sized : scaled(v, k, inner);
      });
      return out;
    }
    return value;
  }
"""
"""The JavaScript that scales a figure's text by the screen height (the file and the live deck)."""

# Scales every font size of a figure by the screen height (the figures are written for 1080
# pixels), draws a slide when it is shown, and turns slides on keys and buttons.
_DECK_JS = """
(function () {
  var slides = Array.from(document.querySelectorAll(".slide"));
  var figures = JSON.parse(document.getElementById("deck-figures").textContent);
  var config = {displaylogo: false, responsive: true, topojsonURL: "./", displayModeBar: false,
                scrollZoom: true,
                modeBarButtonsToRemove: ["lasso2d", "select2d"]};
  var current = 0, drawnAt = {};
  SCALE_FONTS
  function draw(index) {
    var fig = figures[index], div = slides[index].querySelector(".chart");
    var k = window.innerHeight / SCREEN;
    if (drawnAt[index] === window.innerHeight) { return; }
    drawnAt[index] = window.innerHeight;
    Plotly.react(div, {data: scaled(fig.data, k, false), layout: scaled(fig.layout, k, false),
                       frames: fig.frames || [], config: config});
  }
  function show(index) {
    if (index < 0 || index >= slides.length) { return; }
    slides[current].classList.remove("shown");
    current = index;
    slides[current].classList.add("shown");
    document.body.dataset.slide = String(current + 1);
    if (window.location.hash !== "#" + (current + 1)) {
      history.replaceState(null, "", "#" + (current + 1));
    }
    draw(current);
  }
  function chart() { return slides[current].querySelector(".chart"); }
  // the chart's own play button starts and stops (plotly's args2): the key presses it
  function play() {
    var button = chart().querySelector(".updatemenu-button");
    if (button) { button.dispatchEvent(new MouseEvent("click", {bubbles: true})); }
  }
  window.deckShow = show;
  // plotly rejects an animation's promise, with no reason, when a second P stops it
  window.addEventListener("unhandledrejection", function (event) {
    if (event.reason === undefined) { event.preventDefault(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var key = event.key, next = null;
    if (key === "ArrowRight" || key === "PageDown" || key === "ArrowDown") { next = current + 1; }
    else if (key === "ArrowLeft" || key === "PageUp" || key === "ArrowUp") { next = current - 1; }
    else if (key === "Home") { next = 0; }
    else if (key === "End") { next = slides.length - 1; }
    else if (/^[1-9]$/.test(key)) { next = parseInt(key, 10) - 1; }
    else if (key === "p" || key === "P") { event.preventDefault(); play(); return; }
    if (next === null) { return; }
    event.preventDefault();
    show(Math.max(0, Math.min(slides.length - 1, next)));
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-go]");
    if (!button) { return; }
    var go = button.dataset.go;
    show(go === "prev" ? current - 1 : go === "next" ? current + 1 : parseInt(go, 10) - 1);
  });
  window.addEventListener("resize", function () { drawnAt = {}; draw(current); });
  var start = parseInt((window.location.hash || "#1").slice(1), 10);
  show(isNaN(start) ? 0 : Math.max(0, Math.min(slides.length - 1, start - 1)));
})();
"""


def _controls(lang: Lang) -> str:
    prev, next_ = html.escape(t("deck.prev", lang)), html.escape(t("deck.next", lang))
    return (
        f'<button type="button" data-go="prev" aria-label="{prev}">◀</button>'
        f'<button type="button" data-go="next" aria-label="{next_}">▶</button>'
    )


def figures_json(figures: list[dict]) -> str:
    """Figure dicts (numpy arrays included) as JSON safe inside a <script> element."""
    text = to_json_plotly(figures)
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def deck_html(slides: list[Slide], lang: Lang, theme: str, topojson: dict | None) -> str:
    """The whole deck as one HTML document (slide 1 first, or the one named by ``#N``)."""
    colours = deck_colours(theme)
    total = len(slides)
    sections = "".join(
        f'<section class="slide" id="slide-{s.number}" data-key="{s.key}">'
        f"{band_html(s, total, lang, _controls(lang), t('deck.offline_note', lang))}{facts_html(s)}"
        f'<div class="chart" id="chart-{s.number}"></div></section>'
        for s in slides
    )
    figures = [slide.figure for slide in slides]
    assets = {"topojson": {TOPOJSON_NAME: topojson} if topojson is not None else {}}
    page_css = _PAGE_CSS.format(background=colours["background"])
    title = html.escape(slides[0].title if slides else t("app.title", lang))
    script = _DECK_JS.replace("SCREEN", str(SCREEN_HEIGHT)).replace("SCALE_FONTS", SCALE_FONTS_JS)
    return (
        f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{title}</title><style>{page_css}{deck_css(theme)}</style>"
        f"<script>window.PlotlyGeoAssets = {_script_json(assets)};</script>"
        f'<script type="text/javascript">{get_plotlyjs()}</script></head>'
        f'<body class="deck-{theme}">{sections}'
        f'<script type="application/json" id="deck-figures">{figures_json(figures)}</script>'
        f"<script>{script}</script></body></html>"
    )
