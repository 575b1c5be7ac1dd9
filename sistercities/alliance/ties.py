"""College ties carried by sister-city pairs: which pairs the alliance's members sit on.

Rule (shown on the alliance page): a pair **carries a college tie** when alliance members sit
in both of its places. A member counts for every place that contains its own place (a college
in a county counts for its prefecture's pairs and the region's pairs; a college in a city counts
for the pairs of the province it belongs to). With fields, a pair carries a tie in field F when a
member on each side lists F. Explicit ties in ties.csv are drawn between their two colleges.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import pandas as pd

from sistercities.contract.checks import split_multi
from sistercities.counts import first_rows
from sistercities.filters import LinkFilter, apply_filter

if TYPE_CHECKING:
    from sistercities.dataset import Dataset


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
    rows: list[tuple[object, ...]] = []
    for member in members.itertuples():
        fields = split_multi(str(member.fields)) or [""]
        for place_id in containing_places(cast(str, member.place_id), parent_of):
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
    return {cast(str, field): set(group["link_id"]) for field, group in named.groupby("field_id")}


# --- Alliance page: colleges, explicit ties, coverage and honest counts -----------------------

TIE_COLUMNS = ["link_id", "guangxi_member_id", "foreign_member_id", "field_id", "source"]
"""Columns of :func:`college_ties`; ``source`` is 'pair' (carried by a pair) or 'explicit'."""


def colleges(members: pd.DataFrame) -> pd.DataFrame:
    """Members that are colleges: ``kind`` blank or 'college' (all rows when there is no kind).

    Non-college founders (e.g. a friendship association) are members but carry no college tie.
    """
    if "kind" not in members:
        return members
    return members.loc[members["kind"].fillna("").isin(["", "college"])]


def explicit_ties(
    table: pd.DataFrame, links: pd.DataFrame, members: pd.DataFrame, places: pd.DataFrame
) -> pd.DataFrame:
    """Explicit ties of ties.csv whose two colleges are both in ``members``.

    A tie rides on every pair between places that contain its two colleges (``link_id``), or on
    none (``link_id`` '').
    Returns: DataFrame with columns of :data:`TIE_COLUMNS`, ``source`` 'explicit'.
    """
    if table.empty or members.empty:
        return pd.DataFrame(columns=TIE_COLUMNS)
    parent_of = dict(zip(places["place_id"], places["parent_id"], strict=True))
    place_of = dict(zip(members["member_id"], members["place_id"], strict=True))
    ends = zip(links["home_place_id"], links["partner_place_id"], strict=True)
    pair_ids = dict(zip(ends, links["link_id"], strict=True))
    rows: list[tuple[object, ...]] = []
    for tie in table.itertuples():
        if tie.guangxi_member_id not in place_of or tie.foreign_member_id not in place_of:
            continue
        home = containing_places(place_of[tie.guangxi_member_id], parent_of)
        away = containing_places(place_of[tie.foreign_member_id], parent_of)
        carried = [pair_ids[(h, a)] for h in home for a in away if (h, a) in pair_ids] or [""]
        field = str(getattr(tie, "field_id", "") or "")
        ids = (tie.guangxi_member_id, tie.foreign_member_id, field, "explicit")
        rows.extend((link_id, *ids) for link_id in carried)
    return pd.DataFrame(rows, columns=TIE_COLUMNS).drop_duplicates().reset_index(drop=True)


def college_ties(
    links: pd.DataFrame,
    members: pd.DataFrame,
    places: pd.DataFrame,
    explicit: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every college tie: carried by a pair (the rule above) plus the explicit ones.

    Only college members count (see :func:`colleges`).
    Returns: DataFrame with columns of :data:`TIE_COLUMNS`.
    """
    members = colleges(members)
    carried = carried_ties(links, members, places).assign(source="pair")
    frames = [carried[TIE_COLUMNS]]
    if explicit is not None and not explicit.empty:
        frames.append(explicit_ties(explicit, links, members, places))
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=TIE_COLUMNS)
    return pd.concat(frames, ignore_index=True).drop_duplicates().reset_index(drop=True)


def filter_ties(
    ties: pd.DataFrame, link_ids: set[str], fields: tuple[str, ...], unrestricted: bool
) -> pd.DataFrame:
    """Ties on the kept pairs (``link_ids``) and, when ``fields`` is set, in those fields.

    Explicit ties that ride on no pair are kept only when the filter is ``unrestricted`` apart
    from fields (no partner, year, city or level criterion could apply to them).
    """
    keep = ties["link_id"].isin(link_ids) | ((ties["link_id"] == "") & unrestricted)
    if fields:
        keep &= ties["field_id"].isin(fields)
    return ties.loc[keep]


def kept_link_ids(links: pd.DataFrame, ids: Iterable[str]) -> set[str]:
    """The ids among ``ids`` that name a pair of ``links``.

    Looked up from the pairs' side with the few ids of ties: pandas' ``isin`` turns its
    argument into an array first, so testing ties against every kept pair's id costs about
    90 ms at 25,000 links (building the set and converting it), this about 2 ms.
    """
    wanted = set(ids)
    if not wanted:
        return set()
    return set(links.loc[links["link_id"].isin(wanted), "link_id"])


def carrying_link_ids(ties: pd.DataFrame) -> set[str]:
    """Ids of the pairs that carry at least one tie."""
    return set(ties.loc[ties["link_id"] != "", "link_id"])


def coverage_by_country(links: pd.DataFrame, ties: pd.DataFrame) -> pd.DataFrame:
    """How many of each partner country's pairs carry a college tie.

    Returns: DataFrame with columns country_iso3, country_zh, country_en, pairs, carrying, share,
    sorted by carrying pairs then pairs (descending).
    """
    columns = ["country_iso3", "country_zh", "country_en", "pairs", "carrying", "share"]
    codes = links["country_iso3"]
    # A country's names follow from its code (contract.enrich), so its first row names it.
    # Counted in plain Python on the few countries: a pandas group-by cost more than the rest.
    first = first_rows(codes.to_numpy())
    rows_at = sorted(first.values())  # in the order the countries first appear
    firsts, zh, en = (
        links[column].take(rows_at).tolist()
        for column in ("country_iso3", "country_zh", "country_en")
    )
    pairs = codes.value_counts().to_dict()
    wanted = carrying_link_ids(ties)  # few: tested from the pairs' side (kept_link_ids)
    carried = Counter(links.loc[links["link_id"].isin(wanted), "country_iso3"]) if wanted else {}
    rows = [
        (
            code,
            name_zh,
            name_en,
            pairs[code],
            carried.get(code, 0),
            carried.get(code, 0) / pairs[code],
        )
        for code, name_zh, name_en in zip(firsts, zh, en, strict=True)
    ]
    rows.sort(key=lambda row: (-row[4], -row[3], row[0]))
    return pd.DataFrame(rows, columns=columns)


def coverage_by_field(
    links: pd.DataFrame, ties: pd.DataFrame, fields: pd.DataFrame
) -> pd.DataFrame:
    """How many of ``links`` carry a tie in each field; field_id '' counts ties without a field.

    Returns: DataFrame with columns field_id, name_zh, name_en, carrying (every field of
    ``fields`` listed, in its order, then '').
    """
    kept = kept_link_ids(links, ties["link_id"])
    carrying: dict[str, set[str]] = {}
    for link_id, field_id in zip(ties["link_id"], ties["field_id"], strict=True):
        if link_id in kept:
            carrying.setdefault(field_id, set()).add(link_id)
    rows = [
        (field_id, name_zh, name_en, len(carrying.get(field_id, ())))
        for field_id, name_zh, name_en in zip(
            fields["field_id"], fields["name_zh"], fields["name_en"], strict=True
        )
    ]
    rows.append(("", "", "", len(carrying.get("", ()))))
    return pd.DataFrame(rows, columns=["field_id", "name_zh", "name_en", "carrying"])


def member_countries(members: pd.DataFrame, places: pd.DataFrame) -> set[str]:
    """ISO3 codes of the countries where foreign members sit."""
    foreign = set(members.loc[members["side"] == "foreign", "place_id"])
    return set(places.loc[places["place_id"].isin(foreign), "country_iso3"]) if foreign else set()


def alliance_countries(facts: dict, members: pd.DataFrame, places: pd.DataFrame) -> list[str]:
    """The alliance's countries known by name: facts' named countries plus foreign members'."""
    named = [str(code) for code in facts.get("named_countries", [])]
    extra = sorted(member_countries(members, places) - set(named))
    return list(dict.fromkeys(named + extra))


def countries_without_ties(
    links: pd.DataFrame, ties: pd.DataFrame, countries: list[str]
) -> pd.DataFrame:
    """Alliance countries where no pair of ``links`` carries a college tie yet.

    Returns: DataFrame with columns country_iso3 and pairs (Guangxi's pairs with that country
    in ``links``; 0 when none is known), in the order of ``countries``.
    """
    carried = set(links.loc[links["link_id"].isin(carrying_link_ids(ties)), "country_iso3"])
    counts = links["country_iso3"].value_counts()
    rows = [(code, int(counts.get(code, 0))) for code in countries if code not in carried]
    return pd.DataFrame(rows, columns=["country_iso3", "pairs"])


def pairs_in_alliance_countries(links: pd.DataFrame, countries: list[str]) -> pd.DataFrame:
    """Guangxi's sister-city pairs with partners in alliance countries (context, not members)."""
    return links.loc[links["country_iso3"].isin(countries)]


def named_counts(members: pd.DataFrame, facts: dict) -> dict[str, int | None]:
    """Colleges named in ``members`` against the founding counts (None when a count is unknown).

    Returns: dict with guangxi_named, guangxi_total, foreign_named, foreign_total.
    """
    named = colleges(members)
    counts = facts.get("founding_counts", {})
    return {
        "guangxi_named": int((named["side"] == "guangxi").sum()),
        "guangxi_total": counts.get("guangxi_colleges"),
        "foreign_named": int((named["side"] == "foreign").sum()),
        "foreign_total": counts.get("foreign_colleges"),
    }


def roster_alliance_countries(
    data: Dataset, members: pd.DataFrame, roster_countries: bool = True
) -> list[str]:
    """:func:`alliance_countries` of a roster (only the named ones for a fictional roster).

    A fictional roster (``roster_countries`` False) places no real college in a country.
    """
    placed = members if roster_countries else members.iloc[0:0]
    return alliance_countries(data.alliance.facts, placed, data.places)


@dataclass(frozen=True, eq=False)
class AllianceView:
    """What the alliance page shows for one roster and one filter.

    ``ties`` are all college ties on every pair (they drive the field filter); ``links`` the
    filtered pairs; ``shown`` the ties on those pairs (and in the chosen fields).
    """

    members: pd.DataFrame
    ties: pd.DataFrame
    links: pd.DataFrame
    shown: pd.DataFrame
    countries: list[str]


def build_view(
    data: Dataset,
    members: pd.DataFrame,
    spec: LinkFilter,
    roster_countries: bool = True,
    ties: pd.DataFrame | None = None,
    kept: pd.DataFrame | None = None,
) -> AllianceView:
    """Ties, filtered pairs and alliance countries for ``members`` under ``spec``.

    With ``roster_countries`` False (a fictional roster) the alliance's countries are only
    those the founding facts name. ``ties``, when given, are :func:`college_ties` of the data
    and ``members`` already computed (they do not depend on the filter). ``kept``, when given,
    is ``apply_filter(data.links, spec)`` for a ``spec`` without fields (the only criterion
    that depends on the ties).
    """
    if ties is None:
        ties = college_ties(data.links, members, data.places, data.alliance.ties)
    if kept is not None and not spec.fields:
        links = kept
    else:
        links = apply_filter(data.links, spec, field_link_ids(ties))
    unrestricted = LinkFilter(fields=spec.fields) == spec
    shown = filter_ties(ties, kept_link_ids(links, ties["link_id"]), spec.fields, unrestricted)
    countries = roster_alliance_countries(data, members, roster_countries)
    return AllianceView(members, ties, links, shown, countries)


def tie_summary(ties: pd.DataFrame) -> dict[str, int]:
    """Counts of a set of ties: college pairs joined, sister-city pairs, colleges on each side."""
    joined = ties[["guangxi_member_id", "foreign_member_id"]].drop_duplicates()
    return {
        "ties": len(joined),
        "pairs": len(carrying_link_ids(ties)),
        "guangxi": int(joined["guangxi_member_id"].nunique()),
        "foreign": int(joined["foreign_member_id"].nunique()),
    }


def has_fields(members: pd.DataFrame) -> bool:
    """True when at least one member lists a field."""
    return "fields" in members and bool((members["fields"].fillna("") != "").any())


def filter_fields(
    fields: pd.DataFrame, members: pd.DataFrame, ties: pd.DataFrame
) -> frozenset[str]:
    """The field ids the shared field filter offers: none while no member has a field.

    No public source assigns fields to members; a filter on fields then keeps no pair and
    would blank every page, so it is offered only once a member lists a field or a tie (of
    ``ties``, as :func:`carried_ties` returns them) names one; then every field is offered.
    """
    named = "field_id" in ties and bool((ties["field_id"].fillna("") != "").any())
    if not (has_fields(members) or named):
        return frozenset()
    return frozenset(fields["field_id"])
