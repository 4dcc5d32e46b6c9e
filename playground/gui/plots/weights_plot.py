"""The weights tab: a chosen parameter's distribution over time and its current matrix."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from playground.core.training.snapshot import ParameterStats, Snapshot
from playground.gui.plots.base import LIVE_STATES
from playground.gui.plots.buffers import HistogramHistory
from playground.gui.plots.built_on_show import BuiltOnShow
from playground.gui.plots.parameter_views import (
    HistogramTimelineView,
    MatrixHeatmapView,
    ParameterPicker,
)
from playground.gui.plots.views import LayoutView

MATRIX_MISSING = QT_TRANSLATE_NOOP(
    "WeightsPlot", "This parameter is too large\nto draw as a matrix."
)


class WeightsPlot(BuiltOnShow):
    """Lets a learner watch weights spread out, collapse or saturate as the network trains.

    A histogram of every parameter is kept for every snapshot (bounded), so
    switching parameters shows the whole history at once; only the chosen
    parameter is drawn. Its views are made when the tab is first shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.histories: dict[str, HistogramHistory] = {}
        self.latest: dict[str, ParameterStats] = {}
        self._dirty = False
        self._live = True  # the run is still going: the step axis follows it

        self.picker = ParameterPicker(self.tr("Parameter:"))
        self.picker.chosen.connect(self._parameter_chosen)
        self.rows.addWidget(self.picker)

    def build_views(self) -> None:
        """The distribution over time beside the current matrix."""
        self.widget = LayoutView()
        self.timeline = HistogramTimelineView(
            self.widget.addPlot(row=0, col=0),
            title=self.tr("Weight distribution over time"),
            y_label=self.tr("value"),
        )
        self.timeline.x_axis.live = self._live
        inner = self.widget.ci
        self.matrix = MatrixHeatmapView(
            inner,
            self.widget.addPlot(row=0, col=1),
            title=self.tr("Current weights"),
            colorbar_at=(0, 2),
        )
        inner.layout.setColumnStretchFactor(0, 3)
        inner.layout.setColumnStretchFactor(1, 2)
        self.rows.addWidget(self.widget, 1)
        self._dirty = True

    @property
    def selected(self) -> str:
        """The name of the parameter on show."""
        return self.picker.current

    def select(self, name: str) -> None:
        """Show parameter ``name``."""
        self.picker.choose(name)

    def _parameter_chosen(self, _name: str) -> None:
        self._dirty = True
        if self.is_built:  # otherwise the views draw it when they are made
            self.matrix.reset_scale()
            self.refresh()

    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Store every parameter's value histogram and keep its latest statistics."""
        self._live = snapshot.state in LIVE_STATES
        if self.is_built:
            self.timeline.x_axis.live = self._live
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
        self.ensure_built()
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
        if self.is_built:
            self.refresh()

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """Both weight views together, for saving as an image."""
        self.ensure_built()
        return {"weights": self.widget}
