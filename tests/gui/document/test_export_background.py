"""Long exports run off the GUI thread with a busy dialog; dialogs start in the last folder."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from playground.core.export import ExportError
from playground.gui.document import export_commands, file_prompts
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings, load_settings, save_settings

SLOW_S = 1.0


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    monkeypatch.setattr(
        file_prompts, "ask_save_changes", lambda *_: file_prompts.SaveChoice.DISCARD
    )
    assert win.open_preset("xor")
    yield win
    win.run.shutdown(10)


def _answer_with(monkeypatch: pytest.MonkeyPatch, folder: Path, name: str) -> list[Path]:
    """Answer every save dialog with ``folder / name``; returns the folders each one started in."""
    starts: list[Path] = []

    def choose(_parent: object, _title: str, start: Path, _filter: str) -> str:
        starts.append(Path(start).parent)
        return str(folder / name)

    monkeypatch.setattr(file_prompts, "choose_save_path", choose)
    return starts


def test_a_slow_export_keeps_the_window_responsive_and_shows_it_is_busy(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_with(monkeypatch, tmp_path, "model.onnx")
    seen: dict[str, object] = {}

    def slow_export(_experiment: object, kind: str, path: Path, **_options: object) -> list[str]:
        seen["thread"] = threading.current_thread()
        time.sleep(SLOW_S)  # what the first ONNX export costs
        path.write_bytes(b"onnx")
        return []

    monkeypatch.setattr(export_commands, "export_experiment", slow_export)
    ticks: list[float] = []
    busy: list[bool] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.timeout.connect(
        lambda: busy.append(
            any(d.isVisible() for d in window.findChildren(QProgressDialog, "busyDialog"))
        )
    )
    timer.start()
    path = window.document.exports.export_model("onnx")
    timer.stop()
    assert path == tmp_path / "model.onnx" and path.read_bytes() == b"onnx"
    assert seen["thread"] is not threading.main_thread()  # not in the GUI thread
    assert len(ticks) >= 10  # the event loop kept running: the window repaints meanwhile
    assert any(busy)  # a busy dialog was shown while it ran
    QApplication.processEvents()
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog, "busyDialog"))
    message = window.status.currentMessage()
    assert "ONNX model" in message and "onnx model" not in message


def test_an_export_error_in_the_background_is_told_in_words(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_with(monkeypatch, tmp_path, "model.pt")

    def failing(*_args: object, **_options: object) -> list[str]:
        raise ExportError("this model cannot be scripted")

    monkeypatch.setattr(export_commands, "export_experiment", failing)
    assert window.document.exports.export_model("torchscript") is None
    message = window.status.currentMessage()
    assert "TorchScript model could not be exported" in message
    assert "this model cannot be scripted" in message


def test_export_dialogs_start_in_the_folder_used_last_even_after_a_restart(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    starts = _answer_with(monkeypatch, folder, "model.py")
    assert window.document.exports.export_model("script") == folder / "model.py"
    assert window.document.exports.export_model("weights") is not None
    assert starts[1] == folder  # the second dialog starts where the first one saved
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    save_settings(window.settings, store)
    again = load_settings(store)
    assert again.export_folder == str(folder)
    # A remembered folder that is gone falls back to the home folder.
    settings = AppSettings(export_folder=str(tmp_path / "gone"))
    commands = export_commands.ExportCommands(
        window,
        experiment=window.current_experiment,
        weights=lambda: None,
        engine=lambda: None,
        plot_items=dict,
        inform=lambda _text: None,
        settings=settings,
    )
    assert commands.folder == Path.home()


def test_plot_pictures_start_in_the_folder_used_last_and_set_it(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    models = tmp_path / "models"
    pictures = tmp_path / "pictures"
    models.mkdir()
    pictures.mkdir()
    _answer_with(monkeypatch, models, "model.py")
    assert window.document.exports.export_model("script") == models / "model.py"
    folder_starts: list[Path] = []

    def choose_folder(_parent: object, _title: str, start: Path) -> str:
        folder_starts.append(Path(start))
        return str(pictures)

    monkeypatch.setattr(file_prompts, "choose_folder", choose_folder)
    monkeypatch.setattr(file_prompts, "ask_picture_size", lambda _p, _k, size: size)
    window.document.exports.export_plots("png")
    assert folder_starts == [models]  # where the model was saved
    assert any(pictures.glob("*.png"))
    starts = _answer_with(monkeypatch, tmp_path, "again.py")
    window.document.exports.export_model("script")
    assert starts == [pictures]  # and the next dialog starts where the pictures went
