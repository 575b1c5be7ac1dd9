"""The app's process-wide settings: pyarrow's allocator and scripts taking turns (issue #13)."""

import threading
import time

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures_data import app_path, write_folder
from ui import runtime
from ui.runtime import script_turn, use_system_allocator


@pytest.fixture
def mimalloc():
    """pyarrow's own default pool for the test, the pool before it restored afterwards."""
    before = pa.default_memory_pool()
    pa.set_memory_pool(pa.mimalloc_memory_pool())
    yield
    pa.set_memory_pool(before)


def test_use_system_allocator_switches_pyarrow_to_the_system_pool(mimalloc):
    assert pa.default_memory_pool().backend_name == "mimalloc"
    use_system_allocator()
    assert pa.default_memory_pool().backend_name == "system"
    use_system_allocator()  # a second call changes nothing
    assert pa.default_memory_pool().backend_name == "system"


def test_every_page_run_uses_the_system_pool(mimalloc, tmp_path, monkeypatch):
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(write_folder(tmp_path / "d")))
    at = AppTest.from_file(app_path("dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert pa.default_memory_pool().backend_name == "system"


def test_scripts_take_turns_first_come_first_served():
    order: list[str] = []
    first_in = threading.Event()

    def run(name: str, hold: float) -> None:
        with script_turn():
            order.append(f"{name} in")
            first_in.set()
            time.sleep(hold)
            order.append(f"{name} out")

    first = threading.Thread(target=run, args=("first", 0.3))
    first.start()
    first_in.wait(5)
    waiting = [threading.Thread(target=run, args=(name, 0.01)) for name in ("second", "third")]
    for thread in waiting:
        thread.start()
        time.sleep(0.05)  # the second asks before the third
    for thread in (first, *waiting):
        thread.join(5)
    assert order == ["first in", "first out", "second in", "second out", "third in", "third out"]


def test_a_stopped_script_gives_up_its_turn(tmp_path, monkeypatch):
    """A page that stops early (``st.stop``: a filter that keeps no pair) frees the turn."""
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(write_folder(tmp_path / "d")))
    at = AppTest.from_file(app_path("dashboard.py"), default_timeout=60)
    at.query_params["country"] = "JPN"  # its one pair began in 1979
    at.query_params["from"] = "1990"
    at.run()
    assert not at.exception
    assert any("当前筛选下没有友城" in info.value for info in at.info)  # stopped there
    assert runtime._TURN.acquire(blocking=False)  # free again
    runtime._TURN.release()


def test_the_run_after_a_dataset_load_freezes_the_heap_once():
    """Full garbage collections skip what lives on after a load (110 -> ~10 ms at 25k)."""
    import gc

    gc.unfreeze()
    during = []
    try:
        runtime.load_long_lived(lambda: during.append(gc.get_freeze_count()))
        assert during == [0] and gc.get_freeze_count() == 0  # not while the run goes on
        with script_turn():
            pass
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with script_turn():
            kept = [[] for _ in range(100)]
        assert gc.get_freeze_count() == frozen and kept  # once per load, not every run
        runtime.load_long_lived(lambda: during.append(gc.get_freeze_count()))
        assert during[-1] == 0  # a new load lets the old heap be collected
    finally:
        runtime._SETTLE = False
        gc.unfreeze()


def test_an_app_run_freezes_the_heap_after_loading_the_data(tmp_path, monkeypatch):
    import gc

    gc.unfreeze()
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(write_folder(tmp_path / "d")))
    try:
        at = AppTest.from_file(app_path("dashboard.py"), default_timeout=60).run()
        assert not at.exception and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
