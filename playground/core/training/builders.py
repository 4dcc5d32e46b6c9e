"""The model, optimizer and learning-rate schedule built from the spec.

The spec names a loss and an optimizer in plain words; this module turns them
into torch objects and knows what each loss expects, so the engine can refuse
a mismatch (a regression loss on classes, a wrong output size) with a sentence
before any training starts.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.optim import lr_scheduler

from playground.core.data.base import Dataset
from playground.core.errors import ProblemError
from playground.core.layers.model import build_model
from playground.core.spec.experiment import Experiment, OptimizerSpec, ScheduleSpec
from playground.core.spec.validation import check_experiment

Scheduler = lr_scheduler.LRScheduler | lr_scheduler.ReduceLROnPlateau


class SetupError(ProblemError):
    """The experiment cannot be trained as specified; ``problems`` says why and what to do."""


def has_batchnorm(model: nn.Module) -> bool:
    """Whether a BatchNorm layer needs at least two samples per training batch."""
    return any(isinstance(m, nn.BatchNorm1d | nn.BatchNorm2d) for m in model.modules())


def build_checked_model(
    experiment: Experiment,
    dataset: Dataset,
    device: torch.device,
    initial_state: dict[str, torch.Tensor] | None = None,
) -> nn.Sequential:
    """The model on ``device``, seeded from ``training.seed`` (or with ``initial_state``).

    Refuses, before any training, what would fail or make no sense later:
    raises :class:`~playground.core.layers.model.ModelError` for a stack that does not
    build and :class:`SetupError` for a loss that does not fit the task or the
    output size, empty training data, BatchNorm with batches of one, or
    starting weights of another model.
    """
    info = dataset.info
    # The same sentences the editor and `playground check` show: one rule, one place.
    problems = check_experiment(experiment, info)
    if problems:
        raise SetupError(problems[0])
    torch.manual_seed(experiment.training.seed)
    model = build_model(experiment.model.layers, info.input_shape)
    if dataset.x_train.shape[0] == 0:
        raise SetupError(
            "The data has no training samples; lower the validation share or add samples."
        )
    if has_batchnorm(model) and experiment.training.batch_size < 2:
        raise SetupError(
            "BatchNorm needs at least 2 samples per batch; set the batch size to 2 or more."
        )
    model = model.to(device)
    if initial_state is not None:
        try:
            model.load_state_dict(initial_state)
        except RuntimeError:
            raise SetupError(
                "The given starting weights do not fit this model (different layers or "
                "sizes); reset the weights or use the model they were saved with."
            ) from None
    return model


#: Optimizers built with ``fused=True`` (one kernel updates every parameter at once) on CPU
#: and CUDA. For the playground's tiny networks the optimizer step is mostly per-tensor
#: overhead: measured on a 2-16-16-2 MLP on one CPU thread, Adam went from 1,328 to 1,907
#: steps/s. RMSprop and Adagrad have no fused kernel on every device and keep the loop.
#: The exported training script makes the same choice, so it reproduces the curves.
FUSED_OPTIMIZERS = frozenset({"sgd", "adam", "adamw"})


def build_optimizer(spec: OptimizerSpec, parameters: list[nn.Parameter]) -> torch.optim.Optimizer:
    """The optimizer named by the spec, with its learning rate, momentum, betas and decay."""
    device = parameters[0].device.type if parameters else "cpu"
    fast: dict[str, bool] = {"foreach": False}
    if spec.kind in FUSED_OPTIMIZERS:
        fast = {"fused": device in ("cpu", "cuda")}
    if spec.kind == "sgd":
        return torch.optim.SGD(
            parameters,
            lr=spec.lr,
            momentum=spec.momentum,
            nesterov=spec.nesterov and spec.momentum > 0,
            weight_decay=spec.weight_decay,
            **fast,
        )
    if spec.kind in ("adam", "adamw"):
        kind = torch.optim.Adam if spec.kind == "adam" else torch.optim.AdamW
        return kind(
            parameters, lr=spec.lr, betas=spec.betas, weight_decay=spec.weight_decay, **fast
        )
    if spec.kind == "rmsprop":
        return torch.optim.RMSprop(
            parameters,
            lr=spec.lr,
            momentum=spec.momentum,
            weight_decay=spec.weight_decay,
            **fast,
        )
    if spec.kind == "adagrad":
        return torch.optim.Adagrad(parameters, lr=spec.lr, weight_decay=spec.weight_decay, **fast)
    raise ValueError(
        f"'{spec.kind}' is not an optimizer; choose sgd, adam, adamw, rmsprop or adagrad."
    )


def build_schedule(
    spec: ScheduleSpec, optimizer: torch.optim.Optimizer, epochs: int
) -> Scheduler | None:
    """The per-epoch learning-rate schedule, or ``None`` for a constant rate.

    Step and cosine use torch's recursive ("chainable") form, so a learning
    rate the user sets mid-run is kept and the schedule continues from it.
    """
    if spec.kind == "none":
        return None
    if spec.kind == "step":
        return lr_scheduler.StepLR(optimizer, step_size=spec.step_size, gamma=spec.gamma)
    if spec.kind == "cosine":
        return lr_scheduler.CosineAnnealingLR(
            optimizer, T_max=spec.t_max or max(1, epochs), eta_min=spec.min_lr
        )
    if spec.kind == "plateau":
        return lr_scheduler.ReduceLROnPlateau(
            optimizer, mode="min", factor=spec.factor, patience=spec.patience, min_lr=spec.min_lr
        )
    raise ValueError(f"'{spec.kind}' is not a schedule; choose none, step, cosine or plateau.")


def step_schedule(schedule: Scheduler | None, monitored_loss: float) -> None:
    """Advance the schedule by one epoch; plateau watches ``monitored_loss``."""
    if schedule is None:
        return
    if isinstance(schedule, lr_scheduler.ReduceLROnPlateau):
        schedule.step(monitored_loss)
    else:
        schedule.step()


def current_learning_rate(optimizer: torch.optim.Optimizer) -> float:
    """The learning rate of the first parameter group (all groups share it here)."""
    return float(optimizer.param_groups[0]["lr"])


def set_learning_rate(optimizer: torch.optim.Optimizer, lr: float) -> None:
    """Set the learning rate of every parameter group."""
    for group in optimizer.param_groups:
        group["lr"] = lr
