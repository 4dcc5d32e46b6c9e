"""A font for machines that have none, so letters never show as empty boxes.

A minimal Linux installation (a container, a fresh server image with a
desktop added later) can lack every font; Qt then draws each character as a
box and the app is unusable. The Linux download carries one font with a free
licence (DejaVu Sans) under ``resources/fonts``; it is registered only when Qt
finds no font of the system's own, so a normal desktop keeps its look.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from playground.core.resources import resource_path


def ensure_a_font(app: QGuiApplication) -> str | None:
    """Register and use the shipped font when the system has none; its family, or None."""
    if QFontDatabase.families():
        return None
    folder = resource_path("fonts")
    if not folder.is_dir():
        return None
    family = None
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    if family:
        font = QFont(family)
        font.setPointSize(app.font().pointSize())
        app.setFont(font)
    return family
