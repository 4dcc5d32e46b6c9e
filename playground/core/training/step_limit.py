"""Training for an exact number of optimizer steps, whatever the experiment's epochs say.

``playground train --steps N`` and the app's ``--quit-after-steps N`` both
mean "stop after exactly N steps". The epochs of the experiment could end the
run first, so both lengthen them just enough (:func:`with_epochs_for_steps`)
and stop the run at step N (:class:`StepLimit`). :func:`batches_per_epoch` is
the engine's own rule for how many steps an epoch has, so the count agrees
with what the engine will do.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import torch

from playground.core.spec.experiment import Experiment, TrainingSpec
from playground.core.training.run_control import Callback

if TYPE_CHECKING:
    from playground.core.training.engine import Engine

# The spec's upper bound for epochs (its Field(le=...)).
MAX_EPOCHS: int = next(
    int(bound.le) for bound in TrainingSpec.model_fields["epochs"].metadata if hasattr(bound, "le")
)


class StepLimitError(ValueError):
    """The step count cannot be reached; the message says why and what to do."""


class StepLimit(Callback):
    """Stops the run after exactly ``steps`` optimizer steps."""

    def __init__(self, steps: int) -> None:
        self.steps = steps

    def on_batch_end(self, engine: Engine, step: int, loss: torch.Tensor) -> None:
        if step >= self.steps:
            engine.stop()


def batches_per_epoch(samples: int, batch_size: int, has_batchnorm: bool) -> int:
    """Optimizer steps in one epoch of ``samples`` training samples.

    A lone last sample breaks BatchNorm's batch statistics, so with BatchNorm
    an epoch whose last batch would hold one sample leaves it out (the
    engine's permutation leaves out a different one each epoch).
    """
    batches = max(1, math.ceil(samples / batch_size))
    if has_batchnorm and samples > 1 and samples % batch_size == 1:
        batches -= 1
    return batches


def epochs_for_steps(experiment: Experiment, train_samples: int, steps: int) -> int:
    """The fewest epochs, at least the experiment's own, in which ``steps`` steps fit."""
    has_batchnorm = any(layer.kind.startswith("BatchNorm") for layer in experiment.model.layers)
    per_epoch = batches_per_epoch(train_samples, experiment.training.batch_size, has_batchnorm)
    return max(experiment.training.epochs, math.ceil(steps / per_epoch))


def with_epochs_for_steps(experiment: Experiment, train_samples: int, steps: int) -> Experiment:
    """``experiment`` with enough epochs for ``steps`` steps; raises :class:`StepLimitError`."""
    epochs = epochs_for_steps(experiment, train_samples, steps)
    if epochs > MAX_EPOCHS:
        raise StepLimitError(
            f"{steps} steps would need {epochs} epochs of {train_samples} samples, more than "
            f"the {MAX_EPOCHS} an experiment may have; ask for fewer steps or a smaller batch size."
        )
    if epochs == experiment.training.epochs:
        return experiment
    training = experiment.training.model_copy(update={"epochs": epochs})
    return experiment.model_copy(update={"training": training})


def shortfall(steps_done: int, steps: int, reason: str) -> str:
    """A sentence for a run that ended before its step count ("" when it reached it)."""
    if steps_done >= steps:
        return ""
    why = reason.strip().rstrip(".") or "the run ended"
    return f"Training stopped after {steps_done} of the {steps} steps asked for: {why}."
