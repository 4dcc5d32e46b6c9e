"""GUI test fixtures: the app speaks English as it does for users (its plural forms
installed), garbage is collected in the GUI thread only, as the app does, every
QThread a test starts must be finished when the test ends, and
the main window most window tests start from (``window``: shown at 1280×800 with
a preset open, questions answered yes/discard; a module picks another preset by
defining ``window_preset``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from playground.gui.document import file_prompts
from playground.gui.shell.gui_collector import GuiThreadCollector
from playground.gui.shell.language import install_language
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings

_started: list[QThread] = []
_original_start = QThread.start


def _recording_start(self: QThread, *args: object) -> None:
    _started.append(self)
    _original_start(self, *args)


@pytest.fixture(scope="session", autouse=True)
def _english_interface(qapp: object) -> None:
    """English with its plural forms ("1 step/s"), as the app installs it at start.

    Installed once for the whole session, so a test that switches to Chinese and
    back (which installs English again) leaves the same translators behind.
    """
    install_language("en")


@pytest.fixture(scope="session")
def _gui_collector(qapp: object) -> GuiThreadCollector:
    return GuiThreadCollector()


@pytest.fixture(autouse=True)
def _collect_in_gui_thread(_gui_collector: GuiThreadCollector) -> Iterator[None]:
    """As in the app: no collection in a worker thread, where it would delete Qt objects."""
    _gui_collector.start()
    yield
    _gui_collector.stop()


@pytest.fixture(autouse=True)
def _no_dangling_qthreads(qapp: object) -> Iterator[None]:
    """Fail a test that leaves a QThread running (as napari's test suite does)."""
    QThread.start = _recording_start  # type: ignore[method-assign]
    _started.clear()
    yield
    QThread.start = _original_start  # type: ignore[method-assign]
    running = []
    for thread in _started:
        try:
            if thread.isRunning():
                running.append(thread)
        except RuntimeError:  # the C++ object is already deleted: it is not running
            continue
    _started.clear()
    if running:
        for thread in running:
            thread.quit()
            thread.wait(5000)
        pytest.fail(f"{len(running)} QThread(s) were still running at the end of the test")


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


@pytest.fixture(params=["thread", "process"])
def runner(request: pytest.FixtureRequest, window: MainWindow, qtbot: QtBot) -> str:
    """Where ``window``'s runs train: a thread of the test process, or a warm training child.

    Most GUI tests keep the thread (``PLAYGROUND_TRAINING=thread``, set for the tests);
    the key run-control tests take this fixture and run on both paths, as the app's
    own runs take the process path.
    """
    if request.param == "process":
        processes = window.run.processes
        processes.enabled = True
        processes.warm_up()
        qtbot.waitUntil(processes.pool.has_warm_child, timeout=60_000)
    return str(request.param)
