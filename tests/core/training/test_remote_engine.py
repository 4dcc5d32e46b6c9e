"""Training in a spawned child through RemoteEngine: the same controls and results as a thread."""

from __future__ import annotations

import os
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterator

import pytest
import torch

from playground.core.spec.experiment import (
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    TrainingSpec,
)
from playground.core.training.engine import Callback, Engine, EngineError
from playground.core.training.remote.children import ChildPool, TrainingChild
from playground.core.training.remote.protocol import crossing_callbacks
from playground.core.training.remote.proxy import RemoteEngine
from playground.core.training.snapshot import Snapshot
from playground.core.training.snapshot_demand import SnapshotContent, SnapshotDemand
from playground.core.training.step_limit import StepLimit

WAIT = 60.0  # generous for a loaded machine; never a timing assertion


def tiny(epochs: int = 5, lr: float = 0.01) -> Experiment:
    """Two Gaussian blobs and a small MLP (200 samples, batches of 16: 10 a epoch)."""
    return Experiment(
        data=BuiltinData(name="gaussian", samples=200, noise=0.1),
        model=ModelSpec(
            layers=[
                LayerSpec(kind="Linear", params={"out_features": 8}),
                LayerSpec(kind="Tanh"),
                LayerSpec(kind="Linear", params={"out_features": 2}),
            ]
        ),
        training=TrainingSpec(epochs=epochs, batch_size=16, device="cpu"),
        optimizer={"kind": "sgd", "lr": lr},
    )


@pytest.fixture(scope="module")
def pool() -> Iterator[ChildPool]:
    """One pool for the module: its warm child is reused test after test, as in the app."""
    made = ChildPool()
    made.warm_up()
    yield made
    made.shutdown()


def warm_child(pool: ChildPool) -> TrainingChild:
    deadline = time.monotonic() + WAIT
    while (child := pool.take()) is None:
        assert time.monotonic() < deadline, "no training child became warm"
        time.sleep(0.05)
    return child


def remote(pool: ChildPool, engine: Engine, callbacks: tuple[Callback, ...] = ()) -> RemoteEngine:
    return RemoteEngine(engine, warm_child(pool), pool.give_back, callbacks)


class Running:
    """Runs ``engine.run`` in a thread (as the app's worker does) and queues its snapshots."""

    def __init__(self, engine: RemoteEngine, start_paused: bool = False) -> None:
        self.snapshots: queue.Queue[Snapshot] = queue.Queue()
        self.result: Snapshot | None = None
        self.error: BaseException | None = None

        def run() -> None:
            try:
                self.result = engine.run(self.snapshots.put, start_paused=start_paused)
            except BaseException as error:  # handed to the test
                self.error = error

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def until(self, wanted: Callable[[Snapshot], bool]) -> Snapshot:
        while True:
            snapshot = self.snapshots.get(timeout=WAIT)
            if wanted(snapshot):
                return snapshot

    def join(self) -> Snapshot:
        self.thread.join(WAIT)
        assert not self.thread.is_alive()
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result


def test_a_run_in_the_child_equals_the_same_run_in_this_process(pool: ChildPool) -> None:
    here = Engine(tiny())
    here_final = here.run(lambda _s: None)
    there = remote(pool, Engine(tiny()))
    snapshots: list[Snapshot] = []
    final = there.run(snapshots.append)

    assert there.child_pid not in (None, os.getpid())
    assert final.state == "finished" and final.step == here_final.step == 50
    assert there.train_loss == here.train_loss  # same seed, same CPU: identical numbers
    assert final.val_loss == here_final.val_loss
    assert there.history.rows() == here.history.rows()
    for name, value in here.model.state_dict().items():
        assert torch.equal(there.model.state_dict()[name], value)
    assert sum(len(s.new_steps) for s in snapshots) == 50  # every loss reached the window


def test_pause_step_batch_step_epoch_resume_and_stop_from_paused(pool: ChildPool) -> None:
    engine = remote(pool, Engine(tiny(epochs=10_000)))
    running = Running(engine, start_paused=True)
    paused = running.until(lambda s: s.state == "paused")
    assert paused.step == 0

    engine.step_batch()
    assert running.until(lambda s: s.step > 0).step == 1  # exactly one batch
    time.sleep(0.2)
    assert running.snapshots.empty() and engine.step == 1  # and then it waits

    engine.step_epoch()
    assert running.until(lambda s: s.epoch == 1).step == 10

    engine.resume()
    running.until(lambda s: s.state == "running")
    engine.pause()
    stopped_at = running.until(lambda s: s.state == "paused").step
    time.sleep(0.2)
    assert engine.step == stopped_at  # the pause held

    engine.stop()
    final = running.join()
    assert final.state == "stopped" and final.step == stopped_at


def test_learning_rate_is_recorded_where_it_took_effect(pool: ChildPool) -> None:
    engine = remote(pool, Engine(tiny(epochs=10_000, lr=0.01)))
    running = Running(engine, start_paused=True)
    running.until(lambda s: s.state == "paused")
    engine.step_batch()
    running.until(lambda s: s.step == 1)
    engine.set_learning_rate(0.2)
    engine.step_batch()
    assert running.until(lambda s: s.step == 2).learning_rate == pytest.approx(0.2)
    with pytest.raises(EngineError, match="positive"):
        engine.set_learning_rate(-1.0)
    engine.stop()
    running.join()
    changes = engine.history.lr_changes
    assert [(c.step, c.epoch, c.lr) for c in changes] == [(1, 1, 0.2)]


def test_a_weight_set_while_paused_reaches_the_child_and_comes_back(pool: ChildPool) -> None:
    engine = remote(pool, Engine(tiny(epochs=10_000)))
    running = Running(engine, start_paused=True)
    running.until(lambda s: s.state == "paused")
    engine.set_weight("0.weight", (1, 0), 0.75)
    shown = engine.snapshot()
    first = next(p for p in shown.parameters if p.name == "0.weight")
    assert first.matrix is not None and first.matrix[1, 0] == pytest.approx(0.75)
    assert engine.model[0].weight[1, 0].item() == pytest.approx(0.75)  # fetched from the child
    with pytest.raises(EngineError, match="no parameter '9"):
        engine.set_weight("9.weight", (0, 0), 1.0)
    engine.step_batch()
    running.until(lambda s: s.step == 1)
    engine.stop()
    running.join()
    assert engine.model[0].weight[1, 0].item() != pytest.approx(0.75)  # one step trained it


def test_after_the_end_the_run_needs_no_child(pool: ChildPool) -> None:
    engine = remote(pool, Engine(tiny(epochs=2)))
    final = engine.run(lambda _s: None)
    assert engine.snapshot().step == final.step
    engine.set_weight("2.bias", (0,), 3.0)  # after a run the window edits its model
    after = engine.snapshot()
    bias = next(p for p in after.parameters if p.name == "2.bias")
    assert bias.max == pytest.approx(3.0)
    assert after.state == "finished" and after.step == final.step
    assert len(engine.history.rows()) == 2


def test_a_child_killed_mid_run_ends_the_run_as_failed_in_words(pool: ChildPool) -> None:
    engine = remote(pool, Engine(tiny(epochs=1_000_000)))
    running = Running(engine)
    running.until(lambda s: s.step > 0)
    pid = engine.child_pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    final = running.join()  # never a hang
    assert final.state == "failed"
    assert "ended unexpectedly" in final.reason and "Train" in final.reason
    assert engine.state == "failed"
    replacement = warm_child(pool)  # the pool made a new child in the background
    assert replacement.pid != pid
    pool.give_back(replacement, True)


def test_step_limit_crosses_and_hooks_that_cannot_are_refused(pool: ChildPool) -> None:
    class Local(Callback):
        pass

    assert crossing_callbacks([Local()]) is None
    crossing = crossing_callbacks([StepLimit(7)])
    assert crossing is not None
    engine = remote(pool, Engine(tiny(epochs=100)), crossing)
    final = engine.run(lambda _s: None)
    assert final.state == "stopped" and final.step == 7


def test_the_shown_views_cross_the_pipe(pool: ChildPool) -> None:
    local = Engine(tiny(epochs=10_000), demand=SnapshotDemand(paced=True))
    engine = remote(pool, local)
    engine.demand = SnapshotDemand(SnapshotContent(decision=False, neurons=False), paced=True)
    running = Running(engine)
    first = running.until(lambda s: s.state == "running")
    assert first.decision is None and not first.content.decision
    engine.demand.show(SnapshotContent())
    engine.demand.ready()  # the window drew its frame, now showing the decision
    shown = running.until(lambda s: s.state == "running" and s.content.decision)
    assert shown.decision is not None
    engine.stop()
    running.join()


def test_controls_given_before_the_run_reaches_the_child_are_kept(pool: ChildPool) -> None:
    """A pause and one step pressed while the worker thread starts are not lost."""
    engine = remote(pool, Engine(tiny(epochs=10_000)))
    engine.pause()
    engine.step_batch()
    running = Running(engine)
    assert running.until(lambda s: s.state == "paused").step == 1
    engine.stop()
    assert running.join().step == 1

    stopped = remote(pool, Engine(tiny(epochs=10_000)))
    stopped.stop()
    assert stopped.run().state == "stopped" and stopped.step == 0


def test_shutdown_leaves_no_training_process() -> None:
    own = ChildPool()
    own.warm_up()
    busy = RemoteEngine(Engine(tiny(epochs=1_000_000)), warm_child(own), own.give_back)
    running = Running(busy)
    running.until(lambda s: s.step > 0)
    own.warm_up()  # a spare besides the busy one
    children = own.children()
    assert len(children) == 2
    own.shutdown()
    assert all(not child.alive for child in children)
    # The run in the ended child ends: "stopped" when the child's last words (it stops the
    # run as it quits) came through before its pipe closed, "failed" when they did not.
    assert running.join().state in ("stopped", "failed")
    assert own.children() == []  # and its end made no new child
    for child in children:
        assert child.process.pid is not None
        with pytest.raises(ProcessLookupError):
            os.kill(child.process.pid, 0)


def test_a_run_in_the_child_is_worded_in_the_windows_language(pool: ChildPool) -> None:
    from playground.core.messages.texts import set_language

    set_language("zh_CN")
    try:
        engine = remote(pool, Engine(tiny(epochs=2)))
        final = engine.run(lambda _s: None)
        assert final.reason == "训练完成，共 2 轮。"
        assert engine.reason == final.reason
    finally:
        set_language("en")
    assert final.reason == "Training finished after 2 epochs."  # data, worded where it is read


def test_the_child_trains_from_the_chosen_initial_weights(pool: ChildPool) -> None:
    # Dropout draws from the generator the initialisation drew from before it: the child's
    # masks equal this process's only when the child drew the same initial weights too.
    layers = [*tiny().model.layers[:2], LayerSpec(kind="Dropout"), tiny().model.layers[2]]
    model = ModelSpec(layers=layers, init="xavier_uniform")
    chosen = tiny(epochs=2).model_copy(update={"model": model})
    here = Engine(chosen)
    here.run(lambda _s: None)
    default = Engine(tiny(epochs=2))
    default.run(lambda _s: None)
    there = remote(pool, Engine(chosen))
    there.run(lambda _s: None)

    assert torch.count_nonzero(there.initial_state["0.bias"]) == 0  # Xavier's biases start at 0
    assert there.history.rows() == here.history.rows()
    assert there.history.rows() != default.history.rows()
    for name, value in here.model.state_dict().items():
        assert torch.equal(there.model.state_dict()[name], value)
