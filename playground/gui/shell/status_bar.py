"""The status bar: what the run is doing right now, in a few fixed fields.

Step, epoch, the loss of the last batches and the accuracy, speed and the
device the run actually used (recorded from the snapshot, not the one
requested) stay visible; only a projector's font on a small screen leaves out
speed, device and step, in that order. Messages about problems appear on the
left and stay until the next message, as does the result of a run that has
ended (whose training loss is a finished run's mean over its last epoch).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStatusBar, QWidget

from playground.core.runs.records import RunRecord
from playground.core.training.snapshot import Snapshot
from playground.gui.plots.run_result import run_result_text
from playground.gui.shell.status_field import StatusField

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
        self.state_label = StatusField()
        self.step_label = StatusField()
        self.epoch_label = StatusField()
        # The longest field gives up room first; see _fit for the others.
        self.metrics_label = StatusField(squeezable=True)
        self.speed_label = StatusField()
        self.device_label = StatusField()
        self.state_label.setToolTip(self.tr("What the run is doing."))
        self.step_label.setToolTip(self.tr("Weight updates so far (one per batch)."))
        self.epoch_label.setToolTip(self.tr("Completed passes over the training data."))
        self.metrics_label.setToolTip(
            self.tr(
                "Loss (last batches): the training loss of the last few batches; it moves "
                "with every batch. The result line above the plots gives the run's mean "
                "over its whole last epoch (or over the batches so far of the epoch it "
                "stopped in), so the two numbers differ a little. "
                "Accuracy: on the validation data when there is some, else on the "
                "training data."
            )
        )
        self.speed_label.setToolTip(self.tr("Training samples processed per second."))
        self.device_label.setToolTip(self.tr("The device this run trains on."))
        for label in (
            self.state_label,
            self.step_label,
            self.epoch_label,
            self.metrics_label,
            self.speed_label,
            self.device_label,
        ):
            self.addPermanentWidget(label)
        self.clear_run()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Show step, device and speed only while they fit beside the rest.

        A projector's font on a small screen has no room for every field: the least
        needed are left out rather than widen the window or cut every field short.
        Speed, then device, give way to the whole loss text; the step is kept until
        the loss would be shortened to less than its first number.
        """
        gap = self.fontMetrics().horizontalAdvance("0") + 2  # between two fields
        loss = self.tr("Loss (last batches) %1").replace("%1", "0.0000")
        shortest_loss = self.metrics_label.fontMetrics().horizontalAdvance(loss) + 2 * gap
        whole_loss = self.metrics_label.whole_width() + gap
        kept = self.state_label.whole_width() + self.epoch_label.whole_width() + 3 * gap
        step = self.step_label.whole_width() + gap
        self.step_label.setVisible(kept + step + shortest_loss <= self.width())
        if self.step_label.isVisibleTo(self):
            kept += step
        for field in (self.device_label, self.speed_label):  # the more needed first
            width = field.whole_width() + gap
            field.setVisible(kept + whole_loss + width <= self.width())
            if field.isVisibleTo(self):
                kept += width

    def clear_run(self) -> None:
        """Back to the empty state (no run yet)."""
        self.state_label.setText(self.tr(STATE_TITLES["idle"]))
        self.step_label.setText(self.tr("Step {step}").format(step=0))
        self.epoch_label.setText(self.tr("Epoch {epoch}").format(epoch=0))
        self.metrics_label.setText(self.tr("Loss (last batches) %1").replace("%1", "—"))
        self.speed_label.setText("—")
        self.device_label.setText(self.tr("Device {device}").format(device="—"))
        self._fit()

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
        self.metrics_label.setText(self.metrics_text(snapshot))
        self.speed_label.setText(_speed_text(snapshot.samples_per_second))
        self.device_label.setText(self.tr("Device {device}").format(device=snapshot.device))
        self._fit()

    def metrics_text(self, snapshot: Snapshot) -> str:
        """``Loss (last batches) 0.1234 · Accuracy 95.0 %`` (validation accuracy when measured)."""
        loss = snapshot.train_loss
        text = self.tr("Loss (last batches) %1")
        text = text.replace("%1", f"{loss:.4g}" if math.isfinite(loss) else "—")
        if snapshot.val_loss is not None and math.isfinite(snapshot.val_loss):
            text += " · " + self.tr("Val. loss %1").replace("%1", f"{snapshot.val_loss:.4g}")
        accuracy = snapshot.val_accuracy
        if accuracy is None:
            accuracy = snapshot.train_accuracy
        if accuracy is not None and math.isfinite(accuracy):
            text += " · " + self.tr("Accuracy %1").replace("%1", f"{100.0 * accuracy:.1f} %")
        return text

    def show_result(self, record: RunRecord, number: int, *, runs_hidden: bool = False) -> None:
        """Say how run ``number`` ended, until the next message."""
        text = run_result_text(record, number)
        if runs_hidden:
            text += " " + self.tr("Every run is listed in View ▸ Runs.")
        self.showMessage(text)

    def show_problem(self, text: str) -> None:
        """Show a problem sentence until the next message."""
        self.showMessage(f"⚠ {text}")

    def show_info(self, text: str, timeout_ms: int = 5000) -> None:
        """Show a short note that disappears after ``timeout_ms``."""
        self.showMessage(text, timeout_ms)
