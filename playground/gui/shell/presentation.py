"""View ▸ Presentation (F11): full screen, large text, only the panels a class needs.

Entering remembers the window's layout, geometry and font size; leaving puts
them back exactly, so presenting never changes the user's settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDockWidget

#: Text size in presentation mode (points): readable from the back of a classroom.
PRESENTATION_FONT_SIZE = 22


class PresentingWindow(Protocol):
    """What presentation mode needs of the main window."""

    data_dock: QDockWidget
    model_dock: QDockWidget
    network_dock: QDockWidget
    training_dock: QDockWidget

    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...
    def resizeDocks(
        self, docks: list[QDockWidget], sizes: list[int], orientation: Qt.Orientation
    ) -> None: ...
    def width(self) -> int: ...

    def saveState(self) -> QByteArray: ...
    def restoreState(self, state: QByteArray) -> bool: ...
    def saveGeometry(self) -> QByteArray: ...
    def restoreGeometry(self, geometry: QByteArray) -> bool: ...
    def isFullScreen(self) -> bool: ...
    def isMaximized(self) -> bool: ...
    def showFullScreen(self) -> None: ...
    def showNormal(self) -> None: ...
    def showMaximized(self) -> None: ...
    def font_size(self) -> int: ...
    def set_font_size(self, size: int, *, remember: bool = True) -> None: ...


@dataclass
class _Saved:
    state: QByteArray
    geometry: QByteArray
    font_size: int
    maximized: bool


class PresentationMode:
    """Switches a window into and out of presentation mode."""

    def __init__(self, window: PresentingWindow, lesson_dock: QDockWidget | None = None) -> None:
        self.window = window
        self.lesson_dock = lesson_dock
        self._saved: _Saved | None = None

    @property
    def active(self) -> bool:
        return self._saved is not None

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        window = self.window
        if self._saved is not None:
            return
        self._saved = _Saved(
            window.saveState(), window.saveGeometry(), window.font_size(), window.isMaximized()
        )
        # The side panels are for building; a class watches the plots and the lesson, and
        # trains from the toolbar. At 22 pt the panels' forms would make the window wider
        # than a 1024-pixel projector.
        for dock in (
            window.data_dock,
            window.model_dock,
            window.network_dock,
            window.training_dock,
        ):
            dock.hide()
        window.set_font_size(max(PRESENTATION_FONT_SIZE, window.font_size()), remember=False)
        lesson = self.lesson_dock
        if lesson is not None and lesson.isVisibleTo(lesson.parentWidget()):
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, lesson)
            lesson.show()
        window.showFullScreen()
        if lesson is not None and lesson.isVisible():
            window.resizeDocks([lesson], [window.width() * 2 // 5], Qt.Orientation.Horizontal)

    def leave(self) -> None:
        saved, self._saved = self._saved, None
        if saved is None:
            return
        window = self.window
        window.set_font_size(saved.font_size, remember=False)
        window.showNormal()
        window.restoreGeometry(saved.geometry)
        window.restoreState(saved.state)
        if saved.maximized:
            window.showMaximized()
