"""Engine controls from another thread: pause, resume, stop, single steps, learning rate, weights."""

from __future__ import annotations

import math
import queue
import re
import threading

import pytest
import torch
from test_engine import blobs, experiment, layers  # type: ignore[import-not-found]

from playground.core.messages.texts import set_language
from playground.core.training.engine import Callback, Engine, EngineError
from playground.core.training.snapshot import Snapshot

WAIT = 60.0  # generous: CI machines are slow; never a timing assertion


class Runner:
    """Runs ``engine.run`` in a background thread and queues its snapshots."""

    def __init__(self, engine: Engine, start_paused: bool = False) -> None:
        self.engine = engine
        self.snapshots: queue.Queue[Snapshot] = queue.Queue()
        self.result: Snapshot | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(start_paused,), daemon=True)
        self.thread.start()

    def _run(self, start_paused: bool) -> None:
        try:
            self.result = self.engine.run(self.snapshots.put, start_paused=start_paused)
        except BaseException as error:  # handed to the test thread
            self.error = error

    def until(self, state: str) -> Snapshot:
        while True:
            snapshot = self.snapshots.get(timeout=WAIT)
            if snapshot.state == state:
                return snapshot

    def join(self) -> Snapshot:
        self.thread.join(timeout=WAIT)
        assert not self.thread.is_alive()
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result


class Gate(Callback):
    """Holds the training thread inside ``on_batch_end`` of one step until released."""

    def __init__(self, step: int) -> None:
        self.step = step
        self.reached = threading.Event()
        self.release = threading.Event()
        self.learning_rates: dict[int, float] = {}

    def on_batch_end(self, engine: Engine, step: int, loss: torch.Tensor) -> None:
        self.learning_rates[step] = engine.learning_rate
        if step == self.step:
            self.reached.set()
            assert self.release.wait(WAIT)


def test_single_steps_from_a_paused_start() -> None:
    engine = Engine(experiment(layers(4, 2), epochs=3), blobs(), snapshot_interval=3600.0)
    runner = Runner(engine, start_paused=True)
    first = runner.until("paused")
    assert first.step == 0 and engine.state == "paused"
    engine.step_batch()
    after_one = runner.until("paused")
    assert after_one.step == 1 and engine.step == 1
    assert after_one.epoch == 0 and after_one.epoch_progress == pytest.approx(1 / 8)
    assert list(after_one.new_steps) == [1]
    engine.step_epoch()
    after_epoch = runner.until("paused")
    assert after_epoch.step == 8 and after_epoch.epoch == 1 and after_epoch.epoch_progress == 0
    assert after_epoch.val_loss is not None
    engine.step_epoch()
    assert runner.until("paused").step == 16
    engine.stop()
    final = runner.join()
    assert final.state == "stopped" and final.step == 16
    assert final.reason == "Training was stopped at step 16."


def test_pause_and_resume_while_running() -> None:
    engine = Engine(experiment(layers(4, 2), epochs=200), blobs(), snapshot_interval=0.0)
    runner = Runner(engine)
    runner.until("running")
    engine.pause()
    paused = runner.until("paused")
    assert engine.state == "paused"
    assert engine.step == paused.step  # nothing trains while paused
    engine.resume()
    running = runner.until("running")
    assert running.step > paused.step
    engine.stop()
    final = runner.join()
    assert final.state == "stopped"
    assert final.step < 200 * 8


def test_stop_takes_effect_within_one_batch() -> None:
    gate = Gate(step=3)
    engine = Engine(experiment(layers(4, 2), epochs=50), blobs(), callbacks=[gate])
    runner = Runner(engine)
    assert gate.reached.wait(WAIT)
    engine.stop()
    gate.release.set()
    final = runner.join()
    assert final.state == "stopped" and final.step == 3 and engine.step == 3


def test_pause_takes_effect_within_one_batch() -> None:
    gate = Gate(step=5)
    engine = Engine(experiment(layers(4, 2), epochs=50), blobs(), callbacks=[gate])
    runner = Runner(engine)
    assert gate.reached.wait(WAIT)
    engine.pause()
    gate.release.set()
    assert runner.until("paused").step == 5
    engine.stop()
    assert runner.join().step == 5


def test_learning_rate_changes_mid_run() -> None:
    gate = Gate(step=3)
    engine = Engine(experiment(layers(4, 2), epochs=2, lr=0.05), blobs(), callbacks=[gate])
    runner = Runner(engine)
    assert gate.reached.wait(WAIT)
    engine.set_learning_rate(0.2)  # a batch is running: applied before the next one
    assert engine.learning_rate == 0.05
    gate.release.set()
    final = runner.join()
    assert gate.learning_rates[3] == 0.05
    assert gate.learning_rates[4] == 0.2
    assert final.learning_rate == 0.2
    assert [row["lr"] for row in engine.history.rows()] == [0.2, 0.2]
    with pytest.raises(EngineError, match="positive"):
        engine.set_learning_rate(-1.0)


def test_learning_rate_set_while_paused_shows_at_once() -> None:
    engine = Engine(experiment(layers(4, 2), epochs=2), blobs(), snapshot_interval=3600.0)
    runner = Runner(engine, start_paused=True)
    runner.until("paused")
    engine.set_learning_rate(0.5)
    assert engine.learning_rate == 0.5
    engine.step_batch()
    assert runner.until("paused").learning_rate == 0.5
    engine.stop()
    runner.join()


def test_set_weight_while_paused_and_refused_while_a_batch_runs() -> None:
    gate = Gate(step=2)
    engine = Engine(experiment(layers(4, 2), epochs=3), blobs(), callbacks=[gate])
    runner = Runner(engine, start_paused=True)
    runner.until("paused")
    engine.set_weight("0.weight", (1, 0), 0.75)
    assert float(engine.model[0].weight.detach()[1, 0]) == 0.75
    shown = engine.snapshot()  # allowed while paused
    matrix = next(p.matrix for p in shown.parameters if p.name == "0.weight")
    assert matrix is not None and matrix[1, 0] == 0.75
    engine.resume()
    assert gate.reached.wait(WAIT)
    with pytest.raises(EngineError, match="only while training is paused or stopped"):
        engine.set_weight("0.weight", (1, 0), 0.0)
    with pytest.raises(EngineError, match="pause training first"):
        engine.snapshot()
    with pytest.raises(EngineError, match="already training"):
        engine.run()
    with pytest.raises(EngineError, match="stop training first"):
        engine.reset_weights()
    engine.stop()
    gate.release.set()
    runner.join()
    engine.set_weight("2.bias", (1,), -2.0)  # and after the run
    assert float(engine.model[2].bias.detach()[1]) == -2.0


def test_set_weight_names_the_problem() -> None:
    engine = Engine(experiment(layers(4, 2)), blobs())
    with pytest.raises(EngineError, match=r"no parameter '9\.weight'.*0\.weight"):
        engine.set_weight("9.weight", (0, 0), 1.0)
    with pytest.raises(EngineError, match=r"outside '0.weight', whose shape is \(4, 2\)"):
        engine.set_weight("0.weight", (4, 0), 1.0)
    with pytest.raises(EngineError, match="finite"):
        engine.set_weight("0.weight", (0, 0), float("nan"))


def test_refusals_are_problems_worded_in_the_active_language() -> None:
    engine = Engine(experiment(layers(4, 2)), blobs())
    refusals = {
        "training.lr_not_positive": lambda: engine.set_learning_rate(-0.5),
        "training.weight_not_finite": lambda: engine.set_weight("0.weight", (0, 0), math.inf),
        "training.no_parameter": lambda: engine.set_weight("9.weight", (0, 0), 1.0),
        "training.position_outside": lambda: engine.set_weight("0.weight", (4, 0), 1.0),
    }
    for code, refused in refusals.items():
        with pytest.raises(EngineError) as caught:
            refused()
        assert [problem.code for problem in caught.value.problems] == [code]
        english = str(caught.value)
        set_language("zh_CN")
        try:
            chinese = str(caught.value)  # worded when read, as the window or the CLI reads it
        finally:
            set_language("en")
        assert chinese != english and re.search("[\u4e00-\u9fff]", chinese), code
    assert engine.learning_rate == 0.05 and torch.isfinite(engine.model[0].weight).all()


def test_stopped_run_continues_where_it_stopped() -> None:
    gate = Gate(step=3)
    engine = Engine(experiment(layers(4, 2), epochs=2), blobs(), callbacks=[gate])
    runner = Runner(engine)
    assert gate.reached.wait(WAIT)
    engine.stop()
    gate.release.set()
    assert runner.join().step == 3
    gate.step = -1
    final = engine.run()
    assert final.state == "finished" and final.step == 16


def test_requests_made_before_the_loop_starts_are_kept() -> None:
    """A stop, or a pause plus one step, pressed while the worker thread starts is not lost."""
    engine = Engine(experiment(layers(8, 2), epochs=50), blobs())
    engine.stop()
    assert engine.run().state == "stopped"
    assert engine.step == 0

    engine = Engine(experiment(layers(8, 2), epochs=50), blobs())
    engine.pause()
    engine.step_batch()
    runner = Runner(engine)
    paused = runner.until("paused")
    assert paused.step == 1
    engine.stop()
    assert runner.join().state == "stopped"
    assert engine.step == 1
