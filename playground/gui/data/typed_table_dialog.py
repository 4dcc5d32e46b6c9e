"""The "Type or paste data…" dialog: a small table made in the app becomes the training data.

The textbook's five points need no file: the user types them into a grid (or
pastes them from a spreadsheet), names the columns and picks inputs and
targets as for an imported CSV file. The table is kept in the experiment
(``CsvData.inline_table``), so saving the experiment saves the data, and the
core checks it with the same rules and messages as a file; a bad cell is
named by the row number the grid shows and selected in the grid.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.data import DataError, describe_data, read_csv_preview
from playground.core.errors import describe_error
from playground.core.spec.experiment import MAX_INLINE_TABLE_CHARS, CsvData
from playground.gui.data.column_choice import ColumnChoice, table_and_choice
from playground.gui.data.dialog_banner import DialogBanner
from playground.gui.data.table_grid import TableGrid


class TypedTableDialog(QDialog):
    """Type, paste and edit a small table, then choose its inputs, targets and task."""

    def __init__(self, parent: QWidget | None = None, initial: CsvData | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Type or paste data"))
        self.resize(760, 640)
        self._spec: CsvData | None = None
        self.hint = QLabel(
            self.tr(
                "Type values, or paste cells copied from a spreadsheet (Ctrl+V). "
                "Double-click a column name to rename it."
            )
        )
        self.hint.setObjectName("hintLabel")
        self.hint.setWordWrap(True)
        self.name = QLineEdit(self.tr("typed table"))
        self.name.setToolTip(self.tr("The table's name, shown in the data picker and messages."))
        self.grid = TableGrid()
        self.buttons_row = QHBoxLayout()
        self.add_row = QPushButton(self.tr("Add row"))
        self.remove_row = QPushButton(self.tr("Remove row"))
        self.add_column = QPushButton(self.tr("Add column"))
        self.remove_column = QPushButton(self.tr("Remove column"))
        self.paste = QPushButton(self.tr("Paste"))
        for button in (
            self.add_row,
            self.remove_row,
            self.add_column,
            self.remove_column,
            self.paste,
        ):
            self.buttons_row.addWidget(button)
        self.buttons_row.addStretch(1)
        self.choice = ColumnChoice()
        self.banner = DialogBanner(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this table"))

        name_form = QFormLayout()
        name_form.addRow(self.tr("Name"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(name_form)
        grid_part = QWidget()
        grid_layout = QVBoxLayout(grid_part)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.grid, 1)
        grid_layout.addLayout(self.buttons_row)
        layout.addWidget(table_and_choice(grid_part, None, self.choice), 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)

        self.add_row.clicked.connect(self.grid.add_row)
        self.remove_row.clicked.connect(self.grid.remove_row)
        self.add_column.clicked.connect(self.grid.add_column)
        self.remove_column.clicked.connect(self.grid.remove_column)
        self.paste.clicked.connect(self.grid.paste)
        self.grid.changed.connect(self._on_grid_changed)
        self.grid.refused.connect(self.banner.show_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._columns: list[str] = []
        if initial is not None and initial.inline_table is not None:
            self._load(initial)
        else:
            self._on_grid_changed()

    def spec(self) -> CsvData | None:
        """The accepted data spec (None until the dialog was accepted)."""
        return self._spec

    def accept(self) -> None:
        """Check the table and the choice with the core; stay open with its sentence if it fails."""
        features = self.choice.chosen_features()
        if not features:
            self.banner.show_text(self.tr("Tick at least one input column."))
            return
        targets = self.choice.chosen_targets()
        text = self.grid.to_csv_text()
        if len(text) > MAX_INLINE_TABLE_CHARS:
            self.banner.show_text(
                self.tr(
                    "The table is too large to keep in the experiment (more than a million "
                    "characters); save it as a CSV file and import it instead."
                )
            )
            return
        try:
            spec = CsvData(
                path=self.name.text().strip() or self.tr("typed table"),
                inline_table=text,
                features=features,
                target=targets[0],
                extra_targets=targets[1:],
                task=self.choice.task.currentData(),
                standardize=self.choice.standardize.isChecked(),
            )
            describe_data(spec)
        except DataError as error:
            self.banner.show_text(describe_error(error))
            self._select_problem_cell(error)
            return
        except ValueError as error:
            self.banner.show_text(describe_error(error))
            return
        self._spec = spec
        super().accept()

    def _load(self, spec: CsvData) -> None:
        preview = read_csv_preview(spec.path, rows=10_000, text=spec.inline_table)
        self.name.setText(spec.path)
        self.grid.set_table(list(preview.header), [list(row) for row in preview.rows])
        self.choice.set_preview(preview, list(spec.features), spec.targets)
        self.choice.set_task(spec.task)
        self.choice.standardize.setChecked(spec.standardize)
        self._columns = list(preview.header)

    def _on_grid_changed(self) -> None:
        """Offer the grid's columns again, keeping the choice where the names stay."""
        try:
            preview = read_csv_preview("grid", rows=0, text=self.grid.to_csv_text())
        except DataError:
            return
        names = list(preview.header)
        if names == self._columns:
            self.choice.set_preview(
                preview, self.choice.chosen_features(), self.choice.chosen_targets()
            )
        else:
            kept = [name for name in self.choice.chosen_features() if name in names]
            self.choice.set_preview(preview, kept or None)
        self._columns = names
        self.banner.show_text("")

    def _select_problem_cell(self, error: DataError) -> None:
        problem = error.problems[0] if error.problems else None
        if problem is None or problem.row is None or problem.column not in self.grid.names():
            return
        self.grid.setCurrentCell(problem.row - 2, self.grid.names().index(problem.column))
