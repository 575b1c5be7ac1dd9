"""End to end in Chromium: the year slider's key press -> every chart of the page repainted.

A real key press (ArrowRight on the slider's start thumb, then released) moves the start year
by one; the time runs from the key's release (``keyup``, read in the page) until every plotly
chart on the page has drawn the new filter: each chart's drawn note (the SVG annotation text,
which names the year range) must differ from the one before the press. A press the app never
saw cannot end the wait: the sample fails instead (timeout), and the slider's
value must have moved. Used by ``bench/run.py e2e``.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from tools.serving import wait_for_app

YEAR_THUMB = '.st-key-w-f-years input[type="range"]'  # the start thumb comes first
CHARTS = ".js-plotly-plot"

# Every chart's drawn annotations, joined: the note names the filter, so it changes with it.
DRAWN = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(
    el => Array.from(el.querySelectorAll('.annotation-text')).map(a => a.textContent).join('|'))"""

# Record the key's release, then watch every animation frame for all charts drawn anew.
WATCH = """(before) => {
  window.__e2e = {released: null, painted: null};
  document.addEventListener('keyup', () => {
    if (window.__e2e.released === null) window.__e2e.released = performance.now();
  }, {capture: true, once: true});
  const drawn = DRAWN;
  const check = (now) => {
    const after = drawn();
    if (window.__e2e.released !== null && after.length === before.length && after.length > 0
        && after.every((text, i) => text && text !== before[i])) {
      window.__e2e.painted = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}""".replace("DRAWN", DRAWN)


@dataclass
class EndToEnd:
    """Samples (ms) of one page; ``charts`` is how many charts each sample waited for."""

    page: str
    samples_ms: list[float] = field(default_factory=list)
    charts: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def median_ms(self) -> float | None:
        """The median sample, or None without one."""
        return statistics.median(self.samples_ms) if self.samples_ms else None


def page_end_to_end(browser, url: str, name: str, runs: int, timeout_ms: float) -> EndToEnd:
    """``runs`` key presses on the year slider of one page, each timed to the charts' repaint."""
    out = EndToEnd(name)
    context = browser.new_context(viewport={"width": 1600, "height": 900}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit", timeout=120_000)
        wait_for_app(page, timeout=180_000)
        page.wait_for_selector(CHARTS, timeout=180_000)
        page.wait_for_timeout(1500)
        for _ in range(runs + 1):  # the first press warms the page's code paths: dropped
            sample = _one_press(page, timeout_ms)
            if isinstance(sample, str):
                out.errors.append(sample)
                break
            out.samples_ms.append(sample[0])
            out.charts = sample[1]
            wait_for_app(page, timeout=60_000)
            page.wait_for_timeout(800)
        out.samples_ms = out.samples_ms[1:]
    finally:
        context.close()
    return out


def _one_press(page, timeout_ms: float) -> tuple[float, int] | str:
    """Press and release ArrowRight on the start thumb; (ms to repaint, charts) or an error."""
    before = page.evaluate(DRAWN)
    if not before:
        return "no chart on the page"
    thumb = page.locator(YEAR_THUMB).first
    value = thumb.evaluate("e => e.value")
    page.evaluate(WATCH, before)
    thumb.focus()
    page.keyboard.down("ArrowRight")
    page.keyboard.up("ArrowRight")
    try:
        page.wait_for_function("() => window.__e2e.painted !== null", timeout=timeout_ms)
    except Exception:  # reported as a failed sample, not a crash
        return f"charts not repainted within {timeout_ms / 1000:.0f} s (slider was {value})"
    moved = thumb.evaluate("e => e.value")
    if moved == value:
        return f"the slider did not move ({value})"
    timing = page.evaluate("() => window.__e2e")
    return timing["painted"] - timing["released"], len(before)


def end_to_end(data, pages: dict[str, str], runs: int, browser) -> list[EndToEnd]:
    """Start a server on ``data`` and time every page (``pages``: name -> URL path)."""
    from tools.serving import start_server, stop_server

    server = start_server(data)
    try:
        return [
            page_end_to_end(browser, f"{server.url}/{path}", name, runs, 60_000)
            for name, path in pages.items()
        ]
    finally:
        stop_server(server)
