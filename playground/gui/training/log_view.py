"""The training log: ``Epoch [10/100], Loss: 0.1234`` every N epochs, as the course prints it.

The lines come from every epoch record of the run (``Snapshot.new_epochs``), so
none is skipped however fast training goes; the interval can be changed during
a run and the log is rewritten from the records kept.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from playground.core.training.course_log import log_lines
from playground.core.training.history import EpochRecord
from playground.core.training.snapshot import Snapshot

MAX_RECORDS = 100_000


class TrainingLog(QWidget):
    """A read-only text log of the run's epochs at a chosen interval."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[EpochRecord] = []
        self.epochs = 1
        self.every = QSpinBox()
        self.every.setRange(1, 1_000_000)
        self.every.setValue(10)
        self.every.setSuffix(self.tr(" epochs"))
        self.every.setToolTip(self.tr("Print one line every this many epochs."))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMaximumBlockCount(20_000)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Print every")))
        row.addWidget(self.every)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)
        self.every.valueChanged.connect(lambda _v: self._rewrite())

    def set_epochs(self, epochs: int) -> None:
        """The run's epoch count, shown as the N in ``Epoch [k/N]``."""
        self.epochs = max(1, epochs)

    def clear(self) -> None:
        self.records.clear()
        self.text.clear()

    def add_snapshot(self, snapshot: Snapshot) -> None:
        if not snapshot.new_epochs:
            return
        new = list(snapshot.new_epochs)
        self.records.extend(new)
        del self.records[:-MAX_RECORDS]
        lines = log_lines(new, self.epochs, self.every.value())
        if lines:
            self.text.appendPlainText("\n".join(lines))

    def lines(self) -> list[str]:
        text = self.text.toPlainText()
        return text.splitlines() if text else []

    def _rewrite(self) -> None:
        self.text.setPlainText("\n".join(log_lines(self.records, self.epochs, self.every.value())))
