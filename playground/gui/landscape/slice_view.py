"""A larger model's loss on a random slice through its weights, and the training path on it.

A model with more than two numbers has no single picture of its loss, so this
view shows the honest substitute of Li et al. (2018): the loss on a plane
through the current weights spanned by two filter-normalised random
directions (:func:`~playground.core.landscape.slices.loss_slice`), with the
core's own explanation beside it, and the states of a training run projected
onto that plane (:func:`~playground.core.landscape.slices.project_path`). The
grid is computed in a worker thread (:class:`SliceComputer`); the path is cheap
and drawn at once.
"""

from __future__ import annotations

import numpy as np
import torch
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.landscape.problem import LossProblem
from playground.core.landscape.slices import SLICE_EXPLANATION, project_path, random_directions
from playground.core.landscape.surface import MAX_GRID, Surface
from playground.core.messages.texts import text
from playground.core.spec.experiment import Experiment
from playground.core.spec.options import LOSS_TABLE
from playground.gui.landscape.loss_map import LossMap
from playground.gui.landscape.plot_look import is_dark, path_color
from playground.gui.landscape.slice_worker import SliceComputer

DEFAULT_EXTENT = 1.0
DEFAULT_RESOLUTION = 31
SIDE_WIDTH = 360


def trainable_copy(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    """The trainable weights now, copied (the centre of the slice)."""
    return {n: p.detach().cpu().clone() for n, p in model.named_parameters() if p.requires_grad}


class SliceView(QWidget):
    """The loss along two random directions around the weights, with the projected path."""

    def __init__(
        self, problem: LossProblem, experiment: Experiment, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.problem = problem
        self.experiment = experiment
        self.seed = 0
        self.directions = random_directions(problem.model, self.seed)
        self.centre = trainable_copy(problem.model)
        self.states: list[dict[str, torch.Tensor]] = []
        self.path = np.empty((0, 2))
        self.surface: Surface | None = None

        self.computer = SliceComputer(self)
        self.computer.computed.connect(self._show_slice)
        self.computer.progress.connect(self._progress)
        self.computer.failed.connect(self._failed)
        self.computer.busy_changed.connect(self._busy)

        self.map = LossMap(self)
        self.trace = self.map.add_trace(self.tr("Training path"), path_color(1, is_dark(self)), "o")
        self.trace.set_visible(False)
        self.explanation = QLabel(text(SLICE_EXPLANATION), self)
        self.explanation.setWordWrap(True)
        self.extent = QDoubleSpinBox(self)
        self.extent.setRange(0.05, 20.0)
        self.extent.setSingleStep(0.25)
        self.extent.setValue(DEFAULT_EXTENT)
        self.extent.setPrefix("± ")
        self.extent.setKeyboardTracking(False)
        self.extent.setToolTip(self.tr("How far along each direction the slice reaches"))
        self.extent.valueChanged.connect(lambda _v: self.recompute())
        self.resolution = QSpinBox(self)
        self.resolution.setRange(5, MAX_GRID)
        self.resolution.setValue(DEFAULT_RESOLUTION)
        self.resolution.setKeyboardTracking(False)
        self.resolution.setToolTip(self.tr("Grid points along each direction"))
        self.resolution.valueChanged.connect(lambda _v: self.recompute())
        self.new_directions = QPushButton(self.tr("New directions"), self)
        self.new_directions.setToolTip(self.tr("Cut the loss along two other random directions"))
        self.new_directions.clicked.connect(self.next_directions)
        self.log_scale = QCheckBox(self.tr("Log colour scale"), self)
        self.log_scale.toggled.connect(lambda _on: self._redraw())
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setVisible(False)
        self.status = QLabel(self)  # computing, or why the slice failed
        self.status.setWordWrap(True)
        self.path_note = QLabel(self)  # whether the path fits on the slice
        self.path_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Extent:"), self.extent)
        form.addRow(self.tr("Resolution:"), self.resolution)
        side = QWidget()
        column = QVBoxLayout(side)
        column.addWidget(self.explanation)
        column.addLayout(form)
        for widget in (
            self.new_directions,
            self.log_scale,
            self.progress_bar,
            self.status,
            self.path_note,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFixedWidth(SIDE_WIDTH)
        layout = QHBoxLayout(self)
        layout.addWidget(self.map, 1)
        layout.addWidget(scroll)
        self.recompute()

    # ---- what the window or the user asks -----------------------------------------

    def set_weights(self, state: dict[str, torch.Tensor]) -> None:
        """Centre the slice on ``state`` (directions are rescaled to these weights)."""
        self.problem.model.load_state_dict(state)
        self.centre = trainable_copy(self.problem.model)
        self.directions = random_directions(self.problem.model, self.seed)
        self._project()
        self.recompute()

    def add_training_state(self, state: dict[str, torch.Tensor]) -> None:
        """Append a state of a run to the training path, projected onto this slice."""
        self.states.append({n: state[n].detach().cpu().clone() for n in self.centre})
        self._project()

    def clear_training_path(self) -> None:
        self.states.clear()
        self._project()

    def next_directions(self) -> None:
        """Two other random directions (the next seed): another slice through the same point."""
        self.seed += 1
        self.directions = random_directions(self.problem.model, self.seed)
        self._project()
        self.recompute()

    def recompute(self) -> None:
        """Ask the worker for the slice with the current settings (newest request wins)."""
        self.computer.request(
            self.problem, self.directions, self.extent.value(), self.resolution.value()
        )

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        return self.computer.shutdown(timeout_ms)

    # ---- drawing ------------------------------------------------------------------

    def _project(self) -> None:
        if self.states:
            self.path = project_path(self.states, self.centre, self.directions)
        else:
            self.path = np.empty((0, 2))
        self.trace.set_visible(len(self.path) > 0)
        self.map.legend.setVisible(len(self.path) > 0)
        if len(self.path):
            self.trace.set_points(self.path)
        self._path_note()

    def _path_note(self) -> None:
        outside = len(self.path) > 0 and float(np.abs(self.path).max()) > self.extent.value()
        self.path_note.setText(
            self.tr("The training path leaves this slice; widen the extent to see all of it.")
            if outside
            else ""
        )

    def _show_slice(self, surface: Surface) -> None:
        self.surface = surface
        self._redraw()
        self._path_note()

    def _redraw(self) -> None:
        if self.surface is None:
            return
        log = self.log_scale.isChecked()
        loss = LOSS_TABLE[self.experiment.loss].title
        bar = self.tr("Loss, log scale") if log else self.tr("Loss")
        self.map.set_titles(
            self.tr("{0} on a random slice through the weights").format(loss),
            self.tr("α (direction 1)"),
            self.tr("β (direction 2)"),
            bar,
        )
        self.map.show_surface(self.surface, log)
        self.map.set_centre((0.0, 0.0))

    def _progress(self, done: int, rows: int) -> None:
        self.progress_bar.setRange(0, rows)
        self.progress_bar.setValue(done)

    def _busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        if busy:
            self.progress_bar.setValue(0)
            self.status.setText(self.tr("Computing the slice…"))
        elif self.status.text() == self.tr("Computing the slice…"):
            self.status.setText("")

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("The slice could not be computed: {0}").format(message))
