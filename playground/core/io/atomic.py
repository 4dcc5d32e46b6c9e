"""Atomic file writes: a file is either the old version or the complete new one.

Saving writes to a temporary file in the same folder, flushes it to disk and
then renames it over the target with :func:`os.replace`, which is atomic on
every platform we support. A crash, a kill or a full disk in the middle of a
save therefore leaves the previous file untouched, and at worst a stray
temporary file; a later successful save into the same folder removes strays
whose writer is gone (see :mod:`playground.core.io.save_temporaries`).

The rename replaces whatever the target name is, a symbolic link included: a
link planted at the target is swapped for a regular file, never written through.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from playground.core.io.save_temporaries import (
    STALE_SECONDS,
    TEMP_SUFFIX,
    hold_temporary,
    release_temporary,
    remove_stray_temporaries,
    temporary_prefix,
)

__all__ = [
    "STALE_SECONDS",
    "TEMP_SUFFIX",
    "atomic_write",
    "atomic_write_bytes",
    "atomic_write_text",
]


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows cannot open folders)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _file_mode(path: Path) -> int:
    """Keep an existing file's permissions; new files (and replaced links) get rw-r--r--."""
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return 0o644
    return 0o644 if stat.S_ISLNK(info.st_mode) else info.st_mode & 0o777


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Open a binary stream whose content replaces ``path`` only if the block completes.

    If the block raises, the temporary file is removed and ``path`` is unchanged.
    """
    target = Path(path)
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(
        prefix=temporary_prefix(target), suffix=TEMP_SUFFIX, dir=folder
    )
    temp = Path(temp_name)
    in_use = hold_temporary(fd)  # until after the rename: a tidying save elsewhere keeps it
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _file_mode(target))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    finally:
        release_temporary(in_use)
    _fsync_folder(folder)
    remove_stray_temporaries(folder)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically."""
    with atomic_write(path) as stream:
        stream.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with UTF-8 ``text`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))
