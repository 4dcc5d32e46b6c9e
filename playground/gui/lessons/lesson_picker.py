"""Help ▸ Lessons: every shipped lesson by course unit, in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.lessons.library import LessonEntry
from playground.core.messages.texts import text
from playground.gui.lessons.language import ui_language


class LessonPicker(QDialog):
    """A list of lessons; :attr:`chosen` is the one the user opened (or None)."""

    def __init__(self, entries: list[LessonEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lessons"))
        self.chosen: LessonEntry | None = None
        self._entries = entries
        language = ui_language()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for entry in entries:
            lesson = entry.lesson
            title, summary = lesson.title.text(language), lesson.summary.text(language)
            item = QListWidgetItem(f"{text(lesson.unit)} · {title}\n{summary}")
            item.setData(Qt.ItemDataRole.UserRole, lesson.id)
            self.list.addItem(item)
        if entries:
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each lesson opens beside the app, step by step.")))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _accept(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._entries):
            self.chosen = self._entries[row]
            self.accept()
