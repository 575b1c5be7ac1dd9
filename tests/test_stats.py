import datetime as dt

import pandas as pd

from sistercities.counts import completeness, counted_on, headline, official_on, stats_as_of
from sistercities.dataset import load_dataset

TODAY = dt.date(2026, 11, 26)


def test_counting_rule_uses_first_day_of_period(tiny_folder):
    links = load_dataset(tiny_folder, TODAY).dataset.links
    # 2013-02 counts from 2013-02-01; 2005 from 2005-01-01.
    assert counted_on(links, dt.date(2013, 1, 31)).sum() == 2
    assert counted_on(links, dt.date(2013, 2, 1)).sum() == 3
    assert counted_on(links, dt.date(2004, 12, 31)).sum() == 1


def test_ended_pairs_stop_counting():
    links = pd.DataFrame(
        {
            "start": pd.to_datetime(["2000-01-01", "2000-01-01"]),
            "end": pd.to_datetime([None, "2010-06-01"]),
        }
    )
    assert counted_on(links, dt.date(2010, 5, 31)).sum() == 2
    assert counted_on(links, dt.date(2010, 6, 1)).sum() == 1


def test_stats_keys_and_undated(tiny_folder):
    data = load_dataset(tiny_folder, TODAY).dataset
    stats = stats_as_of(data.links, data.official_totals, dt.date(2024, 11, 12))
    assert stats["pairs"] == 3 and stats["undated"] == 1
    assert stats["countries"] == 3 and stats["asean_pairs"] == 1
    assert stats["with_undated"]["pairs"] == 4 and stats["with_undated"]["asean_pairs"] == 2
    assert stats["by_level"] == {"prefecture": 2, "county": 1}
    assert stats["official"]["pairs"] == 132 and stats["official"]["date"] == "2024-11-12"
    assert (
        stats_as_of(data.links, data.official_totals, dt.date(2020, 1, 1)).get("official") is None
    )


def test_official_on_picks_latest_before(tiny_folder):
    totals = load_dataset(tiny_folder, TODAY).dataset.official_totals
    assert official_on(totals, dt.date(2023, 1, 1))["pairs"] == 125
    assert official_on(totals, dt.date(2024, 11, 12))["asean_pairs"] == 61


def test_headline_and_completeness(tiny_folder):
    data = load_dataset(tiny_folder, TODAY).dataset
    head = headline(data.links, data.as_of)
    assert (head.pairs, head.undated, head.countries, head.asean_pairs) == (4, 1, 4, 2)
    assert head.home_cities == 2  # Nanning, Guilin (Yangshuo rolls up); the region is no city
    info = completeness(data.links, data.official_totals, data.as_of)
    assert info == {
        "date": "2024-11-12",
        "official": 132,
        "known": 4,
        "dated": 3,
        "missing": 128,
        "source_url": "https://example.org/t",
    }


def test_each_official_figure_is_compared_on_its_own_date(tiny_folder):
    from sistercities.counts import measure_label, official_comparison

    data = load_dataset(tiny_folder, TODAY).dataset
    table = official_comparison(data.links, data.official_totals)
    # tiny: dated 1979-10-01, 2005, 2013-02 (three) and one undated pair; totals 125, 132, 61
    assert list(table["official"]) == [125, 132, 61]
    assert list(table["dataset"]) == [3, 3, 1] and list(table["undated"]) == [1, 1, 1]
    assert not table["more"].any()
    few = data.official_totals.assign(value=[2, 132, 61])  # fewer than the dated pairs
    assert list(official_comparison(data.links, few)["more"]) == [True, False, False]
    assert measure_label("pairs_tha", "en", {"THA": "Thailand"}) == "Pairs with Thailand"
    assert measure_label("pairs_north_america", "zh", {}) == "与北美洲的友城"
    assert measure_label("pairs_county", "en", {}) == "County level pairs"


def test_first_rows_gives_each_values_first_position():
    import numpy as np

    from sistercities.counts import first_rows

    values = np.array(["b", "a", "b", "c", "a"], dtype=object)
    assert first_rows(values) == {"a": 1, "b": 0, "c": 3}
    assert first_rows(np.array([], dtype=object)) == {}
