"""The lab graph's colours, taken from the window's palette so light and dark both read well.

Leaves, operations and the highlighted step use Okabe–Ito colours (blue,
orange, reddish purple), which stay apart for colour-blind viewers; shapes and
line widths back them up (leaves are rounded, the current node has a thick
frame). Fills are the colour mixed into the palette's base colour, so text in
the palette's text colour stays readable on both themes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

_LEAF_LIGHT = "#0072B2"  # Okabe–Ito blue
_LEAF_DARK = "#56B4E9"  # Okabe–Ito sky blue: the blue is too dim on a dark base
_OPERATION = "#E69F00"  # Okabe–Ito orange
_HIGHLIGHT = "#CC79A7"  # Okabe–Ito reddish purple
_FILL_SHARE = 0.16
_DONE_SHARE = 0.30


def mix(colour: QColor, base: QColor, share: float) -> QColor:
    """``share`` of ``colour`` over ``base`` (0 gives ``base``, 1 gives ``colour``)."""
    keep = 1.0 - share
    return QColor(
        round(colour.red() * share + base.red() * keep),
        round(colour.green() * share + base.green() * keep),
        round(colour.blue() * share + base.blue() * keep),
    )


@dataclass(frozen=True)
class GraphColours:
    """Every colour the graph view draws with, for one palette."""

    dark: bool
    background: QColor
    text: QColor
    muted: QColor
    edge: QColor
    leaf: QColor
    leaf_fill: QColor
    operation: QColor
    operation_fill: QColor
    highlight: QColor
    highlight_fill: QColor

    def fill(self, is_leaf: bool, current: bool) -> QColor:
        if current:
            return self.highlight_fill
        return self.leaf_fill if is_leaf else self.operation_fill

    def frame(self, is_leaf: bool, current: bool) -> QColor:
        if current:
            return self.highlight
        return self.leaf if is_leaf else self.operation


def graph_colours(palette: QPalette) -> GraphColours:
    """The graph's colours for ``palette`` (the application's, or a widget's)."""
    role = QPalette.ColorRole
    base = palette.color(role.Base)
    text = palette.color(role.Text)
    dark = base.lightness() < 128
    leaf = QColor(_LEAF_DARK if dark else _LEAF_LIGHT)
    operation = QColor(_OPERATION)
    highlight = QColor(_HIGHLIGHT)
    return GraphColours(
        dark=dark,
        background=base,
        text=text,
        muted=mix(text, base, 0.75),
        edge=mix(text, base, 0.45),
        leaf=leaf,
        leaf_fill=mix(leaf, base, _FILL_SHARE),
        operation=operation,
        operation_fill=mix(operation, base, _FILL_SHARE),
        highlight=highlight,
        highlight_fill=mix(highlight, base, _DONE_SHARE),
    )


def swatch_html(colour: QColor, text: str) -> str:
    """A coloured square and its meaning, for a legend label (rich text)."""
    return f'<span style="color:{colour.name()}">■</span>&nbsp;{html.escape(text)}'
