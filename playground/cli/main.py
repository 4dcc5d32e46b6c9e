"""The command line: ``playground train | check | presets | export …`` without a window.

Each subcommand is a module with ``register(subparsers)``, which adds its parser
and sets ``handler`` (``(argparse.Namespace) -> int``) as a default.
:data:`SUBCOMMANDS` maps command names to those modules, imported here by name
so that a frozen build sees every one of them; adding a subcommand is one
import and one line there. No traceback ever reaches the terminal (see
:mod:`playground.cli.common`).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from playground.cli import check, export, lab, presets, train
from playground.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    PROGRAM,
    add_language_option,
    debug_details,
    requested_language,
    say,
    say_error,
    user_errors,
    without_language,
)
from playground.core.io.readers import EXPERIMENT_READERS
from playground.core.messages import did_you_mean
from playground.core.messages.language import resolve_language
from playground.core.messages.texts import set_language, text

#: Every command and the module that adds it with ``register(subparsers)``.
SUBCOMMANDS: dict[str, ModuleType] = {
    "train": train,
    "check": check,
    "presets": presets,
    "export": export,
    "lab": lab,
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line: app options and the subcommands (only ``command``'s when given)."""
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description=text(
            "Design, train and watch small neural networks. Without a command the app "
            "opens ('playground [FILE] [--preset NAME]'); with a command it runs in the terminal."
        ),
        epilog=text("Run 'playground COMMAND --help' for the options of one command."),
    )
    parser.add_argument(
        "--preset",
        metavar="NAME",
        help=text("open the app with this preset (see 'playground presets')"),
    )
    add_language_option(parser)
    subparsers = parser.add_subparsers(title=text("commands"), dest="command", metavar="COMMAND")
    wanted = [SUBCOMMANDS[command]] if command in SUBCOMMANDS else list(SUBCOMMANDS.values())
    for module in wanted:
        module.register(subparsers)
    for sub in {id(p): p for p in subparsers.choices.values()}.values():
        add_language_option(sub)  # also after the command: playground train xor --lang zh_CN
    return parser


def subcommand_names() -> list[str]:
    """The names of every command the command line knows."""
    return list(SUBCOMMANDS)


def wants_cli(args: Sequence[str]) -> bool:
    """Whether these arguments ask for the command line rather than the app."""
    args = without_language(args)
    if not args:
        return False
    first = args[0]
    if first in ("-h", "--help"):
        return True
    if first.startswith("-"):
        return False
    if first in SUBCOMMANDS:
        return True
    # Neither a command nor a file the app could open: most likely a mistyped command.
    path = Path(first)
    return not (path.exists() or path.suffix.lower() in EXPERIMENT_READERS)


def run(args: Sequence[str]) -> int:
    """Run one command; returns the exit code. Never lets a traceback through.

    The language (``--lang``, else the system's) is chosen first, so that the
    help, the problems and the results all speak it.
    """
    set_language(resolve_language(requested_language(args)))
    first = without_language(args)[:1]
    if first and not first[0].startswith("-") and first[0] not in SUBCOMMANDS:
        names = list(SUBCOMMANDS)
        say(
            text(
                "'{given}' is neither a command nor an experiment file{hint}; "
                "the commands are {commands}.",
                given=first[0],
                hint=did_you_mean(args[0], names),
                commands=", ".join(names),
            )
        )
        return EXIT_USAGE
    try:
        parser = build_parser(first[0] if first else None)
        namespace = parser.parse_args(list(args))
    except SystemExit as exc:  # argparse already printed usage and the problem
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    handler = getattr(namespace, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_OK
    try:
        return int(handler(namespace))
    except KeyboardInterrupt:
        say(text("stopped by Ctrl+C."))
        return EXIT_INTERRUPTED
    except user_errors() as exc:
        say_error(exc)
        return EXIT_USAGE
    except MemoryError:
        say(
            text(
                "the computer ran out of memory; use fewer samples, a smaller model or batch size."
            )
        )
        return EXIT_FAILED
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        reason = (exc.strerror or text("the system refused")).lower()
        say(
            text(
                "a file could not be read or written{where}: {reason}; "
                "check the path and permissions.",
                where=where,
                reason=reason,
            )
        )
        return EXIT_USAGE
    except Exception as exc:
        debug_details()
        say(
            text(
                "something unexpected went wrong ({error}). "
                "Please report this with the command you ran.",
                error=type(exc).__name__,
            )
        )
        return EXIT_FAILED
