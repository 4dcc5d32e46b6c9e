"""At start the app reopens the last experiment; a file it cannot read (damaged, hostile,
a pipe) never stops the app from starting: it says why and opens an example instead."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from playground.core.spec.presets import load_preset, preset_names
from playground.gui.shell import app
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.run.shutdown(10)


def _start(window: MainWindow, last: Path) -> bool:
    args = argparse.Namespace(preset=None, experiment=None)
    return app._open_start_experiment(window, args, str(last), scripted=False)


def _messages(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def _hostile_files(folder: Path) -> Iterator[Path]:
    deep = folder / "deep.playground"
    nested = "[" * 5000 + "]" * 5000
    deep.write_bytes(b"PK\x03\x04" + nested.encode())
    yield deep
    nesting = folder / "nesting.json"
    nesting.write_text('{"name": ' + nested + "}", encoding="utf-8")
    yield nesting
    loop = folder / "loop.playground"
    loop.symlink_to(loop)
    yield loop
    if hasattr(os, "mkfifo"):
        fifo = folder / "pipe.playground"
        os.mkfifo(fifo)
        yield fifo


def test_an_unreadable_last_experiment_opens_an_example_and_says_why(
    window: MainWindow, tmp_path: Path
) -> None:
    first = load_preset(preset_names()[0])
    for last in _hostile_files(tmp_path):
        assert _start(window, last), last.name
        assert window.current_experiment().name == first.name
        texts = _messages(window)
        assert any(last.name in text and text.endswith(".") for text in texts), texts
        for box in window.findChildren(QMessageBox):
            box.close()


def test_an_unexpected_reader_failure_still_lets_the_app_start(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    last = tmp_path / "odd.playground"
    last.write_bytes(b"anything")

    def broken_reader(_path: object) -> None:
        raise AttributeError("a bug in a reader")

    monkeypatch.setattr(
        "playground.gui.document.experiment_files.read_experiment_file", broken_reader
    )
    assert _start(window, last)
    assert any("odd.playground" in text for text in _messages(window))


def test_a_missing_last_experiment_opens_an_example_silently(
    window: MainWindow, tmp_path: Path
) -> None:
    assert _start(window, tmp_path / "gone.playground")
    assert _messages(window) == []


def test_a_window_built_as_the_app_builds_it_opens_what_the_start_asks_for(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = MainWindow(AppSettings(), open_starter=False)  # as app._run_window builds it
    qtbot.addWidget(win)
    assert win.data_panel.dataset is None  # nothing loaded twice at start
    assert _start(win, tmp_path / "gone.playground")
    first = load_preset(preset_names()[0])
    assert win.current_experiment().name == first.name and win.data_panel.dataset is not None
    # Without any example installed, the start shows the starter experiment.
    bare = MainWindow(AppSettings(), open_starter=False)
    qtbot.addWidget(bare)
    monkeypatch.setattr(app, "preset_names", lambda: [])
    assert _start(bare, tmp_path / "gone.playground")
    starter = MainWindow(AppSettings())
    qtbot.addWidget(starter)
    assert bare.current_experiment() == starter.current_experiment()
    assert bare.data_panel.dataset is not None
    for shown in (win, bare, starter):
        shown.run.shutdown(10)
