"""Cheap axes for live plots: a y range that moves in round steps, and a light grid."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
LOG_FLOOR = 1e-12  # log axes cannot show zero or negative values


def nice_step(span: float) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10^k) splitting ``span`` into about four parts."""
    raw = span / 4 if span > 0 and math.isfinite(span) else 1.0
    exponent = math.floor(math.log10(raw))
    for factor in NICE_STEPS:
        step = factor * 10.0**exponent
        if step >= raw:
            return step
    return 10.0 ** (exponent + 1)


class ValueAxisFollower:
    """Keeps a y axis around the data while changing it only now and then.

    Auto-ranging re-renders an axis's tick labels whenever the data's extremes
    move, which a falling loss does on every frame; that alone cost more than
    drawing the curves. The range here snaps outward to round steps (whole
    decades on a log axis) and changes only when the data leaves it or fills
    less than half of it. Once the user pans or zooms, it stops following
    until :meth:`reset`.
    """

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        plot.enableAutoRange(axis="y", enable=False)
        self._set: tuple[float, float] | None = None

    def reset(self) -> None:
        """Follow the data again from the next :meth:`follow`."""
        self._set = None

    def _user_moved(self) -> bool:
        if self._set is None:
            return False
        current = self.plot.getViewBox().viewRange()[1]
        return not all(
            math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
            for a, b in zip(current, self._set, strict=True)
        )

    def follow(self, *series: np.ndarray) -> None:
        """Fit the range to the finite values of ``series`` if they no longer sit well in it."""
        values = [s[np.isfinite(s)] for s in series if s.size]
        values = [v for v in values if v.size]
        if not values or self._user_moved():
            return
        low = min(float(v.min()) for v in values)
        high = max(float(v.max()) for v in values)
        if self.plot.getAxis("left").logMode:
            low, high = math.log10(max(low, LOG_FLOOR)), math.log10(max(high, LOG_FLOOR))
            step = 1.0 if high - low >= 1.0 else 0.5
        else:
            step = nice_step(high - low if high > low else max(abs(high), 1e-9))
        if self._set is not None:
            set_low, set_high = self._set
            inside = set_low <= low and high <= set_high
            if inside and (high - low) >= 0.5 * (set_high - set_low):
                return
        target = (math.floor(low / step) * step, math.ceil(high / step) * step)
        if target[1] <= target[0]:
            target = (target[0], target[0] + step)
        self.plot.setYRange(*target, padding=0.02)
        current = self.plot.getViewBox().viewRange()[1]
        self._set = (float(current[0]), float(current[1]))


class GridLines(pg.GraphicsObject):  # type: ignore[misc]
    """Faint grid lines at the major and minor ticks of a plot, drawn by one small item.

    pyqtgraph draws its grid inside the axis items, which makes re-rendering an
    axis cost about 5 ms instead of 2 ms (measured); live axes re-render a few
    times per run, and in a short run on almost every frame. These lines are
    drawn with one ``drawLines`` call per frame instead (well under 0.1 ms).
    """

    def __init__(self, plot: pg.PlotItem, color: str, alpha: int = 45) -> None:
        super().__init__()
        self._plot = plot
        self._pen = QPen()
        self._pen.setCosmetic(True)
        self._pen.setWidth(0)
        self.set_color(color, alpha)
        self.setZValue(-5)
        plot.addItem(self, ignoreBounds=True)
        plot.getViewBox().sigRangeChanged.connect(self._view_changed)

    def set_color(self, color: str, alpha: int = 45) -> None:
        """Draw the lines in ``color`` with opacity ``alpha`` (0–255)."""
        qcolor = QColor(color)
        qcolor.setAlpha(alpha)
        self._pen.setColor(qcolor)
        self.update()

    def _view_changed(self) -> None:
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:
        rect: QRectF = self._plot.getViewBox().viewRect()
        return rect

    def paint(self, painter: QPainter, *_args: object) -> None:
        rect = self._plot.getViewBox().viewRect()
        size = self._plot.getViewBox().size()
        lines: list[QLineF] = []
        bottom = self._plot.getAxis("bottom")
        left = self._plot.getAxis("left")
        # Major and minor ticks; on log axes only the decades (2…9 would crowd the plot).
        x_levels = 1 if bottom.logMode else 2
        y_levels = 1 if left.logMode else 2
        for _step, values in bottom.tickValues(rect.left(), rect.right(), size.width())[:x_levels]:
            lines.extend(QLineF(x, rect.top(), x, rect.bottom()) for x in values)
        for _step, values in left.tickValues(rect.top(), rect.bottom(), size.height())[:y_levels]:
            lines.extend(QLineF(rect.left(), y, rect.right(), y) for y in values)
        painter.setPen(self._pen)
        painter.drawLines(lines)
