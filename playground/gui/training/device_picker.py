"""The device picker: where the network trains (CPU, a CUDA GPU, Apple's MPS).

Devices this computer lacks are still listed, greyed out, with the core's
reason as a tooltip, so a student learns why the GPU option is not there
instead of wondering whether the app forgot it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from playground.core.messages.texts import text
from playground.core.training import devices


@dataclass(frozen=True)
class DeviceChoice:
    """One entry of the picker: the spec's device name, a label and why it may be absent."""

    name: str
    label: str
    available: bool
    reason: str = ""


def device_choices() -> list[DeviceChoice]:
    """Automatic first, then every device the core knows about, present or not."""
    choices = [
        DeviceChoice(
            "auto",
            QCoreApplication.translate("DevicePicker", "Automatic"),
            True,
            QCoreApplication.translate(
                "DevicePicker", "The best device here: a CUDA GPU, then MPS, then the CPU."
            ),
        )
    ]
    for device in devices.list_devices():
        choices.append(
            DeviceChoice(
                name=device.name,
                label=text(device.label),
                available=device.available,
                reason=text(device.reason) if device.reason else "",
            )
        )
    return choices


class DevicePicker(QComboBox):
    """A combo box of devices; absent ones are disabled with the reason as tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(
            self.tr("Where the network trains. Small networks are often fastest on the CPU.")
        )
        self.refresh()

    def refresh(self) -> None:
        """Ask the core again which devices exist."""
        current = self.device() if self.count() else "auto"
        model = QStandardItemModel(self)
        for choice in device_choices():
            item = QStandardItem(choice.label)
            item.setData(choice.name, Qt.ItemDataRole.UserRole)
            if choice.available:
                item.setToolTip(choice.reason or choice.label)
            else:
                item.setEnabled(False)
                item.setText(self.tr("{device} (not available)").format(device=choice.label))
                item.setToolTip(choice.reason)
            model.appendRow(item)
        self.setModel(model)
        self.set_device(current)

    def device(self) -> str:
        """The chosen device as the spec names it (``auto``, ``cpu``, ``cuda:0``, ``mps``)."""
        value = self.currentData(Qt.ItemDataRole.UserRole)
        return str(value) if value else "auto"

    def set_device(self, name: str) -> None:
        """Select ``name``; an absent or unknown device falls back to automatic."""
        model = self.model()
        wanted = "cuda:0" if name == "cuda" else name
        for row in range(self.count()):
            index = model.index(row, 0)
            item_flags = model.flags(index)
            if (
                model.data(index, Qt.ItemDataRole.UserRole) == wanted
                and item_flags & Qt.ItemFlag.ItemIsEnabled
            ):
                self.setCurrentIndex(row)
                return
        self.setCurrentIndex(0)

    def is_available(self, name: str) -> bool:
        """Whether ``name`` is listed and usable here."""
        model = self.model()
        for row in range(self.count()):
            index = model.index(row, 0)
            if model.data(index, Qt.ItemDataRole.UserRole) == name:
                return bool(model.flags(index) & Qt.ItemFlag.ItemIsEnabled)
        return False
