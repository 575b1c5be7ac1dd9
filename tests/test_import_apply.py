"""Resolved rows -> places/links rows -> one change of the store; the import-table command."""

import datetime as dt
import json

import pytest

from sistercities.cli import main
from sistercities.dataset import dataset_version, load_dataset
from sistercities.importer.apply import apply_import, plan_import, source_note
from sistercities.importer.gazetteer import GeoNamesHits
from sistercities.importer.resolve import Resolver, RowInput, choose, typed_place
from sistercities.store import transactions as store
from tests.import_fixtures.folders import CSV_GB18030, XLSX, reduced_folder

DAY = dt.date(2024, 12, 1)


def no_geonames(wanted, countries):
    return GeoNamesHits({}, {}, {})


def resolve(folder, rows):
    data = load_dataset(folder).dataset
    return Resolver(data.places, data.countries, no_geonames).resolve(rows)


def test_source_note():
    assert source_note("外办名录", "list.xlsx", DAY) == "外办名录 (list.xlsx), imported 2024-12-01"
    assert source_note(" ", "list.xlsx", DAY) == "list.xlsx (list.xlsx), imported 2024-12-01"


def test_new_county_pair_adds_place_and_its_city(tiny_folder):
    rows = resolve(
        tiny_folder, [RowInput(2, "东兴市", "熊本市", country="日本", date="2015年10月")]
    )
    plan = plan_import(tiny_folder, rows, "外办名录", "list.xlsx", today=DAY)
    assert plan.ok, plan.problems
    added = plan.plan.diffs["places"].added.set_index("place_id")
    assert list(added.index) == ["cn-450600", "cn-450681"]  # Fangchenggang first, then Dongxing
    assert added.loc["cn-450681", "parent_id"] == "cn-450600"
    link = plan.plan.diffs["links"].added.iloc[0]
    assert link["link_id"] == "cn-450681--jpn-kumamoto"
    assert (link["level"], link["established"], link["confidence"]) == ("county", "2015-10", "high")
    assert link["source_note"] == "外办名录 (list.xlsx), imported 2024-12-01"
    record = apply_import(tiny_folder, plan, "王老师", "zh")
    links = load_dataset(tiny_folder).dataset.links.set_index("link_id")
    assert "cn-450681--jpn-kumamoto" in links.index and len(links) == 5
    assert store.last_undoable(tiny_folder).id == record.id
    store.undo_last(tiny_folder, "王老师")
    assert len(load_dataset(tiny_folder).dataset.links) == 4


def test_existing_pair_keeps_url_and_date_unless_refined(tiny_folder):
    rows = resolve(
        tiny_folder,
        [
            RowInput(2, "桂林", "熊本市", country="日本", date="1980"),  # conflicts: kept
            RowInput(3, "南宁市", "罗勇府", country="泰国", date="2005年3月8日"),  # refines 2005
            RowInput(4, "阳朔县", "阿讷西", country="法国", date="2013"),  # less precise: kept
        ],
    )
    plan = plan_import(tiny_folder, rows, "外办名录", "list.xlsx", today=DAY)
    changed = plan.plan.diffs["links"].changed
    dates = changed.loc[changed["column"] == "established"]
    assert dates[["key", "old", "new"]].values.tolist() == [
        ["cn-450100--tha-rayong", "2005", "2005-03-08"]
    ]
    notes = changed.loc[changed["column"] == "source_note"].set_index("key")
    assert notes.loc["cn-450100--tha-rayong", "new"] == (
        "Official list (test) | 外办名录 (list.xlsx), imported 2024-12-01"
    )
    assert not (changed["column"] == "source_url").any()  # source_url kept as it was
    assert plan.plan.diffs["links"].removed.empty  # an import never removes a pair
    taken = plan_import(tiny_folder, rows, "外办名录", "list.xlsx", take_table=True, today=DAY)
    dates = taken.plan.diffs["links"].changed.query("column == 'established'")
    assert set(dates["key"]) == {
        "cn-450300--jpn-kumamoto",
        "cn-450100--tha-rayong",
        "cn-450321--fra-annecy",
    }


def test_doubtful_rows_are_left_and_editor_picks_apply(tiny_folder):
    rows = resolve(tiny_folder, [RowInput(2, "南宁市", "班达伯格", country="澳大利亚")])
    plan = plan_import(tiny_folder, rows, "外办名录", "list.xlsx", today=DAY)
    assert not plan.ok and [r.source.row for r in plan.left] == [2]
    data = load_dataset(tiny_folder).dataset
    place = typed_place(
        rows[0], "AUS", "Bundaberg", -24.8662, 152.3479, set(data.places["place_id"])
    )
    picked = [choose(rows[0], "partner", place)]
    plan = plan_import(tiny_folder, picked, "外办名录", "list.xlsx", today=DAY)
    assert not plan.ok  # AUS is not in the tiny folder's countries: refused, nothing written
    assert any(p.code == "val.unknown_iso3" for p in plan.problems)


def test_markup_in_a_typed_name_is_refused(tiny_folder):
    rows = resolve(tiny_folder, [RowInput(2, "南宁市", "某城", country="日本")])
    place = typed_place(rows[0], "JPN", "<b>x</b>", 35.0, 135.0, set())
    plan = plan_import(tiny_folder, [choose(rows[0], "partner", place)], "", "l.csv", today=DAY)
    assert not plan.ok and any(p.code == "val.markup" for p in plan.problems)


# -- the command line ------------------------------------------------------------------------


@pytest.fixture
def reduced(tmp_path):
    return reduced_folder(tmp_path / "d")


def test_cli_prints_and_changes_nothing(reduced, capsys):
    before = dataset_version(reduced)
    assert main(["--lang", "en", "import-table", str(CSV_GB18030), "--data", str(reduced)]) == 0
    out = capsys.readouterr().out
    assert "row 3: 广西壮族自治区 -> cn-450000 | JPN | 熊本县 -> jpn-kumamoto-prefecture" in out
    assert "(32.8059, 130.6918)" in out
    assert "6 new, 1 differing, 5 unchanged" in out
    assert dataset_version(reduced) == before and store.history(reduced) == []


def test_cli_json_and_apply(reduced, capsys):
    args = ["import-table", str(XLSX), "--data", str(reduced), "--json", "--apply"]
    assert main([*args, "--list-name", "广西外办友城名录"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["left_for_editor"] == [8, 15, 16]
    assert len(out["rows"]) == 14 and out["rows"][0]["partner"]["method"] == "admin1"
    links = load_dataset(reduced).dataset.links.set_index("link_id")
    assert "cn-450100--mmr-yangon" in links.index
    assert "cn-450100--aus-bundaberg" not in links.index  # left for an editor
    assert links.loc["cn-450681--vnm-mong-cai", "established"] == "2015-10-20"  # data kept
    assert links.loc["cn-450681--vnm-mong-cai", "source_url"].startswith("https://baotintuc.vn/")
    assert len(store.history(reduced)) == 1


def test_cli_bad_table(reduced, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("联系人,电话\n张三,123\n", encoding="utf-8")
    assert main(["import-table", str(bad), "--data", str(reduced), "--apply"]) == 1
    assert "找不到外方城市列" in capsys.readouterr().err
    assert store.history(reduced) == []
