"""A small picture of the chosen data, so users see what the network must learn.

2-D sets show their points (training points filled circles, validation points
hollow squares, so the two differ by shape and not by colour alone); 1-D
regression shows y against x; digits show a mosaic of sample images; other
tables show their first two features.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np
import pyqtgraph as pg
import torch
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from playground.core.data.base import Dataset

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
CLASS_COLOURS: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#7f7f7f",
    "#000000",
    "#8c564b",
)
T = TypeVar("T")
MAX_POINTS = 1500
MOSAIC_ROWS, MOSAIC_COLUMNS = 4, 6
GAP, LABEL_STRIP = 1, 4


def held_note(dataset: Dataset | None, *, short: bool = False) -> str:
    """What a plane view of wider data leaves out: the inputs held at their mean ('' if none).

    ``short`` is the one line under a plot; the full sentence is its tooltip.
    """
    if dataset is None or dataset.plane is None or not dataset.plane.held_at_mean:
        return ""
    held = dataset.plane.held_at_mean
    shown = ", ".join(held[:4]) + ("…" if len(held) > 4 else "")
    if short:
        text = QCoreApplication.translate("DataPreview", "Other inputs at their mean: %1")
        return text.replace("%1", shown)
    inputs = len(held) + 2  # a plain name: lupdate reads no expression as the count
    return QCoreApplication.translate(
        "DataPreview",
        "Shows 2 of the %n inputs; the map holds the others at their mean: %1. "
        "Pick the pair in the data panel.",
        "",
        inputs,
    ).replace("%1", shown)


def _subsample(count: int, limit: int) -> np.ndarray:
    if count <= limit:
        return np.arange(count)
    return np.linspace(0, count - 1, limit).astype(np.int64)


def _shared(colours: Sequence[str | QColor], make: Callable[[str | QColor], T]) -> list[T]:
    """``make(colour)`` for each colour, the same object wherever a colour repeats."""
    made: dict[str | int, T] = {}
    shared: list[T] = []
    for colour in colours:
        key = colour if isinstance(colour, str) else colour.rgba()
        item = made.get(key)
        if item is None:
            item = made[key] = make(colour)
        shared.append(item)
    return shared


class DataPreview(pg.PlotWidget):  # type: ignore[misc]
    """Shows a :class:`Dataset` at a glance; items are created once and reused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, enableMenu=False)  # no right-click menu, not even built
        self.setMinimumHeight(150)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        # The key sits on a near-opaque card so points under it never blur its words.
        self._legend = self.addLegend(
            offset=(4, 4),
            labelTextSize="8pt",
            brush=pg.mkBrush(255, 255, 255, 225),
            pen=pg.mkPen("#c8ccd2"),
        )
        # Legend keys in a neutral grey: the legend explains shapes, the colours are classes.
        self._train_key = pg.ScatterPlotItem(
            size=8, symbol="o", brush=pg.mkBrush("#8a8f98"), pen=pg.mkPen(None)
        )
        self._val_key = pg.ScatterPlotItem(
            size=8, symbol="s", brush=None, pen=pg.mkPen("#8a8f98", width=1.6)
        )
        self._train = pg.ScatterPlotItem(size=6, symbol="o", name=self.tr("training"))
        self._val = pg.ScatterPlotItem(size=7, symbol="s", name="validation")
        self._image = pg.ImageItem(axisOrder="row-major")
        self._image.setLevels((0.0, 1.0))
        self._image.setLookupTable(pg.colormap.get("CET-L1").getLookupTable(nPts=256))
        self.addItem(self._image)
        self.addItem(self._train)
        self.addItem(self._val)
        self._labels: list[pg.TextItem] = []
        self._message = pg.TextItem(anchor=(0.5, 0.5))
        self.addItem(self._message)
        self.mode = "empty"
        self.show_message(self.tr("Choose a data set."))

    def sizeHint(self) -> QSize:
        return QSize(300, 200)

    def show_message(self, text: str) -> None:
        """Replace the picture with a sentence (e.g. why the data cannot be made)."""
        self._clear()
        self.mode = "message"
        self.setToolTip("")
        self.getPlotItem().hideAxis("left")
        self.getPlotItem().hideAxis("bottom")
        self._message.setText(text)
        self._message.setPos(0.5, 0.5)
        self._message.setVisible(True)
        self.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)

    def set_dataset(self, dataset: Dataset, *, images: bool = False) -> None:
        """Draw ``dataset`` in the way that suits its kind (``images``: samples are pictures)."""
        self._clear()
        info = dataset.info
        plot = self.getPlotItem()
        plot.showAxis("left")
        plot.showAxis("bottom")
        if images or len(info.input_shape) == 3:
            self._show_images(dataset)
            return
        self.setToolTip(held_note(dataset))
        if dataset.raw_train is not None and dataset.raw_val is not None:
            train_x, val_x = dataset.raw_train, dataset.raw_val
            names: tuple[str, ...] = dataset.plane.axes if dataset.plane else ("x1", "x2")
        elif dataset.x_train.ndim == 2 and dataset.x_train.shape[1] >= 2:
            train_x, val_x = dataset.x_train[:, :2], dataset.x_val[:, :2]
            names = info.feature_names[:2] if len(info.feature_names) >= 2 else ("x1", "x2")
        elif dataset.x_train.ndim == 2 and dataset.x_train.shape[1] == 1:
            self._show_curve(dataset)
            return
        else:
            self.show_message(self.tr("This data cannot be drawn in two dimensions."))
            return
        self.mode = "points"
        plot.setLabel("bottom", names[0])
        plot.setLabel("left", names[1])
        self._fill(self._train, train_x, dataset.y_train, info.task, hollow=False)
        self._fill(self._val, val_x, dataset.y_val, info.task, hollow=True)
        self._show_legend(bool(len(dataset.x_val)))
        self.autoRange(padding=0.05)

    def _show_curve(self, dataset: Dataset) -> None:
        self.mode = "curve"
        plot = self.getPlotItem()
        plot.setLabel(
            "bottom", dataset.info.feature_names[0] if dataset.info.feature_names else "x"
        )
        plot.setLabel("left", dataset.info.target_names[0] if dataset.info.target_names else "y")
        colour = CLASS_COLOURS[0]
        for item, x, y, hollow in (
            (self._train, dataset.x_train, dataset.y_train, False),
            (self._val, dataset.x_val, dataset.y_val, True),
        ):
            keep = _subsample(len(x), MAX_POINTS)
            xs = x[keep, 0].numpy()
            # (N, 1) targets; an empty part (0 % validation) has nothing to draw
            ys = y[keep].reshape(len(keep), -1)[:, 0].numpy() if len(keep) else xs
            brush = None if hollow else pg.mkBrush(colour)
            item.setData(xs, ys, brush=brush, pen=pg.mkPen(colour, width=1.5))
            item.setVisible(True)
        self._show_legend(bool(len(dataset.x_val)))
        self.autoRange(padding=0.05)

    def _show_images(self, dataset: Dataset) -> None:
        self.mode = "images"
        plot = self.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        count = min(MOSAIC_ROWS * MOSAIC_COLUMNS, len(dataset.x_train))
        images = dataset.x_train[:count].reshape(count, 8, 8).numpy()
        scale = max(float(images.max()), 1e-6)
        # Each cell: the 8×8 picture, a gap on the right and a strip below for its label.
        cell_width, cell_height = 8 + GAP, 8 + LABEL_STRIP
        mosaic = np.zeros((MOSAIC_ROWS * cell_height, MOSAIC_COLUMNS * cell_width))
        labels = dataset.y_train[:count].tolist()
        for i in range(count):
            row, column = divmod(i, MOSAIC_COLUMNS)
            top, left = row * cell_height, column * cell_width
            mosaic[top : top + 8, left : left + 8] = images[i] / scale
            text = pg.TextItem(str(labels[i]), color="#E69F00", anchor=(0.5, 0))
            text.setPos(left + 4, top + 8)
            self.addItem(text)
            self._labels.append(text)
        self._image.setImage(mosaic, autoLevels=False)
        self._image.setRect(0, 0, mosaic.shape[1], mosaic.shape[0])
        plot.invertY(True)  # row 0 of the pictures at the top, as people read them
        self.setAspectLocked(True)
        self._image.setVisible(True)
        self.setRange(xRange=(0, mosaic.shape[1]), yRange=(0, mosaic.shape[0]), padding=0.02)

    def _fill(
        self, item: pg.ScatterPlotItem, x: torch.Tensor, y: torch.Tensor, task: str, hollow: bool
    ) -> None:
        keep = _subsample(len(x), MAX_POINTS)
        if not len(keep):  # an empty part (0 % validation): nothing to draw
            item.setData([], [])
            item.setVisible(False)
            return
        points = x[keep].numpy()
        if task == "classification":
            colours = [CLASS_COLOURS[int(c) % len(CLASS_COLOURS)] for c in y[keep].tolist()]
        else:
            values = y[keep].reshape(len(keep), -1)[:, 0].numpy()
            low, high = float(values.min(initial=0.0)), float(values.max(initial=1.0))
            span = high - low if high > low else 1.0
            cmap = pg.colormap.get("CET-D1A")
            colours = [cmap.map((v - low) / span, mode="qcolor") for v in values]
        # One pen or brush per colour, shared by its points: pyqtgraph renders each distinct
        # pen/brush object once, so a few shared ones draw a thousand points at the cost of a few.
        if hollow:
            pens = _shared(colours, lambda c: pg.mkPen(c, width=1.6))
            item.setData(points[:, 0], points[:, 1], pen=pens, brush=None)
        else:
            brushes = _shared(colours, pg.mkBrush)
            item.setData(points[:, 0], points[:, 1], brush=brushes, pen=pg.mkPen(None))
        item.setVisible(True)

    def _show_legend(self, with_validation: bool) -> None:
        self._legend.clear()
        self._legend.addItem(self._train_key, self.tr("training"))
        if with_validation:
            self._legend.addItem(self._val_key, self.tr("validation (hollow)"))
        self._legend.setVisible(True)

    def _clear(self) -> None:
        for item in (self._train, self._val):
            item.clear()
            item.setVisible(False)
        self._image.setVisible(False)
        self._message.setVisible(False)
        self._legend.clear()
        self._legend.setVisible(False)
        self.getPlotItem().invertY(False)
        self.setAspectLocked(False)
        self.getPlotItem().setLabel("bottom", "")
        self.getPlotItem().setLabel("left", "")
        for label in self._labels:
            self.removeItem(label)
        self._labels.clear()
