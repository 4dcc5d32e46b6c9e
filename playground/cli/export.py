"""``playground export``: write an experiment's model as weights, TorchScript, ONNX or a script.

The same core exporters as the app's Export menu; weights come from the
``.playground`` file, from ``--weights``, or else are the seed's initial
weights (with a note saying so). ``-o`` names the file, or a folder in which the
file is named after the experiment (made safe: the name may come from anyone).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playground.cli.check import resolve_experiment
from playground.cli.common import EXIT_OK, EXIT_USAGE, say
from playground.core.export import (
    DEFAULT_SUFFIX,
    EXPORT_FORMATS,
    ExportError,
    WeightsError,
    export_experiment,
    load_weights,
)
from playground.core.export.names import proposed_path
from playground.core.io.files import LoadedExperiment
from playground.core.io.output_paths import input_files, refuse_overwriting_inputs
from playground.core.io.readers import load_experiment_file_any
from playground.core.messages.texts import text

_ANOTHER_PATH = "give -o another path"

_TITLES = {
    "weights": "weights",
    "torchscript": "TorchScript",
    "onnx": "ONNX",
    "script": "a training script",
}


def _load(source: str) -> tuple[LoadedExperiment, str]:
    """An experiment file (``.playground`` or ``.json``) or a preset, with a label for messages."""
    path = Path(source)
    if path.suffix.lower() in (".playground", ".json") or path.exists():
        return load_experiment_file_any(path), path.name
    experiment, label = resolve_experiment(source)
    return LoadedExperiment(experiment), label


def _output_path(output: str, name: str, suffix: str) -> Path:
    """``output`` itself, or for an existing folder a file in it named after the experiment."""
    path = Path(output)
    if path.is_dir():
        return proposed_path(path, name, suffix, fallback="model")
    return path


def _export_command(namespace: argparse.Namespace) -> int:
    sources = (namespace.experiment, namespace.weights)
    another = text(_ANOTHER_PATH)
    refuse_overwriting_inputs([namespace.output], input_files(None, *sources), another)
    loaded, label = _load(namespace.experiment)
    output = _output_path(namespace.output, loaded.experiment.name, DEFAULT_SUFFIX[namespace.to])
    refuse_overwriting_inputs([output], input_files(loaded.experiment, *sources), another)
    try:
        weights = loaded.weights
        if namespace.weights:
            weights = load_weights(namespace.weights)
        notes = export_experiment(loaded.experiment, namespace.to, output, weights=weights)
    except (ExportError, WeightsError) as error:
        say(str(error))
        return EXIT_USAGE
    for note in notes:
        say(note)
    print(
        text(
            "Exported {label} as {what} to {file}.",
            label=label,
            what=text(_TITLES[namespace.to]),
            file=output,
        )
    )
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` subcommand."""
    parser = subparsers.add_parser(
        "export",
        help=text("export a model as weights, TorchScript, ONNX or a training script"),
        description=text(
            "Export an experiment's model. Weights come from the .playground file or "
            "--weights; without either, the model keeps the initial weights of its seed. "
            "A script export writes a standalone PyTorch training script."
        ),
    )
    parser.add_argument(
        "experiment",
        metavar="EXPERIMENT",
        help=text("a .playground or .json file, or a preset name"),
    )
    parser.add_argument("--to", required=True, choices=EXPORT_FORMATS, help=text("what to write"))
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PATH",
        help=text("the file to write, or a folder to write it in (named after the experiment)"),
    )
    parser.add_argument(
        "--weights",
        metavar="FILE",
        help=text("trained weights to use (.safetensors, .pt or .playground)"),
    )
    parser.set_defaults(handler=_export_command)
