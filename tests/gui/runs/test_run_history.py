"""Run history in the app: runs are recorded, listed, compared and repeated as paired runs."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from playground.core.runs.records import RunRecord, record_from_engine
from playground.core.training.engine import Engine
from playground.gui.document import file_prompts
from playground.gui.runs.compare_view import LINE_STYLES, CompareDialog
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings

TIMEOUT_MS = 30_000


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(
        file_prompts, "ask_save_changes", lambda *_: file_prompts.SaveChoice.DISCARD
    )
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.open_preset("spiral")
    win.training_panel.epochs.setValue(3)
    yield win
    win.run.shutdown(10)


def _wait_for_runs(win: MainWindow, qtbot: QtBot, count: int) -> list[RunRecord]:
    qtbot.waitUntil(lambda: len(win.document.history.records) == count, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: not win.run.is_running, timeout=TIMEOUT_MS)
    return win.document.history.records


def _record(win: MainWindow, lr: float) -> RunRecord:
    """A run trained here on the main thread (fast, and covered)."""
    experiment = win.current_experiment()
    experiment = experiment.model_copy(
        update={"optimizer": experiment.optimizer.model_copy(update={"lr": lr})}
    )
    engine = Engine(experiment)
    final = engine.run()
    return record_from_engine(engine, final, datetime.now(UTC), 0.5)


def test_a_finished_run_is_recorded_and_listed(window: MainWindow, qtbot: QtBot) -> None:
    window.commands.play.trigger()
    (record,) = _wait_for_runs(window, qtbot, 1)
    assert record.state == "finished"
    assert record.epochs == 3 and record.steps > 0
    assert record.device == "cpu"
    assert math.isfinite(record.final.train_loss)
    assert len(record.curves.losses) > 0
    assert record.settings == window.current_experiment()
    table = window.document.runs_panel.table
    assert table.rowCount() == 1
    assert table.item(0, 6).text() == "cpu"
    lr = window.current_experiment().optimizer.lr
    assert f"lr {lr:g}" in table.item(0, 2).text()
    assert window.isWindowModified()


def test_a_stopped_run_is_recorded_once(window: MainWindow, qtbot: QtBot) -> None:
    window.training_panel.epochs.setValue(10_000)
    window.commands.play.trigger()
    qtbot.waitUntil(
        lambda: window.run.last_snapshot is not None and window.run.last_snapshot.step > 5,
        timeout=TIMEOUT_MS,
    )
    window.commands.stop.trigger()
    (record,) = _wait_for_runs(window, qtbot, 1)
    assert record.state == "stopped"
    window.commands.reset.trigger()
    assert len(window.document.history.records) == 1


def test_compare_view_overlays_the_chosen_runs_and_names_the_difference(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.document.history.replace([_record(window, 0.01), _record(window, 0.1)])
    panel = window.document.runs_panel
    panel.select_rows([0, 1])
    assert panel.compare_button.isEnabled() and not panel.paired_button.isEnabled()
    panel.compare_button.click()
    dialog = window.findChild(CompareDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert len(dialog.train_curves) == 2
    first, second = (curve.opts["pen"] for curve in dialog.train_curves)
    assert first.color() != second.color() and first.style() != second.style()
    assert first.style() == LINE_STYLES[0]
    records = window.document.history.records
    xs, ys = dialog.train_curves[1].getData()
    assert list(xs) == records[1].curves.epochs
    assert list(ys) == pytest.approx(records[1].curves.epoch_losses)
    dialog.every_step.setChecked(True)  # the noisy per-step curves on request
    assert all(c.isVisible() for c in dialog.step_curves)
    assert not any(c.isVisible() for c in dialog.train_curves)
    _, steps = dialog.step_curves[0].getData()
    assert list(steps) == pytest.approx(records[0].curves.losses)
    lines = [dialog.differences.item(i).text() for i in range(dialog.differences.count())]
    assert lines == ["Run 2 vs run 1: optimizer ▸ learning rate: 0.01 → 0.1"]


def test_paired_run_with_no_change_repeats_the_curve_exactly(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.commands.play.trigger()
    (base,) = _wait_for_runs(window, qtbot, 1)
    panel = window.document.runs_panel
    panel.select_rows([0])
    panel.paired_button.click()
    base, paired = _wait_for_runs(window, qtbot, 2)
    assert paired.curves.losses == base.curves.losses
    assert paired.curves.val_losses == base.curves.val_losses
    assert paired.final.val_accuracy == base.final.val_accuracy
    table = window.document.runs_panel.table
    assert table.item(0, 3).text() == table.item(1, 3).text()  # the listed final losses agree

    window.training_panel.learning_rate.setValue(0.1)  # one change: a different curve
    panel.select_rows([0])
    panel.paired_button.click()
    *_, changed = _wait_for_runs(window, qtbot, 3)
    assert changed.curves.losses[0] == base.curves.losses[0]  # same start weights, same batch
    assert changed.curves.losses != base.curves.losses


def test_paired_run_refuses_a_data_change_in_words(window: MainWindow, qtbot: QtBot) -> None:
    window.document.history.replace([_record(window, 0.01)])
    window.data_panel.noise.setValue(window.data_panel.noise.value() + 10)
    panel = window.document.runs_panel
    panel.select_rows([0])
    panel.paired_button.click()
    assert not window.run.is_running
    texts = [b.text() for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert any(t.startswith("A paired run keeps the data and the layers") for t in texts)
    assert len(window.document.history.records) == 1


def test_remove_forgets_the_chosen_runs(window: MainWindow) -> None:
    window.document.history.replace([_record(window, 0.01), _record(window, 0.05)])
    panel = window.document.runs_panel
    panel.select_rows([0])
    panel.remove_button.click()
    assert panel.table.rowCount() == 1
    assert window.document.history.records[0].settings.optimizer.lr == pytest.approx(0.05)


def test_compare_dialog_with_one_run_explains_the_differences_list(qtbot: QtBot) -> None:
    from playground.core.spec.presets import load_preset

    engine = Engine(load_preset("xor"))
    record = record_from_engine(engine, engine.run(), datetime.now(UTC), 1.0)
    dialog = CompareDialog([record], [1])
    qtbot.addWidget(dialog)
    assert len(dialog.train_curves) == 1
    assert "two or more runs" in dialog.differences.item(0).text()


def test_a_learning_rate_set_mid_run_is_in_the_record(window: MainWindow, qtbot: QtBot) -> None:
    start = window.current_experiment().optimizer.lr
    window.commands.step_epoch.trigger()
    qtbot.waitUntil(
        lambda: (
            window.run.last_snapshot is not None
            and window.run.last_snapshot.epoch >= 1
            and window.run.state == "paused"
        ),
        timeout=TIMEOUT_MS,
    )
    epoch = window.run.last_snapshot.epoch
    window.training_panel.learning_rate.setValue(0.2)  # through the model to the engine
    assert window.current_experiment().optimizer.lr == 0.2
    window.commands.play.trigger()
    (record,) = _wait_for_runs(window, qtbot, 1)
    assert record.settings.optimizer.lr == start  # what it started with
    assert [(e.epoch, e.lr) for e in record.lr_edits] == [(epoch + 1, 0.2)]
    assert record.curves.learning_rates[-1] == pytest.approx(0.2)
    text = window.document.runs_panel.table.item(0, 2).text()
    assert f"lr {start:g}, then 0.2 from epoch {epoch + 1}" in text
