"""Fictional data says so (issue #19, section 6): ``synth`` marks its folder, the app tells."""

import json

import pytest

from sistercities.dataset import load_dataset
from sistercities.exports import figure_note
from sistercities.synth import write_synthetic
from tests.fixtures_data import open_app_page, write_folder

PAGES = ("dashboard.py", "pages/1_map.py", "pages/2_network.py", "pages/3_alliance.py")


@pytest.fixture(scope="module")
def synth_folder(tmp_path_factory):
    return write_synthetic(tmp_path_factory.mktemp("synth") / "data", links=60, seed=1)


def test_synth_marks_its_folder_fictional_and_writes_no_official_totals(synth_folder):
    meta = json.loads((synth_folder / "dataset.json").read_text(encoding="utf-8"))
    assert meta["synthetic"] is True
    result = load_dataset(synth_folder)
    assert result.ok and result.dataset.synthetic
    assert result.dataset.official_totals.empty


def test_validation_accepts_the_flag_and_rejects_a_non_boolean(tmp_path):
    folder = write_folder(tmp_path / "d")
    meta = json.loads((folder / "dataset.json").read_text(encoding="utf-8"))
    for value, ok in ((True, True), (False, True), ("yes", False)):
        (folder / "dataset.json").write_text(json.dumps({**meta, "synthetic": value}), "utf-8")
        result = load_dataset(folder)
        assert result.ok is ok, value
        if ok:
            assert result.dataset.synthetic is value
        else:
            assert [p.code for p in result.problems] == ["val.not_boolean"]
    assert not load_dataset(write_folder(tmp_path / "e")).dataset.synthetic  # no key: real


def test_the_figure_stamp_says_fictional():
    assert "fictional data" in figure_note("2024-11-12", "All pairs", "en", synthetic=True)
    assert "public sources" not in figure_note("2024-11-12", "All", "en", synthetic=True)
    assert "虚构数据" in figure_note("2024-11-12", "全部", "zh", synthetic=True)


def _shown(at) -> str:
    kinds = ("warning", "info", "caption", "markdown", "success", "error")
    return " ".join(str(e.value) for kind in kinds for e in getattr(at, kind))


@pytest.mark.parametrize("page", [*PAGES, "pages/4_data.py"])
def test_every_page_says_fictional_and_shows_no_completeness_line(synth_folder, monkeypatch, page):
    at = open_app_page(synth_folder, monkeypatch, page, lang="en")
    shown = _shown(at)
    assert "Fictional data" in shown
    assert "officially reported" not in shown and "public source" not in shown
    stamps = " ".join(
        json.dumps(json.loads(chart.proto.spec).get("layout", {}).get("annotations", []))
        for chart in at.get("plotly_chart")
    )
    assert "public sources" not in stamps
    if page in ("dashboard.py", "pages/1_map.py"):
        assert "fictional data" in stamps  # every figure's stamp
