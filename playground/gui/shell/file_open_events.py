"""Documents the desktop hands over while the app runs (macOS Finder, double-clicks).

On Windows and Linux a double-clicked ``.playground`` file arrives as the first
command-line argument. macOS starts the app without arguments and sends a
``QFileOpenEvent`` instead, both for the file that launched it (this event can
come before the window exists) and for every file opened later while it runs.
:class:`FileOpenRelay` catches those events on the application object, keeps
the paths that come too early, and hands each one to the window once it is
there, through the same path as File ▸ Open Recent (unsaved work is offered for
saving first).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenRelay(QObject):
    """Turns the application's file-open events into calls of one ``open_file`` function."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_file: Callable[[str], object] | None = None
        self.pending: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take file-open events; every other event goes on as usual."""
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file() or event.url().toLocalFile()
            if path:
                self._deliver(path)
            return True
        return super().eventFilter(watched, event)

    def connect_to(self, open_file: Callable[[str], object]) -> None:
        """Open files with ``open_file`` from now on, starting with those that came early."""
        self._open_file = open_file
        early, self.pending = self.pending, []
        for path in early:
            open_file(path)

    def _deliver(self, path: str) -> None:
        if self._open_file is None:
            self.pending.append(path)
        else:
            self._open_file(path)
