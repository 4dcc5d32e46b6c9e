"""The landscape plots' look: the app's light or dark plot theme and the app's text size.

The landscape window is opened from the main window but lives on its own, so
it cannot wait to be told about the theme: it reads the palette (dark when the
window colour is dark, as ``resources/styles/dark.qss`` and
:mod:`playground.gui.shell.theme` make it) and the widget's font, and applies
the same :class:`~playground.gui.plots.base.PlotTheme` the main window's plots use.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from playground.gui.plots.base import (
    DARK,
    LIGHT,
    PlotTheme,
    apply_plot_font,
    apply_plot_theme,
)
from playground.gui.plots.colors import category_color

# Path colours: Okabe–Ito blue, vermilion and bluish green, told apart by
# shape as well (circle, triangle, square) and drawn over a pale halo so they
# read on every colour of the map.
PATH_COLOR_INDICES = (0, 5, 2)
PATH_SYMBOLS = ("o", "t", "s")
HALO = (255, 255, 255, 190)
CONTOUR_PEN = (255, 255, 255, 120)


def is_dark(widget: QWidget) -> bool:
    """Whether the widget's palette is a dark theme (its window colour is dark)."""
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def plot_theme(widget: QWidget) -> PlotTheme:
    """The main window's plot theme that matches ``widget``'s palette."""
    return DARK if is_dark(widget) else LIGHT


def path_color(index: int, dark: bool) -> QColor:
    """The colour of the ``index``-th optimizer path (the same in the table and the legend)."""
    return category_color(PATH_COLOR_INDICES[index % len(PATH_COLOR_INDICES)], dark)


def path_symbol(index: int) -> str:
    return PATH_SYMBOLS[index % len(PATH_SYMBOLS)]


def apply_look(view: pg.GraphicsView, plots: list[pg.PlotItem], widget: QWidget) -> None:
    """Colour ``view`` for the widget's theme and size its text from the widget's font.

    The main window's plots do the same with the same two functions; axis
    labels get the theme's colour too (``apply_plot_font`` keeps a label's style).
    """
    theme = plot_theme(widget)
    apply_plot_theme(view, theme)
    apply_plot_font(view, widget.font().pointSizeF())
    for plot in plots:
        for name in ("bottom", "left", "right"):
            axis = plot.getAxis(name)
            if axis.labelText:
                style = {**axis.labelStyle, "color": theme.foreground}
                axis.setLabel(axis.labelText, axis.labelUnits, axis.labelUnitPrefix, **style)


def decade_ticks(low: float, high: float) -> list[tuple[float, str]] | None:
    """Ticks of a log₁₀ colour bar at whole decades, labelled with the loss itself."""
    first, last = int(np.ceil(low)), int(np.floor(high))
    if last - first < 1:
        return None
    step = max(1, (last - first) // 6 + 1)
    return [(float(k), f"{10.0**k:g}") for k in range(first, last + 1, step)]
