"""Chromium, offline: an editor imports the official-list fixture and sees the new pairs on /map."""

import re

import pytest

from tests.browser.conftest import assert_no_streamlit_exception, screenshot
from tests.import_fixtures.folders import XLSX, reduced_folder
from tools.serving import start_server, stop_server, wait_for_app

PASSWORD = "browser-import"
PLOT_TEXT = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .flatMap(p => (p.data || []).flatMap(tr => [tr.text, tr.hovertext, tr.customdata, tr.name]))
    .flat(3).filter(x => x !== undefined && x !== null).map(String).join(' ')"""


@pytest.fixture
def import_server(tmp_path):
    running = start_server(
        reduced_folder(tmp_path / "data"), {"SISTERCITIES_EDITOR_PASSWORD": PASSWORD}
    )
    yield running
    stop_server(running)


def drawn_pairs(page, url):
    """The map page's count of drawn pairs, and the text its figures carry."""
    page.goto(url + "/map")
    wait_for_app(page, timeout=60_000)
    assert_no_streamlit_exception(page)
    page.wait_for_selector(".js-plotly-plot")
    count = re.search(r"地图绘出 (\d+) 对友城", page.inner_text("body"))
    assert count, page.inner_text("body")[:2000]
    return int(count.group(1)), page.evaluate(PLOT_TEXT)


def test_import_fixture_and_see_new_pairs_on_the_map(import_server, offline_page):
    page, url = offline_page.page, import_server.url
    before, shown = drawn_pairs(page, url)
    assert "仰光" not in shown and "班达伯格" not in shown
    page.goto(url + "/data")
    wait_for_app(page)
    page.get_by_label("编辑密码").fill(PASSWORD)
    page.get_by_role("button", name="进入编辑").click()
    wait_for_app(page)
    page.get_by_text("导入官方名录", exact=True).click()
    wait_for_app(page)
    page.get_by_label("名录名称（记入来源）").fill("广西外办友城名录")
    page.get_by_label("名录名称（记入来源）").press("Enter")
    wait_for_app(page)
    page.locator('input[type="file"]').nth(1).set_input_files(
        [{"name": XLSX.name, "mimeType": "application/octet-stream", "buffer": XLSX.read_bytes()}]
    )
    page.get_by_text("共 14 行：11 行已确定，3 行待您确认。").wait_for(timeout=120_000)
    wait_for_app(page)
    page.get_by_text("待确认的行").scroll_into_view_if_needed()
    screenshot(page, "import-resolved")
    # Row 8 (班达伯格, a Chinese name GeoNames lacks) comes first: type its point.
    page.get_by_label(re.compile("或填写坐标")).first.fill("-24.8662, 152.3479")
    page.get_by_label(re.compile("或填写坐标")).first.press("Enter")
    wait_for_app(page)
    page.get_by_label("外方英文名（填写坐标时）").first.fill("Bundaberg")
    page.get_by_label("外方英文名（填写坐标时）").first.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="导入已确定的 12 行").click()
    page.get_by_text("已导入").first.wait_for(timeout=60_000)
    wait_for_app(page)
    assert_no_streamlit_exception(page)
    after, shown = drawn_pairs(page, url)
    screenshot(page, "import-map")
    assert after == before + 6  # five resolved new pairs and Bundaberg placed by the editor
    for name in ("熊本县", "仰光市", "尖竹汶府", "班达伯格"):
        assert name in shown
    assert offline_page.external == []
    assert offline_page.page_errors == []
