"""What every exporter shares: the error type and the model rebuilt from a spec and weights."""

from __future__ import annotations

import torch
from torch import nn

from playground.core.data import describe_data
from playground.core.data.base import DataInfo
from playground.core.export.weights import apply_weights
from playground.core.layers.model import build_model
from playground.core.spec.experiment import Experiment
from playground.core.training.initial_weights import initialize_weights


class ExportError(ValueError):
    """An export cannot be made; the message says why and what to do instead."""


def model_input_shape(experiment: Experiment) -> tuple[int, ...]:
    """The shape of one input sample (no batch dimension), from the data description."""
    info: DataInfo = describe_data(experiment.data)
    return tuple(info.input_shape)


def fresh_weights(experiment: Experiment) -> dict[str, torch.Tensor]:
    """The weights a run of this experiment starts from: seeded, and drawn as ``model.init`` says."""
    shape = model_input_shape(experiment)
    # The engine seeds the global generator the same way; fork it so the caller's is untouched.
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(experiment.training.seed)
        model = build_model(experiment.model.layers, shape)
        initialize_weights(model, experiment.model.init)
    return {name: value.detach().clone() for name, value in model.state_dict().items()}


def model_for_export(
    experiment: Experiment, weights: dict[str, torch.Tensor] | None
) -> tuple[nn.Sequential, tuple[int, ...]]:
    """The model in evaluation mode on the CPU with ``weights`` loaded, and its input shape.

    Without weights the model keeps the seed's initial weights (what an untrained run starts from).
    """
    shape = model_input_shape(experiment)
    model = build_model(experiment.model.layers, shape)
    apply_weights(model, weights if weights is not None else fresh_weights(experiment))
    return model.eval(), shape
