"""The mistakes tab: the samples the model gets wrong, with their true and predicted class.

Seeing the mistakes themselves teaches more than a number: a 4 written like a
9, a point deep in the other class's cloud. Images (digits) are shown as
small pictures; other data as a table of their inputs.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import torch
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.data.base import Dataset
from playground.core.training.confusion import (
    ClassPredictions,
    misclassified_indices,
    sample_image_shape,
)
from playground.core.training.snapshot import Snapshot

ICON_PIXELS = 64  # each 8×8 digit drawn 8× larger, pixels kept sharp
MAX_TABLE_INPUTS = 4  # inputs shown per row for data that is not an image


def grey_image(values: np.ndarray, shape: tuple[int, int], pixels: int) -> QImage:
    """``values`` (one flat or 2-D sample) as a dark-on-light picture ``pixels`` wide."""
    grid = np.asarray(values, dtype=np.float64).reshape(shape)
    low, high = float(grid.min()), float(grid.max())
    scaled = (grid - low) / (high - low) if high > low else np.zeros_like(grid)
    # Ink dark on white paper, as the digits were written.
    grey = np.ascontiguousarray((255 * (1.0 - scaled)).astype(np.uint8))
    rows, columns = shape
    image = QImage(grey.data, columns, rows, columns, QImage.Format.Format_Grayscale8).copy()
    return image.scaled(pixels, pixels * rows // columns, Qt.AspectRatioMode.KeepAspectRatio)


class MisclassifiedView(QWidget):
    """Lists the first misclassified samples of the set the confusion matrix counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.predictions: ClassPredictions | None = None
        self.shown: np.ndarray = np.zeros(0, dtype=np.int64)  # positions of the listed samples
        self._shown_classes: np.ndarray = np.zeros(0, dtype=np.int64)
        self._image_shape: tuple[int, int] | None = None
        self._dirty = False

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(6, 4, 6, 4)
        self.images = QListWidget()
        self.images.setViewMode(QListView.ViewMode.IconMode)
        self.images.setIconSize(QSize(ICON_PIXELS, ICON_PIXELS))
        self.images.setResizeMode(QListView.ResizeMode.Adjust)
        self.images.setMovement(QListView.Movement.Static)
        self.images.setSpacing(6)
        self.images.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.images, 1)
        layout.addWidget(self.table, 1)
        self.set_dataset(None)

    def set_dataset(self, dataset: Dataset | None) -> None:
        """The data whose samples are listed (None, or regression: nothing to list)."""
        self.dataset = (
            dataset if dataset is not None and dataset.info.task == "classification" else None
        )
        info = self.dataset.info if self.dataset is not None else None
        self._image_shape = (
            None if info is None else sample_image_shape(info.input_shape, info.feature_names)
        )
        self.images.setVisible(self._image_shape is not None)
        self.table.setVisible(self._image_shape is None)
        self.reset()

    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Keep the newest predictions."""
        if snapshot.predictions is not None and self.dataset is not None:
            self.predictions = snapshot.predictions
            self._dirty = True

    def refresh(self) -> bool:
        """Relist the mistakes if they changed."""
        if not self._dirty:
            return False
        self._dirty = False
        predictions, dataset = self.predictions, self.dataset
        if predictions is None or dataset is None:
            self._show_nothing()
            return True
        wrong = misclassified_indices(predictions.true, predictions.predicted)
        total = int(np.count_nonzero(predictions.true != predictions.predicted))
        self._summarise(predictions, total, len(wrong))
        classes = predictions.predicted[wrong]
        if np.array_equal(wrong, self.shown) and np.array_equal(classes, self._shown_classes):
            return True
        self.shown, self._shown_classes = wrong, classes.copy()
        inputs = self._inputs(dataset, predictions.on_validation)
        if self._image_shape is not None:
            self._list_images(inputs, predictions, wrong)
        else:
            self._fill_table(dataset, inputs, predictions, wrong)
        return True

    def _inputs(self, dataset: Dataset, on_validation: bool) -> np.ndarray:
        """The samples' inputs as people read them (plane coordinates for 2-D data)."""
        raw = dataset.raw_val if on_validation else dataset.raw_train
        x = raw if raw is not None else (dataset.x_val if on_validation else dataset.x_train)
        values: torch.Tensor = x.reshape(x.shape[0], -1)
        return values.detach().to("cpu").numpy()

    def _class_name(self, index: int) -> str:
        names = self.dataset.info.class_names if self.dataset is not None else ()
        return names[index] if 0 <= index < len(names) else str(index)

    def _summarise(self, predictions: ClassPredictions, total: int, listed: int) -> None:
        which = self.tr("validation") if predictions.on_validation else self.tr("training")
        # %n is the number misclassified, so English says "1 of 50 … is misclassified".
        if total == 0:
            text = self.tr("No %1 sample is misclassified (%2 samples).")
        elif listed < total:
            text = self.tr(
                "%n of %2 %1 samples are misclassified; the first %4 are shown.", "", total
            )
        else:
            text = self.tr("%n of %2 %1 samples are misclassified.", "", total)
        self.summary.setText(
            text.replace("%1", which)
            .replace("%2", f"{predictions.count:,}")
            .replace("%4", f"{listed:,}")
        )

    def _list_images(
        self, inputs: np.ndarray, predictions: ClassPredictions, wrong: np.ndarray
    ) -> None:
        assert self._image_shape is not None
        self.images.clear()
        names = self.dataset.info.class_names if self.dataset is not None else ()
        longest = max((len(name) for name in names), default=2)
        metrics = self.images.fontMetrics()
        # Room for "true → predicted" on one line under each picture.
        width = max(ICON_PIXELS, metrics.horizontalAdvance("W" * (2 * longest) + " → ")) + 8
        self.images.setGridSize(QSize(width, ICON_PIXELS + metrics.height() + 12))
        for position in wrong.tolist():
            true = self._class_name(int(predictions.true[position]))
            guess = self._class_name(int(predictions.predicted[position]))
            picture = grey_image(inputs[position], self._image_shape, ICON_PIXELS)
            item = QListWidgetItem(QIcon(QPixmap.fromImage(picture)), f"{true} → {guess}")
            item.setToolTip(
                self.tr("Sample %1: the true class is %2, the model predicts %3.")
                .replace("%1", str(position + 1))
                .replace("%2", true)
                .replace("%3", guess)
            )
            self.images.addItem(item)

    def _fill_table(
        self,
        dataset: Dataset,
        inputs: np.ndarray,
        predictions: ClassPredictions,
        wrong: np.ndarray,
    ) -> None:
        names = list(dataset.info.feature_names)
        if dataset.raw_val is not None:
            names = names[:2]
        shown_inputs = min(inputs.shape[1], MAX_TABLE_INPUTS)
        names = (names + [f"x{i + 1}" for i in range(len(names), shown_inputs)])[:shown_inputs]
        headers = [self.tr("Sample"), *names, self.tr("True class"), self.tr("Predicted class")]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(wrong))
        for row, position in enumerate(wrong.tolist()):
            cells = [str(position + 1)]
            cells += [f"{value:.4g}" for value in inputs[position, :shown_inputs].tolist()]
            cells.append(self._class_name(int(predictions.true[position])))
            cells.append(self._class_name(int(predictions.predicted[position])))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 0 < column <= shown_inputs or column == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)

    def _show_nothing(self) -> None:
        self.shown = np.zeros(0, dtype=np.int64)
        self._shown_classes = np.zeros(0, dtype=np.int64)
        self.images.clear()
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.summary.setText(
            self.tr("The misclassified samples appear once a classification run has started.")
            if self.dataset is not None
            else self.tr("Misclassified samples are listed for classification only.")
        )

    def reset(self) -> None:
        """Forget the predictions for a new run."""
        self.predictions = None
        self._dirty = True
        self.refresh()

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """A list of widgets is no plot: nothing to save as a picture."""
        return {}
