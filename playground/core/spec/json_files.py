"""Reading a ``.json`` experiment file, and the errors a damaged file can cause.

The readers of both file kinds (``.json`` here, ``.playground`` in
:mod:`playground.core.io.files`) share :data:`DAMAGED_FILE_ERRORS` and one
sentence for them, so an unforeseen failure of the standard library on a
hostile file is always a refusal in words.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from playground.core.safe_read import (
    MAX_EXPERIMENT_JSON_BYTES,
    UnreadableFileError,
    excerpt,
    read_regular_file,
)
from playground.core.spec.experiment import Experiment
from playground.core.spec.validation import SpecError, parse_experiment


def read_experiment_json(path: Path) -> Experiment:
    """Read and validate a ``.json`` experiment file; problems are prefixed with its name."""
    try:
        data = read_regular_file(path, MAX_EXPERIMENT_JSON_BYTES, "an experiment file")
    except UnreadableFileError as exc:
        raise SpecError(str(exc)) from None
    try:
        return parse_experiment(data)
    except SpecError as exc:
        raise SpecError([problem.within(path.name) for problem in exc.problems]) from None


#: What a damaged or hostile file can make the standard library raise while it is read:
#: a flipped byte in deflated data (zlib.error), an unknown zip method or version
#: (NotImplementedError), nesting too deep (RecursionError), integers of thousands of
#: digits (ValueError), bytes that are not UTF-8 (UnicodeError), a truncated header.
DAMAGED_FILE_ERRORS: tuple[type[BaseException], ...] = (
    zlib.error,
    struct.error,
    NotImplementedError,
    RecursionError,
    ValueError,
    OverflowError,
    UnicodeError,
    EOFError,
    KeyError,
    IndexError,
    MemoryError,
)


def damaged_file_sentence(path: Path, error: BaseException) -> str:
    """The sentence for a file that made a reader fail in an unforeseen way."""
    return (
        f"'{excerpt(path.name, 80)}' cannot be read as an experiment: it is damaged or not an "
        f"experiment file ({type(error).__name__}); open an earlier copy or save it again"
    )
