"""The loss a landscape shows: the experiment's model, loss and full training set.

A landscape is only worth looking at if it is the surface training walks on,
so it is built here from the very builders the engine uses
(:func:`~playground.core.training.builders.build_checked_model`,
:func:`~playground.core.training.losses.build_loss` and
:func:`~playground.core.training.losses.loss_targets`), on the CPU and over
every training sample (full-batch, as the optimizer paths step). The
optimizers compared on a two-number surface come from one table.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from playground.core.data import DataError, Dataset, load_dataset
from playground.core.errors import ProblemError
from playground.core.layers.model import ModelError
from playground.core.spec.experiment import Experiment, OptimizerSpec
from playground.core.training.builders import SetupError, build_checked_model
from playground.core.training.losses import build_loss, loss_targets


class LandscapeError(ProblemError):
    """The experiment gives no loss to draw; ``problems`` says why and what to do."""


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

    Raises :class:`LandscapeError` with the problems the editor or the data
    panel would show when the data, the layers or the loss do not fit.
    """
    try:
        data = dataset if dataset is not None else load_dataset(experiment.data)
        model = build_checked_model(experiment, data, torch.device("cpu"), initial_state)
    except (DataError, ModelError, SetupError) as error:
        raise LandscapeError(error.problems) from None
    targets = loss_targets(experiment.loss, data.y_train)
    return LossProblem(model, build_loss(experiment.loss), data.x_train, targets)


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
