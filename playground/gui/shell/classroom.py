"""The window's classroom features in one place: lessons, presentation mode, the training
log and the parameter table, wired to the run and the experiment model.

Kept out of the main window so it stays a thin assembly of panels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QTabWidget

from playground.core.training.snapshot import Snapshot
from playground.gui.lessons.lesson_dock import Lessons
from playground.gui.shell.panel_layout import make_dock
from playground.gui.shell.presentation import PresentationMode
from playground.gui.training.log_view import TrainingLog
from playground.gui.training.parameter_table import ParameterTable

if TYPE_CHECKING:
    from playground.gui.lab.lab_window import LabWindow
    from playground.gui.landscape.landscape_window import LandscapeWindow
    from playground.gui.shell.main_window import MainWindow


class Classroom(QObject):
    """Lessons, presentation mode and the numbers views of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.lessons = Lessons(window)
        self.presentation = PresentationMode(window, self.lessons.dock)
        self.log = TrainingLog()
        self.parameters = ParameterTable()
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        tabs.addTab(self.log, self.tr("Log"))
        tabs.addTab(self.parameters, self.tr("Parameters"))
        self.numbers_dock = make_dock(window, self.tr("Log and parameters"), "numbersDock", tabs)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.numbers_dock)
        self.numbers_dock.hide()
        self._latest: Snapshot | None = None  # the newest numbers, for the table when shown
        window.run.snapshot.connect(self._on_snapshot)
        window.run.fresh.shown.connect(self._on_fresh_model)
        self.parameters.value_edit_requested.connect(window.run.set_weight)
        self.parameters.value_rejected.connect(window.status.show_problem)
        self.parameters.set_editable(window.run.state != "running")
        window.run.state_changed.connect(
            lambda state: self.parameters.set_editable(
                state in ("idle", "paused", "stopped", "finished")
            )
        )
        self.numbers_dock.visibilityChanged.connect(self._show_latest_parameters)
        window.run.run_started.connect(self._on_run_started)
        window.run.state_changed.connect(lambda _state: self.lessons.reapply_locks())
        window.model.replaced.connect(self._follow_experiment)
        window.model.changed.connect(lambda _section: self._follow_experiment())
        self._follow_experiment()
        self._lab: LabWindow | None = None
        self._landscape: LandscapeWindow | None = None
        self.lessons.host.tools["lab"] = self.open_lab
        self.lessons.host.tools["landscape"] = lambda _example: self.open_landscape()

    def open_lab(self, example: str | None = None) -> LabWindow:
        """Tools ▸ Autograd Lab: one lab window, raised if open, with ``example`` loaded."""
        if self._lab is None:
            # Imported here: the lab's interpreter is not needed to show the main window.
            from playground.gui.lab.lab_window import open_lab_window

            self._lab = open_lab_window(self.window)
            self._lab.destroyed.connect(self._forget_lab)
        else:
            self._lab.show()
            self._lab.raise_()
            self._lab.activateWindow()
        if example is not None:
            self._lab.load_example(example)
        return self._lab

    def _forget_lab(self) -> None:
        self._lab = None

    def open_landscape(self) -> LandscapeWindow:
        """Tools ▸ Loss Landscape for the current experiment (a fresh window per call, so it
        always shows the experiment as it is now); it follows the run's weights."""
        # Imported here: the landscape is not needed to show the main window.
        from playground.gui.landscape.landscape_window import open_landscape_window

        if self._landscape is not None:
            self._landscape.close()
        window = open_landscape_window(self.window, self.window.model.experiment)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.destroyed.connect(self._forget_landscape)
        weights = self.window.run.current_weights()
        if weights is not None:
            window.set_weights(weights)
        self._landscape = window
        return window

    def _forget_landscape(self) -> None:
        self._landscape = None

    def close_tools(self) -> None:
        """Close the lab and landscape windows (each waits for its own worker thread)."""
        for tool in (self._lab, self._landscape):
            if tool is not None:
                tool.close()

    def _follow_experiment(self) -> None:
        experiment = self.window.model.experiment
        self.log.set_epochs(experiment.training.epochs)
        self.parameters.set_layer_kinds([layer.kind for layer in experiment.model.layers])

    def _on_run_started(self) -> None:
        self.log.clear()
        self._follow_experiment()

    def _on_fresh_model(self, snapshot: Snapshot) -> None:
        """The untrained model (before the first step, after Reset) in the parameter table."""
        self._latest = snapshot
        if self.numbers_dock.isVisible():
            self.parameters.add_snapshot(snapshot)

    def _show_latest_parameters(self, visible: bool) -> None:
        # Hidden, the table is not kept up to date; shown, it starts from the latest numbers.
        if visible and self._latest is not None:
            self.parameters.add_snapshot(self._latest)

    def _on_snapshot(self, snapshot: Snapshot) -> None:
        if self._landscape is not None and snapshot.new_epochs:
            state = _state_of(snapshot)
            if state is not None:  # small models carry every number in their snapshots
                self._landscape.add_training_state(state)
        self.log.add_snapshot(snapshot)
        self._latest = snapshot
        if self.numbers_dock.isVisible():
            self.parameters.add_snapshot(snapshot)


def _state_of(snapshot: Snapshot) -> dict[str, torch.Tensor] | None:
    """The parameters as tensors, when the snapshot carries all of them (small models)."""
    state = {}
    for parameter in snapshot.parameters:
        if parameter.matrix is None:
            return None
        state[parameter.name] = torch.from_numpy(parameter.matrix.reshape(parameter.shape).copy())
    return state or None
