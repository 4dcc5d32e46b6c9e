"""Bounded reads of untrusted files and JSON text, with every refusal told as a sentence.

Files people share (experiments, CSV tables) are untrusted: a path may name a
FIFO that never delivers a byte, a device such as ``/dev/zero`` that never
ends, a symlink loop, or a small file that decodes into something enormous.
The readers here only read regular files, open them without blocking, stop
after a size cap, and parse JSON only after checking its size and nesting
depth without recursion, so no input can hang the app or exhaust its memory.

Callers turn :class:`UnreadableFileError` into their own user-facing error
type (``SpecError``, ``FileFormatError``, ``DataError``); the sentence is
written to stand on its own.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import accumulate
from pathlib import Path
from typing import IO, Any

#: The most a plain ``.json`` experiment (or a JSON part of a ``.playground`` file) may hold.
MAX_EXPERIMENT_JSON_BYTES = 4 * 1024**2
#: The deepest nesting of lists and groups an experiment needs is about 5; 64 is generous.
MAX_JSON_DEPTH = 64
#: The longest excerpt of a user's value that a message quotes.
EXCERPT_CHARS = 40

_CHUNK = 1024**2
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


class UnreadableFileError(ValueError):
    """A file cannot be read safely; the message says which file, why, and what to do."""


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """A short, printable excerpt of a value for a message: control characters and
    unpaired surrogates escaped, cut to ``limit`` characters with ``...``.

    Messages quote what a user typed or a file held; the excerpt keeps a
    sentence readable even when the value is megabytes of binary data.
    """
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit * 4:
        text = text[: limit * 4]
        cut = True
    else:
        cut = False
    shown: list[str] = []
    for char in text:
        code = ord(char)
        if code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF or 0x80 <= code < 0xA0:
            shown.append(char.encode("unicode_escape", "backslashreplace").decode("ascii"))
            if char == "\x00":
                shown[-1] = "\\x00"
        else:
            shown.append(char)
    result = "".join(shown)
    if len(result) > limit or cut:
        result = result[: max(limit - 3, 1)] + "..."
    return result


def _describe_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refuse_os_error(path: Path, error: OSError) -> UnreadableFileError:
    if isinstance(error, FileNotFoundError):
        return UnreadableFileError(
            f"the file '{excerpt(path, 200)}' does not exist; check the name and the folder"
        )
    if isinstance(error, PermissionError):
        return UnreadableFileError(
            f"'{excerpt(path, 200)}' cannot be read: permission denied; check the file's permissions"
        )
    if error.errno == errno.ELOOP:
        return UnreadableFileError(
            f"'{excerpt(path, 200)}' is a link that leads back to itself; choose the file it "
            "should point to"
        )
    reason = (error.strerror or "the system refused").lower()
    return UnreadableFileError(f"'{excerpt(path, 200)}' cannot be read ({reason}); check the file")


def _check_regular(path: Path, mode: int, size: int, limit: int, what: str) -> None:
    if not stat.S_ISREG(mode):
        raise UnreadableFileError(
            f"'{excerpt(path, 200)}' is {_describe_kind(mode)}, not {what}; choose a regular file"
        )
    if size > limit:
        raise UnreadableFileError(
            f"'{excerpt(path.name, 80)}' is {_megabytes(size)}, but this app reads at most "
            f"{_megabytes(limit)} as {what}; check that it is the file you meant"
        )


def _megabytes(size: int) -> str:
    if size < 1024**2:
        return f"{max(size, 1) / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"
    return f"{size / 1024**2:,.1f} MB"


@contextmanager
def open_regular_file(path: str | os.PathLike[str], limit: int, what: str) -> Iterator[IO[bytes]]:
    """Open a regular file for reading in binary, refusing anything else with a sentence.

    The path is checked with ``os.stat`` before opening; the file is opened with
    ``O_NONBLOCK`` (so a FIFO swapped in between cannot block) and checked again
    with ``fstat``. ``limit`` caps the size on disk; ``what`` names the kind of
    file in messages ("an experiment file").
    """
    file = Path(path)
    try:
        info = os.stat(file)
    except (OSError, ValueError) as error:
        if isinstance(error, ValueError):  # an embedded NUL character in the path
            raise UnreadableFileError(
                f"'{excerpt(file, 200)}' is not a valid file name; choose the file again"
            ) from None
        raise _refuse_os_error(file, error) from None
    _check_regular(file, info.st_mode, info.st_size, limit, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(file, flags)
    except OSError as error:
        raise _refuse_os_error(file, error) from None
    try:
        opened = os.fstat(descriptor)
        _check_regular(file, opened.st_mode, opened.st_size, limit, what)
        stream = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with stream:
        yield stream


def read_bounded(stream: IO[bytes], limit: int) -> bytes | None:
    """Read at most ``limit`` bytes in chunks; None when the stream holds more."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - total)):
        total += len(chunk)
        if total > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def read_regular_file(path: str | os.PathLike[str], limit: int, what: str) -> bytes:
    """The whole content of a regular file no larger than ``limit`` bytes.

    Raises :class:`UnreadableFileError` for a missing, unreadable or non-regular
    file and for one that is (or grows) larger than ``limit``.
    """
    file = Path(path)
    try:
        with open_regular_file(file, limit, what) as stream:
            data = read_bounded(stream, limit)
    except OSError as error:
        raise _refuse_os_error(file, error) from None
    if data is None:
        raise UnreadableFileError(
            f"'{excerpt(file.name, 80)}' grew beyond {_megabytes(limit)} while it was read, "
            f"more than this app reads as {what}; check that it is the file you meant"
        )
    return data


def json_depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` in JSON text, without parsing it (no recursion).

    Brackets inside strings do not count. Unbalanced text gives some depth; the
    parser reports its syntax afterwards.
    """
    brackets = _STRINGS.sub("", text)
    steps = [1 if char in "[{" else -1 for char in brackets if char in "[]{}"]
    return max(accumulate(steps), default=0)


def parse_json_text(text: str, max_bytes: int = MAX_EXPERIMENT_JSON_BYTES) -> Any:
    """Parse JSON text that came from a user, bounded in size and nesting depth.

    Raises :class:`json.JSONDecodeError` for syntax problems (the caller words
    those with the line and column) and :class:`UnreadableFileError` for text
    that is too large, too deeply nested or holds a number too long to read.
    """
    if len(text) > max_bytes:
        raise UnreadableFileError(
            f"the JSON text is {_megabytes(len(text))}, more than any experiment needs "
            f"({_megabytes(max_bytes)} at most)"
        )
    # The count of opening brackets bounds the depth: most texts need no scan at all.
    depth = 0 if text.count("[") + text.count("{") <= MAX_JSON_DEPTH else json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise UnreadableFileError(
            f"the JSON text is nested {depth} levels deep; an experiment needs only a few "
            f"levels ({MAX_JSON_DEPTH} at most)"
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except (ValueError, RecursionError, OverflowError):
        # Python refuses integers of more than a few thousand digits (ValueError).
        raise UnreadableFileError(
            "the JSON text cannot be read (a number in it may have thousands of digits); "
            "save the experiment again from the app"
        ) from None
