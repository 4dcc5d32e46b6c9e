"""The lesson panel: one step's text beside the app, with Back and Next.

It only shows and asks: the :class:`~playground.gui.lessons.lesson_controller.LessonController`
applies what a step says (its experiment, tool, hidden and locked controls) and
tells the panel how the goal stands.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from playground.core.lessons.model import Lesson, LessonStep
from playground.core.messages.texts import text
from playground.gui.lessons.language import ui_language


class LessonPanel(QWidget):
    """Shows a lesson step by step; emits what the user asks for."""

    step_requested = Signal(int)
    tool_requested = Signal(str)
    timing_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson: Lesson | None = None
        self.index = 0
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setObjectName("lessonTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.counter = QLabel()
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.goal = QLabel()
        self.goal.setWordWrap(True)
        self.goal.setObjectName("lessonGoal")
        self.tool_button = QPushButton()
        self.timing_button = QPushButton(self.tr("Time one step on every device"))
        self.timing_result = QLabel()
        self.timing_result.setWordWrap(True)
        self.timing_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back = QPushButton(self.tr("◀ Back"))
        self.next = QPushButton(self.tr("Next ▶"))
        self.finish = QPushButton(self.tr("End lesson"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        ending = QHBoxLayout()
        ending.addStretch(1)
        ending.addWidget(self.finish)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.counter)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.goal)
        layout.addWidget(self.tool_button)
        layout.addWidget(self.timing_button)
        layout.addWidget(self.timing_result)
        layout.addLayout(buttons)
        layout.addLayout(ending)

        self.back.clicked.connect(lambda: self.step_requested.emit(self.index - 1))
        self.next.clicked.connect(lambda: self.step_requested.emit(self.index + 1))
        self.finish.clicked.connect(self.close_requested.emit)
        self.tool_button.clicked.connect(self._ask_tool)
        self.timing_button.clicked.connect(self.timing_requested.emit)
        self.show_lesson(None)

    @property
    def step(self) -> LessonStep | None:
        if self.lesson is None:
            return None
        return self.lesson.steps[self.index]

    def show_lesson(self, lesson: Lesson | None, index: int = 0) -> None:
        """Show ``lesson`` at step ``index`` (nothing when ``lesson`` is None)."""
        self.lesson = lesson
        self.index = 0 if lesson is None else max(0, min(index, len(lesson.steps) - 1))
        language = ui_language()
        if lesson is None:
            self.title.setText(_title_html(self.tr("No lesson open")))
            self.counter.setText("")
            self.text.setPlainText(self.tr("Open one with Help ▸ Lessons."))
        else:
            self.title.setText(_title_html(lesson.title.text(language)))
            self.counter.setText(
                self.tr("Step %1 of %2 · %3")
                .replace("%1", str(self.index + 1))
                .replace("%2", str(len(lesson.steps)))
                .replace("%3", text(lesson.unit))
            )
            self.text.setPlainText(lesson.steps[self.index].text.text(language))
        step = self.step
        self.back.setEnabled(lesson is not None and self.index > 0)
        self.next.setEnabled(lesson is not None and self.index < len(lesson.steps) - 1)
        self.finish.setEnabled(lesson is not None)
        tool = step.tool if step is not None else None
        self.tool_button.setVisible(tool is not None)
        if tool == "lab":
            self.tool_button.setText(self.tr("Open the autograd lab"))
        elif tool == "landscape":
            self.tool_button.setText(self.tr("Open the loss landscape"))
        self.timing_button.setVisible(step is not None and step.device_timing)
        self.timing_result.setText("")
        self.timing_result.setVisible(False)
        self.set_goal_text("")

    def set_goal_text(self, text: str, reached: bool = False) -> None:
        """The goal line: what to reach, or that it is reached."""
        self.goal.setVisible(bool(text))
        self.goal.setText(("✔ " if reached else "") + text)
        self.goal.setProperty("reached", reached)

    def set_timing_text(self, text: str) -> None:
        self.timing_result.setText(text)
        self.timing_result.setVisible(bool(text))

    def _ask_tool(self) -> None:
        step = self.step
        if step is not None and step.tool is not None:
            self.tool_requested.emit(step.tool)


def _title_html(text: str) -> str:
    """The title a step larger than the text, at every font size (lesson text is escaped)."""
    return f"<b><big>{html.escape(text)}</big></b>"
