"""The loss a landscape shows: the experiment's model, loss and full training set.

A landscape is only worth looking at if it is the surface training walks on,
so it is built here from the very builders the engine uses
(:func:`~playground.core.training.builders.build_checked_model`,
:func:`~playground.core.training.losses.build_loss` and
:func:`~playground.core.training.losses.loss_targets`), on the CPU and over
every training sample (full-batch, as the optimizer paths step). Parameters
are named as the layer editor names layers, and the optimizers compared on a
two-number surface come from one table.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from playground.core.data import DataError, Dataset, load_dataset
from playground.core.layers.catalog import CATALOGUE
from playground.core.layers.model import ModelError
from playground.core.spec.experiment import Experiment, OptimizerSpec
from playground.core.training.builders import SetupError, build_checked_model
from playground.core.training.losses import build_loss, loss_targets


class LandscapeError(ValueError):
    """The experiment gives no loss to draw; the message says why and what to do."""


@dataclass(frozen=True)
class LossProblem:
    """What every landscape function takes: the model, its loss and the training data."""

    model: nn.Sequential
    loss: nn.Module
    inputs: torch.Tensor
    targets: torch.Tensor


def build_problem(
    experiment: Experiment,
    dataset: Dataset | None = None,
    initial_state: dict[str, torch.Tensor] | None = None,
) -> LossProblem:
    """The model (seeded like training, or with ``initial_state``), loss and training set.

    Raises :class:`LandscapeError` with the sentence the editor or the data
    panel would show when the data, the layers or the loss do not fit.
    """
    try:
        data = dataset if dataset is not None else load_dataset(experiment.data)
        model = build_checked_model(experiment, data, torch.device("cpu"), initial_state)
    except (DataError, ModelError, SetupError) as error:
        raise LandscapeError(str(error)) from None
    targets = loss_targets(experiment.loss, data.y_train)
    return LossProblem(model, build_loss(experiment.loss), data.x_train, targets)


@dataclass(frozen=True)
class ParameterPlace:
    """Where a torch parameter lives, in the editor's terms: layer 1 (Linear), its weight."""

    layer_number: int  # 1-based, as the editor counts
    layer_kind: str  # the catalogue's name of the layer kind
    parameter: str  # "weight", "bias", ...


def parameter_place(name: str, experiment: Experiment) -> ParameterPlace:
    """Read ``"0.weight"`` as layer 1's weight (the model has one module per layer)."""
    index_text, _, parameter = name.partition(".")
    if not index_text.isdigit() or not parameter:
        return ParameterPlace(0, "", name)
    index = int(index_text)
    layers = experiment.model.layers
    kind = layers[index].kind if index < len(layers) else ""
    title = CATALOGUE[kind].name if kind in CATALOGUE else kind
    return ParameterPlace(index + 1, title, parameter)


#: The optimizers a two-number surface compares, by key: (kind, momentum).
COMPARED_OPTIMIZERS: dict[str, tuple[str, float]] = {
    "sgd": ("sgd", 0.0),
    "momentum": ("sgd", 0.9),
    "adam": ("adam", 0.0),
}


def compared_optimizer(key: str, lr: float, experiment: Experiment) -> OptimizerSpec:
    """The optimizer ``key`` of :data:`COMPARED_OPTIMIZERS` at learning rate ``lr``.

    Adam keeps the experiment's betas; weight decay is left out so every path
    walks on the surface that is drawn.
    """
    kind, momentum = COMPARED_OPTIMIZERS[key]
    betas = experiment.optimizer.betas
    return OptimizerSpec.model_validate(
        {"kind": kind, "lr": lr, "momentum": momentum, "betas": betas}
    )
