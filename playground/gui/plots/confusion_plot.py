"""The confusion matrix tab: which true classes the model predicts as which (classification)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from playground.core.data.base import Dataset
from playground.core.training.confusion import ClassPredictions, confusion_matrix
from playground.core.training.snapshot import Snapshot
from playground.gui.plots.base import style_plot
from playground.gui.plots.built_on_show import BuiltOnShow
from playground.gui.plots.colors import sequential_map
from playground.gui.plots.views import PlotView

#: Counts are written into the cells up to this many classes; beyond, the colours say it.
MAX_LABELLED_CLASSES = 12


class ConfusionPlot(BuiltOnShow):
    """Counts of (true class, predicted class) pairs as a coloured grid with the numbers in it.

    Row = true class, column = predicted class (scikit-learn's layout), so the
    diagonal holds the correct answers and every other cell one kind of
    mistake. Cells are coloured by their share of the row, so a rare class's
    mistakes show as clearly as a common one's. Computed from the validation
    data, or from the training data when there is no validation part. Its views are
    made when the tab is first shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.class_names: tuple[str, ...] = ()
        self.predictions: ClassPredictions | None = None
        self.matrix: np.ndarray | None = None
        self._dirty = False
        self._labels: list[pg.TextItem] = []
        self._count_font = QFont()
        self._count_font.setPointSize(12)
        self._count_font.setBold(True)
        self.set_dataset(None)

    def build_views(self) -> None:
        """The grid of cells with their counts."""
        self.widget = PlotView()
        self.plot: pg.PlotItem = self.widget.getPlotItem()
        style_plot(
            self.plot,
            title=self.tr("Confusion matrix"),
            x_label=self.tr("predicted class"),
            y_label=self.tr("true class"),
            grid=False,
        )
        self.plot.invertY(True)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(sequential_map())
        self.plot.addItem(self.image)
        self.note = pg.TextItem("", color="#777777", anchor=(0.5, 0.5))
        self.plot.addItem(self.note, ignoreBounds=True)
        self.rows.addWidget(self.widget)
        self._dirty = True

    def set_dataset(self, dataset: Dataset | None) -> None:
        """Take the class names of ``dataset`` (none: the task has no classes)."""
        classification = dataset is not None and dataset.info.task == "classification"
        info = dataset.info if dataset is not None else None
        if classification and info is not None:
            names = info.class_names or tuple(str(i) for i in range(info.num_outputs))
        else:
            names = ()
        self.class_names = tuple(names)
        self.reset()

    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Keep the newest predictions."""
        if snapshot.predictions is not None and self.class_names:
            self.predictions = snapshot.predictions
            self._dirty = True

    def refresh(self) -> bool:
        """Redraw the matrix if new predictions arrived."""
        if not self._dirty:
            return False
        self.ensure_built()
        self._dirty = False
        predictions = self.predictions
        if predictions is None or not self.class_names:
            self._draw_empty()
            return True
        count = len(self.class_names)
        matrix = confusion_matrix(predictions.true, predictions.predicted, count)
        self.matrix = matrix
        rows = matrix.sum(axis=1, keepdims=True)
        shares = np.divide(matrix, rows, out=np.zeros(matrix.shape), where=rows > 0)
        self.note.setText("")
        self.image.setImage(shares.astype(np.float32), autoLevels=False, levels=(0.0, 1.0))
        self.image.setRect(-0.5, -0.5, count, count)
        self.plot.setRange(xRange=(-0.5, count - 0.5), yRange=(-0.5, count - 0.5), padding=0)
        self._write_counts(matrix, shares)
        which = self.tr("validation") if predictions.on_validation else self.tr("training")
        self.plot.setTitle(
            self.tr("Confusion matrix (%1 data, %n samples)", "", predictions.count).replace(
                "%1", which
            )
        )
        return True

    def _write_counts(self, matrix: np.ndarray, shares: np.ndarray) -> None:
        count = matrix.shape[0]
        ticks = [(i, name) for i, name in enumerate(self.class_names)]
        for axis in ("bottom", "left"):
            self.plot.getAxis(axis).setTicks([ticks, []])
        if count > MAX_LABELLED_CLASSES:
            self._remove_labels()
            return
        if len(self._labels) != count * count:
            self._remove_labels()
            for index in range(count * count):
                label = pg.TextItem("", anchor=(0.5, 0.5))
                label.setFont(self._count_font)
                label.setPos(index % count, index // count)
                self.plot.addItem(label, ignoreBounds=True)
                self._labels.append(label)
        for index, label in enumerate(self._labels):
            row, column = divmod(index, count)
            # Light text on the dark (low) end of viridis, dark text on the bright end.
            label.setColor("#FFFFFF" if shares[row, column] < 0.6 else "#1A1A1A")
            label.setText(str(int(matrix[row, column])))

    def _remove_labels(self) -> None:
        for label in self._labels:
            self.plot.removeItem(label)
        self._labels = []

    def _draw_empty(self) -> None:
        self.matrix = None
        self.image.clear()
        self._remove_labels()
        self.plot.setTitle(self.tr("Confusion matrix"))
        for axis in ("bottom", "left"):
            self.plot.getAxis(axis).setTicks(None)
        self.note.setText(
            self.tr("The confusion matrix appears once a classification run has started.")
            if self.class_names
            else self.tr("The confusion matrix is drawn for classification only.")
        )
        self.note.setPos(0.5, 0.5)
        self.plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)

    def reset(self) -> None:
        """Forget the predictions for a new run."""
        self.predictions = None
        self.matrix = None
        self._dirty = True
        if self.is_built:
            self.refresh()

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """The confusion matrix, for saving as an image."""
        self.ensure_built()
        return {"confusion matrix": self.plot}
