"""AppTest of the data page: read-only without a password; upload, preview, apply and undo."""

import pytest
from streamlit.testing.v1 import AppTest

from sistercities.dataset import load_dataset
from sistercities.store import transactions as store
from tests.fixtures_data import app_path, write_folder
from tests.store_versions import NEW_LINK, NEW_PLACE

PLACES_HEADER = "place_id,name_zh,name_en,admin_type,country_iso3,lat,lon,admin_code,parent_id,coord_source,notes\n"
LINKS_HEADER = "link_id,home_place_id,partner_place_id,level,established,ended,status,source_url,source_note,confidence,notes\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    root = write_folder(tmp_path / "d")
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(root))
    monkeypatch.delenv("SISTERCITIES_EDITOR_PASSWORD", raising=False)
    return root


def page(lang=None, secrets=None):
    """The data page, reached from the entry page as a user would (page links need that)."""
    at = AppTest.from_file(app_path("dashboard.py"), default_timeout=60)
    if lang:
        at.query_params["lang"] = lang
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    at.run()
    return at.switch_page("pages/4_data.py")


def texts(at):
    return " ".join(
        str(e.value)
        for kind in ("success", "error", "info", "warning", "caption", "text")
        for e in getattr(at, kind)
    )


def test_read_only_without_password(folder):
    at = page().run()
    assert not at.exception
    assert len(at.file_uploader) == 0
    assert [w.key for w in at.text_input] == ["data.q.pairs", "data.q.places", "data.q.members"]
    assert "只读" in texts(at)
    assert len(at.dataframe) >= 4  # pairs, places, members, official totals
    assert "校验" in " ".join(tab.label for tab in at.tabs)


def test_search_filters_a_table(folder):
    at = page().run()
    at.text_input(key="data.q.pairs").set_value("kumamoto").run()
    frame = at.dataframe[0].value
    assert list(frame["link_id"]) == ["cn-450300--jpn-kumamoto"]
    assert "显示 1 / 4 行" in texts(at)


def test_wrong_password_keeps_editor_locked(folder, monkeypatch):
    monkeypatch.setenv("SISTERCITIES_EDITOR_PASSWORD", "s3cret")
    at = page().run()
    at.text_input(key="data.pw").set_value("guess").run()
    at.button(key="data.unlock").click().run()
    assert "密码错误" in texts(at)
    assert len(at.file_uploader) == 0


def unlock(at):
    at.run()
    at.text_input(key="data.pw").set_value("s3cret").run()
    at.button(key="data.unlock").click().run()
    assert len(at.file_uploader) == 1
    return at


def test_upload_preview_apply_undo(folder, monkeypatch):
    monkeypatch.setenv("SISTERCITIES_EDITOR_PASSWORD", "s3cret")
    at = unlock(page())
    at.text_input(key="data.who").set_value("王老师").run()
    at.file_uploader[0].set_value(
        [
            ("new_places.csv", (PLACES_HEADER + NEW_PLACE).encode(), "text/csv"),
            ("new_pairs.csv", (LINKS_HEADER + NEW_LINK).encode(), "text/csv"),
        ]
    ).run()
    assert not at.exception
    shown = texts(at) + " ".join(m.value for m in at.markdown)
    assert "检查通过" in shown and "新增 1" in shown
    assert any("cn-450300--jpn-kyoto" in set(df.value.get("link_id", [])) for df in at.dataframe)
    assert load_dataset(folder).dataset.links.shape[0] == 4  # preview changes nothing
    at.button(key="data.apply").click().run()
    assert not at.exception
    assert "已保存" in texts(at)
    assert len(load_dataset(folder).dataset.links) == 5
    assert store.history(folder)[-1].who == "王老师"
    assert "cn-450300--jpn-kyoto" in set(at.dataframe[0].value["link_id"])  # new version shown
    at.button(key="data.undo").click().run()
    assert "已撤销" in texts(at)
    assert len(load_dataset(folder).dataset.links) == 4
    assert "cn-450300--jpn-kyoto" not in set(at.dataframe[0].value["link_id"])


def test_bad_upload_shows_report_and_no_apply(folder, monkeypatch):
    monkeypatch.setenv("SISTERCITIES_EDITOR_PASSWORD", "s3cret")
    at = unlock(page())
    at.file_uploader[0].set_value(
        ("pairs.csv", (LINKS_HEADER + NEW_LINK).encode(), "text/csv")
    ).run()
    assert not at.exception
    assert "发现 1 个错误" in texts(at)
    report = at.dataframe[-1].value
    assert list(report.iloc[0])[1:4] == ["pairs.csv", 2, "partner_place_id"]
    assert "指向未知地点" in report.iloc[0, 4]
    assert not [b for b in at.button if b.key == "data.apply"]


def test_english_report(folder, monkeypatch):
    monkeypatch.setenv("SISTERCITIES_EDITOR_PASSWORD", "s3cret")
    at = unlock(page(lang="en"))
    at.file_uploader[0].set_value(("x.csv", b"foo,bar\n1,2\n", "text/csv")).run()
    assert "unknown kind of table" in at.dataframe[-1].value.iloc[0, 4]


def test_secrets_password_is_used(folder, tmp_path):
    at = page(secrets={"editor_password": "from-secrets"}).run()
    assert not at.exception
    at.text_input(key="data.pw").set_value("from-secrets").run()
    at.button(key="data.unlock").click().run()
    assert len(at.file_uploader) == 1


def test_a_full_disk_during_apply_says_so_and_that_nothing_changed(tmp_path, monkeypatch):
    """Issue #19 section 8: a real full disk (tmpfs) during a save on the Data page."""
    from tests.test_store import full_disk

    monkeypatch.setenv("SISTERCITIES_EDITOR_PASSWORD", "s3cret")
    monkeypatch.delenv("SISTERCITIES_DATA_DIR", raising=False)
    with full_disk(tmp_path) as folder:
        monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(folder))
        at = unlock(page(lang="en"))
        at.file_uploader[0].set_value(
            [
                ("new_places.csv", (PLACES_HEADER + NEW_PLACE).encode(), "text/csv"),
                ("new_pairs.csv", (LINKS_HEADER + NEW_LINK).encode(), "text/csv"),
            ]
        ).run()
        at.button(key="data.apply").click().run()
        assert not at.exception
        shown = texts(at)
        assert "disk filled up" in shown and "nothing was changed" in shown
        assert len(load_dataset(folder).dataset.links) == 4
        assert not store.needs_recovery(folder) and store.history(folder) == []
