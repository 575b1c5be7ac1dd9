"""Typing and enriching validated tables with the columns that filters and figures use."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from sistercities.contract.dates import parse_partial_date

PREFECTURE_TYPES = {"prefecture"}
PROVINCE_TYPES = {"province"}


def type_places(places: pd.DataFrame) -> pd.DataFrame:
    """Return places with numeric ``lat``/``lon`` and every optional column present."""
    typed = places.copy()
    for column in ("admin_code", "parent_id", "coord_source", "notes"):
        if column not in typed:
            typed[column] = ""
    typed["lat"] = pd.to_numeric(typed["lat"].replace("", None)).astype(float)
    typed["lon"] = pd.to_numeric(typed["lon"].replace("", None)).astype(float)
    typed["prefecture_id"] = prefecture_ids(typed)
    return typed


def prefecture_ids(places: pd.DataFrame) -> pd.Series:
    """The prefecture a Chinese place belongs to: itself, its parent, or blank for a province."""
    by_id = places.set_index("place_id")
    result = []
    for place_id, admin_type, parent in zip(
        places["place_id"], places["admin_type"], places["parent_id"], strict=True
    ):
        if admin_type in PREFECTURE_TYPES:
            result.append(place_id)
        elif admin_type in PROVINCE_TYPES or not parent:
            result.append("")
        elif parent in by_id.index and by_id.at[parent, "admin_type"] in PREFECTURE_TYPES:
            result.append(parent)
        else:
            result.append("")
    return pd.Series(result, index=places.index, dtype=str)


def type_countries(countries: pd.DataFrame) -> pd.DataFrame:
    """Return countries with ``asean_since`` as a nullable integer year."""
    typed = countries.copy()
    typed["asean_since"] = pd.to_numeric(typed["asean_since"], errors="coerce").astype("Int64")
    return typed


def date_columns(values: pd.Series, prefix: str) -> pd.DataFrame:
    """Split partial-date strings into ``<prefix>`` (start Timestamp), year and precision."""
    parsed = [parse_partial_date(v) if v else None for v in values]
    return pd.DataFrame(
        {
            # pandas-stubs leave None out of to_datetime's list type; pandas reads it as NaT.
            prefix: pd.to_datetime([p.start if p else None for p in parsed]),  # type: ignore[arg-type]
            f"{prefix}_year": pd.array([p.year if p else None for p in parsed], dtype="Int64"),
            f"{prefix}_precision": [p.precision if p else "" for p in parsed],
        },
        index=values.index,
    )


def enrich_links(
    links: pd.DataFrame, places: pd.DataFrame, countries: pd.DataFrame, as_of: dt.date
) -> pd.DataFrame:
    """Join names, coordinates, countries and parsed dates onto each link.

    Returns: links plus home_/partner_ name_zh, name_en, admin_type, lat, lon; home_prefecture_id;
    country_iso3, country_zh, country_en, continent, asean; start, start_year, start_precision,
    end, end_year, end_precision, dated.
    """
    frame = links.copy()
    for column in ("ended", "source_url", "source_note", "notes"):
        if column not in frame:
            frame[column] = ""
    place_cols = ["place_id", "name_zh", "name_en", "admin_type", "lat", "lon", "prefecture_id"]
    home = places[place_cols].add_prefix("home_").rename(columns={"home_place_id": "home_place_id"})
    partner = places[[*place_cols[:-1], "country_iso3"]].add_prefix("partner_")
    frame = frame.merge(home, on="home_place_id", how="left")
    frame = frame.merge(partner, on="partner_place_id", how="left")
    frame = frame.rename(columns={"partner_country_iso3": "country_iso3"})
    country = countries.set_index("iso3")
    frame["country_zh"] = frame["country_iso3"].map(country["name_zh"]).fillna("")
    frame["country_en"] = frame["country_iso3"].map(country["name_en"]).fillna("")
    frame["continent"] = frame["country_iso3"].map(country["continent"]).fillna("")
    since = frame["country_iso3"].map(country["asean_since"])
    frame["asean"] = (since.notna() & (since <= as_of.year)).astype(bool)
    frame = frame.join(date_columns(frame["established"], "start"))
    frame = frame.join(date_columns(frame["ended"], "end"))
    frame["dated"] = frame["start"].notna()
    return frame
