"""Run controls and what they leave behind: Stop's state, Reset, the Space key."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from playground.gui.document import file_prompts
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings

TIMEOUT_MS = 30_000


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    monkeypatch.setattr(win, "confirm_discard", lambda: True)
    monkeypatch.setattr(
        file_prompts, "ask_save_changes", lambda *_: file_prompts.SaveChoice.DISCARD
    )
    assert win.open_preset("spiral")
    yield win
    win.run.shutdown(10)


def test_stop_is_disabled_once_a_run_has_finished(window: MainWindow, qtbot: QtBot) -> None:
    window.training_panel.epochs.setValue(1)
    window.commands.play.trigger()
    assert window.commands.stop.isEnabled()
    qtbot.waitUntil(lambda: window.run.state == "finished", timeout=TIMEOUT_MS)
    assert not window.commands.stop.isEnabled()
    qtbot.waitUntil(lambda: not window.run.is_running, timeout=TIMEOUT_MS)
    assert not window.commands.stop.isEnabled()
    assert window.commands.reset.isEnabled() and window.commands.play.isEnabled()


def test_stop_is_disabled_once_the_run_was_stopped(window: MainWindow, qtbot: QtBot) -> None:
    window.commands.step_batch.trigger()
    qtbot.waitUntil(
        lambda: window.run.last_snapshot is not None and window.run.last_snapshot.step == 1,
        timeout=TIMEOUT_MS,
    )
    assert window.commands.stop.isEnabled()  # a paused run can be stopped
    window.commands.stop.trigger()
    qtbot.waitUntil(lambda: window.run.state == "stopped", timeout=TIMEOUT_MS)
    assert not window.commands.stop.isEnabled()
