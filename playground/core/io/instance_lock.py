"""File locks that the operating system drops when their process dies.

Crash recovery has to tell "the app that wrote this autosave is still open" from
"it crashed". A process id cannot: ids are reused, and in a container or sandbox
every instance may be process 1. A lock can: the holder keeps an open file with
an exclusive lock on it, and the kernel releases the lock the moment the process
ends, however it ends. Whoever then gets the lock knows the holder is gone.

POSIX uses :func:`fcntl.flock` (a lock on the open file, so two handles in one
process exclude each other too, which keeps tests honest); Windows uses
:func:`msvcrt.locking` on the first byte. Both are non-blocking: a held lock is
an answer, never a wait.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

_BUSY = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK}
# Never follow a planted link to somewhere else; never leak the handle into child processes.
_NO_FOLLOW = (
    getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)
)
_OPEN_FLAGS = os.O_RDWR | os.O_CREAT | _NO_FOLLOW


def try_lock_fd(fd: int) -> bool:
    """Take an exclusive lock on the open file ``fd`` without waiting; False when another holds it."""
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in _BUSY:
            return False
        raise
    return True


def unlock_fd(fd: int) -> None:
    """Drop a lock taken by :func:`try_lock_fd` (closing the file drops it as well)."""
    with contextlib.suppress(OSError):
        if sys.platform == "win32":  # pragma: no cover - Windows
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)


def _names_same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (not removed or replaced meanwhile)."""
    try:
        on_disk = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)


class InstanceLock:
    """An exclusive lock on a lock file, held from :meth:`acquire` until :meth:`release` or death.

    Use :meth:`acquire` (which returns ``None`` while a live process holds the
    lock) rather than the constructor.
    """

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd
        self._pid = os.getpid()  # a forked child shares the lock and must not drop it

    @classmethod
    def acquire(cls, path: str | os.PathLike[str]) -> InstanceLock | None:
        """Create or open ``path`` and lock it; ``None`` when a live process holds it.

        The lock file may be removed by its previous holder between our open and
        our lock; we then hold a lock on a file nobody can find, so we check that
        the path still names our file and start again if not.
        """
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        for _attempt in range(5):
            fd = os.open(target, _OPEN_FLAGS, 0o600)
            try:
                locked = try_lock_fd(fd)
            except OSError:
                os.close(fd)
                raise
            if not locked:
                os.close(fd)
                return None
            if sys.platform == "win32" or _names_same_file(fd, target):
                return cls(target, fd)
            os.close(fd)  # removed by its previous holder while we waited: take the new one
        return None

    @property
    def held(self) -> bool:
        """Whether this object still holds its lock."""
        return self._fd is not None

    def release(self, *, remove: bool = False) -> None:
        """Drop the lock; with ``remove`` also delete the lock file (nobody needs it any more)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if os.getpid() != self._pid:
            os.close(fd)  # the parent still holds it
            return
        if remove and sys.platform != "win32":
            # Remove while still holding it, so nobody locks a file that is about to vanish.
            with contextlib.suppress(OSError):
                self.path.unlink()
        unlock_fd(fd)
        os.close(fd)
        if (
            remove and sys.platform == "win32"
        ):  # pragma: no cover - Windows cannot delete open files
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __del__(self) -> None:
        fd, self._fd = getattr(self, "_fd", None), None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)


def is_locked(path: str | os.PathLike[str]) -> bool:
    """Whether a live lock holder (another process, or another lock in this one) holds ``path``.

    A missing lock file is not locked. Checking takes the lock for a moment.
    """
    target = Path(path)
    try:
        fd = os.open(target, os.O_RDONLY | _NO_FOLLOW)
    except OSError:
        return False
    try:
        if try_lock_fd(fd):
            unlock_fd(fd)
            return False
        return True
    finally:
        os.close(fd)
