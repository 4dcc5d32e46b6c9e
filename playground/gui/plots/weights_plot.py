"""The weights tab: a chosen parameter's distribution over time and its current matrix."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from playground.core.training.snapshot import ParameterStats, Snapshot
from playground.gui.plots.base import LIVE_STATES
from playground.gui.plots.buffers import HistogramHistory
from playground.gui.plots.parameter_views import (
    HistogramTimelineView,
    MatrixHeatmapView,
    ParameterPicker,
)
from playground.gui.plots.views import LayoutView

MATRIX_MISSING = QT_TRANSLATE_NOOP(
    "WeightsPlot", "This parameter is too large\nto draw as a matrix."
)


class WeightsPlot(QWidget):
    """Lets a learner watch weights spread out, collapse or saturate as the network trains.

    A histogram of every parameter is kept for every snapshot (bounded), so
    switching parameters shows the whole history at once; only the chosen
    parameter is drawn.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.histories: dict[str, HistogramHistory] = {}
        self.latest: dict[str, ParameterStats] = {}
        self._dirty = False

        self.picker = ParameterPicker(self.tr("Parameter:"))
        self.picker.chosen.connect(self._parameter_chosen)
        self.widget = LayoutView()
        self.timeline = HistogramTimelineView(
            self.widget.addPlot(row=0, col=0),
            title=self.tr("Weight distribution over time"),
            y_label=self.tr("value"),
        )
        inner = self.widget.ci
        self.matrix = MatrixHeatmapView(
            inner,
            self.widget.addPlot(row=0, col=1),
            title=self.tr("Current weights"),
            colorbar_at=(0, 2),
        )
        inner.layout.setColumnStretchFactor(0, 3)
        inner.layout.setColumnStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.picker)
        layout.addWidget(self.widget, 1)

    @property
    def selected(self) -> str:
        """The name of the parameter on show."""
        return self.picker.current

    def select(self, name: str) -> None:
        """Show parameter ``name``."""
        self.picker.choose(name)

    def _parameter_chosen(self, _name: str) -> None:
        self.matrix.reset_scale()
        self._dirty = True
        self.refresh()

    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Store every parameter's value histogram and keep its latest statistics."""
        self.timeline.x_axis.live = snapshot.state in LIVE_STATES
        # Without histograms (the tab was hidden) the plot keeps what it had.
        if not snapshot.parameters or not snapshot.content.histograms:
            return
        for stats in snapshot.parameters:
            history = self.histories.get(stats.name)
            if history is None:
                history = self.histories[stats.name] = HistogramHistory()
            history.append(float(snapshot.step), stats.values.counts, stats.values.edges)
            self.latest[stats.name] = stats
        self.picker.set_parameters(snapshot.parameters)
        self._dirty = True

    def refresh(self) -> bool:
        """Redraw the chosen parameter if anything arrived."""
        if not self._dirty:
            return False
        self._dirty = False
        name = self.selected
        self.timeline.show(self.histories.get(name))
        stats = self.latest.get(name)
        self.matrix.show(
            None if stats is None else stats.matrix,
            missing=self.tr(MATRIX_MISSING) if stats is not None else "",
        )
        return True

    def reset(self) -> None:
        """Forget every parameter's history for a new run."""
        self.histories.clear()
        self.latest.clear()
        self._dirty = True
        self.refresh()

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """Both weight views together, for saving as an image."""
        return {"weights": self.widget}
