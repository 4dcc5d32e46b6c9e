"""Autosave in the app: soon after the first change, one file per window, and restoring what
crashed windows left, without ever touching a window that is still open."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from playground.core.io.files import save_experiment_file
from playground.core.io.instance_lock import is_locked
from playground.core.io.paths import autosave_dir
from playground.core.io.readers import load_experiment_file_any
from playground.core.io.save_temporaries import GRACE_SECONDS, TEMP_SUFFIX
from playground.core.spec.presets import load_preset
from playground.gui.document import file_prompts
from playground.gui.document.autosave_controller import FIRST_AUTOSAVE_DELAY_MS
from playground.gui.document.file_prompts import SaveChoice
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings

TIMEOUT_MS = 30_000


class Answers:
    """Answers "restore?" and "save changes?" instead of a person, and counts the questions."""

    def __init__(self) -> None:
        self.restore = False
        self.restore_questions = 0

    def ask_restore(self, _parent: object) -> bool:
        self.restore_questions += 1
        return self.restore


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()
    monkeypatch.setattr(file_prompts, "ask_restore", given.ask_restore)
    monkeypatch.setattr(file_prompts, "ask_save_changes", lambda *_a: SaveChoice.DISCARD)
    return given


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    opened: list[MainWindow] = []
    yield opened
    for win in opened:
        win.run.shutdown(10)


def _open_window(qtbot: QtBot, windows: list[MainWindow]) -> MainWindow:
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.show()
    windows.append(win)
    qtbot.waitUntil(lambda: win.document.autosave.offered, timeout=TIMEOUT_MS)
    return win


def _crashed(name: str, slot: str, age: float = 0.0) -> Path:
    """What a crashed window leaves: its autosave and a lock file nobody holds."""
    path = autosave_dir() / f"{slot}.playground"
    save_experiment_file(path, load_preset("spiral").model_copy(update={"name": name}))
    (autosave_dir() / f"{slot}.lock").touch()
    moment = time.time() - age
    os.utime(path, (moment, moment))
    return path


def test_the_first_change_is_autosaved_within_seconds(
    qtbot: QtBot, windows: list[MainWindow], answers: Answers
) -> None:
    win = _open_window(qtbot, windows)
    autosave = win.document.autosave
    assert FIRST_AUTOSAVE_DELAY_MS == 5_000
    assert autosave.first_timer.interval() == FIRST_AUTOSAVE_DELAY_MS
    assert autosave.first_timer.isSingleShot() and not autosave.first_timer.isActive()
    autosave.first_timer.setInterval(20)  # the test need not wait five seconds
    win.training_panel.learning_rate.setValue(0.0311)
    assert autosave.first_timer.isActive()
    qtbot.waitUntil(lambda: autosave.slot.path.is_file(), timeout=TIMEOUT_MS)
    restored = load_experiment_file_any(autosave.slot.path).experiment
    assert restored.optimizer.lr == pytest.approx(0.0311)
    # An autosave was just written: the next change waits for the minute's tick.
    win.training_panel.learning_rate.setValue(0.0312)
    assert autosave.dirty and not autosave.first_timer.isActive()
    assert autosave.timer.isActive() and autosave.timer.interval() == 60_000


def test_another_open_windows_autosave_is_never_offered_nor_deleted(
    qtbot: QtBot, windows: list[MainWindow], answers: Answers
) -> None:
    first = _open_window(qtbot, windows)
    first.training_panel.learning_rate.setValue(0.0313)
    assert first.document.autosave.save_if_changed()
    live = first.document.autosave.slot.path
    answers.restore = False  # "No" would delete what it is asked about
    second = _open_window(qtbot, windows)
    assert answers.restore_questions == 0
    assert live.is_file() and is_locked(first.document.autosave.slot.lock_path)
    assert second.document.autosave.slot.path != live
    second.close()
    assert live.is_file()  # the other window's clean exit leaves it alone


def test_every_crashed_autosave_is_offered_and_no_deletes_each(
    qtbot: QtBot, windows: list[MainWindow], answers: Answers
) -> None:
    older = _crashed("Older work", "00000000000000a1", age=120)
    newer = _crashed("Newer work", "00000000000000a2")
    answers.restore = False
    win = _open_window(qtbot, windows)
    assert answers.restore_questions == 2
    assert not older.exists() and not newer.exists()
    assert win.current_experiment().name not in ("Older work", "Newer work")


def test_restoring_one_keeps_the_others_for_the_next_start(
    qtbot: QtBot, windows: list[MainWindow], answers: Answers
) -> None:
    older = _crashed("Older work", "00000000000000b1", age=120)
    newer = _crashed("Newer work", "00000000000000b2")
    answers.restore = True
    win = _open_window(qtbot, windows)
    assert answers.restore_questions == 1
    assert win.current_experiment().name == "Newer work"  # newest first
    assert win.isWindowModified()
    own = win.document.autosave.slot.path
    assert load_experiment_file_any(own).experiment.name == "Newer work"
    assert not newer.exists()  # safe in this window's autosave now
    assert older.is_file() and not is_locked(older.with_suffix(".lock"))  # free for later
    assert "One more autosaved experiment is kept" in win.status.currentMessage()
    # The next start (here: another window) offers the one that was kept.
    answers.restore = False
    _open_window(qtbot, windows)
    assert answers.restore_questions == 2
    assert not older.exists()


def test_a_damaged_autosave_is_explained_and_the_next_one_offered(
    qtbot: QtBot, windows: list[MainWindow], answers: Answers
) -> None:
    good = _crashed("Good work", "00000000000000c1", age=120)
    damaged = autosave_dir() / "00000000000000c2.playground"
    damaged.write_bytes(b"PK\x03\x04 cut off")
    answers.restore = True
    win = _open_window(qtbot, windows)
    assert answers.restore_questions == 2
    assert win.current_experiment().name == "Good work"
    assert not damaged.exists() and not good.exists()
    boxes = [box.text() for box in win.findChildren(QMessageBox)]
    assert any(text.startswith("The autosaved experiment could not be restored") for text in boxes)


def test_stray_temporaries_in_the_autosave_folder_go_at_start(
    qtbot: QtBot, windows: list[MainWindow], answers: Answers
) -> None:
    folder = autosave_dir()
    folder.mkdir(parents=True)
    fd, name = tempfile.mkstemp(
        prefix=".0123456789abcdef.playground.", suffix=TEMP_SUFFIX, dir=folder
    )
    os.write(fd, b"x" * 1024)
    os.close(fd)
    old = time.time() - 10 * GRACE_SECONDS
    os.utime(name, (old, old))
    _open_window(qtbot, windows)
    assert not Path(name).exists()
    assert answers.restore_questions == 0
