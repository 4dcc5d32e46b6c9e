"""``playground check``: validate an experiment file (or preset) and show its model."""

from __future__ import annotations

import argparse
from pathlib import Path

from playground.cli.common import EXIT_OK, EXIT_USAGE, CliError, display_width, pad, say_problems
from playground.core.data import DataInfo, describe_data
from playground.core.io.readers import EXPERIMENT_READERS, load_experiment_file
from playground.core.layers.model import summarize
from playground.core.messages.texts import text
from playground.core.spec.experiment import Experiment
from playground.core.spec.options import INIT_TABLE
from playground.core.spec.presets import load_preset, preset_names
from playground.core.spec.validation import check_experiment, data_title


def resolve_experiment(source: str) -> tuple[Experiment, str]:
    """An experiment from a file path or a preset name, with a label for messages."""
    path = Path(source)
    if path.exists() or path.suffix.lower() in EXPERIMENT_READERS:
        return load_experiment_file(path), path.name
    if source.strip().lower() in preset_names():
        return load_preset(source), text("preset {name}", name=source.strip().lower())
    raise CliError(
        text(
            "'{source}' is neither an experiment file nor a preset; give the path of a "
            ".json experiment or one of the presets: {presets}.",
            source=source,
            presets=", ".join(preset_names()),
        )
    )


def _shape(shape: tuple[int, ...]) -> str:
    """``64`` for features, ``8×4×4`` for channels×height×width."""
    return "×".join(str(size) for size in shape)


def summary_table(experiment: Experiment, info: DataInfo) -> list[str]:
    """The model as a table: layer, output shape and parameters per row, then the total."""
    summary = summarize(experiment.model.layers, info.input_shape)
    rows = [("#", text("Layer"), text("Output shape"), text("Parameters"))]
    rows.append(("", text("input"), _shape(summary.input_shape), ""))
    for row in summary.layers:
        shape = _shape(row.output_shape) if row.output_shape else "?"
        rows.append((str(row.index + 1), row.kind, shape, f"{row.parameters:,}"))
    widths = [max(display_width(r[i]) for r in rows) for i in range(4)]
    lines = [
        "  ".join(
            pad(cell, width, right=column in (0, 3))
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.append(text("Total parameters: {count}", count=f"{summary.total_parameters:,}"))
    return lines


def _check_command(namespace: argparse.Namespace) -> int:
    experiment, label = resolve_experiment(namespace.file)
    info = describe_data(experiment.data)
    problems = check_experiment(experiment, info)
    if problems:
        say_problems(problem.within(label) for problem in problems)
        return EXIT_USAGE
    name = data_title(experiment)
    if info.task == "classification":
        what = text("classification, {count} classes", count=info.num_outputs)
    else:
        what = text("regression, {count} target(s)", count=info.num_outputs)
    print(
        text(
            "{label} is valid: {data} data ({what}), loss {loss}.",
            label=label,
            data=text(name),
            what=what,
            loss=experiment.loss,
        )
    )
    print("\n".join(summary_table(experiment, info)))
    start = INIT_TABLE[experiment.model.init]
    print(text("Initial weights: {init}", init=text(start.title)))
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check`` to the command line."""
    check = subparsers.add_parser(
        "check",
        help=text("validate an experiment file and show its model"),
        description=text(
            "Check an experiment file (or preset) against its data and print every "
            "layer's output shape and parameter count."
        ),
    )
    check.add_argument(
        "file",
        metavar="FILE",
        help=text("an experiment file (.json or .playground) or a preset name"),
    )
    check.set_defaults(handler=_check_command)
