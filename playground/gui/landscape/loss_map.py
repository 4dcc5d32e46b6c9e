"""A loss surface as a heat map with contour lines, a colour bar and paths drawn on it.

Both landscape views draw the same picture (a grid of losses from the core,
paths on top), so it is one widget. The image shows the core's numbers
unchanged (or their log₁₀, because an MSE surface spans decades and a linear
scale would paint everything but the far corners one colour); each pixel is
centred on its grid point, so the pixel under the mouse is the loss there.
The map is not panned or zoomed by the mouse: a click picks a point instead.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.core.landscape.surface import Surface
from playground.gui.landscape.plot_look import (
    CONTOUR_PEN,
    HALO,
    apply_look,
    decade_ticks,
)
from playground.gui.plots.base import cache_as_pixmap
from playground.gui.plots.colors import sequential_map
from playground.gui.plots.views import LayoutView

CONTOUR_COUNT = 9
LOG_FLOOR = 1e-12  # log₁₀ of an exact zero loss would be -inf


def displayed_values(losses: np.ndarray, log: bool) -> np.ndarray:
    """What the image holds: the losses themselves, or their log₁₀ (zero clipped at 1e-12)."""
    values = np.asarray(losses, dtype=np.float64)
    if not log:
        return values
    return np.log10(np.clip(values, LOG_FLOOR, None))


def colour_levels(values: np.ndarray) -> tuple[float, float]:
    """The finite range of ``values`` (a flat surface gets a unit range around its value)."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return 0.0, 1.0
    low, high = float(finite.min()), float(finite.max())
    if high - low < 1e-12:
        return low - 0.5, high + 0.5
    return low, high


class PathTrace:
    """One path on the map: a pale halo, the coloured line and a marker at its head."""

    def __init__(self, plot: pg.PlotItem, color: QColor, symbol: str) -> None:
        self.halo = pg.PlotDataItem(pen=pg.mkPen(HALO, width=6))
        self.line = pg.PlotDataItem(pen=pg.mkPen(color, width=3), antialias=True)
        self.head = pg.ScatterPlotItem(
            size=14, symbol=symbol, brush=pg.mkBrush(color), pen=pg.mkPen("w", width=1.5)
        )
        # The legend shows line and shape together, as they appear on the map.
        self.sample = pg.PlotDataItem(
            pen=pg.mkPen(color, width=3), symbol=symbol, symbolBrush=color, symbolPen="w"
        )
        for z, item in enumerate((self.halo, self.line, self.head)):
            item.setZValue(10 + z)
            plot.addItem(item)
        self.points = np.empty((0, 2))

    def set_points(self, points: np.ndarray) -> None:
        """Draw the path through ``points`` (n, 2), its head at the last one.

        A diverging optimizer ends in inf and nan: the path is drawn up to its
        last finite point (the loss in the table says what happened).
        """
        points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        bad = np.flatnonzero(~np.isfinite(points).all(axis=1))
        self.points = points[: bad[0]] if bad.size else points
        xs, ys = self.points[:, 0], self.points[:, 1]
        self.halo.setData(xs, ys)
        self.line.setData(xs, ys)
        self.head.setData(xs[-1:], ys[-1:])

    def set_visible(self, visible: bool) -> None:
        for item in (self.halo, self.line, self.head):
            item.setVisible(visible)


class LossMap(QWidget):
    """The heat map of a :class:`~playground.core.landscape.surface.Surface` and its paths."""

    clicked = Signal(float, float)  # the point under a left click, in parameter units

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.surface: Surface | None = None
        self.log = False
        self.view = LayoutView()
        self.plot: pg.PlotItem = self.view.addPlot()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        for name in ("bottom", "left"):
            axis = self.plot.getAxis(name)
            axis.enableAutoSIPrefix(False)
            cache_as_pixmap(axis)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.contours = [
            pg.IsocurveItem(level=0.0, pen=pg.mkPen(CONTOUR_PEN, width=1), axisOrder="row-major")
            for _ in range(CONTOUR_COUNT)
        ]
        for contour in self.contours:
            contour.setParentItem(self.image)  # shares the image's pixel-to-parameter mapping
        self.bar = pg.ColorBarItem(colorMap=sequential_map(), interactive=False, width=18)
        self.bar.setImageItem(self.image, insert_in=self.plot)
        self.legend = self.plot.addLegend(offset=(-8, 8))  # top right: paths start top left
        self.centre = pg.ScatterPlotItem(
            size=16, symbol="+", pen=pg.mkPen("w", width=1.5), brush=pg.mkBrush("k")
        )
        self.centre.setZValue(20)
        self.plot.addItem(self.centre)
        self.view.scene().sigMouseClicked.connect(self._scene_clicked)
        # The title is a label above the plot, not the plot's own: a plot title is
        # never wrapped, so a long (translated, 20 pt) one would push the colour bar
        # out of the window.
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        self.bar_title = ""
        self.apply_look()

    # ---- text and look -------------------------------------------------------------

    def set_titles(self, title: str, x_title: str, y_title: str, bar_title: str) -> None:
        """The plot's title, the parameter names on the axes and what the colours mean."""
        self.title.setText(title)
        self.plot.setLabel("bottom", x_title)
        self.plot.setLabel("left", y_title)
        self.bar_title = bar_title
        self.bar.getAxis("left").setLabel(bar_title)
        self.apply_look()

    def apply_look(self) -> None:
        """Follow the palette (light or dark) and the font size of the app."""
        apply_look(self.view, [self.plot, self.bar], self)
        # The bar reserves 45 pixels for its tick labels: too few at 20 pt ("0.725").
        metrics = QFontMetrics(self.bar.axis.style["tickFont"] or self.font())
        self.bar.axis.setWidth(metrics.horizontalAdvance("0.0000") + 10)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.apply_look()
        super().changeEvent(event)

    # ---- contents ------------------------------------------------------------------

    def show_surface(self, surface: Surface, log: bool) -> None:
        """Draw ``surface`` (once per new grid or scale; paths are redrawn separately)."""
        self.surface, self.log = surface, log
        values = displayed_values(surface.losses, log)
        low, high = colour_levels(values)
        self.image.setImage(values, autoLevels=False, levels=(low, high))
        xs, ys = surface.xs, surface.ys
        dx = (xs[-1] - xs[0]) / max(1, len(xs) - 1)
        dy = (ys[-1] - ys[0]) / max(1, len(ys) - 1)
        rect = QRectF(xs[0] - dx / 2, ys[0] - dy / 2, dx * len(xs), dy * len(ys))
        self.image.setRect(rect)
        self.bar.setLevels((low, high))
        ticks = decade_ticks(low, high) if log else None
        self.bar.axis.setTicks([ticks] if ticks else None)
        finite = np.where(np.isfinite(values), values, high)
        for contour, level in zip(
            self.contours, np.linspace(low, high, CONTOUR_COUNT + 2)[1:-1], strict=True
        ):
            contour.setData(finite, level)
        self.plot.setRange(rect=rect, padding=0)

    def add_trace(self, title: str, color: QColor, symbol: str) -> PathTrace:
        """A new path on the map with its legend entry."""
        trace = PathTrace(self.plot, color, symbol)
        self.legend.addItem(trace.sample, title)
        self.apply_look()
        return trace

    def set_centre(self, point: tuple[float, float] | None) -> None:
        """Mark the start (surface) or the current weights (slice) with a cross."""
        if point is None:
            self.centre.setData([], [])
        else:
            self.centre.setData([point[0]], [point[1]])

    def pixel_centre(self, row: int, col: int) -> QPointF:
        """Where the centre of image pixel (row, col) lies in parameter units."""
        return QPointF(self.image.mapToParent(QPointF(col + 0.5, row + 0.5)))

    def _scene_clicked(self, event: object) -> None:
        button = getattr(event, "button", lambda: None)()
        if button != Qt.MouseButton.LeftButton or self.surface is None:
            return
        position = event.scenePos()  # type: ignore[attr-defined]
        box = self.plot.getViewBox()
        if not box.sceneBoundingRect().contains(position):
            return
        point = box.mapSceneToView(position)
        self.clicked.emit(float(point.x()), float(point.y()))
