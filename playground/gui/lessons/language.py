"""Which language a lesson's texts are shown in: the interface's, else the system's."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def ui_language() -> str:
    """``zh_CN`` when the interface speaks Chinese, else ``en``."""
    name = QLocale().name()
    return "zh_CN" if name.startswith("zh") else "en"
