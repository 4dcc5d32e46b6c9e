"""ONNX export with a free batch size, checked before it starts.

Uses torch's ``torch.export``-based exporter. Every layer kind of the catalogue
listed in :data:`ONNX_LAYER_KINDS` has been exported and run in onnxruntime
(tests keep that true); a kind missing from that list is reported in a
sentence before anything is attempted, instead of failing deep inside the
exporter. No text of the experiment (name, description) goes into the file:
doc strings and metadata stay the exporter's, so a shared name cannot reach them.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import sys
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

import torch
from torch import nn

from playground.core.export.base import ExportError
from playground.core.io.atomic import atomic_write_bytes
from playground.core.messages import word
from playground.core.messages.texts import text
from playground.core.spec.experiment import LayerSpec

INPUT_NAME = "input"
OUTPUT_NAME = "output"
OPSET = 18

#: Layer kinds verified to export and to give the same outputs in onnxruntime (evaluation mode).
ONNX_LAYER_KINDS: frozenset[str] = frozenset(
    {
        "Linear",
        "Conv2d",
        "MaxPool2d",
        "AvgPool2d",
        "Flatten",
        "Dropout",
        "BatchNorm1d",
        "BatchNorm2d",
        "LayerNorm",
        "ReLU",
        "LeakyReLU",
        "ELU",
        "GELU",
        "SiLU",
        "Tanh",
        "Sigmoid",
        "Softplus",
        "Identity",
    }
)


def onnx_problems(layers: Sequence[LayerSpec]) -> list[str]:
    """Why these layers cannot go to ONNX, one sentence per layer (empty when they can)."""
    missing = [
        text(
            "{layer} cannot be exported to ONNX yet; remove it or export TorchScript or "
            "weights instead",
            layer=word("place.layer", {"number": i + 1, "kind": layer.kind}),
        )
        for i, layer in enumerate(layers)
        if layer.kind not in ONNX_LAYER_KINDS
    ]
    if not missing and not onnx_available():
        missing.append(onnx_missing_reason())
    return missing


def onnx_available() -> bool:
    """Whether the optional packages the ONNX exporter needs are installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("onnx", "onnxscript"))


def onnx_missing_reason() -> str:
    """Why ONNX export is unavailable, in words the person reading can act on.

    The downloadable app (a frozen bundle) leaves the ONNX packages out to stay
    smaller, and its users have no package manager to add them, so it offers the
    formats it has; an install made with pip is told the one command that helps.
    """
    if getattr(sys, "frozen", False):
        return text(
            "ONNX export is not included in this download of Torch Playground, to keep "
            "it small; export the model as TorchScript or as weights instead"
        )
    return text(
        "ONNX export needs the optional packages onnx and onnxscript; install them "
        "with: pip install torch-playground[export]"
    )


@contextlib.contextmanager
def _quiet_exporter() -> Iterator[None]:
    """Silence the exporter's internal warnings and log lines; they mean nothing to a user."""
    logger = logging.getLogger("torch.onnx")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def export_onnx(
    model: nn.Module,
    input_shape: tuple[int, ...],
    path: str | os.PathLike[str],
    layers: Sequence[LayerSpec] = (),
) -> None:
    """Export ``model`` (evaluation mode) to ``path``; the batch dimension stays free.

    The graph takes ``input`` of shape (batch, *input_shape) and gives ``output``.
    """
    problems = onnx_problems(layers)
    if problems:
        raise ExportError("\n".join(p[0].upper() + p[1:] + "." for p in problems))
    model = model.eval()
    # Batch 2 as the example: a batch of 1 would let the exporter specialise on it.
    example = torch.zeros((2, *input_shape), dtype=torch.float32)
    with _quiet_exporter(), tempfile.TemporaryDirectory() as folder:
        try:
            program = torch.onnx.export(
                model,
                (example,),
                dynamo=True,
                input_names=[INPUT_NAME],
                output_names=[OUTPUT_NAME],
                dynamic_shapes=({0: torch.export.Dim("batch")},),
                opset_version=OPSET,
                verbose=False,
            )
            assert program is not None
            temp = Path(folder) / "model.onnx"
            program.save(temp)
            data = temp.read_bytes()
        except Exception as exc:  # the exporter raises many private error types
            raise ExportError(
                f"The model could not be exported to ONNX ({type(exc).__name__}); "
                "export it as TorchScript or weights instead."
            ) from None
    atomic_write_bytes(path, data)
