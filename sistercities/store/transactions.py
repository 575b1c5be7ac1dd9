"""Atomic, versioned writes of the data folder, with history, undo, a lock and crash recovery.

A change replaces some contract files all-or-nothing while keeping their names:

1. under an exclusive lock (``.journal.lock``), copy the files about to be replaced to
   ``history/<id>/before/`` and fsync them;
2. write each new file beside the old one as ``<name>.staged`` and fsync it;
3. write the journal ``.journal`` (via ``.journal.tmp`` + rename): the commit point;
4. rename every staged file into place (and delete files the change removes);
5. append the record to ``history/log.jsonl``; remove the journal.

A start-up (:func:`recover`) that finds a journal rolls the change forward (the new files are
all on disk); staged files without a journal are rolled back (deleted). A kill at any moment
therefore leaves the old or the new dataset, never a mix. Readers load under a shared lock
(:func:`load_consistent`), so they never see a change half renamed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sistercities.contract.schema import (
    ALLIANCE_DIR,
    CONTRACT_FILES,
)
from sistercities.store.files import (
    HISTORY_DIR,
    LOCK,
    LOCK_TIMEOUT,
    LOG,
    ChangeRecord,
    StoreError,
    append_log,
    folder_lock,
    history,
    last_undoable,
    snapshot_dir,
)
from sistercities.store.files import fsync_dir as _fsync_dir
from sistercities.store.files import replace_durable as _replace_durable
from sistercities.store.files import write_durable as _write_durable

__all__ = [
    "HISTORY_DIR",
    "LOCK",
    "LOCK_TIMEOUT",
    "LOG",
    "ChangeRecord",
    "StoreError",
    "folder_lock",
    "history",
    "last_undoable",
    "snapshot_dir",
]

if TYPE_CHECKING:
    from sistercities.contract.problems import Problem
    from sistercities.dataset import LoadResult

JOURNAL = ".journal"
JOURNAL_TMP = ".journal.tmp"
STAGED = ".staged"

Recovery = Literal["none", "forward", "back"]


# -- recovery ------------------------------------------------------------------------------


def _staged_files(folder: Path) -> list[Path]:
    """Staged files left beside the contract files."""
    return [
        folder / (name + STAGED) for name in CONTRACT_FILES if (folder / (name + STAGED)).exists()
    ]


def needs_recovery(folder: Path) -> bool:
    """True when a journal or staged files show an interrupted change (cheap check)."""
    return (
        (folder / JOURNAL).exists()
        or (folder / JOURNAL_TMP).exists()
        or bool(_staged_files(folder))
    )


def recover(folder: Path) -> Recovery:
    """Finish or undo an interrupted change; return what was done.

    With a journal the change was committed: roll forward. Without one: roll back (delete the
    staged files and the orphaned history snapshot).
    """
    if not needs_recovery(folder):
        return "none"
    with folder_lock(folder, exclusive=True):
        return _recover_locked(folder)


def _recover_locked(folder: Path) -> Recovery:
    """Recovery, with the exclusive lock held."""
    journal = _read_journal(folder)
    if journal is not None:
        _roll_forward(folder, journal)
        return "forward"
    if not needs_recovery(folder):
        _drop_orphan_snapshots(folder)
        return "none"
    for staged in _staged_files(folder):
        staged.unlink(missing_ok=True)
    (folder / JOURNAL_TMP).unlink(missing_ok=True)
    _drop_orphan_snapshots(folder)
    _fsync_dir(folder)
    if (folder / ALLIANCE_DIR).is_dir():
        _fsync_dir(folder / ALLIANCE_DIR)
    return "back"


def _read_journal(folder: Path) -> dict[str, Any] | None:
    """The committed journal, or None (a damaged journal cannot exist: it is renamed in)."""
    path = folder / JOURNAL
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _roll_forward(folder: Path, journal: dict[str, Any]) -> None:
    """Rename every staged file into place, delete removed files, log, clear the journal."""
    for name in journal["write"]:
        staged = folder / (name + STAGED)
        if staged.exists():
            _replace_durable(staged, folder / name)
    for name in journal["delete"]:
        target = folder / name
        if target.exists():
            target.unlink()
            _fsync_dir(target.parent)
    record = journal["record"]
    if record["id"] not in {r.id for r in history(folder)}:
        append_log(folder, record)
    (folder / JOURNAL).unlink()
    _fsync_dir(folder)


def _drop_orphan_snapshots(folder: Path) -> None:
    """Remove history snapshots of changes that never committed (no log line)."""
    root = folder / HISTORY_DIR
    if not root.is_dir():
        return
    logged = {record.id for record in history(folder)}
    for entry in root.iterdir():
        if entry.is_dir() and entry.name not in logged:
            shutil.rmtree(entry, ignore_errors=True)


# -- applying changes ----------------------------------------------------------------------


def _check_names(files: Mapping[str, bytes | None]) -> None:
    """Only contract files may be written (no other names, no paths outside the folder)."""
    unknown = [name for name in files if name not in CONTRACT_FILES]
    if unknown or not files:
        raise StoreError("store.bad_file", names=", ".join(unknown) or "-")


def apply_change(
    folder: Path,
    files: Mapping[str, bytes | None],
    who: str,
    summary: str,
    expected_version: str | None = None,
    validate: bool = True,
    extra: dict[str, Any] | None = None,
) -> ChangeRecord:
    """Replace contract files all-or-nothing; ``None`` content deletes an (optional) file.

    Args:
        folder: The data folder.
        files: Contract file name (``links.csv``, ``alliance/members.csv``...) -> new bytes.
        who: Who makes the change (logged).
        summary: What the change is (logged).
        expected_version: The :func:`dataset_version` the change was prepared against; if the
            folder has changed since, nothing is written.
        validate: Load the would-be folder first and refuse it when it has errors.
        extra: More facts for the log line (counts, uploaded file names).

    Returns:
        The logged record.

    Raises:
        StoreError: ``store.stale``, ``store.invalid`` (with ``problems``), ``store.locked``,
            ``store.bad_file``, ``store.readonly``, or a file-system fault during the save
            (``store.no_space``, ``store.readonly_fs``, ``store.denied``, ``store.fault``);
            in every case nothing has changed. Only ``store.fault_committed`` (a fault after
            the commit point) means the change was made; the next load finishes it.
    """
    _check_names(files)
    folder = Path(folder)
    with _faults_as_store_errors(), folder_lock(folder, exclusive=True):
        _recover_locked(folder)
        return _apply_locked(folder, files, who, summary, expected_version, validate, extra)


FAULT_CODES = {
    errno.ENOSPC: "store.no_space",
    errno.EDQUOT: "store.no_space",
    errno.EROFS: "store.readonly_fs",
    errno.EACCES: "store.denied",
    errno.EPERM: "store.denied",
}


def fault_error(exc: OSError, committed: bool = False) -> StoreError:
    """The store's own error for a file-system fault (full disk, read-only, denied, ...)."""
    detail = exc.strerror or str(exc)
    if committed:
        return StoreError("store.fault_committed", detail=detail)
    return StoreError(FAULT_CODES.get(exc.errno or 0, "store.fault"), detail=detail)


@contextlib.contextmanager
def _faults_as_store_errors() -> Iterator[None]:
    """Turn an OSError escaping a save into :func:`fault_error` (the save was rolled back)."""
    try:
        yield
    except OSError as exc:
        raise fault_error(exc) from exc


def _apply_locked(
    folder: Path,
    files: Mapping[str, bytes | None],
    who: str,
    summary: str,
    expected_version: str | None,
    validate: bool,
    extra: dict[str, Any] | None,
    kind: Literal["change", "undo"] = "change",
    undoes: str | None = None,
) -> ChangeRecord:
    """:func:`apply_change` with the exclusive lock held and recovery done."""
    if expected_version is not None:
        from sistercities.dataset import dataset_version

        if dataset_version(folder) != expected_version:
            raise StoreError("store.stale")
    if validate:
        found = candidate_errors(folder, files)
        if found:
            raise StoreError("store.invalid", problems=found, count=len(found))
    record = ChangeRecord(
        id=_new_id(),
        at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        who=who.strip() or "-",
        kind=kind,
        summary=summary,
        files=tuple(sorted(files)),
        undoes=undoes,
        extra=dict(extra or {}),
    )
    _commit(folder, files, record)
    return record


def _new_id() -> str:
    """A sortable, unique change id."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    return f"{stamp}-{secrets.token_hex(3)}"


def _commit(folder: Path, files: Mapping[str, bytes | None], record: ChangeRecord) -> None:
    """Snapshot, stage, journal, rename, log, clear: the crash-safe sequence.

    A file-system fault before the journal is in place rolls the staging back (nothing
    changed) and raises its :func:`fault_error`; one after it raises ``store.fault_committed``
    (the change is made; the next load or save finishes it from the journal).
    """
    try:
        journal = _stage(folder, files, record)
    except OSError as exc:
        if (folder / JOURNAL).exists():
            raise fault_error(exc, committed=True) from exc
        with contextlib.suppress(OSError):
            _recover_locked(folder)  # no journal: deletes staged files and the snapshot
        raise fault_error(exc) from exc
    try:
        _roll_forward(folder, journal)
    except OSError as exc:
        raise fault_error(exc, committed=True) from exc


def _stage(folder: Path, files: Mapping[str, bytes | None], record: ChangeRecord) -> dict[str, Any]:
    """Snapshot the replaced files, stage the new ones and write the journal; return it."""
    before = snapshot_dir(folder, record.id)
    existed = []
    for name in files:
        if (folder / name).exists():
            _write_durable(before / name, (folder / name).read_bytes())
            existed.append(name)
    _write_durable(before.parent / "manifest.json", json.dumps({"existed": existed}).encode())
    _fsync_tree(before.parent)
    contents = {name: content for name, content in files.items() if content is not None}
    writes = list(contents)
    for name, content in contents.items():
        staged = folder / (name + STAGED)
        _write_durable(staged, content)
        _ensure_new_stamp(staged, folder / name)
    for parent in {(folder / name).parent for name in writes}:
        _fsync_dir(parent)
    journal = {
        "write": writes,
        "delete": [name for name, content in files.items() if content is None],
        "record": asdict(record),
    }
    _write_durable(folder / JOURNAL_TMP, json.dumps(journal, ensure_ascii=False).encode())
    _replace_durable(folder / JOURNAL_TMP, folder / JOURNAL)
    return journal


def _fsync_tree(path: Path) -> None:
    """Flush a snapshot directory, its subdirectories and their parents up to history/."""
    for directory in sorted({p.parent for p in path.rglob("*")} | {path, path.parent}):
        _fsync_dir(directory)


def _ensure_new_stamp(staged: Path, target: Path) -> None:
    """Make sure size or mtime differ from the old file, so every process sees a new version."""
    if not target.exists():
        return
    old, new = target.stat(), staged.stat()
    if (old.st_size, old.st_mtime_ns) == (new.st_size, new.st_mtime_ns):
        bumped = new.st_mtime_ns + 1_000_000_000
        os.utime(staged, ns=(bumped, bumped))


def undo_last(folder: Path, who: str) -> ChangeRecord:
    """Restore the files the latest not-yet-undone change replaced (itself a logged change).

    Raises:
        StoreError: ``store.nothing_to_undo`` when there is no change to undo; a fault of the
            file system as in :func:`apply_change`.
    """
    folder = Path(folder)
    with _faults_as_store_errors(), folder_lock(folder, exclusive=True):
        _recover_locked(folder)
        target = last_undoable(folder)
        if target is None:
            raise StoreError("store.nothing_to_undo")
        before = snapshot_dir(folder, target.id)
        manifest = json.loads((before.parent / "manifest.json").read_text(encoding="utf-8"))
        existed = set(manifest["existed"])
        files = {
            name: (before / name).read_bytes() if name in existed else None for name in target.files
        }
        return _apply_locked(
            folder, files, who, target.summary, None, False, target.extra, "undo", target.id
        )


# -- candidates and consistent reads -------------------------------------------------------


@contextlib.contextmanager
def candidate_folder(folder: Path, files: Mapping[str, bytes | None]) -> Iterator[Path]:
    """A temporary copy of the folder's contract files with ``files`` applied."""
    with tempfile.TemporaryDirectory(prefix="sistercities-candidate-") as tmp:
        root = Path(tmp)
        (root / ALLIANCE_DIR).mkdir()
        for name in CONTRACT_FILES:
            content = files.get(name)
            if name not in files and (folder / name).exists():
                content = (folder / name).read_bytes()
            if content is not None:
                (root / name).write_bytes(content)
        yield root


def candidate_errors(
    folder: Path, files: Mapping[str, bytes | None], today: dt.date | None = None
) -> list[Problem]:
    """Every problem of the whole folder as it would be after the change (errors first)."""
    from sistercities.contract.problems import errors
    from sistercities.dataset import load_dataset

    with candidate_folder(folder, files) as root:
        return errors(load_dataset(root, today).problems)


def load_consistent(folder: Path, today: dt.date | None = None) -> LoadResult:
    """Recover if needed, then load the folder under a shared lock (never a half change)."""
    from sistercities.dataset import load_dataset

    folder = Path(folder)
    recover(folder)
    with folder_lock(folder, exclusive=False):
        return load_dataset(folder, today)
