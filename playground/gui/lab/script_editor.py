"""The lab's script editor: monospace text with line numbers and the refused line marked.

Line numbers matter because the core reports problems by line
(``LabProblem.line``); the editor marks that line from the number alone and
never reads the sentence. Replacing the text with an example goes through the
document's undo stack, so Ctrl+Z brings the teacher's own script back.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget

from playground.gui.lab.lab_colors import mix

_PROBLEM = QColor("#D55E00")  # Okabe–Ito vermilion, mixed into the base colour


class _LineNumbers(QWidget):
    """The gutter left of the text; painted by the editor, which knows the blocks."""

    def __init__(self, editor: ScriptEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self._editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._editor.paint_line_numbers(event)


class ScriptEditor(QPlainTextEdit):
    """A plain-text editor for lab scripts that can mark one line as the problem.

    Ctrl+Enter asks for a run (:attr:`run_requested`) from inside the editor
    too: a text editor takes Return for itself, so a window shortcut alone may
    never see it while the teacher is typing.
    """

    run_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        app_size = QApplication.font().pointSizeF()
        font.setPointSizeF(app_size if app_size > 0 else 10.0)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(False)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self._gutter = _LineNumbers(self)
        self._problem_line = 0
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._scroll_gutter)
        self.textChanged.connect(self.clear_problem)
        self._update_margin()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.run_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # ---- text ---------------------------------------------------------------------------

    def replace_text(self, text: str) -> None:
        """Put ``text`` in place of the whole script as one undoable edit."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    # ---- the problem line ---------------------------------------------------------------

    @property
    def problem_line(self) -> int:
        """The marked line (1-based), or 0 when no line is marked."""
        return self._problem_line

    def mark_problem(self, line: int) -> None:
        """Colour line ``line`` (1-based) and show it; 0 or a line past the end marks none."""
        self._problem_line = line if 1 <= line <= self.blockCount() else 0
        selections: list[QTextEdit.ExtraSelection] = []
        if self._problem_line:
            block = self.document().findBlockByNumber(self._problem_line - 1)
            selection = QTextEdit.ExtraSelection()
            base = self.palette().color(QPalette.ColorRole.Base)
            selection.format.setBackground(mix(_PROBLEM, base, 0.28))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(block)
            selections.append(selection)
            self.setTextCursor(QTextCursor(block))
            self.ensureCursorVisible()
        self.setExtraSelections(selections)
        self._gutter.update()

    def clear_problem(self) -> None:
        if self._problem_line:
            self._problem_line = 0
            self.setExtraSelections([])
            self._gutter.update()

    # ---- the gutter ---------------------------------------------------------------------

    def gutter_width(self) -> int:
        digits = max(2, len(str(self.blockCount())))
        return 14 + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_margin(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        inner = self.contentsRect()
        self._gutter.setGeometry(
            QRect(inner.left(), inner.top(), self.gutter_width(), inner.height())
        )

    def paint_line_numbers(self, event: QPaintEvent) -> None:
        painter = QPainter(self._gutter)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        painter.fillRect(event.rect(), mix(text, base, 0.06))
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        bold = QFont(self.font())
        bold.setBold(True)
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                marked = number + 1 == self._problem_line
                painter.setFont(bold if marked else self.font())
                painter.setPen(_PROBLEM if marked else mix(text, base, 0.55))
                painter.drawText(
                    0,
                    top,
                    self._gutter.width() - 6,
                    height,
                    Qt.AlignmentFlag.AlignRight,
                    str(number + 1),
                )
            block = block.next()
            top = bottom
            number += 1
        painter.end()
