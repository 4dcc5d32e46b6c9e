"""Where the side panels go: one column of tabs on small screens, two columns on wide ones.

At 1024 or 1280 pixels the plots need most of the width, so data, model,
network and training share one tabbed column on the left. From
:data:`WIDE_LAYOUT_WIDTH` on, the model editor and the network diagram get
their own column on the right so they are visible while training.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

WIDE_LAYOUT_WIDTH = 1500


class _VerticalScrollArea(QScrollArea):
    """Scrolls vertically only, so it is never narrower than its content.

    A plain QScrollArea reports a small minimum width; with horizontal scrolling
    off, a dock could then squeeze its panel and clip buttons at the right edge
    (as happens with large projector fonts).
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = (
            content.minimumSizeHint().expandedTo(content.minimumSize()).width()
            + self.verticalScrollBar().sizeHint().width()
            + 2 * self.frameWidth()
        )
        return QSize(max(hint.width(), width), hint.height())


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless area that scrolls vertically when the window is short."""
    area = _VerticalScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def make_dock(window: QMainWindow, title: str, name: str, widget: QWidget) -> QDockWidget:
    """A movable, closable, floatable side panel (named, so saveState can restore it)."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    return dock


def arrange_docks(window: QMainWindow, docks: Sequence[QDockWidget], width: int) -> None:
    """Place ``docks`` (data, model, network, training) for a window ``width`` pixels wide."""
    data, model, network, training = docks
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    right = Qt.DockWidgetArea.RightDockWidgetArea
    for dock in docks:
        window.removeDockWidget(dock)
    window.addDockWidget(left, data)
    if width >= WIDE_LAYOUT_WIDTH:
        window.addDockWidget(left, training)
        window.tabifyDockWidget(data, training)
        window.addDockWidget(right, model)
        window.addDockWidget(right, network)
        window.splitDockWidget(model, network, Qt.Orientation.Vertical)
        # Wider columns for larger (projector) fonts, so pickers are not cut short.
        em = window.fontMetrics().horizontalAdvance("M")
        window.resizeDocks(
            [data, model], [max(380, 28 * em), max(430, 31 * em)], Qt.Orientation.Horizontal
        )
        height = max(window.height(), 600)
        window.resizeDocks(
            [model, network], [height * 11 // 20, height * 9 // 20], Qt.Orientation.Vertical
        )
    else:
        previous = data
        for dock in (model, network, training):
            window.addDockWidget(left, dock)
            window.tabifyDockWidget(previous, dock)
            previous = dock
        side = min(400, max(330, width // 3))
        window.resizeDocks([data], [side], Qt.Orientation.Horizontal)
    for dock in docks:
        dock.show()
    data.raise_()


def problem_banner() -> QLabel:
    """The inline banner above the plots that says why training cannot start (hidden when fine)."""
    banner = QLabel()
    banner.setObjectName("problemBanner")
    banner.setWordWrap(True)
    banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    banner.setVisible(False)
    return banner


def with_banner(banner: QLabel, action: QWidget, content: QWidget) -> QWidget:
    """``content`` below ``banner`` and its ``action`` button, as the window's central widget."""
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(4, 4, 4, 0)
    row = QHBoxLayout()
    row.addWidget(banner, 1)
    row.addWidget(action)
    layout.addLayout(row)
    layout.addWidget(content, 1)
    return central
