"""Loss, optimizer and schedule builders, the loss/task checks, and accuracy."""

from __future__ import annotations

import math

import pytest
import torch
from torch import nn

from playground.core.data.base import DataInfo
from playground.core.spec.experiment import LOSSES, OPTIMIZERS, OptimizerSpec, ScheduleSpec
from playground.core.training.builders import (
    build_optimizer,
    build_schedule,
    current_learning_rate,
    set_learning_rate,
    step_schedule,
)
from playground.core.training.losses import accuracy, build_loss, class_probabilities, loss_targets

CLASSES_3 = DataInfo("classification", (2,), 3, ("x1", "x2"), ("label",), ("a", "b", "c"))
CLASSES_2 = DataInfo("classification", (2,), 2, ("x1", "x2"), ("label",), ("a", "b"))
REGRESSION = DataInfo("regression", (1,), 1, ("x",), ("y",))


@pytest.mark.parametrize("loss", LOSSES)
def test_every_loss_trains_a_few_steps(loss: str) -> None:
    torch.manual_seed(0)
    x = torch.randn(64, 2)
    if loss in ("cross-entropy", "bce-with-logits"):
        labels = (x[:, 0] > 0).to(torch.int64)
        outputs = 2 if loss == "cross-entropy" else 1
    else:
        labels = x.sum(dim=1, keepdim=True)
        outputs = 1
    targets = loss_targets(loss, labels)
    model = nn.Linear(2, outputs)
    loss_fn = build_loss(loss)
    optimizer = build_optimizer(OptimizerSpec(kind="sgd", lr=0.5), list(model.parameters()))
    first = last = math.nan
    for step in range(30):
        value = loss_fn(model(x), targets)
        optimizer.zero_grad()
        value.backward()
        optimizer.step()
        first = value.item() if step == 0 else first
        last = value.item()
    assert last < 0.7 * first


@pytest.mark.parametrize("kind", OPTIMIZERS)
def test_every_optimizer_reduces_a_quadratic(kind: str) -> None:
    spec = OptimizerSpec(kind=kind, lr=0.1, momentum=0.5 if kind in ("sgd", "rmsprop") else 0.0)
    weight = nn.Parameter(torch.tensor([3.0, -2.0]))
    optimizer = build_optimizer(spec, [weight])
    for _ in range(25):
        optimizer.zero_grad()
        (weight**2).sum().backward()
        optimizer.step()
    assert float((weight.detach() ** 2).sum()) < 13.0 * 0.5


def test_optimizer_options_reach_torch() -> None:
    weight = [nn.Parameter(torch.zeros(2))]
    sgd = build_optimizer(
        OptimizerSpec(kind="sgd", lr=0.2, momentum=0.9, nesterov=True, weight_decay=0.01), weight
    )
    group = sgd.param_groups[0]
    assert (group["lr"], group["momentum"], group["nesterov"], group["weight_decay"]) == (
        0.2,
        0.9,
        True,
        0.01,
    )
    adamw = build_optimizer(OptimizerSpec(kind="adamw", betas=(0.8, 0.99)), weight)
    assert isinstance(adamw, torch.optim.AdamW)
    assert adamw.param_groups[0]["betas"] == (0.8, 0.99)
    # Nesterov without momentum would be an error in torch; it is quietly plain SGD instead.
    plain = build_optimizer(OptimizerSpec(kind="sgd", nesterov=True), weight)
    assert plain.param_groups[0]["nesterov"] is False


def _lrs(schedule: ScheduleSpec, epochs: int, losses: list[float] | None = None) -> list[float]:
    weight = nn.Parameter(torch.zeros(1))
    optimizer = build_optimizer(OptimizerSpec(kind="sgd", lr=1.0), [weight])
    scheduler = build_schedule(schedule, optimizer, epochs)
    seen = []
    for epoch in range(epochs):
        optimizer.step()
        step_schedule(scheduler, losses[epoch] if losses else 1.0)
        seen.append(current_learning_rate(optimizer))
    return seen


def test_step_schedule_decays_every_step_size_epochs() -> None:
    lrs = _lrs(ScheduleSpec(kind="step", step_size=2, gamma=0.5), 6)
    assert lrs == pytest.approx([1.0, 0.5, 0.5, 0.25, 0.25, 0.125])


def test_cosine_schedule_reaches_the_minimum_at_the_end() -> None:
    lrs = _lrs(ScheduleSpec(kind="cosine", min_lr=0.1), 10)
    assert lrs[-1] == pytest.approx(0.1)
    assert lrs == sorted(lrs, reverse=True)
    assert lrs[4] == pytest.approx(0.1 + 0.9 * (1 + math.cos(math.pi * 5 / 10)) / 2)


def test_plateau_schedule_decays_when_the_loss_stalls() -> None:
    lrs = _lrs(
        ScheduleSpec(kind="plateau", patience=1, factor=0.5), 6, [1.0, 0.9, 0.9, 0.9, 0.9, 0.9]
    )
    assert lrs[1] == 1.0
    assert lrs[-1] < 1.0


def test_no_schedule_keeps_the_rate_and_manual_changes_stick() -> None:
    weight = nn.Parameter(torch.zeros(1))
    optimizer = build_optimizer(OptimizerSpec(kind="adam", lr=0.01), [weight])
    assert build_schedule(ScheduleSpec(), optimizer, 5) is None
    scheduler = build_schedule(ScheduleSpec(kind="step", step_size=1, gamma=0.5), optimizer, 5)
    set_learning_rate(optimizer, 0.4)
    optimizer.step()
    step_schedule(scheduler, 0.0)
    assert current_learning_rate(optimizer) == pytest.approx(0.2)


def test_accuracy_and_probabilities_for_both_classification_losses() -> None:
    labels = torch.tensor([0, 1, 1, 0])
    logits = torch.tensor([[2.0, 0.0], [0.0, 1.0], [3.0, 0.0], [1.0, -1.0]])
    assert accuracy(logits, labels, "cross-entropy") == 0.75
    scores = torch.tensor([[-1.0], [2.0], [0.5], [0.3]])
    assert accuracy(scores, labels, "bce-with-logits") == 0.75
    probabilities = class_probabilities(scores, "bce-with-logits")
    assert probabilities.shape == (4, 2)
    torch.testing.assert_close(probabilities.sum(dim=1), torch.ones(4))
    assert loss_targets("bce-with-logits", labels).dtype == torch.float32
    assert loss_targets("bce-with-logits", labels).shape == (4, 1)
