"""Where a command may write: never over one of its own inputs.

``playground export X.playground -o X.playground`` would replace the experiment
with a model file, and ``playground train experiment.json --out .`` would
replace the input with its own copy. Both are refused before any work is done.
Two paths are the same file when they resolve to the same place (links and
``..`` followed) or when the file system says so (:func:`os.path.samefile`:
hard links, case-insensitive names). A link that points elsewhere is no
clash: the atomic writer replaces the link itself and never writes through it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from playground.core.spec.experiment import CsvData, Experiment


class OutputClashError(ValueError):
    """An output would overwrite an input; the message names both and what to do."""


def same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Whether writing ``first`` would replace or write into the file ``second``."""
    try:
        if os.path.samefile(first, second):
            return True
    except (OSError, ValueError):
        pass  # one of them does not exist (yet): compare where they lead
    try:
        return Path(first).resolve() == Path(second).resolve()
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a loop of links
        return False


def refuse_overwriting_inputs(
    outputs: Iterable[str | os.PathLike[str]],
    inputs: Iterable[str | os.PathLike[str]],
    remedy: str,
) -> None:
    """Raise :class:`OutputClashError` if any output is one of the inputs.

    ``remedy`` finishes the sentence with what to do, e.g. "give -o another path".
    """
    sources = [Path(source) for source in inputs]
    for output in outputs:
        for source in sources:
            if same_file(output, source):
                raise OutputClashError(
                    f"The output '{output}' is the input file '{source}', and writing it would "
                    f"destroy the input; {remedy}."
                )


def input_files(
    experiment: Experiment | None, *sources: str | os.PathLike[str] | None
) -> list[Path]:
    """The files a command reads: the given sources that are files, and the experiment's CSV.

    A table typed in the app lives in the experiment itself; its name is no file.
    """
    files = [Path(source) for source in sources if source and Path(source).is_file()]
    if (
        experiment is not None
        and isinstance(experiment.data, CsvData)
        and not experiment.data.typed
    ):
        files.append(Path(experiment.data.path))
    return files
