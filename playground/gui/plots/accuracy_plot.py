"""Accuracy on the training and validation sets over steps (classification only)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from playground.core.runs.records import RunRecord, epoch_end_steps
from playground.core.training.snapshot import Snapshot
from playground.gui.plots.base import LIVE_STATES, StepAxisFollower, cache_legend, style_plot
from playground.gui.plots.buffers import CurveBuffer
from playground.gui.plots.colors import TRAIN_COLOR, VALIDATION_COLOR
from playground.gui.plots.views import PlotView


class AccuracyPlot(QWidget):
    """Train and validation accuracy in percent, so over- and under-fitting show at a glance.

    Both are measured at the end of every epoch (see ``EpochRecord``), so the
    curves have one point per epoch whatever the snapshot rate. The y axis stays fixed at 0–100 % so curves from different runs compare
    by eye; the plot says so when the task has no accuracy (regression).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.train = CurveBuffer(capacity=2048)
        self.validation = CurveBuffer(capacity=2048)
        self._drawn_versions = (-1, -1)

        self.widget = PlotView()
        self.plot: pg.PlotItem = self.widget.getPlotItem()
        style_plot(
            self.plot,
            title=self.tr("Accuracy"),
            x_label=self.tr("step"),
            y_label=self.tr("accuracy (%)"),
        )
        legend = self.plot.addLegend(offset=(-10, -10))
        self.plot.setYRange(0, 100, padding=0.05)
        self.plot.enableAutoRange(axis="y", enable=False)
        self.x_axis = StepAxisFollower(self.plot)
        self.plot.setClipToView(True)
        self.train_curve = self.plot.plot(
            name=self.tr("training"), pen=pg.mkPen(TRAIN_COLOR, width=1)
        )
        self.validation_curve = self.plot.plot(
            name=self.tr("validation"),
            pen=pg.mkPen(VALIDATION_COLOR, width=1.5, style=Qt.PenStyle.DashLine),
        )
        cache_legend(legend)
        self.note = pg.TextItem("", color="#777777", anchor=(0.5, 0.5))
        self.note.setPos(0.5, 50)
        self.plot.addItem(self.note, ignoreBounds=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.widget)

    def set_applicable(self, applicable: bool) -> None:
        """Show a note instead of curves when the task has no accuracy (regression)."""
        self.note.setText(
            "" if applicable else self.tr("Accuracy is only measured for classification.")
        )
        self.note.setVisible(not applicable)

    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Append the accuracies of every epoch that ended (skipped when the task has none)."""
        self.x_axis.live = snapshot.state in LIVE_STATES
        if not self.x_axis.live:
            self._drawn_versions = (-1, -1)  # redraw once more to fit the axis to the run
        for record in snapshot.new_epochs:
            self._add(record.step, record.train_accuracy, record.val_accuracy)

    def _add(self, step: int, train: float | None, validation: float | None) -> None:
        for buffer, value in ((self.train, train), (self.validation, validation)):
            if value is None:
                continue
            last = buffer.last
            if last is None or step > last[0]:
                buffer.append(float(step), 100.0 * float(value))

    def show_record(self, record: RunRecord) -> None:
        """Draw the accuracy curves of a recorded run (empty for files that kept none)."""
        self.reset()
        curves = record.curves
        steps = epoch_end_steps(record)
        count = len(steps)
        train = curves.train_accuracies if len(curves.train_accuracies) == count else [None] * count
        validation = (
            curves.val_accuracies if len(curves.val_accuracies) == count else [None] * count
        )
        for step, train_value, validation_value in zip(steps, train, validation, strict=True):
            self._add(step, train_value, validation_value)
        self.x_axis.live = False
        self._drawn_versions = (-1, -1)
        self.refresh()

    def refresh(self) -> bool:
        """Redraw the curves that changed."""
        versions = (self.train.version, self.validation.version)
        if versions == self._drawn_versions:
            return False
        if versions[0] != self._drawn_versions[0]:
            self.train_curve.setData(self.train.x.copy(), self.train.y.copy())
        if versions[1] != self._drawn_versions[1]:
            self.validation_curve.setData(self.validation.x.copy(), self.validation.y.copy())
        self._drawn_versions = versions
        self.x_axis.follow(
            max(self.train.x[-1:].max(initial=0), self.validation.x[-1:].max(initial=0))
        )
        return True

    def reset(self) -> None:
        """Clear both curves for a new run."""
        self.train.clear()
        self.validation.clear()
        self.refresh()
        self.x_axis.reset()

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """The accuracy plot, for saving as an image."""
        return {"accuracy": self.plot}
