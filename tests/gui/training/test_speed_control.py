"""The speed control: a ladder of steps per second, live on a run, remembered in the settings."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings, load_settings, save_settings
from playground.gui.training.speed_control import SPEEDS, SpeedControl, nearest_position
from tests.gui.shell.test_main_window import TIMEOUT_MS

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def test_the_ladder_goes_from_one_step_a_second_to_full_speed(qtbot: QtBot) -> None:
    control = SpeedControl()
    qtbot.addWidget(control)
    assert control.speed() is None and control.label.text() == "Full speed"
    with qtbot.waitSignal(control.speedChanged) as signal:
        control.slower()
    assert signal.args == [300.0] and control.label.text() == "300 steps/s"
    control.set_speed(4.0)
    assert control.speed() == 5.0  # the nearest step
    for _ in range(len(SPEEDS)):
        control.slower()
    assert control.speed() == 1.0 and control.label.text() == "1 step/s"
    assert nearest_position(None) == nearest_position(0.0) == len(SPEEDS) - 1


def test_the_speed_is_remembered(tmp_path: object) -> None:
    store = QSettings(str(tmp_path) + "/speed.ini", QSettings.Format.IniFormat)  # type: ignore[operator]
    save_settings(AppSettings(training_speed=5.0), store)
    assert load_settings(store).training_speed == 5.0
    store.setValue("training_speed", "fast please")
    assert load_settings(store).training_speed == 0.0  # damaged: full speed
    store.setValue("training_speed", "-3")
    assert load_settings(store).training_speed == 0.0


def test_slowing_a_running_training_shows_every_step(window: MainWindow, qtbot: QtBot) -> None:
    speed = window.training_panel.speed
    window.commands.play.trigger()
    qtbot.waitUntil(lambda: window.run.engine is not None and window.run.engine.step > 0,
                    timeout=TIMEOUT_MS)  # fmt: skip
    for _ in range(len(SPEEDS) - 3):  # Run ▸ Slower down to 5 steps/s
        window.commands.slower.trigger()
    assert speed.speed() == 5.0 and window.settings.training_speed == 5.0
    engine = window.run.engine
    assert engine is not None and engine.speed == 5.0
    seen: list[int] = []
    window.run.snapshot.connect(lambda s: seen.append(s.step))
    qtbot.waitUntil(lambda: len(seen) >= 4, timeout=TIMEOUT_MS)
    # The first may have been taken at full speed just before the change reached the engine.
    assert seen[2] - seen[1] == 1 and seen[3] - seen[2] == 1  # a snapshot for every step
    window.commands.faster.trigger()
    assert engine.speed == 10.0
    window.commands.stop.trigger()
    qtbot.waitUntil(lambda: not window.run.is_running, timeout=TIMEOUT_MS)
    window.commands.play.trigger()  # the next run starts at the chosen speed
    qtbot.waitUntil(lambda: window.run.engine is not engine, timeout=TIMEOUT_MS)
    assert window.run.engine is not None and window.run.engine.speed == 10.0


@pytest.mark.parametrize("remembered", [2.0, 0.0])
def test_the_window_starts_at_the_remembered_speed(qtbot: QtBot, remembered: float) -> None:
    win = MainWindow(AppSettings(training_speed=remembered))
    qtbot.addWidget(win)
    assert win.training_panel.speed.speed() == (remembered or None)
    assert win.run.speed == (remembered or None)
