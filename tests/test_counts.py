def test_first_rows_gives_each_values_first_position():
    import numpy as np

    from sistercities.counts import first_rows

    values = np.array(["b", "a", "b", "c", "a"], dtype=object)
    assert first_rows(values) == {"a": 1, "b": 0, "c": 3}
    assert first_rows(np.array([], dtype=object)) == {}
