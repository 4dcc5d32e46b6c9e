"""The hand-written pass trains convolution stacks to the very weights autograd trains."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from playground.core.data import load_dataset
from playground.core.spec.experiment import Experiment
from playground.core.spec.presets import load_preset
from playground.core.training import run_setup as engine_module
from playground.core.training.engine import Engine
from playground.core.training.fast_dense import plan_dense_stack
from playground.core.training.inspection import evaluate

STEPS = 1_000


def digits_cnn(epochs: int, seed: int = 0) -> Experiment:
    spec = load_preset("digits-cnn")
    training = spec.training.model_copy(update={"epochs": epochs, "seed": seed, "device": "cpu"})
    return spec.model_copy(update={"training": training})


def _train(spec: Experiment, *, fast: bool, monkeypatch: pytest.MonkeyPatch) -> Engine:
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(engine_module, "plan_dense_stack", lambda *args: None)
        engine = Engine(spec, load_dataset(spec.data))
    assert engine.fast_path is fast
    engine.run()
    return engine


def test_the_digits_cnn_equals_autograd_after_a_thousand_steps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = digits_cnn(epochs=23)  # 45 batches of 32 an epoch
    fast = _train(spec, fast=True, monkeypatch=monkeypatch)
    slow = _train(spec, fast=False, monkeypatch=monkeypatch)
    assert fast.step >= STEPS
    theirs = slow.model.state_dict()
    for key, value in fast.model.state_dict().items():
        torch.testing.assert_close(value, theirs[key], rtol=0, atol=1e-6)
    # The records (validation through the hand-written forward) match the modules' own.
    for ours, their in zip(fast.history.epochs, slow.history.epochs, strict=True):
        assert ours.train_loss == pytest.approx(their.train_loss, abs=1e-6)
        assert ours.val_loss == pytest.approx(their.val_loss, abs=1e-6)
        assert (ours.val_accuracy, ours.train_accuracy) == (
            their.val_accuracy,
            their.train_accuracy,
        )


def test_the_digits_cnn_is_deterministic_per_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    first = _train(digits_cnn(epochs=2), fast=True, monkeypatch=monkeypatch).model.state_dict()
    again = _train(digits_cnn(epochs=2), fast=True, monkeypatch=monkeypatch).model.state_dict()
    other = _train(digits_cnn(epochs=2, seed=3), fast=True, monkeypatch=monkeypatch)
    for key, value in first.items():
        assert torch.equal(value, again[key])
    assert not torch.equal(other.model.state_dict()["0.weight"], first["0.weight"])


def _images(channels: int, size: int, count: int = 16) -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(channels * 100 + size)
    x = torch.randint(0, 3, (count, channels, size, size), generator=generator).float()
    return x, torch.randint(0, 3, (count,), generator=generator)  # small integers: many ties


MODELS = {
    "4 channels, odd size": lambda: nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(36, 3)
    ),
    "8 channels (pooled channels-last), no bias": lambda: nn.Sequential(
        nn.Conv2d(2, 8, 3, padding=1, bias=False), nn.Tanh(), nn.MaxPool2d(2),
        nn.Conv2d(8, 8, 3, padding=(1, 0)), nn.LeakyReLU(0.1),
        nn.MaxPool2d(2, stride=1), nn.Flatten(), nn.Linear(24, 3),
    ),
}  # fmt: skip
SIZES = {"4 channels, odd size": (1, 7), "8 channels (pooled channels-last), no bias": (2, 8)}


@pytest.mark.parametrize("name", list(MODELS))
def test_gradients_and_outputs_are_those_of_autograd(name: str) -> None:
    torch.manual_seed(0)
    model = MODELS[name]()
    x, y = _images(*SIZES[name])
    plan = plan_dense_stack(model, "cross-entropy", x, y)
    assert plan is not None
    if model[0].bias is not None:
        with torch.no_grad():  # blank patches give equal positive values: ties in the pools
            model[0].bias.fill_(0.5)
    loss = plan.step(x, y, accumulate=False)
    ours = [p.grad.clone() for p in model.parameters()]
    model.zero_grad(set_to_none=True)
    reference = nn.functional.cross_entropy(model(x), y)
    reference.backward()
    assert torch.equal(loss, reference.detach())
    for mine, theirs in zip(ours, [p.grad for p in model.parameters()], strict=True):
        assert torch.equal(mine, theirs)
    seen: dict[int, torch.Tensor] = {}
    with torch.inference_mode():
        outputs = plan.predict(x, {1: lambda out: seen.setdefault(1, out)})
        assert torch.equal(outputs, model(x))
        assert torch.equal(seen[1], model[1](model[0](x)))


def test_evaluation_through_the_pass_equals_the_modules() -> None:
    torch.manual_seed(1)
    model = MODELS["4 channels, odd size"]()
    x, y = _images(1, 7, count=40)
    plan = plan_dense_stack(model, "cross-entropy", x, y)
    assert plan is not None
    loss_fn = nn.CrossEntropyLoss()
    args = (model, x, y, loss_fn, "cross-entropy", "classification")
    ours = evaluate(*args, watch_relus=True, keep_predictions=True, forward=plan.predict)
    theirs = evaluate(*args, watch_relus=True, keep_predictions=True)
    assert (ours.loss, ours.accuracy, ours.dead_units) == (
        theirs.loss, theirs.accuracy, theirs.dead_units,
    )  # fmt: skip
    assert ours.dead_units and (ours.predicted == theirs.predicted).all()


def test_anything_the_pass_does_not_cover_exactly_trains_with_autograd() -> None:
    x, y = _images(1, 8)
    head = [nn.Flatten(), nn.Linear(64, 3)]
    assert plan_dense_stack(
        nn.Sequential(nn.Conv2d(1, 1, 3, padding=1), *head), "cross-entropy", x, y
    )
    uncovered = [
        nn.Conv2d(1, 1, 3, padding="same"),
        nn.Conv2d(1, 1, 3, padding=1, padding_mode="reflect"),
        nn.MaxPool2d(1, return_indices=True),
        nn.AvgPool2d(1),
    ]
    for module in uncovered:
        assert plan_dense_stack(nn.Sequential(module, *head), "cross-entropy", x, y) is None
    flat_last = nn.Sequential(nn.Conv2d(1, 3, 8), nn.Flatten())  # no Linear at the end
    assert plan_dense_stack(flat_last, "cross-entropy", x, y) is None
    partly = nn.Sequential(nn.Conv2d(1, 1, 3, padding=1), nn.Flatten(2), nn.Linear(64, 3))
    assert plan_dense_stack(partly, "cross-entropy", x, y) is None
    unbatched = nn.Sequential(nn.Conv2d(1, 1, 3, padding=1), nn.Flatten(0), nn.Linear(64, 3))
    assert plan_dense_stack(unbatched, "cross-entropy", x[0], y[:1]) is None
    dense_first = nn.Sequential(nn.Linear(8, 8), nn.Conv2d(1, 1, 3, padding=1), *head)
    assert plan_dense_stack(dense_first, "cross-entropy", x, y) is None


def test_the_final_snapshot_is_built_on_the_runs_threads() -> None:
    saved = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        engine = Engine(digits_cnn(epochs=1))
        engine.threads = 1
        threads: list[int] = []
        engine.run(on_snapshot=lambda snapshot: threads.append(torch.get_num_threads()))
        assert threads and set(threads) == {1}  # the last one included
        assert torch.get_num_threads() == 2  # the process's setting comes back after
    finally:
        torch.set_num_threads(saved)
