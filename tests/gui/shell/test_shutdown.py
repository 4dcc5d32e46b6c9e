"""Long batches in the app: close, Reset, Open and presets never wait, abort or leave an orphan run.

A batch is made long deterministically: a forward hook of the test holds the
training thread inside the first layer until the test lets it go. Everything
the GUI does while the batch is held must therefore finish without the
worker's help, which is what these tests check (no timing assertions).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import torch
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from playground.core.spec.presets import load_preset
from playground.core.training import run_setup as engine_module
from playground.core.training.engine import Engine
from playground.core.training.snapshot import Snapshot
from playground.gui.document import file_prompts
from playground.gui.document.experiment_files import save_document
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings

TIMEOUT_MS = 30_000
WAIT_S = 60.0
HELD_AFTER = 2  # the batch after this many steps is held
ROOT = Path(__file__).resolve().parents[3]


class LongBatch:
    """Holds the first training batch after ``HELD_AFTER`` steps inside layer 0, once."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.release = threading.Event()
        self.inside = False
        self.engine: Engine | None = None

    def attach(self, engine: Engine) -> None:
        """Hook into ``engine`` (each new run's engine; only the first one is held)."""

        def hook(module: object, inputs: object, output: object) -> None:
            if self.engine is None and torch.is_grad_enabled() and engine.step == HELD_AFTER:
                self.engine = engine
                self.inside = True
                self.reached.set()
                assert self.release.wait(WAIT_S)
                self.inside = False

        engine.model[0].register_forward_hook(hook)


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(
        file_prompts, "ask_save_changes", lambda *_: file_prompts.SaveChoice.DISCARD
    )
    # Batches held inside a layer need the autograd path: the dense fast path runs no
    # module, and its whole batch takes microseconds, so nothing there waits for a stop.
    monkeypatch.setattr(engine_module, "plan_dense_stack", lambda *args: None)
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.resize(1024, 700)
    win.show()
    monkeypatch.setattr(win, "confirm_discard", lambda: True)
    assert win.open_preset("spiral")
    win.training_panel.epochs.setValue(100_000)
    yield win
    win.run.shutdown(WAIT_S)


@pytest.fixture
def long_batch(window: MainWindow, qtbot: QtBot) -> Iterator[LongBatch]:
    """Starts training and returns once the worker is held inside a batch."""
    batch = LongBatch()
    window.run.run_started.connect(lambda: batch.attach(window.run.engine))
    window.commands.play.trigger()
    qtbot.waitUntil(batch.reached.is_set, timeout=TIMEOUT_MS)
    yield batch
    batch.release.set()


def snapshots_of(window: MainWindow) -> list[Snapshot]:
    seen: list[Snapshot] = []
    window.run.snapshot.connect(seen.append)
    return seen


def test_stop_is_honoured_inside_a_long_batch(
    window: MainWindow, long_batch: LongBatch, qtbot: QtBot
) -> None:
    window.commands.stop.trigger()
    long_batch.release.set()
    qtbot.waitUntil(lambda: not window.run.is_running, timeout=TIMEOUT_MS)
    engine = long_batch.engine
    assert engine is not None and engine.state == "stopped"
    assert engine.step == HELD_AFTER  # the held batch was dropped, not stepped
    assert window.run.state == "stopped"
    assert window.run.last_snapshot is not None and window.run.last_snapshot.step == HELD_AFTER


def test_reset_during_a_long_batch_lets_the_old_run_go_and_train_runs_the_new_one(
    window: MainWindow, long_batch: LongBatch, qtbot: QtBot
) -> None:
    old = window.run.engine
    window.commands.reset.trigger()
    # Reset came back while the worker is still held: it did not wait for the batch.
    assert long_batch.inside
    assert not window.run.is_running and window.run.engine is None
    assert window.run.state == "idle"
    assert window.commands.play.isEnabled()

    seen = snapshots_of(window)
    window.commands.play.trigger()
    new = window.run.engine
    assert new is not None and new is not old
    qtbot.waitUntil(lambda: any(s.step >= 5 for s in seen), timeout=TIMEOUT_MS)
    assert long_batch.inside  # the new run trains while the old one is still held

    long_batch.release.set()
    qtbot.waitUntil(lambda: len(window.run.training.retired) == 0, timeout=TIMEOUT_MS)
    assert old is not None and old.state == "stopped" and old.step == HELD_AFTER
    qtbot.wait(50)  # anything the old run still had queued is delivered by now
    assert all(s.state != "stopped" for s in seen)  # its last snapshot went nowhere
    assert window.run.state == "running" and window.run.engine is new
    # The controls act on the new run.
    window.commands.stop.trigger()
    qtbot.waitUntil(lambda: not window.run.is_running, timeout=TIMEOUT_MS)
    assert new.state == "stopped" and new.step > HELD_AFTER
    # Both runs are recorded: the reset one once its thread had ended.
    records = window.document.history.records
    assert [(r.state, r.steps) for r in records] == [("stopped", HELD_AFTER), ("stopped", new.step)]


def test_opening_a_file_during_a_long_batch_never_attaches_to_the_old_run(
    window: MainWindow, long_batch: LongBatch, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "xor.json"
    save_document(path, load_preset("xor"))
    assert window.files.open_path(path) is not None
    assert long_batch.inside  # opened while the old run is still held
    assert not window.run.is_running and window.run.engine is None

    window.commands.play.trigger()
    new = window.run.engine
    assert new is not None and new.experiment.data.name == "xor"  # type: ignore[union-attr]
    long_batch.release.set()
    qtbot.waitUntil(lambda: new.step > 5, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: len(window.run.training.retired) == 0, timeout=TIMEOUT_MS)
    qtbot.wait(50)
    assert window.run.engine is new and window.run.is_running
    assert window.document.history.records == []  # the replaced experiment's run is not kept


def test_a_preset_during_a_long_batch_starts_clean(
    window: MainWindow, long_batch: LongBatch, qtbot: QtBot
) -> None:
    assert window.open_preset("circle")
    assert long_batch.inside
    assert not window.run.is_running and window.run.state == "idle"
    window.commands.step_batch.trigger()
    qtbot.waitUntil(
        lambda: window.run.last_snapshot is not None and window.run.last_snapshot.step == 1,
        timeout=TIMEOUT_MS,
    )
    assert window.run.engine is not long_batch.engine


class CloseCounter(QObject):
    """Counts the close events a window receives."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.count += 1
        return False


def test_close_during_a_long_batch_hides_at_once_and_closes_when_the_run_has_ended(
    window: MainWindow, long_batch: LongBatch, qtbot: QtBot
) -> None:
    counter = CloseCounter()
    window.installEventFilter(counter)
    window.close()
    assert long_batch.inside  # close came back while the batch is still held
    assert not window.isVisible()
    assert window.run.training.has_threads and window.window_shutdown.waiting
    long_batch.release.set()
    qtbot.waitUntil(lambda: counter.count == 2, timeout=TIMEOUT_MS)  # the real close
    assert not window.run.training.has_threads
    assert not window.window_shutdown.waiting
    assert long_batch.engine is not None and long_batch.engine.step == HELD_AFTER


def test_close_without_a_run_closes_at_once(window: MainWindow) -> None:
    counter = CloseCounter()
    window.installEventFilter(counter)
    assert window.close()
    assert counter.count == 1 and not window.isVisible()


def test_waiting_for_threads_includes_runs_that_were_let_go(
    window: MainWindow, long_batch: LongBatch
) -> None:
    window.run.reset()
    assert window.run.training.has_threads and not window.run.is_running
    releaser = threading.Timer(0.2, long_batch.release.set)  # the batch ends while we wait
    releaser.start()
    assert window.run.training.wait_for_threads(WAIT_S)
    releaser.join()
    assert not window.run.training.has_threads
    assert long_batch.engine is not None and long_batch.engine.state == "stopped"


SCRIPT = """
import json, sys, threading, torch
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings
from playground.gui.shell.shutdown import install_quit_guard
from playground.core.training import run_setup as engine_module

engine_module.plan_dense_stack = lambda *args: None  # layers to hold a batch in (autograd)
how = sys.argv[1]
app = QApplication(["playground"])
win = MainWindow(AppSettings())
win.remember_on_close = False
win.window_shutdown.quit_when_closed = True  # as the app's main() does
assert win.open_preset("spiral")
win.training_panel.epochs.setValue(100_000)
held, release, facts = threading.Event(), threading.Event(), {}

def attach():
    engine = win.run.engine
    facts["engine"] = engine
    def hook(module, inputs, output):
        if torch.is_grad_enabled() and engine.step == 2 and not held.is_set():
            held.set()
            release.wait(60)
    engine.model[0].register_forward_hook(hook)

win.run.run_started.connect(attach)
install_quit_guard(app, win.run.training)
win.show()
QTimer.singleShot(0, win.play_pause)

def when_held():
    if not held.is_set():
        return
    poll.stop()
    if how == "close":
        win.close()  # returns while the batch is held: it must not wait for it
        facts["hidden_at_once"] = not win.isVisible()
        release.set()
    else:
        threading.Timer(0.5, release.set).start()  # the long batch ends a little later
        app.quit()  # the event loop ends (and waits) with the batch still held

poll = QTimer()
poll.timeout.connect(when_held)
poll.start(10)
code = app.exec()
engine = facts["engine"]
print(json.dumps({"code": code, "state": engine.state, "step": engine.step,
                  "hidden_at_once": facts.get("hidden_at_once"),
                  "threads": win.run.training.has_threads}))
"""


@pytest.mark.parametrize("how", ["close", "quit"])
def test_the_process_ends_cleanly_when_closed_during_a_long_batch(how: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, how],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert "QThread: Destroyed" not in result.stderr
    assert "Traceback" not in result.stderr
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts == {
        "code": 0,
        "state": "stopped",
        "step": 2,  # stopped inside the held batch
        "hidden_at_once": True if how == "close" else None,
        "threads": False,
    }
