"""pyqtgraph views that time their own painting, so the plot area can pace its redraws.

Their plots come without pyqtgraph's right-click menu: the app's plots turn it off
(:func:`~playground.gui.plots.base.style_plot`), and building it first cost about a
third of each plot's construction.
"""

from __future__ import annotations

import time
from typing import Any

import pyqtgraph as pg
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget


class PlotView(pg.PlotWidget):  # type: ignore[misc]
    """A ``PlotWidget`` that adds up the seconds it spends painting.

    Qt paints after the redraw timer's tick, so the tick cannot time it; the
    plot area reads :attr:`paint_seconds` instead (see ``FramePacer``).
    """

    paint_seconds = 0.0

    def __init__(self, parent: QWidget | None = None, **plot_options: Any) -> None:
        super().__init__(parent, **{"enableMenu": False, **plot_options})

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        super().paintEvent(event)
        self.paint_seconds += time.perf_counter() - started


class LayoutView(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """A ``GraphicsLayoutWidget`` that adds up the seconds it spends painting (see PlotView)."""

    paint_seconds = 0.0

    def addPlot(self, *args: Any, **plot_options: Any) -> pg.PlotItem:
        """A plot in the layout, without the right-click menu (see the module's note)."""
        return super().addPlot(*args, **{"enableMenu": False, **plot_options})

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        super().paintEvent(event)
        self.paint_seconds += time.perf_counter() - started
