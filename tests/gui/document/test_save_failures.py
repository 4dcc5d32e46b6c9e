"""A save that fails never passes for one: the work stays marked unsaved, a sentence says why,
and closing still asks. The fault that started it: a name holding a lone surrogate."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from playground.core.io.autosave import AutosaveSlot
from playground.core.io.files import save_experiment_file
from playground.core.io.readers import load_experiment_file_any
from playground.core.spec.presets import load_preset
from playground.gui.document import experiment_files, file_prompts
from playground.gui.document.file_prompts import SaveChoice
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings

BROKEN_NAME = "Spiral \ud800"  # legal in memory and in JSON escapes, not in UTF-8


class Prompts:
    """Answers the file questions instead of a person, and records them."""

    def __init__(self) -> None:
        self.save_choice = SaveChoice.CANCEL
        self.save_path = ""
        self.asked: list[str] = []

    def ask_save_changes(self, _parent: object, name: str) -> SaveChoice:
        self.asked.append("save changes")
        return self.save_choice

    def choose_save_path(self, *_args: object) -> str:
        self.asked.append("save path")
        return self.save_path


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    answers = Prompts()
    monkeypatch.setattr(file_prompts, "ask_save_changes", answers.ask_save_changes)
    monkeypatch.setattr(file_prompts, "choose_save_path", answers.choose_save_path)
    monkeypatch.setattr(file_prompts, "ask_restore", lambda _parent: False)
    return answers


@pytest.fixture
def window(qtbot: QtBot, prompts: Prompts) -> Iterator[MainWindow]:
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.show()
    assert win.open_preset("spiral")
    yield win
    prompts.save_choice = SaveChoice.DISCARD  # let the test's teardown close it
    win.run.shutdown(10)


def _broken_and_modified(win: MainWindow) -> None:
    win.load_experiment(load_preset("spiral").model_copy(update={"name": BROKEN_NAME}))
    win.training_panel.learning_rate.setValue(0.0217)
    assert win.isWindowModified()


def _warnings(win: MainWindow) -> list[str]:
    return [box.text() for box in win.findChildren(QMessageBox) if box.isVisible()]


def _failures(win: MainWindow) -> list[str]:
    sentences: list[str] = []
    win.files.failed.connect(sentences.append)
    return sentences


def test_save_as_with_an_unstorable_name_stays_unsaved_and_says_why(
    window: MainWindow, prompts: Prompts, tmp_path: Path
) -> None:
    _broken_and_modified(window)
    failures = _failures(window)
    prompts.save_path = str(tmp_path / "spiral")
    window.commands.save.trigger()
    target = tmp_path / "spiral.playground"
    assert not target.exists() and list(tmp_path.iterdir()) == []  # no file, no temporary
    assert window.isWindowModified() and window.document.modified
    assert "[*]" in window.windowTitle()
    assert window.files.path is None
    assert len(failures) == 1
    sentence = failures[0]
    assert "the name of the experiment holds a character that cannot be stored" in sentence
    assert "Nothing was saved" in sentence and "\ud800" not in sentence
    assert sentence in _warnings(window)


def test_a_failed_save_keeps_the_previous_file(
    window: MainWindow, prompts: Prompts, tmp_path: Path
) -> None:
    path = tmp_path / "kept.playground"
    prompts.save_path = str(path)
    window.training_panel.learning_rate.setValue(0.03)
    assert window.document.save_as()
    before = path.read_bytes()
    _broken_and_modified(window)
    window.files.path = path
    assert not window.document.save()
    assert path.read_bytes() == before
    assert load_experiment_file_any(path).experiment.name != BROKEN_NAME
    assert window.isWindowModified()


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (RuntimeError("boom"), "unexpected problem (RuntimeError)"),
        (KeyError("weight"), "unexpected problem (KeyError)"),
        (TypeError("not a tensor"), "unexpected problem (TypeError)"),
        (MemoryError(), "not enough memory"),
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        (PermissionError(errno.EACCES, "Permission denied"), "no permission to write there"),
    ],
)
def test_any_error_while_saving_becomes_a_sentence_and_nothing_counts_as_saved(
    window: MainWindow,
    prompts: Prompts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
    expected: str,
) -> None:
    def failing_save(*_args: object) -> None:
        raise error

    monkeypatch.setattr(experiment_files, "save_document", failing_save)
    window.training_panel.learning_rate.setValue(0.04)
    failures = _failures(window)
    saved: list[str] = []
    window.files.saved.connect(saved.append)
    prompts.save_path = str(tmp_path / "x.playground")
    assert not window.document.save()
    assert saved == [] and window.isWindowModified()
    assert len(failures) == 1 and expected in failures[0]
    assert (
        failures[0].startswith("Could not save x.playground") and "Nothing was saved" in failures[0]
    )


def test_closing_with_an_unsaveable_experiment_asks_and_keeps_it_when_the_save_fails(
    window: MainWindow, prompts: Prompts, tmp_path: Path
) -> None:
    _broken_and_modified(window)
    autosave_reports: list[str] = []
    window.document.autosave.failed.connect(autosave_reports.append)
    prompts.save_choice = SaveChoice.SAVE
    prompts.save_path = str(tmp_path / "x.playground")
    assert not window.close()  # the save failed: the window and the work stay
    assert prompts.asked == ["save changes", "save path"]
    assert window.isVisible() and window.isWindowModified()
    assert list(tmp_path.iterdir()) == []
    # The autosave on the way out failed too, and said so instead of pretending.
    assert len(autosave_reports) == 1
    assert autosave_reports[0].startswith("Could not save the autosave: the name of the experiment")
    prompts.save_choice = SaveChoice.DISCARD
    assert window.close()  # asked again; discarding is the user's own choice
    assert prompts.asked.count("save changes") == 2


def test_closing_asks_even_when_the_autosave_breaks_unexpectedly(
    window: MainWindow, prompts: Prompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_write(*_args: object, **_kwargs: object) -> Path:
        raise RuntimeError("a bug in the autosave")

    monkeypatch.setattr(AutosaveSlot, "write", broken_write)
    window.training_panel.learning_rate.setValue(0.05)
    prompts.save_choice = SaveChoice.CANCEL
    assert not window.close()
    assert prompts.asked == ["save changes"]
    assert window.isVisible() and window.document.autosave.dirty  # still waiting to be autosaved


def test_an_error_while_closing_keeps_the_window_open(window: MainWindow) -> None:
    window.training_panel.learning_rate.setValue(0.06)

    def broken_closing() -> bool:
        raise RuntimeError("a bug on the way out")

    window.document.closing = broken_closing  # type: ignore[method-assign]
    try:
        # In the app the error hook words it; here PySide hands it to the caller.
        with pytest.raises(RuntimeError, match="a bug on the way out"):
            window.close()
        assert window.isVisible() and window.isWindowModified()
    finally:
        del window.document.closing


def test_a_failing_autosave_is_reported_once_and_retried(
    window: MainWindow, prompts: Prompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports: list[str] = []
    autosave = window.document.autosave
    autosave.failed.connect(reports.append)
    window.training_panel.learning_rate.setValue(0.07)
    real_write = AutosaveSlot.write

    def full_disk(*_args: object, **_kwargs: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(AutosaveSlot, "write", full_disk)
    assert not autosave.save_if_changed()
    assert not autosave.save_if_changed()
    assert len(reports) == 1 and "the disk is full" in reports[0]
    assert "Save the experiment yourself" in reports[0]
    assert autosave.dirty
    monkeypatch.setattr(AutosaveSlot, "write", real_write)
    assert autosave.save_if_changed()  # space again: the next tick writes it
    assert autosave.slot.path.is_file() and not autosave.dirty


def test_json_save_of_an_unstorable_name_fails_the_same_way(
    window: MainWindow, prompts: Prompts, tmp_path: Path
) -> None:
    _broken_and_modified(window)
    failures = _failures(window)
    prompts.save_path = str(tmp_path / "settings.json")
    assert not window.document.save_as()
    assert list(tmp_path.iterdir()) == []
    assert len(failures) == 1 and "cannot be stored" in failures[0]
    assert window.isWindowModified()


def test_core_writer_names_the_unstorable_text(tmp_path: Path) -> None:
    from playground.core.io.save_errors import SaveError
    from playground.core.spec.experiment import CsvData

    # An undecodable file name reaches Python as a lone surrogate (os.fsdecode).
    data = CsvData(path="/data/table.csv", features=["a"], target="b")
    data = data.model_copy(update={"path": "/data/\udcff.csv"})
    broken_path = load_preset("spiral").model_copy(update={"data": data})
    with pytest.raises(SaveError, match=r"file path of the experiment \('data.path'\)"):
        save_experiment_file(tmp_path / "x.playground", broken_path)
    assert list(tmp_path.iterdir()) == []
