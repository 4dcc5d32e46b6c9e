"""GUI test fixtures: the app speaks English as it does for users (its plural forms
installed), and every QThread a test starts must be finished when the test ends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread

from playground.gui.shell.language import install_language

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
