"""Toolbar and menu icons: SVG files from resources/icons, drawn in the palette's text colour."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QStyle, QWidget

from playground.core.resources import resource_path

_SP = QStyle.StandardPixmap
# Qt's own icons stand in where a file is missing (a trimmed install).
FALLBACKS: dict[str, QStyle.StandardPixmap] = {
    "new": _SP.SP_FileIcon,
    "open": _SP.SP_DialogOpenButton,
    "save": _SP.SP_DialogSaveButton,
    "play": _SP.SP_MediaPlay,
    "pause": _SP.SP_MediaPause,
    "step-batch": _SP.SP_MediaSkipForward,
    "step-epoch": _SP.SP_MediaSeekForward,
    "stop": _SP.SP_MediaStop,
    "reset": _SP.SP_BrowserReload,
}


def icon(name: str, widget: QWidget) -> QIcon:
    """The icon ``name`` drawn in ``widget``'s text colour.

    The SVG files use ``currentColor``; tinting them here keeps the toolbar
    readable on both themes. A Qt standard icon stands in when a file is missing.
    """
    path = resource_path("icons", f"{name}.svg")
    if not path.is_file():
        return widget.style().standardIcon(FALLBACKS.get(name, _SP.SP_FileIcon))
    colour = widget.palette().color(QPalette.ColorRole.WindowText).name()
    svg = path.read_text(encoding="utf-8").replace("currentColor", colour).encode("utf-8")
    renderer = QSvgRenderer(QByteArray(svg))
    result = QIcon()
    for size in (16, 22, 32, 44, 64):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result
