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
    assert paired.paired_with == base.id and not base.paired_with
    assert panel.table.item(1, 2).text().startswith("Paired with run 1: ")
    assert not panel.table.item(0, 2).text().startswith("Paired")
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


def test_a_run_result_is_shown_above_the_plots_and_in_the_status_bar(
    window: MainWindow, qtbot: QtBot
) -> None:
    result = window.plot_area.result
    assert result.isHidden()
    window.commands.play.trigger()
    qtbot.waitUntil(lambda: "Loss " in window.status.metrics_label.text(), timeout=TIMEOUT_MS)
    (record,) = _wait_for_runs(window, qtbot, 1)
    assert not result.isHidden()
    text = result.text()
    assert text.startswith("Run 1 finished after 3 epochs in ")
    assert f"validation loss {record.final.val_loss:.4g}" in text
    assert f"validation accuracy {100 * (record.final.val_accuracy or 0):.1f}\u00a0%" in text
    assert window.status.currentMessage().startswith(text)
    assert "Accuracy" in window.status.metrics_label.text()
    window.reset_run()  # a new start: the old result goes
    assert result.isHidden()


def test_the_two_losses_after_a_run_say_which_is_which(window: MainWindow, qtbot: QtBot) -> None:
    window.commands.play.trigger()
    (record,) = _wait_for_runs(window, qtbot, 1)
    engine = window.run.engine
    assert engine is not None and window.run.last_snapshot is not None
    mean = engine.history.epochs[-1].train_loss  # the last epoch's mean, from the run itself
    latest = window.run.last_snapshot.train_loss  # the latest batches' mean
    assert mean != pytest.approx(latest)  # they do differ, so each says which it is
    assert f"last epoch's mean training loss {mean:.4g}," in window.plot_area.result.text()
    assert window.status.metrics_label.text().startswith(f"Loss (last batches) {latest:.4g} ")
    assert "last few batches" in window.plot_area.result.toolTip()
    assert "whole last epoch" in window.status.metrics_label.toolTip()

    # A run stopped at an epoch's end: its loss is still that whole epoch's mean.
    line = window.plot_area.result
    line.show_result(record.model_copy(update={"state": "stopped"}), 1)
    assert f"last epoch's mean training loss {mean:.4g}," in line.text()
    # Stopped within epoch 4: the mean over that epoch's batches so far, as the engine had it.
    within = record.model_copy(update={"state": "stopped", "steps": record.steps + 2})
    line.show_result(within, 1)
    assert f"mean training loss of epoch 4 so far {record.final.train_loss:.4g}," in line.text()


def test_reopening_a_file_draws_its_last_runs_curves(
    window: MainWindow, qtbot: QtBot, tmp_path: object
) -> None:
    from pathlib import Path

    window.commands.play.trigger()
    (record,) = _wait_for_runs(window, qtbot, 1)
    assert len(record.curves.val_accuracies) == 3 and len(record.curves.epoch_steps) == 3
    path = Path(str(tmp_path)) / "runs.playground"
    assert window.files.save_to(path, window.document.document())
    window.reset_run()
    window.plot_area.refresh(all_tabs=True)
    assert len(window.plot_area.loss.train.x) == 0

    assert window.files.open_path(path) is not None
    loss, accuracy = window.plot_area.loss, window.plot_area.accuracy
    assert loss.train_curve.getData()[1].tolist() == pytest.approx(record.curves.losses)
    assert loss.validation_curve.getData()[0].tolist() == record.curves.epoch_steps
    assert accuracy.validation_curve.getData()[1].tolist() == pytest.approx(
        [100 * (v or 0) for v in record.curves.val_accuracies]
    )
    # The step axis fits the run, not the 0..1 of empty plots.
    assert loss.plot.getViewBox().viewRange()[0][1] >= record.steps
    assert window.plot_area.result.text().startswith("Run 1 finished")
