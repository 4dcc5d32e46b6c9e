"""Where the side panels go: one column of tabs on small screens, two columns on wide ones.

At 1024 or 1280 pixels the plots need most of the width, so data, model,
network and training share one tabbed column on the left. From
:data:`WIDE_LAYOUT_WIDTH` on, every panel is seen at once, as TensorFlow
Playground shows data, network and output together: data above training on
the left, the layer editor above the network diagram on the right.
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


class PanelScrollArea(QScrollArea):
    """Scrolls vertically, and is never narrower than its content unless told to be.

    A plain QScrollArea reports a small minimum width; with horizontal scrolling
    off, a dock could then squeeze its panel and clip buttons at the right edge
    (as happens with large projector fonts). With :meth:`limit_width` the area
    asks for at most that width and scrolls sideways beyond it, so a 24-point
    panel on a 1024-pixel screen scrolls instead of making the window wider
    than the screen.
    """

    def __init__(self) -> None:
        super().__init__()
        self._width_limit: int | None = None

    def limit_width(self, pixels: int | None) -> None:
        """Ask for at most ``pixels`` of width and scroll sideways beyond (None: no limit)."""
        self._width_limit = pixels
        self.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if pixels is None
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.updateGeometry()

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
        if self._width_limit is not None:
            width = min(width, self._width_limit)
        return QSize(max(hint.width(), width), hint.height())


def scrolling(widget: QWidget) -> PanelScrollArea:
    """``widget`` in a frameless area that scrolls vertically when the window is short."""
    area = PanelScrollArea()
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


def arrange_docks(
    window: QMainWindow, docks: Sequence[QDockWidget], width: int, *, show_all: bool = True
) -> None:
    """Place ``docks`` (data, model, network, training) for a window ``width`` pixels wide.

    Narrow: one tabbed column on the left. Wide: data above training on the left and the
    layer editor above the network diagram on the right, so all four are seen at once.
    ``show_all`` shows every panel (the default layout); otherwise hidden ones stay hidden.
    """
    data, model, network, training = docks
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    right = Qt.DockWidgetArea.RightDockWidgetArea
    hidden = {dock for dock in docks if not show_all and dock.isHidden()}
    for dock in docks:
        dock.setFloating(False)
        window.removeDockWidget(dock)
    window.addDockWidget(left, data)
    em = window.fontMetrics().horizontalAdvance("M")
    if width >= WIDE_LAYOUT_WIDTH:
        window.addDockWidget(left, training)
        window.splitDockWidget(data, training, Qt.Orientation.Vertical)
        window.addDockWidget(right, model)
        window.addDockWidget(right, network)
        window.splitDockWidget(model, network, Qt.Orientation.Vertical)
        # Wider columns for larger (projector) fonts, so pickers are not cut short, but
        # never so wide that the plots between them lose their room.
        side = width // 4
        window.resizeDocks(
            [data, model],
            [min(side, max(380, 28 * em)), min(side, max(430, 31 * em))],
            Qt.Orientation.Horizontal,
        )
        height = max(window.height(), 600)
        window.resizeDocks(
            [data, training, model, network],
            [height * 11 // 20, height * 9 // 20, height * 11 // 20, height * 9 // 20],
            Qt.Orientation.Vertical,
        )
    else:
        previous = data
        for dock in (model, network, training):
            window.addDockWidget(left, dock)
            window.tabifyDockWidget(previous, dock)
            previous = dock
        side = min(max(400, 30 * em), max(330, width * 2 // 5))
        window.resizeDocks([data], [side], Qt.Orientation.Horizontal)
    for dock in docks:
        dock.setVisible(dock not in hidden)
    data.raise_()


def arrangement(window: QMainWindow, docks: Sequence[QDockWidget]) -> tuple[object, ...]:
    """Where each shown one of ``docks`` sits: its area, whether it floats, its tab mates."""
    shown = [dock for dock in docks if not dock.isHidden()]
    names = {dock.objectName() for dock in shown}
    return tuple(
        (
            dock.objectName(),
            window.dockWidgetArea(dock),
            dock.isFloating(),
            frozenset(o.objectName() for o in window.tabifiedDockWidgets(dock)) & names,
        )
        for dock in shown
    )


def planned_arrangement(docks: Sequence[QDockWidget], wide: bool) -> tuple[object, ...]:
    """What :func:`arrangement` says of the shown panels right after :func:`arrange_docks`.

    (Computed, not read back: Qt makes the tab bars only once the window is shown.)
    """
    data, model, network, training = docks
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    right = Qt.DockWidgetArea.RightDockWidgetArea
    shown = [dock for dock in docks if not dock.isHidden()]
    names = {dock.objectName() for dock in shown}
    areas = {data: left, training: left, model: right if wide else left}
    areas[network] = areas[model]
    return tuple(
        (
            dock.objectName(),
            areas[dock],
            False,
            frozenset() if wide else names - {dock.objectName()},
        )
        for dock in shown
    )


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
