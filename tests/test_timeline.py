import datetime as dt

import pandas as pd
import pytest

from sistercities.counts import undated_count
from sistercities.dataset import load_dataset
from sistercities.figures.overview import growth_figure
from sistercities.timeline import cumulative_by_year, fractional_year, milestones
from tests.fixtures_data import LINKS, write_folder

EXTRA = (
    "cn-450100--fra-annecy,cn-450100,fra-annecy,prefecture,1990-06-15,2000-03,ended,"
    "https://example.org/e,,high,\n"
)


@pytest.fixture
def data(tmp_path):
    folder = write_folder(tmp_path / "d", links_csv=LINKS + EXTRA)
    return load_dataset(folder, dt.date(2026, 1, 1)).dataset


def pairs_in(frame, year, group=""):
    return int(frame.loc[(frame["year"] == year) & (frame["group"] == group), "pairs"].sum())


def test_cumulative_follows_the_counting_rule(data):
    frame = cumulative_by_year(data.links, 2024)
    assert frame["year"].min() == 1979 and frame["year"].max() == 2024
    assert pairs_in(frame, 1979) == 1  # Kumamoto, 1979-10-01
    assert pairs_in(frame, 1990) == 2  # + Annecy (Nanning) from June 1990
    assert pairs_in(frame, 1999) == 2
    assert pairs_in(frame, 2000) == 1  # that pair ended in March 2000
    assert pairs_in(frame, 2005) == 2  # Rayong, year-only 2005, counts from 1 January
    assert pairs_in(frame, 2013) == 3  # Annecy (Yangshuo), 2013-02
    assert pairs_in(frame, 2024) == 3  # the undated pair is never in the curve
    assert undated_count(data.links) == 1


@pytest.mark.parametrize("split", ["continent", "level"])
def test_split_series_add_up_to_the_total(data, split):
    total = cumulative_by_year(data.links, 2024).set_index("year")["pairs"]
    parts = cumulative_by_year(data.links, 2024, split).groupby("year")["pairs"].sum()
    assert parts.equals(total)


def test_years_run_to_the_as_of_year_even_without_new_pairs(data):
    assert cumulative_by_year(data.links, 2030)["year"].max() == 2030


def test_nothing_dated_gives_an_empty_curve(data):
    undated_only = data.links.loc[~data.links["dated"]]
    assert cumulative_by_year(undated_only, 2024).empty


def test_milestones_come_from_the_official_totals(data):
    totals = pd.DataFrame(
        {
            "date": [
                "2016-10-27",
                "1979-10-01",
                "2022-11-30",
                "2022-12-31",
                "2024-11-12",
                "2024-11-12",
            ],
            "measure": ["pairs", "pairs", "pairs", "pairs", "pairs", "countries"],
            "value": [100, 1, 125, 126, 132, 40],
            "source_url": ["u"] * 6,
        }
    )
    found = milestones(totals, "2022-11-30")
    assert list(found["pairs"]) == [1, 100, 125, 126, 132]  # sorted by date, pairs only
    assert list(found["first"]) == [True, False, False, False, False]
    assert list(found["founding"]) == [False, False, True, False, False]
    assert list(found["latest"]) == [False, False, False, False, True]
    assert found["x"].iloc[2] == pytest.approx(2022 + 333 / 365)


def test_fractional_year():
    assert fractional_year(dt.date(2024, 1, 1)) == 2024
    assert fractional_year(dt.date(2024, 7, 2)) == pytest.approx(2024.5, abs=0.01)


def test_growth_figure_names_milestones_and_shows_undated_apart(data):
    marks = milestones(data.official_totals, "2022-11-30")
    fig = growth_figure(cumulative_by_year(data.links, 2024), 1, marks, "en")
    bars = [trace for trace in fig.data if trace.type == "bar"]
    assert len(bars) == 1 and list(bars[0].y) == [1] and bars[0].xaxis == "x2"
    labels = [a.text for a in fig.layout.annotations]
    assert any("2022-11-30" in text and "alliance founded" in text for text in labels)
    assert any("2024-11-12" in text and "132" in text for text in labels)
    official = next(trace for trace in fig.data if trace.name == "Official totals")
    assert list(official.y) == [125, 132]


def test_growth_figure_in_chinese_with_split(data):
    marks = milestones(data.official_totals, None)
    fig = growth_figure(
        cumulative_by_year(data.links, 2024, "continent"), 0, marks, "zh", "continent"
    )
    names = {trace.name for trace in fig.data if trace.type == "scatter"}
    assert {"亚洲", "欧洲", "官方公布总数"} <= names
    assert all(trace.stackgroup == "pairs" for trace in fig.data if trace.name in {"亚洲", "欧洲"})


def test_growth_figure_with_no_dated_pair_still_builds(data):
    undated_only = data.links.loc[~data.links["dated"]]
    marks = milestones(data.official_totals, "2022-11-30")
    fig = growth_figure(cumulative_by_year(undated_only, 2024), 1, marks, "en")
    assert [trace.type for trace in fig.data] == ["scatter", "bar"]


def test_growth_map_draws_one_line_per_country_at_scale():
    import numpy as np
    import pandas as pd

    from sistercities.figures.growth_map import AGGREGATE_ABOVE, _frame_traces

    count = AGGREGATE_ABOVE + 500
    shown = pd.DataFrame(
        {
            "home_place_id": ["cn-450100"] * count,
            "partner_place_id": [f"x-{i}" for i in range(count)],
            "country_iso3": [["JPN", "THA", "FRA"][i % 3] for i in range(count)],
            "dated": [True] * count,
            "home_lat": 22.8,
            "home_lon": 108.3,
            "partner_lat": np.linspace(-10, 50, count),
            "partner_lon": np.linspace(0, 140, count),
        }
    )
    lines = _frame_traces(shown, {}, "en")[1]
    assert np.isnan(lines["lat"]).sum() == 3  # three countries, three gapped segments
    small = _frame_traces(shown.head(10), {}, "en")[1]
    assert np.isnan(small["lat"]).sum() == 10
