"""Setting weights and biases by hand: before training, while paused, and after Reset."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from torch import nn

from playground.core.io.files import read_archive
from playground.gui.document import file_prompts
from playground.gui.document.experiment_files import save_document
from playground.gui.lessons.controls import lesson_controls
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
    assert win.open_preset("course-linear-regression")  # Linear(1, 1): y = a·x + b
    win.classroom.numbers_dock.show()
    yield win
    win.run.shutdown(10)


def _table(win: MainWindow) -> dict[str, float]:
    return {name: float(value) for name, value in win.classroom.parameters.values()}


def _type_value(win: MainWindow, qtbot: QtBot, label: str, text: str) -> None:
    table = win.classroom.parameters.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == label)
    item = table.item(row, 1)
    assert item.flags() & Qt.ItemFlag.ItemIsEditable
    item.setText(text)  # what committing the cell's editor does


def test_before_training_the_diagram_and_table_show_the_first_weights(
    window: MainWindow,
) -> None:
    window.diagram.flush()
    link = window.diagram.links()[0]
    assert window.diagram.weight(link) is not None
    assert "not known" not in window.diagram.hover_text(link.line.center())
    assert set(_table(window)) == {"Layer 1 · Linear · weight", "Layer 1 · Linear · bias"}


def test_a_and_b_set_by_hand_are_where_the_run_starts(window: MainWindow, qtbot: QtBot) -> None:
    _type_value(window, qtbot, "Layer 1 · Linear · weight", "1")
    _type_value(window, qtbot, "Layer 1 · Linear · bias", "2")
    # Shown at once, in the table and in the diagram.
    assert _table(window) == {"Layer 1 · Linear · weight": 1.0, "Layer 1 · Linear · bias": 2.0}
    window.diagram.flush()
    assert window.diagram.weight(window.diagram.links()[0]) == 1.0
    window.commands.step_batch.trigger()
    qtbot.waitUntil(lambda: window.run.state == "paused" and window.run.engine is not None)
    qtbot.waitUntil(
        lambda: window.run.last_snapshot is not None and window.run.last_snapshot.step == 1,
        timeout=TIMEOUT_MS,
    )
    engine = window.run.engine
    assert engine is not None
    start = engine.initial_state
    assert start["0.weight"].item() == 1.0 and start["0.bias"].item() == 2.0
    # Reset goes back to the hand-set start, not the seed's weights or the trained ones.
    window.commands.reset.trigger()
    assert _table(window) == {"Layer 1 · Linear · weight": 1.0, "Layer 1 · Linear · bias": 2.0}


def test_a_value_that_is_not_a_number_is_refused_in_words(window: MainWindow, qtbot: QtBot) -> None:
    before = _table(window)
    _type_value(window, qtbot, "Layer 1 · Linear · bias", "two")
    assert _table(window) == before
    assert "not a number" in window.status.currentMessage()


def test_a_weight_set_while_paused_shows_at_once(window: MainWindow, qtbot: QtBot) -> None:
    window.commands.step_batch.trigger()
    qtbot.waitUntil(
        lambda: window.run.last_snapshot is not None and window.run.last_snapshot.step == 1,
        timeout=TIMEOUT_MS,
    )
    window.diagram.flush()
    link = window.diagram.links()[0]
    window.diagram.weight_edit_requested.emit("0.weight", (0, 0), 0.25)
    window.diagram.flush()
    assert window.diagram.weight(link) == 0.25
    assert "+0.2500" in window.diagram.hover_text(link.line.center())
    assert _table(window)["Layer 1 · Linear · weight"] == 0.25
    engine = window.run.engine
    assert engine is not None
    assert engine.model.state_dict()["0.weight"].item() == 0.25
    assert window.run.last_snapshot.step == 1  # no training step was needed


def test_reset_shows_the_fresh_model_again(window: MainWindow, qtbot: QtBot) -> None:
    window.diagram.flush()
    link = window.diagram.links()[0]
    fresh = window.diagram.weight(link)
    window.commands.step_epoch.trigger()
    qtbot.waitUntil(
        lambda: window.run.last_snapshot is not None and window.run.last_snapshot.epoch >= 1,
        timeout=TIMEOUT_MS,
    )
    window.diagram.flush()
    assert window.diagram.weight(link) != fresh  # trained
    engine = window.run.engine
    assert engine is not None
    first = engine.initial_state["0.weight"].item()
    window.commands.reset.trigger()
    window.diagram.flush()
    assert window.diagram.weight(link) == pytest.approx(first)
    assert window.diagram.weight(link) == pytest.approx(fresh)
    assert _table(window)["Layer 1 · Linear · weight"] == pytest.approx(first, rel=1e-5)
    assert torch.is_tensor(engine.initial_state["0.weight"])


def test_parameter_names_are_never_cut(window: MainWindow) -> None:
    table = window.classroom.parameters.table
    window.classroom.numbers_dock.resize(300, 400)
    needed = max(
        table.fontMetrics().horizontalAdvance(table.item(r, 0).text())
        for r in range(table.rowCount())
    )
    assert table.columnWidth(0) >= needed


def test_values_set_by_hand_are_saved_and_are_where_the_reopened_file_starts(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    _type_value(window, qtbot, "Layer 1 · Linear · weight", "1")
    _type_value(window, qtbot, "Layer 1 · Linear · bias", "2")
    path = tmp_path / "a1b2.playground"
    save_document(path, window.document.document())
    loaded = read_archive(path)
    assert loaded.weights_role == "start"
    assert loaded.weights is not None and loaded.weights["0.bias"].item() == 2.0

    other = MainWindow(AppSettings())
    qtbot.addWidget(other)
    other.resize(1280, 800)
    other.show()
    assert other.files.open_path(path) is not None
    assert other.run.engine is None  # nothing trained: the values are the next run's start
    other.classroom.numbers_dock.show()
    assert _table(other) == {"Layer 1 · Linear · weight": 1.0, "Layer 1 · Linear · bias": 2.0}
    other.commands.step_batch.trigger()
    qtbot.waitUntil(lambda: other.run.engine is not None and other.run.state == "paused")
    start = other.run.engine.initial_state
    assert start["0.weight"].item() == 1.0 and start["0.bias"].item() == 2.0
    other.run.shutdown(10)


def test_a_trained_run_is_saved_as_trained_weights(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.commands.step_batch.trigger()
    qtbot.waitUntil(
        lambda: window.run.last_snapshot is not None and window.run.last_snapshot.step == 1,
        timeout=TIMEOUT_MS,
    )
    path = tmp_path / "trained.playground"
    save_document(path, window.document.document())
    assert read_archive(path).weights_role == "trained"


def _choose_init(win: MainWindow, init: str) -> None:
    combo = win.training_panel.weight_init
    combo.setCurrentIndex(combo.findData(init))


def test_the_chosen_initial_weights_are_shown_before_training(window: MainWindow) -> None:
    _choose_init(window, "xavier_uniform")
    torch.manual_seed(window.model.experiment.training.seed)
    plain = nn.Linear(1, 1)
    nn.init.xavier_uniform_(plain.weight)
    fresh = window.run.fresh.engine
    assert fresh is not None
    assert torch.equal(fresh.model.state_dict()["0.weight"], plain.weight.detach())
    shown = _table(window)
    assert shown["Layer 1 · Linear · weight"] == pytest.approx(plain.weight.item(), abs=1e-4)
    assert shown["Layer 1 · Linear · bias"] == 0.0
    window.model.undo_stack.undo()
    torch.manual_seed(window.model.experiment.training.seed)
    assert _table(window)["Layer 1 · Linear · bias"] == pytest.approx(
        nn.Linear(1, 1).bias.item(), abs=1e-4
    )
    assert lesson_controls(window)["training.init"] is window.training_panel.weight_init


def test_values_set_by_hand_win_over_the_initial_weights_choice(
    window: MainWindow, qtbot: QtBot
) -> None:
    _type_value(window, qtbot, "Layer 1 · Linear · weight", "1")
    _type_value(window, qtbot, "Layer 1 · Linear · bias", "2")
    _choose_init(window, "kaiming_normal")
    assert _table(window) == {"Layer 1 · Linear · weight": 1.0, "Layer 1 · Linear · bias": 2.0}


def test_a_new_initial_weights_choice_keeps_a_trained_run(window: MainWindow, qtbot: QtBot) -> None:
    window.commands.step_batch.trigger()
    qtbot.waitUntil(
        lambda: window.run.last_snapshot is not None and window.run.last_snapshot.step == 1,
        timeout=TIMEOUT_MS,
    )
    _choose_init(window, "xavier_uniform")
    assert window.run.has_trained  # like a new seed: the next run starts the new way
    window.commands.reset.trigger()
    assert _table(window)["Layer 1 · Linear · bias"] == 0.0
