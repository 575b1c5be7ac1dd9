import json
import subprocess
import sys
from pathlib import Path

from sistercities.cli import main
from tests.fixtures_data import LINKS

ROOT = Path(__file__).resolve().parent.parent


def test_validate_folder_ok(tiny_folder, capsys):
    assert main(["--lang", "en", "validate", str(tiny_folder)]) == 0
    assert "valid" in capsys.readouterr().out


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

    swapped = PLACES.replace(
        "jpn-kumamoto,熊本市,Kumamoto,city,JPN,32.8,130.7",
        "jpn-kumamoto,熊本市,Kumamoto,city,JPN,130.7,32.8",
    )
    assert main(["--lang", "en", "validate", str(write_folder(tmp_path, places_csv=swapped))]) == 1
    swapped = PLACES.replace(
        "jpn-kumamoto,熊本市,Kumamoto,city,JPN,32.8,130.7",
        "jpn-kumamoto,熊本市,Kumamoto,city,JPN,-32.8,130.7",
    )
    assert (
        main(["--lang", "en", "validate", str(write_folder(tmp_path / "b", places_csv=swapped))])
        == 1
    )
    assert "outside the named country" in capsys.readouterr().out


def test_shipped_data_validates_with_locations(capsys):
    assert main(["--lang", "en", "validate"]) == 0
