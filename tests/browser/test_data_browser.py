"""The data page in Chromium, offline: an editor adds a pair, sees it, undoes it; markup stays text."""

import pytest

from tests.browser.conftest import assert_no_streamlit_exception, screenshot
from tests.fixtures_data import PLACES, write_folder
from tests.store_versions import NEW_LINK, NEW_PLACE
from tools.serving import start_server, stop_server, wait_for_app

PH = "place_id,name_zh,name_en,admin_type,country_iso3,lat,lon,admin_code,parent_id,coord_source,notes\n"
LH = "link_id,home_place_id,partner_place_id,level,established,ended,status,source_url,source_note,confidence,notes\n"
SCRIPT = "<script>window.__xss=1</script><img src=x onerror=window.__xss=2>"
PASSWORD = "browser-test"


@pytest.fixture
def editor_server(tmp_path):
    folder = write_folder(tmp_path / "data")
    running = start_server(folder, {"SISTERCITIES_EDITOR_PASSWORD": PASSWORD})
    yield running
    stop_server(running)


@pytest.fixture
def script_server(tmp_path):
    places = PLACES.replace("Annecy", SCRIPT.replace(",", " "))
    folder = write_folder(tmp_path / "data", places_csv=places)
    running = start_server(folder, {"SISTERCITIES_EDITOR_PASSWORD": PASSWORD})
    yield running
    stop_server(running)


def pair_count(page, url):
    page.goto(url + "/")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMetricValue"]')
    return page.locator('[data-testid="stMetricValue"]').first.inner_text().strip()


def unlock(page, url, who):
    page.goto(url + "/data")
    wait_for_app(page)
    page.get_by_label("编辑密码").fill(PASSWORD)
    page.get_by_role("button", name="进入编辑").click()
    wait_for_app(page)
    page.get_by_label("您的姓名（记入修改日志）").fill(who)
    page.get_by_label("您的姓名（记入修改日志）").press("Enter")
    wait_for_app(page)


def upload(page, files):
    payload = [{"name": n, "mimeType": "text/csv", "buffer": b} for n, b in files]
    page.locator('input[type="file"]').set_input_files(payload)
    page.get_by_text("检查通过").wait_for(timeout=30_000)
    wait_for_app(page)


def test_editor_adds_a_pair_sees_it_and_undoes_it(editor_server, offline_page):
    page, url = offline_page.page, editor_server.url
    assert pair_count(page, url) == "4"
    unlock(page, url, "测试编辑")
    upload(
        page, [("places.csv", (PH + NEW_PLACE).encode()), ("pairs.csv", (LH + NEW_LINK).encode())]
    )
    assert "新增 1" in page.inner_text("body")
    screenshot(page, "data-preview")
    page.get_by_role("button", name="应用此更新").click()
    page.get_by_text("已保存").wait_for(timeout=30_000)
    wait_for_app(page)
    assert_no_streamlit_exception(page)
    assert pair_count(page, url) == "5"
    page.goto(url + "/map")  # the map page runs on the edited folder too
    wait_for_app(page)
    assert_no_streamlit_exception(page)
    unlock(page, url, "测试编辑")
    page.get_by_role("button", name="撤销最近一次修改").click()
    page.get_by_text("已撤销").wait_for(timeout=30_000)
    wait_for_app(page)
    screenshot(page, "data-undone")
    assert pair_count(page, url) == "4"
    assert offline_page.external == []
    assert offline_page.page_errors == []


def test_markup_in_names_shows_as_text_and_never_runs(script_server, offline_page):
    page, url = offline_page.page, script_server.url
    for path in ("/", "/map", "/data", "/network", "/alliance"):
        page.goto(url + path)
        wait_for_app(page)
        assert_no_streamlit_exception(page)
        assert page.evaluate("window.__xss") is None
    # A name typed by an editor is logged and shown back as plain text.
    unlock(page, url, SCRIPT)
    notes = (
        LH
        + "cn-450100--tha-rayong,cn-450100,tha-rayong,prefecture,2005,,active,,Official list (test),medium,renewed\n"
    )
    upload(page, [("pairs.csv", notes.encode())])
    page.get_by_role("button", name="应用此更新").click()
    page.get_by_text("已保存").wait_for(timeout=30_000)
    wait_for_app(page)
    assert SCRIPT in page.inner_text("body")
    assert page.evaluate("window.__xss") is None
    # An upload holding markup is refused with a message that quotes it as text.
    upload_bad = PH + NEW_PLACE.replace("Kyoto", "<b>Kyoto</b>")
    page.locator('input[type="file"]').set_input_files(
        [{"name": "bad.csv", "mimeType": "text/csv", "buffer": upload_bad.encode()}]
    )
    page.get_by_text("发现 1 个错误").wait_for(timeout=30_000)
    screenshot(page, "data-markup-refused")
    assert page.evaluate("window.__xss") is None
    assert offline_page.page_errors == []
    assert offline_page.external == []
