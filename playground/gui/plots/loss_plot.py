"""The loss curves: every training step's loss and the validation loss, over steps."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from playground.core.runs.records import RunRecord, epoch_end_steps
from playground.core.training.snapshot import Snapshot
from playground.gui.plots.axes import ValueAxisFollower
from playground.gui.plots.base import LIVE_STATES, StepAxisFollower, cache_legend, style_plot
from playground.gui.plots.buffers import CurveBuffer
from playground.gui.plots.colors import TRAIN_COLOR, VALIDATION_COLOR
from playground.gui.plots.views import PlotView

# Log scales cannot show zero; a perfect fit is drawn at this floor instead.
LOG_FLOOR = 1e-12


class LossPlot(QWidget):
    """Train loss per step and validation loss per epoch, with a log-scale switch.

    Losses usually fall over orders of magnitude, so a log scale is one click
    away; the train curve is peak-downsampled and clipped to the view so even a
    run of millions of steps redraws quickly.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.train = CurveBuffer()
        self.validation = CurveBuffer(capacity=1024)
        self._drawn_versions = (-1, -1)
        self._log = False

        self.widget = PlotView()
        self.plot: pg.PlotItem = self.widget.getPlotItem()
        style_plot(
            self.plot, title=self.tr("Loss"), x_label=self.tr("step"), y_label=self.tr("loss")
        )
        legend = self.plot.addLegend(offset=(-10, 10))
        self.plot.setClipToView(True)
        self.x_axis = StepAxisFollower(self.plot)
        self.y_axis = ValueAxisFollower(self.plot)
        self.plot.setDownsampling(auto=True, mode="peak")
        self.train_curve = self.plot.plot(
            name=self.tr("training"), pen=pg.mkPen(TRAIN_COLOR, width=1)
        )
        self.validation_curve = self.plot.plot(
            name=self.tr("validation"),
            pen=pg.mkPen(VALIDATION_COLOR, width=1.5, style=Qt.PenStyle.DashLine),
        )
        cache_legend(legend)

        self.log_box = QCheckBox(self.tr("Log scale"))
        self.log_box.setToolTip(
            self.tr("Show the loss on a logarithmic axis, to see small changes late in training.")
        )
        self.log_box.toggled.connect(self.set_log_scale)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addStretch(1)
        bar.addWidget(self.log_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.widget, 1)

    @property
    def log_scale(self) -> bool:
        """Whether the y axis is logarithmic."""
        return self._log

    def set_log_scale(self, on: bool) -> None:
        """Switch the y axis between linear and logarithmic."""
        if self.log_box.isChecked() != on:
            self.log_box.setChecked(on)  # re-enters through the toggled signal
            return
        self._log = on
        self.plot.setLogMode(x=False, y=on)
        self.y_axis.reset()
        self._drawn_versions = (-1, -1)
        self.refresh()

    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Append every new train loss and the validation loss of every epoch that ended.

        Validation is measured at each epoch's end, so the curve has one point per
        epoch whatever the snapshot rate: two identical runs draw the same curve.
        """
        self.x_axis.live = snapshot.state in LIVE_STATES
        if not self.x_axis.live:
            self._drawn_versions = (-1, -1)  # redraw once more to fit the axis to the run
        if snapshot.new_steps.size:
            self.train.extend(snapshot.new_steps, snapshot.new_losses)
        for record in snapshot.new_epochs:
            if record.val_loss is not None:
                self._add_validation(record.step, record.val_loss)

    def _add_validation(self, step: int, value: float) -> None:
        last = self.validation.last
        if last is None or step > last[0]:
            self.validation.append(float(step), float(value))

    def show_record(self, record: RunRecord) -> None:
        """Draw the curves of a recorded run (a reopened file's last run) in place of any other."""
        self.reset()
        curves = record.curves
        self.train.extend(
            np.asarray(curves.steps, dtype=np.float64), np.asarray(curves.losses, dtype=np.float64)
        )
        for step, value in zip(epoch_end_steps(record), curves.val_losses, strict=False):
            if value is not None:
                self._add_validation(step, value)
        self.x_axis.live = False
        self._drawn_versions = (-1, -1)
        self.refresh()

    def _y(self, values: np.ndarray) -> np.ndarray:
        return np.maximum(values, LOG_FLOOR) if self._log else values.copy()

    def refresh(self) -> bool:
        """Redraw the curves that changed."""
        versions = (self.train.version, self.validation.version)
        if versions == self._drawn_versions:
            return False
        if versions[0] != self._drawn_versions[0]:
            self.train_curve.setData(self.train.x.copy(), self._y(self.train.y))
        if versions[1] != self._drawn_versions[1]:
            self.validation_curve.setData(self.validation.x.copy(), self._y(self.validation.y))
        self._drawn_versions = versions
        self.x_axis.follow(
            max(self.train.x[-1:].max(initial=0), self.validation.x[-1:].max(initial=0))
        )
        self.y_axis.follow(self.train.y, self.validation.y)
        return True

    def reset(self) -> None:
        """Clear both curves for a new run."""
        self.train.clear()
        self.validation.clear()
        self.refresh()
        self.x_axis.reset()
        self.y_axis.reset()

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """The loss plot, for saving as an image."""
        return {"loss": self.plot}
