"""The dark theme's check boxes are seen; the loss plot's Log scale is remembered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import (
    DEFAULT_FONT_SIZE,
    AppSettings,
    load_settings,
    save_settings,
)
from playground.gui.shell.theme import apply_theme, make_palette


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def _contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, "light", DEFAULT_FONT_SIZE)


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_an_unchecked_box_stands_out_from_the_window(
    themed: QApplication, qtbot: QtBot, theme: str
) -> None:
    apply_theme(themed, theme, DEFAULT_FONT_SIZE)  # type: ignore[arg-type]
    box = QCheckBox("Log scale")
    qtbot.addWidget(box)
    box.resize(box.sizeHint())
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    option = QStyleOptionButton()
    option.initFrom(box)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    window = make_palette(theme).window().color()  # type: ignore[arg-type]
    ratio = image.devicePixelRatio()
    best = max(
        _contrast(image.pixelColor(int(x * ratio), int(y * ratio)), window)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )
    assert best >= 3.0  # WCAG's contrast for the outline of a control


def test_the_log_scale_choice_is_remembered(qtbot: QtBot) -> None:
    first = MainWindow(AppSettings())
    qtbot.addWidget(first)
    first.plot_area.loss.log_box.setChecked(True)
    assert first.settings.loss_log_scale
    save_settings(first.settings)
    first.run.shutdown(10)

    second = MainWindow(load_settings())
    qtbot.addWidget(second)
    assert second.plot_area.loss.log_box.isChecked()
    assert second.plot_area.loss.log_scale
    second.reset_run()  # a new run keeps the choice
    assert second.plot_area.loss.log_scale
    second.run.shutdown(10)
