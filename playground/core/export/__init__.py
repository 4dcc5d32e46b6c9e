"""Exports of an experiment: trained weights, TorchScript, ONNX, or a standalone training script.

:func:`export_experiment` is the one entry point the app and ``playground export``
share; the modules below it each write one format.
"""

from __future__ import annotations

import os
from typing import Literal

import torch

from playground.core.export.base import ExportError, model_for_export
from playground.core.export.onnx import export_onnx, onnx_problems
from playground.core.export.script import export_script
from playground.core.export.torchscript import export_torchscript
from playground.core.export.weights import WeightsError, load_weights, save_weights
from playground.core.messages.texts import text
from playground.core.spec.experiment import Experiment

ExportFormat = Literal["weights", "torchscript", "onnx", "script"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("weights", "torchscript", "onnx", "script")
#: The usual file extension of each format, for save dialogs and default names.
DEFAULT_SUFFIX: dict[ExportFormat, str] = {
    "weights": ".safetensors",
    "torchscript": ".pt",
    "onnx": ".onnx",
    "script": ".py",
}

__all__ = [
    "DEFAULT_SUFFIX",
    "EXPORT_FORMATS",
    "ExportError",
    "ExportFormat",
    "WeightsError",
    "export_experiment",
    "load_weights",
]


def export_experiment(
    experiment: Experiment,
    kind: ExportFormat,
    path: str | os.PathLike[str],
    *,
    weights: dict[str, torch.Tensor] | None = None,
    start_weights: dict[str, torch.Tensor] | None = None,
) -> list[str]:
    """Write ``experiment`` as ``kind`` to ``path``; returns notes for the user (may be empty).

    Without ``weights`` the model exports with the initial weights of its seed,
    and a note says so. Raises :class:`ExportError` or :class:`WeightsError`
    with a sentence when the export cannot be made.
    """
    notes: list[str] = []
    if kind == "script":
        export_script(experiment, path, start_weights)
        if weights is not None and start_weights is not None:
            notes.append(
                text(
                    "The script trains the model from the weights set by hand; "
                    "the trained weights are not part of it."
                )
            )
        elif weights is not None:
            notes.append(
                text(
                    "The script trains the model from its seed; "
                    "the trained weights are not part of it."
                )
            )
        return notes
    if kind == "onnx":
        problems = onnx_problems(experiment.model.layers)
        if problems:
            raise ExportError("\n".join(p[0].upper() + p[1:] + "." for p in problems))
    if kind not in EXPORT_FORMATS:
        raise ExportError(f"'{kind}' is not an export format; choose {', '.join(EXPORT_FORMATS)}.")
    model, input_shape = model_for_export(experiment, weights)
    if weights is None:
        notes.append(
            text(
                "No trained weights were given, so the export holds the initial weights of seed "
                "{seed}; train and save the experiment to export a trained model.",
                seed=experiment.training.seed,
            )
        )
    if kind == "weights":
        save_weights(path, model.state_dict())
    elif kind == "torchscript":
        export_torchscript(model, path)
    else:
        export_onnx(model, input_shape, path, experiment.model.layers)
    return notes
