"""The plot area: every live plot of a run in four tabs, redrawn by one timer."""

from __future__ import annotations

import time

import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QTabWidget, QWidget

from playground.core.data.base import Dataset
from playground.core.snapshot import Snapshot
from playground.gui.plots.accuracy_plot import AccuracyPlot
from playground.gui.plots.base import LivePlot, configure_pyqtgraph
from playground.gui.plots.curve_plot import CurvePlot
from playground.gui.plots.decision_plot import DecisionPlot
from playground.gui.plots.diagnosis_view import DiagnosisView
from playground.gui.plots.gradients_plot import GradientNormPlot
from playground.gui.plots.loss_plot import LossPlot
from playground.gui.plots.weights_plot import WeightsPlot

REFRESH_INTERVAL_MS = 40  # 25 redraws a second, however fast training runs
SLOWEST_INTERVAL_MS = 250  # under load, never fewer than 4 redraws a second


class PlotArea(QTabWidget):
    """Holds every plot of a run and decouples drawing from training speed.

    Snapshots only go into the plots' buffers (:meth:`add_snapshot` is cheap);
    a timer in the GUI thread redraws at about 25 Hz, and only the plots on the
    visible tab that changed since the last tick, so the event loop stays
    responsive and training is not slowed by drawing.
    """

    TAB_NAMES = ("Training", "Weights", "Gradients", "Diagnosis")

    def __init__(self, parent: QWidget | None = None) -> None:
        configure_pyqtgraph()
        super().__init__(parent)
        self.setDocumentMode(True)
        self.loss = LossPlot()
        self.accuracy = AccuracyPlot()
        self.decision = DecisionPlot()
        self.curve = CurvePlot()
        self.weights = WeightsPlot()
        self.gradients = GradientNormPlot()
        self.diagnosis = DiagnosisView()

        training = QWidget()
        grid = QGridLayout(training)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setSpacing(4)
        grid.addWidget(self.loss, 0, 0)
        grid.addWidget(self.accuracy, 1, 0)
        grid.addWidget(self.decision, 0, 1, 2, 1)
        grid.addWidget(self.curve, 0, 1, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._training_grid = grid
        self.addTab(training, "Training")
        self.addTab(self.weights, "Weights")
        self.addTab(self.gradients, "Gradients")
        self.addTab(self.diagnosis, "Diagnosis")
        self._tabs: tuple[tuple[LivePlot, ...], ...] = (
            (self.loss, self.accuracy, self.decision, self.curve),
            (self.weights,),
            (self.gradients,),
            (self.diagnosis,),
        )
        self.currentChanged.connect(lambda _index: self.refresh())

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self._last_tick = time.perf_counter()
        self.redraw_hidden_tabs = False  # benchmarks set it to draw every plot on every tick
        self.redraw_count = 0  # plots redrawn so far (for benchmarks)
        self.timer.start()
        self.set_dataset(None)

    @property
    def plots(self) -> tuple[LivePlot, ...]:
        """Every live plot, tab by tab."""
        return tuple(plot for tab in self._tabs for plot in tab)

    def set_dataset(self, dataset: Dataset | None) -> None:
        """Show the points of ``dataset`` and only the plots that suit its task and shape."""
        self.decision.set_dataset(dataset)
        self.curve.set_dataset(dataset)
        classification = dataset is None or dataset.info.task == "classification"
        self.accuracy.set_applicable(classification)
        self.accuracy.setVisible(classification)
        on_plane = dataset is not None and dataset.plane is not None
        on_curve = dataset is not None and dataset.curve is not None and not on_plane
        self.decision.setVisible(on_plane or not on_curve)
        self.curve.setVisible(on_curve)
        # Without a picture of the model's function, the curves get the full width.
        self._training_grid.setColumnStretch(1, 1 if (on_plane or on_curve) else 0)
        if not (on_plane or on_curve):
            self.decision.setVisible(False)

    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Buffer ``snapshot`` in every plot; drawing waits for the next timer tick."""
        for plot in self.plots:
            plot.add_snapshot(snapshot)

    def refresh(self, *, all_tabs: bool = False) -> int:
        """Redraw what changed on the visible tab (or on every tab); return how many plots redrew."""
        redrawn = 0
        tabs = self._tabs if all_tabs else (self._tabs[max(self.currentIndex(), 0)],)
        for tab in tabs:
            for plot in tab:
                redrawn += plot.refresh()
        self._update_diagnosis_title()
        return redrawn

    def _tick(self) -> None:
        # Frame governor: a tick that comes late means drawing (or anything else) keeps
        # the event loop busy, so draw less often until it catches up; clicks and the
        # training thread then keep their share of the CPU on slow or busy machines.
        now = time.perf_counter()
        interval = self.timer.interval()
        late_ms = (now - self._last_tick) * 1000 - interval
        if late_ms > 0.5 * interval:
            interval = min(SLOWEST_INTERVAL_MS, int(interval * 1.5))
        elif late_ms < 5:
            interval = max(REFRESH_INTERVAL_MS, int(interval * 0.9))
        if interval != self.timer.interval():
            self.timer.setInterval(interval)
        self.redraw_count += self.refresh(all_tabs=self.redraw_hidden_tabs)
        self._last_tick = time.perf_counter()

    def _update_diagnosis_title(self) -> None:
        count = sum(hint.severity != "info" for hint in self.diagnosis.hints)
        title = f"Diagnosis ({count})" if count else "Diagnosis"
        index = self.indexOf(self.diagnosis)
        if self.tabText(index) != title:
            self.setTabText(index, title)

    def reset(self) -> None:
        """Clear every plot for a new run (the data points stay)."""
        for plot in self.plots:
            plot.reset()
        self._update_diagnosis_title()

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """Every exportable plot by a readable name, for File ▸ Export."""
        items: dict[str, pg.PlotItem | pg.GraphicsLayoutWidget] = {}
        # Plots that do not suit the current data are hidden and not worth saving
        # (pages of other tabs are hidden too, so only these three are checked).
        unsuitable = {
            id(widget) for widget in (self.decision, self.curve, self.accuracy) if widget.isHidden()
        }
        for plot in self.plots:
            if id(plot) not in unsuitable:
                items.update(plot.export_items())
        return items
