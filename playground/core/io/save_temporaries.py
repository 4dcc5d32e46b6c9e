"""The temporary files of atomic saves, and removing the ones a killed save left behind.

An atomic save (:mod:`playground.core.io.atomic`) writes ``.NAME.XXXXXXXX.saving``
beside its target and renames it over the target when it is complete. A save
that is killed half-way leaves that file behind, and an experiment with weights
makes it tens of megabytes; a few crashes fill a folder. So every save tidies
its folder, and the app tidies its autosave folder at start.

Only our own files go: regular files with exactly our naming pattern. Of those,
a file whose writer is alive must stay: on POSIX the writer holds a lock on its
temporary from creation until after the rename (see :func:`hold_temporary`), so
a temporary we can lock has no living writer. A file younger than
:data:`GRACE_SECONDS` always stays (between creating and locking it a writer is
briefly unguarded). Windows has no lock check here (a second handle would stop
the writer's rename), so there only files older than :data:`STALE_SECONDS` go.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import time
from pathlib import Path

from playground.core.io.instance_lock import try_lock_fd, unlock_fd

TEMP_SUFFIX = ".saving"
GRACE_SECONDS = 30.0
STALE_SECONDS = 600.0

# ``tempfile.mkstemp`` puts 8 characters from [a-z0-9_] between our prefix and suffix.
_OUR_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX), re.DOTALL)
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NONBLOCK", 0)  # a file swapped for a pipe must not hang the open
)


def temporary_prefix(target: Path) -> str:
    """The start of the name of ``target``'s temporaries: ``.NAME.``."""
    return f".{target.name}."


def is_our_temporary(name: str) -> bool:
    """Whether ``name`` is what :func:`tempfile.mkstemp` makes from our prefix and suffix."""
    return _OUR_TEMPORARY.fullmatch(name) is not None


def hold_temporary(fd: int) -> int | None:
    """Mark the new temporary ``fd`` as being written; returns a handle for :func:`release_temporary`.

    The lock lives on a duplicate of ``fd``, so it outlasts closing the write
    stream and covers the rename that follows. ``None`` on Windows.
    """
    if sys.platform == "win32":  # pragma: no cover - Windows
        return None
    lock_fd = os.dup(fd)
    try_lock_fd(lock_fd)  # a file we just created: nobody else can hold it
    return lock_fd


def release_temporary(lock_fd: int | None) -> None:
    """The save is over (renamed or removed): drop the mark of :func:`hold_temporary`."""
    if lock_fd is not None:
        unlock_fd(lock_fd)
        os.close(lock_fd)


def _writer_is_gone(path: Path) -> bool:
    """Whether nobody holds ``path``'s lock (its writer died); True only while ``path`` is that file."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return False
    try:
        if not try_lock_fd(fd):
            return False
        try:
            on_disk = os.stat(path, follow_symlinks=False)
        except OSError:
            return False
        mine = os.fstat(fd)
        return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)
    finally:
        os.close(fd)  # closing drops the lock as well


def remove_stray_temporaries(folder: str | os.PathLike[str], *, now: float | None = None) -> int:
    """Delete our temporaries in ``folder`` that no save is writing any more; returns how many.

    Never raises: tidying up must not turn a successful save into a failure.
    """
    moment = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not is_our_temporary(entry.name):
            continue
        path = Path(entry.path)
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue  # a link or folder with our name is not ours to delete
        age = moment - info.st_mtime
        if age < GRACE_SECONDS:
            continue
        if sys.platform == "win32":  # pragma: no cover - Windows
            stale = age > STALE_SECONDS
        else:
            stale = _writer_is_gone(path)
        if stale:
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed
