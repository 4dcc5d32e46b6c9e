"""Gradient norms in snapshots are the ones backward produced, before clipping."""

from __future__ import annotations

import math

import pytest
import torch

from playground.core.spec.experiment import (
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    TrainingSpec,
)
from playground.core.training.engine import Callback, Engine
from playground.core.training.gradients import GradientNorms
from playground.core.training.snapshot import Snapshot

CLIP = 0.01


class HandNorms(Callback):
    """Per-parameter norms computed with torch in the after-backward hook, batch by batch."""

    def __init__(self) -> None:
        self.by_step: list[dict[str, float]] = []

    def on_after_backward(self, engine: Engine) -> None:
        self.by_step.append(
            {
                name: float(torch.linalg.vector_norm(p.grad))
                for name, p in engine.model.named_parameters()
                if p.grad is not None
            }
        )


def _experiment(clip: float | None) -> Experiment:
    return Experiment(
        data=BuiltinData(name="gaussian", samples=160, noise=0.1),
        model=ModelSpec(
            layers=[
                LayerSpec(kind="Linear", params={"out_features": 8}),
                LayerSpec(kind="ReLU"),
                LayerSpec(kind="Linear", params={"out_features": 2}),
            ]
        ),
        optimizer=OptimizerSpec(kind="sgd", lr=0.05),
        training=TrainingSpec(epochs=2, batch_size=16, device="cpu", grad_clip=clip),
    )


def _run(clip: float | None) -> tuple[list[Snapshot], HandNorms, Engine]:
    hand = HandNorms()
    engine = Engine(_experiment(clip), callbacks=[hand], snapshot_interval=0)
    snapshots: list[Snapshot] = []
    engine.run(on_snapshot=snapshots.append)
    return snapshots, hand, engine


def test_snapshot_norms_are_the_norms_before_clipping() -> None:
    snapshots, hand, engine = _run(CLIP)
    checked = 0
    for snapshot in snapshots:
        if snapshot.step == 0:
            continue
        expected = hand.by_step[snapshot.step - 1]
        for stats in snapshot.parameters:
            assert stats.grad_norm == pytest.approx(expected[stats.name], rel=1e-5)
            checked += 1
    assert checked >= 4 * len(engine.model.state_dict())
    # The real gradients are far larger than the threshold, which the plot would have shown.
    overall = [math.sqrt(sum(v * v for v in norms.values())) for norms in hand.by_step]
    assert min(overall) > 5 * CLIP
    assert all(snapshot.grad_clip == CLIP for snapshot in snapshots)
    # Clipping still happened: what the optimizer applied has the threshold's size.
    applied = torch.cat([p.grad.reshape(-1) for p in engine.model.parameters()])
    assert float(torch.linalg.vector_norm(applied)) <= CLIP * (1 + 1e-4)


def test_clipping_with_recorded_norms_matches_torch() -> None:
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 2))
    twin = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 2))
    twin.load_state_dict(model.state_dict())
    x = torch.randn(16, 3)
    for net in (model, twin):
        net(x).pow(2).sum().backward()
    norms = GradientNorms(model)
    norms.record()
    before = norms.latest()
    norms.clip(0.05)
    torch.nn.utils.clip_grad_norm_(list(twin.parameters()), 0.05)
    for (name, ours), theirs in zip(model.named_parameters(), twin.parameters(), strict=True):
        assert torch.allclose(ours.grad, theirs.grad)
        assert before[name] > float(torch.linalg.vector_norm(ours.grad))
    norms.reset()
    assert norms.latest() == {}


def test_without_clipping_the_norms_are_those_of_the_applied_gradient() -> None:
    snapshots, hand, engine = _run(None)
    last = snapshots[-1]
    for stats in last.parameters:
        grad = dict(engine.model.named_parameters())[stats.name].grad
        assert stats.grad_norm == pytest.approx(float(torch.linalg.vector_norm(grad)), rel=1e-5)
        assert stats.grad_norm == pytest.approx(hand.by_step[last.step - 1][stats.name], rel=1e-5)
    assert last.grad_clip is None


def test_parameters_carry_the_editor_s_layer_names() -> None:
    snapshots, _hand, _engine = _run(None)
    labels = [stats.label for stats in snapshots[-1].parameters]
    assert labels == [
        "Layer 1 · Linear · weight",
        "Layer 1 · Linear · bias",
        "Layer 3 · Linear · weight",
        "Layer 3 · Linear · bias",
    ]
