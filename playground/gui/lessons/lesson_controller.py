"""Applies a lesson's steps to the window: experiment, tool, hidden and locked controls,
starting weights, and the goal checked live from the run's epoch records.

Everything a step changes is undone when the step or the lesson ends, so a lesson
never leaves the app in a state the user cannot get out of.
"""

from __future__ import annotations

from typing import Any, Protocol

import torch
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from playground.core.lessons.goals import goal_status
from playground.core.lessons.library import LessonEntry
from playground.core.lessons.model import Goal, Lesson, LessonStep
from playground.core.spec.experiment import Experiment
from playground.core.training.snapshot import Snapshot
from playground.core.training.timing import time_on_every_device
from playground.gui.lessons.lesson_panel import LessonPanel

_METRIC_WORDS = {
    "train_loss": QT_TRANSLATE_NOOP("LessonController", "training loss"),
    "validation_loss": QT_TRANSLATE_NOOP("LessonController", "validation loss"),
    "train_accuracy": QT_TRANSLATE_NOOP("LessonController", "training accuracy"),
    "validation_accuracy": QT_TRANSLATE_NOOP("LessonController", "validation accuracy"),
}


class LessonHost(Protocol):
    """What the controller needs from the main window."""

    def open_lesson_preset(self, name: str) -> bool: ...
    def set_start_weights(self, weights: dict[str, torch.Tensor] | None) -> None: ...
    def open_tool(self, tool: str, example: str | None) -> None: ...
    def lesson_control_widgets(self) -> dict[str, QWidget]: ...
    def command_ids(self) -> set[str]: ...
    def set_command(self, command_id: str, *, hidden: bool, locked: bool) -> None: ...
    def current_experiment(self) -> Experiment: ...
    def show_status(self, text: str) -> None: ...


class LessonController(QObject):
    """Owns the open lesson and the step shown; the panel is its view."""

    def __init__(self, host: LessonHost, panel: LessonPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.panel = panel
        self.lesson: Lesson | None = None
        self.index = 0
        self._hidden: list[QWidget] = []
        self._locked: list[QWidget] = []
        self._commands: list[str] = []  # menu and toolbar commands the step hid or locked
        self._metrics: dict[str, float | None] = {}
        self.goal_reached = False
        panel.step_requested.connect(self.go_to)
        panel.tool_requested.connect(self._open_tool)
        panel.timing_requested.connect(self.time_devices)
        panel.close_requested.connect(self.close_lesson)

    @property
    def step(self) -> LessonStep | None:
        return None if self.lesson is None else self.lesson.steps[self.index]

    def open_lesson(self, entry: LessonEntry) -> None:
        self._release()
        self.lesson = entry.lesson
        self.index = 0
        self.go_to(0, fresh=True)

    def close_lesson(self) -> None:
        self._release()
        self.host.set_start_weights(None)
        self.lesson = None
        self.panel.show_lesson(None)

    def go_to(self, index: int, fresh: bool = False) -> None:
        """Show step ``index`` and apply it (its experiment first, then the controls).

        A step that names the preset already open keeps the user's work on it.
        """
        if self.lesson is None:
            return
        index = max(0, min(index, len(self.lesson.steps) - 1))
        step = self.lesson.steps[index]
        shown = self.lesson.steps[self.index].preset
        new_preset = step.preset is not None and (fresh or shown != step.preset)
        if new_preset and not self.host.open_lesson_preset(str(step.preset)):
            return  # the user kept their unsaved work: stay on this step
        self.index = index
        self._release()
        self.host.set_start_weights(_weights(step.weights))
        self._apply_controls(step)
        self._metrics = {}
        self.goal_reached = False
        self.panel.show_lesson(self.lesson, index)
        self._show_goal()
        if step.tool is not None:
            self._open_tool(step.tool)

    def on_snapshot(self, snapshot: Snapshot) -> None:
        """Follow the run: the goal is checked at every epoch's end."""
        step = self.step
        if step is None or step.goal is None:
            return
        if snapshot.new_epochs:
            last = snapshot.new_epochs[-1]
            self._metrics.update(
                train_loss=last.train_loss,
                validation_loss=last.val_loss,
                validation_accuracy=last.val_accuracy,
            )
        if snapshot.train_accuracy is not None:
            self._metrics["train_accuracy"] = snapshot.train_accuracy
        self._show_goal()

    def time_devices(self) -> None:
        """Time one training step of the current experiment on each device, in words."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            timings = time_on_every_device(self.host.current_experiment(), steps=5)
        except Exception as error:  # the experiment cannot train yet: say so, never crash
            self.panel.set_timing_text(
                self.tr("The step could not be timed: %1").replace("%1", str(error)[:200])
            )
            return
        finally:
            QApplication.restoreOverrideCursor()
        lines = []
        for timing in timings:
            if timing.seconds is None:
                lines.append(f"{timing.label}: {timing.reason}")
            else:
                lines.append(f"{timing.label}: {timing.seconds * 1000:.2f} ms")
        self.panel.set_timing_text("\n".join(lines))

    # ---- inside --------------------------------------------------------------------

    def _open_tool(self, tool: str) -> None:
        step = self.step
        self.host.open_tool(tool, step.lab if step is not None else None)

    def _apply_controls(self, step: LessonStep) -> None:
        controls = self.host.lesson_control_widgets()
        commands = {f"command.{c}" for c in self.host.command_ids()}
        for name in dict.fromkeys((*step.hide, *step.lock)):
            if name in commands:
                command = name.removeprefix("command.")
                self.host.set_command(command, hidden=name in step.hide, locked=name in step.lock)
                self._commands.append(command)
        unknown = [i for i in (*step.hide, *step.lock) if i not in controls and i not in commands]
        if unknown:
            self.host.show_status(
                self.tr("This lesson names controls the app does not have: %1").replace(
                    "%1", ", ".join(unknown)
                )
            )
        for name in step.hide:
            widget = controls.get(name)
            if widget is not None and widget.isVisible():
                _set_visible(widget, False)
                self._hidden.append(widget)
        for name in step.lock:
            widget = controls.get(name)
            if widget is not None and widget.isEnabled():
                widget.setEnabled(False)
                widget.setToolTip(self.tr("Locked by the lesson"))
                self._locked.append(widget)

    def reapply_locks(self) -> None:
        """Lock again what the lesson locked (the window re-enables panels after a run)."""
        for widget in self._locked:
            widget.setEnabled(False)

    def _release(self) -> None:
        for widget in self._hidden:
            _set_visible(widget, True)
        for widget in self._locked:
            widget.setEnabled(True)
            widget.setToolTip("")
        for command in self._commands:
            self.host.set_command(command, hidden=False, locked=False)
        self._hidden, self._locked, self._commands = [], [], []

    def _show_goal(self) -> None:
        step = self.step
        goal = step.goal if step is not None else None
        if goal is None:
            self.panel.set_goal_text("")
            return
        status = goal_status(goal, self._metrics, self.host.current_experiment())
        text = self._goal_words(goal)
        if status.too_many_units:
            text += " " + self.tr("(now %1 hidden units)").replace("%1", str(status.hidden_units))
        if status.reached and not self.goal_reached:
            self.goal_reached = True
            self.host.show_status(self.tr("Goal reached: %1").replace("%1", text))
        if status.value is not None:
            text += " " + self.tr("— now %1").replace("%1", f"{status.value:.4g}")
        self.panel.set_goal_text(text, status.reached)

    def _goal_words(self, goal: Goal) -> str:
        metric = self.tr(_METRIC_WORDS[goal.metric])
        if goal.below is not None:
            text = (
                self.tr("Goal: %1 below %2").replace("%1", metric).replace("%2", f"{goal.below:g}")
            )
        else:
            text = (
                self.tr("Goal: %1 above %2").replace("%1", metric).replace("%2", f"{goal.above:g}")
            )
        if goal.max_hidden_units is not None:
            text += " " + self.tr("with at most %1 hidden units").replace(
                "%1", str(goal.max_hidden_units)
            )
        return text


def _set_visible(widget: QWidget, visible: bool) -> None:
    # A dock's View-menu toggle follows its visibility by itself.
    widget.setVisible(visible)


def _weights(values: dict[str, Any] | None) -> dict[str, torch.Tensor] | None:
    if not values:
        return None
    return {name: torch.tensor(value, dtype=torch.float32) for name, value in values.items()}
