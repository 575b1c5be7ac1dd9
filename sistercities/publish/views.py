"""The static edition's pages: the app's views of the whole dataset, built by the same builders.

Each page is a list of blocks: HTML fragments (already escaped) and :class:`Chart` s. No figure
is drawn here; the figures come from ``sistercities.figures``, ``sistercities.network`` and
``sistercities.alliance`` exactly as the app and the deck use them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from geo.map_layers import country_label_points, feature_label_points
from geo.spatial import load_prefecture_geojson
from sistercities.alliance import figures as alliance_figures
from sistercities.alliance.tables import country_table, field_table
from sistercities.alliance.ties import build_view, tie_summary
from sistercities.contract.schema import Lang, place_id_for_china
from sistercities.counts import (
    TIES_RULE,
    asean_share_text,
    completeness,
    completeness_text,
    headline,
    in_force,
    undated_count,
)
from sistercities.dataset import Dataset
from sistercities.deck.offline import overview_specs
from sistercities.exports import links_table
from sistercities.figures.guangxi_map import guangxi_figure, region_level_count
from sistercities.figures.world_map import MapView, map_summary, split_located, world_map_figure
from sistercities.filters import LinkFilter
from sistercities.i18n import pick, t
from sistercities.network import communities as network_communities
from sistercities.network import export as network_export
from sistercities.network import graph as graphs
from sistercities.network import layout as graph_layout
from sistercities.network import measures as network_measures
from sistercities.network.figure import network_figure
from sistercities.paths import STATIC_DIR
from sistercities.places import place_labels
from sistercities.publish.markup import esc, inline, paragraph, table_html

WORLD_TOPOJSON = STATIC_DIR / "world_110m.json"


@dataclass(frozen=True)
class Chart:
    """One plotly chart of a page: its heading, figure dict, shape and the note under it.

    ``shape`` sets the box the chart is drawn in: ``map`` and ``graph`` are sized by the
    screen's width (a graph is as tall as wide), ``chart`` keeps the figure's own height.
    """

    name: str
    title: str
    spec: dict[str, Any]
    shape: str = "chart"
    notes: tuple[str, ...] = ()

    @property
    def geo(self) -> bool:
        """True when the chart draws on a map (and so needs the world topojson)."""
        return any(trace.get("type") in {"scattergeo", "choropleth"} for trace in self.data)

    @property
    def data(self) -> list[dict[str, Any]]:
        """The chart's traces."""
        return list(self.spec.get("data", []))


Block = str | Chart


@dataclass(frozen=True)
class Page:
    """One page of the site: its file name, navigation label, ``<h1>`` and blocks."""

    name: str
    file: str
    label: str
    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def charts(self) -> list[Chart]:
        """The page's charts, in order."""
        return [block for block in self.blocks if isinstance(block, Chart)]


@dataclass(frozen=True)
class Context:
    """What every page is built from: the dataset, the language and the place names."""

    data: Dataset
    lang: Lang
    names: dict[str, str]
    history: pd.DataFrame  # every pair, ended ones included (growth over time, the table)
    links: pd.DataFrame  # the pairs in force on the as-of date (what pages draw and count)

    @classmethod
    def of(cls, data: Dataset, lang: Lang) -> Context:
        """The context of a dataset in a language, with no filter."""
        return cls(
            data, lang, place_labels(data, lang), data.links, in_force(data.links, data.as_of)
        )

    def source(self) -> str:
        """The dataset's source note in the page language."""
        meta = self.data.meta
        return pick(meta.get("source_note_zh", ""), meta.get("source_note", ""), self.lang)

    def share_line(self) -> str:
        """'80 of the 132 pairs officially reported ...', or empty without an official total."""
        info = completeness(self.data.links, self.data.official_totals, self.data.as_of)
        return completeness_text(info, self.lang) if info and not self.data.synthetic else ""


def overview_page(ctx: Context) -> Page:
    """The entry page: headline figures, growth, the growth map and the top lists."""
    lang = ctx.lang
    specs = overview_specs(ctx.data, ctx.history, lang, ctx.names)
    undated = undated_count(ctx.links)
    blocks: list[Block] = [kpi_block(ctx)]
    growth_notes = (t("ov.growth.undated_note", lang, count=undated),) if undated else ()
    if ctx.links["dated"].any():
        blocks.append(
            Chart("growth", t("fig.growth", lang), specs["growth"][1], notes=growth_notes)
        )
    blocks += [
        Chart("top-cities", t("fig.top_cities", lang), specs["top_cities"][1]),
        Chart("top-countries", t("fig.top_countries", lang), specs["top_countries"][1]),
        paragraph(t(TIES_RULE, lang), "note"),
        Chart(
            "growth-map",
            t("fig.growth_map", lang),
            specs["growth_map"][1],
            "map",
            (t("ov.map.help", lang),),
        ),
    ]
    return Page("overview", "index.html", t("page.overview", lang), t("app.title", lang), blocks)


def kpi_block(ctx: Context) -> str:
    """The headline figures as cards (numbers as text, readable without any script)."""
    lang = ctx.lang
    head = headline(ctx.links, ctx.data.as_of)
    cards = [
        (t("kpi.pairs", lang), head.pairs, t("kpi.undated", lang, count=head.undated)),
        (t("kpi.countries", lang), head.countries, ""),
        (t("kpi.asean", lang), head.asean_pairs, asean_share_text(head, lang)),
        (t("kpi.cities", lang), head.home_cities, ""),
    ]
    items = "".join(
        f'<div class="kpi"><span class="kpi-label">{esc(label)}</span>'
        f'<span class="kpi-value">{value}</span>'
        + (f'<span class="kpi-note">{esc(note)}</span>' if note else "")
        + "</div>"
        for label, value, note in cards
    )
    levels = " · ".join(f"{t(f'level.{k}', lang)} {v}" for k, v in sorted(head.by_level.items()))
    return f'<div class="kpis">{items}</div>' + paragraph(
        t("kpi.level_line", lang, items=levels), "note"
    )


def map_page(ctx: Context) -> Page:
    """The world map of every pair in force, and the Guangxi close-up."""
    lang = ctx.lang
    points = country_label_points(WORLD_TOPOJSON)
    view = MapView(centre=home_centre(ctx.data))
    codes = list(ctx.data.countries["iso3"])
    world = world_map_figure(ctx.links, lang, view, codes, points, ("", "")).to_dict()
    _, missing = split_located(ctx.links)
    notes = [map_summary(ctx.links, lang)]
    if len(missing):
        gone = sorted({ctx.names.get(p, p) for p in missing["partner_place_id"]})
        notes.append(t("map.not_drawn_list", lang, names="、".join(gone[:20])))
    geojson = load_prefecture_geojson()
    closeup = guangxi_figure(
        ctx.links, ctx.data.places, geojson, feature_label_points(geojson), lang, ("", "")
    ).to_dict()
    # the app's caption without "click a city to filter" (this edition has no filters)
    closeup_note = t("pub.map.closeup_caption", lang, count=region_level_count(ctx.links))
    blocks: list[Block] = [
        Chart("world-map", t("map.title", lang), world, "map", tuple(notes)),
        Chart("guangxi-map", t("map.closeup.title", lang), closeup, "map", (closeup_note,)),
        f"<h2>{esc(t('map.about.header', lang))}</h2>",
        paragraph(t("map.about.text", lang)),
        paragraph(t("map.boundary_source", lang), "note"),
    ]
    return Page("map", "map.html", t("page.map", lang), t("map.title", lang), blocks)


def home_centre(data: Dataset) -> tuple[float, float]:
    """The home region's point (lon, lat): the globe's centre, as in the app."""
    region = place_id_for_china(str(data.meta["home_admin_code"]))
    row = data.places.loc[data.places["place_id"] == region]
    if row.empty or row[["lon", "lat"]].isna().any(axis=None):
        return MapView().centre
    return float(row.iloc[0]["lon"]), float(row.iloc[0]["lat"])


def network_page(ctx: Context) -> Page:
    """The graph of pairs (the app's default view), rankings and communities."""
    lang = ctx.lang
    view = graphs.effective_view(None, len(ctx.links))
    graph = graphs.build_graph(ctx.links, ctx.data.places, view)
    found = network_measures.measures(graph)
    positions = graph_layout.layout(graph, graph_layout.LAYOUTS[0])
    figure = network_figure(graph, positions, found.table, lang, approximate=found.approximate)
    note = t("net.place_note" if view == "place" else "net.rolled_up", lang)
    blocks: list[Block] = [
        Chart("network", t("net.title", lang), figure.to_dict(), "graph", (note,)),
        f"<h2>{esc(t('pub.network.top', lang))}</h2>",
    ]
    for title, frame in (
        ("net.top_cities", network_export.top_homes(found.table, lang)),
        ("net.top_countries", network_export.top_countries(ctx.links, lang)),
    ):
        lines = [
            t("net.top.line", lang, rank=row.iloc[-1], name=row.iloc[0], pairs=row.iloc[1])
            for _, row in frame.iterrows()
        ]
        blocks.append(f"<h3>{esc(t(title, lang))}</h3>" + paragraph("  \n".join(lines)))
    blocks += [paragraph(t(TIES_RULE, lang), "note"), f"<h3>{esc(t('net.ranking', lang))}</h3>"]
    ranking = network_export.ranking_table(found.table, lang)
    blocks.append(table_html(ranking, css="tall", rounding=3))
    communities, quality = network_communities.communities(graph)
    blocks.append(f"<h2>{esc(t('net.communities', lang))}</h2>")
    if communities:
        modularity = f"{quality:.3f}"
        caption = t("net.communities.caption", lang, count=len(communities), modularity=modularity)
        blocks.append(paragraph(caption, "note"))
        blocks.append(table_html(network_export.communities_table(graph, communities, lang)))
    else:
        blocks.append(paragraph(t("net.communities.none", lang), "note"))
    return Page("network", "network.html", t("page.network", lang), t("net.title", lang), blocks)


def alliance_page(ctx: Context) -> Page:
    """The education alliance: founding facts, college ties (map and graph), coverage."""
    lang, data = ctx.lang, ctx.data
    facts = data.alliance.facts
    members = data.alliance.members
    av = build_view(data, members, LinkFilter())
    field_ids = list(data.alliance.fields["field_id"])
    world = list(data.countries["iso3"])
    ties_map = alliance_figures.ties_map_spec(
        members, av.shown, data.places, world, av.countries, field_ids, ctx.names, lang
    )
    ties_network = alliance_figures.ties_network_spec(
        members, av.shown, data.places, field_ids, ctx.names, lang
    )
    summary = tie_summary(av.shown)
    ties_line = t("alliance.ties_summary", lang, **summary) if summary["ties"] else ""
    blocks: list[Block] = [
        founding_block(ctx),
        paragraph(t("alliance.definition", lang)),
        f"<h2>{esc(t('alliance.ties_header', lang))}</h2>",
        paragraph(ties_line or t("alliance.no_ties", lang)),
        Chart(
            "alliance-map",
            t("alliance.title.map", lang),
            ties_map,
            "map",
            (t("alliance.map_note", lang),),
        ),
        Chart(
            "alliance-network",
            t("alliance.title.network", lang),
            ties_network,
            notes=(t("alliance.network_note", lang),),
        ),
        f"<h2>{esc(t('alliance.coverage_header', lang))}</h2>",
        f"<h3>{esc(t('alliance.by_country', lang))}</h3>",
        table_html(country_table(av.links, av.shown, lang)),
        f"<h3>{esc(t('alliance.by_field', lang))}</h3>",
        table_html(field_table(av.links, av.shown, data.alliance.fields, lang)),
    ]
    title = pick(facts["name_zh"], facts["name_en"], lang)
    return Page("alliance", "alliance.html", t("page.alliance", lang), title, blocks)


def founding_block(ctx: Context) -> str:
    """The founding line, the bodies behind the alliance and its sources."""
    facts, lang = ctx.data.alliance.facts, ctx.lang
    place_id = str(facts.get("place_id", ""))
    form = pick(facts.get("format_zh", ""), facts.get("format_en", ""), lang)
    key = "alliance.founded" if form else "alliance.founded_plain"
    place = ctx.names.get(place_id, place_id)
    parts = [paragraph(t(key, lang, date=facts["founded"], place=place, format=form))]
    for label, items in (
        ("alliance.guiding", facts.get("guiding_bodies", [])),
        ("alliance.initiators", facts.get("initiators", [])),
    ):
        names = [pick(i.get("name_zh", ""), i.get("name_en", ""), lang) for i in items]
        if names:
            parts.append(f"<h3>{esc(t(label, lang))}</h3>" + bullet_list(names))
    sources = facts.get("sources", [])
    if sources:
        links = [
            link(str(s.get("url", "")), str(s.get("title") or s.get("url", ""))) for s in sources
        ]
        parts.append(f"<h3>{esc(t('alliance.sources', lang))}</h3>" + bullet_list(links, True))
    return "".join(parts)


def bullet_list(items: list[str], markup: bool = False) -> str:
    """A ``<ul>`` of items (escaped unless ``markup``)."""
    return "<ul>" + "".join(f"<li>{i if markup else esc(i)}</li>" for i in items) + "</ul>"


def data_page(ctx: Context) -> Page:
    """Every pair with its source link and confidence; unknowns said as unknown."""
    lang = ctx.lang
    table = links_table(ctx.history, lang, ctx.names).drop(columns=["link_id"])
    unknown = t("pub.unknown", lang)
    source_column = t("tbl.source", lang)
    confidence_column = t("tbl.confidence", lang)
    table[confidence_column] = [
        value if ctx.history["confidence"].iloc[i] else unknown
        for i, value in enumerate(table[confidence_column])
    ]
    table[source_column] = table[source_column].map(lambda v: source_cell(v, lang))
    blocks: list[Block] = [
        paragraph(t("pub.data.caption", lang, count=len(table)), "note"),
        table_html(table, markup_columns=(source_column,), css="pairs"),
    ]
    title = t("pub.data.title", lang)
    return Page("data", "data.html", t("page.data", lang), title, blocks)


def source_cell(value: object, lang: Lang) -> str:
    """A source as a link (http and https only), as text, or as 'unknown'."""
    text = "" if value is None or pd.isna(value) else str(value).strip()  # type: ignore[call-overload]
    if not text:
        return esc(t("pub.unknown", lang))
    return link(text, text) if text.startswith(WEB) else inline(text)


WEB = ("https://", "http://")


def link(url: str, text: str) -> str:
    """A link to a web page (http and https only); any other address is shown as text."""
    if not url.startswith(WEB):
        return esc(text)
    return f'<a href="{esc(url)}" rel="noopener nofollow">{esc(text)}</a>'


PAGES: tuple[Callable[[Context], Page], ...] = (
    overview_page,
    map_page,
    network_page,
    alliance_page,
    data_page,
)


def site_pages(data: Dataset, lang: Lang) -> list[Page]:
    """Every page of one language, in navigation order."""
    ctx = Context.of(data, lang)
    return [build(ctx) for build in PAGES]


def made_on(today: dt.date | None = None) -> str:
    """The day the site is made (ISO)."""
    return (today or dt.date.today()).isoformat()
