"""Every file of the bad-input corpus gets its expected message and changes nothing."""

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sistercities.contract.problems import Problem
from sistercities.contract.reading import MAX_FILE_BYTES, read_table_bytes
from sistercities.dataset import dataset_version
from sistercities.store import transactions as store
from sistercities.store import updates

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
TODAY = dt.date(2025, 6, 1)
PLACES_HEADER = "place_id,name_zh,name_en,admin_type,country_iso3,lat,lon,admin_code,parent_id,coord_source,notes"


def generated(name: str) -> bytes:
    """Files too big to commit, built here."""
    if name == "long_cell.csv":
        row = "jpn-kyoto,京都市,Kyoto,city,JPN,35.0,135.8,,,test," + "x" * 2_000_000
        return f"{PLACES_HEADER}\n{row}\n".encode()
    if name == "too_large.csv":
        row = "jpn-kyoto,京都市,Kyoto,city,JPN,35.0,135.8,,,test,padding\n".encode()
        return PLACES_HEADER.encode() + b"\n" + row * (21 * 1048576 // len(row) + 1)
    raise KeyError(name)


def raw_of(entry: str) -> tuple[str, bytes]:
    if entry.startswith("generated:"):
        name = entry.split(":", 1)[1]
        return name, generated(name)
    return entry, (CORPUS / entry).read_bytes()


def test_corpus_and_expectations_match():
    files = {p.name for p in CORPUS.iterdir() if p.name != "expected.json"}
    assert files == {k for k in EXPECTED if not k.startswith("generated:")}
    assert len(EXPECTED) >= 28


@pytest.mark.parametrize("entry", sorted(EXPECTED))
def test_bad_input(entry, tiny_folder):
    expected = EXPECTED[entry]
    name, raw = raw_of(entry)
    before = dataset_version(tiny_folder)
    plan = updates.plan_update(tiny_folder, [(name, raw)], today=TODAY)
    if expected.get("ok"):
        assert plan.ok, [p.describe("en") for p in plan.problems]
        diff = plan.diffs[expected["kind"]]
        assert diff.counts()["added"] == expected["added"]
        return
    assert not plan.ok and any(p.severity == "error" for p in plan.problems)
    match = [p for p in plan.problems if p.code == expected["code"]]
    assert match, [p.describe("en") for p in plan.problems]
    found: Problem = match[0]
    assert (found.file, found.row, found.column) == (name, expected["row"], expected["column"])
    assert found.message("en") == expected["message_en"]
    assert found.message("zh") == expected["message_zh"]
    with pytest.raises(store.StoreError):
        updates.apply_plan(tiny_folder, plan, "tester", "en")
    assert dataset_version(tiny_folder) == before  # nothing changed


def test_size_limit_is_stated():
    assert EXPECTED["generated:too_large.csv"]["message_en"].endswith(
        f"the limit is {MAX_FILE_BYTES // 1048576} MB"
    )


def test_gbk_names_are_decoded(tiny_folder):
    plan = updates.plan_update(tiny_folder, [("g.csv", (CORPUS / "gbk_excel.csv").read_bytes())])
    assert plan.diffs["places"].added.iloc[0]["name_zh"] == "京都市"


def test_separators_give_the_same_change(tiny_folder):
    files = [f"{n}.csv" for n in ("semicolon_separated", "tab_separated")]
    plans = [updates.plan_update(tiny_folder, [(f, (CORPUS / f).read_bytes())]) for f in files]
    assert plans[0].files == plans[1].files


def test_changes_with_errors_are_refused_by_the_store_too(tiny_folder):
    """Even if a caller skipped the plan, the store validates the whole folder."""
    raw = (CORPUS / "unknown_place.csv").read_bytes()
    links = (tiny_folder / "links.csv").read_bytes() + raw.split(b"\n", 1)[1]
    with pytest.raises(store.StoreError) as caught:
        store.apply_change(tiny_folder, {"links.csv": links}, "x", "bad")
    assert caught.value.code == "store.invalid"


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=3000))
def test_reading_random_bytes_returns_problems_not_exceptions(raw):
    result = updates.read_upload(raw, "fuzz.csv")
    assert all(isinstance(p, Problem) for p in result.problems)
    assert result.frame is not None or result.problems


cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.lists(cells, min_size=0, max_size=13), max_size=6), sep=st.sampled_from(",;\t")
)
def test_planning_random_tables_never_raises(tiny_folder, rows, sep):
    header = PLACES_HEADER.replace(",", sep)
    text = header + "\n" + "\n".join(sep.join(row) for row in rows)
    for encoding in ("utf-8", "utf-8-sig"):
        plan = updates.plan_update(tiny_folder, [("p.csv", text.encode(encoding))], today=TODAY)
        assert all(isinstance(p, Problem) for p in plan.problems)
        for problem in plan.problems:
            assert problem.describe("zh") and problem.describe("en")


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=500))
def test_reading_random_text_never_raises(text):
    result = read_table_bytes(text.encode("utf-8", "surrogatepass"), "t.csv")
    assert result.frame is not None or result.problems


def test_a_binary_upload_is_reported_alike_by_both_readers():
    """The contract reader and the official-list reader share one safe-reading preamble."""
    from sistercities.contract.reading import read_csv_bytes
    from sistercities.importer.read import read_grid

    raw = bytes(range(256)) * 8  # no text encoding reads this
    table_problems = read_csv_bytes(raw, "upload.csv").problems
    grid_problems = read_grid(raw, "upload.csv").problems
    assert [p.code for p in table_problems] == [p.code for p in grid_problems] == ["val.binary"]
