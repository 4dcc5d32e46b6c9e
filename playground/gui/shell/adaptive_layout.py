"""The side panels follow the window's width until the user arranges them by hand.

A window that starts at 1280 pixels and is then maximized on a 1920-pixel
screen should show its panels side by side, and go back to the tabbed column
when it is made narrow again; but a layout the user made (a panel dragged,
floated or tabbed elsewhere) is theirs and is never undone behind their back.
So the layout remembers where it put the panels: while they are still there,
crossing :data:`~playground.gui.shell.panel_layout.WIDE_LAYOUT_WIDTH` lays
them out again; once they moved, only View ▸ Reset Layout does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

from playground.gui.shell.panel_layout import (
    WIDE_LAYOUT_WIDTH,
    arrange_docks,
    arrangement,
    planned_arrangement,
)


class AdaptivePanelLayout(QObject):
    """Arranges ``docks`` (data, model, network, training) for the width of ``window``.

    ``paused`` says when the window must be left alone (presentation mode hides the
    panels and goes full screen; that is not a new layout). ``extra_docks`` are put
    back in their usual places, hidden, by :meth:`reset` (the Runs panel, the log).
    """

    def __init__(
        self,
        window: QMainWindow,
        docks: Sequence[QDockWidget],
        *,
        paused: Callable[[], bool] = lambda: False,
        extra_docks: Sequence[tuple[QDockWidget, Qt.DockWidgetArea]] = (),
    ) -> None:
        super().__init__(window)
        self.window = window
        self.docks = tuple(docks)
        self.extra_docks = tuple(extra_docks)
        self._paused = paused
        self._wide: bool | None = None  # the layout last applied; None before the first
        self._custom = False  # the user's own layout, restored from the settings
        self._pending = False
        window.installEventFilter(self)

    @property
    def wide(self) -> bool | None:
        """Whether the side-by-side layout is the one applied (None before any)."""
        return self._wide

    @property
    def automatic(self) -> bool:
        """Whether the panels are where this layout put them (so it may move them again)."""
        if self._wide is None or self._custom:
            return False
        return arrangement(self.window, self.docks) == planned_arrangement(self.docks, self._wide)

    def arrange(self, width: int | None = None, *, show_all: bool = True) -> None:
        """Lay the panels out for ``width`` (the window's own width by default)."""
        width = self.window.width() if width is None else width
        arrange_docks(self.window, self.docks, width, show_all=show_all)
        self._wide = width >= WIDE_LAYOUT_WIDTH
        self._custom = False

    def keep_custom(self) -> None:
        """The panels are in a layout the user made (restored from the settings): keep it."""
        self._custom = True

    def reset(self) -> None:
        """View ▸ Reset Layout: every panel back in its usual place, and shown."""
        for dock, area in self.extra_docks:
            dock.setFloating(False)
            self.window.addDockWidget(area, dock)
            dock.hide()
        self.arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Lay the panels out again (soon, not inside the resize) when the width crossed."""
        if watched is self.window and event.type() == QEvent.Type.Resize and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._follow_width)
        return False

    def _follow_width(self) -> None:
        self._pending = False
        if self._paused() or not self.automatic:
            return
        if (self.window.width() >= WIDE_LAYOUT_WIDTH) != self._wide:
            self.arrange(show_all=False)
