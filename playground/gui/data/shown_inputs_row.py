"""Which two inputs the scatter and decision plots show, for data with more than two inputs.

A plane shows two inputs; iris has four. Two pickers choose the horizontal
and the vertical input; the choice is part of the data spec
(``shown_inputs``), so it is undoable and saved with the experiment. Picking
the input the other picker shows swaps the two, so the pair always differs.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget


class ShownInputsRow(QWidget):
    """Two pickers, horizontal and vertical input; ``chosen(list)`` after a user's pick."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal = QComboBox()
        self.vertical = QComboBox()
        for combo in (self.horizontal, self.vertical):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        self.horizontal.setToolTip(self.tr("The input along the plots' horizontal axis."))
        self.vertical.setToolTip(self.tr("The input along the plots' vertical axis."))
        self.against = QLabel(self.tr("against"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.horizontal, 1)
        layout.addWidget(self.against)
        layout.addWidget(self.vertical, 1)
        self._previous = (0, 1)
        self.horizontal.activated.connect(lambda index: self._on_pick(index, 0))
        self.vertical.activated.connect(lambda index: self._on_pick(index, 1))

    def set_inputs(self, names: tuple[str, ...], shown: tuple[str, str]) -> None:
        """Offer ``names`` and show ``shown`` (horizontal, vertical) as the pair."""
        for combo, name in zip((self.horizontal, self.vertical), shown, strict=True):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(list(names))
            combo.setCurrentIndex(max(combo.findText(name), 0))
            combo.blockSignals(False)
        self._previous = (self.horizontal.currentIndex(), self.vertical.currentIndex())

    def pair(self) -> list[str]:
        """The names shown, horizontal first."""
        return [self.horizontal.currentText(), self.vertical.currentText()]

    def _on_pick(self, index: int, axis: int) -> None:
        other = self.vertical if axis == 0 else self.horizontal
        if other.currentIndex() == index:  # the same input twice: swap the pair instead
            other.setCurrentIndex(self._previous[axis])
        self._previous = (self.horizontal.currentIndex(), self.vertical.currentIndex())
        self.chosen.emit(self.pair())
