"""The first rows of a table, as the import dialog shows them before anything is chosen.

Each column header gives the column's name and what it holds (numbers or
text, how many cells are empty) on two lines; columns are sized to their
header and cells so no name is cut. A table may be very wide (a file with
thousands of columns): only the first :data:`MAX_SHOWN_COLUMNS` are drawn,
and the summary says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from playground.core.data import CsvPreview
from playground.gui.data.wording import filled

#: The most columns the preview draws (a wider table is read whole, drawn in part).
MAX_SHOWN_COLUMNS = 100
#: The widest a column is drawn, in average characters, so one long cell cannot hide the rest.
MAX_COLUMN_CHARS = 32


class PreviewTable(QTableWidget):
    """A read-only grid of a :class:`CsvPreview`, headers sized to be read in full."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def set_preview(self, preview: CsvPreview | None) -> None:
        """Show the rows of ``preview`` (nothing for None)."""
        self.clear()
        if preview is None:
            self.setRowCount(0)
            self.setColumnCount(0)
            return
        width = min(len(preview.header), MAX_SHOWN_COLUMNS)
        self.setColumnCount(width)
        self.setRowCount(len(preview.rows))
        labels = []
        for column in range(width):
            kind = (
                self.tr("numbers") if preview.column_types[column] == "numeric" else self.tr("text")
            )
            missing = preview.missing_counts[column]
            detail = filled(self.tr("%1, %n empty", "", missing), kind) if missing else kind
            labels.append(f"{preview.header[column]}\n({detail})")
        self.setHorizontalHeaderLabels(labels)
        for r, row in enumerate(preview.rows):
            for c in range(width):
                self.setItem(r, c, QTableWidgetItem(row[c]))
        self.resizeColumnsToContents()
        limit = self.fontMetrics().averageCharWidth() * MAX_COLUMN_CHARS
        for column in range(width):
            if self.columnWidth(column) > limit:
                self.setColumnWidth(column, limit)
        # Two lines of header text, whatever the font size.
        header = self.horizontalHeader()
        header.setMinimumHeight(header.fontMetrics().lineSpacing() * 2 + 10)
