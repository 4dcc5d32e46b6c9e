"""What a run allocates before its first step: the model, the data on the device, the loss.

:func:`set_up_run` gathers everything that allocates at the start of a run in one
call, so the engine can turn an allocation failure (out of memory) into one
sentence instead of torch's error, and keeps the engine itself to the loop.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from playground.core.data.base import Dataset
from playground.core.spec.experiment import Experiment
from playground.core.training.builders import build_checked_model, has_batchnorm
from playground.core.training.fast_dense import DenseStack, plan_dense_stack
from playground.core.training.losses import build_loss, loss_targets
from playground.core.training.snapshot_maker import SnapshotMaker, TrainingData


@dataclass(frozen=True)
class RunSetup:
    """The pieces of a run on its device, built once per engine."""

    model: nn.Sequential
    has_batchnorm: bool
    initial_state: dict[str, torch.Tensor]  # copies of the weights the run starts from
    x_train: torch.Tensor
    y_train_loss: torch.Tensor  # the training targets in the form the loss wants
    loss_fn: nn.Module
    fast: DenseStack | None  # the hand-written pass for plain dense stacks, else None
    snapshots: SnapshotMaker


def set_up_run(
    experiment: Experiment,
    dataset: Dataset,
    device: torch.device,
    initial_state: dict[str, torch.Tensor] | None,
) -> RunSetup:
    """Build the model, copy the data to ``device`` and make the snapshot maker.

    Raises what :func:`~playground.core.training.builders.build_checked_model`
    raises for an experiment that cannot train, and torch's allocation errors.
    """
    model = build_checked_model(experiment, dataset, device, initial_state)
    x_train = dataset.x_train.to(device)
    y_train = dataset.y_train.to(device)
    y_train_loss = loss_targets(experiment.loss, y_train)
    loss_fn = build_loss(experiment.loss).to(device)
    data = TrainingData(
        dataset, x_train, y_train, dataset.x_val.to(device), dataset.y_val.to(device)
    )
    # Plain layer stacks skip autograd (fast_dense); others, or hooked models, use it.
    fast = plan_dense_stack(model, experiment.loss, x_train, y_train_loss)
    kinds = [layer.kind for layer in experiment.model.layers]
    snapshots = SnapshotMaker(
        model, data, loss_fn, experiment.loss, kinds, device,
        grad_clip=experiment.training.grad_clip, forward=fast.predict if fast else None,
    )  # fmt: skip
    return RunSetup(
        model=model,
        has_batchnorm=has_batchnorm(model),
        initial_state={k: v.detach().clone() for k, v in model.state_dict().items()},
        x_train=x_train,
        y_train_loss=y_train_loss,
        loss_fn=loss_fn,
        fast=fast,
        snapshots=snapshots,
    )
