"""The fitted curve for regression on one input: the data as points, the model as a line."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from playground.core.data.base import Dataset
from playground.core.training.snapshot import FittedCurve, Snapshot
from playground.gui.plots.base import cache_legend, style_plot
from playground.gui.plots.built_on_show import BuiltOnShow
from playground.gui.plots.colors import OKABE_ITO, TRAIN_COLOR, VALIDATION_COLOR
from playground.gui.plots.views import PlotView


class CurvePlot(BuiltOnShow):
    """Shows how well the network's function follows 1-D data as training goes on.

    Training points are filled circles, validation points hollow crosses, and
    the model's prediction a solid line, so the three differ by shape too. Its views are
    made when it is first shown (only regression on one input shows it).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._curve: FittedCurve | None = None
        self._dirty = False
        self._dataset: Dataset | None = None

    def build_views(self) -> None:
        """The data as points and the model as a line, with a legend."""
        self.widget = PlotView()
        self.plot: pg.PlotItem = self.widget.getPlotItem()
        style_plot(
            self.plot,
            title=self.tr("Fitted curve"),
            x_label=self.tr("input"),
            y_label=self.tr("target"),
        )
        legend = self.plot.addLegend(offset=(5, 5), labelTextSize="8pt")
        self.train_points = pg.ScatterPlotItem(
            name=self.tr("training data"),
            symbol="o",
            size=5,
            pen=pg.mkPen(TRAIN_COLOR),
            brush=pg.mkBrush(TRAIN_COLOR),
        )
        self.validation_points = pg.ScatterPlotItem(
            name=self.tr("validation data"),
            symbol="x",
            size=7,
            pen=pg.mkPen(VALIDATION_COLOR, width=1.5),
            brush=pg.mkBrush(VALIDATION_COLOR),
        )
        self.model_line = pg.PlotDataItem(
            name=self.tr("model"), pen=pg.mkPen(OKABE_ITO[5], width=2.5), antialias=True
        )
        for item in (self.train_points, self.validation_points, self.model_line):
            self.plot.addItem(item)
        cache_legend(legend)
        self.note = pg.TextItem("", color="#777777", anchor=(0.5, 0.5))
        self.plot.addItem(self.note, ignoreBounds=True)
        self.rows.addWidget(self.widget)
        self._draw_data()
        self._dirty = self._curve is not None

    def set_dataset(self, dataset: Dataset | None) -> None:
        """Draw the data points of ``dataset`` (blank for data with more than one input)."""
        self._dataset = dataset
        self.reset()
        if self.is_built:
            self._draw_data()

    def _draw_data(self) -> None:
        dataset = self._dataset
        if dataset is None or dataset.curve is None:
            self.train_points.setData([], [])
            self.validation_points.setData([], [])
            self.note.setText(self.tr("The fitted curve is drawn for regression with one input."))
            self.note.setPos(0.5, 0.5)
            self.plot.setRange(xRange=(0, 1), yRange=(0, 1))
            return
        self.note.setText("")
        self.train_points.setData(
            dataset.x_train[:, 0].numpy(),
            dataset.y_train.reshape(len(dataset.y_train), -1)[:, 0].numpy(),
        )
        if len(dataset.x_val):
            self.validation_points.setData(
                dataset.x_val[:, 0].numpy(),
                dataset.y_val.reshape(len(dataset.y_val), -1)[:, 0].numpy(),
            )
        else:
            self.validation_points.setData([], [])
        self.plot.enableAutoRange()

    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Keep the newest fitted curve."""
        if snapshot.curve is not None:
            self._curve = snapshot.curve
            self._dirty = True

    def refresh(self) -> bool:
        """Redraw the model line if a new curve arrived."""
        if not self._dirty or self._curve is None:
            return False
        self.ensure_built()
        self._dirty = False
        y = np.asarray(self._curve.y, dtype=np.float64).reshape(len(self._curve.x), -1)[:, 0]
        self.model_line.setData(np.asarray(self._curve.x, dtype=np.float64), y)
        return True

    def reset(self) -> None:
        """Remove the model line (the data points stay until the data changes)."""
        self._curve = None
        self._dirty = False
        if self.is_built:
            self.model_line.setData([], [])

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """The fitted-curve plot, for saving as an image."""
        self.ensure_built()
        return {"fitted curve": self.plot}
