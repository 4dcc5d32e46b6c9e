"""Space plays and pauses wherever the focus is, except in a field that is being typed in.

A window-wide Space shortcut alone is not enough: a focused list takes Space
for itself (so nothing happens), and a focused spin box lets the shortcut
through after selecting its text, which a stray Space then blanks (Epochs
5000 became empty). This filter decides once, at the focused widget: text
fields keep Space (it types a space), number fields ignore it, everything
else in the window toggles training.

The filter sits on the focused widget alone and moves with the focus. On the
application object it would see every event of every widget (thousands while the
window is built, every repaint while training), each one a call into Python.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def _number_field(widget: QWidget) -> bool:
    """A spin box, or the line edit inside one: Space means nothing there."""
    parent = widget.parentWidget()
    return isinstance(widget, QAbstractSpinBox) or isinstance(parent, QAbstractSpinBox)


def _text_field(widget: QWidget) -> bool:
    """A field a person types words into, where Space is a character."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()


class SpaceKey(QObject):
    """Sends Space to ``action`` (Train/Pause) unless an editable field has the focus."""

    def __init__(self, window: QWidget, action: QAction) -> None:
        super().__init__(window)
        self._window = window
        self._action = action
        self._watched: QWidget | None = None  # the focused widget of this window, if any
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)
            self._follow_focus(None, QApplication.focusWidget())

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Watch the newly focused widget when it is in this window (and no other)."""
        if self._watched is not None and isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = None
        if new is not None and isValid(self._window) and new.window() is self._window:
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent) or event.key() != Qt.Key.Key_Space:
            return False
        if event.modifiers() not in _PLAIN or event.isAutoRepeat():
            return False
        focus = QApplication.focusWidget()
        if focus is None or watched is not focus or focus.window() is not self._window:
            return False  # each key once, at the focused widget of this window
        if _text_field(focus) and not _number_field(focus):
            return False  # a space typed into a name or a description
        if kind == QEvent.Type.ShortcutOverride:
            # Claim the key so the window's shortcut does not fire as well; the key
            # press that follows is handled below.
            event.accept()
            return True
        if not _number_field(focus) and self._action.isVisible() and self._action.isEnabled():
            self._action.trigger()
        event.accept()
        return True
