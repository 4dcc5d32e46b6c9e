"""Lessons in the main window: the lesson dock, Help ▸ Lessons, and the window's side of
the controller (opening presets, starting weights, tools, controls, status)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import torch
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from playground.core.lessons.library import LessonEntry, LessonError, list_lessons
from playground.core.spec.experiment import Experiment
from playground.gui.lessons.controls import lesson_controls
from playground.gui.lessons.lesson_controller import LessonController
from playground.gui.lessons.lesson_panel import LessonPanel
from playground.gui.shell.panel_layout import WIDE_LAYOUT_WIDTH

if TYPE_CHECKING:
    from playground.gui.shell.main_window import MainWindow

#: Opens a tool window (``"lab"``, ``"landscape"``) with an optional lab example.
ToolOpener = Callable[[str | None], None]


class WindowLessonHost:
    """What a lesson needs from the window, in one place."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.tools: dict[str, ToolOpener] = {}

    def open_lesson_preset(self, name: str) -> bool:
        return self.window.open_preset(name)

    def set_start_weights(self, weights: dict[str, torch.Tensor] | None) -> None:
        self.window.run.start_weights = weights

    def open_tool(self, tool: str, example: str | None) -> None:
        opener = self.tools.get(tool)
        if opener is None:
            self.show_status(
                QCoreApplication.translate("Lessons", "This tool is not available in this version.")
            )
            return
        opener(example)

    def lesson_control_widgets(self) -> dict[str, QWidget]:
        return lesson_controls(self.window)

    def command_ids(self) -> set[str]:
        return set(self.window.commands.ids())

    def set_command(self, command_id: str, *, hidden: bool, locked: bool) -> None:
        self.window.commands.set_hidden(command_id, hidden)
        self.window.commands.set_locked(command_id, locked)

    def current_experiment(self) -> Experiment:
        return self.window.model.experiment

    def show_status(self, text: str) -> None:
        self.window.status.showMessage(text, 10_000)


class Lessons(QObject):
    """The lesson dock and its controller, added to a main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.host = WindowLessonHost(window)
        self.panel = LessonPanel()
        self.dock = QDockWidget(self.tr("Lesson"), window)
        self.dock.setObjectName("lessonDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.controller = LessonController(self.host, self.panel, self)
        self.panel.close_requested.connect(self.dock.hide)
        window.run.snapshot.connect(self.controller.on_snapshot)

    def choose(self) -> LessonEntry | None:
        """Help ▸ Lessons: pick a lesson and open it beside the app."""
        try:
            entries = list_lessons()
        except LessonError as error:
            self.window.show_problem(str(error))
            return None
        # Imported here: the picker is a dialog, not needed to show the main window.
        from playground.gui.lessons.lesson_picker import LessonPicker

        picker = LessonPicker(entries, self.window)
        if picker.exec() and picker.chosen is not None:
            self.open(picker.chosen)
            return picker.chosen
        return None

    def open(self, entry: LessonEntry) -> None:
        self.place_dock()
        self.dock.show()
        self.dock.raise_()
        self.controller.open_lesson(entry)

    def place_dock(self) -> None:
        """Beside the plots when the window is wide; a tab over the side panels when not,
        so the plots keep their room on a 1024-pixel projector."""
        window = self.window
        if window.width() >= WIDE_LAYOUT_WIDTH:
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        else:
            window.tabifyDockWidget(window.data_dock, self.dock)

    def reapply_locks(self) -> None:
        """Put the lesson's locks back after the window re-enabled panels (a run ended)."""
        self.controller.reapply_locks()
