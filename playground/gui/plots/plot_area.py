"""The plot area: every live plot of a run in four tabs, redrawn by one timer."""

from __future__ import annotations

import time

import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QTabWidget, QWidget

from playground.core.data.base import Dataset
from playground.core.runs.records import RunRecord
from playground.core.training.snapshot import Snapshot
from playground.gui.plots.accuracy_plot import AccuracyPlot
from playground.gui.plots.base import (
    DARK,
    LIGHT,
    LivePlot,
    apply_plot_font,
    apply_plot_theme,
    configure_pyqtgraph,
)
from playground.gui.plots.confusion_plot import ConfusionPlot
from playground.gui.plots.curve_plot import CurvePlot
from playground.gui.plots.decision_plot import DecisionPlot
from playground.gui.plots.diagnosis_view import DiagnosisView
from playground.gui.plots.gradients_plot import GradientNormPlot
from playground.gui.plots.loss_plot import LossPlot
from playground.gui.plots.misclassified_view import MisclassifiedView
from playground.gui.plots.pacing import FASTEST_INTERVAL_MS, FramePacer
from playground.gui.plots.run_result import RunResultLine
from playground.gui.plots.views import LayoutView, PlotView
from playground.gui.plots.weights_plot import WeightsPlot

REFRESH_INTERVAL_MS = FASTEST_INTERVAL_MS  # 25 redraws a second when drawing is cheap


class PlotArea(QTabWidget):
    """Holds every plot of a run and decouples drawing from training speed.

    Snapshots only go into the plots' buffers (:meth:`add_snapshot` is cheap);
    a timer in the GUI thread redraws only the plots on the visible tab that
    changed since the last tick. Training shares Python's interpreter lock with
    this thread, so a :class:`FramePacer` keeps the GUI thread's busy share
    within a budget: 25 redraws a second when drawing is cheap, fewer (never
    below 4) on slow or busy machines, so training keeps its speed and the
    event loop stays responsive.
    """

    TAB_NAMES = ("Training", "Weights", "Gradients", "Diagnosis", "Confusion matrix", "Mistakes")
    # After each frame (drawn, or skipped because the area is not on screen): the window
    # then takes the next snapshot, so snapshots come at the display's rate.
    frame_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        configure_pyqtgraph()
        super().__init__(parent)
        self.setDocumentMode(True)
        self._font_points: float | None = None  # the app's text size, once told
        self.loss = LossPlot()
        self.accuracy = AccuracyPlot()
        self.decision = DecisionPlot()
        self.curve = CurvePlot()
        self.weights = WeightsPlot()
        self.gradients = GradientNormPlot()
        self.diagnosis = DiagnosisView()
        self.confusion = ConfusionPlot()
        self.mistakes = MisclassifiedView()
        self.result = RunResultLine()

        training = QWidget()
        grid = QGridLayout(training)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setSpacing(4)
        grid.addWidget(self.result, 0, 0, 1, 2)
        grid.addWidget(self.loss, 1, 0)
        grid.addWidget(self.accuracy, 2, 0)
        grid.addWidget(self.decision, 1, 1, 2, 1)
        grid.addWidget(self.curve, 1, 1, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 1)
        self._training_grid = grid
        self.addTab(training, self.tr("Training"))
        self.addTab(self.weights, self.tr("Weights"))
        self.addTab(self.gradients, self.tr("Gradients"))
        self.addTab(self.diagnosis, self.tr("Diagnosis"))
        self.addTab(self.confusion, self.tr("Confusion matrix"))
        self.addTab(self.mistakes, self.tr("Mistakes"))
        self._tabs: tuple[tuple[LivePlot, ...], ...] = (
            (self.loss, self.accuracy, self.decision, self.curve),
            (self.weights,),
            (self.gradients,),
            (self.diagnosis,),
            (self.confusion,),
            (self.mistakes,),
        )
        self.currentChanged.connect(lambda _index: self.refresh())
        for deferred in (self.curve, self.weights, self.gradients, self.confusion):
            deferred.built.connect(lambda plot=deferred: self._style_built(plot))

        self.pacer = FramePacer()
        self._views: list[PlotView | LayoutView] = self.findChildren(PlotView) + self.findChildren(
            LayoutView
        )
        self._paint_seconds = 0.0  # the views' painting time counted so far
        self._pending: list[LivePlot] = []  # plots the current frame has yet to redraw
        self._step_scheduled = False
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self.redraw_hidden_tabs = False  # benchmarks set it to draw every plot on every tick
        self.redraw_count = 0  # plots redrawn so far (for benchmarks)
        self.frame_count = 0  # timer ticks so far (for benchmarks)
        self.dark = False
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
        self.confusion.set_dataset(dataset)
        self.mistakes.set_dataset(dataset)
        if self._font_points is not None:
            self.set_font_points(self._font_points)  # the new legends start at their own size
        classification = dataset is None or dataset.info.task == "classification"
        self.accuracy.set_applicable(classification)
        self.accuracy.setVisible(classification)
        for view in (self.confusion, self.mistakes):
            self.setTabVisible(self.indexOf(view), classification)
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
        now = time.perf_counter()
        painted = sum(view.paint_seconds for view in self._views)
        self.pacer.add_cost(painted - self._paint_seconds)  # Qt paints after the steps
        self._paint_seconds = painted
        interval = self.pacer.frame(now)
        if interval != self.timer.interval():
            self.timer.setInterval(interval)
        self.frame_count += 1
        if self.redraw_hidden_tabs:
            tabs = self._tabs
        elif self.isVisible():
            tabs = (self._tabs[max(self.currentIndex(), 0)],)
        else:
            tabs = ()  # nothing on screen costs nothing; showing it again redraws at once
        self._pending = [plot for tab in tabs for plot in tab]
        if not self._step_scheduled:
            self._frame_step()

    def _frame_step(self) -> None:
        # One plot per turn of the event loop, painted at once: a frame blocks clicks and
        # timers only as long as its slowest plot, not as long as all of them together.
        self._step_scheduled = False
        while self._pending:
            plot = self._pending.pop(0)
            started = time.perf_counter()
            changed = plot.refresh()
            self.pacer.add_cost(time.perf_counter() - started)
            if not changed:
                continue
            self.redraw_count += 1
            if isinstance(plot, QWidget) and plot.isVisible():
                for view in plot.findChildren(pg.GraphicsView):
                    # pyqtgraph settles view ranges when a paint begins, which marks the
                    # view dirty again; settling first makes one paint enough.
                    view.scene().prepareForPaint()
                plot.repaint()  # timed by the views, counted at the next tick
            break
        if self._pending:
            self._step_scheduled = True
            QTimer.singleShot(0, self, self._frame_step)
        else:
            self._update_diagnosis_title()
            self.frame_done.emit()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back on screen (a restored window): draw the latest data at once."""
        super().showEvent(event)
        self.refresh()

    def set_dark(self, dark: bool) -> None:
        """Recolour every plot for the dark (or light) app theme; data colours stay."""
        self.dark = dark
        theme = DARK if dark else LIGHT
        for view in self.findChildren(pg.GraphicsView):
            apply_plot_theme(view, theme)
        self.gradients.set_dark(dark)

    def _style_built(self, plot: QWidget) -> None:
        """A tab's views were just made: give them the theme and text size, and time them."""
        for view in plot.findChildren(pg.GraphicsView):
            apply_plot_theme(view, DARK if self.dark else LIGHT)
            if self._font_points is not None:
                apply_plot_font(view, self._font_points)
        self._views = self.findChildren(PlotView) + self.findChildren(LayoutView)

    def set_font_points(self, points: float) -> None:
        """Plot text follows the app's text size (see :func:`apply_plot_font`)."""
        self._font_points = points
        for view in self.findChildren(pg.GraphicsView):
            apply_plot_font(view, points)

    def _update_diagnosis_title(self) -> None:
        # The number counts the cards shown, notes included.
        count = len(self.diagnosis.hints)
        title = (
            self.tr("Diagnosis ({count})").format(count=count) if count else self.tr("Diagnosis")
        )
        index = self.indexOf(self.diagnosis)
        if self.tabText(index) != title:
            self.setTabText(index, title)

    def reset(self) -> None:
        """Clear every plot for a new run (the data points stay)."""
        for plot in self.plots:
            plot.reset()
        self.result.clear_result()
        self._update_diagnosis_title()

    def show_record(self, record: RunRecord, number: int) -> None:
        """Draw a recorded run's curves and result (a reopened file's last run)."""
        self.loss.show_record(record)
        self.accuracy.show_record(record)
        self.result.show_result(record, number)

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """Every exportable plot by a readable name, for File ▸ Export."""
        # Plots on tabs not on show have not drawn the latest snapshots yet.
        self.refresh(all_tabs=True)
        items: dict[str, pg.PlotItem | pg.GraphicsLayoutWidget] = {}
        # Plots that do not suit the current data are hidden and not worth saving
        # (pages of other tabs are hidden too, so only these three are checked).
        unsuitable = {
            id(widget) for widget in (self.decision, self.curve, self.accuracy) if widget.isHidden()
        }
        if not self.isTabVisible(self.indexOf(self.confusion)):
            unsuitable.add(id(self.confusion))  # regression: no classes to confuse
        for plot in self.plots:
            if id(plot) not in unsuitable:
                items.update(plot.export_items())
        return items
