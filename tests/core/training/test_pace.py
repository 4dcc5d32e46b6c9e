"""Bursts of steps at full speed, pauses honoured after the running step, and the speed limit."""

from __future__ import annotations

import threading
import time

import pytest

from playground.core.training.engine import Callback, Engine
from playground.core.training.pace import CHECK_INTERVAL, Pace, valid_speed
from playground.core.training.run_control import RunControl
from playground.core.training.snapshot import Snapshot
from tests.core.training.test_engine import blobs, experiment, layers


def test_bursts_last_about_a_millisecond() -> None:
    pace = Pace()
    assert pace.burst(None, 100) == 1  # nothing measured yet
    pace.measured(10, 10 * 50e-6)
    assert pace.burst(None, 100) == int(CHECK_INTERVAL / 50e-6) == 20
    assert pace.burst(None, 7) == 7  # never past the epoch's end
    assert pace.burst(5.0, 100) == 1  # a slowed run checks every step
    pace.measured(1, 0.5)
    assert pace.burst(None, 100) == 1  # slow steps: one per check


class PauseAt(Callback):
    """Requests a pause from inside step ``at`` (as a click during that step would)."""

    def __init__(self, at: int) -> None:
        self.at = at

    def on_batch_end(self, engine: Engine, step: int, loss: object) -> None:
        if step == self.at:
            engine.pause()


def test_a_pause_stops_after_the_running_step_even_mid_burst() -> None:
    spec = experiment(layers(8, 2), epochs=200, batch_size=4)
    engine = Engine(spec, blobs(), snapshot_interval=3600.0, callbacks=[PauseAt(1_003)])
    paused: list[Snapshot] = []

    def on_snapshot(snapshot: Snapshot) -> None:
        if snapshot.state == "paused":
            paused.append(snapshot)
            engine.stop()

    engine._pace.measured(1, 1e-6)  # force long bursts: at most MAX_BURST steps per check
    final = engine.run(on_snapshot=on_snapshot)
    assert paused and paused[0].step == 1_003
    assert final.state == "stopped" and final.step == 1_003


def test_a_learning_rate_set_during_a_burst_is_recorded_where_it_applied() -> None:
    class ChangeAt(Callback):
        def on_batch_end(self, engine: Engine, step: int, loss: object) -> None:
            if step == 500:
                engine.set_learning_rate(0.001)

    engine = Engine(experiment(layers(8, 2), epochs=100), blobs(), callbacks=[ChangeAt()])
    engine.run()
    changes = engine.history.lr_changes
    assert [(c.step, c.lr) for c in changes] == [(500, 0.001)]


def test_a_slow_speed_waits_between_steps_and_snapshots_every_step() -> None:
    engine = Engine(experiment(layers(4, 2), epochs=1), blobs(), snapshot_interval=3600.0)
    engine.set_speed(40.0)
    assert engine.speed == 40.0
    engine.set_speed(20.0)
    steps: list[int] = []
    started = time.perf_counter()
    final = engine.run(on_snapshot=lambda s: steps.append(s.step))
    seconds = time.perf_counter() - started
    assert final.step == 8
    assert steps == list(range(1, 9))  # one snapshot per step
    assert seconds >= 7 / 20  # 8 steps at 20/s: 7 waits of 50 ms


def test_speed_changes_and_stops_reach_a_waiting_run() -> None:
    engine = Engine(experiment(layers(4, 2), epochs=50), blobs(), snapshot_interval=3600.0)
    engine.set_speed(0.5)  # one step every two seconds
    seen = threading.Event()

    def on_snapshot(snapshot: Snapshot) -> None:
        if snapshot.step == 1:
            seen.set()

    worker = threading.Thread(target=lambda: engine.run(on_snapshot=on_snapshot))
    worker.start()
    assert seen.wait(30)
    started = time.perf_counter()
    engine.set_speed(None)  # full speed at once, not after the two-second wait
    while engine.step < 50 and time.perf_counter() - started < 30:
        time.sleep(0.01)
    assert engine.step >= 50
    engine.set_speed(0.2)
    time.sleep(0.05)
    engine.stop()
    worker.join(10)
    assert not worker.is_alive()
    assert engine.state == "stopped"


def test_speeds_must_be_positive() -> None:
    assert valid_speed(None) is None and valid_speed(3) == 3.0
    for bad in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="positive number of steps per second"):
            valid_speed(bad)


def test_a_slow_run_is_paused_and_stepped_at_once() -> None:
    engine = Engine(experiment(layers(4, 2), epochs=50), blobs(), snapshot_interval=3600.0)
    engine.set_speed(0.2)  # one step every five seconds
    states: list[tuple[str, int]] = []
    first = threading.Event()
    paused = threading.Event()

    def on_snapshot(snapshot: Snapshot) -> None:
        states.append((snapshot.state, snapshot.step))
        if snapshot.step == 1:
            first.set()
        if snapshot.state == "paused":
            paused.set()

    worker = threading.Thread(target=lambda: engine.run(on_snapshot=on_snapshot))
    worker.start()
    assert first.wait(30)
    started = time.perf_counter()
    engine.pause()  # while the loop waits for step 2's turn
    assert paused.wait(30)
    paused.clear()
    engine.step_batch()  # Step batch does not wait for its turn
    while engine.step < 2 and time.perf_counter() - started < 30:
        time.sleep(0.005)
    assert paused.wait(30)
    assert time.perf_counter() - started < 4.0  # well before the five seconds were up
    assert ("paused", 1) in states and states[-1] == ("paused", 2)
    engine.stop()
    worker.join(10)
    assert engine.state == "stopped" and engine.step == 2


def test_full_speed_never_waits_for_a_turn() -> None:
    control = RunControl()
    pace = Pace()
    pace.took_turn()
    started = time.perf_counter()
    assert (
        control.safe_point(lambda lr: None, lambda waiting: None, pace.next_turn).value == "train"
    )
    assert time.perf_counter() - started < 1.0
    control.set_speed(2.0)
    pace.took_turn()
    started = time.perf_counter()
    control.safe_point(lambda lr: None, lambda waiting: None, pace.next_turn)
    assert time.perf_counter() - started >= 0.45  # half a second between steps at 2/s
