"""What every live plot offers the plot area, and the look they share."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem

from playground.core.training.snapshot import Snapshot
from playground.gui.plots.axes import GridLines

# Readable on a projector: axis text a little larger than pyqtgraph's default.
AXIS_FONT_POINT_SIZE = 9


@dataclass(frozen=True)
class PlotTheme:
    """The colours of everything in a plot that is not data, for one app theme."""

    background: str
    foreground: str  # axes, tick labels, titles, legend text
    legend_brush: tuple[int, int, int, int]  # translucent box behind legends


LIGHT = PlotTheme(background="#FFFFFF", foreground="#333333", legend_brush=(255, 255, 255, 200))
DARK = PlotTheme(background="#1E1E1E", foreground="#D4D4D4", legend_brush=(30, 30, 30, 200))


def configure_pyqtgraph() -> None:
    """Light background for screens and projectors; no antialiasing by default.

    Antialiased wide lines cost the software rasteriser several times more
    (measured: a 3000-point loss curve repaints in about 20 ms antialiased at
    width 1.5, 3 ms plain at width 1), and live plots repaint 25 times a
    second. Short curves (the fitted model) turn it on per item.
    """
    pg.setConfigOptions(background=LIGHT.background, foreground=LIGHT.foreground, antialias=False)


def cache_as_pixmap(item: QGraphicsItem) -> None:
    """Let Qt keep ``item`` as a pixmap and blit it until the item itself changes.

    For items that rarely change but are repainted with every curve update:
    axes (their tick labels and grid are replayed from a QPicture, which cost
    about 2.6 ms per frame for the training tab) and the fixed data points of
    the decision plot (about 1.5 ms per frame for 1000 points).
    """
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def cache_legend(legend: pg.LegendItem) -> None:
    """Cache ``legend`` and every entry in it as pixmaps; call again after adding entries.

    A legend sits on the curves, so it is exposed whenever they change; its
    box alone was cached, but its samples and labels (Python paints and Qt
    text layout) were still drawn on every frame, about 0.1–0.25 ms per plot.
    """
    pending: list[QGraphicsItem] = [legend]
    while pending:
        item = pending.pop()
        cache_as_pixmap(item)
        pending.extend(item.childItems())


def style_plot(
    plot: pg.PlotItem, *, title: str, x_label: str, y_label: str, grid: bool = True
) -> None:
    """Give ``plot`` a title, labelled axes without SI prefixes and (unless not wanted) a grid."""
    plot.setTitle(title, size="10pt")
    font = QFont()
    font.setPointSize(AXIS_FONT_POINT_SIZE)
    for name, label in (("bottom", x_label), ("left", y_label)):
        axis = plot.getAxis(name)
        # "loss (x0.001)" puzzles learners: ticks show plain numbers instead.
        axis.enableAutoSIPrefix(False)
        axis.setLabel(label)
        axis.setTickFont(font)
        cache_as_pixmap(axis)
    if grid:
        GridLines(plot, LIGHT.foreground)
    plot.setMenuEnabled(False)


def apply_plot_theme(view: pg.GraphicsView, theme: PlotTheme) -> None:
    """Recolour the background, axes, grid, titles and legends of every plot in ``view``.

    Data colours stay as they are: the Okabe–Ito palette and the colour maps
    read on both backgrounds.
    """
    view.setBackground(theme.background)
    scene = view.scene()
    if scene is None:
        return
    for item in scene.items():
        if isinstance(item, pg.AxisItem):
            item.setPen(theme.foreground)  # also the colour of the grid lines
            item.setTextPen(theme.foreground)
        elif isinstance(item, GridLines):
            item.set_color(theme.foreground)
        elif isinstance(item, pg.LegendItem):
            item.setLabelTextColor(theme.foreground)  # for entries added later
            for _sample, label in item.items:
                label.setText(label.text, color=theme.foreground)
            item.setBrush(pg.mkBrush(*theme.legend_brush))
        elif isinstance(item, pg.PlotItem) and item.titleLabel.text:
            item.titleLabel.setText(item.titleLabel.text, color=theme.foreground)


def apply_plot_font(view: pg.GraphicsView, points: float) -> None:
    """Scale the plots' text (ticks, axis labels, titles, legends) to the app's text size.

    At the normal size (11 pt) ticks stay at :data:`AXIS_FONT_POINT_SIZE`; larger app
    fonts (a projector, presentation mode) grow every plot text with them.
    """
    scene = view.scene()
    if scene is None:
        return
    tick = QFont()
    tick.setPointSizeF(max(float(AXIS_FONT_POINT_SIZE), points * 0.8))
    label_size = f"{max(9.0, points * 0.9):.1f}pt"
    legend_size = f"{max(9.0, points * 0.7):.1f}pt"
    title_size = f"{max(10.0, points):.1f}pt"
    for item in scene.items():
        if isinstance(item, pg.AxisItem):
            item.setTickFont(tick)
            if item.labelText:
                # setLabel without the text would clear the label: pass it back in.
                style = {**item.labelStyle, "font-size": label_size}
                item.setLabel(item.labelText, item.labelUnits, item.labelUnitPrefix, **style)
        elif isinstance(item, pg.LegendItem):
            for _sample, label in item.items:
                label.setText(label.text, size=legend_size)
        elif isinstance(item, pg.PlotItem) and item.titleLabel.text:
            item.titleLabel.setText(item.titleLabel.text, size=title_size)


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


# Four round bounds per decade: the curve always fills at least half the width, and the
# axis (whose tick labels and grid cost ~5 ms to re-render) changes only a few times per run.
NICE_FACTORS = (1.0, 2.0, 3.0, 5.0, 10.0)
LIVE_STATES = ("idle", "running", "paused")


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 2, 3 or 5 × 10^k) at least ``value``."""
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
