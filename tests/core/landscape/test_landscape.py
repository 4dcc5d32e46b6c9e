"""Loss surfaces, optimizer paths and slices equal the model's own loss, computed by torch."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from playground.core.landscape.slices import loss_slice, project_path, random_directions
from playground.core.landscape.surface import (
    compare_paths,
    frame,
    has_two_numbers,
    loss_at,
    loss_surface,
    optimizer_path,
)
from playground.core.spec.experiment import OptimizerSpec

X = torch.arange(1.0, 6.0).reshape(-1, 1)
Y = 2 * X


def _line(w: float = 1.0, b: float = 2.0) -> nn.Linear:
    model = nn.Linear(1, 1)
    with torch.no_grad():
        model.weight.fill_(w)
        model.bias.fill_(b)
    return model


def test_only_two_number_models_have_a_surface() -> None:
    assert has_two_numbers(nn.Linear(1, 1))
    assert not has_two_numbers(nn.Linear(2, 1))
    with pytest.raises(ValueError):
        loss_surface(nn.Linear(2, 1), nn.MSELoss(), X, Y, (0, 1), (0, 1))


def test_surface_points_equal_the_models_loss() -> None:
    model = _line()
    surface = loss_surface(model, nn.MSELoss(), X, Y, (-1.0, 4.0), (-3.0, 3.0), resolution=21)
    assert surface.losses.shape == (21, 21)
    for row, col in [(0, 0), (5, 17), (10, 10), (20, 3), (20, 20)]:
        probe = _line(float(surface.xs[col]), float(surface.ys[row]))
        expected = nn.MSELoss()(probe(X), Y).item()
        assert surface.losses[row, col] == pytest.approx(expected, rel=1e-6, abs=1e-6)
    assert loss_at(model, nn.MSELoss(), X, Y, (2.0, 0.0)) == 0.0
    assert model.weight.item() == 1.0  # the model itself is untouched


def test_sgd_path_is_a_plain_torch_loop() -> None:
    spec = OptimizerSpec(kind="sgd", lr=0.01)
    path = optimizer_path(_line(), nn.MSELoss(), X, Y, (1.0, 2.0), spec, steps=50)
    model = _line(1.0, 2.0)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for step in range(50):
        opt.zero_grad()
        loss = nn.MSELoss()(model(X), Y)
        assert path.losses[step] == pytest.approx(loss.item(), rel=1e-6)
        loss.backward()
        opt.step()
    assert path.points[-1] == pytest.approx([model.weight.item(), model.bias.item()], rel=1e-6)
    assert path.losses[-1] < path.losses[0]


def test_several_optimizers_start_from_the_same_point() -> None:
    paths = compare_paths(
        _line(),
        nn.MSELoss(),
        X,
        Y,
        (0.0, 0.0),
        [
            ("SGD", OptimizerSpec(kind="sgd", lr=0.01)),
            ("SGD + momentum", OptimizerSpec(kind="sgd", lr=0.01, momentum=0.9)),
            ("Adam", OptimizerSpec(kind="adam", lr=0.1)),
        ],
        steps=30,
    )
    assert [p.title for p in paths] == ["SGD", "SGD + momentum", "Adam"]
    assert all(tuple(p.points[0]) == (0.0, 0.0) for p in paths)
    assert len({tuple(p.points[-1]) for p in paths}) == 3
    (x0, x1), (y0, y1) = frame(np.concatenate([p.points for p in paths]))
    assert all(x0 <= p.points[:, 0].min() and p.points[:, 0].max() <= x1 for p in paths)
    assert all(y0 <= p.points[:, 1].min() and p.points[:, 1].max() <= y1 for p in paths)


def test_directions_are_filter_normalised_and_biases_stay() -> None:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
    directions = random_directions(model, seed=3)
    for name, weight in model.named_parameters():
        d = directions.first[name]
        if weight.dim() == 1:
            assert torch.count_nonzero(d) == 0
        else:
            assert torch.allclose(d.norm(dim=1), weight.detach().norm(dim=1), rtol=1e-5)


def test_slice_centre_is_the_current_loss_and_a_path_projects_back() -> None:
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(2, 5), nn.Tanh(), nn.Linear(5, 1))
    inputs, targets = torch.randn(20, 2), torch.randn(20, 1)
    directions = random_directions(model, seed=2)
    surface = loss_slice(model, nn.MSELoss(), inputs, targets, directions, extent=1.0, resolution=5)
    with torch.no_grad():
        expected = nn.MSELoss()(model(inputs), targets).item()
    assert surface.losses[2, 2] == pytest.approx(expected, rel=1e-6)
    center = {n: p.detach().clone() for n, p in model.named_parameters()}
    moved = {n: center[n] + 0.3 * directions.first[n] - 0.7 * directions.second[n] for n in center}
    assert project_path([center, moved], center, directions) == pytest.approx(
        np.array([[0.0, 0.0], [0.3, -0.7]]), abs=1e-6
    )
