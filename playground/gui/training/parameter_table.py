"""Every parameter of a small model as numbers: w and b of Linear(1, 1), read off the run.

For models of at most :data:`MAX_NUMBERS` numbers the table lists each entry
by the editor's layer numbering ("Layer 1 · Linear · weight [0, 0]"); larger
models get a sentence instead, as a table of thousands of numbers helps nobody.
While training does not run, a value can be typed over (weights and biases
alike): before the first step it sets where the run starts.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.training.snapshot import Snapshot

MAX_NUMBERS = 64


def _label(kinds: list[str], layer: int, name: str) -> str:
    kind = kinds[layer] if 0 <= layer < len(kinds) else "layer"
    part = name.rsplit(".", 1)[-1]
    return f"Layer {layer + 1} · {kind} · {part}"


class ParameterTable(QWidget):
    """Parameter values of the latest snapshot, one row per number.

    Signals: ``value_edit_requested(name, index, value)`` when a value is typed
    over ("0.bias", (0,), 2.0); ``value_rejected(str)`` with a sentence when
    what was typed is not a number (the value shown goes back).
    """

    value_edit_requested = Signal(str, tuple, float)
    value_rejected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds: list[str] = []
        self._editable = False
        self._targets: list[tuple[str, tuple[int, ...]]] = []  # row → (parameter, index)
        self._shown: list[str] = []  # row → the value text shown
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Parameter"), self.tr("Value")])
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        # The names ("Layer 1 · Linear · weight") are what tells the rows apart: never cut them.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(
            QTableWidget.EditTrigger.DoubleClicked
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.AnyKeyPressed
        )
        self.table.itemChanged.connect(self._on_item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.note.setText(self.tr("Train or step once to see the parameters."))

    def set_layer_kinds(self, kinds: list[str]) -> None:
        self.kinds = list(kinds)

    def set_editable(self, editable: bool) -> None:
        """Allow typing over values (not while training runs)."""
        self._editable = editable
        self.table.blockSignals(True)  # new flags are not an edit
        for row in range(self.table.rowCount()):
            self._set_item_flags(row)
        self.table.blockSignals(False)

    def add_snapshot(self, snapshot: Snapshot) -> None:
        if not snapshot.content.histograms:
            return  # built without the values (the table was hidden): keep the last ones
        total = sum(int(np.prod(p.shape)) for p in snapshot.parameters)
        if total > MAX_NUMBERS or any(p.matrix is None for p in snapshot.parameters):
            self.table.setRowCount(0)
            self.note.setText(
                self.tr("This model has %1 numbers; the table lists models of up to %2.")
                .replace("%1", f"{total:,}")
                .replace("%2", str(MAX_NUMBERS))
            )
            return
        rows: list[tuple[str, float]] = []
        targets: list[tuple[str, tuple[int, ...]]] = []
        for parameter in snapshot.parameters:
            assert parameter.matrix is not None
            shape = parameter.shape or (1,)
            values = np.asarray(parameter.matrix).reshape(shape)
            label = _label(self.kinds, parameter.layer_index, parameter.name)
            for index in np.ndindex(values.shape):
                where = f" [{', '.join(map(str, index))}]" if values.size > 1 else ""
                rows.append((label + where, float(values[index])))
                targets.append((parameter.name, tuple(int(i) for i in index)))
        self.note.setText(self.tr("Step %1").replace("%1", str(snapshot.step)))
        self._targets = targets
        self._shown = [f"{value:.6g}" for _label_text, value in rows]
        self.table.blockSignals(True)  # filling the table is not an edit
        self.table.setRowCount(len(rows))
        for row, (label, _value) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            self.table.setItem(row, 1, QTableWidgetItem(self._shown[row]))
            self._set_item_flags(row)
        self.table.blockSignals(False)

    def _set_item_flags(self, row: int) -> None:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        name = self.table.item(row, 0)
        value = self.table.item(row, 1)
        if name is not None:
            name.setFlags(base)
        if value is not None:
            value.setFlags(base | Qt.ItemFlag.ItemIsEditable if self._editable else base)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if item.column() != 1 or not 0 <= row < len(self._targets):
            return
        if item.text() == self._shown[row]:
            return  # nothing was typed over
        text = item.text().strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.value_rejected.emit(
                self.tr("'%1' is not a number; type a value such as 0.5 or -2.").replace(
                    "%1", item.text()
                )
            )
            self.table.blockSignals(True)
            item.setText(self._shown[row])
            self.table.blockSignals(False)
            return
        name, index = self._targets[row]
        self.value_edit_requested.emit(name, index, value)

    def values(self) -> list[tuple[str, str]]:
        return [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text())
            for r in range(self.table.rowCount())
        ]
