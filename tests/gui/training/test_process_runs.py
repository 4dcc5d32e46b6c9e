"""The app's run path: a warm training child, and the thread as the fallback, with a log line."""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path

import pytest
import torch
from pytestqt.qtbot import QtBot

from playground.core.data import load_dataset
from playground.core.runs.records import RunRecord
from playground.core.spec.presets import load_preset
from playground.core.training.devices import resolve_device
from playground.core.training.engine import Callback, Engine
from playground.core.training.remote.proxy import RemoteEngine
from playground.core.training.step_limit import StepLimit
from playground.gui.document.export_commands import write_metrics_csv
from playground.gui.shell.main_window import MainWindow
from playground.gui.training.fresh_model import FreshModel
from playground.gui.training.process_runs import ProcessRuns, process_runs_wanted

TIMEOUT_MS = 30_000
in_a_child = pytest.mark.parametrize("runner", ["process"], indirect=True)


def test_the_app_trains_in_a_child_unless_told_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLAYGROUND_TRAINING", raising=False)
    assert process_runs_wanted()
    monkeypatch.setenv("PLAYGROUND_TRAINING", "thread")
    assert not process_runs_wanted()
    assert not ProcessRuns(enabled=None).enabled


@in_a_child
def test_a_run_in_the_child_is_recorded_and_exported_from_what_the_child_sent(
    window: MainWindow, qtbot: QtBot, runner: str, tmp_path: Path
) -> None:
    records: list[RunRecord] = []
    window.run.run_recorded.connect(records.append)
    window.commands.step_epoch.trigger()
    engine = window.run.engine
    assert isinstance(engine, RemoteEngine) and engine.child_pid not in (None, os.getpid())
    qtbot.waitUntil(
        lambda: window.run.last_snapshot is not None and window.run.last_snapshot.epoch == 1,
        timeout=TIMEOUT_MS,
    )
    qtbot.waitUntil(lambda: window.run.state == "paused", timeout=TIMEOUT_MS)
    weights = window.run.current_weights()  # fetched from the paused child
    assert weights is not None
    shown = {p.name: p for p in window.run.last_snapshot.parameters}
    first = shown["0.weight"]
    assert first.matrix is not None
    assert torch.allclose(
        weights["0.weight"].reshape(first.matrix.shape).double(), torch.tensor(first.matrix)
    )

    with qtbot.waitSignal(window.run.training.finished, timeout=TIMEOUT_MS):
        window.commands.stop.trigger()
    assert len(records) == 1
    record = records[0]
    assert record.state == "stopped" and record.steps == window.run.last_snapshot.step
    assert record.curves.epochs == [1]
    assert record.final.train_loss == pytest.approx(engine.history.epochs[-1].train_loss)
    rows = write_metrics_csv(engine, tmp_path / "metrics.csv")
    assert rows == len(engine.history.rows()) == 1

    after = window.run.current_weights()  # the child has moved on; the window kept them
    assert after is not None and torch.equal(after["0.weight"], weights["0.weight"])
    window.run.set_weight("0.bias", (0,), 2.5)  # after the run, as the diagram does
    bias = next(p for p in window.run.last_snapshot.parameters if p.name == "0.bias")
    assert bias.max >= 2.5


@in_a_child
def test_a_weight_typed_while_paused_reaches_the_child(
    window: MainWindow, qtbot: QtBot, runner: str
) -> None:
    window.commands.step_batch.trigger()
    qtbot.waitUntil(lambda: window.run.state == "paused" and window.run.last_snapshot is not None)
    qtbot.waitUntil(lambda: window.run.last_snapshot.step == 1, timeout=TIMEOUT_MS)
    window.run.set_weight("0.weight", (0, 1), -0.625)
    shown = next(p for p in window.run.last_snapshot.parameters if p.name == "0.weight")
    assert shown.matrix is not None and shown.matrix[0, 1] == pytest.approx(-0.625)
    window.commands.step_batch.trigger()
    qtbot.waitUntil(  # the step's last snapshot may still say running: paused again first
        lambda: window.run.last_snapshot.step == 2 and window.run.state == "paused",
        timeout=TIMEOUT_MS,
    )
    weights = window.run.current_weights()
    assert weights is not None and weights["0.weight"][0, 1].item() != pytest.approx(-0.625)


class LocalHook(Callback):
    """A hook holding something no other process can have (a lock)."""

    def __init__(self) -> None:
        import threading

        self.lock = threading.Lock()


@in_a_child
def test_hooks_that_cannot_cross_train_in_a_thread_with_a_log_line(
    window: MainWindow, qtbot: QtBot, runner: str, caplog: pytest.LogCaptureFixture
) -> None:
    window.run.callbacks = [LocalHook()]
    with caplog.at_level(logging.INFO, logger="playground.gui.training.process_runs"):
        window.commands.step_batch.trigger()
    assert isinstance(window.run.engine, Engine)
    assert "cannot cross" in caplog.text
    window.run.shutdown(10)

    window.run.callbacks = [StepLimit(3)]  # a core hook crosses (--quit-after-steps)
    window.run.reset()
    window.run.processes.warm_up()
    qtbot.waitUntil(window.run.processes.pool.has_warm_child, timeout=60_000)
    with qtbot.waitSignal(window.run.training.finished, timeout=TIMEOUT_MS):
        window.commands.play.trigger()
        assert isinstance(window.run.engine, RemoteEngine)
    assert window.run.last_snapshot is not None and window.run.last_snapshot.step == 3


def test_without_a_warm_child_the_run_starts_at_once_in_a_thread(
    window: MainWindow, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    window.run.processes.enabled = True  # as in the app, but before any child is warm
    with caplog.at_level(logging.INFO, logger="playground.gui.training.process_runs"):
        window.commands.step_batch.trigger()
    assert isinstance(window.run.engine, Engine)
    assert "no training process is ready" in caplog.text
    assert window.run.processes.pool.children()  # one is warming up for the next run
    qtbot.waitUntil(lambda: window.run.last_snapshot is not None, timeout=TIMEOUT_MS)
    assert window.run.shutdown(10)
    assert all(not child.alive for child in window.run.processes.pool.children())


@in_a_child
def test_a_child_killed_mid_run_fails_the_run_in_words(
    window: MainWindow, qtbot: QtBot, runner: str
) -> None:
    window.commands.play.trigger()
    engine = window.run.engine
    assert isinstance(engine, RemoteEngine) and engine.child_pid is not None
    qtbot.waitUntil(
        lambda: window.run.last_snapshot is not None and window.run.last_snapshot.step > 5,
        timeout=TIMEOUT_MS,
    )
    with qtbot.waitSignal(window.run.problem, timeout=TIMEOUT_MS) as problem:
        os.kill(engine.child_pid, signal.SIGKILL)
    assert "ended unexpectedly" in problem.args[0] and "Traceback" not in problem.args[0]
    qtbot.waitUntil(lambda: not window.run.is_running, timeout=TIMEOUT_MS)
    assert window.run.state == "failed"
    assert window.commands.play.isEnabled()  # the app stays usable


@in_a_child
def test_shutdown_ends_every_training_process(
    window: MainWindow, qtbot: QtBot, runner: str
) -> None:
    window.commands.play.trigger()
    qtbot.waitUntil(lambda: window.run.last_snapshot is not None, timeout=TIMEOUT_MS)
    children = window.run.processes.pool.children()
    assert children and all(child.alive for child in children)
    assert window.run.shutdown(10)
    assert all(not child.alive for child in children)


@in_a_child
def test_stopping_a_run_to_save_it_keeps_the_training_process_warm(
    window: MainWindow, qtbot: QtBot, runner: str
) -> None:
    window.commands.play.trigger()
    qtbot.waitUntil(lambda: window.run.last_snapshot is not None, timeout=TIMEOUT_MS)
    used = window.run.engine
    assert isinstance(used, RemoteEngine)
    assert window.run.shutdown(10, keep_processes=True)  # what Save does before replacing work
    qtbot.waitUntil(window.run.processes.pool.has_warm_child, timeout=TIMEOUT_MS)
    window.commands.reset.trigger()
    window.commands.play.trigger()
    assert isinstance(window.run.engine, RemoteEngine)  # the next run is in a child at once
    assert window.run.shutdown(10)


class Builds:
    """A run's engine maker that records the device each build was asked for."""

    def __init__(self, window: MainWindow) -> None:
        self.experiment = window.run.experiment
        self.devices: list[torch.device | None] = []

    def __call__(self, device: torch.device | None) -> Engine:
        self.devices.append(device)
        assert self.experiment is not None
        return Engine(self.experiment, device=device)


@in_a_child
def test_the_copy_that_feeds_a_child_is_on_the_cpu_and_a_thread_run_on_its_device(
    window: MainWindow, qtbot: QtBot, runner: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    processes = window.run.processes
    builds = Builds(window)
    fed = processes.build(builds, [StepLimit(3)])
    assert isinstance(fed, RemoteEngine) and builds.devices == [torch.device("cpu")]
    assert fed.device == resolve_device(window.run.experiment.training.device)
    fed.run()  # the child trains and gives itself back
    assert fed.snapshot().device == "cpu"  # said by the child, which trained on "cpu"
    assert processes.pool.has_warm_child()

    builds = Builds(window)
    assert isinstance(processes.build(builds, [LocalHook()]), Engine)
    assert builds.devices == [None]  # in a thread: on the experiment's own device

    def fails(device: torch.device | None) -> Engine:
        raise ValueError("the experiment cannot train")

    with pytest.raises(ValueError, match="cannot train"):
        processes.build(fails, [])
    assert processes.pool.has_warm_child()  # the child taken for it went back

    # Data that cannot cross trains here; a copy built on the CPU for a run meant for a
    # GPU is built again on the run's device (a GPU is pretended; the rebuild is recorded).
    monkeypatch.setattr(
        "playground.gui.training.process_runs.crossing_callbacks",
        lambda callbacks, dataset=None: None if dataset else tuple(callbacks),
    )
    monkeypatch.setattr(
        "playground.gui.training.process_runs.resolve_device", lambda _name: torch.device("cuda:0")
    )
    builds = Builds(window)
    assert isinstance(processes.build(builds, []), Engine)
    assert builds.devices == [torch.device("cpu"), None]
    assert processes.pool.has_warm_child()
    assert not torch.cuda.is_initialized()


@pytest.mark.parametrize("runner", ["thread", "process"], indirect=True)
def test_pressing_train_builds_the_windows_engine_where_the_run_wants_it(
    window: MainWindow, qtbot: QtBot, runner: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[torch.device | None] = []

    def recording(*args: object, device: torch.device | None = None, **kwargs: object) -> Engine:
        asked.append(device)
        return Engine(*args, device=device, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("playground.gui.training.run_controller.Engine", recording)
    window.commands.step_batch.trigger()
    qtbot.waitUntil(lambda: window.run.last_snapshot is not None, timeout=TIMEOUT_MS)
    in_a_child_now = isinstance(window.run.engine, RemoteEngine)
    assert in_a_child_now == (runner == "process")
    assert asked == [torch.device("cpu") if in_a_child_now else None]
    assert window.run.engine.device == resolve_device(window.run.experiment.training.device)
    assert not torch.cuda.is_initialized()
    assert window.run.shutdown(10)


def test_the_untrained_model_shown_before_a_run_is_on_the_cpu(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)  # a GPU machine, pretended
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    experiment = load_preset("spiral")
    experiment = experiment.model_copy(
        update={"training": experiment.training.model_copy(update={"device": "cuda"})}
    )
    fresh = FreshModel()
    with qtbot.waitSignal(fresh.shown, timeout=TIMEOUT_MS):
        fresh.show(experiment, load_dataset(experiment.data))
    assert fresh.engine is not None and fresh.engine.device == torch.device("cpu")
    same_seed = Engine(experiment, device=torch.device("cpu"))
    for name, value in same_seed.model.state_dict().items():
        assert torch.equal(fresh.engine.model.state_dict()[name], value)
    assert not torch.cuda.is_initialized()
