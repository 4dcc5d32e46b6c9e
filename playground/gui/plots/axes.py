"""Cheap axes for live plots: a y range that moves in round steps, and a light grid."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
# Fine round bounds for colour scales: the colours keep at least 80% of their strength.
BOUND_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0)
# A scale shrinks only once the data have used less than this share of it for a while.
BOUND_KEEP = 0.6
BOUND_PATIENCE = 25  # updates (about a second of training)
# Mini-batch gradients jump about: their scales shrink only well inside, grow with room.
NOISY_KEEP = 0.3
NOISY_HEADROOM = 1.8
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


class StableBound:
    """A round upper bound for data that change on every frame, moved as seldom as possible.

    For scales of live data (a weight or gradient matrix's colour bar, a
    gradient histogram): re-rendering an axis costs about 1.5 ms, so the bound
    grows at once when the data outgrow it but shrinks only after the data
    have stayed below ``keep`` of it for ``patience`` updates. Mini-batch
    gradients jump tenfold from one snapshot to the next; a scale that
    followed them would re-render every frame and flicker, so for them a
    ``headroom`` factor leaves space above the value when the bound moves.
    """

    def __init__(
        self, keep: float = BOUND_KEEP, patience: int = BOUND_PATIENCE, headroom: float = 1.0
    ) -> None:
        self.keep = keep
        self.patience = patience
        self.headroom = headroom
        self.value: float | None = None
        self._below = 0

    def reset(self) -> None:
        """Forget the bound."""
        self.value = None
        self._below = 0

    def update(self, value: float) -> float:
        """Take the newest extreme ``value`` (≥ 0) and return the bound to show."""
        current = self.value
        if not math.isfinite(value) or value <= 0:
            return current if current is not None else 1.0
        if current is not None and value <= current:
            self._below = self._below + 1 if value < self.keep * current else 0
            if self._below < self.patience:
                return current
        self._below = 0
        target = value * self.headroom if current is not None else value
        exponent = math.floor(math.log10(target))
        bound = 10.0 ** (exponent + 1)
        for factor in BOUND_STEPS:
            if factor * 10.0**exponent >= target * (1 - 1e-9):
                bound = factor * 10.0**exponent
                break
        self.value = bound
        return bound


class ValueAxisFollower:
    """Keeps a y axis around the data while changing it only now and then.

    Auto-ranging re-renders an axis's tick labels whenever the data's extremes
    move, which a falling loss does on every frame; that alone cost more than
    drawing the curves. The range here snaps outward to round steps (whole
    decades on a log axis) and changes only when the data leaves it or fills
    less than half of it. Once the user pans or zooms, it stops following
    until :meth:`reset`. Works on the y axis unless told ``axis="x"``; ``fine``
    snaps to half steps, for data that should fill most of the plot.
    """

    def __init__(self, plot: pg.PlotItem, axis: str = "y", *, fine: bool = False) -> None:
        self.plot = plot
        self._fine = fine
        self._index = 0 if axis == "x" else 1
        self._axis_name = "bottom" if axis == "x" else "left"
        plot.enableAutoRange(axis=axis, enable=False)
        self._set: tuple[float, float] | None = None

    def reset(self) -> None:
        """Follow the data again from the next :meth:`follow`."""
        self._set = None

    def _user_moved(self) -> bool:
        if self._set is None:
            return False
        current = self.plot.getViewBox().viewRange()[self._index]
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
        if self.plot.getAxis(self._axis_name).logMode:
            low, high = math.log10(max(low, LOG_FLOOR)), math.log10(max(high, LOG_FLOOR))
            step = 1.0 if high - low >= 1.0 else 0.5
        else:
            step = nice_step(high - low if high > low else max(abs(high), 1e-9))
            if self._fine:
                step /= 2
        if self._set is not None:
            set_low, set_high = self._set
            inside = set_low <= low and high <= set_high
            if inside and (high - low) >= 0.5 * (set_high - set_low):
                return
        target = (math.floor(low / step) * step, math.ceil(high / step) * step)
        if target[1] <= target[0]:
            target = (target[0], target[0] + step)
        if self._index == 0:
            self.plot.setXRange(*target, padding=0.02)
        else:
            self.plot.setYRange(*target, padding=0.02)
        current = self.plot.getViewBox().viewRange()[self._index]
        self._set = (float(current[0]), float(current[1]))


class GridLines(pg.GraphicsObject):  # type: ignore[misc]
    """Faint grid lines at the major and minor ticks of a plot, drawn by one small item.

    pyqtgraph draws its grid inside the axis items, which makes re-rendering an
    axis cost about 5 ms instead of 2 ms (measured); live axes re-render a few
    times per run, and in a short run on almost every frame. The lines only move
    when the view range does, so Qt keeps them as a pixmap and blits it: working
    out the tick positions in Python on every frame cost about 0.7 ms per plot
    (measured on the training tab), the blit costs next to nothing.
    """

    def __init__(self, plot: pg.PlotItem, color: str, alpha: int = 45) -> None:
        super().__init__()
        self._plot = plot
        self._pen = QPen()
        self._pen.setCosmetic(True)
        self._pen.setWidth(0)
        self.set_color(color, alpha)
        self.setZValue(-5)
        self._rect = QRectF()
        plot.addItem(self, ignoreBounds=True)
        view = plot.getViewBox()
        view.sigRangeChanged.connect(self._view_changed)
        view.sigResized.connect(self._view_changed)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._view_changed()

    def set_color(self, color: str, alpha: int = 45) -> None:
        """Draw the lines in ``color`` with opacity ``alpha`` (0–255)."""
        qcolor = QColor(color)
        qcolor.setAlpha(alpha)
        self._pen.setColor(qcolor)
        self.update()

    def _view_changed(self) -> None:
        # boundingRect is asked for many times per paint: it answers from this copy.
        self.prepareGeometryChange()
        self._rect = QRectF(self._plot.getViewBox().viewRect())
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

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
