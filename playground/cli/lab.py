"""``playground lab``: run an autograd lab script in the terminal and print its tensors.

For preparing a class and for checking numbers: every named tensor's value and,
after ``backward()``, its gradient; ``--json`` prints one object mapping each
tensor's name to ``{"value": ..., "grad": ...}``. A refused script exits with
code 2 and a sentence naming the line.
"""

from __future__ import annotations

import argparse
import json
import stat
from pathlib import Path

from playground.cli.common import EXIT_OK, EXIT_USAGE, CliError, say
from playground.core.lab.examples import find_example, list_examples
from playground.core.lab.interpreter import LabResult, run_lab
from playground.core.lab.language import MAX_SOURCE_CHARS
from playground.core.lab.problems import LabError
from playground.core.lab.values import TensorView, number_text
from playground.core.messages.texts import text


def read_script(source: str) -> tuple[str, str]:
    """The text of a lab script file or shipped example, with a label for messages."""
    path = Path(source)
    try:
        info = path.stat()
    except OSError:
        example = find_example(source)
        if example is not None:
            return example.source(), text("example {name}", name=example.name)
        names = ", ".join(e.name for e in list_examples())
        raise CliError(
            text(
                "'{source}' is neither a lab script file nor a shipped example; "
                "give the path of a .lab file or one of: {names}",
                source=source,
                names=names,
            )
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise CliError(
            text("'{path}' is not a regular file; give the path of a lab script", path=path)
        )
    if info.st_size > MAX_SOURCE_CHARS * 4:
        raise CliError(
            text(
                "'{name}' has {size} bytes; a lab script has at most {most} characters",
                name=path.name,
                size=f"{info.st_size:,}",
                most=f"{MAX_SOURCE_CHARS:,}",
            )
        )
    with path.open("rb") as handle:
        data = handle.read(MAX_SOURCE_CHARS * 4 + 1)
    try:
        return data.decode("utf-8"), path.name
    except UnicodeDecodeError:
        raise CliError(
            text("'{name}' is not a text file (UTF-8); save the script as text", name=path.name)
        ) from None


def _describe(view: TensorView) -> str:
    if view.is_leaf:
        how = text("leaf, requires grad") if view.requires_grad else text("leaf")
    else:
        how = text("made by {function}", function=view.grad_fn)
    value = (
        number_text(view.value)
        if view.value is not None
        else text("shape {shape}", shape=list(view.shape))
    )
    return f"{view.name} = {value}  ({how})"


def print_result(result: LabResult) -> None:
    for line in result.printed:
        print(line.text)
    if result.printed and result.variables:
        print()
    for view in result.variables.values():
        print(_describe(view))
        if view.grad is not None:
            print(f"    grad = {number_text(view.grad)}")


def lab_command(namespace: argparse.Namespace) -> int:
    source, label = read_script(namespace.script)
    try:
        result = run_lab(source)
    except LabError as error:
        say(f"{label}: {error}")
        return EXIT_USAGE
    if namespace.json:
        print(json.dumps(result.to_json(), allow_nan=True))
    else:
        print_result(result)
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``lab`` to the command line."""
    parser = subparsers.add_parser(
        "lab",
        help=text("run an autograd lab script and print its tensors and gradients"),
        description=text(
            "Run a lab script (tensors, arithmetic, backward(), no_grad) and print every "
            "named tensor's value and gradient. Shipped examples: {examples}.",
            examples=", ".join(e.name for e in list_examples()),
        ),
    )
    parser.add_argument(
        "script", metavar="SCRIPT", help=text("a .lab file or a shipped example's name")
    )
    parser.add_argument(
        "--json", action="store_true", help=text("print one JSON object: name -> {value, grad}")
    )
    parser.set_defaults(handler=lab_command)
