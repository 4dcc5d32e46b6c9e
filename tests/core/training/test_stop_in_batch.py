"""Stop inside a long batch: honoured between layers, no partial step, the model stays as it was.

A batch is made slow deterministically: a hook of the test holds the training
thread inside one layer's forward (or backward) pass until the test has asked
the engine to stop, so no test depends on how fast the machine is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

import numpy as np
import pytest
import torch
from test_engine import blobs, experiment  # type: ignore[import-not-found]
from torch import nn

from playground.core.spec.experiment import LayerSpec
from playground.core.training.engine import Callback, Engine

WAIT = 60.0  # generous: CI machines are slow; never a timing assertion
HELD_STEP = 7  # the batch that is held is the one that would become this step


def bn_layers() -> list[LayerSpec]:
    """Linear → BatchNorm → Tanh → Linear: BatchNorm changes its buffers in every forward."""
    return [
        LayerSpec(kind="Linear", params={"out_features": 8}),
        LayerSpec(kind="BatchNorm1d"),
        LayerSpec(kind="Tanh"),
        LayerSpec(kind="Linear", params={"out_features": 2}),
    ]


def make_engine(epochs: int = 3, callbacks: Sequence[Callback] = ()) -> Engine:
    return Engine(
        experiment(bn_layers(), epochs=epochs, batch_size=16), blobs(160), callbacks=callbacks
    )


class Hold:
    """Holds the training thread at one point of batch ``HELD_STEP`` until released.

    It also keeps the model's state as it was after the step before, so a test
    can compare what the interrupted batch left behind.
    """

    def __init__(self) -> None:
        self.engine: Engine | None = None
        self.reached = threading.Event()
        self.release = threading.Event()
        self.before: dict[str, torch.Tensor] = {}
        self.held = 0

    def __call__(self, in_training: bool) -> None:
        assert self.engine is not None
        if self.engine.step == HELD_STEP - 1 and in_training and not self.held:
            self.held += 1
            self.reached.set()
            assert self.release.wait(WAIT)

    def remember(self) -> None:
        assert self.engine is not None
        self.before = {k: v.detach().clone() for k, v in self.engine.model.state_dict().items()}


class RememberBefore(Callback):
    """Copies the state after step ``HELD_STEP - 1`` into ``hold.before``."""

    def __init__(self, hold: Hold) -> None:
        self.hold = hold

    def on_batch_end(self, engine: Engine, step: int, loss: torch.Tensor) -> None:
        if step == HELD_STEP - 1:
            self.hold.remember()


def run_in_thread(engine: Engine) -> tuple[threading.Thread, dict[str, object]]:
    out: dict[str, object] = {}

    def target() -> None:
        try:
            out["final"] = engine.run()
        except BaseException as error:  # handed to the test thread
            out["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread, out


def held_engine(place: Callable[[nn.Sequential, Hold], None]) -> tuple[Engine, Hold]:
    hold = Hold()
    engine = make_engine(callbacks=[RememberBefore(hold)])
    hold.engine = engine
    place(engine.model, hold)
    return engine, hold


def in_forward(model: nn.Sequential, hold: Hold) -> None:
    # After BatchNorm (index 1) has updated its statistics for this batch.
    # Grad mode tells a training batch from the snapshots' evaluation passes.
    model[2].register_forward_hook(lambda *args: hold(torch.is_grad_enabled()))


def in_backward(model: nn.Sequential, hold: Hold) -> None:
    def on_output(module: nn.Module, inputs: object, output: torch.Tensor) -> None:
        if output.requires_grad:
            output.register_hook(lambda grad: hold(True))  # only training runs backward

    model[3].register_forward_hook(on_output)


@pytest.mark.parametrize("place", [in_forward, in_backward], ids=["forward", "backward"])
def test_stop_inside_a_batch_ends_the_run_without_a_partial_step(
    place: Callable[[nn.Sequential, Hold], None],
) -> None:
    engine, hold = held_engine(place)
    thread, out = run_in_thread(engine)
    assert hold.reached.wait(WAIT)
    engine.stop()
    hold.release.set()
    thread.join(WAIT)
    assert not thread.is_alive()
    assert "error" not in out
    final = out["final"]
    assert final.state == "stopped"  # type: ignore[attr-defined]
    assert engine.state == "stopped"
    assert engine.step == HELD_STEP - 1  # the held batch took no step
    assert final.step == HELD_STEP - 1  # type: ignore[attr-defined]
    after = engine.model.state_dict()
    assert set(after) == set(hold.before)
    for name, value in hold.before.items():
        # Weights, and BatchNorm's running statistics that the cut batch had already moved.
        assert torch.equal(after[name], value), name
    assert all(p.grad is None for p in engine.model.parameters())
    assert "stopped at step 6" in engine.reason


def test_a_run_stopped_inside_a_batch_continues_exactly_like_an_uninterrupted_one() -> None:
    reference = make_engine()
    reference.run()
    engine, hold = held_engine(in_forward)
    thread, _out = run_in_thread(engine)
    assert hold.reached.wait(WAIT)
    engine.stop()
    hold.release.set()
    thread.join(WAIT)
    assert engine.state == "stopped"
    final = engine.run()  # the cut batch is trained again, from the very same state
    assert final.state == "finished"
    steps, losses = engine.history.step_curve()
    ref_steps, ref_losses = reference.history.step_curve()
    np.testing.assert_array_equal(steps, ref_steps)
    np.testing.assert_array_equal(losses, ref_losses)
    for name, value in reference.model.state_dict().items():
        assert torch.equal(engine.model.state_dict()[name], value), name


class StopAfterBackward(Callback):
    """Asks for a stop once the gradients exist: the optimizer step must still happen."""

    def on_after_backward(self, engine: Engine) -> None:
        if engine.step == HELD_STEP - 1:
            engine.stop()


def test_a_stop_after_backward_lets_the_batch_finish_its_step() -> None:
    engine = Engine(
        experiment(bn_layers(), epochs=3, batch_size=16),
        blobs(160),
        callbacks=[StopAfterBackward()],
    )
    final = engine.run()
    assert final.state == "stopped"
    assert engine.step == HELD_STEP  # the step of that batch was applied in full


def test_the_checks_are_gone_after_the_run() -> None:
    engine = make_engine(epochs=1)
    model = engine.model
    before = [len(m._forward_pre_hooks) for m in model.modules()]
    engine.run()
    assert [len(m._forward_pre_hooks) for m in model.modules()] == before
    assert all(not p._backward_hooks for p in model.parameters())
    # Forward and backward outside a run are never interrupted, even with a stop pending.
    engine.stop()
    output = model(engine.dataset.x_train[:4])
    output.sum().backward()
    assert all(p.grad is not None for p in model.parameters())


def test_a_stop_during_an_evaluation_pass_waits_for_the_safe_point() -> None:
    """Snapshot passes are not cut short: the stop ends the run at the next batch instead."""
    engine = Engine(
        experiment(bn_layers(), epochs=50, batch_size=16), blobs(160), snapshot_interval=0
    )
    seen: list[str] = []

    def on_snapshot(snapshot: object) -> None:
        seen.append(snapshot.state)  # type: ignore[attr-defined]
        if len(seen) == 2:
            engine.stop()
            engine.model(engine.dataset.x_val)  # a forward pass while the stop is pending

    final = engine.run(on_snapshot=on_snapshot)
    assert final.state == "stopped"
    assert seen[-1] == "stopped"
    assert final.val_loss is not None
    assert engine.step == 2  # the stop came after the second step's snapshot
