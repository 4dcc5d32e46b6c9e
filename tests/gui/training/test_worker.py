"""The training worker and controller: real runs of the engine in a QThread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence

import pytest
import torch
from pytestqt.qtbot import QtBot

from playground.core.spec.experiment import (
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    TrainingSpec,
)
from playground.core.training.engine import Callback, Engine
from playground.core.training.remote.children import ChildPool
from playground.core.training.remote.proxy import RemoteEngine
from playground.core.training.snapshot import Snapshot
from playground.gui.plots.plot_area import PlotArea
from playground.gui.training.worker import TrainingController, describe_exception

TIMEOUT_MS = 30_000


def tiny_experiment(epochs: int = 30, samples: int = 200) -> Experiment:
    """Two Gaussian blobs and a small MLP: learns in well under a second on a CPU."""
    return Experiment(
        data=BuiltinData(name="gaussian", samples=samples, noise=0.1),
        model=ModelSpec(
            layers=[
                LayerSpec(kind="Linear", params={"out_features": 8}),
                LayerSpec(kind="Tanh"),
                LayerSpec(kind="Linear", params={"out_features": 2}),
            ]
        ),
        training=TrainingSpec(epochs=epochs, batch_size=16, device="cpu"),
    )


class Recorder:
    """Collects what the controller reports."""

    def __init__(self, controller: TrainingController) -> None:
        self.snapshots: list[Snapshot] = []
        self.errors: list[str] = []
        self.started = 0
        controller.snapshot.connect(self.snapshots.append)
        controller.errored.connect(self.errors.append)
        controller.started.connect(self._started)

    def _started(self) -> None:
        self.started += 1


@pytest.fixture
def controller(qtbot: QtBot) -> TrainingController:
    control = TrainingController()
    yield control
    control.stop_and_wait(10)


@pytest.fixture(scope="module")
def child_pool() -> Iterator[ChildPool]:
    """One pool for the module: its warm child is reused run after run, as in the app."""
    pool = ChildPool()
    pool.warm_up()
    yield pool
    pool.shutdown()


EngineMaker = Callable[..., Engine | RemoteEngine]


@pytest.fixture(params=["thread", "process"])
def make_engine(request: pytest.FixtureRequest, child_pool: ChildPool) -> EngineMaker:
    """Builds an engine that trains in the worker's thread, or a proxy that trains in a child."""

    def make(experiment: Experiment, callbacks: Sequence[Callback] = ()) -> Engine | RemoteEngine:
        engine = Engine(experiment, callbacks=callbacks)
        if request.param == "thread":
            return engine
        deadline = time.monotonic() + 60
        while (child := child_pool.take()) is None:
            assert time.monotonic() < deadline, "no training child became warm"
            time.sleep(0.05)
        return RemoteEngine(engine, child, child_pool.give_back, tuple(callbacks))

    return make


def test_real_run_trains_and_feeds_every_plot(
    qtbot: QtBot, controller: TrainingController, make_engine: EngineMaker
) -> None:
    area = PlotArea()
    qtbot.addWidget(area)
    engine = make_engine(tiny_experiment())
    area.set_dataset(engine.dataset)
    recorder = Recorder(controller)
    controller.snapshot.connect(area.add_snapshot)
    main_thread = threading.get_ident()
    seen_threads: set[int] = set()
    controller.snapshot.connect(lambda _s: seen_threads.add(threading.get_ident()))

    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS):
        controller.start(engine)
    assert not controller.is_running
    assert recorder.errors == [] and recorder.started == 1
    assert seen_threads == {main_thread}  # snapshots are delivered in the GUI thread
    first, last = recorder.snapshots[0], recorder.snapshots[-1]
    assert last.state == "finished"
    assert last.train_loss < 0.5 * first.train_loss
    assert last.val_accuracy is not None and last.val_accuracy > 0.9

    area.refresh(all_tabs=True)
    steps = sum(len(s.new_steps) for s in recorder.snapshots)
    assert len(area.loss.train.x) == steps == last.step
    assert len(area.accuracy.train.x) >= 2
    assert area.decision.image.image.shape == last.decision.values.shape
    assert set(area.gradients.curves) == {p.name for p in last.parameters}
    assert area.weights.timeline.image.image.shape[1] == len(area.weights.histories["0.weight"])
    assert area.weights.matrix.image.image.shape == (8, 2)


def test_pause_step_resume_and_stop(
    qtbot: QtBot, controller: TrainingController, make_engine: EngineMaker
) -> None:
    engine = make_engine(tiny_experiment(epochs=10_000))
    recorder = Recorder(controller)
    batches_per_epoch = -(-len(engine.dataset.x_train) // 16)

    with qtbot.waitSignal(controller.snapshot, timeout=TIMEOUT_MS) as paused:
        controller.start(engine, start_paused=True)
    assert paused.args[0].state == "paused" and paused.args[0].step == 0

    # Steps, rates and weights go straight to the engine (thread-safe); the controller
    # only owns the thread.
    with qtbot.waitSignal(controller.snapshot, timeout=TIMEOUT_MS) as stepped:
        engine.step_batch()
    assert stepped.args[0].step == 1

    with qtbot.waitSignal(
        controller.snapshot, timeout=TIMEOUT_MS, check_params_cb=lambda s: s.epoch == 1
    ) as epoch:
        engine.step_epoch()
    assert epoch.args[0].step == batches_per_epoch

    engine.set_learning_rate(0.05)
    with qtbot.waitSignal(
        controller.snapshot, timeout=TIMEOUT_MS, check_params_cb=lambda s: s.state == "running"
    ) as running:
        controller.resume()
    assert running.args[0].learning_rate == pytest.approx(0.05)

    controller.pause()
    qtbot.waitUntil(lambda: recorder.snapshots[-1].state == "paused", timeout=TIMEOUT_MS)
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS):
        controller.stop()
    assert recorder.snapshots[-1].state == "stopped"
    assert recorder.errors == []


def test_weight_can_be_set_while_paused(
    qtbot: QtBot, controller: TrainingController, make_engine: EngineMaker
) -> None:
    engine = make_engine(tiny_experiment(epochs=10_000))
    with qtbot.waitSignal(controller.snapshot, timeout=TIMEOUT_MS):
        controller.start(engine, start_paused=True)
    engine.set_weight("0.weight", (1, 0), 0.75)
    assert engine.model[0].weight[1, 0].item() == pytest.approx(0.75)
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS):
        controller.stop()


class Exploding(Callback):
    """Fails in the middle of training, as a bug in a hook would."""

    def on_batch_end(self, engine: Engine, step: int, loss: torch.Tensor) -> None:
        if step == 3:
            raise KeyError("boom")


def test_exception_in_training_reaches_errored_and_finished_fires(
    qtbot: QtBot, controller: TrainingController, make_engine: EngineMaker
) -> None:
    engine = make_engine(tiny_experiment(), callbacks=[Exploding()])  # it crosses: a module's class
    recorder = Recorder(controller)
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS):
        controller.start(engine)
    assert len(recorder.errors) == 1
    message = recorder.errors[0]
    assert "boom" in message and "step 3" in message
    assert "Traceback" not in message and "\n" not in message
    assert not controller.is_running


def test_unexpected_exception_outside_the_engine_is_reported(
    qtbot: QtBot, controller: TrainingController, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = Engine(tiny_experiment())

    def broken_run(*_args: object, **_kwargs: object) -> Snapshot:
        raise RuntimeError("the device went away")

    monkeypatch.setattr(engine, "run", broken_run)
    recorder = Recorder(controller)
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS):
        controller.start(engine)
    assert recorder.errors == [
        "Training stopped because of an unexpected error (RuntimeError: the device went away)."
    ]


def test_stop_and_wait_while_training_leaves_no_thread(
    qtbot: QtBot, controller: TrainingController, make_engine: EngineMaker
) -> None:
    engine = make_engine(tiny_experiment(epochs=1_000_000))
    with qtbot.waitSignal(controller.snapshot, timeout=TIMEOUT_MS):
        controller.start(engine)
    thread = controller.training_thread
    assert thread is not None and thread.isRunning()
    with qtbot.waitSignal(controller.finished, timeout=1000):
        assert controller.stop_and_wait(10)
    assert not controller.is_running
    assert engine.state == "stopped"


def test_stop_and_wait_while_paused(
    qtbot: QtBot, controller: TrainingController, make_engine: EngineMaker
) -> None:
    engine = make_engine(tiny_experiment(epochs=1_000_000))
    with qtbot.waitSignal(controller.snapshot, timeout=TIMEOUT_MS):
        controller.start(engine, start_paused=True)
    assert controller.stop_and_wait(10)
    assert not controller.is_running


def test_a_second_start_is_refused_while_running(
    qtbot: QtBot, controller: TrainingController
) -> None:
    with qtbot.waitSignal(controller.snapshot, timeout=TIMEOUT_MS):
        controller.start(Engine(tiny_experiment(epochs=10_000)), start_paused=True)
    with pytest.raises(RuntimeError):
        controller.start(Engine(tiny_experiment()))
    assert controller.stop_and_wait(10)


def test_stop_before_the_thread_begins_still_ends_the_run(
    qtbot: QtBot, controller: TrainingController, make_engine: EngineMaker
) -> None:
    engine = make_engine(tiny_experiment(epochs=1_000_000))
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS):
        controller.start(engine)
        controller.stop()
    assert not controller.is_running


def test_controls_without_a_run_do_nothing(controller: TrainingController) -> None:
    for control in (controller.pause, controller.resume, controller.stop):
        control()
    assert controller.stop_and_wait(0.1)


def test_describe_exception_in_words() -> None:
    assert describe_exception(ValueError("layer 2 is too small")) == "layer 2 is too small."
    assert "ran out of memory" in describe_exception(MemoryError())
    assert "ran out of memory" in describe_exception(RuntimeError("CUDA out of memory. Tried"))
    assert (
        describe_exception(KeyError())
        == "Training stopped because of an unexpected error (KeyError)."
    )
