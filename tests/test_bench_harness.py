"""The rerun benchmark times real filter changes only (issue #13): a no-op rerun is caught."""

import pytest
from streamlit.testing.v1 import AppTest

from bench.run import YEARS_KEY, chart_specs, confirm_change, year_changes
from tests.fixtures_data import app_path, write_folder


@pytest.fixture
def at(tmp_path, monkeypatch):
    monkeypatch.setenv("SISTERCITIES_DATA_DIR", str(write_folder(tmp_path / "d")))
    return AppTest.from_file(app_path("dashboard.py"), default_timeout=60).run()


def test_each_change_reaches_the_app(at):
    changes = year_changes(at, 3)
    assert len(set(changes)) == 3 and all(v[1] == at.slider(key=YEARS_KEY).max for v in changes)
    for value in changes:
        before = chart_specs(at)
        at.slider(key=YEARS_KEY).set_value(value)
        at.run()
        confirm_change(at, value, before)  # does not raise: the app saw the new range
        assert tuple(at.slider(key=YEARS_KEY).value) == value
        assert chart_specs(at) != before


def test_a_stale_handle_is_caught(at):
    stale = at.slider(key=YEARS_KEY)  # from the first run's element tree
    first, second = year_changes(at, 2)
    before = chart_specs(at)
    at.slider(key=YEARS_KEY).set_value(first).run()  # a real change through a fresh handle
    confirm_change(at, first, before)
    before = chart_specs(at)
    stale.set_value(second)  # the old tree: the app never reads it
    at.run()
    assert tuple(at.slider(key=YEARS_KEY).value) == first  # the app kept the first change
    with pytest.raises(RuntimeError, match="no-op rerun"):
        confirm_change(at, second, before)


def test_an_unchanged_rerun_is_caught(at):
    value = tuple(at.slider(key=YEARS_KEY).value)
    before = chart_specs(at)
    at.run()
    with pytest.raises(RuntimeError, match="no chart changed"):
        confirm_change(at, value, before)


def test_the_load_test_clicks_a_new_year_range_each_time():
    import random

    from bench.loadtest import fresh_ranges

    ranges = fresh_ranges(2000, 2010, random.Random(1))
    assert len({tuple(r) for r in ranges}) == len(ranges) == 66 - 1
    assert [2000.0, 2010.0] not in ranges  # the range every session starts with
    assert all(2000 <= start <= end <= 2010 for start, end in ranges)
