"""The one registry of experiment file readers, chosen by the file's extension.

Every front end opens experiment files through :func:`load_experiment_file`
(the spec alone) or :func:`~playground.core.io.files.load_experiment_file_any`
(with weights and runs). Another file format plugs in here and nowhere else.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from playground.core.io.files import FileFormatError, LoadedExperiment, read_archive
from playground.core.spec.experiment import Experiment
from playground.core.spec.json_files import (
    DAMAGED_FILE_ERRORS,
    damaged_file_sentence,
    read_experiment_json,
)
from playground.core.spec.validation import SpecError


def _read_archive_file(path: Path) -> Experiment:
    try:
        return read_archive(path).experiment  # validated with parse_experiment
    except FileFormatError as exc:
        raise SpecError(str(exc)) from None


# Readers by file extension: the one place where another experiment format plugs in.
EXPERIMENT_READERS: dict[str, Callable[[Path], Experiment]] = {
    ".json": read_experiment_json,
    ".playground": _read_archive_file,
}


def load_experiment_file(path: str | Path) -> Experiment:
    """Read an experiment file; the reader is chosen by the file's extension."""
    path = Path(path)
    reader = EXPERIMENT_READERS.get(path.suffix.lower())
    if reader is None:
        kinds = ", ".join(sorted(EXPERIMENT_READERS))
        raise SpecError(
            f"'{path.name}' is not an experiment file; Torch Playground opens {kinds} files"
        )
    if not path.exists():
        raise SpecError(f"the file '{path}' does not exist; check the name and folder")
    if path.is_dir():
        raise SpecError(f"'{path}' is a folder, not an experiment file; choose a file inside it")
    try:
        return reader(path)
    except SpecError:
        raise
    except DAMAGED_FILE_ERRORS as exc:
        raise SpecError(damaged_file_sentence(path, exc)) from None
    except PermissionError:
        raise SpecError(
            f"'{path}' cannot be read: permission denied; check the file's permissions"
        ) from None
    except OSError as exc:
        reason = exc.strerror or "the system refused"
        raise SpecError(f"'{path}' cannot be read ({reason.lower()}); check the file") from None


def load_experiment_file_any(path: str | os.PathLike[str]) -> LoadedExperiment:
    """Open an experiment with everything it carries: a ``.playground`` file (spec,
    weights, runs) or a plain ``.json`` experiment (no weights, no runs).

    Every problem is a :class:`FileFormatError` with a sentence.
    """
    file = Path(path)
    if file.suffix.lower() == ".json":
        try:
            return LoadedExperiment(load_experiment_file(file))
        except SpecError as exc:
            raise FileFormatError(str(exc)) from None
    return read_archive(file)
