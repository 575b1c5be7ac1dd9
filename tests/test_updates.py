"""Planning uploads: detection, merge and replace, diffs, row labels, staleness, safe exports."""

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from sistercities.dataset import load_dataset
from sistercities.exports import csv_bytes, xlsx_bytes
from sistercities.store import transactions as store
from sistercities.store import updates
from tests.store_versions import NEW_LINK, NEW_PLACE

PH = "place_id,name_zh,name_en,admin_type,country_iso3,lat,lon,admin_code,parent_id,coord_source,notes\n"
LH = "link_id,home_place_id,partner_place_id,level,established,ended,status,source_url,source_note,confidence,notes\n"


def plan(folder, *files, mode="merge"):
    return updates.plan_update(folder, list(files), mode, dt.date(2025, 6, 1))


def test_places_and_pairs_together_add_a_pair(tiny_folder):
    result = plan(
        tiny_folder, ("p.csv", (PH + NEW_PLACE).encode()), ("l.csv", (LH + NEW_LINK).encode())
    )
    assert result.ok, result.problems
    assert result.summary("en") == (
        "places: 1 added, 0 changed, 0 removed; pairs: 1 added, 0 changed, 0 removed"
    )
    updates.apply_plan(tiny_folder, result, "ed", "en")
    assert "cn-450300--jpn-kyoto" in set(load_dataset(tiny_folder).dataset.links["link_id"])


def test_merge_updates_only_given_columns_and_keeps_other_rows(tiny_folder):
    upload = "link_id,established,notes\ncn-450100--tha-rayong,2005-06,renewed\n"
    result = plan(tiny_folder, ("u.csv", upload.encode()))
    assert result.ok, result.problems
    changed = result.diffs["links"].changed
    assert set(changed["column"]) == {"established", "notes"}
    assert changed.set_index("column").at["established", "old"] == "2005"
    new_links = pd.read_csv(io.BytesIO(result.files["links.csv"]), dtype=str, keep_default_na=False)
    assert len(new_links) == 4
    assert new_links.set_index("link_id").at["cn-450100--tha-rayong", "source_note"] == (
        "Official list (test)"
    )


def test_replace_removes_missing_rows_and_checks_references(tiny_folder):
    one = (
        LH
        + "cn-450300--jpn-kumamoto,cn-450300,jpn-kumamoto,prefecture,1979-10-01,,active,https://example.org/a,,high,\n"
    )
    result = plan(tiny_folder, ("all.csv", one.encode()), mode="replace")
    assert result.ok
    assert result.diffs["links"].counts() == {"added": 0, "removed": 3, "changed": 0}
    # Replacing places with a table that drops a place still used by pairs is refused,
    # and the problem names the existing pairs file and row.
    places = PH + "cn-450000,广西壮族自治区,Guangxi,province,CHN,23.7,108.8,450000,,test,\n"
    refused = plan(tiny_folder, ("places.csv", places.encode()), mode="replace")
    assert not refused.ok
    unknown = [p for p in refused.problems if p.code == "val.unknown_place"]
    assert unknown and unknown[0].file == "links.csv"


def test_problems_point_at_the_uploaded_row(tiny_folder):
    upload = (
        LH
        + NEW_LINK.replace("jpn-kyoto", "jpn-kumamoto")
        .replace("cn-450300--jpn-kumamoto", "cn-450100--jpn-kumamoto")
        .replace("cn-450300,", "cn-450100,")
        + NEW_LINK
    )
    result = plan(tiny_folder, ("mine.csv", upload.encode()))
    where = [(p.file, p.row, p.column, p.code) for p in result.problems]
    assert ("mine.csv", 3, "partner_place_id", "val.unknown_place") in where
    assert all(p.file == "mine.csv" for p in result.problems)


def test_no_change_cannot_be_applied(tiny_folder):
    same = (tiny_folder / "links.csv").read_bytes()
    result = plan(tiny_folder, ("same.csv", same))
    assert not result.ok and result.summary("en") == "nothing changes"
    with pytest.raises(store.StoreError) as caught:
        updates.apply_plan(tiny_folder, result, "x", "en")
    assert caught.value.code == "upd.not_ready"


def test_stale_plan_is_refused(tiny_folder):
    first = plan(tiny_folder, ("p.csv", (PH + NEW_PLACE).encode()))
    other = plan(tiny_folder, ("r.csv", b"link_id,notes\ncn-450100--tha-rayong,x\n"))
    updates.apply_plan(tiny_folder, other, "someone else", "en")
    with pytest.raises(store.StoreError) as caught:
        updates.apply_plan(tiny_folder, first, "me", "en")
    assert caught.value.code == "store.stale"


def test_same_kind_twice_is_refused(tiny_folder):
    result = plan(
        tiny_folder, ("a.csv", (PH + NEW_PLACE).encode()), ("b.csv", (PH + NEW_PLACE).encode())
    )
    assert [p.code for p in result.problems] == ["upd.same_kind_twice"]


def test_excel_dates_and_unknown_columns(tiny_folder):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["link_id", "established", "comment"])
    sheet.append(["cn-450100--tha-rayong", dt.datetime(2005, 6, 1), "from the archive"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = plan(tiny_folder, ("u.xlsx", buffer.getvalue()))
    assert result.ok, result.problems
    assert list(result.diffs["links"].changed["new"]) == ["2005-06-01"]
    assert [(p.code, p.column, p.severity) for p in result.problems] == [
        ("val.extra_column", "comment", "warning")
    ]


def test_plan_rows_for_an_import(tiny_folder):
    """An import of officials' tables hands rows over directly."""
    rows = pd.DataFrame([{"member_id": "th-b", "name_zh": "乙学院"}])
    result = updates.plan_rows(tiny_folder, {"members": (rows, "officials.xlsx")})
    assert result.ok and result.diffs["members"].counts()["changed"] == 1
    duplicated = pd.concat([rows, rows])
    refused = updates.plan_rows(tiny_folder, {"members": (duplicated.reset_index(drop=True), "o")})
    assert [p.code for p in refused.problems] == ["val.duplicate_id"]


def test_exports_never_carry_formulas():
    frame = pd.DataFrame(
        {"name": ["=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)", "Nanning"], "n": [1, 2, 3, 4]}
    )
    text = csv_bytes(frame).decode("utf-8-sig")
    assert "\n'=cmd" in text and "\n'+1+1" in text and "\n'@SUM" in text and "\nNanning" in text
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(frame))).active
    values = [sheet.cell(row=r, column=1) for r in range(2, 6)]
    assert all(cell.data_type == "s" for cell in values)
    assert [c.value for c in values][:3] == ["'=cmd|' /C calc'!A0", "'+1+1", "'@SUM(A1)"]


def test_shipped_data_holds_no_markup_or_formula_cells():
    """The dataframe toolbar's own CSV download exports cells as they are: keep them safe."""
    from sistercities.contract.reading import read_csv_file
    from sistercities.paths import DEFAULT_DATA_DIR

    paths = sorted(DEFAULT_DATA_DIR.rglob("*.csv"))
    names = {path.relative_to(DEFAULT_DATA_DIR).as_posix() for path in paths}
    assert {"places.csv", "links.csv", "alliance/members.csv"} <= names
    for path in paths:
        frame = read_csv_file(path).frame
        assert frame is not None and not frame.empty, path
        found = updates.unsafe_cells(frame, path.name)
        assert found == [], [p.describe("en") for p in found[:5]]
        # the check does look at this table: one planted formula is found
        planted = frame.copy()
        planted.iloc[0, 0] = "=1+1"
        assert [p.code for p in updates.unsafe_cells(planted, path.name)] == ["val.formula"]
