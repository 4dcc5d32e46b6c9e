"""Documents the desktop hands over while the app runs (macOS Finder, double-clicks).

On Windows and Linux a double-clicked ``.playground`` file arrives as the first
command-line argument. macOS starts the app without arguments and sends a
``QFileOpenEvent`` instead, both for the file that launched it (this event can
come before the window exists) and for every file opened later while it runs.
:class:`FileOpenRelay` catches those events on the application object, keeps
the paths that come too early, and hands each one to the window once it is
there, through the same path as File ▸ Open Recent (unsaved work is offered for
saving first).

The app's own application object (:class:`PlaygroundApplication`) takes those events in
its ``event()``. An event filter on the application object would see every event of
every widget instead (about 30,000 while the window is built, and every repaint while
training), each one a call into Python.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication


class FileOpenRelay(QObject):
    """Turns the application's file-open events into calls of one ``open_file`` function."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_file: Callable[[str], object] | None = None
        self.pending: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take file-open events; every other event goes on as usual."""
        return self.take(event) or super().eventFilter(watched, event)

    def take(self, event: QEvent) -> bool:
        """Keep or hand over the file of a file-open event; False for any other event."""
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = event.file() or event.url().toLocalFile()
        if path:
            self._deliver(path)
        return True

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


class PlaygroundApplication(QApplication):
    """The app's application object; it takes the desktop's file-open events itself."""

    def __init__(self, arguments: list[str]) -> None:
        super().__init__(arguments)
        self.file_events = FileOpenRelay()  # no parent: it lives as long as the application

    def event(self, event: QEvent) -> bool:
        relay = getattr(self, "file_events", None)  # events come while Qt sets up, too
        return (relay is not None and relay.take(event)) or super().event(event)
