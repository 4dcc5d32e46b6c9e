"""Editors for the settings of the option tables: spin boxes that never change a value.

A plain QDoubleSpinBox rounds to its decimals and clamps to its range, so
showing a valid file's ``lr = 1e-7`` and saving again wrote 1e-6, and the run
trained with it. These editors take their range from the spec's table (every
value the spec allows, no other), show the shortest text that reads back as
the same float, and accept typed numbers in any notation (``1e-7``); an
untouched editor therefore never rewrites what the experiment holds.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QSpinBox, QWidget

from playground.core.messages.texts import text
from playground.core.spec.option_fields import FieldOption

#: Qt rounds every value to ``decimals`` places; 323 keeps every double (down to 5e-324).
EXACT_DECIMALS = 323
MIN_VISIBLE_DIGITS = 12  # what a float editor shows at least: 0.0001234567
_STEPS = (1.0, 2.0, 5.0)  # a log-scale editor steps 0.001, 0.002, 0.005, 0.01, …


def shortest_text(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` (``0.1``, ``1e-07``)."""
    if value == 0:
        return "0"
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def log_step(value: float, steps: int) -> float:
    """``value`` moved ``steps`` places along 1-2-5 (…, 0.01, 0.02, 0.05, 0.1, …)."""
    if value <= 0 or not math.isfinite(value):
        return value
    exponent = math.floor(math.log10(value))
    mantissa = value / 10**exponent
    # The grid point at or below the value (a value between points steps to its neighbours).
    index = max(i for i, m in enumerate(_STEPS) if m <= mantissa * (1 + 1e-9))
    on_grid = math.isclose(mantissa, _STEPS[index], rel_tol=1e-9)
    position = exponent * 3 + index + (0 if on_grid or steps > 0 else 1) + steps
    exponent, index = divmod(position, 3)
    return float(f"{_STEPS[index]:g}e{exponent}")


class SettingSpinBox(QDoubleSpinBox):
    """A float editor for one table setting that keeps the exact value it is given."""

    def __init__(self, option: FieldOption, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        self.setDecimals(EXACT_DECIMALS)
        low, high = option.editor_range()
        if option.optional:
            # The empty setting is shown as the special value just below the range.
            self.setSpecialValueText(option.empty_text)
            low = float(option.minimum or 0.0)
        self.setRange(low, high)
        self.setSingleStep(option.step)
        self.setToolTip(text(option.help))
        self.setKeyboardTracking(False)
        self.setAccelerated(True)

    def minimumSizeHint(self) -> QSize:
        """Room for a dozen digits: Qt would reserve the width of every decimal of the
        largest value, which at projector font sizes is wider than the window."""
        hint = super().minimumSizeHint()
        digits = self.fontMetrics().horizontalAdvance("0" * (MIN_VISIBLE_DIGITS + 1))
        return QSize(min(hint.width(), digits + 2 * hint.height()), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.minimumSizeHint().width()), hint.height())

    def textFromValue(self, value: float) -> str:
        return shortest_text(value)

    def valueFromText(self, text: str) -> float:
        try:
            return float(self._number_text(text))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        if self.specialValueText() and text == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        number = self._number_text(text)
        try:
            value = float(number)
        except ValueError:
            partial = number in ("", "-", "+", ".") or number[-1:] in ("e", "E", "-", "+", ".")
            state = QValidator.State.Intermediate if partial else QValidator.State.Invalid
            return state, text, pos
        if not math.isfinite(value):
            return QValidator.State.Invalid, text, pos
        inside = self.minimum() <= value <= self.maximum()
        return (QValidator.State.Acceptable if inside else QValidator.State.Intermediate), text, pos

    def fixup(self, text: str) -> str:
        return shortest_text(self.value())

    def stepBy(self, steps: int) -> None:
        if not self.option.log_scale:
            super().stepBy(steps)
            return
        value = self.value()
        if value <= self.minimum() or value <= 0:
            value = self.option.step if steps > 0 else value
        else:
            value = log_step(value, steps)
        self.setValue(min(max(value, self.minimum()), self.maximum()))

    def _number_text(self, text: str) -> str:
        for affix in (self.prefix(), self.suffix()):
            if affix:
                text = text.replace(affix, "")
        return text.strip()


def setting_editor(option: FieldOption) -> QWidget:
    """The editor for a table setting: a check box, an integer or a float spin box."""
    if option.type == "bool":
        box = QCheckBox(text(option.title))
        box.setToolTip(text(option.help))
        return box
    if option.type == "int":
        spin = QSpinBox()
        low = int(option.minimum) if option.minimum is not None else -(2**31)
        high = int(option.maximum) if option.maximum is not None else 2**31 - 1
        if option.optional:
            spin.setSpecialValueText(option.empty_text)
            low -= 1  # the empty setting, just below the range
        spin.setRange(low, high)
        spin.setToolTip(text(option.help))
        spin.setKeyboardTracking(False)
        return spin
    return SettingSpinBox(option)
