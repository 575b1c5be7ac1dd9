"""Tiny hand-made data folders and helpers shared by the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

COUNTRIES = """iso3,name_zh,name_en,continent,asean_since
CHN,中国,China,Asia,
JPN,日本,Japan,Asia,
THA,泰国,Thailand,Asia,1967
FRA,法国,France,Europe,
VNM,越南,Vietnam,Asia,1995
"""

PLACES = """place_id,name_zh,name_en,admin_type,country_iso3,lat,lon,admin_code,parent_id,coord_source,notes
cn-450000,广西壮族自治区,Guangxi,province,CHN,23.7,108.8,450000,,test,
cn-450100,南宁市,Nanning,prefecture,CHN,22.8,108.4,450100,cn-450000,test,
cn-450300,桂林市,Guilin,prefecture,CHN,25.3,110.3,450300,cn-450000,test,
cn-450321,阳朔县,Yangshuo County,county,CHN,24.8,110.5,450321,cn-450300,test,
jpn-kumamoto,熊本市,Kumamoto,city,JPN,32.8,130.7,,,test,
tha-rayong,罗勇府,Rayong Province,province,THA,12.7,101.3,,,test,
fra-annecy,阿讷西,Annecy,city,FRA,45.9,6.1,,,test,
vnm-meo-vac,,Meo Vac District,district,VNM,,,,,unknown,
"""

LINKS = """link_id,home_place_id,partner_place_id,level,established,ended,status,source_url,source_note,confidence,notes
cn-450300--jpn-kumamoto,cn-450300,jpn-kumamoto,prefecture,1979-10-01,,active,https://example.org/a,,high,
cn-450100--tha-rayong,cn-450100,tha-rayong,prefecture,2005,,active,,Official list (test),medium,
cn-450321--fra-annecy,cn-450321,fra-annecy,county,2013-02,,active,https://example.org/b,,high,
cn-450000--vnm-meo-vac,cn-450000,vnm-meo-vac,province,,,active,https://example.org/c,,low,
"""

TOTALS = """date,measure,value,source_url
2022-11-30,pairs,125,https://example.org/t
2024-11-12,pairs,132,https://example.org/t
2024-11-12,asean_pairs,61,https://example.org/t
"""

FIELDS = """field_id,name_zh,name_en
it,信息技术,Information technology
hotel,酒店管理,Hotel management
"""

MEMBERS = """member_id,side,name_zh,name_en,place_id,fields,joined,role,source_url,source_note,confidence
gx-a,guangxi,甲学院,College A,cn-450100,it,2022-11-30,initiator,https://example.org/m,,high
th-b,foreign,,College B,tha-rayong,it,2022-11-30,member,,Roster (test),medium
"""

META = {
    "home_name_zh": "广西壮族自治区",
    "home_name_en": "Guangxi Zhuang Autonomous Region",
    "home_admin_code": "450000",
    "as_of": "2024-11-12",
    "title_zh": "测试",
    "title_en": "Test",
    "source_note": "test data",
}

FACTS = {
    "name_zh": "测试联盟",
    "name_en": "Test alliance",
    "founded": "2022-11-30",
    "place_id": "cn-450100",
    "founding_counts": {"guangxi_colleges": 22, "foreign_colleges": 37},
    "sources": [{"url": "https://example.org/f", "title": "test"}],
}

FILES = {
    "countries.csv": COUNTRIES,
    "places.csv": PLACES,
    "links.csv": LINKS,
    "official_totals.csv": TOTALS,
    "alliance/fields.csv": FIELDS,
    "alliance/members.csv": MEMBERS,
}


def write_folder(root: Path, **overrides: str) -> Path:
    """Write the tiny folder; ``overrides`` replace files by name (dots for slashes, e.g.
    ``links_csv``)."""
    (root / "alliance").mkdir(parents=True, exist_ok=True)
    files = dict(FILES)
    for key, text in overrides.items():
        files[key.replace("__", "/").replace("_csv", ".csv")] = text
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "dataset.json").write_text(json.dumps(META, ensure_ascii=False), encoding="utf-8")
    (root / "alliance" / "facts.json").write_text(json.dumps(FACTS), encoding="utf-8")
    return root


@pytest.fixture
def tiny_folder(tmp_path: Path) -> Path:
    """A valid tiny data folder."""
    return write_folder(tmp_path / "data")


ROOT = Path(__file__).resolve().parent.parent


def app_path(name: str) -> str:
    """Absolute path of a page script for AppTest (``dashboard.py`` or ``pages/...``)."""
    return str(ROOT / name)


def open_app_page(folder: Path, monkeypatch: pytest.MonkeyPatch, page: str, **params: str):
    """AppTest of ``page`` on ``folder``: open the entry page with URL ``params``, switch."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(folder))
    at = AppTest.from_file(app_path("dashboard.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    return at


# --------------------------------------------------------------------------------------------
# Hand-made pairs for the network tests, with the tiny folder's places:
#
#     Guilin ─ Kumamoto ─ Nanning ─ Rayong        (a path of four)
#     Yangshuo ─ Annecy                           (Yangshuo is a county of Guilin)
#     Guangxi (the region) ─ Meo Vac              (undated)
#
# plus the part-of ties Yangshuo → Guilin → Guangxi ← Nanning, which no measure counts.

LINKS_HEADER = LINKS.splitlines()[0]
PATH_LINKS = "\n".join(
    [
        LINKS_HEADER,
        "cn-450300--jpn-kumamoto,cn-450300,jpn-kumamoto,prefecture,1979-10-01,,active,,x,high,",
        "cn-450100--jpn-kumamoto,cn-450100,jpn-kumamoto,prefecture,1990,,active,,x,high,",
        "cn-450100--tha-rayong,cn-450100,tha-rayong,prefecture,2005,,active,,x,medium,",
        "cn-450321--fra-annecy,cn-450321,fra-annecy,county,2013-02,,active,,x,high,",
        "cn-450000--vnm-meo-vac,cn-450000,vnm-meo-vac,province,,,active,,x,low,",
    ]
)
# Three more Japanese and three Thai partners (for star_links: two clear communities).
EXTRA_PLACES = "".join(
    f"{iso.lower()}-t{n},测试{n},Test {iso} {n},city,{iso},{lat},{lon},,,test,\n"
    for iso, lat, lon in (("JPN", 35.0, 135.0), ("THA", 14.0, 100.0))
    for n in range(3)
)


def star_links() -> str:
    """Guilin paired with the three Japanese test cities, Nanning with the three Thai ones."""
    rows = [LINKS_HEADER]
    for iso, home in (("jpn", "cn-450300"), ("tha", "cn-450100")):
        for n in range(3):
            rows.append(f"{home}--{iso}-t{n},{home},{iso}-t{n},prefecture,2000,,active,,x,high,")
    return "\n".join(rows)


def graph_dataset(tmp_path: Path, links: str, places: str = PLACES):
    """The dataset of a tiny folder (under ``tmp_path/d``) holding these pairs and places."""
    from sistercities.dataset import load_dataset

    return load_dataset(write_folder(tmp_path / "d", links_csv=links, places_csv=places)).dataset
