"""The run history of an experiment and the "Runs" panel that lists it.

Every run that trained is kept as a :class:`~playground.core.runs.records.RunRecord`
(settings, device, duration, final metrics, thinned curves), so a learner can
change one thing, train again, and see side by side what the change did. The
records travel with the experiment in its ``.playground`` file.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.messages.texts import text
from playground.core.runs.differences import learning_rate_text
from playground.core.runs.records import RunRecord, final_train_loss, reason_in_words
from playground.core.spec.options import OPTIMIZER_TABLE

COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("RunHistory", "Started"),
    QT_TRANSLATE_NOOP("RunHistory", "Settings"),
    QT_TRANSLATE_NOOP("RunHistory", "Loss"),
    QT_TRANSLATE_NOOP("RunHistory", "Val. loss"),
    QT_TRANSLATE_NOOP("RunHistory", "Accuracy"),
    QT_TRANSLATE_NOOP("RunHistory", "Device"),
    QT_TRANSLATE_NOOP("RunHistory", "Time"),
)
EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "RunHistory",
    "No runs yet. Each training run is listed here when it ends, so you can compare them.",
)


class RunHistory(QObject):
    """The recorded runs of the current experiment, oldest first.

    Signal ``changed()`` after any change, so the panel and the autosave follow.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[RunRecord] = []

    @property
    def records(self) -> list[RunRecord]:
        """A copy of the list of runs."""
        return list(self._records)

    def add(self, record: RunRecord) -> None:
        """Append a finished run."""
        self._records.append(record)
        self.changed.emit()

    def replace(self, records: list[RunRecord]) -> None:
        """Show the runs of another experiment (a file was opened, or New)."""
        self._records = list(records)
        self.changed.emit()

    def remove(self, ids: set[str]) -> None:
        """Forget the runs whose ids are in ``ids``."""
        kept = [r for r in self._records if r.id not in ids]
        if len(kept) != len(self._records):
            self._records = kept
            self.changed.emit()

    def number(self, record: RunRecord) -> int:
        """The run's number as the panel shows it (1 for the first)."""
        ids = [r.id for r in self._records]
        return ids.index(record.id) + 1 if record.id in ids else 0


def settings_summary(record: RunRecord) -> str:
    """The settings people change most, in a few words: ``Adam, lr 0.01, batch 32, 4 layers``.

    A learning rate set during the run shows as ``lr 0.1, then 0.01 from epoch 12``.
    """
    s = record.settings
    layers = len(s.model.layers)
    words = (
        QCoreApplication.translate("RunHistory", "{optimizer}, lr {lr}, batch {batch}, 1 layer")
        if layers == 1
        else QCoreApplication.translate(
            "RunHistory", "{optimizer}, lr {lr}, batch {batch}, %n layers", "", layers
        )
    )
    return words.format(
        optimizer=text(OPTIMIZER_TABLE[s.optimizer.kind].title),
        lr=learning_rate_text(record),
        batch=s.training.batch_size,
    )


def _number(value: float | None, digits: int = 4) -> str:
    if value is None:
        return "—"
    if not math.isfinite(value):
        return str(value)
    return f"{value:.{digits}g}"


def _accuracy(record: RunRecord) -> str:
    final = record.final
    value = final.val_accuracy if final.val_accuracy is not None else final.train_accuracy
    return "—" if value is None or not math.isfinite(value) else f"{value:.1%}"


def duration_text(seconds: float) -> str:
    """``42 s``, ``3 min 5 s`` or ``1 h 2 min`` (``3 分 5 秒`` in Chinese)."""
    whole = round(seconds)

    def say(text: str, *numbers: object) -> str:
        words = QCoreApplication.translate("RunHistory", text)
        for place, number in enumerate(numbers, start=1):
            words = words.replace(f"%{place}", str(number))
        return words

    if whole < 60:
        return say(
            QT_TRANSLATE_NOOP("RunHistory", "%1 s"), f"{seconds:.1f}" if seconds < 10 else whole
        )
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return say(QT_TRANSLATE_NOOP("RunHistory", "%1 min %2 s"), minutes, secs)
    hours, minutes = divmod(minutes, 60)
    return say(QT_TRANSLATE_NOOP("RunHistory", "%1 h %2 min"), hours, minutes)


def paired_text(base_number: int) -> str:
    """How the Settings cell starts for a paired run: which run it repeated with a change."""
    if base_number <= 0:
        return QCoreApplication.translate("RunsPanel", "Paired with a removed run: ")
    return QCoreApplication.translate("RunsPanel", "Paired with run %1: ").replace(
        "%1", str(base_number)
    )


def run_state_word(state: str) -> str:
    """How a run's end is named in the table (``stopped``, ``diverged`` …)."""
    words = {
        "stopped": QCoreApplication.translate("RunHistory", "stopped"),
        "diverged": QCoreApplication.translate("RunHistory", "diverged"),
        "failed": QCoreApplication.translate("RunHistory", "failed"),
        "running": QCoreApplication.translate("RunHistory", "running"),
        "paused": QCoreApplication.translate("RunHistory", "paused"),
    }
    return words.get(state, state)


def row_texts(number: int, record: RunRecord, base_number: int = 0) -> list[str]:
    """The panel's cells for one run; ``base_number`` is the run a paired run repeated."""
    local = record.started_at.astimezone()
    state = "" if record.state == "finished" else f" ({run_state_word(record.state)})"
    paired = paired_text(base_number) if record.paired_with else ""
    return [
        str(number),
        local.strftime("%H:%M:%S") + state,
        paired + settings_summary(record),
        _number(final_train_loss(record)),
        _number(record.final.val_loss),
        _accuracy(record),
        record.device,
        duration_text(record.seconds),
    ]


class RunsPanel(QWidget):
    """Lists the runs; Compare overlays the chosen ones; Paired run repeats one with a change.

    Signals: ``compare_requested(list)`` with the chosen records,
    ``paired_requested(RunRecord)`` with the base run.
    """

    compare_requested = Signal(list)
    paired_requested = Signal(object)

    def __init__(self, history: RunHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("runsTable")
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("RunHistory", column) for column in COLUMNS]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(QCoreApplication.translate("RunHistory", EMPTY_TEXT))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)

        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.setToolTip(
            self.tr("Draw the loss curves of the chosen runs on one plot.")
        )
        self.paired_button = QPushButton(self.tr("Paired run"))
        self.paired_button.setToolTip(
            self.tr(
                "Train again from this run's start weights, data and batch order with the "
                "settings now in the Training panel, so any difference comes from your change."
            )
        )
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Forget the chosen runs."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.paired_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)

        self.compare_button.clicked.connect(self._compare)
        self.paired_button.clicked.connect(self._paired)
        self.remove_button.clicked.connect(self._remove)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._compare())
        history.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the history's runs again (newest last, as they happened)."""
        records = self.history.records
        numbers = {record.id: row + 1 for row, record in enumerate(records)}
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            base_number = numbers.get(record.paired_with, 0)
            for column, cell in enumerate(row_texts(row + 1, record, base_number)):
                item = QTableWidgetItem(cell)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                if reason := reason_in_words(record):
                    item.setToolTip(reason)
                if column in (0, 3, 4, 5, 7):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(records))
        self.empty.setVisible(not records)
        self._update_buttons()

    def selected(self) -> list[RunRecord]:
        """The chosen runs, in list order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        records = self.history.records
        return [records[row] for row in rows if row < len(records)]

    def select_rows(self, rows: list[int]) -> None:
        """Choose the runs in ``rows`` (0 is the first)."""
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in rows:
            self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _update_buttons(self) -> None:
        count = len(self.selected())
        self.compare_button.setEnabled(count >= 1)
        self.paired_button.setEnabled(count == 1)
        self.remove_button.setEnabled(count >= 1)

    def _compare(self) -> None:
        chosen = self.selected()
        if chosen:
            self.compare_requested.emit(chosen)

    def _paired(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.paired_requested.emit(chosen[0])

    def _remove(self) -> None:
        self.history.remove({record.id for record in self.selected()})
