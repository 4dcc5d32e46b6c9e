"""A run's result in one sentence, shown above the plots and in the status bar when it ends.

A learner watches the curves, not the Runs panel (hidden until asked for):
when a run ends, what it achieved (its final losses, accuracies and time)
is said where the eyes already are.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from playground.core.runs.records import (
    RunRecord,
    final_train_loss,
    final_train_loss_is_epoch_mean,
)


def _loss(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.4g}" if math.isfinite(value) else str(value)


def _percent(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return ""
    return f"{100.0 * value:.1f}\u00a0%"  # never wrapped apart from its number


def _seconds(seconds: float) -> str:
    whole = round(seconds)
    if whole < 60:
        return QCoreApplication.translate("RunResult", "%1 s").replace("%1", f"{seconds:.1f}")
    minutes, secs = divmod(whole, 60)
    return (
        QCoreApplication.translate("RunResult", "%1 min %2 s")
        .replace("%1", str(minutes))
        .replace("%2", str(secs))
    )


def result_metrics(record: RunRecord) -> list[str]:
    """``last epoch's mean training loss 0.012``, ``validation accuracy 96.0 %``…: its metrics.

    The training loss says which mean it is: the last whole epoch's, or that of the
    epoch the run stopped in, so far. The status bar beside it shows the latest
    batches' loss, which moves from batch to batch.
    """
    final = record.final
    if final_train_loss_is_epoch_mean(record):
        train = QCoreApplication.translate("RunResult", "last epoch's mean training loss %1")
    else:
        train = QCoreApplication.translate(
            "RunResult", "mean training loss of epoch %2 so far %1"
        ).replace("%2", str(record.epochs + 1))
    parts = [train.replace("%1", _loss(final_train_loss(record)))]
    for template, text in (
        (QCoreApplication.translate("RunResult", "validation loss %1"), _loss(final.val_loss)),
        (
            QCoreApplication.translate("RunResult", "training accuracy %1"),
            _percent(final.train_accuracy),
        ),
        (
            QCoreApplication.translate("RunResult", "validation accuracy %1"),
            _percent(final.val_accuracy),
        ),
    ):
        if text:
            parts.append(template.replace("%1", text))
    return parts


def run_result_text(record: RunRecord, number: int) -> str:
    """One sentence: how run ``number`` ended, after how long, and what it achieved."""
    separator = QCoreApplication.translate("RunResult", ", ")  # between the metrics
    epochs = record.epochs
    headings = {
        "finished": QCoreApplication.translate(
            "RunResult", "Run %1 finished after %n epochs in %2", "", epochs
        ),
        "stopped": QCoreApplication.translate(
            "RunResult", "Run %1 stopped after %n epochs in %2", "", epochs
        ),
        "diverged": QCoreApplication.translate(
            "RunResult", "Run %1 diverged after %n epochs in %2", "", epochs
        ),
    }
    heading = headings.get(record.state) or QCoreApplication.translate(
        "RunResult", "Run %1 ended after %n epochs in %2", "", epochs
    )
    heading = heading.replace("%1", str(number)).replace("%2", _seconds(record.seconds))
    return (
        QCoreApplication.translate("RunResult", "%1: %2.")
        .replace("%1", heading)
        .replace("%2", separator.join(result_metrics(record)))
    )


class RunResultLine(QLabel):
    """The latest run's result above the plots; hidden until a run has ended.

    Word-wrapped and selectable, so a long translation fits at large fonts and
    a teacher can copy the numbers.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runResult")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setContentsMargins(6, 3, 6, 3)
        self.setToolTip(
            QCoreApplication.translate(
                "RunResult",
                "How the latest run ended. The training loss is the mean over all batches "
                "of the run's last epoch, or, for a run stopped within an epoch, over that "
                "epoch's batches so far. The loss in the status bar is that of the last few "
                "batches only, so the two differ a little. "
                "Every run is listed in View ▸ Runs.",
            )
        )
        self.clear_result()

    def show_result(self, record: RunRecord, number: int) -> None:
        """Say how ``record`` (run ``number``) ended."""
        self.setText(run_result_text(record, number))
        self.setVisible(True)

    def clear_result(self) -> None:
        """Hide the line (a new run started, or the experiment changed)."""
        self.setText("")
        self.setVisible(False)
