"""Resolving rows: Guangxi side, country, partner (data, divisions, GeoNames), level; the fixture."""

import json

import pytest

from sistercities.dataset import load_dataset
from sistercities.importer.compare import compare
from sistercities.importer.gazetteer import City, GeoNamesHits
from sistercities.importer.resolve import Resolver, RowInput, choose, level_from_text
from sistercities.importer.rows import load_table, table_rows
from tests.import_fixtures.folders import CSV_GB18030, EXPECTED, XLSX, reduced_folder

KUMAMOTO = City(1858421, "Kumamoto", 32.80589, 130.69181, "JP", 738907, "熊本")
SPRINGFIELDS = [
    City(4409896, "Springfield", 37.21533, -93.29824, "US", 170188),
    City(4951788, "Springfield", 42.10148, -72.58981, "US", 154341),
]


def fake_scan(found):
    """A GeoNames pass that knows only ``found`` (folded name -> cities) and records calls."""
    calls = []

    def scan(wanted, countries):
        calls.append((wanted, countries))
        by_key = {k: [(c, True) for c in v] for k, v in found.items() if k in wanted}
        return GeoNamesHits(by_key, {}, {"JPN": "JP", "USA": "US"})

    scan.calls = calls
    return scan


@pytest.fixture(scope="module")
def shipped():
    return load_dataset(EXPECTED.parents[2] / "data").dataset


@pytest.fixture
def resolver(shipped):
    return Resolver(shipped.places, shipped.countries, fake_scan({}))


@pytest.mark.parametrize(
    ("text", "place_id", "certainty"),
    [
        ("南宁市", "cn-450100", "exact"),
        ("南宁", "cn-450100", "alias"),
        ("Nanning", "cn-450100", "exact"),
        ("广西", "cn-450000", "alias"),
        ("广西壮族自治区", "cn-450000", "exact"),
        ("东兴市", "cn-450681", "exact"),  # county-level city
        ("阳朔", "cn-450321", "alias"),
        ("Yangshuo County", "cn-450321", "exact"),
        ("融水", "cn-450225", "alias"),  # 融水苗族自治县 without its suffix
        ("南宁市　", "cn-450100", "exact"),  # ideographic space
    ],
)
def test_home_side(resolver, text, place_id, certainty):
    match = resolver.home(text)
    assert (match.chosen.place_id, match.certainty) == (place_id, certainty)


def test_home_unknown_and_misspelt(resolver):
    assert resolver.home("虚构县").certainty == "unresolved"
    close = resolver.home("Nanningg")
    assert close.certainty == "fuzzy" and close.chosen.place_id == "cn-450100"


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("韩国", "KOR"),
        ("South Korea", "KOR"),
        ("美国", "USA"),
        ("USA", "USA"),
        ("越南", "VNM"),
        ("Viet Nam", "VNM"),
        ("老挝", "LAO"),
        ("Lao PDR", "LAO"),
        ("日本 ", "JPN"),
        ("JPN", "JPN"),
        ("Czech Republic", "CZE"),
    ],
)
def test_country_names(resolver, text, iso3):
    assert resolver.country(text) == (iso3, "exact")


def test_unknown_country(resolver):
    assert resolver.country("亚特兰蒂斯") == (None, "unresolved")
    assert resolver.country("") == (None, "unresolved")


def test_existing_place_first_and_full_name_wins(resolver):
    row = RowInput(3, "广西", "熊本县", country="日本")
    match = resolver.partner_local(row, "JPN")
    assert (match.method, match.certainty) == ("existing", "exact")
    assert match.chosen.place_id == "jpn-kumamoto-prefecture"
    # "熊本" alone names both the city and the prefecture in the data: the editor chooses
    bare = resolver.partner_local(RowInput(3, "桂林", "熊本", country="日本"), "JPN")
    assert bare.certainty == "ambiguous"
    assert {c.place_id for c in bare.candidates} == {"jpn-kumamoto", "jpn-kumamoto-prefecture"}


def test_division_is_placed_at_its_capital():
    empty = load_dataset(EXPECTED.parents[2] / "data").dataset
    places = empty.places.loc[empty.places["country_iso3"] == "CHN"]
    resolver = Resolver(places, empty.countries, fake_scan({}))
    match = resolver.partner_local(RowInput(3, "广西", "忠清北道", country="韩国"), "KOR")
    assert (match.method, match.certainty) == ("admin1", "exact")
    chosen = match.chosen
    assert (chosen.place_id, chosen.lat, chosen.lon) == ("kor-chungcheongbuk-do", 36.6372, 127.4897)
    assert chosen.admin_type == "province"
    assert chosen.coord_source.startswith("GeoNames 1845604 (Cheongju-si); placed at its capital")
    english = resolver.partner_local(
        RowInput(3, "Guangxi", "Kumamoto Prefecture", country="Japan"), "JPN"
    )
    assert english.chosen.place_id == "jpn-kumamoto-prefecture"


def test_geonames_only_when_needed_and_population_breaks_ties(shipped):
    scan = fake_scan({"熊本市": [KUMAMOTO], "springfield": SPRINGFIELDS})
    resolver = Resolver(shipped.places.iloc[:0], shipped.countries, scan)
    rows = [
        RowInput(3, "桂林", "熊本市", country="日本"),
        RowInput(4, "柳州", "Springfield", country="美国"),
        RowInput(5, "柳州", "Springfield", country=""),
    ]
    done = resolver.resolve(rows)
    assert len(scan.calls) == 1  # one pass for the whole table
    first, second, third = done
    assert (first.partner.method, first.partner.certainty) == ("geonames", "exact")
    assert (first.partner.chosen.place_id, first.partner.chosen.name_zh) == (
        "jpn-kumamoto",
        "熊本市",
    )
    # two Springfields of similar size: ambiguous, most populous first
    assert second.partner.certainty == "ambiguous"
    assert [c.key for c in second.partner.candidates] == ["geonames:4409896", "geonames:4951788"]
    # no country: never confident
    assert not third.confident
    picked = choose(second, "partner", second.partner.candidates[1])
    assert picked.confident and picked.partner.chosen.lat == 42.1015


def test_resolving_known_rows_never_loads_geonames(resolver):
    scan = fake_scan({})
    resolver.scan = scan
    done = resolver.resolve([RowInput(3, "桂林市", "托伦市", country="波兰")])
    assert done[0].confident and scan.calls == []


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("自治区级", "province"),
        ("设区市级", "prefecture"),
        ("地市级", "prefecture"),
        ("县级", "county"),
        ("County", "county"),
        ("", None),
        ("其他", None),
    ],
)
def test_level_words(text, level):
    assert level_from_text(text) == level


# -- the fixture tables, with the real GeoNames pass -----------------------------------------


@pytest.fixture(scope="module")
def reduced(tmp_path_factory):
    folder = reduced_folder(tmp_path_factory.mktemp("reduced"))
    return load_dataset(folder).dataset


@pytest.fixture(scope="module")
def resolved(reduced):
    out = {}
    for path in (XLSX, CSV_GB18030):
        table = load_table(path.read_bytes(), path.name)
        resolver = Resolver(reduced.places, reduced.countries)
        out[path.name] = (table, resolver.resolve(table_rows(table, table.guess.mapping)))
    return out


def test_fixture_header_and_mapping(resolved):
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    for table, _ in resolved.values():
        assert table.guess.header_row + 1 == expected["header_row"]
        assert table.guess.mapping == expected["mapping"]


@pytest.mark.parametrize("name", [XLSX.name, CSV_GB18030.name])
def test_fixture_rows_resolve_as_expected(resolved, reduced, name):
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["rows"]
    _, results = resolved[name]
    assert [r.source.row for r in results] == [e["row"] for e in expected]  # total row skipped
    comparison = compare(results, reduced.links, reduced.places)
    status = {r.source.row: "new" for r in comparison.new}
    status |= {r.source.row: "same" for r in comparison.same}
    status |= {int(row): "differs" for row in comparison.differs["row"]}
    for result, want in zip(results, expected, strict=True):
        got = {
            "row": result.source.row,
            "home": result.home.chosen.place_id if result.home.chosen else None,
            "iso3": result.iso3,
            "partner": result.partner.chosen.place_id if result.partner.chosen else None,
            "method": result.partner.method,
            "certainty": result.partner.certainty,
            "lat": result.partner.chosen.lat if result.partner.chosen else None,
            "lon": result.partner.chosen.lon if result.partner.chosen else None,
            "established": result.date.iso() if result.date else None,
            "level": result.level,
            "level_from": result.level_from,
            "compare": status.get(result.source.row),
        }
        if "date_ok" in want:
            got["date_ok"] = result.date_ok
        assert got == want


def test_fixture_merged_home_cell_is_carried_down(resolved):
    table, results = resolved[XLSX.name]
    semarang = next(r for r in results if r.source.partner == "三宝垄")
    home_cell = table.grid[semarang.source.row - 1][table.guess.mapping["home"]]
    assert home_cell in (None, "")  # the merged cell's blank part
    assert semarang.source.home == "北海市"


def test_fixture_ambiguous_rows_offer_candidates(resolved):
    _, results = resolved[XLSX.name]
    hastings = next(r for r in results if r.source.row == 15)
    assert len(hastings.partner.candidates) >= 2
    assert not hastings.confident
