"""The decision boundary for data on a plane: model output as a map, the data points on top."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from playground.core.data.base import Dataset
from playground.core.messages.texts import text
from playground.core.training.snapshot import DecisionGrid, Snapshot
from playground.gui.data.data_preview import held_note
from playground.gui.plots.base import cache_as_pixmap, cache_legend, style_plot
from playground.gui.plots.colors import (
    binary_region_lookup,
    category_color,
    category_symbol,
    class_region_lookup,
    sequential_lookup,
)
from playground.gui.plots.elided_label import ElidedLabel
from playground.gui.plots.palette_image import PaletteImageItem, quantize
from playground.gui.plots.views import PlotView

POINT_SIZE = 7


class DecisionPlot(QWidget):
    """Shows what the network has learned on a 2-D plane, as TensorFlow Playground does.

    The background is the model's output over the plane (for two classes the
    probability of class 1, for more the predicted class); training points are
    filled markers and validation points hollow ones, and each class has its own
    shape as well as colour, so nothing depends on colour alone.

    The map changes on every frame, the points only with the data: one cached
    item draws all of them (one pixmap blit per frame; four cached items cost
    about 0.35 ms more per frame). Each group keeps its own item, outside the
    plot, for its legend entry; clicking an entry still hides its points.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid: DecisionGrid | None = None
        self._dirty = False
        self._num_classes = 0
        self._classification = True
        self._lookup_name = ""  # which colour table the image has
        self._rect: tuple[float, float, float, float] | None = None

        self.widget = PlotView()
        self.plot: pg.PlotItem = self.widget.getPlotItem()
        # No grid: its lines would cut through the regions.
        style_plot(
            self.plot, title=self.tr("Decision boundary"), x_label="x1", y_label="x2", grid=False
        )
        self.image = PaletteImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.legend = self.plot.addLegend(offset=(5, 5), labelTextSize="8pt")
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 200))
        self.scatters: list[pg.ScatterPlotItem] = []  # per group: legend entries, not drawn
        self.points = pg.ScatterPlotItem()  # every visible group's points, drawn as one
        cache_as_pixmap(self.points)
        self.plot.addItem(self.points)
        self.note = pg.TextItem("", color="#777777", anchor=(0.5, 0.5))
        self.plot.addItem(self.note, ignoreBounds=True)

        # For data with more inputs: which inputs the map holds fixed, said under the plot.
        self.held = ElidedLabel()
        self.held.setObjectName("hintLabel")
        self.held.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.widget)
        layout.addWidget(self.held)
        self.set_dataset(None)

    def set_dataset(self, dataset: Dataset | None) -> None:
        """Draw the data points of ``dataset`` (the plot is blank for data not on a plane)."""
        self.scatters.clear()
        self.points.clear()
        self.legend.clear()
        self.reset()
        note = held_note(dataset)
        self.held.set_full_text(held_note(dataset, short=True), note)
        self.held.setVisible(bool(note))
        self.widget.setToolTip(note)
        axes = dataset.plane.axes if dataset is not None and dataset.plane else ("x1", "x2")
        self.plot.getAxis("bottom").setLabel(axes[0])
        self.plot.getAxis("left").setLabel(axes[1])
        if dataset is None or dataset.plane is None or dataset.raw_train is None:
            self.note.setText(
                self.tr("The decision boundary is drawn for data with two inputs (x1, x2).")
            )
            self.note.setPos(0.5, 0.5)
            self.plot.setRange(xRange=(0, 1), yRange=(0, 1))
            return
        self.note.setText("")
        self._classification = dataset.info.task == "classification"
        self._num_classes = dataset.info.num_outputs if self._classification else 0
        x_min, x_max, y_min, y_max = dataset.plane.extent
        self.plot.setRange(xRange=(x_min, x_max), yRange=(y_min, y_max), padding=0)
        splits = [(dataset.raw_train, dataset.y_train, True)]
        if dataset.raw_val is not None and len(dataset.raw_val):
            splits.append((dataset.raw_val, dataset.y_val, False))
        for points, targets, filled in splits:
            self._add_points(dataset, points.numpy(), targets.numpy(), filled)
        self._merge_points()
        if len(splits) == 2:
            # Mid grey reads on the light and the dark legend box.
            hollow = pg.ScatterPlotItem(
                symbol="o", size=POINT_SIZE, pen=pg.mkPen("#808080", width=1.5), brush=None
            )
            self.legend.addItem(hollow, self.tr("validation (hollow)"))
        cache_legend(self.legend)

    def _add_points(
        self, dataset: Dataset, points: np.ndarray, targets: np.ndarray, filled: bool
    ) -> None:
        names = dataset.info.class_names
        groups: list[tuple[str, np.ndarray, int]] = []
        if self._classification:
            for index in range(self._num_classes):
                label = (
                    text(names[index])
                    if index < len(names)
                    else self.tr("class {number}").format(number=index)
                )
                groups.append((label, targets.reshape(-1) == index, index))
        else:
            groups.append((self.tr("training data"), np.ones(len(points), dtype=bool), 7))
        for label, mask, index in groups:
            color = category_color(index)
            dark = color.darker(130)
            item = pg.ScatterPlotItem(
                points[mask, 0],
                points[mask, 1],
                symbol=category_symbol(index) if self._classification else "o",
                size=POINT_SIZE if filled else POINT_SIZE + 1,
                pen=pg.mkPen(dark if filled else color, width=0.8 if filled else 1.6),
                brush=pg.mkBrush(color) if filled else None,
            )
            item.visibleChanged.connect(self._merge_points)  # hidden from the legend
            self.scatters.append(item)
            if filled:
                self.legend.addItem(item, label)

    def _merge_points(self) -> None:
        groups = [item for item in self.scatters if item.isVisible()]
        if not groups:
            self.points.clear()
            return
        x = np.concatenate([item.data["x"] for item in groups])
        y = np.concatenate([item.data["y"] for item in groups])

        def each(key: str) -> list[object]:
            return [item.opts[key] for item in groups for _ in range(len(item.data))]

        self.points.setData(
            x=x, y=y, symbol=each("symbol"), size=each("size"), pen=each("pen"), brush=each("brush")
        )

    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Keep the newest decision grid."""
        if snapshot.decision is not None:
            self._grid = snapshot.decision
            self._dirty = True

    def refresh(self) -> bool:
        """Redraw the background map if a new grid arrived."""
        if not self._dirty or self._grid is None:
            return False
        self._dirty = False
        grid = self._grid
        if self._classification and self._num_classes > 2 and grid.classes is not None:
            indices = np.clip(grid.classes, 0, self._num_classes - 1).astype(np.uint8)
            self._show(indices, "classes", lambda: class_region_lookup(self._num_classes))
        elif self._classification:
            self._show(quantize(grid.values, 0.0, 1.0), "binary", binary_region_lookup)
        else:
            values = np.asarray(grid.values, dtype=np.float64)
            finite = values[np.isfinite(values)]
            low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
            self._show(quantize(values, low, high), "sequential", sequential_lookup)
        x_min, x_max, y_min, y_max = grid.extent
        rect = (x_min, y_min, x_max - x_min, y_max - y_min)
        if rect != self._rect:
            self._rect = rect
            self.image.setRect(*rect)
        return True

    def _show(
        self, indices: np.ndarray, lookup_name: str, lookup: Callable[[], np.ndarray]
    ) -> None:
        # Bytes through a colour table (PaletteImageItem): no float levels pass per frame.
        if lookup_name != self._lookup_name:
            self._lookup_name = lookup_name
            self.image.setLookupTable(lookup(), update=False)
        self.image.setImage(indices, autoLevels=False, levels=(0, 255))

    def reset(self) -> None:
        """Clear the map (the data points stay until the data changes)."""
        self._grid = None
        self._dirty = False
        self._rect = None
        self.image.clear()

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """The decision-boundary plot, for saving as an image."""
        return {"decision boundary": self.plot}
