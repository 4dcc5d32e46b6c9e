"""Every ``backward()`` call of the script with each leaf's ``.grad`` right after it.

This is the table that shows accumulation: three calls without zeroing give
40, 80, 120 while zeroing in between gives 40, 40, 40. The numbers are
``BackwardTrace.grads_after``, read from torch straight after each call.
Choosing a row steps through that call in the graph.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from playground.core.lab.graph import BackwardTrace
from playground.gui.lab.value_text import gradient_text

CALL, LINE, ROOT = range(3)
_FIXED_COLUMNS = 3


def leaf_names(traces: list[BackwardTrace]) -> list[str]:
    """The leaves any call reported, in the order they first appear."""
    names: dict[str, None] = {}
    for trace in traces:
        names.update(dict.fromkeys(trace.grads_after))
    return list(names)


class BackwardCallsTable(QTableWidget):
    """One row per ``backward()`` call: where it was, what it started from, the leaf grads after."""

    trace_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, _FIXED_COLUMNS, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self._leaves: list[str] = []
        self.itemSelectionChanged.connect(self._chosen)
        self.show_traces([])

    def show_traces(self, traces: list[BackwardTrace]) -> None:
        self.blockSignals(True)
        self._leaves = leaf_names(traces)
        self.clear()
        self.setColumnCount(_FIXED_COLUMNS + len(self._leaves))
        self.setHorizontalHeaderLabels(
            [self.tr("Call"), self.tr("Line"), self.tr("backward() of")]
            + [self.tr("%1.grad after").replace("%1", name) for name in self._leaves]
        )
        self.setRowCount(len(traces))
        for row, trace in enumerate(traces):
            cells = [str(row + 1), str(trace.line), trace.root]
            for name in self._leaves:
                if name not in trace.grads_after:
                    cells.append(self.tr("— (not made yet)"))
                else:
                    value = trace.grads_after[name]
                    cells.append("None" if value is None else gradient_text(value))
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
        header = self.horizontalHeader()
        for column in range(self.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if self.columnCount():
            header.setStretchLastSection(True)
        self.blockSignals(False)

    def select_trace(self, index: int) -> None:
        """Select row ``index`` without announcing it (the stepper already knows)."""
        self.blockSignals(True)
        self.selectRow(index)
        self.blockSignals(False)

    def column_of(self, leaf: str) -> int:
        return _FIXED_COLUMNS + self._leaves.index(leaf)

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return "" if item is None else item.text()

    def _chosen(self) -> None:
        rows = {index.row() for index in self.selectedIndexes()}
        if len(rows) == 1:
            self.trace_chosen.emit(rows.pop())
