"""Fonts that can draw every letter shown: a fallback for bare machines, a Chinese font.

Chinese text needs a font with Chinese characters. Left to itself, Qt may
pick a bitmap-era serif (SimSun on Windows) or, on a bare Linux, nothing at
all and draw boxes; :func:`use_chinese_font` puts the platform's proper sans
serif Chinese font (Microsoft YaHei, PingFang SC, Noto Sans CJK SC or
WenQuanYi) after the interface font, so Latin letters keep their look and
Chinese ones use it. Plots build their fonts from the application font, so
they follow. Without any such font the caller says so and keeps English.

A minimal Linux installation (a container, a fresh server image with a
desktop added later) can lack every font; Qt then draws each character as a
box and the app is unusable. The Linux download carries one font with a free
licence (DejaVu Sans) under ``resources/fonts``; it is registered only when Qt
finds no font of the system's own, so a normal desktop keeps its look.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

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


#: Sans-serif Chinese fonts by platform, best first (never SimSun: it is a serif for print).
CHINESE_FONTS: dict[str, tuple[str, ...]] = {
    "win32": ("Microsoft YaHei UI", "Microsoft YaHei", "DengXian"),
    "darwin": ("PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti"),
    "linux": (
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Noto Sans SC",
        "WenQuanYi Micro Hei",
        "WenQuanYi Zen Hei",
        "Droid Sans Fallback",
    ),
}


def _unsuited(name: str) -> bool:
    """Whether a family is a poor interface font (print serifs, monospace)."""
    lowered = name.lower()
    return any(word in lowered for word in ("serif", "mono", "simsun", "song", "ming"))


def chinese_font_family(
    installed: Iterable[str] | None = None, platform: str = sys.platform
) -> str | None:
    """The Chinese font to use on ``platform`` among ``installed`` families, or None.

    The platform's preferred fonts come first; otherwise any installed sans
    serif that Qt says can write Simplified Chinese (serifs, mono and SimSun last).
    """
    if installed is None:
        installed = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    families = list(installed)
    preferred = CHINESE_FONTS.get("linux" if platform.startswith("linux") else platform, ())
    for family in preferred:
        if family in families:
            return family
    ranked = sorted(families, key=_unsuited)
    return ranked[0] if ranked else None


def use_chinese_font(app: QGuiApplication) -> str | None:
    """Put a Chinese font after the interface font; the family used, or None when none exists."""
    family = chinese_font_family()
    if family is None:
        return None
    font = QFont(app.font())
    base = [name for name in font.families() if name != family] or [font.family()]
    font.setFamilies([*base, family])
    app.setFont(font)
    return family
