"""An editable grid for a small table typed in the app or pasted from a spreadsheet.

Teachers often have the five points of a textbook example on the board, not in
a file. The grid holds column names (double-click a header to rename it) and
cells; rows and columns can be added and removed, and text copied from a
spreadsheet (tab separated) or a CSV snippet pastes at the current cell,
growing the grid. Its content leaves as CSV text that the core reads exactly
like an imported file, so the checks and messages are the same.
"""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QInputDialog, QTableWidget, QTableWidgetItem, QWidget

from playground.core.data import DataError
from playground.core.data.csv_read import read_records
from playground.core.data.csv_table import default_column_names
from playground.core.errors import describe_error
from playground.core.spec.experiment import MAX_INLINE_TABLE_CHARS
from playground.gui.data.wording import filled

#: The most rows and columns a typed table may have: a small table; larger ones are files.
MAX_ROWS = 5000
MAX_GRID_COLUMNS = 100


class TableGrid(QTableWidget):
    """Cells and column names of a typed table; ``changed`` after every edit, ``refused(str)`` on a paste it cannot take."""

    changed = Signal()
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self.horizontalHeader().sectionDoubleClicked.connect(self.rename_column)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self.set_table(list(default_column_names(2)), [["", ""] for _ in range(5)])

    def names(self) -> list[str]:
        """The column names, left to right."""
        return list(self._names)

    def set_table(self, names: list[str], rows: list[list[str]]) -> None:
        """Show ``names`` and ``rows`` (each row padded to the names)."""
        self.blockSignals(True)
        self.clear()
        self._names = list(names)
        self.setColumnCount(len(names))
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c in range(len(names)):
                self.setItem(r, c, QTableWidgetItem(row[c] if c < len(row) else ""))
        self.blockSignals(False)
        self._label()
        self.changed.emit()

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def to_csv_text(self) -> str:
        """The table as CSV text with a header row; blank rows are left out."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self._names)
        for r in range(self.rowCount()):
            cells = [self.cell_text(r, c).strip() for c in range(self.columnCount())]
            if any(cells):
                writer.writerow(cells)
        return out.getvalue()

    def add_row(self) -> None:
        if self.rowCount() < MAX_ROWS:
            self.insertRow(self.rowCount())
            self._label()
            self.changed.emit()

    def remove_row(self) -> None:
        row = self.currentRow() if self.currentRow() >= 0 else self.rowCount() - 1
        if self.rowCount() > 1:
            self.removeRow(row)
            self._label()
            self.changed.emit()

    def add_column(self) -> None:
        if self.columnCount() < MAX_GRID_COLUMNS:
            taken = set(self._names)
            number = len(self._names) + 1
            while f"column {number}" in taken:
                number += 1
            self._names.append(f"column {number}")
            self.insertColumn(self.columnCount())
            self._label()
            self.changed.emit()

    def remove_column(self) -> None:
        column = self.currentColumn() if self.currentColumn() >= 0 else self.columnCount() - 1
        if self.columnCount() > 1:
            self.removeColumn(column)
            del self._names[column]
            self._label()
            self.changed.emit()

    def rename_column(self, column: int, name: str | None = None) -> None:
        """Give ``column`` a new name (asked for when ``name`` is None)."""
        if name is None:
            name, accepted = QInputDialog.getText(
                self, self.tr("Rename column"), self.tr("Column name:"), text=self._names[column]
            )
            if not accepted:
                return
        name = name.strip()
        if name:
            self._names[column] = name
            self._label()
            self.changed.emit()

    def paste_text(self, text: str) -> None:
        """Paste spreadsheet or CSV ``text`` at the current cell, growing the grid to hold it.

        Pasted into an empty grid, a first row that is not all numbers gives the column names.
        """
        if len(text) > MAX_INLINE_TABLE_CHARS:
            self.refused.emit(
                self.tr(
                    "The pasted text is too long for a typed table; save it as a CSV file and import it."
                )
            )
            return
        if not text.strip():
            return
        try:
            records, _delimiter = read_records(self.tr("the pasted text"), text)
        except DataError as error:
            self.refused.emit(describe_error(error))
            return
        rows = [list(values) for _number, values in records]
        width = max(len(row) for row in rows)
        if self._is_empty() and any(_not_number(cell) for cell in rows[0]):
            names = [cell.strip() or f"column {i + 1}" for i, cell in enumerate(rows[0])]
            names += list(default_column_names(width))[len(names) :]
            self.set_table(names, rows[1:] or [[""] * width])
            return
        top, left = max(self.currentRow(), 0), max(self.currentColumn(), 0)
        if top + len(rows) > MAX_ROWS or left + width > MAX_GRID_COLUMNS:
            self.refused.emit(
                filled(
                    self.tr(
                        "The pasted table does not fit a typed table (at most %1 rows and %2 "
                        "columns); save it as a CSV file and import it."
                    ),
                    str(MAX_ROWS),
                    str(MAX_GRID_COLUMNS),
                )
            )
            return
        self.blockSignals(True)
        while self.columnCount() < left + width:
            self._names.append(f"column {self.columnCount() + 1}")
            self.insertColumn(self.columnCount())
        if self.rowCount() < top + len(rows):
            self.setRowCount(top + len(rows))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                self.setItem(top + r, left + c, QTableWidgetItem(cell.strip()))
        self.blockSignals(False)
        self._label()
        self.changed.emit()

    def paste(self) -> None:
        """Paste the clipboard's text."""
        self.paste_text(QGuiApplication.clipboard().text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        super().keyPressEvent(event)

    def _is_empty(self) -> bool:
        return not any(
            self.cell_text(r, c).strip()
            for r in range(self.rowCount())
            for c in range(self.columnCount())
        )

    def _label(self) -> None:
        # Rows are numbered as messages number them: the names are row 1, data starts at 2.
        self.setHorizontalHeaderLabels(self._names)
        self.setVerticalHeaderLabels([str(r + 2) for r in range(self.rowCount())])


def _not_number(cell: str) -> bool:
    try:
        float(cell.strip().replace(",", "."))
    except ValueError:
        return bool(cell.strip())
    return False
