"""The data store: atomic changes, crash recovery, history, undo, locking and versions."""

import contextlib
import errno
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sistercities.dataset import dataset_version, load_dataset
from sistercities.i18n import t
from sistercities.store import transactions as store
from sistercities.store.transactions import StoreError
from tests.fixtures_data import LINKS, PLACES, write_folder
from tests.store_versions import NEW_LINK, version_files

ROOT = Path(__file__).resolve().parent.parent


def state_of(folder: Path) -> str:
    """Load the folder and say which whole dataset it holds; fail on any mix or error."""
    result = load_dataset(folder)
    assert result.ok, [p.describe("en") for p in result.problems]
    data = result.dataset
    tag = data.meta["title_en"]
    expected = 5 if tag == "B" else 4
    assert len(data.links) == expected, (tag, len(data.links))
    assert len(data.places) == expected + 4, (tag, len(data.places))
    assert len(data.alliance.members) == expected - 2, (tag, len(data.alliance.members))
    return tag


@pytest.fixture
def folder(tmp_path):
    root = write_folder(tmp_path / "data")
    (root / "dataset.json").write_bytes(version_files("A")["dataset.json"])
    return root


def test_apply_replaces_files_and_logs(folder):
    before = dataset_version(folder)
    record = store.apply_change(folder, version_files("B"), "Li Hua", "add Kyoto")
    assert state_of(folder) == "B"
    assert dataset_version(folder) != before
    assert not store.needs_recovery(folder)
    logged = store.history(folder)
    assert [(r.id, r.who, r.kind, r.summary) for r in logged] == [
        (record.id, "Li Hua", "change", "add Kyoto")
    ]
    assert "T" in record.at and record.at.endswith("+00:00")
    kept = store.snapshot_dir(folder, record.id) / "places.csv"
    assert kept.read_text(encoding="utf-8") == PLACES


def test_undo_restores_previous_version_and_works_as_a_stack(folder):
    store.apply_change(folder, version_files("B"), "a", "to B")
    ties = b"guangxi_member_id,foreign_member_id,field_id,since,source_url,source_note\n"
    ties += b"gx-a,jp-c,it,2023,,note\n"
    second = store.apply_change(folder, {"alliance/ties.csv": ties}, "b", "add ties")
    assert (folder / "alliance/ties.csv").exists()
    undo = store.undo_last(folder, "c")
    assert undo.kind == "undo" and undo.undoes == second.id
    assert not (folder / "alliance/ties.csv").exists()  # did not exist before: deleted again
    assert state_of(folder) == "B"
    store.undo_last(folder, "c")
    assert state_of(folder) == "A"
    assert store.last_undoable(folder) is None
    with pytest.raises(StoreError) as caught:
        store.undo_last(folder, "c")
    assert caught.value.code == "store.nothing_to_undo"
    assert [r.kind for r in store.history(folder)] == ["change", "change", "undo", "undo"]


def test_invalid_change_is_refused_and_changes_nothing(folder):
    before = dataset_version(folder)
    bad = {"links.csv": (LINKS + NEW_LINK).encode()}  # Kyoto is not a known place
    with pytest.raises(StoreError) as caught:
        store.apply_change(folder, bad, "a", "broken")
    assert caught.value.code == "store.invalid"
    assert any(p.code == "val.unknown_place" for p in caught.value.problems)
    assert dataset_version(folder) == before and store.history(folder) == []
    assert not (folder / "history").exists() or not any((folder / "history").iterdir())


def test_stale_change_is_refused(folder):
    version = dataset_version(folder)
    store.apply_change(folder, version_files("B"), "a", "first")
    with pytest.raises(StoreError) as caught:
        store.apply_change(folder, version_files("A"), "b", "second", expected_version=version)
    assert caught.value.code == "store.stale"
    assert state_of(folder) == "B"


@pytest.mark.parametrize("name", ["../evil.csv", "notes.txt", "history/log.jsonl"])
def test_only_contract_files_may_be_written(folder, name):
    with pytest.raises(StoreError) as caught:
        store.apply_change(folder, {name: b"x"}, "a", "bad")
    assert caught.value.code == "store.bad_file"


def test_lock_keeps_two_writers_apart(folder):
    with store.folder_lock(folder):
        started = time.monotonic()
        with pytest.raises(StoreError) as caught, store.folder_lock(folder, timeout=0.3):
            pass
        assert caught.value.code == "store.locked"
        assert time.monotonic() - started >= 0.3


def test_concurrent_writers_never_interleave(folder):
    failures = []

    def writer(tag):
        try:
            for _ in range(5):
                store.apply_change(folder, version_files(tag), tag, tag, validate=False)
        except Exception as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=writer, args=(tag,)) for tag in "ABAB"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert state_of(folder) in ("A", "B")
    assert len(store.history(folder)) == 20


@pytest.mark.parametrize("step", range(15))
def test_crash_at_each_step_recovers_to_old_or_new(folder, monkeypatch, step):
    """Simulate a crash before the n-th durable operation of a change (there are 15)."""
    calls = {"n": 0}
    real_write, real_replace = store._write_durable, store._replace_durable

    def counting(real):
        def wrapped(*args):
            if calls["n"] == step:
                raise KeyboardInterrupt("crash")
            calls["n"] += 1
            return real(*args)

        return wrapped

    monkeypatch.setattr(store, "_write_durable", counting(real_write))
    monkeypatch.setattr(store, "_replace_durable", counting(real_replace))
    with pytest.raises(KeyboardInterrupt):
        store.apply_change(folder, version_files("B"), "a", "to B", validate=False)
    monkeypatch.undo()
    outcome = store.recover(folder)
    tag = state_of(folder)
    assert tag == ("B" if outcome == "forward" else "A")
    assert outcome == ("none" if step <= 5 else "back" if step <= 10 else "forward")
    assert not store.needs_recovery(folder)
    logged = [r.summary for r in store.history(folder)]
    assert logged == (["to B"] if tag == "B" else [])
    # The next change clears any snapshot of the change that never committed.
    store.apply_change(folder, version_files("A"), "a", "to A", validate=False)
    snapshots = {p.name for p in (folder / "history").iterdir() if p.is_dir()}
    assert snapshots == {r.id for r in store.history(folder)}


def test_partial_log_line_is_skipped_and_not_glued(folder):
    store.apply_change(folder, version_files("B"), "a", "one", validate=False)
    with (folder / "history" / "log.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "broken", "at"')
    store.apply_change(folder, version_files("A"), "b", "two", validate=False)
    assert [r.summary for r in store.history(folder)] == ["one", "two"]


def test_load_consistent_recovers_first(folder):
    (folder / "places.csv.staged").write_text("garbage", encoding="utf-8")
    result = store.load_consistent(folder)
    assert result.ok and not (folder / "places.csv.staged").exists()


def test_another_process_change_gives_a_new_version(folder):
    """The cache key (dataset_version) changes when another process saves, even same size."""
    before = dataset_version(folder)
    same_size = LINKS.replace("1979-10-01", "1979-10-02")  # same length, new content
    code = (
        "import sys; from pathlib import Path; from sistercities.store import transactions as store; "
        f"store.apply_change(Path(sys.argv[1]), {{'links.csv': {same_size.encode()!r}}}, 'p', 'x')"
    )
    subprocess.run([sys.executable, "-c", code, str(folder)], cwd=ROOT, check=True)
    assert dataset_version(folder) != before
    assert load_dataset(folder).dataset.links["established"].iloc[0] == "1979-10-02"


WRITER = """
import json, sys
from pathlib import Path
from sistercities.store import transactions as store
from tests.store_versions import version_files
folder = Path(sys.argv[1])
print("ready", flush=True)
while True:
    tag = json.loads((folder / "dataset.json").read_text(encoding="utf-8"))["title_en"]
    store.apply_change(folder, version_files("A" if tag == "B" else "B"), "w", "flip", validate=False)
"""


def test_kill_during_saves_always_leaves_old_or_new(folder):
    """SIGKILL a process that saves in a loop, 60 times at random moments; always loadable."""
    rng = random.Random(7)
    outcomes = {"none": 0, "forward": 0, "back": 0}
    seen = set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(60):
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout.readline().strip() == b"ready", process.stderr.read()
        time.sleep(rng.uniform(0.0, 0.08))
        process.send_signal(signal.SIGKILL)
        process.wait()
        outcomes[store.recover(folder)] += 1
        seen.add(state_of(folder))
        assert not store.needs_recovery(folder)
    print("recoveries after kills:", outcomes)
    # The kills really landed inside saves (both recovery directions happened) and the
    # writer got through whole saves too; every state loaded as A or B.
    assert outcomes["forward"] > 0 and outcomes["back"] > 0, outcomes
    assert seen == {"A", "B"}
    records = store.history(folder)
    assert records and {r.summary for r in records} == {"flip"}


# --------------------------------------------------------------------------------------------
# Faults of the file system during a save (issue #19, section 8): the store's own error, and
# nothing changed.


@contextlib.contextmanager
def full_disk(tmp_path: Path):
    """A data folder on a small tmpfs that is then filled up (root only); yields the folder.

    Unmounted in a ``finally``. Skips when tmpfs cannot be mounted here.
    """
    mount = tmp_path / "tmpfs"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (see test_injected_faults_* for the rest)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode(errors='replace').strip()}")
    try:
        root = write_folder(mount / "data")
        (root / "dataset.json").write_bytes(version_files("A")["dataset.json"])
        store.load_consistent(root)  # creates the lock file while there is room
        with (mount / "filler").open("wb", buffering=0) as filler, contextlib.suppress(OSError):
            while True:
                filler.write(b"\0" * 4096)
        yield root
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_during_a_real_save_is_a_store_error_and_changes_nothing(tmp_path):
    with full_disk(tmp_path) as folder:
        before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
        version = dataset_version(folder)
        with pytest.raises(StoreError) as caught:
            store.apply_change(folder, version_files("B"), "a", "to B")
        assert caught.value.code == "store.no_space"
        assert "nothing was changed" in t(caught.value.code, "en", **caught.value.params)
        after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
        assert after == before  # no staged file, snapshot or journal left behind
        assert dataset_version(folder) == version and state_of(folder) == "A"
        assert not store.needs_recovery(folder) and store.history(folder) == []


@pytest.mark.parametrize(
    ("number", "code"),
    [
        (errno.ENOSPC, "store.no_space"),
        (errno.EROFS, "store.readonly_fs"),
        (errno.EACCES, "store.denied"),
        (errno.EIO, "store.fault"),
    ],
)
def test_injected_faults_while_staging_roll_back(folder, monkeypatch, number, code):
    real = store._write_durable
    calls = []

    def failing(path, content):
        calls.append(path)
        if len(calls) == 3:  # after the snapshot, while staging the new files
            raise OSError(number, os.strerror(number), str(path))
        real(path, content)

    monkeypatch.setattr(store, "_write_durable", failing)
    with pytest.raises(StoreError) as caught:
        store.apply_change(folder, version_files("B"), "a", "to B")
    assert caught.value.code == code
    assert state_of(folder) == "A" and not store.needs_recovery(folder)
    assert not (folder / store.HISTORY_DIR).exists() or not any(
        (folder / store.HISTORY_DIR).iterdir()
    )


def test_a_fault_after_the_commit_point_says_the_change_was_made(folder, monkeypatch):
    def failing(folder_, record):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store, "append_log", failing)
    with pytest.raises(StoreError) as caught:
        store.apply_change(folder, version_files("B"), "a", "to B")
    assert caught.value.code == "store.fault_committed"
    monkeypatch.undo()
    assert store.recover(folder) == "forward" and state_of(folder) == "B"
