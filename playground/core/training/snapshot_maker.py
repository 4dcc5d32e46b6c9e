"""Assembling a :class:`~playground.core.training.snapshot.Snapshot` from a model and its data.

Kept apart from the training loop so the loop stays short: the engine hands
over the counters and recent losses, and :class:`SnapshotMaker` evaluates the
model, gathers parameter statistics, the diagnosis and the plots.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from playground.core.data.base import Dataset
from playground.core.training.confusion import ClassPredictions
from playground.core.training.diagnosis import diagnose
from playground.core.training.inspection import (
    Evaluation,
    FastForward,
    decision_grid,
    evaluate,
    fitted_curve,
    parameter_stats,
)
from playground.core.training.run_ending import RunEnding, weights_not_finite
from playground.core.training.snapshot import RunState, Snapshot
from playground.core.training.snapshot_demand import EVERYTHING, SnapshotContent

ACCURACY_SAMPLE = 4096  # training samples used for a snapshot's train accuracy
RATE_WINDOW = 0.02  # seconds of training needed before samples/s is re-measured


@dataclass(frozen=True)
class Progress:
    """Counters of the run at the moment of a snapshot."""

    state: RunState
    step: int
    epoch: int
    epoch_progress: float
    samples_seen: int
    elapsed: float
    learning_rate: float
    ending: RunEnding | None


@dataclass(frozen=True)
class TrainingData:
    """The data on the training device plus what the plots need."""

    dataset: Dataset
    x_train: torch.Tensor
    y_train: torch.Tensor
    x_val: torch.Tensor
    y_val: torch.Tensor


class SnapshotMaker:
    """Builds snapshots of one model; remembers the previous one for samples/s."""

    def __init__(
        self,
        model: nn.Sequential,
        data: TrainingData,
        loss_fn: nn.Module,
        loss: str,
        layer_kinds: list[str],
        device: torch.device,
        *,
        grad_clip: float | None = None,
        forward: FastForward | None = None,
    ) -> None:
        self._model = model
        self._forward = forward  # the model's outputs, faster (fast_dense's predict)
        self._data = data
        self._loss_fn = loss_fn
        self._loss = loss
        self._layer_kinds = layer_kinds
        self._device = device
        self._grad_clip = grad_clip
        self.reset()

    def reset(self) -> None:
        """Forget the rate measurement and any weight problem (after a reset)."""
        self._rate = 0.0
        self._mark = (0.0, 0)  # (elapsed, samples) when the rate was last measured
        self.weights_problem: RunEnding | None = None  # set once NaN/Inf weights are seen
        self._recent_loss = math.nan  # train loss of the latest batches seen

    def _recent_train_loss(self, losses: np.ndarray) -> float:
        """Mean of the new losses; a snapshot without new batches repeats the last value."""
        if losses.size:
            self._recent_loss = float(losses.mean())
        return self._recent_loss

    def validation(
        self, watch_relus: bool = False, keep_predictions: bool = False
    ) -> Evaluation | None:
        """Loss and accuracy on the validation part (None when there is none)."""
        data = self._data
        if data.x_val.shape[0] == 0:
            return None
        return self._evaluate(
            data.x_val, data.y_val, watch_relus, keep_predictions=keep_predictions
        )

    def train_accuracy(self) -> float | None:
        """Accuracy on the training samples a snapshot measures (None for regression)."""
        data = self._data
        if data.dataset.info.task != "classification" or data.x_train.shape[0] == 0:
            return None
        x, y = data.x_train[:ACCURACY_SAMPLE], data.y_train[:ACCURACY_SAMPLE]
        return self._evaluate(x, y, False).accuracy

    def _evaluate(
        self, x: torch.Tensor, y: torch.Tensor, watch_relus: bool, *, keep_predictions: bool = False
    ) -> Evaluation:
        task = self._data.dataset.info.task
        return evaluate(
            self._model,
            x,
            y,
            self._loss_fn,
            self._loss,
            task,
            watch_relus=watch_relus,
            keep_predictions=keep_predictions,
            forward=self._forward,
        )

    def _rate_at(self, elapsed: float, samples: int) -> float:
        mark_elapsed, mark_samples = self._mark
        span = elapsed - mark_elapsed
        if span >= RATE_WINDOW or (self._rate == 0.0 and span > 0.0):
            self._rate = (samples - mark_samples) / span
            self._mark = (elapsed, samples)
        return self._rate

    def make(
        self,
        progress: Progress,
        steps: np.ndarray,
        losses: np.ndarray,
        update_ratios: dict[str, float],
        grad_norms: dict[str, float] | None = None,
        *,
        content: SnapshotContent = EVERYTHING,
    ) -> Snapshot:
        """A snapshot of the model now; NaN/Inf weights turn it into a diverged one.

        ``grad_norms`` are the norms read right after backward (before any
        clipping); parameters missing from it are measured from ``.grad``.
        ``content`` leaves out the costly parts no view shows (see SnapshotDemand).
        """
        data = self._data
        dataset = data.dataset
        task = dataset.info.task
        train_x = data.x_train[:ACCURACY_SAMPLE]
        train_y = data.y_train[:ACCURACY_SAMPLE]
        validation = self.validation(watch_relus=True, keep_predictions=True)
        if validation is not None:
            dead = validation.dead_units
        elif train_x.shape[0]:
            dead = self._evaluate(train_x, train_y, True).dead_units
        else:
            dead = {}
        train_accuracy = None
        predictions = None
        if task == "classification" and train_x.shape[0]:
            on_train = self._evaluate(train_x, train_y, False, keep_predictions=validation is None)
            train_accuracy = on_train.accuracy
            predictions = _predictions(validation, data.y_val, on_train, train_y)
        parameters = parameter_stats(
            self._model,
            update_ratios,
            grad_norms or {},
            self._layer_kinds,
            histograms=content.histograms,
        )
        state, ending = progress.state, progress.ending
        broken = [p for p in parameters if not (math.isfinite(p.min) and math.isfinite(p.max))]
        if broken and self.weights_problem is None:
            layer = broken[0].layer_index
            self.weights_problem = weights_not_finite(
                layer + 1, self._layer_kinds[layer], progress.step, progress.learning_rate
            )
        if self.weights_problem is not None and state != "diverged":
            state, ending = "diverged", self.weights_problem
        device = self._device
        return Snapshot(
            state=state,
            step=progress.step,
            epoch=progress.epoch,
            epoch_progress=progress.epoch_progress,
            samples_seen=progress.samples_seen,
            elapsed=progress.elapsed,
            samples_per_second=self._rate_at(progress.elapsed, progress.samples_seen),
            learning_rate=progress.learning_rate,
            train_loss=self._recent_train_loss(losses),
            val_loss=validation.loss if validation else None,
            train_accuracy=train_accuracy,
            val_accuracy=validation.accuracy if validation else None,
            new_steps=steps,
            new_losses=losses,
            parameters=parameters,
            dead_units=dead,
            hints=diagnose(parameters, dead, self._layer_kinds),
            decision=None
            if dataset.plane is None or not (content.decision or content.neurons)
            else decision_grid(
                self._model, dataset.plane, self._loss, task, device, neurons=content.neurons
            ),
            curve=None
            if dataset.curve is None or not content.decision
            else fitted_curve(self._model, dataset.curve, device),
            device=str(device),
            ending=ending,
            grad_clip=self._grad_clip,
            content=content,
            predictions=predictions,
        )


def _predictions(
    validation: Evaluation | None,
    val_y: torch.Tensor,
    on_train: Evaluation,
    train_y: torch.Tensor,
) -> ClassPredictions | None:
    """The validation set's classes, or the training sample's when there is no validation."""
    evaluation, labels = (validation, val_y) if validation is not None else (on_train, train_y)
    if evaluation.predicted is None:
        return None
    true = labels.reshape(-1).to("cpu", torch.int64).numpy().copy()
    return ClassPredictions(validation is not None, true, evaluation.predicted)
