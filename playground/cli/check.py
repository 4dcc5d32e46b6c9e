"""``playground check``: validate an experiment file (or preset) and show its model."""

from __future__ import annotations

import argparse
from pathlib import Path

from playground.cli.common import EXIT_OK, EXIT_USAGE, CliError, say_problems
from playground.core.data import DataInfo, describe_data
from playground.core.io.readers import EXPERIMENT_READERS, load_experiment_file
from playground.core.layers.model import summarize
from playground.core.spec.experiment import Experiment
from playground.core.spec.presets import load_preset, preset_names
from playground.core.spec.validation import check_experiment, data_title


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
        say_problems(problem.within(label) for problem in problems)
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
    """Add ``check`` to the command line."""
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
