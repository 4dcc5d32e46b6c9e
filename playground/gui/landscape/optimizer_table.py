"""Which optimizers walk the surface, at which learning rate, and where each one is now.

One row per optimizer of the core's
:data:`~playground.core.landscape.problem.COMPARED_OPTIMIZERS`: a check box in
the path's colour, its learning rate and its current loss as a number (the
colours of the map are only a picture; the number is what a learner compares).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from playground.core.landscape.problem import COMPARED_OPTIMIZERS
from playground.core.spec.options import OPTIMIZER_FIELDS, OPTIMIZER_TABLE
from playground.gui.training.setting_editors import SettingSpinBox


def loss_text(value: float | None) -> str:
    """A finite loss as the table shows it: four significant digits, or a dash when unknown."""
    if value is None or not math.isfinite(value):
        return "—"
    return f"{value:.4g}"


class OptimizerTable(QWidget):
    """Check boxes, learning rates and current losses of the compared optimizers."""

    changed = Signal()  # a check box or a learning rate changed: the paths are stale

    def __init__(self, lr: float, colors: list[QColor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        sgd, adam = OPTIMIZER_TABLE["sgd"].title, OPTIMIZER_TABLE["adam"].title
        titles = {
            "sgd": sgd,
            "momentum": self.tr("{0} with momentum {1:g}").format(
                sgd, COMPARED_OPTIMIZERS["momentum"][1]
            ),
            "adam": adam,
        }
        self.keys = list(COMPARED_OPTIMIZERS)
        self.checks: dict[str, QCheckBox] = {}
        self.rates: dict[str, SettingSpinBox] = {}
        self.losses: dict[str, QLabel] = {}
        self.swatches: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        headers = (self.tr("Optimizer"), self.tr("Learning rate"), self.tr("Loss now"))
        for column, text in enumerate(headers):
            header = QLabel(f"<b>{text}</b>", self)
            grid.addWidget(header, 0, column + 1)
        for row, key in enumerate(self.keys, start=1):
            swatch = QLabel("■", self)
            swatch.setAccessibleName(self.tr("Path colour"))
            self.swatches[key] = swatch
            check = QCheckBox(titles[key], self)
            check.setChecked(True)
            check.toggled.connect(self.changed)
            # The training panel's editor: the experiment's exact rate, steps along 1-2-5.
            rate = SettingSpinBox(OPTIMIZER_FIELDS["lr"], self)
            rate.setValue(lr)
            rate.setAccessibleName(self.tr("Learning rate of {0}").format(titles[key]))
            rate.valueChanged.connect(self.changed)
            loss = QLabel(loss_text(None), self)
            loss.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            loss.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.checks[key], self.rates[key], self.losses[key] = check, rate, loss
            grid.addWidget(swatch, row, 0)
            grid.addWidget(check, row, 1)
            grid.addWidget(rate, row, 2)
            grid.addWidget(loss, row, 3)
        grid.setColumnStretch(4, 1)  # the table stays compact; spare width goes right
        self.titles = titles
        self.set_colors(colors)
        self._fit_rates()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_rates()
        super().changeEvent(event)

    def _fit_rates(self) -> None:
        """Rate editors as wide as a small rate needs (an exact editor asks for far more)."""
        digits = self.fontMetrics().horizontalAdvance("0.000005")
        for rate in self.rates.values():
            rate.setMaximumWidth(digits + 3 * self.fontMetrics().height())

    def set_colors(self, colors: list[QColor]) -> None:
        """Colour each row's swatch like its path (the colours change with the theme)."""
        for key, color in zip(self.keys, colors, strict=False):
            self.swatches[key].setStyleSheet(f"color: {color.name()};")

    def chosen(self) -> list[tuple[str, float]]:
        """The ticked optimizers as (key, learning rate), in table order."""
        return [(key, self.rates[key].value()) for key in self.keys if self.checks[key].isChecked()]

    def show_losses(self, losses: dict[str, float]) -> None:
        """Show each optimizer's current loss; rows not in ``losses`` show a dash."""
        for key, label in self.losses.items():
            value = losses.get(key)
            diverged = value is not None and not math.isfinite(value)
            label.setText(self.tr("diverged") if diverged else loss_text(value))
