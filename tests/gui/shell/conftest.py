"""The main window most shell tests start from: shown at 1280×800 with a preset open.

Questions the window would ask (discard trained weights, save changes) are answered
yes/discard. A test module picks another preset by defining ``window_preset``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from playground.gui.document import file_prompts
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings


@pytest.fixture
def window_preset() -> str:
    return "spiral"


@pytest.fixture
def window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window_preset: str
) -> Iterator[MainWindow]:
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    # Discarding trained weights or unsaved changes would ask; tests answer yes.
    monkeypatch.setattr(win, "confirm_discard", lambda: True)
    monkeypatch.setattr(
        file_prompts, "ask_save_changes", lambda *_: file_prompts.SaveChoice.DISCARD
    )
    assert win.open_preset(window_preset)
    yield win
    win.run.shutdown(10)
