"""The hand-written dense pass trains the very weights autograd trains, and only where it applies."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from playground.core.spec.experiment import Experiment, LayerSpec, TrainingSpec
from playground.core.training import run_setup as engine_module
from playground.core.training.engine import Callback, Engine
from playground.core.training.fast_dense import plan_dense_stack
from tests.core.training.test_engine import blobs, experiment, layers, line

STEPS = 1_000


def _with(spec: Experiment, **optimizer: object) -> Experiment:
    return spec.model_copy(update={"optimizer": spec.optimizer.model_copy(update=optimizer)})


def _train(spec: Experiment, data_maker: object, *, fast: bool, monkeypatch: pytest.MonkeyPatch):
    """Weights after the run and the gradient norms every snapshot saw."""
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(engine_module, "plan_dense_stack", lambda *args: None)
        engine = Engine(spec, data_maker(), snapshot_interval=0.0)  # type: ignore[operator]
    assert engine.fast_path is fast
    norms: list[dict[str, float]] = []
    engine.run(on_snapshot=lambda s: norms.append({p.name: p.grad_norm for p in s.parameters}))
    assert engine.step >= STEPS
    return {k: v.clone() for k, v in engine.model.state_dict().items()}, norms


CASES = {
    "tanh-ce-sgd": (experiment(layers(8, 8, 2, activation="Tanh"), optimizer="sgd", lr=0.03), blobs),
    "relu-ce-adam-clip": (experiment(layers(8, 3), grad_clip=0.5), lambda: blobs(classes=3)),
    "sigmoid-bce-momentum": (
        _with(experiment(layers(6, 1, activation="Sigmoid"), "bce-with-logits", optimizer="sgd",
                         lr=0.1), momentum=0.9, nesterov=True, weight_decay=0.01),
        blobs,
    ),
    "leaky-mse-adamw": (
        _with(experiment(layers(8, 1, activation="LeakyReLU"), "mse", optimizer="adamw", lr=0.01),
              weight_decay=0.1),
        line,
    ),
    "identity-mse-no-zero-grad": (
        experiment(layers(4, 1, activation="Identity"), "mse", optimizer="sgd", lr=0.001,
                   zero_grad=False),
        line,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(CASES))
def test_fast_path_equals_autograd_after_a_thousand_steps(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, data = CASES[name]
    per_epoch = -(-data().x_train.shape[0] // spec.training.batch_size)
    training = spec.training.model_copy(update={"epochs": -(-STEPS // per_epoch)})
    spec = spec.model_copy(update={"training": training})
    fast, fast_norms = _train(spec, data, fast=True, monkeypatch=monkeypatch)
    slow, slow_norms = _train(spec, data, fast=False, monkeypatch=monkeypatch)
    for key, value in slow.items():
        torch.testing.assert_close(fast[key], value, rtol=0, atol=1e-6)
    assert len(fast_norms) == len(slow_norms)
    for ours, theirs in zip(fast_norms, slow_norms, strict=True):  # the Gradients views
        assert ours.keys() == theirs.keys()
        assert list(ours.values()) == pytest.approx(list(theirs.values()), abs=1e-5, nan_ok=True)


def test_fast_path_is_deterministic_per_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = experiment(layers(8, 8, 2, activation="Tanh"), epochs=20, seed=4)
    first, _ = _train_epochs(spec)
    second, _ = _train_epochs(spec)
    for key, value in first.items():
        assert torch.equal(value, second[key])
    other, _ = _train_epochs(spec.model_copy(update={"training": TrainingSpec(
        epochs=20, batch_size=16, seed=5, device="cpu")}))  # fmt: skip
    assert not torch.equal(other["0.weight"], first["0.weight"])


def _train_epochs(spec: Experiment) -> tuple[dict[str, torch.Tensor], float]:
    engine = Engine(spec, blobs())
    assert engine.fast_path
    engine.run()
    return {k: v.clone() for k, v in engine.model.state_dict().items()}, engine.train_loss


@pytest.mark.parametrize("activation", ["ReLU", "Tanh", "Sigmoid", "LeakyReLU", "Identity"])
def test_plain_stacks_get_the_fast_path(activation: str) -> None:
    assert Engine(experiment(layers(8, 8, 2, activation=activation)), blobs()).fast_path


def test_anything_else_trains_with_autograd() -> None:
    dropout = [*layers(8, 2)[:2], LayerSpec(kind="Dropout"), *layers(8, 2)[2:]]
    assert not Engine(experiment(dropout), blobs()).fast_path
    gelu = layers(8, 2, activation="GELU")
    assert not Engine(experiment(gelu), blobs()).fast_path
    assert not Engine(experiment(layers(8, 1), "l1"), line()).fast_path
    model = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 2))
    x, y = torch.zeros(4, 2), torch.zeros(4, dtype=torch.int64)
    assert plan_dense_stack(model, "cross-entropy", x, y) is not None
    model[1].register_forward_hook(lambda *args: None)
    assert plan_dense_stack(model, "cross-entropy", x, y) is None  # a view's hook needs modules
    model = nn.Sequential(nn.Linear(2, 2))
    model[0].bias.requires_grad_(False)
    assert plan_dense_stack(model, "cross-entropy", x, y) is None
    assert plan_dense_stack(nn.Sequential(nn.Linear(2, 1)), "mse", x, torch.zeros(4)) is None


def test_callbacks_see_the_gradients_backward_would_leave(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[bool, list[torch.Tensor]] = {}

    class Grabber(Callback):
        def __init__(self, key: bool) -> None:
            self.key = key

        def on_after_backward(self, engine: Engine) -> None:
            if engine.step == 0:
                seen[self.key] = [p.grad.clone() for p in engine.model.parameters()]

    spec = experiment(layers(8, 2, activation="Sigmoid"), epochs=1)
    for fast in (True, False):
        with monkeypatch.context() as patch:
            if not fast:
                patch.setattr(engine_module, "plan_dense_stack", lambda *args: None)
            Engine(spec, blobs(), callbacks=[Grabber(fast)]).run()
    for ours, theirs in zip(seen[True], seen[False], strict=True):
        torch.testing.assert_close(ours, theirs, rtol=0, atol=1e-7)
