"""Experiment files in the app: save and reopen exactly, the modified mark, unsaved-work
questions, damaged files, autosave and the offer to restore after a crash."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import torch
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from playground.core.io.files import save_experiment_file
from playground.core.io.paths import autosave_dir
from playground.core.io.readers import load_experiment_file_any
from playground.core.spec.experiment import Experiment
from playground.gui.document import file_prompts
from playground.gui.document.file_prompts import SaveChoice
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings

TIMEOUT_MS = 30_000


class Prompts:
    """Answers the file questions instead of a person, and counts them."""

    def __init__(self) -> None:
        self.save_choice = SaveChoice.DISCARD
        self.save_path = ""
        self.restore = False
        self.asked: list[str] = []

    def ask_save_changes(self, _parent: object, name: str) -> SaveChoice:
        self.asked.append(f"save {name}")
        return self.save_choice

    def ask_restore(self, _parent: object) -> bool:
        self.asked.append("restore")
        return self.restore

    def choose_save_path(self, *_args: object) -> str:
        self.asked.append("save path")
        return self.save_path


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    answers = Prompts()
    monkeypatch.setattr(file_prompts, "ask_save_changes", answers.ask_save_changes)
    monkeypatch.setattr(file_prompts, "ask_restore", answers.ask_restore)
    monkeypatch.setattr(file_prompts, "choose_save_path", answers.choose_save_path)
    return answers


def _window(qtbot: QtBot) -> MainWindow:
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


@pytest.fixture
def window(qtbot: QtBot, prompts: Prompts) -> Iterator[MainWindow]:
    win = _window(qtbot)
    assert win.open_preset("spiral")
    yield win
    win.run.shutdown(10)


def _train(win: MainWindow, qtbot: QtBot, epochs: int = 3) -> None:
    win.training_panel.epochs.setValue(epochs)
    count = len(win.document.history.records)
    win.commands.play.trigger()
    qtbot.waitUntil(lambda: len(win.document.history.records) == count + 1, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: not win.run.is_running, timeout=TIMEOUT_MS)


def _messages(win: MainWindow) -> list[str]:
    return [box.text() for box in win.findChildren(QMessageBox) if box.isVisible()]


def test_save_then_open_in_a_new_window_restores_spec_weights_and_runs(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, prompts: Prompts
) -> None:
    window.training_panel.learning_rate.setValue(0.05)
    _train(window, qtbot)
    prompts.save_path = str(tmp_path / "spiral run")  # the suffix is added
    window.commands.save.trigger()
    path = tmp_path / "spiral run.playground"
    assert path.is_file()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("spiral run.playground")

    other = _window(qtbot)
    assert other.files.open_path(path) is not None
    assert other.current_experiment() == window.current_experiment()
    assert other.current_experiment().optimizer.lr == pytest.approx(0.05)
    assert [r.id for r in other.document.history.records] == [
        r.id for r in window.document.history.records
    ]
    assert other.document.runs_panel.table.rowCount() == 1
    assert other.run.engine is not None and window.run.engine is not None
    inputs = window.run.engine.dataset.x_val[:16]
    with torch.no_grad():
        expected = window.run.engine.model.cpu()(inputs)
        restored = other.run.engine.model.cpu()(inputs)
    assert torch.equal(expected, restored)  # the trained model, not a fresh one
    assert other.run.last_snapshot is not None  # the plots show the restored model
    assert not other.isWindowModified()
    assert other.settings.recent_files[0] == str(path)


def test_modified_mark_and_the_save_question(
    window: MainWindow, tmp_path: Path, prompts: Prompts
) -> None:
    assert not window.isWindowModified()
    assert "[*]" in window.windowTitle()
    window.training_panel.learning_rate.setValue(0.123)
    assert window.isWindowModified()

    prompts.save_choice = SaveChoice.CANCEL
    window.commands.new.trigger()
    assert prompts.asked == [f"save {window.current_experiment().name} (changed)"]  # edited example
    assert window.current_experiment().optimizer.lr == pytest.approx(0.123)  # nothing replaced
    assert not window.open_preset("iris")

    prompts.save_choice = SaveChoice.SAVE
    prompts.save_path = str(tmp_path / "kept.playground")
    assert window.open_preset("iris")
    assert (tmp_path / "kept.playground").is_file()  # saved first, then replaced
    assert window.data_panel.dataset_combo.currentData() == "iris"
    assert not window.isWindowModified()

    prompts.asked.clear()
    window.commands.new.trigger()  # nothing changed: no question
    assert prompts.asked == []


def test_close_with_unsaved_changes_can_be_cancelled(window: MainWindow, prompts: Prompts) -> None:
    window.training_panel.learning_rate.setValue(0.2)
    prompts.save_choice = SaveChoice.CANCEL
    assert not window.close()
    assert window.isVisible()
    prompts.save_choice = SaveChoice.DISCARD
    assert window.close()


def test_damaged_file_opens_nothing_and_says_why(window: MainWindow, tmp_path: Path) -> None:
    window.training_panel.learning_rate.setValue(0.077)
    before = window.current_experiment()
    broken = tmp_path / "broken.playground"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert window.files.open_path(broken) is None
    texts = _messages(window)
    assert any("broken.playground" in t and "damaged" in t for t in texts)
    assert window.current_experiment() == before
    assert window.isWindowModified()  # the unsaved work is still there, still marked

    foreign = tmp_path / "notes.json"
    foreign.write_text('{"model": {"layers": "many"}}', encoding="utf-8")
    assert window.files.open_path(foreign) is None
    assert window.current_experiment() == before
    assert all(t.endswith((".", "?", "!")) for t in _messages(window))


def test_json_files_still_open_and_save(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert window.files.save_to(path, window.document.document())
    assert json.loads(path.read_text(encoding="utf-8"))["data"]["name"] == "spiral"
    window.open_preset("iris")
    assert window.files.open_path(path) is not None
    assert window.data_panel.dataset_combo.currentData() == "spiral"


def test_autosave_after_a_change_and_cleared_on_a_clean_exit(
    window: MainWindow, prompts: Prompts
) -> None:
    autosave = window.document.autosave
    assert autosave.timer.isActive() and autosave.timer.interval() == 60_000  # every minute
    assert not autosave.save_if_changed()  # nothing changed yet
    window.training_panel.learning_rate.setValue(0.031)
    assert autosave.save_if_changed()
    assert autosave.slot.path.is_file() and autosave.slot.lock_path.is_file()
    assert not autosave.save_if_changed()  # saved already
    prompts.save_choice = SaveChoice.DISCARD
    assert window.close()
    assert list(autosave_dir().iterdir()) == []


def _leave_crashed_autosave(experiment: Experiment, slot: str = "0123456789abcdef") -> Path:
    """The files a window that crashed leaves: its autosave and a lock file nobody holds."""
    path = autosave_dir() / f"{slot}.playground"
    save_experiment_file(path, experiment)
    (autosave_dir() / f"{slot}.lock").touch()
    return path


def test_restore_is_offered_after_a_crash(qtbot: QtBot, prompts: Prompts) -> None:
    from playground.core.spec.presets import load_preset

    crashed = load_preset("spiral").model_copy(update={"name": "Lost work"})
    left = _leave_crashed_autosave(crashed)
    prompts.restore = True
    win = _window(qtbot)
    qtbot.waitUntil(lambda: "restore" in prompts.asked, timeout=TIMEOUT_MS)
    assert win.current_experiment().name == "Lost work"
    assert win.isWindowModified()  # only in the autosave until the user saves it
    assert prompts.asked.count("restore") == 1
    # The work moved into this window's own autosave; the crashed one is gone.
    slot = win.document.autosave.slot
    assert load_experiment_file_any(slot.path).experiment.name == "Lost work"
    assert not left.exists()


def test_declining_the_restore_forgets_the_autosave(qtbot: QtBot, prompts: Prompts) -> None:
    left = _leave_crashed_autosave(Experiment(name="Old"))
    prompts.restore = False
    win = _window(qtbot)
    qtbot.waitUntil(lambda: "restore" in prompts.asked, timeout=TIMEOUT_MS)
    assert win.current_experiment().name != "Old"
    assert not left.exists()
