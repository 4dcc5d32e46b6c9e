"""Watch SGD, SGD with momentum and Adam walk on the loss over (w, b) of a two-number model.

For a ``Linear(1, 1)`` the whole loss fits on one picture, so a learner can
see why momentum overshoots and Adam takes even steps. Everything drawn comes
from the core: the map is :func:`~playground.core.landscape.surface.loss_surface`,
each path is :func:`~playground.core.landscape.surface.compare_paths` run once
per start (real torch optimizers, full batch), and the timer only reveals one
more of its points per tick. When a path walks off the map, the map is framed
again with :func:`~playground.core.landscape.surface.frame` and recomputed: once
per new range, never per step.
"""

from __future__ import annotations

import numpy as np
import torch
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.core.landscape.problem import LossProblem, compared_optimizer
from playground.core.landscape.surface import (
    Path,
    compare_paths,
    current_point,
    frame,
    loss_surface,
    trainable_numbers,
)
from playground.core.layers.names import parameter_label
from playground.core.spec.experiment import Experiment
from playground.core.spec.options import LOSS_TABLE
from playground.gui.landscape.loss_map import LossMap, PathTrace
from playground.gui.landscape.optimizer_table import OptimizerTable
from playground.gui.landscape.playback_bar import PlaybackBar
from playground.gui.landscape.plot_look import is_dark, path_color, path_symbol

RESOLUTION = 81
# Points further out than this are a diverged path: the map does not chase them.
FRAME_LIMIT = 1e4

Ranges = tuple[tuple[float, float], tuple[float, float]]


def framable(points: np.ndarray) -> np.ndarray:
    """The points worth framing: finite and not flung far away by a diverging step."""
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    keep = np.isfinite(points).all(axis=1) & (np.abs(points) <= FRAME_LIMIT).all(axis=1)
    return points[keep]


def pairs(points: np.ndarray) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in points]


def inside(points: np.ndarray, ranges: Ranges) -> bool:
    (x0, x1), (y0, y1) = ranges
    xs, ys = points[:, 0], points[:, 1]
    return bool(((xs >= x0) & (xs <= x1) & (ys >= y0) & (ys <= y1)).all())


class SurfaceView(QWidget):
    """The loss over both numbers of the model, and optimizers walking on it from one start."""

    def __init__(
        self, problem: LossProblem, experiment: Experiment, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.problem = problem
        self.experiment = experiment
        self.start = current_point(problem.model)
        self.paths: dict[str, Path] = {}
        self.steps_shown = 0
        self.ranges: Ranges = frame([self.start])
        self.surface_count = 0  # how often the map was computed (once per range change)

        self.map = LossMap(self)
        self.map.clicked.connect(self.set_start)
        dark = is_dark(self)
        colors = [path_color(i, dark) for i in range(3)]
        self.table = OptimizerTable(experiment.optimizer.lr, colors, self)
        self.table.changed.connect(self._rebuild_paths)
        self.traces: dict[str, PathTrace] = {
            key: self.map.add_trace(self.table.titles[key], colors[i], path_symbol(i))
            for i, key in enumerate(self.table.keys)
        }
        self.playback = PlaybackBar(self)
        self.playback.stepped.connect(self.step)
        self.playback.reset_requested.connect(self.reset)
        self.playback.steps_changed.connect(lambda _steps: self._rebuild_paths())
        self.log_scale = QCheckBox(self.tr("Log colour scale"), self)
        self.log_scale.setToolTip(self.tr("Colour by the loss's order of magnitude"))
        self.log_scale.setChecked(True)
        self.log_scale.toggled.connect(lambda _on: self._draw_surface())
        self.progress = QLabel(self)
        self.hint = QLabel(self.tr("Click the map to start every optimizer there."), self)
        self.hint.setWordWrap(True)

        # Stacked rows rather than columns: at 1024 pixels and 20 pt text there is
        # room for one row of transport buttons or one table, not both side by side.
        status = QHBoxLayout()
        status.addWidget(self.log_scale)
        status.addSpacing(16)
        status.addWidget(self.progress)
        status.addSpacing(16)
        status.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.map, 1)
        layout.addWidget(self.playback)
        layout.addWidget(self.table)
        layout.addLayout(status)

        self._rebuild_paths(frame_all=True)

    # ---- what the user does ------------------------------------------------------

    def set_start(self, w: float, b: float) -> None:
        """Start every optimizer at (w, b) (a click on the map does this)."""
        self.start = (float(w), float(b))
        self._rebuild_paths()

    def set_weights(self, state: dict[str, torch.Tensor]) -> None:
        """Start from the two numbers of ``state`` (e.g. a run's current weights)."""
        self.problem.model.load_state_dict(state)
        w, b = current_point(self.problem.model)
        self.set_start(w, b)

    def step(self) -> None:
        """Reveal one more step of every path; playing stops at the last one."""
        if self.steps_shown >= self.playback.steps.value():
            self.playback.pause()
            return
        self.steps_shown += 1
        self._draw_paths()

    def reset(self) -> None:
        """Every path back at the start (the paths themselves stay the same)."""
        self.steps_shown = 0
        self._draw_paths()

    # ---- paths and map -----------------------------------------------------------

    def _rebuild_paths(self, frame_all: bool = False) -> None:
        """Run the chosen optimizers from the start (once per start or setting change)."""
        self.playback.pause()
        chosen = [
            (key, compared_optimizer(key, lr, self.experiment)) for key, lr in self.table.chosen()
        ]
        p = self.problem
        paths = compare_paths(
            p.model, p.loss, p.inputs, p.targets, self.start, chosen, self.playback.steps.value()
        )
        self.paths = {path.title: path for path in paths}
        self.steps_shown = 0
        self.map.set_centre(self.start)
        if frame_all:  # the first picture shows where the walks go
            points = [self.start, *(pt for path in paths for pt in pairs(framable(path.points)))]
            self._set_ranges(frame(points))
        self._draw_paths()

    def shown_points(self) -> np.ndarray:
        """The start and every path's points up to the current step."""
        pieces = [np.array([self.start])]
        pieces += [path.points[: self.steps_shown + 1] for path in self.paths.values()]
        return np.concatenate(pieces)

    def _draw_paths(self) -> None:
        shown = framable(self.shown_points())
        if shown.size and not inside(shown, self.ranges):
            self._set_ranges(frame(pairs(shown)))
        losses: dict[str, float] = {}
        for key, trace in self.traces.items():
            path = self.paths.get(key)
            trace.set_visible(path is not None)
            if path is None:
                continue
            trace.set_points(path.points[: self.steps_shown + 1])
            losses[key] = float(path.losses[self.steps_shown])
        self.table.show_losses(losses)
        total = self.playback.steps.value()
        self.progress.setText(self.tr("Step {0} of {1}").format(self.steps_shown, total))

    def _set_ranges(self, ranges: Ranges) -> None:
        self.ranges = ranges
        p = self.problem
        x_range, y_range = ranges
        self.surface = loss_surface(
            p.model, p.loss, p.inputs, p.targets, x_range, y_range, RESOLUTION
        )
        self.surface_count += 1
        self._draw_surface()

    def _draw_surface(self) -> None:
        log = self.log_scale.isChecked()
        names = [name for name, _ in trainable_numbers(self.problem.model)]
        kinds = [
            layer.kind for layer in self.experiment.model.layers
        ]  # "Layer 1 · Linear · weight"
        loss = LOSS_TABLE[self.experiment.loss].title
        bar = self.tr("Loss, log scale") if log else self.tr("Loss")
        self.map.set_titles(
            self.tr("{0} over both parameters, full training set").format(loss),
            parameter_label(names[0], kinds),
            parameter_label(names[1], kinds),
            bar,
        )
        self.map.show_surface(self.surface, log)
