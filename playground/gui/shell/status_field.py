"""A status bar field that can give up room: shortened with "…" rather than widen the window.

A QLabel asks for its whole text as its minimum width. With six fields and a
projector's font (24 points on a 1024×768 screen) the status bar then asks for
more than the screen, and the window grows past it. A ``squeezable`` field
still asks for its whole text, so it is shown whole whenever there is room,
but it can be squeezed to a few characters; it then draws its text shortened
with an ellipsis (:meth:`QLabel.text` keeps the whole text).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

SHORTEST = "000…"  # the width a squeezed field keeps: a few characters and the ellipsis


class StatusField(QLabel):
    """One line of text; a ``squeezable`` one is shortened with "…" when the bar is short of room."""

    def __init__(self, parent: QWidget | None = None, *, squeezable: bool = False) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._squeezable = squeezable

    def whole_width(self) -> int:
        """The width that shows the whole text (padding included)."""
        return self.sizeHint().width()

    def minimumSizeHint(self) -> QSize:
        whole = super().minimumSizeHint()
        if not self._squeezable:
            return whole
        margins = self.contentsMargins()
        shortest = self.fontMetrics().horizontalAdvance(SHORTEST) + margins.left() + margins.right()
        return QSize(min(whole.width(), shortest), whole.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        if self.fontMetrics().horizontalAdvance(self.text()) <= rect.width():
            super().paintEvent(event)
            return
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter = QPainter(self)
        self.style().drawItemText(
            painter, rect, int(self.alignment()), self.palette(), self.isEnabled(), shown,
            self.foregroundRole(),
        )  # fmt: skip
