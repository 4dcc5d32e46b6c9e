"""Run controls and what they leave behind: Stop's state, Reset, the Space key."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from playground.gui.shell.main_window import MainWindow

TIMEOUT_MS = 30_000


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


def _focus(window: MainWindow, qtbot: QtBot, widget: object) -> None:
    window.activateWindow()
    widget.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: widget.hasFocus(), timeout=2000)  # type: ignore[attr-defined]


def test_space_in_a_number_field_keeps_its_value_and_does_not_train(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtCore import Qt

    window.training_dock.raise_()
    epochs = window.training_panel.epochs
    epochs.setValue(5000)
    _focus(window, qtbot, epochs)
    epochs.selectAll()
    qtbot.keyClick(epochs, Qt.Key.Key_Space)
    assert epochs.text().strip() != ""
    assert epochs.value() == 5000
    assert window.current_experiment().training.epochs == 5000
    assert window.run.state == "idle"


def test_space_with_the_layer_list_focused_toggles_training(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtCore import Qt

    window.model_dock.raise_()
    view = window.editor.stack_view()
    view.setCurrentIndex(view.model().index(1, 0))  # a layer is selected, as after a click
    _focus(window, qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert window.run.state == "running"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert window.run.state == "paused"
    assert view.currentIndex().row() == 1


def test_space_still_types_into_a_text_field(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit(window)
    field.setText("my")
    field.show()
    _focus(window, qtbot, field)
    field.end(False)
    qtbot.keyClick(field, Qt.Key.Key_Space)
    assert field.text() == "my " and window.run.state == "idle"


def test_the_space_key_watches_only_the_focused_widget(window: MainWindow, qtbot: QtBot) -> None:
    # An application-wide filter would see every event of every widget (each a call
    # into Python); the filter moves with the focus instead.
    window.model_dock.raise_()
    view = window.editor.stack_view()
    _focus(window, qtbot, view)
    assert window.space_key._watched is QApplication.focusWidget()
    field = window.training_panel.learning_rate
    window.training_dock.raise_()
    _focus(window, qtbot, field)
    assert window.space_key._watched is QApplication.focusWidget()
    assert window.space_key._watched is not view
