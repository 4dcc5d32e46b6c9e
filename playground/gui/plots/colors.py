"""Colours shared by every plot, chosen to stay distinguishable for colour-blind viewers.

Categorical colours are the Okabe–Ito palette; signs use blue (negative) and
orange (positive) through a diverging map centred on white, and magnitudes a
perceptually uniform sequential map. Shapes back up colours wherever points
or curves must be told apart.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

# Okabe & Ito (2008), without black, ordered so the first two contrast best.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermilion
    "#333333",  # near black (Okabe–Ito yellow is too faint on white)
    "#999999",  # grey
)
# Marker shapes paired with the categorical colours, so classes differ by shape too.
CLASS_SYMBOLS: tuple[str, ...] = ("o", "t", "s", "d", "star", "t1", "p", "h")

# On a dark background the near black entry would vanish: Okabe–Ito yellow takes its place.
DARK_SUBSTITUTES = {"#333333": "#F0E442"}

TRAIN_COLOR = OKABE_ITO[0]
VALIDATION_COLOR = OKABE_ITO[1]


def category_color(index: int, dark: bool = False) -> QColor:
    """The colour of class or series ``index`` (cycles after eight), for a light or dark plot."""
    name = OKABE_ITO[index % len(OKABE_ITO)]
    return QColor(DARK_SUBSTITUTES.get(name, name) if dark else name)


def category_symbol(index: int) -> str:
    """The marker shape of class ``index`` (cycles after eight)."""
    return CLASS_SYMBOLS[index % len(CLASS_SYMBOLS)]


def diverging_map() -> pg.ColorMap:
    """Blue for negative, white for zero, orange for positive (use symmetric levels)."""
    return pg.ColorMap(
        pos=np.array([0.0, 0.5, 1.0]),
        color=np.array(
            [[0, 114, 178, 255], [247, 247, 247, 255], [230, 159, 0, 255]], dtype=np.ubyte
        ),
    )


def sequential_map() -> pg.ColorMap:
    """A perceptually uniform map for magnitudes and counts."""
    return pg.colormap.get("viridis")


def class_region_lookup(num_classes: int) -> np.ndarray:
    """A lookup table giving each class a pale version of its colour, for decision regions."""
    table = np.zeros((max(num_classes, 1), 4), dtype=np.ubyte)
    for index in range(num_classes):
        color = category_color(index)
        # Blend towards white so the points on top stay readable.
        table[index] = (
            int(color.red() * 0.45 + 255 * 0.55),
            int(color.green() * 0.45 + 255 * 0.55),
            int(color.blue() * 0.45 + 255 * 0.55),
            255,
        )
    return table


def binary_region_map() -> pg.ColorMap:
    """Pale blue (class 0) to pale orange (class 1) through white, for P(class 1)."""
    return pg.ColorMap(
        pos=np.array([0.0, 0.5, 1.0]),
        color=np.array(
            [[127, 184, 216, 255], [250, 250, 250, 255], [242, 207, 127, 255]], dtype=np.ubyte
        ),
    )


def binary_region_lookup() -> np.ndarray:
    """:func:`binary_region_map` as a 256-entry colour table, for byte images."""
    return np.asarray(binary_region_map().getLookupTable(nPts=256, alpha=True), dtype=np.ubyte)


def sequential_lookup() -> np.ndarray:
    """:func:`sequential_map` as a 256-entry colour table, for byte images."""
    return np.asarray(sequential_map().getLookupTable(nPts=256, alpha=True), dtype=np.ubyte)
