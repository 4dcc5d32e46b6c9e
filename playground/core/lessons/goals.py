"""Whether a lesson's goal is reached, as data the front ends word.

The metrics come from the run (the engine's epoch records); nothing here
computes a loss.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from playground.core.lessons.model import Goal
from playground.core.spec.experiment import Experiment


@dataclass(frozen=True)
class GoalStatus:
    """``reached`` and why not: the metric's value (None before any epoch), the units."""

    reached: bool
    value: float | None
    hidden_units: int
    too_many_units: bool


def hidden_units(experiment: Experiment) -> int:
    """The outputs of every Linear layer except the last one: the network's hidden units."""
    sizes = [
        int(layer.params.get("out_features", 0))
        for layer in experiment.model.layers
        if layer.kind == "Linear"
    ]
    return sum(sizes[:-1])


def goal_status(
    goal: Goal, metrics: Mapping[str, float | None], experiment: Experiment
) -> GoalStatus:
    """The goal checked against the latest metrics (``train_loss``, ``validation_loss``, …)."""
    value = metrics.get(goal.metric)
    units = hidden_units(experiment)
    too_many = goal.max_hidden_units is not None and units > goal.max_hidden_units
    met = False
    if value is not None and value == value:  # NaN never meets a goal
        met = value < goal.below if goal.below is not None else value > (goal.above or 0.0)
    return GoalStatus(met and not too_many, value, units, too_many)
