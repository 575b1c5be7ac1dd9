"""College ties carried by sister-city pairs: which pairs the alliance's members sit on.

Rule (shown on the alliance page): a pair **carries a college tie** when alliance members sit
in both of its places. A member counts for every place that contains its own place (a college
in a county counts for its prefecture's pairs and the region's pairs; a college in a city counts
for the pairs of the province it belongs to). With fields, a pair carries a tie in field F when a
member on each side lists F. Explicit ties in ties.csv are drawn between their two colleges.
"""

from __future__ import annotations

import pandas as pd

from sistercities.checks import split_multi


def containing_places(place_id: str, parent_of: dict[str, str]) -> list[str]:
    """The place itself and every place above it (parent, grandparent, ...)."""
    chain, seen = [], set()
    while place_id and place_id not in seen:
        chain.append(place_id)
        seen.add(place_id)
        place_id = parent_of.get(place_id, "")
    return chain


def member_reach(members: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """One row per (member, place it counts for, field).

    Returns: DataFrame with columns member_id, side, place_id, field_id ('' when the member
    lists no field).
    """
    parent_of = dict(zip(places["place_id"], places["parent_id"], strict=True))
    rows = []
    for member in members.itertuples():
        fields = split_multi(str(member.fields)) or [""]
        for place_id in containing_places(member.place_id, parent_of):
            rows.extend((member.member_id, member.side, place_id, f) for f in fields)
    return pd.DataFrame(rows, columns=["member_id", "side", "place_id", "field_id"])


def carried_ties(links: pd.DataFrame, members: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Pairs that carry a college tie, one row per (link, Guangxi member, foreign member, field).

    ``field_id`` is a field both members list, or '' when either lists none.
    Returns: DataFrame with columns link_id, guangxi_member_id, foreign_member_id, field_id.
    """
    columns = ["link_id", "guangxi_member_id", "foreign_member_id", "field_id"]
    if members.empty or links.empty:
        return pd.DataFrame(columns=columns)
    reach = member_reach(members, places)
    home = reach.loc[reach["side"] == "guangxi"].rename(
        columns={"member_id": "guangxi_member_id", "place_id": "home_place_id"}
    )
    away = reach.loc[reach["side"] == "foreign"].rename(
        columns={"member_id": "foreign_member_id", "place_id": "partner_place_id"}
    )
    pairs = links[["link_id", "home_place_id", "partner_place_id"]]
    joined = pairs.merge(home, on="home_place_id").merge(away, on="partner_place_id")
    same = joined["field_id_x"] == joined["field_id_y"]
    blank = (joined["field_id_x"] == "") | (joined["field_id_y"] == "")
    joined = joined.loc[same | blank].assign(
        field_id=lambda f: f["field_id_x"].where(f["field_id_x"] == f["field_id_y"], "")
    )
    return joined[columns].drop_duplicates().reset_index(drop=True)


def field_link_ids(ties: pd.DataFrame) -> dict[str, set[str]]:
    """Map each field id to the link ids that carry a tie in it (for the shared field filter)."""
    named = ties.loc[ties["field_id"] != ""]
    return {field: set(group["link_id"]) for field, group in named.groupby("field_id")}
