"""The command line: ``playground train | check | presets | export …`` without a window.

Each subcommand lives in a module with ``register(subparsers)``, which adds its
parser and sets ``handler`` (``(argparse.Namespace) -> int``) as a default.
:data:`SUBCOMMANDS` maps command names to those modules; one that is not
installed is skipped, so adding a subcommand is one line there. This module
registers ``check`` and ``presets`` itself.

Every problem a user can cause (a missing file, a broken spec, an absent
device) ends with exit code 2 and one sentence per problem on stderr; an
unexpected failure ends with exit code 1 and a generic sentence. No traceback
ever reaches the terminal.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TextIO

from playground.core.data import DataError, DataInfo, describe_data
from playground.core.devices import DeviceError
from playground.core.layers import ShapeError
from playground.core.model import ModelError, summarize
from playground.core.presets import list_presets, load_preset, preset_names
from playground.core.spec import Experiment
from playground.core.spec_messages import did_you_mean
from playground.core.validation import (
    EXPERIMENT_READERS,
    SpecError,
    check_experiment,
    data_title,
    load_experiment_file,
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

PROGRAM = "playground"

#: Every command and the module that adds it with ``register(subparsers)``. Only the
#: module of the command being run is imported, so each command starts quickly; a
#: module that is not installed is skipped.
SUBCOMMANDS: dict[str, str] = {
    "train": "playground.cli_train",
    "check": "playground.cli",
    "presets": "playground.cli",
    "export": "playground.cli_export",
}


class CliError(Exception):
    """A problem with what the user asked for; the message is shown as is (exit code 2)."""


def _user_errors() -> tuple[type[BaseException], ...]:
    """Error types whose message is a sentence meant for the user."""
    errors: list[type[BaseException]] = [
        CliError,
        SpecError,
        DataError,
        DeviceError,
        ModelError,
        ShapeError,
    ]
    for module, name in (
        ("playground.core.engine", "EngineError"),
        ("playground.core.files", "FileFormatError"),
        ("playground.core.output_paths", "OutputClashError"),
        ("playground.core.save_errors", "SaveError"),
    ):
        try:
            errors.append(getattr(importlib.import_module(module), name))
        except (ImportError, AttributeError):
            continue
    return tuple(errors)


def say(message: str, stream: TextIO | None = None) -> None:
    """Print one message per line, each starting with the program name."""
    out = sys.stderr if stream is None else stream
    for line in str(message).splitlines() or [""]:
        if line and line[-1] not in ".!?":
            line += "."  # core problems are sentence fragments; the terminal gets sentences
        print(f"{PROGRAM}: {line}", file=out)


def _import_optional(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line: app options and the subcommands (only ``command``'s when given)."""
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description=(
            "Design, train and watch small neural networks. Without a command the app "
            "opens ('playground [FILE] [--preset NAME]'); with a command it runs in the terminal."
        ),
        epilog="Run 'playground COMMAND --help' for the options of one command.",
    )
    parser.add_argument(
        "--preset", metavar="NAME", help="open the app with this preset (see 'playground presets')"
    )
    subparsers = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    wanted = [SUBCOMMANDS[command]] if command in SUBCOMMANDS else list(SUBCOMMANDS.values())
    for name in dict.fromkeys(wanted):  # each module once, in registry order
        module = sys.modules[__name__] if name == __name__ else _import_optional(name)
        if module is not None:
            module.register(subparsers)
    return parser


def subcommand_names() -> list[str]:
    """The names of every command the command line knows (built in and plugged in)."""
    return list(SUBCOMMANDS)


def wants_cli(args: Sequence[str]) -> bool:
    """Whether these arguments ask for the command line rather than the app."""
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
    """Run one command; returns the exit code. Never lets a traceback through."""
    if args and not args[0].startswith("-") and args[0] not in SUBCOMMANDS:
        names = list(SUBCOMMANDS)
        say(
            f"'{args[0]}' is neither a command nor an experiment file"
            f"{did_you_mean(args[0], names)}; the commands are {', '.join(names)}."
        )
        return EXIT_USAGE
    try:
        parser = build_parser(args[0] if args else None)
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
        say("stopped by Ctrl+C.")
        return EXIT_INTERRUPTED
    except _user_errors() as exc:
        say(str(exc))
        return EXIT_USAGE
    except MemoryError:
        say("the computer ran out of memory; use fewer samples, a smaller model or batch size.")
        return EXIT_FAILED
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        reason = (exc.strerror or "the system refused").lower()
        say(
            f"a file could not be read or written{where}: {reason}; check the path and permissions."
        )
        return EXIT_USAGE
    except Exception as exc:
        _debug_details()
        say(
            f"something unexpected went wrong ({type(exc).__name__}). "
            "Please report this with the command you ran."
        )
        return EXIT_FAILED


def _debug_details() -> None:
    """With PLAYGROUND_DEBUG=1 set, developers get the traceback users never see."""
    if os.environ.get("PLAYGROUND_DEBUG"):
        traceback.print_exc()


def start_app(args: Sequence[str]) -> int:
    """Open the desktop app with its options (``--preset NAME``, an experiment file)."""
    try:
        from playground.gui.app import main as app_main
    except ImportError as exc:
        say(
            f"the app window cannot start because a part is missing ({exc.name or exc}); "
            "reinstall Torch Playground. The commands (playground --help) still work."
        )
        return EXIT_FAILED
    try:
        return int(app_main(list(args)))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:
        _debug_details()
        say(
            f"the app stopped because of an unexpected problem ({type(exc).__name__}). "
            "Please report this with what you were doing."
        )
        return EXIT_FAILED


# ---- built-in commands: presets and check ---------------------------------------------


def resolve_experiment(source: str) -> tuple[Experiment, str]:
    """An experiment from a file path or a preset name, with a label for messages."""
    path = Path(source)
    if path.exists() or path.suffix.lower() in EXPERIMENT_READERS:
        return load_experiment_file(path), path.name
    if source.strip().lower() in preset_names():
        return load_preset(source), f"preset {source.strip().lower()}"
    raise CliError(
        f"'{source}' is neither an experiment file nor a preset; give the path of a "
        f".json experiment or one of the presets: {', '.join(preset_names())}."
    )


def _presets_command(namespace: argparse.Namespace) -> int:
    presets = list_presets()
    width = max((len(p.name) for p in presets), default=0)
    for preset in presets:
        print(f"{preset.name:<{width}}  {preset.description}")
    return EXIT_OK


def _shape(shape: tuple[int, ...]) -> str:
    """``64`` for features, ``8×4×4`` for channels×height×width."""
    return "×".join(str(size) for size in shape)


def summary_table(experiment: Experiment, info: DataInfo) -> list[str]:
    """The model as a table: layer, output shape and parameters per row, then the total."""
    summary = summarize(experiment.model.layers, info.input_shape)
    rows = [("#", "Layer", "Output shape", "Parameters")]
    rows.append(("", "input", _shape(summary.input_shape), ""))
    for row in summary.layers:
        shape = _shape(row.output_shape) if row.output_shape else "?"
        rows.append((str(row.index + 1), row.kind, shape, f"{row.parameters:,}"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        f"{r[0]:>{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]:>{widths[3]}}"
        for r in rows
    ]
    lines.append(f"Total parameters: {summary.total_parameters:,}")
    return lines


def _check_command(namespace: argparse.Namespace) -> int:
    experiment, label = resolve_experiment(namespace.file)
    info = describe_data(experiment.data)
    problems = check_experiment(experiment, info)
    if problems:
        say("\n".join(f"{label}: {problem}" for problem in problems))
        return EXIT_USAGE
    name = data_title(experiment)
    what = (
        f"{info.num_outputs} classes"
        if info.task == "classification"
        else f"{info.num_outputs} target(s)"
    )
    print(f"{label} is valid: {name} data ({info.task}, {what}), loss {experiment.loss}.")
    print("\n".join(summary_table(experiment, info)))
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the commands that live in this module: ``presets`` and ``check``."""
    presets = subparsers.add_parser(
        "presets", help="list the example experiments", description="List the shipped presets."
    )
    presets.set_defaults(handler=_presets_command)
    check = subparsers.add_parser(
        "check",
        help="validate an experiment file and show its model",
        description=(
            "Check an experiment file (or preset) against its data and print every "
            "layer's output shape and parameter count."
        ),
    )
    check.add_argument(
        "file", metavar="FILE", help="an experiment file (.json or .playground) or a preset name"
    )
    check.set_defaults(handler=_check_command)
