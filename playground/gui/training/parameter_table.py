"""Every parameter of a small model as numbers: w and b of Linear(1, 1), read off the run.

For models of at most :data:`MAX_NUMBERS` numbers the table lists each entry
by the editor's layer numbering ("Layer 1 · Linear · weight [0, 0]"); larger
models get a sentence instead, as a table of thousands of numbers helps nobody.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from playground.core.training.snapshot import Snapshot

MAX_NUMBERS = 64


def _label(kinds: list[str], layer: int, name: str) -> str:
    kind = kinds[layer] if 0 <= layer < len(kinds) else "layer"
    part = name.rsplit(".", 1)[-1]
    return f"Layer {layer + 1} · {kind} · {part}"


class ParameterTable(QWidget):
    """Parameter values of the latest snapshot, one row per number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds: list[str] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Parameter"), self.tr("Value")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.note.setText(self.tr("Train or step once to see the parameters."))

    def set_layer_kinds(self, kinds: list[str]) -> None:
        self.kinds = list(kinds)

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
        for parameter in snapshot.parameters:
            assert parameter.matrix is not None
            values = np.asarray(parameter.matrix).reshape(parameter.shape or (1,))
            label = _label(self.kinds, parameter.layer_index, parameter.name)
            for index in np.ndindex(values.shape):
                where = f" [{', '.join(map(str, index))}]" if values.size > 1 else ""
                rows.append((label + where, float(values[index])))
        self.note.setText(self.tr("Step %1").replace("%1", str(snapshot.step)))
        self.table.setRowCount(len(rows))
        for row, (label, value) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            self.table.setItem(row, 1, QTableWidgetItem(f"{value:.6g}"))

    def values(self) -> list[tuple[str, str]]:
        return [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text())
            for r in range(self.table.rowCount())
        ]
