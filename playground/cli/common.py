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
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TextIO

from playground.core.data import DataError
from playground.core.errors import ProblemError
from playground.core.io.files import FileFormatError
from playground.core.io.output_paths import OutputClashError
from playground.core.io.save_errors import SaveError
from playground.core.layers.catalog import ShapeError
from playground.core.layers.model import ModelError
from playground.core.messages import describe, sentence
from playground.core.messages.texts import text
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


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """``--lang``: the language of messages and help (``en``, ``zh_CN``; default: the system's)."""
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help=text("language of the messages: en, zh_CN or system (default: the system's)"),
    )


def requested_language(args: Sequence[str]) -> str | None:
    """The ``--lang`` value among ``args`` (read before parsing, so the help speaks it too)."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def without_language(args: Sequence[str]) -> list[str]:
    """``args`` without a leading ``--lang X`` (it may come before the command)."""
    rest = list(args)
    while rest and (rest[0] == "--lang" or rest[0].startswith("--lang=")):
        del rest[: 2 if rest[0] == "--lang" else 1]
    return rest


def debug_details() -> None:
    """With PLAYGROUND_DEBUG=1 set, developers get the traceback users never see."""
    if os.environ.get("PLAYGROUND_DEBUG"):
        traceback.print_exc()


def positive_int(text_value: str) -> int:
    """argparse type for a whole number of at least 1, refused in words."""
    try:
        value = int(text_value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            text("'{value}' is not a whole number", value=text_value)
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(text("must be at least 1, not {value}", value=value))
    return value


def display_width(cell: str) -> int:
    """How many terminal columns ``cell`` takes (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in cell)


def pad(cell: str, width: int, *, right: bool = False) -> str:
    """``cell`` padded with spaces to ``width`` terminal columns (right-aligned if asked)."""
    room = " " * max(0, width - display_width(cell))
    return room + cell if right else cell + room
