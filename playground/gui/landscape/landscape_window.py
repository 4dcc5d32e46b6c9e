"""The loss-landscape window: the surface of a two-number model, or a slice of a larger one.

A window of its own (beside the main window, not a tab) so a learner can keep
it open next to training. It takes a copy of the experiment, builds the loss
with the core's builders (the model and loss training uses, on the full
training set) and picks the view that is honest for the model: the whole
surface over (w, b) when there are exactly two numbers, a random slice
otherwise. When the experiment gives no loss, the window says why instead.
"""

from __future__ import annotations

import torch
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from playground.core.errors import describe_error
from playground.core.landscape.problem import LandscapeError, build_problem
from playground.core.landscape.surface import has_two_numbers
from playground.core.spec.experiment import Experiment
from playground.gui.landscape.slice_view import SliceView
from playground.gui.landscape.surface_view import SurfaceView

DEFAULT_SIZE = (1024, 768)


class LandscapeWindow(QMainWindow):
    """Shows the loss landscape of one experiment; feed it weights as a run goes on."""

    def __init__(self, experiment: Experiment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("landscapeWindow")
        self.experiment = experiment.model_copy(deep=True)
        self.surface_view: SurfaceView | None = None
        self.slice_view: SliceView | None = None
        self.problem_text = ""
        name = experiment.name or self.tr("Untitled experiment")
        self.setWindowTitle(self.tr("Loss landscape — {0}").format(name))
        self.resize(*DEFAULT_SIZE)
        try:
            problem = build_problem(self.experiment)
        except LandscapeError as error:
            self.problem_text = describe_error(error)
            note = QLabel(
                self.tr("There is no loss to draw for this experiment. {0}").format(
                    self.problem_text
                ),
                self,
            )
            note.setWordWrap(True)
            note.setMargin(24)
            self.setCentralWidget(note)
            return
        if has_two_numbers(problem.model):
            self.surface_view = SurfaceView(problem, self.experiment, self)
            self.setCentralWidget(self.surface_view)
        else:
            self.slice_view = SliceView(problem, self.experiment, self)
            self.setCentralWidget(self.slice_view)

    def set_weights(self, state: dict[str, torch.Tensor]) -> None:
        """Look at the landscape around ``state``: the start of the paths, or the slice's centre."""
        if self.surface_view is not None:
            self.surface_view.set_weights(state)
        elif self.slice_view is not None:
            self.slice_view.set_weights(state)

    def add_training_state(self, state: dict[str, torch.Tensor]) -> None:
        """Append a run's weights to the training path on the slice.

        A two-number surface shows optimizer paths of its own instead, so
        there the state only moves their start.
        """
        if self.slice_view is not None:
            self.slice_view.add_training_state(state)
        elif self.surface_view is not None:
            self.surface_view.set_weights(state)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop the slice worker and wait for its thread; True when nothing is left running."""
        if self.surface_view is not None:
            self.surface_view.playback.pause()
        return self.slice_view.shutdown(timeout_ms) if self.slice_view is not None else True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)


def open_landscape_window(parent: QWidget | None, experiment: Experiment) -> LandscapeWindow:
    """Open (and show) the loss landscape of ``experiment`` in a window of its own."""
    window = LandscapeWindow(experiment, parent)
    window.show()
    return window
