"""The model, optimizer and learning-rate schedule built from the spec.

The spec names a loss and an optimizer in plain words; this module turns them
into the torch objects the option tables (:mod:`playground.core.spec.options`)
name, and refuses a mismatch (a regression loss on classes, a wrong output
size) with a sentence before any training starts.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn
from torch.optim import lr_scheduler

from playground.core.data.base import Dataset
from playground.core.errors import ProblemError
from playground.core.layers.model import build_model
from playground.core.problems import Problem
from playground.core.spec.experiment import Experiment, OptimizerSpec, ScheduleSpec
from playground.core.spec.options import OPTIMIZER_TABLE, SCHEDULE_TABLE
from playground.core.spec.validation import check_experiment
from playground.core.training.initial_weights import initialize_weights
from playground.core.training.torch_classes import torch_class

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

    The weights start as ``model.init`` says, drawn on the CPU before the move
    to ``device``; ``initial_state`` (weights set by hand) replaces them.

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
    initialize_weights(model, experiment.model.init)
    if dataset.x_train.shape[0] == 0:
        raise SetupError(Problem("training.no_samples"))
    if has_batchnorm(model) and experiment.training.batch_size < 2:
        raise SetupError(Problem("training.batchnorm_batch"))
    model = model.to(device)
    if initial_state is not None:
        try:
            model.load_state_dict(initial_state)
        except RuntimeError:
            raise SetupError(Problem("training.start_weights_mismatch")) from None
    return model


def optimizer_arguments(spec: OptimizerSpec) -> dict[str, Any]:
    """The keywords the table's torch class gets for ``spec`` (the exported script uses them too).

    Nesterov is passed only where its combination rule holds, so an SGD spec
    with Nesterov but no momentum trains as plain SGD instead of failing in torch.
    """
    option = OPTIMIZER_TABLE[spec.kind]
    values = spec.model_dump()
    arguments = {keyword: values[setting] for keyword, setting in option.arguments}
    if "betas" in arguments:
        arguments["betas"] = tuple(arguments["betas"])
    for rule in option.rules:
        if not rule.allows(values):
            arguments[rule.setting] = False
    return arguments


def build_optimizer(spec: OptimizerSpec, parameters: list[nn.Parameter]) -> torch.optim.Optimizer:
    """The optimizer the table names for ``spec.kind``, with the spec's settings.

    Fused optimizers (see :class:`~playground.core.spec.options.OptimizerOption`) get
    one kernel for every parameter on CPU and CUDA; the exported training script makes
    the same choice, so it reproduces the curves.
    """
    if spec.kind not in OPTIMIZER_TABLE:
        known = ", ".join(OPTIMIZER_TABLE)
        raise ValueError(f"'{spec.kind}' is not an optimizer; choose one of {known}.")
    option = OPTIMIZER_TABLE[spec.kind]
    device = parameters[0].device.type if parameters else "cpu"
    fast: dict[str, bool] = {"foreach": False}
    if option.fused:
        fast = {"fused": device in ("cpu", "cuda")}
    optimizer = torch_class(option.torch_class)(parameters, **optimizer_arguments(spec), **fast)
    assert isinstance(optimizer, torch.optim.Optimizer)
    return optimizer


def schedule_arguments(spec: ScheduleSpec, epochs: int) -> dict[str, Any]:
    """The keywords of the table's schedule class; cosine's half-cycle defaults to all epochs."""
    option = SCHEDULE_TABLE[spec.kind]
    values = spec.model_dump()
    arguments: dict[str, Any] = dict(option.fixed)
    arguments.update({keyword: values[setting] for keyword, setting in option.arguments})
    if "T_max" in arguments and arguments["T_max"] is None:
        arguments["T_max"] = max(1, epochs)
    return arguments


def build_schedule(
    spec: ScheduleSpec, optimizer: torch.optim.Optimizer, epochs: int
) -> Scheduler | None:
    """The per-epoch learning-rate schedule, or ``None`` for a constant rate.

    Step and cosine use torch's recursive ("chainable") form, so a learning
    rate the user sets mid-run is kept and the schedule continues from it.
    """
    if spec.kind not in SCHEDULE_TABLE:
        known = ", ".join(SCHEDULE_TABLE)
        raise ValueError(f"'{spec.kind}' is not a schedule; choose one of {known}.")
    option = SCHEDULE_TABLE[spec.kind]
    if option.torch_class is None:
        return None
    schedule = torch_class(option.torch_class)(optimizer, **schedule_arguments(spec, epochs))
    assert isinstance(schedule, lr_scheduler.LRScheduler | lr_scheduler.ReduceLROnPlateau)
    return schedule


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


class OptimizerOnDemand:
    """A run's optimizer and learning-rate schedule, built when first used.

    torch's first optimizer in a process imports its compiler (``torch._dynamo``,
    one to several seconds), and an engine that only shows an untrained model
    (the network diagram before the first step, the weights typed by hand) never
    steps; so the engine builds these at its first step or learning-rate change,
    not with the model. Until then the learning rate is the spec's (no schedule
    changes it at construction: step, cosine and plateau all start at the base rate).
    """

    def __init__(
        self,
        experiment: Experiment,
        parameters: list[nn.Parameter],
    ) -> None:
        self._experiment = experiment
        self._parameters = parameters
        self._built: tuple[torch.optim.Optimizer, Scheduler | None] | None = None

    def _parts(self) -> tuple[torch.optim.Optimizer, Scheduler | None]:
        if self._built is None:
            optimizer = build_optimizer(self._experiment.optimizer, self._parameters)
            epochs = self._experiment.training.epochs
            self._built = (optimizer, build_schedule(self._experiment.schedule, optimizer, epochs))
        return self._built

    @property
    def optimizer(self) -> torch.optim.Optimizer:
        return self._parts()[0]

    @property
    def schedule(self) -> Scheduler | None:
        return self._parts()[1]

    @property
    def learning_rate(self) -> float:
        """The current learning rate (the spec's while nothing is built)."""
        if self._built is None:
            return float(self._experiment.optimizer.lr)
        return current_learning_rate(self._built[0])
