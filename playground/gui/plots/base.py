"""What every live plot offers the plot area, and the look they share."""

from __future__ import annotations

import math
from typing import Protocol

import pyqtgraph as pg
from PySide6.QtGui import QFont

from playground.core.snapshot import Snapshot

# Readable on a projector: axis text a little larger than pyqtgraph's default.
AXIS_FONT_POINT_SIZE = 9


def configure_pyqtgraph() -> None:
    """Light background for screens and projectors; no antialiasing by default.

    Antialiased wide lines cost the software rasteriser several times more
    (measured: a 3000-point loss curve repaints in about 20 ms antialiased at
    width 1.5, 3 ms plain at width 1), and live plots repaint 25 times a
    second. Short curves (the fitted model) turn it on per item.
    """
    pg.setConfigOptions(background="w", foreground="#333333", antialias=False)


def style_plot(plot: pg.PlotItem, *, title: str, x_label: str, y_label: str) -> None:
    """Give ``plot`` a title, labelled axes and a light grid."""
    plot.setTitle(title, size="10pt")
    font = QFont()
    font.setPointSize(AXIS_FONT_POINT_SIZE)
    for name, label in (("bottom", x_label), ("left", y_label)):
        axis = plot.getAxis(name)
        axis.setLabel(label)
        axis.setTickFont(font)
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.setMenuEnabled(False)


def message_text() -> pg.TextItem:
    """A centred grey note drawn inside a plot when it has nothing to show."""
    return pg.TextItem("", color="#777777", anchor=(0.5, 0.5))


class LivePlot(Protocol):
    """What the plot area needs from each live plot, so it can treat them all alike.

    Feeding is cheap and happens per snapshot; drawing happens on the plot
    area's timer and only when something changed since the last refresh.
    """

    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Copy what this plot needs from ``snapshot`` into its buffers (no drawing)."""

    def refresh(self) -> bool:
        """Redraw if anything changed since the last refresh; say whether it did."""

    def reset(self) -> None:
        """Forget the current run."""

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """The named items File ▸ Export can save as images."""


NICE_FACTORS = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
LIVE_STATES = ("idle", "running", "paused")


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 1.5, 2, 3, 4, 5, 6, 8 × 10^k) at least ``value``."""
    if value <= 1:
        return 1.0
    exponent = math.floor(math.log10(value))
    for factor in NICE_FACTORS:
        candidate = factor * 10.0**exponent
        if candidate >= value:
            return candidate
    return 10.0 ** (exponent + 1)


class StepAxisFollower:
    """Keeps a step axis covering all data while changing it rarely.

    Auto-ranging an axis whose data grows every tick re-renders its tick labels
    25 times a second, which costs more than drawing the curves. The range here
    jumps to the next round number instead, so the axis is re-rendered only a
    handful of times per run, and fits the data exactly once the run has
    ended. Once the user pans or zooms, it stops following until :meth:`reset`.
    """

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        plot.enableAutoRange(axis="x", enable=False)
        self._set: tuple[float, float] | None = None
        self.live = True
        self.reset()

    def reset(self) -> None:
        """Back to 0..1 and following."""
        self.live = True
        self._apply(1.0)

    def _apply(self, upper: float) -> None:
        self.plot.setXRange(0.0, upper, padding=0.02)
        low, high = self.plot.getViewBox().viewRange()[0]
        self._set = (low, high)

    def follow(self, x_max: float) -> None:
        """Widen the range if ``x_max`` no longer fits (and the user has not moved the view)."""
        current = tuple(self.plot.getViewBox().viewRange()[0])
        if self._set is None or not all(
            math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
            for a, b in zip(current, self._set, strict=True)
        ):
            return  # the user has taken over the axis
        target = nice_ceiling(x_max) if self.live else max(x_max, 1.0)
        if target > self._set[1] or target < (0.5 if self.live else 0.99) * self._set[1]:
            self._apply(target)
