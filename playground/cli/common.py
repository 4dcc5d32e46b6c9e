"""What every command shares: exit codes, the user-error types, and how a problem is said.

Every problem a user can cause (a missing file, a broken spec, an absent device)
ends with exit code 2 and one sentence per problem on stderr, worded by
:mod:`playground.core.messages`; an unexpected
failure ends with exit code 1 and a generic sentence. The app's own command line
(``playground --preset …``) uses the same exit codes and argument types.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Iterable
from typing import TextIO

from playground.core.data import DataError
from playground.core.errors import ProblemError
from playground.core.io.files import FileFormatError
from playground.core.io.output_paths import OutputClashError
from playground.core.io.save_errors import SaveError
from playground.core.layers.catalog import ShapeError
from playground.core.layers.model import ModelError
from playground.core.messages import describe, sentence
from playground.core.problems import Problem
from playground.core.spec.validation import SpecError
from playground.core.training.devices import DeviceError
from playground.core.training.engine import EngineError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

PROGRAM = "playground"


class CliError(Exception):
    """A problem with what the user asked for; the message is shown as is (exit code 2)."""


def user_errors() -> tuple[type[BaseException], ...]:
    """Error types whose message is a sentence meant for the user."""
    return (
        CliError,
        SpecError,
        DataError,
        DeviceError,
        ModelError,
        ShapeError,
        EngineError,
        FileFormatError,
        OutputClashError,
        SaveError,
    )


def say(message: str, stream: TextIO | None = None) -> None:
    """Print one message per line, each starting with the program name."""
    out = sys.stderr if stream is None else stream
    for line in str(message).splitlines() or [""]:
        print(f"{PROGRAM}: {sentence(line, capital=False)}", file=out)


def say_problems(problems: Iterable[Problem], stream: TextIO | None = None) -> None:
    """Print every problem as a sentence of its own, in the catalogue's words."""
    for problem in problems:
        say(describe(problem), stream)


def say_error(error: BaseException, stream: TextIO | None = None) -> None:
    """Print a user error: its problems one per line, or its message when it has none."""
    if isinstance(error, ProblemError):
        say_problems(error.problems, stream)
    else:
        say(str(error), stream)


def debug_details() -> None:
    """With PLAYGROUND_DEBUG=1 set, developers get the traceback users never see."""
    if os.environ.get("PLAYGROUND_DEBUG"):
        traceback.print_exc()


def positive_int(text: str) -> int:
    """argparse type for a whole number of at least 1, refused in words."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value
