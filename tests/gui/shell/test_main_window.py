"""The main window: presets, data ↔ model wiring, run controls, problems in words, clean close."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from playground.core.spec.experiment import LayerSpec
from playground.core.spec.presets import list_presets
from playground.core.training.remote.proxy import RemoteEngine
from playground.core.training.snapshot import Snapshot
from playground.gui.shell.main_window import MainWindow
from playground.gui.training import run_controller

TIMEOUT_MS = 30_000


def _messages(win: MainWindow) -> list[str]:
    return [box.text() for box in win.findChildren(QMessageBox) if box.isVisible()]


def test_opens_with_a_preset_ready_to_train(window: MainWindow) -> None:
    assert "Spiral" in window.windowTitle() or "spiral" in window.windowTitle().lower()
    assert window.commands.play.isEnabled()
    assert not window.banner.isVisible()
    assert window.editor.summary().input_shape == (2,)
    assert window.data_panel.preview.mode == "points"
    titles = [a.text() for a in window.commands.examples_menu.actions()]
    assert len(titles) == len(list_presets())


def test_changing_the_dataset_updates_preview_editor_and_output(window: MainWindow) -> None:
    panel = window.data_panel
    panel.dataset_combo.setCurrentIndex(panel.dataset_combo.findData("iris"))
    assert window.editor.summary().input_shape == (4,)
    assert window.editor.layers()[-1].params["out_features"] == 3  # fitted to 3 classes
    assert window.commands.play.isEnabled()
    panel.dataset_combo.setCurrentIndex(panel.dataset_combo.findData("digits"))
    assert panel.preview.mode == "images"
    assert window.editor.summary().input_shape == (64,)
    panel.dataset_combo.setCurrentIndex(panel.dataset_combo.findData("linear"))
    assert window.training_panel.loss.currentData() == "mse"  # regression needs a regression loss
    assert window.current_experiment().loss == "mse"
    assert window.commands.play.isEnabled()


def test_invalid_model_disables_training_with_the_core_sentence(window: MainWindow) -> None:
    layers = window.editor.layers()
    layers[-1] = LayerSpec(kind="Linear", params={"out_features": 5})
    window.editor.set_layers(layers)
    window.revalidate()
    assert not window.commands.play.isEnabled()
    assert window.banner.isVisible()
    assert "5" in window.banner.text() and "2" in window.banner.text()
    assert window.fix_button.isVisibleTo(window)
    window.fix_button.click()  # the one-click fix sets the last layer to 2 outputs
    assert window.editor.layers()[-1].params["out_features"] == 2
    assert window.commands.play.isEnabled() and not window.banner.isVisible()
    assert not window.fix_button.isVisibleTo(window)
    window.undo_action.trigger()  # the fix is undoable
    assert window.editor.layers()[-1].params["out_features"] == 5
    assert not window.commands.play.isEnabled()


def uses(window: MainWindow, runner: str) -> bool:
    """Whether the window's run trains where ``runner`` says (a child or this process)."""
    return isinstance(window.run.engine, RemoteEngine) == (runner == "process")


def test_step_batch_then_train_and_pause(window: MainWindow, qtbot: QtBot, runner: str) -> None:
    with qtbot.waitSignal(window.run.snapshot, timeout=TIMEOUT_MS):
        window.commands.step_batch.trigger()
    assert uses(window, runner)
    qtbot.waitUntil(lambda: window.run.last_snapshot is not None, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.run.last_snapshot.step == 1, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.run.state == "paused", timeout=TIMEOUT_MS)
    assert window.run.last_snapshot.step == 1  # exactly one batch
    assert window.status.step_label.text() == "Step 1"
    window.commands.play.trigger()  # continue
    assert window.run.state == "running"
    assert window.commands.play.text() == "Pause"
    assert not window.data_panel.isEnabled()
    qtbot.waitUntil(lambda: window.run.last_snapshot.step > 20, timeout=TIMEOUT_MS)
    window.commands.play.trigger()  # pause
    assert window.run.state == "paused"
    assert window.commands.play.text() == "Train"
    assert window.data_panel.isEnabled()


def test_learning_rate_reaches_the_running_engine(
    window: MainWindow, qtbot: QtBot, runner: str
) -> None:
    window.commands.step_batch.trigger()
    assert uses(window, runner)
    qtbot.waitUntil(lambda: window.run.last_snapshot is not None, timeout=TIMEOUT_MS)
    window.training_panel.learning_rate.setValue(0.0421)
    window.commands.step_batch.trigger()
    qtbot.waitUntil(
        lambda: window.run.last_snapshot.learning_rate == pytest.approx(0.0421),
        timeout=TIMEOUT_MS,
    )


def test_engine_error_reaches_the_user(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    class BrokenEngine:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise ValueError("the model does not fit on this device; choose the CPU")

    monkeypatch.setattr(run_controller, "Engine", BrokenEngine)
    window.commands.play.trigger()
    assert window.run.state == "idle"
    assert (
        "The model does not fit on this device; choose the CPU." in window.status.currentMessage()
    )
    assert any("does not fit on this device" in text for text in _messages(window))
    assert window.commands.play.text() == "Train"


def test_worker_error_reaches_the_user(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(self: object, *args: object, **kwargs: object) -> Snapshot:
        raise RuntimeError("simulated failure inside the training loop")

    monkeypatch.setattr(run_controller.Engine, "run", explode)
    with qtbot.waitSignal(window.run.problem, timeout=TIMEOUT_MS) as problem:
        window.commands.play.trigger()
    assert "simulated failure" in problem.args[0]
    qtbot.waitUntil(lambda: not window.run.is_running, timeout=TIMEOUT_MS)
    assert any("simulated failure" in text for text in _messages(window))
    assert "simulated failure" in window.status.currentMessage()
    assert window.commands.play.isEnabled()  # the app stays usable


def test_close_while_training_leaves_no_thread(
    window: MainWindow, qtbot: QtBot, runner: str
) -> None:
    window.commands.play.trigger()
    assert uses(window, runner)
    children = window.run.processes.pool.children()
    qtbot.waitUntil(
        lambda: window.run.last_snapshot is not None and window.run.last_snapshot.step > 5,
        timeout=TIMEOUT_MS,
    )
    assert window.run.is_running
    window.close()
    assert not window.run.is_running
    # The window closes once the run has ended, and ends its training processes then.
    qtbot.waitUntil(lambda: not window.run.training.has_threads, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: all(not child.alive for child in children), timeout=TIMEOUT_MS)


def test_reset_clears_the_run(window: MainWindow, qtbot: QtBot, runner: str) -> None:
    window.commands.step_epoch.trigger()
    assert uses(window, runner)
    qtbot.waitUntil(
        lambda: window.run.last_snapshot is not None and window.run.last_snapshot.epoch >= 1,
        timeout=TIMEOUT_MS,
    )
    assert window.run.has_trained
    window.commands.reset.trigger()
    assert not window.run.has_trained and not window.run.is_running
    assert window.status.step_label.text() == "Step 0"


def test_theme_and_font_size(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.commands.dark_theme.trigger()
    assert window.settings.theme == "dark"
    assert app.palette().window().color().lightness() < 80
    size = window.settings.font_size
    window.commands.font_bigger.trigger()
    assert app.font().pointSize() == size + 1
    window.commands.font_reset.trigger()
    window.commands.dark_theme.trigger()
    assert window.settings.theme == "light"
    assert app.palette().window().color().lightness() > 200


def test_space_is_the_play_shortcut_and_shortcuts_are_listed(window: MainWindow) -> None:
    assert window.commands.play.shortcut().toString() == "Space"
    rows = dict((text, keys) for keys, text in window.commands.shortcut_rows())
    assert rows["Start or pause training."] == "Space"


def test_save_and_open_round_trip(window: MainWindow, tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "mine.json"
    experiment = window.current_experiment()
    assert window.files.save_to(path, experiment)
    window.open_preset("iris")
    assert window.files.open_path(path) is not None
    assert window.current_experiment() == experiment
    assert window.settings.recent_files[0] == str(path)
    assert [a.text() for a in window.commands.recent_menu.actions()] == ["mine.json"]


def test_data_change_is_undoable_with_its_layer_fit(window: MainWindow) -> None:
    panel = window.data_panel
    panel.dataset_combo.setCurrentIndex(panel.dataset_combo.findData("iris"))
    assert window.editor.layers()[-1].params["out_features"] == 3
    window.undo_action.trigger()
    spec = window.current_experiment().data
    assert getattr(spec, "name", None) == "spiral"
    assert panel.dataset_combo.currentData() == "spiral"
    assert window.editor.layers()[-1].params["out_features"] == 2
    assert window.editor.summary().input_shape == (2,)
    assert window.commands.play.isEnabled()
    window.redo_action.trigger()
    assert getattr(window.current_experiment().data, "name", None) == "iris"
    assert window.editor.layers()[-1].params["out_features"] == 3
    assert window.commands.play.isEnabled()


def test_space_plays_but_not_while_typing(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    window.activateWindow()
    field = window.training_panel.learning_rate
    window.training_dock.raise_()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Space)
    assert window.run.state == "idle"  # the space went to the field
    window.plot_area.setFocus()
    qtbot.keyClick(window.plot_area, Qt.Key.Key_Space)
    assert window.run.state == "running"
    qtbot.keyClick(window.plot_area, Qt.Key.Key_Space)
    assert window.run.state == "paused"


def test_export_plots_writes_pictures(window: MainWindow, tmp_path: object) -> None:
    from pathlib import Path

    from playground.gui.plots.plot_export import export_plots

    written = export_plots(window.plot_area.export_items(), Path(str(tmp_path)) / "plots")
    assert written
    for path in written:
        assert path.read_bytes()[:4] == b"\x89PNG"


def test_one_undo_history_for_data_layers_and_training(
    window: MainWindow, tmp_path: object
) -> None:
    from pathlib import Path

    stack = window.model.undo_stack
    assert stack.count() == 0  # a preset starts a fresh history
    epochs = window.current_experiment().training.epochs
    window.training_panel.epochs.setValue(epochs + 7)
    panel = window.data_panel
    panel.dataset_combo.setCurrentIndex(panel.dataset_combo.findData("iris"))
    window.training_panel.learning_rate.setValue(0.07)
    assert stack.count() == 3
    window.undo_action.trigger()
    assert window.training_panel.learning_rate.value() == window.current_experiment().optimizer.lr
    window.undo_action.trigger()
    assert panel.dataset_combo.currentData() == "spiral"
    assert window.editor.layers()[-1].params["out_features"] == 2
    window.undo_action.trigger()
    assert window.current_experiment().training.epochs == epochs
    assert window.training_panel.epochs.value() == epochs

    saved = window.current_experiment().model_copy(
        update={"training": window.current_experiment().training.model_copy(update={"seed": 9})}
    )
    path = Path(str(tmp_path)) / "seeded.json"
    assert window.files.save_to(path, saved)
    assert window.files.open_path(path) is not None  # the panels follow the opened file
    assert window.training_panel.seed.value() == 9
    assert window.current_experiment() == saved and stack.count() == 0
    assert window.windowTitle().startswith("seeded.json")
