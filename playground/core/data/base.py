"""Types every data source produces: a :class:`Dataset` of tensors and its cheap :class:`DataInfo`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import torch

from playground.core.errors import ProblemError

Task = Literal["classification", "regression"]


class DataError(ProblemError):
    """Data cannot be made or read; ``problems`` says what, where and what to do."""


@dataclass(frozen=True)
class PlaneInfo:
    """For data whose raw input is two numbers (x1, x2): what the decision-boundary plot needs.

    ``extent`` is (x1_min, x1_max, x2_min, x2_max) of the plotting area; ``expand``
    maps raw (N, 2) points to the model's full inputs (adding derived features).
    For data with more inputs the plane is the pair the user chose to show:
    ``axes`` names it and ``held_at_mean`` lists the other inputs, which
    ``expand`` holds at their training mean (the plots say so).
    """

    extent: tuple[float, float, float, float]
    expand: Callable[[torch.Tensor], torch.Tensor]
    axes: tuple[str, str] = ("x1", "x2")
    held_at_mean: tuple[str, ...] = ()


@dataclass(frozen=True)
class CurveInfo:
    """For data with one input: the x range over which the fitted curve is drawn."""

    x_range: tuple[float, float]


@dataclass(frozen=True)
class DataInfo:
    """What the model and loss must agree with, known without generating the data."""

    task: Task
    input_shape: tuple[int, ...]
    num_outputs: int  # classes for classification, target columns for regression
    feature_names: tuple[str, ...]
    target_names: tuple[str, ...]
    class_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dataset:
    """Tensors ready for training (CPU, float32 inputs; int64 labels or float32 (N, T) targets)."""

    info: DataInfo
    x_train: torch.Tensor
    y_train: torch.Tensor
    x_val: torch.Tensor
    y_val: torch.Tensor
    plane: PlaneInfo | None = None
    curve: CurveInfo | None = None
    raw_train: torch.Tensor | None = None  # (N, 2) plane coordinates before derived features
    raw_val: torch.Tensor | None = None
