"""The problem sentence of a data dialog: shown whole, wrapped and scrollable, never one clipped line.

A bad cell's message names the file, the row, the column and the value; a
row of the wrong width also says what to do. Such a sentence may run to
several lines at a large font, so it sits in a scroll area that grows to a
few lines and scrolls beyond that, instead of a label squeezed to one line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

#: How many lines of text the banner shows before it scrolls.
SHOWN_LINES = 6


class DialogBanner(QScrollArea):
    """A hidden-when-empty, word-wrapped problem label (``label``) in a scroll area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("problemBanner")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVisible(False)

    def show_text(self, text: str) -> None:
        """Show ``text`` (hide the banner when it is empty), tall enough for it up to a limit."""
        self.label.setText(text)
        self.setVisible(bool(text))
        if text:
            lines = self.label.fontMetrics().lineSpacing()
            width = max(self.viewport().width(), 200)
            needed = self.label.heightForWidth(width)
            self.setFixedHeight(min(max(needed, lines * 2), lines * SHOWN_LINES) + 4)
