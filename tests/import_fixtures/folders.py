"""A copy of the shipped data without the fixture's "new" pairs, so the import adds them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from sistercities.paths import DEFAULT_DATA_DIR
from sistercities.store.transactions import CONTRACT_FILES

HERE = Path(__file__).resolve().parent
XLSX = HERE / "official_list.xlsx"
CSV_GB18030 = HERE / "official_list_gb18030.csv"
EXPECTED = HERE / "expected.json"
REMOVED_LINKS = (
    "cn-450000--jpn-kumamoto-prefecture",
    "cn-450300--jpn-kumamoto",
    "cn-450200--usa-cincinnati",
    "cn-450100--mmr-yangon",
    "cn-450400--tha-chanthaburi-province",
    "cn-450100--aus-bundaberg",
    "cn-450300--nzl-hastings",
)


def reduced_folder(target: Path) -> Path:
    """Copy data/ to ``target`` minus REMOVED_LINKS and the places only they used."""
    for name in CONTRACT_FILES:
        source = DEFAULT_DATA_DIR / name
        if source.exists():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / name)
    links = pd.read_csv(target / "links.csv", dtype=str, keep_default_na=False)
    places = pd.read_csv(target / "places.csv", dtype=str, keep_default_na=False)
    kept = links.loc[~links["link_id"].isin(REMOVED_LINKS)]
    used = set(kept["home_place_id"]) | set(kept["partner_place_id"])
    members = pd.read_csv(target / "alliance" / "members.csv", dtype=str, keep_default_na=False)
    used |= set(members["place_id"]) | set(places["parent_id"])
    dropped = {p.split("--")[1] for p in REMOVED_LINKS} - used
    kept.to_csv(target / "links.csv", index=False, lineterminator="\n")
    places.loc[~places["place_id"].isin(dropped)].to_csv(
        target / "places.csv", index=False, lineterminator="\n"
    )
    return target
