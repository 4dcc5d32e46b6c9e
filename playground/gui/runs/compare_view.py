"""Compare runs: their loss curves overlaid, and the settings that differ listed in words.

Seeing two curves on one plot, with the one setting that differs named next to
them, is how a learner connects a change to its effect. Each run gets a
colour-blind-safe colour *and* its own line style, so the curves stay apart in
greyscale printouts and on washed-out projectors too.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from playground.core.runs.differences import diff_runs
from playground.core.runs.records import RunRecord
from playground.gui.plots.base import configure_pyqtgraph, style_plot
from playground.gui.plots.colors import OKABE_ITO

LINE_STYLES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)
RUN_COLOURS = OKABE_ITO[:6]  # the strong colours; grey and near-black read as "inactive"


def run_pen(index: int) -> pg.QtGui.QPen:
    """The pen of the ``index``-th compared run: colour and line style both differ."""
    colour = RUN_COLOURS[index % len(RUN_COLOURS)]
    style = LINE_STYLES[index % len(LINE_STYLES)]
    return pg.mkPen(colour, width=2, style=style)


def difference_lines(records: list[RunRecord], numbers: list[int]) -> list[str]:
    """For every run after the first: what differs from the first, one line per setting."""
    if len(records) < 2:
        return []
    base, base_number = records[0], numbers[0]
    lines: list[str] = []
    for record, number in zip(records[1:], numbers[1:], strict=True):
        changes = diff_runs(base, record)
        if not changes:
            lines.append(
                QCoreApplication.translate(
                    "CompareDialog", "Run {number} has the same settings as run {base}."
                ).format(number=number, base=base_number)
            )
        for change in changes:
            lines.append(
                QCoreApplication.translate(
                    "CompareDialog", "Run {number} vs run {base}: {change}"
                ).format(number=number, base=base_number, change=change.text)
            )
    return lines


def _finite(xs: list[int], ys: list[float | None]) -> tuple[list[float], list[float]]:
    pairs = [(float(x), float(y)) for x, y in zip(xs, ys, strict=False) if y is not None]
    kept = [(x, y) for x, y in pairs if math.isfinite(y)]
    return [x for x, _ in kept], [y for _, y in kept]


class CompareDialog(QDialog):
    """Overlays the training and validation loss of the chosen runs and lists their differences."""

    def __init__(
        self, records: list[RunRecord], numbers: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        configure_pyqtgraph()
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Compare runs"))
        self.resize(900, 640)
        self.records = records
        self.numbers = numbers
        self.train_plot = pg.PlotWidget()
        self.val_plot = pg.PlotWidget()
        style_plot(
            self.train_plot.getPlotItem(),
            title=self.tr("Training loss"),
            x_label=self.tr("epoch"),
            y_label=self.tr("loss"),
        )
        style_plot(
            self.val_plot.getPlotItem(),
            title=self.tr("Validation loss"),
            x_label=self.tr("epoch"),
            y_label=self.tr("loss"),
        )
        self.train_curves: list[pg.PlotDataItem] = []  # mean training loss of each epoch
        self.step_curves: list[pg.PlotDataItem] = []  # every step (noisy), shown on request
        self.val_curves: list[pg.PlotDataItem] = []
        self._draw()
        self.every_step = QCheckBox(self.tr("Show the training loss of every step"))
        self.every_step.setToolTip(
            self.tr("Per-step losses jump with every batch; the epoch means are easier to compare.")
        )
        self.every_step.toggled.connect(self.show_every_step)

        plots = QSplitter(Qt.Orientation.Horizontal)
        plots.addWidget(self.train_plot)
        plots.addWidget(self.val_plot)
        self.differences = QListWidget()
        self.differences.setObjectName("settingDifferences")
        lines = difference_lines(records, numbers)
        if lines:
            self.differences.addItems(lines)
        else:
            self.differences.addItem(
                self.tr("Choose two or more runs to see which settings differ.")
            )
        title = QLabel(self.tr("<b>Settings that differ</b>"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(plots, 3)
        layout.addWidget(self.every_step)
        layout.addWidget(title)
        layout.addWidget(self.differences, 1)
        layout.addWidget(buttons)

    def _draw(self) -> None:
        train_legend = self.train_plot.getPlotItem().addLegend(offset=(-10, 10))
        val_legend = self.val_plot.getPlotItem().addLegend(offset=(-10, 10))
        train_legend.setLabelTextSize("9pt")
        val_legend.setLabelTextSize("9pt")
        has_validation = False
        for index, (record, number) in enumerate(zip(self.records, self.numbers, strict=True)):
            pen = run_pen(index)
            name = self.tr("Run {number}").format(number=number)
            curves = record.curves
            xs, ys = _finite(curves.epochs, list(curves.epoch_losses))
            self.train_curves.append(self.train_plot.plot(xs, ys, pen=pen, name=name))
            sx, sy = _finite(curves.steps, list(curves.losses))
            step_curve = pg.PlotDataItem(sx, sy, pen=pen)
            step_curve.setVisible(False)
            self.step_curves.append(step_curve)
            vx, vy = _finite(curves.epochs, curves.val_losses)
            has_validation = has_validation or bool(vy)
            self.val_curves.append(self.val_plot.plot(vx, vy, pen=pen, name=name))
        for curve in self.step_curves:
            self.train_plot.addItem(curve)
        if not has_validation:
            note = pg.TextItem(self.tr("These runs have no validation data."), color="#777777")
            self.val_plot.addItem(note)

    def show_every_step(self, every_step: bool) -> None:
        """Switch the training plot between epoch means and the loss of every step."""
        for curve in self.train_curves:
            curve.setVisible(not every_step)
        for curve in self.step_curves:
            curve.setVisible(every_step)
        self.train_plot.getPlotItem().getAxis("bottom").setLabel(
            "step" if every_step else self.tr("epoch")
        )
        self.train_plot.getPlotItem().enableAutoRange()
