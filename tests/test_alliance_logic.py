import pandas as pd

from sistercities.alliance.ties import carried_ties, containing_places, field_link_ids, member_reach

PLACES = pd.DataFrame(
    {
        "place_id": [
            "cn-450000",
            "cn-450100",
            "cn-450103",
            "cn-450300",
            "tha-a",
            "tha-a-town",
            "jpn-b",
        ],
        "parent_id": ["", "cn-450000", "cn-450100", "cn-450000", "", "tha-a", ""],
    }
)
LINKS = pd.DataFrame(
    {
        "link_id": ["cn-450100--tha-a", "cn-450300--jpn-b", "cn-450000--tha-a"],
        "home_place_id": ["cn-450100", "cn-450300", "cn-450000"],
        "partner_place_id": ["tha-a", "jpn-b", "tha-a"],
    }
)


def members(rows):
    return pd.DataFrame(rows, columns=["member_id", "side", "place_id", "fields"])


def test_containing_places_walks_up_and_stops_on_cycles():
    parent_of = {"c": "b", "b": "a", "a": ""}
    assert containing_places("c", parent_of) == ["c", "b", "a"]
    assert containing_places("x", {"x": "y", "y": "x"}) == ["x", "y"]


def test_county_member_counts_for_prefecture_and_region_pairs():
    roster = members([("g1", "guangxi", "cn-450103", "it"), ("f1", "foreign", "tha-a-town", "it")])
    ties = carried_ties(LINKS, roster, PLACES)
    assert sorted(ties["link_id"]) == ["cn-450000--tha-a", "cn-450100--tha-a"]
    assert set(ties["field_id"]) == {"it"}


def test_fields_must_match_unless_blank():
    roster = members([("g1", "guangxi", "cn-450100", "it"), ("f1", "foreign", "tha-a", "hotel")])
    assert carried_ties(LINKS, roster, PLACES).empty
    roster = members([("g1", "guangxi", "cn-450100", ""), ("f1", "foreign", "tha-a", "hotel")])
    ties = carried_ties(LINKS, roster, PLACES)
    assert list(ties["field_id"].unique()) == [""]


def test_no_tie_without_a_member_on_both_sides():
    roster = members([("g1", "guangxi", "cn-450300", "it")])
    assert carried_ties(LINKS, roster, PLACES).empty


def test_field_link_ids_groups_by_field():
    roster = members(
        [("g1", "guangxi", "cn-450100", "it;civil"), ("f1", "foreign", "tha-a", "it;civil")]
    )
    ties = carried_ties(LINKS, roster, PLACES)
    mapping = field_link_ids(ties)
    assert mapping == {
        "it": {"cn-450100--tha-a", "cn-450000--tha-a"},
        "civil": {"cn-450100--tha-a", "cn-450000--tha-a"},
    }


def test_member_reach_lists_every_field():
    roster = members([("g1", "guangxi", "cn-450103", "it;civil")])
    reach = member_reach(roster, PLACES)
    assert len(reach) == 6  # 3 places x 2 fields
