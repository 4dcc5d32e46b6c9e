"""Autosave and crash recovery: each window saves in the background; after a crash the app offers the file.

Several windows and several app instances may run at once, so each window has
its own :class:`AutosaveSlot`: a random id, ``ID.playground`` in
:func:`~playground.core.io.paths.autosave_dir` and beside it ``ID.lock``, which
the slot keeps locked (:mod:`playground.core.io.instance_lock`) from before its
first autosave until a clean shutdown removes both files. The operating system
drops the lock when the process dies, however it dies, so at the next start
:func:`find_left_autosaves` can tell a crashed window's autosave (its lock is
free) from a live one's (its lock is held), even where every instance has the
same process id, as in containers. A live window's autosave is never offered and
never deleted. Finding a left autosave claims it (takes its lock), so two
instances starting together do not both offer it.

Versions before per-window autosaves kept one ``autosave.playground`` and an
``autosave.unclean`` marker in the data folder; such a leftover is offered too.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

import torch

from playground.core.io.files import SUFFIX, WeightsRole, save_experiment_file
from playground.core.io.instance_lock import InstanceLock
from playground.core.io.paths import autosave_dir, autosave_marker_path, autosave_path
from playground.core.runs.records import RunRecord
from playground.core.spec.experiment import Experiment

LOCK_SUFFIX = ".lock"
_SLOT_NAME = re.compile(r"[0-9a-f]{16}")


class AutosaveSlot:
    """One window's autosave: its own file, and a lock that says "this window is still open".

    The slot takes its lock at the first :meth:`write` and keeps it until
    :meth:`clear`; the id is random, so no two windows or instances ever share
    a file, whatever their process ids.
    """

    def __init__(self) -> None:
        self.id = secrets.token_hex(8)
        self.folder = autosave_dir()
        self._lock: InstanceLock | None = None

    @property
    def path(self) -> Path:
        """The autosave file of this slot."""
        return self.folder / f"{self.id}{SUFFIX}"

    @property
    def lock_path(self) -> Path:
        return self.folder / f"{self.id}{LOCK_SUFFIX}"

    def _hold(self) -> None:
        while self._lock is None:
            self._lock = InstanceLock.acquire(self.lock_path)
            if self._lock is None:  # another slot has this id (vanishingly rare): draw again
                self.id = secrets.token_hex(8)

    def write(
        self,
        experiment: Experiment,
        *,
        weights: dict[str, torch.Tensor] | None = None,
        runs: list[RunRecord] | None = None,
        weights_role: WeightsRole = "trained",
    ) -> Path:
        """Save the current work to this slot's file (atomically); returns its path."""
        self._hold()  # before the file exists, so nobody ever takes it for a crash's
        save_experiment_file(
            self.path, experiment, weights=weights, runs=runs, weights_role=weights_role
        )
        return self.path

    def clear(self) -> None:
        """On a clean shutdown: remove the autosave, then its lock file (never raises)."""
        with contextlib.suppress(OSError):  # a file that cannot go is offered, not fatal
            self.path.unlink()
        if self._lock is not None:
            self._lock.release(remove=True)
            self._lock = None


@dataclass
class LeftAutosave:
    """An autosave whose window is gone (crashed); claimed, so no other instance offers it."""

    path: Path
    lock: InstanceLock
    saved_at: float  # seconds since the epoch, from the file's modification time

    def discard(self) -> None:
        """Delete it (the user declined it, or it is restored and saved elsewhere); never raises."""
        with contextlib.suppress(OSError):
            self.path.unlink()
        self.lock.release(remove=True)

    def release(self) -> None:
        """Keep it for later: another instance, or the next start, may offer it."""
        self.lock.release()


def _is_plain_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path, follow_symlinks=False).st_mode)
    except OSError:
        return False


def _claim(path: Path, lock_path: Path) -> LeftAutosave | None:
    """Take ``path``'s lock; the autosave if its owner is gone and the file is still there."""
    try:
        lock = InstanceLock.acquire(lock_path)
    except OSError:
        return None
    if lock is None:
        return None  # its window is open in a running instance
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        info = None
    if info is None or not stat.S_ISREG(info.st_mode):
        # Removed by a clean exit between our listing and our lock (or not a file at all).
        lock.release(remove=lock_path.suffix == LOCK_SUFFIX)
        return None
    return LeftAutosave(path, lock, info.st_mtime)


def _slot_names(folder: Path) -> tuple[set[str], set[str]]:
    """The ids in ``folder`` that have an autosave file, and those that have a lock file."""
    files: set[str] = set()
    locks: set[str] = set()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return files, locks
    for entry in entries:
        stem, suffix = os.path.splitext(entry.name)
        if _SLOT_NAME.fullmatch(stem):
            if suffix == SUFFIX:
                files.add(stem)
            elif suffix == LOCK_SUFFIX:
                locks.add(stem)
    return files, locks


def find_left_autosaves() -> list[LeftAutosave]:
    """The autosaves of windows that did not close cleanly, newest first, each claimed.

    Call it at start-up. For each one the caller either restores it (and
    :meth:`~LeftAutosave.discard` s it once the work is safe elsewhere),
    discards it, or :meth:`~LeftAutosave.release` s it. Lock files whose
    autosave is gone (a crash during a clean exit) are removed on the way.
    """
    folder = autosave_dir()
    files, locks = _slot_names(folder)
    left: list[LeftAutosave] = []
    for slot in sorted(files):
        found = _claim(folder / f"{slot}{SUFFIX}", folder / f"{slot}{LOCK_SUFFIX}")
        if found is not None:
            left.append(found)
    for slot in sorted(locks - files):
        with contextlib.suppress(OSError):
            stray = InstanceLock.acquire(folder / f"{slot}{LOCK_SUFFIX}")
            if stray is not None and not (folder / f"{slot}{SUFFIX}").exists():
                stray.release(remove=True)
            elif stray is not None:
                stray.release()
    legacy, marker = autosave_path(), autosave_marker_path()
    if _is_plain_file(legacy) and _is_plain_file(marker):
        found = _claim(legacy, marker)
        if found is not None:
            left.append(found)
    left.sort(key=lambda item: item.saved_at, reverse=True)
    return left
