"""Two whole versions of the tiny dataset, A and B, for store tests (imports no pandas)."""

import json

from tests.fixtures_data import LINKS, MEMBERS, META, PLACES

NEW_PLACE = "jpn-kyoto,京都市,Kyoto,city,JPN,35.0,135.8,,,test,\n"
NEW_LINK = "cn-450300--jpn-kyoto,cn-450300,jpn-kyoto,prefecture,2001,,active,https://example.org/k,,high,\n"
NEW_MEMBER = "jp-c,foreign,,College C,jpn-kyoto,it,2023,member,,Roster (test),medium\n"


def version_files(tag: str) -> dict[str, bytes]:
    """The four files of dataset ``A`` (the tiny folder) or ``B`` (one pair more), in step."""
    meta = {**META, "title_en": tag}
    places, links, members = PLACES, LINKS, MEMBERS
    if tag == "B":
        places, links, members = PLACES + NEW_PLACE, LINKS + NEW_LINK, MEMBERS + NEW_MEMBER
    return {
        "dataset.json": json.dumps(meta, ensure_ascii=False).encode(),
        "places.csv": places.encode(),
        "links.csv": links.encode(),
        "alliance/members.csv": members.encode(),
    }
