"""Lessons in the window: steps open their experiment, lock and release controls, check the
goal live; presentation mode enlarges everything and restores it; the log and the parameter
table show the run's own numbers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import torch
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from playground.core.lessons.library import list_lessons
from playground.core.spec.presets import load_preset
from playground.core.training.course_log import log_lines
from playground.core.training.engine import Engine
from playground.core.training.history import EpochRecord
from playground.core.training.snapshot import Snapshot
from playground.gui.document import file_prompts
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.presentation import PRESENTATION_FONT_SIZE
from playground.gui.shell.settings import AppSettings


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
    return win


def _entry(lesson_id: str):  # type: ignore[no-untyped-def]
    return next(e for e in list_lessons() if e.lesson.id == lesson_id)


def test_a_lesson_opens_its_experiment_beside_the_app(window: MainWindow) -> None:
    lessons = window.classroom.lessons
    lessons.open(_entry("linear-regression"))
    assert lessons.dock.isVisible()
    assert window.model.experiment == load_preset("course-linear-regression")
    panel = lessons.panel
    assert panel.text.toPlainText().startswith("Linear(1, 1) has one weight")
    assert "training loss below 0.01" in panel.goal.text()


def test_locks_hold_through_a_run_and_are_released_by_the_next_step(window: MainWindow) -> None:
    lessons = window.classroom.lessons
    lessons.open(_entry("accumulation-and-zeroing"))
    zero_grad = window.training_panel.editors["training", "zero_grad"]
    assert zero_grad.isEnabled()
    lessons.controller.go_to(1)
    assert window.model.experiment == load_preset("course-no-zero-grad")
    assert not zero_grad.isEnabled()
    window.training_panel.setEnabled(True)
    lessons.reapply_locks()
    assert not zero_grad.isEnabled()
    lessons.controller.go_to(0)
    assert zero_grad.isEnabled()
    lessons.controller.close_lesson()
    assert lessons.panel.lesson is None


def test_a_step_starts_training_from_its_weights(window: MainWindow) -> None:
    lessons = window.classroom.lessons
    lessons.open(_entry("manual-gradient-descent"))
    weights = window.run.start_weights
    assert weights is not None
    assert weights["0.weight"].tolist() == [[1.0]] and weights["0.bias"].tolist() == [2.0]
    engine = Engine(window.model.experiment, initial_state=weights)
    assert engine.model[0].weight.item() == 1.0 and engine.model[0].bias.item() == 2.0
    lessons.controller.close_lesson()
    assert window.run.start_weights is None


def test_the_goal_is_checked_from_the_runs_epochs(window: MainWindow) -> None:
    lessons = window.classroom.lessons
    lessons.open(_entry("linear-regression"))
    record = EpochRecord(
        epoch=5, step=5, train_loss=0.005, val_loss=None, val_accuracy=None, lr=0.01
    )
    snapshot = Snapshot(
        state="running", step=5, epoch=5, epoch_progress=0.0, samples_seen=25, elapsed=0.1,
        samples_per_second=250.0, learning_rate=0.01, train_loss=0.005, val_loss=None,
        train_accuracy=None, val_accuracy=None, new_epochs=(record,),
    )  # fmt: skip
    lessons.controller.on_snapshot(snapshot)
    assert lessons.controller.goal_reached
    assert lessons.panel.goal.text().startswith("✔ ")


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[None]:
    """Themes change the whole application: put its font, palette and style sheet back."""
    font, palette, sheet = QFont(qapp.font()), QPalette(qapp.palette()), qapp.styleSheet()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


def test_presentation_mode_enlarges_and_restores(window: MainWindow, app_look: None) -> None:
    presentation = window.classroom.presentation
    before = window.font_size()
    window.commands.presentation.setChecked(True)
    assert presentation.active
    assert window.font_size() == max(PRESENTATION_FONT_SIZE, before)
    assert window.settings.font_size == before  # presenting never changes the settings
    assert not window.data_dock.isVisible() and not window.network_dock.isVisible()
    window.commands.presentation.setChecked(False)
    assert not presentation.active
    assert window.font_size() == before
    assert window.data_dock.isVisible() or window.data_dock.isVisibleTo(window) is not None


def test_log_and_parameters_show_the_runs_numbers(window: MainWindow) -> None:
    assert window.open_preset("course-simple-nn")
    experiment = window.model.experiment.model_copy(
        update={"training": window.model.experiment.training.model_copy(update={"device": "cpu"})}
    )
    snapshots: list[Snapshot] = []
    engine = Engine(experiment, snapshot_interval=0.0)
    engine.run(snapshots.append)
    classroom = window.classroom
    classroom.numbers_dock.show()
    for snapshot in snapshots:
        classroom._on_snapshot(snapshot)
    records = [r for s in snapshots for r in s.new_epochs]
    assert classroom.log.lines() == log_lines(records, 100, 10)
    classroom.log.every.setValue(25)
    assert classroom.log.lines() == log_lines(records, 100, 25)
    rows = dict(classroom.parameters.values())
    weight = engine.model[0].weight.detach()
    assert rows["Layer 1 · Linear · weight [0, 1]"] == f"{weight[0, 1].item():.6g}"
    assert rows["Layer 3 · Linear · bias"] == f"{engine.model[2].bias.item():.6g}"
    assert torch.isfinite(weight).all()


def test_a_lab_step_opens_the_lab_with_its_example(window: MainWindow, qtbot: QtBot) -> None:
    lessons = window.classroom.lessons
    lessons.open(_entry("computation-graph"))
    lab = window.classroom._lab
    assert lab is not None and lab.isVisible()
    qtbot.waitUntil(lambda: lab.run_action.isEnabled(), timeout=10_000)
    assert "z = mean(y * y)" in lab.editor.toPlainText()
    assert window.classroom.open_lab() is lab  # one lab window, raised again
    lab.close()


def test_a_step_can_lock_a_menu_command_and_the_end_releases_it(window: MainWindow) -> None:
    lessons = window.classroom.lessons
    lessons.open(_entry("manual-gradient-descent"))
    assert not window.commands.step_epoch.isEnabled()
    assert window.commands.step_batch.isEnabled()
    lessons.controller.close_lesson()
    assert window.commands.step_epoch.isEnabled()


def test_a_landscape_step_opens_the_surface_of_the_lessons_model(
    window: MainWindow, qtbot: QtBot
) -> None:
    lessons = window.classroom.lessons
    lessons.open(_entry("manual-gradient-descent"))
    lessons.controller.go_to(1)
    landscape = window.classroom._landscape
    assert landscape is not None and landscape.isVisible()
    assert window.commands.landscape.isEnabled()
    window.classroom.close_tools()
    qtbot.waitUntil(lambda: window.classroom._landscape is None, timeout=10_000)
