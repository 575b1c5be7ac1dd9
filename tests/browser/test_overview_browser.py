"""The overview page in Chromium, offline, in both languages."""

from tests.browser.conftest import assert_no_streamlit_exception, screenshot, wait_for_app


def test_overview_offline_in_chinese(server, offline_page):
    page = offline_page.page
    page.goto(server.url + "/")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMetric"]')
    assert_no_streamlit_exception(page)
    text = page.inner_text("body")
    assert "友好城市对数" in text and "数据截至" in text
    assert offline_page.external == []
    assert offline_page.page_errors == []
    screenshot(page, "overview-zh")


def test_overview_offline_in_english(server, offline_page):
    page = offline_page.page
    page.goto(server.url + "/?lang=en")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMetric"]')
    text = page.inner_text("body")
    assert "Sister-city pairs" in text and "As of" in text
    assert offline_page.external == []
    screenshot(page, "overview-en")
