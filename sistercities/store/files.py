"""The store's building blocks: durable file operations, the folder lock and the change log.

See :mod:`sistercities.store.transactions` for the write protocol that uses them.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

LOCK = ".journal.lock"
HISTORY_DIR = "history"
LOG = "log.jsonl"
LOCK_TIMEOUT = 30.0


class StoreError(Exception):
    """A change that cannot be made; ``code`` is a translation key, ``params`` its fields."""

    def __init__(self, code: str, problems: list | None = None, **params: object):
        super().__init__(code)
        self.code = code
        self.params = {key: str(value) for key, value in params.items()}
        self.problems = problems or []


@dataclass(frozen=True)
class ChangeRecord:
    """One line of ``history/log.jsonl``: who changed what, when."""

    id: str
    at: str
    who: str
    kind: Literal["change", "undo"]
    summary: str
    files: tuple[str, ...]
    undoes: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, line: str) -> ChangeRecord | None:
        """Parse a log line; None for a damaged one (a kill while appending)."""
        try:
            raw = json.loads(line)
            return cls(
                id=str(raw["id"]),
                at=str(raw["at"]),
                who=str(raw["who"]),
                kind=raw["kind"],
                summary=str(raw.get("summary", "")),
                files=tuple(raw.get("files", ())),
                undoes=raw.get("undoes"),
                extra=dict(raw.get("extra", {})),
            )
        except (ValueError, KeyError, TypeError):
            return None


# -- low-level durable file operations ------------------------------------------------------


def fsync_dir(path: Path) -> None:
    """Make a directory entry change (create, rename, unlink) durable."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_durable(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` and fsync the file (not the directory)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def replace_durable(source: Path, target: Path) -> None:
    """Rename ``source`` over ``target`` and fsync the directory."""
    source.replace(target)
    fsync_dir(target.parent)


# -- locking -------------------------------------------------------------------------------


@contextlib.contextmanager
def folder_lock(
    folder: Path, exclusive: bool = True, timeout: float = LOCK_TIMEOUT
) -> Iterator[bool]:
    """Hold the folder's lock (exclusive for writers, shared for readers).

    Yields True when locked; a shared lock on a folder where no lock file can be created (a
    read-only deployment, where nobody can write either) yields False instead of failing.

    Raises:
        StoreError: ``store.locked`` when another writer holds the lock past ``timeout``;
            ``store.readonly`` when a writer cannot create the lock file.
    """
    try:
        descriptor = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        if exclusive:
            raise StoreError("store.readonly", folder=folder) from exc
        yield False
        return
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(descriptor, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                if time.monotonic() > deadline:
                    raise StoreError("store.locked", seconds=int(timeout)) from exc
                time.sleep(0.02)
        yield True
    finally:
        os.close(descriptor)  # closing releases the flock


# -- change log -------------------------------------------------------------------------------


def history(folder: Path) -> list[ChangeRecord]:
    """Every logged change, oldest first (damaged lines are skipped)."""
    path = folder / HISTORY_DIR / LOG
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [record for line in lines if (record := ChangeRecord.from_json(line))]


def append_log(folder: Path, record: dict[str, Any]) -> None:
    """Append one JSON line durably (after a newline if a kill left a partial line)."""
    path = folder / HISTORY_DIR / LOG
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record, ensure_ascii=False) + "\n"
    with path.open("ab+") as handle:
        handle.seek(0, os.SEEK_END)
        if handle.tell() > 0:
            handle.seek(-1, os.SEEK_END)
            if handle.read(1) != b"\n":
                line = "\n" + line
        handle.write(line.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())


def last_undoable(folder: Path) -> ChangeRecord | None:
    """The latest change that has not been undone (undo works as a stack)."""
    undone: set[str] = set()
    for record in reversed(history(folder)):
        if record.kind == "undo" and record.undoes:
            undone.add(record.undoes)
        elif record.kind == "change" and record.id not in undone:
            return record
    return None


def snapshot_dir(folder: Path, change_id: str) -> Path:
    """Where the versions a change replaced are kept."""
    return folder / HISTORY_DIR / change_id / "before"
