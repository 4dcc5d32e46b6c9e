"""The loss over a grid of a two-number model's parameters, and optimizer paths on it.

Every value is the model's own loss: the grid sets the parameters with
``torch.func.functional_call`` (batched with ``vmap``) and runs the very loss
module training uses, so a point on the map equals what training would report
for those weights. Paths run the real torch optimizers, step by step.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn
from torch.func import functional_call, vmap

from playground.core.spec.experiment import OptimizerSpec
from playground.core.training.builders import build_optimizer

MAX_GRID = 256


@dataclass(frozen=True)
class Surface:
    """Loss values ``losses[row, col]`` at ``(xs[col], ys[row])``; axes name the parameters."""

    xs: np.ndarray
    ys: np.ndarray
    losses: np.ndarray
    x_name: str
    y_name: str


@dataclass(frozen=True)
class Path:
    """Where an optimizer went: parameter pairs and the loss before each step."""

    title: str
    points: np.ndarray  # (steps + 1, 2)
    losses: np.ndarray  # (steps + 1,)


def trainable_numbers(model: nn.Module) -> list[tuple[str, nn.Parameter]]:
    return [(name, p) for name, p in model.named_parameters() if p.requires_grad]


def has_two_numbers(model: nn.Module) -> bool:
    """Whether the model has exactly two trainable numbers (e.g. ``Linear(1, 1)``: w and b)."""
    return sum(p.numel() for _, p in trainable_numbers(model)) == 2


def _split(model: nn.Module) -> tuple[list[str], list[torch.Size]]:
    params = trainable_numbers(model)
    if sum(p.numel() for _, p in params) != 2:
        raise ValueError("the loss surface needs a model with exactly two trainable numbers")
    return [n for n, _ in params], [p.shape for _, p in params]


def _as_parameters(
    pair: torch.Tensor, names: list[str], shapes: list[torch.Size]
) -> dict[str, torch.Tensor]:
    out: dict[str, torch.Tensor] = {}
    offset = 0
    for name, shape in zip(names, shapes, strict=True):
        count = int(np.prod(shape)) if len(shape) else 1
        out[name] = pair[offset : offset + count].reshape(shape)
        offset += count
    return out


def current_point(model: nn.Module) -> tuple[float, float]:
    flat = torch.cat([p.detach().reshape(-1) for _, p in trainable_numbers(model)])
    return float(flat[0]), float(flat[1])


def loss_surface(
    model: nn.Module,
    loss: nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    resolution: int = 61,
) -> Surface:
    """The loss at ``resolution × resolution`` parameter pairs over the two ranges."""
    resolution = max(2, min(int(resolution), MAX_GRID))
    names, shapes = _split(model)
    xs = torch.linspace(x_range[0], x_range[1], resolution, dtype=inputs.dtype)
    ys = torch.linspace(y_range[0], y_range[1], resolution, dtype=inputs.dtype)
    grid_y, grid_x = torch.meshgrid(ys, xs, indexing="ij")
    pairs = torch.stack([grid_x.reshape(-1), grid_y.reshape(-1)], dim=1)
    buffers = dict(model.named_buffers())

    def loss_at(pair: torch.Tensor) -> torch.Tensor:
        state = {**_as_parameters(pair, names, shapes), **buffers}
        result: torch.Tensor = loss(functional_call(model, state, (inputs,)), targets)
        return result

    with torch.no_grad():
        values = torch.cat([vmap(loss_at)(chunk) for chunk in torch.split(pairs, 4096)])
    return Surface(
        xs.numpy(), ys.numpy(), values.reshape(resolution, resolution).numpy(), names[0], names[1]
    )


def loss_at(
    model: nn.Module,
    loss: nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    point: tuple[float, float],
) -> float:
    """The loss with the two numbers set to ``point`` (the model itself is left unchanged)."""
    names, shapes = _split(model)
    state = {
        **_as_parameters(torch.tensor(point, dtype=inputs.dtype), names, shapes),
        **dict(model.named_buffers()),
    }
    with torch.no_grad():
        return float(loss(functional_call(model, state, (inputs,)), targets))


def optimizer_path(
    model: nn.Module,
    loss: nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    start: tuple[float, float],
    optimizer: OptimizerSpec,
    steps: int,
    title: str = "",
) -> Path:
    """Run ``optimizer`` for ``steps`` full-batch steps from ``start`` on a copy of the model."""
    walker = copy.deepcopy(model)
    params = [p for _, p in trainable_numbers(walker)]
    with torch.no_grad():
        flat = torch.tensor(start, dtype=inputs.dtype)
        offset = 0
        for p in params:
            p.copy_(flat[offset : offset + p.numel()].reshape(p.shape))
            offset += p.numel()
    opt = build_optimizer(optimizer, params)
    points = [start]
    losses = []
    for _ in range(max(0, steps)):
        opt.zero_grad()
        value = loss(walker(inputs), targets)
        losses.append(value.item())
        value.backward()  # type: ignore[no-untyped-call]
        opt.step()
        points.append(current_point(walker))
    with torch.no_grad():
        losses.append(float(loss(walker(inputs), targets)))
    return Path(title or optimizer.kind, np.array(points, dtype=np.float64), np.array(losses))


def compare_paths(
    model: nn.Module,
    loss: nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    start: tuple[float, float],
    optimizers: Sequence[tuple[str, OptimizerSpec]],
    steps: int,
) -> list[Path]:
    """Several optimizers from the same start on the same surface, side by side."""
    return [
        optimizer_path(model, loss, inputs, targets, start, spec, steps, title)
        for title, spec in optimizers
    ]


def frame(
    points: Sequence[tuple[float, float]], margin: float = 0.5
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Ranges that show every point with room around it (at least ±1 around the middle)."""
    array = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    low, high = array.min(axis=0), array.max(axis=0)
    middle = (low + high) / 2
    half = np.maximum((high - low) / 2 * (1 + margin), 1.0)
    return (
        (float(middle[0] - half[0]), float(middle[0] + half[0])),
        (float(middle[1] - half[1]), float(middle[1] + half[1])),
    )
