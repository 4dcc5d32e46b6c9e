"""The question File ▸ Export ▸ Plots asks first: how large the pictures should be."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

MIN_SIDE, MAX_SIDE = 200, 8000


class PictureSizeDialog(QDialog):
    """Width and height in pixels; slides want ~1600 wide, posters more.

    Every plot is laid out afresh at this size, so the numbers are the
    pictures' real size, not a stretch of what is on screen.
    """

    def __init__(self, kind: str, size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pictureSizeDialog")
        self.setWindowTitle(self.tr("Export plots as %1").replace("%1", kind))
        self.width_box = self._side(size.width())
        self.height_box = self._side(size.height())
        note = QLabel(
            self.tr(
                "Every plot is saved as one picture of this size. 1600 × 1000 suits "
                "slides; larger sizes keep text sharp on posters."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("Width:"), self.width_box)
        form.addRow(self.tr("Height:"), self.height_box)
        form.addRow(buttons)

    def _side(self, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(MIN_SIDE, MAX_SIDE)
        box.setSingleStep(100)
        box.setSuffix(self.tr(" px"))
        box.setValue(value)
        return box

    @property
    def size_chosen(self) -> QSize:
        """The size the user set."""
        return QSize(self.width_box.value(), self.height_box.value())
