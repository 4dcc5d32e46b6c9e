"""The status bar: what the run is doing right now, in a few fixed fields.

Step, epoch, speed and the device the run actually used (recorded from the
snapshot, not the one requested) stay visible at all times; messages about
problems appear on the left and stay until the next message.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from playground.core.training.snapshot import Snapshot

STATE_TITLES = {
    "idle": QT_TRANSLATE_NOOP("RunStatusBar", "Ready"),
    "running": QT_TRANSLATE_NOOP("RunStatusBar", "Training"),
    "paused": QT_TRANSLATE_NOOP("RunStatusBar", "Paused"),
    "finished": QT_TRANSLATE_NOOP("RunStatusBar", "Finished"),
    "stopped": QT_TRANSLATE_NOOP("RunStatusBar", "Stopped"),
    "diverged": QT_TRANSLATE_NOOP("RunStatusBar", "Diverged"),
    "failed": QT_TRANSLATE_NOOP("RunStatusBar", "Failed"),
}


def _speed_text(samples_per_second: float) -> str:
    if not math.isfinite(samples_per_second) or samples_per_second <= 0:
        return "—"
    if samples_per_second >= 10_000:
        return QCoreApplication.translate("RunStatusBar", "{count}k samples/s").format(
            count=f"{samples_per_second / 1000:,.0f}"
        )
    return QCoreApplication.translate("RunStatusBar", "{count} samples/s").format(
        count=f"{samples_per_second:,.0f}"
    )


class RunStatusBar(QStatusBar):
    """Permanent fields for state, step, epoch, samples per second and device."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state_label = QLabel()
        self.step_label = QLabel()
        self.epoch_label = QLabel()
        self.speed_label = QLabel()
        self.device_label = QLabel()
        self.state_label.setToolTip(self.tr("What the run is doing."))
        self.step_label.setToolTip(self.tr("Weight updates so far (one per batch)."))
        self.epoch_label.setToolTip(self.tr("Completed passes over the training data."))
        self.speed_label.setToolTip(self.tr("Training samples processed per second."))
        self.device_label.setToolTip(self.tr("The device this run trains on."))
        for label in (
            self.state_label,
            self.step_label,
            self.epoch_label,
            self.speed_label,
            self.device_label,
        ):
            self.addPermanentWidget(label)
        self.clear_run()

    def clear_run(self) -> None:
        """Back to the empty state (no run yet)."""
        self.state_label.setText(self.tr(STATE_TITLES["idle"]))
        self.step_label.setText(self.tr("Step {step}").format(step=0))
        self.epoch_label.setText(self.tr("Epoch {epoch}").format(epoch=0))
        self.speed_label.setText("—")
        self.device_label.setText(self.tr("Device {device}").format(device="—"))

    def set_state(self, state: str) -> None:
        """Show the run state (``running``, ``paused``, …) in words."""
        title = STATE_TITLES.get(state)
        self.state_label.setText(self.tr(title) if title else state.capitalize())

    def show_snapshot(self, snapshot: Snapshot, total_epochs: int | None = None) -> None:
        """Update every field from a snapshot."""
        self.set_state(snapshot.state)
        self.step_label.setText(self.tr("Step {step}").format(step=f"{snapshot.step:,}"))
        if total_epochs:
            epochs = self.tr("Epoch {epoch} of {total}").format(
                epoch=f"{snapshot.epoch:,}", total=f"{total_epochs:,}"
            )
        else:
            epochs = self.tr("Epoch {epoch}").format(epoch=f"{snapshot.epoch:,}")
        self.epoch_label.setText(epochs)
        self.speed_label.setText(_speed_text(snapshot.samples_per_second))
        self.device_label.setText(self.tr("Device {device}").format(device=snapshot.device))

    def show_problem(self, text: str) -> None:
        """Show a problem sentence until the next message."""
        self.showMessage(f"⚠ {text}")

    def show_info(self, text: str, timeout_ms: int = 5000) -> None:
        """Show a short note that disappears after ``timeout_ms``."""
        self.showMessage(text, timeout_ms)
