"""pyqtgraph views that time their own painting, so the plot area can pace its redraws."""

from __future__ import annotations

import time

import pyqtgraph as pg
from PySide6.QtGui import QPaintEvent


class PlotView(pg.PlotWidget):  # type: ignore[misc]
    """A ``PlotWidget`` that adds up the seconds it spends painting.

    Qt paints after the redraw timer's tick, so the tick cannot time it; the
    plot area reads :attr:`paint_seconds` instead (see ``FramePacer``).
    """

    paint_seconds = 0.0

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        super().paintEvent(event)
        self.paint_seconds += time.perf_counter() - started


class LayoutView(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """A ``GraphicsLayoutWidget`` that adds up the seconds it spends painting (see PlotView)."""

    paint_seconds = 0.0

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        super().paintEvent(event)
        self.paint_seconds += time.perf_counter() - started
