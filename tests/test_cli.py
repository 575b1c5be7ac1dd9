import json
import subprocess
import sys
from pathlib import Path

from sistercities.cli import main
from tests.fixtures_data import LINKS

ROOT = Path(__file__).resolve().parent.parent


def test_validate_folder_ok(tiny_folder, capsys):
    assert main(["--lang", "en", "validate", str(tiny_folder)]) == 0
    # the whole output is the summary: no problem listed, and "valid" is not "invalid"
    assert capsys.readouterr().out.splitlines() == ["valid: 6 files, no errors"]


def test_validate_reports_and_exits_1(tmp_path, capsys):
    from tests.fixtures_data import write_folder

    folder = write_folder(tmp_path, links_csv=LINKS + "x,cn-450300,nowhere,city,,,active,,,high,\n")
    assert main(["--lang", "en", "validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "links.csv, row 6, column partner_place_id" in out
    assert "errors" in out


def test_validate_single_file_by_header(tmp_path, capsys):
    path = tmp_path / "whatever.csv"
    path.write_text(LINKS + "bad,cn-1,x,city,2099,,active,ftp:/x,,high,\n", encoding="utf-8")
    assert main(["--lang", "en", "validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "whatever.csv, row 6, column established: date lies in the future" in out


def test_validate_unknown_table(tmp_path, capsys):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["--lang", "en", "validate", str(path)]) == 1
    assert "unknown kind of table" in capsys.readouterr().out


def test_validate_binary_file_never_tracebacks(tmp_path):
    path = tmp_path / "random.csv"
    path.write_bytes(bytes(range(256)) * 10)
    result = subprocess.run(
        [sys.executable, "-m", "sistercities", "--lang", "en", "validate", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "binary" in result.stdout


def test_stats_json(tiny_folder, capsys):
    assert main(["stats", "--data", str(tiny_folder), "--json", "--as-of", "2024-11-12"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert set(stats) >= {
        "as_of",
        "pairs",
        "countries",
        "asean_pairs",
        "undated",
        "by_level",
        "by_continent",
        "by_country",
        "official",
    }


def test_stats_bad_date(tiny_folder):
    assert main(["stats", "--data", str(tiny_folder), "--as-of", "yesterday"]) == 2


def test_validate_checks_locations(tmp_path, capsys):
    from tests.fixtures_data import PLACES, write_folder

    def validate(places: str, name: str) -> list[str]:
        folder = write_folder(tmp_path / name, places_csv=places)
        assert main(["--lang", "en", "validate", str(folder)]) == 1
        return capsys.readouterr().out.splitlines()

    # Annecy's latitude and longitude swapped: both in range, so only the country check fails
    annecy = "fra-annecy,阿讷西,Annecy,city,FRA,"
    assert annecy + "45.9,6.1" in PLACES
    out = validate(PLACES.replace(annecy + "45.9,6.1", annecy + "6.1,45.9"), "swapped")
    assert out == [
        "[error] places.csv, row 8, column lat: "
        "coordinates lie outside the named country: 6.1, 45.9 (FRA)",
        "1 error and 0 warnings found",
    ]
    # Kumamoto in the southern hemisphere: the sign of the latitude lost
    kumamoto = "jpn-kumamoto,熊本市,Kumamoto,city,JPN,"
    out = validate(PLACES.replace(kumamoto + "32.8,", kumamoto + "-32.8,"), "sign")
    assert out[0].endswith("coordinates lie outside the named country: -32.8, 130.7 (JPN)")
    assert len(out) == 2


def test_shipped_data_validates_with_locations(capsys):
    assert main(["--lang", "en", "validate"]) == 0
