"""Large text without a window larger than the screen.

A teacher sets 20 or 24 points for a projector that shows 1024×768. Qt sizes
a window to the minimum its panels ask for, and at that size a few widgets
ask for a lot: a combo box reserves the width of its longest entry, so the
window grew past the screen and stayed there. Combo boxes here reserve a
dozen characters (the open list still shows every entry in full), and the
window is fitted back onto its screen whenever the text size changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtWidgets import QComboBox, QWidget

from playground.gui.shell.panel_layout import PanelScrollArea

#: How many characters a combo box reserves at least; longer entries are elided.
COMBO_MIN_CHARACTERS = 10
#: The narrowest width limit of a side panel (pixels), whatever the screen.
MIN_PANEL_WIDTH_LIMIT = 320


def relax_combo_boxes(root: QWidget, characters: int = COMBO_MIN_CHARACTERS) -> None:
    """Let every combo box under ``root`` be narrower than its longest entry.

    A combo box that already asks for fewer characters keeps them (the two pickers
    of the shown inputs share one row and would widen the data panel otherwise).
    """
    for combo in root.findChildren(QComboBox):
        own = combo.minimumContentsLength()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(min(own, characters) if own > 0 else characters)


def fit_on_screen(
    window: QWidget, available: QRect | None = None, *, before: QSize | None = None
) -> None:
    """Shrink and move ``window`` so that it lies within ``available`` (its screen's free
    area by default), as far as its minimum size allows; ``before``: its size before a
    change, which it may keep (only growth past the screen is undone). Maximized and
    full-screen windows are sized by the system and left alone."""
    if window.isMaximized() or window.isFullScreen():
        return
    if available is None:
        screen = window.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
    frame = window.frameGeometry()
    margin = QSize(frame.width() - window.width(), frame.height() - window.height())
    room = QSize(available.width() - margin.width(), available.height() - margin.height())
    if before is not None:
        room = room.expandedTo(before)
    width = min(window.width(), max(room.width(), 1))
    height = min(window.height(), max(room.height(), 1))
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    size = QSize(width, height).expandedTo(minimum)
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    x = min(
        max(frame.x(), available.x()), max(available.right() - frame.width() + 1, available.x())
    )
    y = min(
        max(frame.y(), available.y()), max(available.bottom() - frame.height() + 1, available.y())
    )
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def panel_width_limit(window: QWidget) -> int | None:
    """The most width a side panel may ask for on ``window``'s screen (None: unknown).

    Under half the screen, so the plots keep the rest; a panel wider than this at a
    large text size scrolls sideways instead of pushing the window off the screen.
    """
    screen = window.screen()
    if screen is None:
        return None
    return max(MIN_PANEL_WIDTH_LIMIT, screen.availableGeometry().width() * 9 // 20)


def follow_text_size(window: QWidget, areas: Sequence[PanelScrollArea]) -> None:
    """After the text size (or theme) changed: limit the panels' ``areas`` to the screen's
    share, and once the panels took their new size, fit ``window`` back on its screen.

    A window not shown yet is left to whoever shows it (``--size`` sets its size).
    """
    limit = panel_width_limit(window)
    for area in areas:
        area.limit_width(limit)
    if not window.isVisible():
        return
    before = window.size()
    QTimer.singleShot(0, window, lambda: fit_on_screen(window, before=before))
