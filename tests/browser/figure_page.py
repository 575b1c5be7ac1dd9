"""Render one plotly figure alone in Chromium and measure where its parts landed.

The charts' own modebar download (plotly's ``toImage``) draws the figure at the size it has
on screen, so what overlaps here overlaps in every exported picture. The page needs no
server: plotly.js and the world topojson are inlined as in the offline briefing.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from sistercities.deck.offline import TOPOJSON_NAME, load_topojson
from sistercities.paths import STATIC_DIR

Box = dict[str, float]

_MEASURE = """(selector) => Array.from(document.querySelectorAll(selector)).map((node) => {
  const r = node.getBoundingClientRect();
  return {x: r.left, y: r.top, right: r.right, bottom: r.bottom,
          width: r.width, height: r.height, text: node.textContent};
})"""


@cache
def _plotly_js() -> str:
    return get_plotlyjs()


def figure_html(fig: go.Figure | dict, width: int, height: int | None = None) -> str:
    """A page holding only ``fig`` at ``width`` px (and its own or the given height)."""
    spec = fig if isinstance(fig, dict) else fig.to_plotly_json()
    spec = json.loads(json.dumps(spec, default=_plain))
    layout = spec.setdefault("layout", {})
    layout["width"] = width
    if height is not None:
        layout["height"] = height
    assets = {"topojson": {TOPOJSON_NAME: load_topojson(STATIC_DIR / "world_110m.json")}}
    config = {"displaylogo": False, "topojsonURL": "./"}
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<script>window.PlotlyGeoAssets = {json.dumps(assets)};</script>"
        f"<script>{_plotly_js()}</script></head><body style='margin:0'>"
        "<div id='fig'></div><script>"
        f"Plotly.newPlot('fig', {json.dumps(spec['data'])}, {json.dumps(layout)}, "
        f"{json.dumps(config)}).then(() => {{ window.rendered = true; }});"
        "</script></body></html>"
    )


def _plain(value: Any) -> Any:
    """numpy arrays and scalars as plain JSON."""
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(type(value))


def render(page, fig: go.Figure | dict, width: int, height: int | None = None) -> None:
    """Draw ``fig`` alone in ``page`` and wait until plotly has finished."""
    page.set_content(figure_html(fig, width, height))
    page.wait_for_function("window.rendered === true", timeout=30_000)
    page.wait_for_timeout(300)


def boxes(page, selector: str) -> list[Box]:
    """Bounding boxes (with text) of every element matching ``selector``, empty ones left out."""
    found = page.evaluate(_MEASURE, selector)
    return [box for box in found if box["width"] > 0 and box["height"] > 0]


def overlap(a: Box, b: Box, slack: float = 0.5) -> bool:
    """True when two boxes intersect by more than ``slack`` px both ways."""
    return (
        min(a["right"], b["right"]) - max(a["x"], b["x"]) > slack
        and min(a["bottom"], b["bottom"]) - max(a["y"], b["y"]) > slack
    )


def inside(inner: Box, outer: Box, slack: float = 0.5) -> bool:
    """True when ``inner`` lies within ``outer`` (give or take ``slack`` px)."""
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["right"] <= outer["right"] + slack
        and inner["bottom"] <= outer["bottom"] + slack
    )
