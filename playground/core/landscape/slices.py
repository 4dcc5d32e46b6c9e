"""A slice of a larger model's loss along two random, filter-normalised directions.

Following Li et al., "Visualizing the Loss Landscape of Neural Nets" (2018):
each direction is a random Gaussian of the weights' shape whose every filter
(a row of a ``Linear`` weight, an output channel of a ``Conv2d`` kernel) is
rescaled to the norm of the same filter of the weights, so the slice's scale
means the same for every layer. Biases and normalisation parameters are not
moved (their direction is zero), as in the paper's figures. The loss is then
``L(θ + α·d₁ + β·d₂)`` over a grid of (α, β), and a training path is projected
onto the plane by least squares.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn
from torch.func import functional_call

from playground.core.landscape.surface import MAX_GRID, Surface

#: How :func:`describe_slice` words the picture (the GUI shows it beside the map).
SLICE_EXPLANATION = (
    "The loss on a flat slice through the current weights (the centre). The two axes are "
    "random directions in weight space, each scaled filter by filter to the size of the "
    "weights (Li et al., 2018); biases stay fixed. The line is the training path projected "
    "onto this slice."
)


@dataclass(frozen=True)
class Directions:
    """Two directions over the model's trainable parameters, by name."""

    first: dict[str, torch.Tensor]
    second: dict[str, torch.Tensor]


def filter_normalised_direction(
    parameters: dict[str, torch.Tensor], generator: torch.Generator
) -> dict[str, torch.Tensor]:
    """A random direction with each filter scaled to the norm of that filter of the weights."""
    direction: dict[str, torch.Tensor] = {}
    for name, weight in parameters.items():
        if weight.dim() <= 1:
            direction[name] = torch.zeros_like(weight)
            continue
        d = torch.randn(weight.shape, generator=generator, dtype=weight.dtype)
        d_flat, w_flat = d.reshape(weight.shape[0], -1), weight.reshape(weight.shape[0], -1)
        scale = w_flat.norm(dim=1, keepdim=True) / (d_flat.norm(dim=1, keepdim=True) + 1e-10)
        direction[name] = (d_flat * scale).reshape(weight.shape)
    return direction


def random_directions(model: nn.Module, seed: int = 0) -> Directions:
    """Two filter-normalised random directions around ``model``'s current weights."""
    generator = torch.Generator().manual_seed(seed)
    params = {n: p.detach().cpu() for n, p in model.named_parameters() if p.requires_grad}
    return Directions(
        filter_normalised_direction(params, generator),
        filter_normalised_direction(params, generator),
    )


def _moved(
    center: dict[str, torch.Tensor], directions: Directions, alpha: float, beta: float
) -> dict[str, torch.Tensor]:
    return {
        name: value + alpha * directions.first[name] + beta * directions.second[name]
        for name, value in center.items()
    }


def loss_slice(
    model: nn.Module,
    loss: nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    directions: Directions,
    extent: float = 1.0,
    resolution: int = 31,
) -> Surface:
    """``L(θ + α·d₁ + β·d₂)`` for α, β in ``[-extent, extent]``, θ the model's weights now."""
    resolution = max(2, min(int(resolution), MAX_GRID))
    center = {n: p.detach().cpu() for n, p in model.named_parameters() if p.requires_grad}
    buffers = {n: b.detach().cpu() for n, b in model.named_buffers()}
    alphas = np.linspace(-extent, extent, resolution)
    betas = np.linspace(-extent, extent, resolution)
    values = np.empty((resolution, resolution))
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            for row, beta in enumerate(betas):
                for col, alpha in enumerate(alphas):
                    state = {**_moved(center, directions, float(alpha), float(beta)), **buffers}
                    output = functional_call(model, state, (inputs,))
                    values[row, col] = float(loss(output, targets))
    finally:
        model.train(was_training)
    return Surface(alphas, betas, values, "α (direction 1)", "β (direction 2)")


def project_path(
    path: Sequence[dict[str, torch.Tensor]],
    center: dict[str, torch.Tensor],
    directions: Directions,
) -> np.ndarray:
    """Each state's offset from ``center``, as (α, β) on the slice (least squares)."""
    names = list(directions.first)
    d1 = torch.cat([directions.first[n].reshape(-1) for n in names]).double()
    d2 = torch.cat([directions.second[n].reshape(-1) for n in names]).double()
    basis = torch.stack([d1, d2], dim=1)
    gram = basis.T @ basis
    base = torch.cat([center[n].reshape(-1) for n in names]).double()
    points = []
    for state in path:
        offset = torch.cat([state[n].reshape(-1) for n in names]).double() - base
        coeffs = torch.linalg.solve(gram, basis.T @ offset)
        points.append((float(coeffs[0]), float(coeffs[1])))
    return np.array(points, dtype=np.float64).reshape(-1, 2)
