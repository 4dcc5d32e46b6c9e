"""Pieces shared by the weights and gradients tabs: a parameter picker and image views."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from playground.core.training.snapshot import ParameterStats
from playground.gui.plots.axes import NOISY_HEADROOM, NOISY_KEEP, StableBound, ValueAxisFollower
from playground.gui.plots.base import StepAxisFollower, cache_as_pixmap, style_plot
from playground.gui.plots.buffers import HistogramHistory
from playground.gui.plots.colors import diverging_map, sequential_map


class ParameterPicker(QWidget):
    """A labelled drop-down of the model's parameters, named as the layer editor names layers.

    Each entry shows the readable label (``Layer 1 · Linear · weight``) and
    carries torch's name (``0.weight``), which the plots key their buffers by.
    Keeps the user's choice when a new run brings the same parameters back.
    """

    chosen = Signal(str)  # torch's name of the chosen parameter

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(12)
        self.combo.setToolTip(
            self.tr("The parameter these plots show: its layer, then weight or bias.")
        )
        self.combo.currentIndexChanged.connect(self._changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(label))
        layout.addWidget(self.combo)
        layout.addStretch(1)

    def _changed(self, _index: int) -> None:
        if self.current:
            self.chosen.emit(self.current)

    @property
    def current(self) -> str:
        """Torch's name of the chosen parameter ('' before the first snapshot)."""
        name = self.combo.currentData()
        return name if isinstance(name, str) else ""

    def labels(self) -> list[str]:
        """The entries as the user reads them."""
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def set_parameters(self, parameters: Sequence[ParameterStats]) -> None:
        """Offer ``parameters``, keeping the current choice if it is still there."""
        entries = [(stats.label or stats.name, stats.name) for stats in parameters]
        offered = [
            (self.combo.itemText(i), self.combo.itemData(i)) for i in range(self.combo.count())
        ]
        if entries == offered:
            return
        keep = self.current
        self.combo.blockSignals(True)
        self.combo.clear()
        for label, name in entries:
            self.combo.addItem(label, name)
        index = self.combo.findData(keep)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)
        if self.current != keep and self.current:
            self.chosen.emit(self.current)

    def choose(self, name: str) -> None:
        """Select the parameter torch calls ``name`` if it is offered."""
        index = self.combo.findData(name)
        if index >= 0:
            self.combo.setCurrentIndex(index)


class HistogramTimelineView:
    """A histogram per snapshot drawn side by side: x = step, y = value, brightness = count.

    The value range of the weights moves a little on every snapshot; the y axis
    follows it in round steps so its labels are not re-rendered on every frame.
    """

    def __init__(self, plot: pg.PlotItem, *, title: str, y_label: str) -> None:
        self.plot = plot
        style_plot(
            plot,
            title=title,
            x_label=QCoreApplication.translate("ParameterViews", "step"),
            y_label=y_label,
            grid=False,
        )
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(sequential_map())
        plot.addItem(self.image)
        self.x_axis = StepAxisFollower(plot)
        self.y_axis = ValueAxisFollower(plot, fine=True)

    def show(self, history: HistogramHistory | None) -> None:
        """Draw ``history`` (or clear the view when there is none)."""
        if history is None or len(history) == 0:
            self.image.clear()
            self.x_axis.reset()
            self.y_axis.reset()
            return
        image, (low, high) = history.image()
        steps = history.steps
        first = float(steps[0])
        # One column per snapshot; the last column ends one snapshot-spacing later.
        spacing = float(steps[-1] - steps[0]) / max(len(steps) - 1, 1) or 1.0
        self.image.setImage(image, autoLevels=False, levels=(0.0, 1.0))
        self.image.setRect(first, low, spacing * len(steps), high - low)
        self.x_axis.follow(first + spacing * len(steps))
        self.y_axis.follow(np.array([low, high]))


class MatrixHeatmapView:
    """A parameter's values as a matrix, blue below zero and orange above, levels symmetric.

    The matrix changes on every frame but its shape and scale rarely do: the
    axes are touched only when the shape changes and the colour bar only when
    the values outgrow its round bound (or shrink well inside it), since
    re-rendering an axis costs more than drawing the matrix.
    """

    def __init__(
        self,
        layout: pg.GraphicsLayout,
        plot: pg.PlotItem,
        *,
        title: str,
        colorbar_at: tuple[int, int],
        noisy: bool = False,
    ) -> None:
        self.plot = plot
        self.bound = StableBound(NOISY_KEEP, headroom=NOISY_HEADROOM) if noisy else StableBound()
        style_plot(
            plot,
            title=title,
            x_label=QCoreApplication.translate("ParameterViews", "input"),
            y_label=QCoreApplication.translate("ParameterViews", "output unit"),
            grid=False,
        )
        plot.invertY(True)  # row 0 (the first unit) at the top, as matrices are written
        plot.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(
            values=(-1.0, 1.0), colorMap=diverging_map(), interactive=False, width=12
        )
        self.colorbar.setImageItem(self.image)
        layout.addItem(self.colorbar, row=colorbar_at[0], col=colorbar_at[1])
        for axis in ("left", "right", "top", "bottom"):
            cache_as_pixmap(self.colorbar.getAxis(axis))
        self._shape: tuple[int, int] | None = None
        self._bound: float | None = None
        self.note = pg.TextItem("", color="#777777", anchor=(0.5, 0.5))
        plot.addItem(self.note, ignoreBounds=True)

    def reset_scale(self) -> None:
        """Fit the colour scale afresh to the next matrix (another parameter, a new run)."""
        self.bound.reset()

    def show(self, matrix: np.ndarray | None, *, missing: str) -> None:
        """Draw ``matrix`` (2-D) or say ``missing`` in words when there is none."""
        if matrix is None or matrix.size == 0:
            self.image.clear()
            self.note.setText(missing)
            self.note.setPos(0.5, 0.5)
            self.plot.setRange(xRange=(0, 1), yRange=(0, 1))
            self._shape = None
            self.reset_scale()
            return
        if self.note.toPlainText():
            self.note.setText("")
        values = np.asarray(matrix, dtype=np.float32)
        if values.ndim == 1:
            values = values.reshape(1, -1)
        finite = np.abs(values[np.isfinite(values)])
        bound = self.bound.update(float(finite.max()) if finite.size else 0.0)
        self.image.setImage(values, autoLevels=False, levels=(-bound, bound))
        if bound != self._bound:
            self._bound = bound
            self.colorbar.setLevels((-bound, bound))
        rows, cols = values.shape
        if (rows, cols) == self._shape:
            return
        self._shape = (rows, cols)
        # Cells centred on whole numbers, counted from 1 as people count units and inputs.
        self.image.setRect(0.5, 0.5, cols, rows)
        for axis, count in (("bottom", cols), ("left", rows)):
            spacing = max(1, math.ceil(count / 8))
            self.plot.getAxis(axis).setTickSpacing(spacing, spacing)
        self.plot.setRange(xRange=(0.5, cols + 0.5), yRange=(0.5, rows + 0.5), padding=0)
