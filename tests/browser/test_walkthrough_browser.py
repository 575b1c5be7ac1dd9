"""What only a browser shows of issue #19's walk-through: the place search's own in-browser
matching (pinyin as people type it) and Streamlit's upload widget on the Chinese page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_no_streamlit_exception, screenshot
from tests.fixtures_data import write_folder
from tools.serving import start_server, stop_server, wait_for_app

pytestmark = pytest.mark.browser
PASSWORD = "browser-test"


@pytest.fixture(scope="module")
def tiny_server(tmp_path_factory):
    folder = write_folder(tmp_path_factory.mktemp("walk") / "data")
    running = start_server(folder, {"SISTERCITIES_EDITOR_PASSWORD": PASSWORD})
    yield running
    stop_server(running)


def search_options_for(page, query: str) -> list[str]:
    """Type ``query`` into the sidebar's place search; the options the browser keeps."""
    box = page.get_by_label("查找地点（中文、英文或拼音）")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.wait_for_timeout(400)
    options = page.locator('[role="option"]').all_inner_texts()
    box.press("Escape")
    return options


@pytest.mark.parametrize("query", ["xiongben", "xiong ben", "XIONG BEN", "xióng běn"])
def test_pinyin_search_accepts_spaces_tones_and_case(offline_page, tiny_server, query):
    page = offline_page.page
    page.goto(tiny_server.url + "/map")
    wait_for_app(page)
    options = search_options_for(page, query)
    assert any("熊本市" in option for option in options), (query, options)
    assert_no_streamlit_exception(page)
    assert not offline_page.external


VISIBLE_TEXT = """(root) => {
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const el = node.parentElement;
        if (!node.textContent.trim() || el.closest('[aria-hidden="true"]')) continue;
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (box.width > 1 && box.height > 1 && style.visibility !== 'hidden') {
            out.push(node.textContent.trim());
        }
    }
    return out;
}"""


def uploader_texts(page) -> list[str]:
    """The words a person sees in and under every upload box of the page."""
    page.wait_for_selector('[data-testid="stFileUploader"]', timeout=60_000)
    seen: list[str] = []
    for box in page.locator('[data-testid="stFileUploader"]').all():
        seen += box.evaluate(VISIBLE_TEXT)
    return seen


def assert_upload_box_speaks_chinese(page) -> None:
    seen = uploader_texts(page)
    english = [text for text in seen if any(w in text for w in ("Upload", "per file", "Drag"))]
    assert not english, seen
    assert page.locator('[data-testid="stFileUploaderDropzoneInstructions"]').first.is_hidden()
    captions = " ".join(page.locator('[data-testid="stCaptionContainer"]').all_inner_texts())
    assert "把文件拖到上面的框里" in captions and "20 MB" in captions


def test_upload_boxes_speak_chinese_on_the_chinese_pages(offline_page, tiny_server):
    page = offline_page.page
    page.goto(tiny_server.url + "/alliance")
    wait_for_app(page)
    assert_upload_box_speaks_chinese(page)
    page.goto(tiny_server.url + "/data")
    wait_for_app(page)
    page.get_by_label("编辑密码").fill(PASSWORD)
    page.get_by_role("button", name="进入编辑").click()
    wait_for_app(page)
    assert_upload_box_speaks_chinese(page)
    button = page.locator('[data-testid="stFileUploaderDropzone"] button').first
    assert button.is_visible()  # the upload button stays, with its icon (and a name for readers)
    assert "Upload" in (button.text_content() or "")
    button.scroll_into_view_if_needed()
    screenshot(page, "upload-box-zh")
    assert_no_streamlit_exception(page)
    assert not offline_page.external
