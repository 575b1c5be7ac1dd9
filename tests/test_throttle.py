"""The editor password's throttle (sistercities.throttle) and the public, read-only instance.

Unit tests of the pure throttle with a fake clock; AppTests of the data page: the 5th wrong
guess from one client earns a wait, during which even the right password is not checked; and
with SISTERCITIES_PUBLIC=1 no editor control exists on any page that has one elsewhere.
"""

from __future__ import annotations

import logging

import pytest
from streamlit.testing.v1 import AppTest

from sistercities.throttle import GuessThrottle, client_address
from tests.fixtures_data import app_path, write_folder
from ui import access

PROCESS_THROTTLE = access.throttle  # the cached one, before any test replaces it


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_first_four_wrong_guesses_are_free_then_the_wait_doubles() -> None:
    clock = Clock()
    guard = GuessThrottle(clock=clock)
    waits = []
    for _ in range(8):
        assert guard.check("203.0.113.5").allowed
        verdict = guard.failed("203.0.113.5")
        waits.append(verdict.wait)
        clock.now += verdict.wait
    assert waits == [0, 0, 0, 0, 1, 2, 4, 8]


def test_a_client_waiting_is_refused_until_its_wait_is_over() -> None:
    clock = Clock()
    guard = GuessThrottle(clock=clock)
    for _ in range(5):
        guard.failed("203.0.113.5")
    refused = guard.check("203.0.113.5")
    assert not refused.allowed and refused.wait == 1 and refused.failures == 5
    assert guard.check("198.51.100.7").allowed  # another client is not affected
    clock.now += 0.5
    assert not guard.check("203.0.113.5").allowed
    clock.now += 0.5
    assert guard.check("203.0.113.5").allowed


def test_wait_is_capped_and_a_right_guess_or_silence_clears_the_count() -> None:
    clock = Clock()
    guard = GuessThrottle(cap=60, forget=3600, clock=clock)
    assert guard.wait_after(30) == 60
    for _ in range(6):
        guard.failed("a")
    guard.succeeded("a")
    assert guard.failed("a").wait == 0  # counting starts afresh
    for _ in range(5):
        guard.failed("b")
    clock.now += 3601
    assert guard.check("b").failures == 0
    assert guard.failed("b").wait == 0


def test_the_table_of_clients_stays_bounded() -> None:
    guard = GuessThrottle(max_clients=3, clock=Clock())
    for name in "abcd":
        guard.failed(name)
    assert guard.check("a").failures == 0  # the oldest was dropped
    assert guard.check("d").failures == 1


def test_wrong_guesses_are_logged_with_the_client(caplog) -> None:
    guard = GuessThrottle(clock=Clock())
    with caplog.at_level(logging.WARNING, logger="sistercities.editor"):
        for _ in range(5):
            guard.failed("203.0.113.5")
    assert len(caplog.records) == 5
    assert "203.0.113.5" in caplog.records[-1].getMessage()
    assert "5 in a row" in caplog.records[-1].getMessage()


def test_client_address_trusts_the_proxy_headers_only_from_loopback() -> None:
    behind_nginx = {"X-Real-IP": "203.0.113.5", "X-Forwarded-For": "1.2.3.4, 203.0.113.5"}
    assert client_address("127.0.0.1", behind_nginx) == "203.0.113.5"
    assert client_address("127.0.0.1", {"x-forwarded-for": "9.9.9.9, 203.0.113.5"}) == (
        "203.0.113.5"
    )
    assert client_address("198.51.100.7", behind_nginx) == "198.51.100.7"  # spoofed headers
    assert client_address("127.0.0.1", {}) == "127.0.0.1"
    assert client_address(None, {}) == "unknown"


# -- the data page -------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path, monkeypatch):
    root = write_folder(tmp_path / "d")
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(root))
    monkeypatch.delenv("SISTERCITIES_EDITOR_PASSWORD", raising=False)
    monkeypatch.delenv(access.PUBLIC_ENV, raising=False)
    PROCESS_THROTTLE.clear()  # one throttle per process: start and leave it empty
    yield root
    PROCESS_THROTTLE.clear()


def data_page() -> AppTest:
    """The data page, reached from the entry page as a user would."""
    at = AppTest.from_file(app_path("dashboard.py"), default_timeout=60)
    at.run()
    return at.switch_page("pages/4_data.py").run()


def shown(at: AppTest) -> str:
    return " ".join(
        str(e.value) for kind in ("error", "warning", "caption") for e in getattr(at, kind)
    )


def guess(at: AppTest, password: str) -> AppTest:
    at.text_input(key="data.pw").set_value(password).run()
    return at.button(key="data.unlock").click().run()


def test_the_fifth_wrong_guess_earns_a_wait_even_for_the_right_password(folder, monkeypatch):
    monkeypatch.setenv("SISTERCITIES_EDITOR_PASSWORD", "s3cret")
    at = data_page()
    for _ in range(4):
        guess(at, "guess")
        assert "密码错误" in shown(at) and "请等" not in shown(at)
    guess(at, "guess")
    assert "密码错误" in shown(at) and "请等 1 秒" in shown(at)
    guess(at, "s3cret")  # within the wait: refused without being checked
    assert "请等" in shown(at)
    assert len(at.file_uploader) == 0


def test_after_the_wait_the_right_password_unlocks(folder, monkeypatch):
    monkeypatch.setenv("SISTERCITIES_EDITOR_PASSWORD", "s3cret")
    clock = Clock()
    monkeypatch.setattr(access, "throttle", lambda: guard)
    guard = GuessThrottle(clock=clock)
    at = data_page()
    for _ in range(5):
        guess(at, "guess")
    clock.now += 1
    guess(at, "s3cret")
    assert len(at.file_uploader) == 1


def test_public_instance_has_no_editor_even_with_a_password(folder, monkeypatch):
    monkeypatch.setenv("SISTERCITIES_EDITOR_PASSWORD", "s3cret")
    monkeypatch.setenv(access.PUBLIC_ENV, "1")
    at = data_page()
    assert not at.exception
    assert [w.key for w in at.text_input] == ["data.q.pairs", "data.q.places", "data.q.members"]
    assert len(at.file_uploader) == 0 and len(at.toggle) == 0
    assert not [b for b in at.button if b.key in {"data.unlock", "data.apply", "data.undo"}]
    assert "公开的只读站点" in shown(at)
    assert len(at.dataframe) >= 4  # the tables are still there
    at.session_state["data.unlocked"] = True  # even a session marked unlocked gets nothing
    at.run()
    assert len(at.file_uploader) == 0 and len(at.toggle) == 0 and len(at.radio) == 0


def test_public_instance_alliance_page_has_no_upload(folder, monkeypatch):
    monkeypatch.setenv(access.PUBLIC_ENV, "1")
    at = AppTest.from_file(app_path("dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/3_alliance.py").run()
    assert not at.exception
    assert len(at.file_uploader) == 0
    assert "公开站点不接受上传" in shown(at)
    monkeypatch.delenv(access.PUBLIC_ENV)
    at.run()
    assert len(at.file_uploader) == 1  # the same page with uploads on: the box is there
