"""The world map and the Guangxi close-up as figures: traces, segments, hover and click data."""

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from geo.map_layers import country_label_points, feature_label_points
from geo.spatial import load_prefecture_geojson
from sistercities.dataset import load_dataset
from sistercities.figures.guangxi_map import guangxi_figure, prefecture_table
from sistercities.figures.world_map import (
    AGGREGATE_ABOVE,
    HOVER_LINES,
    UIREVISION,
    MapView,
    joined_blocks,
    map_summary,
    pair_hover,
    place_markers,
    split_located,
    world_map_figure,
)
from sistercities.paths import DEFAULT_DATA_DIR, STATIC_DIR
from tests.fixtures_data import write_folder

STAMP = ("Title", "As of 2024-11-12 · Source")


@pytest.fixture(scope="module")
def shipped():
    return load_dataset(DEFAULT_DATA_DIR).dataset


@pytest.fixture(scope="module")
def points():
    return country_label_points(STATIC_DIR / "world_110m.json")


def build(data, points, lang="zh", **view):
    codes = list(data.countries["iso3"])
    return world_map_figure(data.links, lang, MapView(**view), codes, points, STAMP)


def lines(fig):
    return [tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "lines"]


def pair_lines(fig):
    return [tr for tr in lines(fig) if tr.name != maritime(fig).name]


def maritime(fig):
    return next(tr for tr in fig.data if tr.name in ("中国海上边界线", "China's maritime boundary"))


def segments(trace):
    return sum(1 for value in trace.lon if value is None)


def markers(fig):
    return [tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "markers"]


def test_one_line_trace_with_one_segment_per_drawn_pair(shipped, points):
    fig = build(shipped, points)
    drawable, missing = split_located(shipped.links)
    assert len(pair_lines(fig)) == 1
    assert segments(pair_lines(fig)[0]) == len(drawable) == len(shipped.links) - len(missing)
    # the summary names the undrawn pairs only when there are any (counts come from the data)
    assert (f"{len(missing)} 对未绘出" in map_summary(shipped.links, "zh")) == bool(len(missing))


def test_summary_counts_the_pairs_it_cannot_draw(tmp_path):
    tiny = load_dataset(write_folder(tmp_path / "d")).dataset  # Meo Vac has blank coordinates
    drawable, missing = split_located(tiny.links)
    assert (len(drawable), len(missing)) == (3, 1)
    assert "1 对未绘出" in map_summary(tiny.links, "zh")
    assert "1 more pair is not drawn" in map_summary(tiny.links, "en")


def test_the_figure_is_valid_plotly(shipped, points):
    for view in ({}, {"selected": "cn-450100", "projection": "globe", "colour_by": "level"}):
        go.Figure(build(shipped, points, **view).to_dict())  # validates every property


def test_maritime_line_on_both_projections(shipped, points):
    for projection in ("flat", "globe"):
        fig = build(shipped, points, projection=projection)
        line = maritime(fig)
        assert segments(line) > 5
        # the line reaches the South China Sea's southern end (about 4 degrees north)
        assert min(lat for lat in line.lat if lat is not None) < 5


def test_no_boundaries_inside_the_world_figure(shipped, points):
    fig = build(shipped, points)
    for trace in fig.data:
        if trace.type == "choropleth":
            assert trace.geojson is None
            assert trace.locationmode == "ISO-3"
    assert len(fig.to_json()) < 150_000
    assert fig.layout.geo.showocean and not fig.layout.geo.showland  # countries cover land
    assert not fig.layout.geo.showcountries  # no plotly layer beyond the served topojson


def test_every_served_country_is_a_shape_whatever_the_country_table_lists(shipped, points):
    fig = world_map_figure(shipped.links, "en", MapView(), ["JPN"], points, STAMP)
    base = next(tr for tr in fig.data if tr.type == "choropleth")
    assert set(base.locations) == set(points) | {"JPN"}


def test_every_country_is_a_shape_and_partners_are_shaded_by_pairs(shipped, points):
    fig = build(shipped, points)
    base, shaded = [tr for tr in fig.data if tr.type == "choropleth"]
    assert set(points) <= set(base.locations)  # every served country, so no land layer needed
    counts = shipped.links.groupby("country_iso3").size()
    assert dict(zip(shaded.locations, shaded.z, strict=True)) == counts.to_dict()
    assert shaded.colorbar.title.text == "每国友城（对）"


def test_markers_carry_place_ids_and_hover(shipped, points):
    fig = build(shipped, points, lang="en")
    drawable, _ = split_located(shipped.links)
    partner_ids = {c[1] for tr in markers(fig)[:-1] for c in tr.customdata}
    assert partner_ids == set(drawable["partner_place_id"])
    home = markers(fig)[-1]
    assert {c[1] for c in home.customdata} == set(drawable["home_place_id"])
    assert all(kind == "place" for tr in markers(fig) for kind, _ in tr.customdata)
    row = drawable.loc[drawable["partner_place_id"] == "jpn-kumamoto-prefecture"].iloc[0]
    trace = next(tr for tr in markers(fig) if "jpn-kumamoto-prefecture" in str(tr.customdata))
    index = [c[1] for c in trace.customdata].index("jpn-kumamoto-prefecture")
    hover = trace.hovertext[index]
    assert row["home_name_en"] in hover and row["partner_name_en"] in hover
    assert "Japan" in hover and "Region level" in hover and "1982-05-20" in hover
    assert "confidence: high" in hover and "beijingreview" in hover


def test_undated_pair_says_date_unknown(tmp_path, points):
    folder = write_folder(tmp_path / "d")
    data = load_dataset(folder).dataset
    links = data.links.assign(partner_lat=data.links["partner_lat"].fillna(21.0))
    links = links.assign(partner_lon=links["partner_lon"].fillna(105.0))
    fig = world_map_figure(links, "en", MapView(), ["VNM"], points, STAMP)
    hover = " ".join(h for tr in markers(fig) for h in tr.hovertext)
    assert "established date unknown" in hover


def test_legend_names_units_and_colour_toggle(shipped, points):
    by_continent = {tr.name for tr in markers(build(shipped, points, lang="en"))}
    assert any(name.startswith("Europe (") for name in by_continent)
    by_level = {tr.name for tr in markers(build(shipped, points, lang="en", colour_by="level"))}
    assert any(name.startswith("County level (") for name in by_level)
    assert "one per pair" in pair_lines(build(shipped, points, lang="en"))[0].name


def test_selection_highlights_its_pairs_and_fades_the_rest(shipped, points):
    fig = build(shipped, points, selected="cn-450100")
    rest, chosen = pair_lines(fig)
    own = shipped.links.loc[shipped.links["home_place_id"] == "cn-450100"]
    drawn_own = split_located(own)[0]
    assert segments(chosen) == len(drawn_own)
    assert segments(rest) + segments(chosen) == len(split_located(shipped.links)[0])
    assert chosen.line.width > rest.line.width
    faded = [o for tr in markers(fig)[:-1] for o in tr.marker.opacity]
    assert min(faded) < 1 and max(faded) == 1


def test_uirevision_kept_across_selections_and_a_narrow_filter_frames(shipped, points):
    whole = build(shipped, points)
    assert whole.layout.uirevision == f"{UIREVISION}.flat.world"  # every pair: the world
    assert whole.layout.geo.lataxis.range is None
    selected = build(shipped, points, selected="cn-450100")
    assert selected.layout.uirevision == whole.layout.uirevision  # the user's zoom is kept
    asean = shipped.links.loc[shipped.links["asean"]]
    some = world_map_figure(asean, "zh", MapView(), ["JPN"], points, STAMP)
    west, east = some.layout.geo.lonaxis.range
    assert west < 108.3 < east and east - west < 110  # Southeast Asia framed, Guangxi in view
    assert some.layout.uirevision != whole.layout.uirevision
    globe = build(shipped, points, projection="globe")
    assert globe.layout.geo.projection.type == "orthographic"
    assert globe.layout.geo.projection.rotation.lat == pytest.approx(22.8)


def test_title_and_note_baked_in(shipped, points):
    fig = build(shipped, points)
    assert fig.layout.title.text == STAMP[0]
    assert any(a.text == STAMP[1] for a in fig.layout.annotations)


def test_large_data_is_drawn_by_country(shipped, points):
    links = shipped.links
    copies = [links.assign(link_id=links["link_id"] + f"#{i}") for i in range(30)]
    import pandas as pd

    many = pd.concat(copies, ignore_index=True)
    assert len(split_located(many)[0]) > AGGREGATE_ABOVE
    fig = world_map_figure(many, "en", MapView(), ["JPN"], points, STAMP)
    countries = split_located(many)[0]["country_iso3"].nunique()
    assert segments(pair_lines(fig)[0]) == countries
    partner_kinds = {c[0] for tr in markers(fig)[:-1] for c in tr.customdata}
    assert partner_kinds == {"country"}
    assert "groups them by partner country" in map_summary(many, "en")


def test_closeup_shades_the_14_prefectures_and_marks_counties(shipped):
    geojson = load_prefecture_geojson()
    fig = guangxi_figure(
        shipped.links, shipped.places, geojson, feature_label_points(geojson), "zh", STAMP
    )
    shapes = fig.data[0]
    assert shapes.type == "choropleth" and len(shapes.locations) == 14
    table = prefecture_table(shipped.links, shipped.places, geojson, "zh")
    nanning = table.loc[table["admin_code"] == "450100"].iloc[0]
    assert nanning["place_id"] == "cn-450100"
    expected = (shipped.links["home_prefecture_id"] == "cn-450100").sum()
    assert nanning["pairs"] == expected
    counties = fig.data[2]
    county_links = shipped.links.loc[shipped.links["level"] == "county"]
    assert {c[1] for c in counties.customdata} == set(county_links["home_place_id"])
    assert fig.layout.geo.fitbounds == "locations"
    go.Figure(fig.to_dict())


def test_label_points_come_from_the_served_topojson(points):
    assert len(points) >= 150
    lon, lat = points["FRA"]
    assert -5 < lon < 10 and 42 < lat < 51  # metropolitan France, not an overseas mean
    assert Path(STATIC_DIR / "world_110m.json").exists()


def test_hover_blocks_are_joined_in_order_with_a_count_of_the_rest():
    blocks = [f"p{i}" for i in range(9)]
    shown = joined_blocks(blocks, "en").split("<br>—<br>")
    assert shown[:HOVER_LINES] == blocks[:HOVER_LINES]
    assert len(shown) == HOVER_LINES + 1 and "p8" not in shown  # the rest as a count
    assert str(9 - HOVER_LINES) in shown[-1]
    assert joined_blocks(["p0"], "en") == "p0"


def test_place_markers_join_each_places_pairs_in_row_order(shipped):
    drawable, _ = split_located(shipped.links)
    first = drawable.iloc[[0]]
    twice = pd.concat([drawable, first.assign(level="county")], ignore_index=True)  # 2nd level
    texts = pair_hover(twice, "en")
    for colour_by in ("continent", "level"):
        markers = place_markers(twice, "en", colour_by)
        assert sum(sum(m.counts) for m in markers.values()) == len(twice)
        for category, group in markers.items():
            assert group.keys == sorted(group.keys) and group.kind == "place"
            part = twice.loc[twice[colour_by].fillna("") == category]
            assert group.counts == [int((part["partner_place_id"] == k).sum()) for k in group.keys]
            place = group.keys[0]
            blocks = list(texts.loc[part.index][part["partner_place_id"] == place])
            assert group.hovers[0] == joined_blocks(blocks, "en")
    by_level = place_markers(twice, "en", "level")
    place = first["partner_place_id"].iloc[0]
    assert place in by_level["county"].keys  # its county pair is a marker of its own


def test_guangxi_hover_counts_pairs_as_every_page_does(tmp_path, points):
    """Issue #19 §3b: a city's hover counted its own drawable pairs only (17 against 18)."""
    from sistercities.counts import in_force, top_values
    from tests.fixtures_data import LINKS

    extra = "cn-450100--vnm-meo-vac,cn-450100,vnm-meo-vac,prefecture,2010,,active,,x,low,\n"
    data = load_dataset(write_folder(tmp_path / "d", links_csv=LINKS + extra)).dataset
    fig = build(data, points, lang="en")
    home = next(tr for tr in markers(fig) if tr.marker.symbol == "diamond")
    hover = dict(zip([c[1] for c in home.customdata], home.hovertext, strict=True))
    homes = in_force(data.links, data.as_of)["home_prefecture_id"]
    overview = dict(zip(*top_values(homes)[["id", "pairs"]].T.values, strict=True))
    # Guilin: Kumamoto, and Yangshuo County's Annecy; the overview says 2.
    assert overview["cn-450300"] == 2
    assert "2 pairs in the current filter" in hover["cn-450300"]
    assert "(including 1 of its counties)" in hover["cn-450300"]
    # Nanning: Rayong drawn, Meo Vac (no coordinates) not drawn; the overview says 2.
    assert overview["cn-450100"] == 2
    assert "2 pairs in the current filter" in hover["cn-450100"]
    assert "1 of them not drawn" in hover["cn-450100"]
