"""The course's five training setups: the app's numbers equal a plain PyTorch loop's.

Each test writes the course's own code (nn.Linear, the optimizer, the loop) with the
same seed and compares the loss of every epoch with the engine's, to 1e-6.
"""

from __future__ import annotations

import pytest
import torch
from torch import nn

from playground.core.spec.presets import load_preset
from playground.core.training.engine import Engine

TOLERANCE = {"rel": 1e-6, "abs": 1e-6}


def _engine_losses(name: str, initial_state: dict[str, torch.Tensor] | None = None) -> list[float]:
    experiment = load_preset(name)
    experiment = experiment.model_copy(
        update={"training": experiment.training.model_copy(update={"device": "cpu"})}
    )
    engine = Engine(experiment, initial_state=initial_state)
    final = engine.run()
    assert final.state in ("finished", "diverged")
    return [record.train_loss for record in engine.history.epochs]


def _plain_loop(
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    x: torch.Tensor,
    y: torch.Tensor,
    epochs: int,
    zero_grad: bool = True,
) -> list[float]:
    criterion = nn.MSELoss()
    losses = []
    for _ in range(epochs):
        outputs = model(x)
        loss = criterion(outputs, y)
        if zero_grad:
            optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        if not torch.isfinite(loss):
            break
    return losses


def test_linear_regression_on_y_equals_2x() -> None:
    torch.manual_seed(0)
    x = torch.tensor([[1.0], [2.0], [3.0], [4.0], [5.0]])
    y = 2 * x
    model = nn.Sequential(nn.Linear(1, 1))
    expected = _plain_loop(model, torch.optim.SGD(model.parameters(), lr=0.01), x, y, 1000)
    assert _engine_losses("course-linear-regression") == pytest.approx(expected, **TOLERANCE)
    assert expected[-1] < 1e-3  # it really learns w ≈ 2, b ≈ 0


def test_mlp_2_5_2_learns_the_identity() -> None:
    torch.manual_seed(0)
    x = torch.tensor([[1.0, 2.0], [2.0, 3.0], [3.0, 4.0], [4.0, 5.0], [5.0, 6.0]])
    model = nn.Sequential(nn.Linear(2, 5), nn.ReLU(), nn.Linear(5, 2))
    expected = _plain_loop(model, torch.optim.SGD(model.parameters(), lr=0.01), x, x, 1000)
    assert _engine_losses("course-mlp-identity") == pytest.approx(expected, **TOLERANCE)
    assert expected[-1] < expected[0]


def test_2_2_1_with_adam_on_ten_random_samples() -> None:
    torch.manual_seed(0)
    x, y = torch.randn(10, 2), torch.randn(10, 1)
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
    expected = _plain_loop(model, torch.optim.Adam(model.parameters(), lr=0.001), x, y, 100)
    assert _engine_losses("course-simple-nn") == pytest.approx(expected, **TOLERANCE)


def test_manual_gradient_descent_from_a_1_b_2() -> None:
    torch.manual_seed(21)
    x = torch.randint(1, 5, (20, 1)).float()
    y = torch.randint(1, 5, (20, 1)).float()
    a = torch.tensor(1.0, requires_grad=True)
    b = torch.tensor(2.0, requires_grad=True)
    expected = []
    for _ in range(50):
        loss = ((a * x + b - y) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            a -= 0.01 * a.grad
            b -= 0.01 * b.grad
        a.grad.zero_()
        b.grad.zero_()
        expected.append(loss.item())
    start = {"0.weight": torch.tensor([[1.0]]), "0.bias": torch.tensor([2.0])}
    assert _engine_losses("course-manual-gd", start) == pytest.approx(expected, **TOLERANCE)


def test_forgetting_zero_grad_lets_gradients_add_up() -> None:
    torch.manual_seed(0)
    x = torch.tensor([[1.0], [2.0], [3.0], [4.0], [5.0]])
    model = nn.Sequential(nn.Linear(1, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    expected = _plain_loop(model, opt, x, 2 * x, 1000, zero_grad=False)
    got = _engine_losses("course-no-zero-grad")
    finite = [v for v in expected if torch.isfinite(torch.tensor(v))]
    assert got[: len(finite)] == pytest.approx(finite, **TOLERANCE)
    zeroed = _engine_losses("course-linear-regression")
    assert got[5] != pytest.approx(zeroed[5])  # the runs part ways within a few epochs
