"""A one-line note under a plot that shortens itself with "…" rather than taking the plot's room.

In a narrow column at a projector's font size a wrapped note grows to several
lines and squeezes the plot above it; this label keeps one line, ends it with
an ellipsis when it does not fit, and shows the whole text as its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """One line of ``full_text``, elided to the label's width; the tooltip holds all of it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str, tooltip: str | None = None) -> None:
        """Show ``text`` on one line (``tooltip``, or the text itself, when hovered)."""
        self._full = text
        self.setToolTip(tooltip if tooltip is not None else text)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), 1)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))
