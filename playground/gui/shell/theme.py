"""Light and dark looks, and the app-wide font size.

One place decides colours so every panel agrees, and so a teacher can switch to
a high-contrast dark theme with large text for a projector. The Fusion style
is used on every platform because it follows the palette faithfully.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from playground.core.resources import resource_path
from playground.gui.shell.settings import MAX_FONT_SIZE, MIN_FONT_SIZE, Theme

# The palette's colours by role, plus pyqtgraph's defaults for new plots.
_COLOURS: dict[Theme, dict[str, str]] = {
    "light": {
        "window": "#f3f4f6",
        "base": "#ffffff",
        "alternate": "#eef0f3",
        "text": "#1b1f24",
        "button": "#e8eaee",
        "highlight": "#2563a8",
        "highlighted_text": "#ffffff",
        "disabled": "#8a9099",
        "link": "#1f5fa6",
        "tooltip_base": "#fffbe6",
        "plot_background": "#ffffff",
        "plot_foreground": "#30353b",
    },
    "dark": {
        "window": "#1f2227",
        "base": "#16181c",
        "alternate": "#24282e",
        "text": "#e9ecef",
        "button": "#2c3138",
        "highlight": "#4c8fd6",
        "highlighted_text": "#0d0f12",
        "disabled": "#7b828c",
        "link": "#8cc0ff",
        "tooltip_base": "#2c3138",
        # pyqtgraph's defaults for plots made from now on: they start light in both
        # themes, and each window recolours its plots for the dark theme with
        # playground.gui.plots.base.DARK (the plot area, the data preview, the
        # compare view), which is the plots' real dark look.
        "plot_background": "#ffffff",
        "plot_foreground": "#30353b",
    },
}

# The outline of check boxes and radio buttons: Fusion darkens the window colour for it,
# which on the dark window is darker still and all but invisible. These keep 3:1 against
# the window (the contrast WCAG asks of controls).
_INDICATOR_OUTLINE: dict[Theme, str] = {"light": "#6b7280", "dark": "#9aa3ae"}
_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
)


class ThemeStyle(QProxyStyle):
    """Fusion, with check box and radio button outlines that read in both themes."""

    def __init__(self, theme: Theme) -> None:
        super().__init__("Fusion")
        self.outline = QColor(_INDICATOR_OUTLINE[theme])

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(self.outline, 1.2))
        painter.setBrush(QColor(0, 0, 0, 0))
        box = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 1.5, 1.5)
        painter.restore()


def make_palette(theme: Theme) -> QPalette:
    """A complete QPalette for the theme, including disabled colours."""
    c = _COLOURS[theme]
    palette = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    palette.setColor(role.Window, QColor(c["window"]))
    palette.setColor(role.WindowText, QColor(c["text"]))
    palette.setColor(role.Base, QColor(c["base"]))
    palette.setColor(role.AlternateBase, QColor(c["alternate"]))
    palette.setColor(role.Text, QColor(c["text"]))
    palette.setColor(role.Button, QColor(c["button"]))
    palette.setColor(role.ButtonText, QColor(c["text"]))
    palette.setColor(role.Highlight, QColor(c["highlight"]))
    palette.setColor(role.HighlightedText, QColor(c["highlighted_text"]))
    palette.setColor(role.ToolTipBase, QColor(c["tooltip_base"]))
    palette.setColor(role.ToolTipText, QColor(c["text"]))
    palette.setColor(role.PlaceholderText, QColor(c["disabled"]))
    palette.setColor(role.Link, QColor(c["link"]))
    palette.setColor(role.BrightText, QColor("#ff5555"))
    for disabled_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, disabled_role, QColor(c["disabled"]))
    return palette


def clamp_font_size(size: int) -> int:
    """Keep a font size within the range the layout is designed for."""
    return min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, size))


def apply_theme(app: QApplication, theme: Theme, font_size: int) -> None:
    """Apply palette, style sheet and font size to the whole application."""
    app.setStyle(ThemeStyle(theme))
    app.setPalette(make_palette(theme))
    font = QFont(app.font())
    font.setPointSize(clamp_font_size(font_size))
    app.setFont(font)
    sheet = resource_path("styles", f"{theme}.qss")
    app.setStyleSheet(sheet.read_text(encoding="utf-8") if sheet.is_file() else "")
    _configure_plots(theme)


def _configure_plots(theme: Theme) -> None:
    """pyqtgraph's defaults for plots created from now on (light in both themes).

    Existing plots keep their colours; windows recolour theirs with
    :func:`playground.gui.plots.base.apply_plot_theme`.
    """
    import pyqtgraph as pg

    c = _COLOURS[theme]
    pg.setConfigOptions(background=c["plot_background"], foreground=c["plot_foreground"])
