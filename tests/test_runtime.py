"""The app's process-wide settings: pyarrow's allocator (issue #13, speed)."""

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures_data import app_path, write_folder
from ui.runtime import use_system_allocator


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
