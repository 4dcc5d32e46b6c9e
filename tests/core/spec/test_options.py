"""The option tables drive the spec, the builders and the exported script."""

from __future__ import annotations

import math

import pytest
import torch
from pydantic import ValidationError
from torch import nn
from torch.optim import lr_scheduler

from playground.core.data.catalog import DATASET_TABLE
from playground.core.export.script import _optimizer_code, _schedule_code
from playground.core.messages import describe
from playground.core.spec.experiment import (
    BUILTIN_DATASETS,
    LOSSES,
    OPTIMIZERS,
    Experiment,
    OptimizerSpec,
    ScheduleName,
    ScheduleSpec,
    TrainingSpec,
)
from playground.core.spec.options import (
    LOSS_TABLE,
    OPTIMIZER_FIELDS,
    OPTIMIZER_TABLE,
    SCHEDULE_FIELDS,
    SCHEDULE_TABLE,
    SECTION_FIELDS,
    TRAINING_FIELDS,
)
from playground.core.spec.validation import spec_problems
from playground.core.training.builders import build_optimizer, build_schedule
from playground.core.training.losses import build_loss
from playground.core.training.torch_classes import torch_class


def test_tables_name_exactly_the_spec_names() -> None:
    assert tuple(OPTIMIZER_TABLE) == OPTIMIZERS
    assert set(LOSS_TABLE) == set(LOSSES)  # table order is the pickers order
    assert set(SCHEDULE_TABLE) == set(ScheduleName.__args__)  # type: ignore[attr-defined]
    assert tuple(DATASET_TABLE) == BUILTIN_DATASETS
    for option in OPTIMIZER_TABLE.values():
        assert set(option.fields) <= set(OPTIMIZER_FIELDS)
    for schedule in SCHEDULE_TABLE.values():
        assert set(schedule.fields) <= set(SCHEDULE_FIELDS)


@pytest.mark.parametrize("kind", list(OPTIMIZER_TABLE))
def test_every_optimizer_builds_its_class_with_the_table_defaults(kind: str) -> None:
    option = OPTIMIZER_TABLE[kind]
    parameters = [nn.Parameter(torch.zeros(3))]
    optimizer = build_optimizer(OptimizerSpec(kind=kind), parameters)  # type: ignore[arg-type]
    assert type(optimizer) is torch_class(option.torch_class)
    group = optimizer.param_groups[0]
    assert group["lr"] == OPTIMIZER_FIELDS["lr"].default
    assert group["weight_decay"] == OPTIMIZER_FIELDS["weight_decay"].default
    if "beta1" in option.fields:
        assert group["betas"] == (
            OPTIMIZER_FIELDS["beta1"].default,
            OPTIMIZER_FIELDS["beta2"].default,
        )
    if "momentum" in option.fields:
        assert group["momentum"] == OPTIMIZER_FIELDS["momentum"].default
    code = _optimizer_code(OptimizerSpec(kind=kind))  # type: ignore[arg-type]
    assert code.startswith(option.torch_class + "(parameters, lr=0.01")


@pytest.mark.parametrize("name", list(LOSS_TABLE))
def test_every_loss_builds_its_class(name: str) -> None:
    assert type(build_loss(name)) is torch_class(LOSS_TABLE[name].torch_class)


@pytest.mark.parametrize("kind", list(SCHEDULE_TABLE))
def test_every_schedule_builds_its_class_with_the_table_defaults(kind: str) -> None:
    option = SCHEDULE_TABLE[kind]
    optimizer = torch.optim.SGD([nn.Parameter(torch.zeros(1))], lr=0.1)
    schedule = build_schedule(ScheduleSpec(kind=kind), optimizer, epochs=40)  # type: ignore[arg-type]
    code = _schedule_code(ScheduleSpec(kind=kind), 40)  # type: ignore[arg-type]
    if option.torch_class is None:
        assert schedule is None and code == "None"
        return
    assert type(schedule) is torch_class(option.torch_class)
    assert code.startswith(option.torch_class + "(optimizer")
    if isinstance(schedule, lr_scheduler.StepLR):
        assert schedule.step_size == SCHEDULE_FIELDS["step_size"].default
        assert schedule.gamma == SCHEDULE_FIELDS["gamma"].default
    if isinstance(schedule, lr_scheduler.CosineAnnealingLR):
        assert schedule.T_max == 40  # no half-cycle given: all epochs
        assert schedule.eta_min == SCHEDULE_FIELDS["min_lr"].default
    if isinstance(schedule, lr_scheduler.ReduceLROnPlateau):
        assert schedule.factor == SCHEDULE_FIELDS["factor"].default
        assert schedule.patience == SCHEDULE_FIELDS["patience"].default


@pytest.mark.parametrize(
    ("model", "section"),
    [(OptimizerSpec, "optimizer"), (ScheduleSpec, "schedule"), (TrainingSpec, "training")],
)
def test_spec_defaults_and_bounds_are_the_tables(model: type, section: str) -> None:
    defaults = model()
    for name, option in SECTION_FIELDS[section].items():
        if name in ("beta1", "beta2"):
            assert defaults.betas[name == "beta2"] == option.default
            continue
        assert getattr(defaults, name) == option.default
        if option.type == "bool":
            continue
        low, high = option.editor_range()
        model(**{name: low if option.type != "int" else int(low)})  # the widest values pass
        if high < 1e300:
            model(**{name: high if option.type != "int" else int(high)})
        if option.minimum is not None:
            outside = option.minimum if option.low_open else option.minimum - 1
            with pytest.raises(ValidationError):
                model(**{name: outside})
        if option.maximum is not None:
            outside = option.maximum if option.high_open else option.maximum + 1
            with pytest.raises(ValidationError):
                model(**{name: outside})


def test_open_bounds_become_the_nearest_float_inside() -> None:
    low, high = OPTIMIZER_FIELDS["momentum"].editor_range()
    assert low == 0.0 and high < 1.0 and math.nextafter(high, 2.0) == 1.0
    assert OPTIMIZER_FIELDS["lr"].editor_range()[0] > 0.0
    assert OptimizerSpec(momentum=high).momentum == high


def test_nesterov_rule_comes_from_the_table() -> None:
    (rule,) = OPTIMIZER_TABLE["sgd"].rules
    assert not rule.allows({"nesterov": True, "momentum": 0.0})
    assert rule.allows({"nesterov": True, "momentum": 0.5})
    assert rule.allows({"nesterov": False, "momentum": 0.0})
    bad = Experiment(optimizer=OptimizerSpec(kind="sgd", nesterov=True, momentum=0.0))
    found = spec_problems(bad)
    assert [problem.code for problem in found] == ["optimizer.nesterov_needs_momentum"]
    assert any("Nesterov" in describe(problem) for problem in found)
    good = Experiment(optimizer=OptimizerSpec(kind="sgd", nesterov=True, momentum=0.9))
    assert spec_problems(good) == []
    sgd = build_optimizer(bad.optimizer, [nn.Parameter(torch.zeros(1))])
    assert sgd.param_groups[0]["nesterov"] is False  # built without the broken combination


def test_losses_know_their_task() -> None:
    assert {LOSS_TABLE[n].task for n in ("mse", "l1", "huber")} == {"regression"}
    assert {LOSS_TABLE[n].task for n in ("cross-entropy", "bce-with-logits")} == {"classification"}
    assert TRAINING_FIELDS["grad_clip"].optional and TRAINING_FIELDS["grad_clip"].default is None
