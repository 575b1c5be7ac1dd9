"""The field filter never blanks the product (issue #19, section 1).

No public source assigns fields to members: the filter is then off (shown disabled, saying why
and how to load a roster) and a ``field`` URL parameter is ignored with a notice. Once a member
has a field it applies as ``filters`` defines, and the sidebar says how many pairs it leaves.
"""

import pytest

from sistercities.alliance.ties import carried_ties, filter_fields
from sistercities.dataset import load_dataset
from tests.fixtures_data import MEMBERS, open_app_page, write_folder

NO_FIELDS = MEMBERS.replace(",it,", ",,")
PAGES = ("dashboard.py", "pages/1_map.py", "pages/2_network.py")


def _texts(at) -> str:
    kinds = ("info", "caption", "markdown", "warning", "error")
    return " ".join(str(e.value) for kind in kinds for e in getattr(at, kind))


def test_fields_are_offered_only_once_a_member_has_one(tmp_path):
    bare = load_dataset(write_folder(tmp_path / "a", alliance__members_csv=NO_FIELDS)).dataset
    ties = carried_ties(bare.links, bare.alliance.members, bare.places)
    assert filter_fields(bare.alliance.fields, bare.alliance.members, ties) == frozenset()
    full = load_dataset(write_folder(tmp_path / "b")).dataset
    ties = carried_ties(full.links, full.alliance.members, full.places)
    assert filter_fields(full.alliance.fields, full.alliance.members, ties) == {"it", "hotel"}


@pytest.mark.parametrize("page", PAGES)
def test_a_field_in_the_url_without_field_data_blanks_nothing(tmp_path, monkeypatch, page):
    folder = write_folder(tmp_path / "d", alliance__members_csv=NO_FIELDS)
    at = open_app_page(folder, monkeypatch, page, field="it")
    shown = _texts(at)
    assert "当前筛选下没有友城" not in shown
    assert "field" not in at.query_params  # ignored, and said so in a notice
    off = at.multiselect(key="w.f.fields_off")
    assert off.disabled and off.value == []
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "此筛选暂不可用" in captions and "数据" in captions and "fields" in captions


def test_with_fields_the_filter_applies_and_says_how_many_pairs_it_leaves(tmp_path, monkeypatch):
    folder = write_folder(tmp_path / "d")  # both members list "it": one pair carries the tie
    at = open_app_page(folder, monkeypatch, "dashboard.py", field="it", lang="en")
    assert at.multiselect(key="w.f.fields").value == ["it"]
    assert not at.multiselect(key="w.f.fields").disabled
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "1 pair left: those carrying a college tie in the chosen fields" in captions
    at.multiselect(key="w.f.fields").set_value(["hotel"]).run()
    assert "0 pairs left" in " ".join(c.value for c in at.sidebar.caption)
    at.multiselect(key="w.f.fields").set_value([]).run()
    assert "left:" not in " ".join(c.value for c in at.sidebar.caption)
