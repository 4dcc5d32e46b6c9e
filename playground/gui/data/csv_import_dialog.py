"""The CSV import dialog: turn a user's own table into training data.

The user picks a file, says what its first row is (column names, data, or a
line to skip, as in scikit-learn's own files), sees its first rows, ticks the
input columns and chooses what to predict. The dialog asks the core
(``read_csv_preview``, ``describe_data``) whether the choice works and shows
its sentence in the dialog, in full, so a row of the wrong width or a bad
cell is fixed before the dialog closes, not discovered during training.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.data import CsvPreview, DataError, describe_data, read_csv_preview
from playground.core.errors import describe_error
from playground.core.spec.experiment import CsvData
from playground.gui.data.column_choice import ColumnChoice, table_and_choice
from playground.gui.data.dialog_banner import DialogBanner
from playground.gui.data.preview_table import MAX_SHOWN_COLUMNS, PreviewTable
from playground.gui.data.wording import filled


class CsvImportDialog(QDialog):
    """Choose a CSV file, what its first row is, its inputs, targets, task and standardisation."""

    def __init__(self, parent: QWidget | None = None, initial: CsvData | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a CSV table"))
        self.resize(760, 620)
        self._spec: CsvData | None = None
        self._preview: CsvPreview | None = None

        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Choose a .csv file…"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.first_row = QComboBox()
        for key, title in (
            ("names", self.tr("names the columns")),
            ("data", self.tr("is data (the table has no header)")),
            ("skip", self.tr("is not data: skip it")),
        ):
            self.first_row.addItem(title, key)
        self.first_row.setToolTip(
            self.tr(
                "scikit-learn's own CSV files start with counts and class names: skip that row."
            )
        )
        self.column_names = QLineEdit()
        self.column_names.setPlaceholderText(self.tr("column 1, column 2, …"))
        self.column_names.setToolTip(
            self.tr("Names for the columns, separated by commas (empty: column 1, column 2, …).")
        )
        self.table = PreviewTable()
        self.summary = QLabel()
        self.summary.setObjectName("hintLabel")
        self.summary.setWordWrap(True)
        self.choice = ColumnChoice()
        self.features, self.target, self.task = (
            self.choice.features,
            self.choice.target,
            self.choice.task,
        )
        self.standardize = self.choice.standardize
        self.banner = DialogBanner(self)
        self.error = self.banner.label
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this table"))

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self._header_form = QFormLayout()
        self._header_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._header_form.addRow(self.tr("The first row"), self.first_row)
        self._header_form.addRow(self.tr("Column names"), self.column_names)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(self._header_form)
        layout.addWidget(table_and_choice(self.table, self.summary, self.choice), 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)

        self.browse.clicked.connect(self._browse)
        self.path.editingFinished.connect(lambda: self.load_file(self.path.text()))
        self.first_row.currentIndexChanged.connect(lambda _index: self._reload())
        self.column_names.editingFinished.connect(self._reload)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._show_names_row()
        if initial is not None and not initial.typed:
            self.first_row.setCurrentIndex(max(self.first_row.findData(initial.first_row), 0))
            self.column_names.setText(", ".join(initial.column_names))
            self.load_file(initial.path, initial.features, initial.targets)
            self.choice.set_task(initial.task)
            self.standardize.setChecked(initial.standardize)

    def spec(self) -> CsvData | None:
        """The accepted data spec (None until the dialog was accepted)."""
        return self._spec

    def names(self) -> list[str]:
        """The column names typed for a table without a header row."""
        if self.first_row.currentData() == "names":
            return []
        return [name.strip() for name in self.column_names.text().split(",") if name.strip()]

    def load_file(
        self, path: str, features: list[str] | None = None, targets: list[str] | None = None
    ) -> bool:
        """Read the file's first rows into the preview; False (and a sentence) when it fails."""
        path = path.strip()
        if not path:
            return False
        self.path.setText(path)
        try:
            preview = read_csv_preview(
                path, first_row=self.first_row.currentData(), column_names=tuple(self.names())
            )
        except DataError as error:
            self._preview = None
            self._show_error(describe_error(error))
            self.summary.setText("")
            self.table.set_preview(None)
            self.choice.set_preview(None)
            return False
        self._preview = preview
        self.table.set_preview(preview)
        self.summary.setText(self._summary(preview))
        self.choice.set_preview(preview, features, targets)
        self._show_error(describe_error(DataError(preview.problem)) if preview.problem else "")
        return True

    def _summary(self, preview: CsvPreview) -> str:
        text = self.tr("%n rows", "", preview.row_count) + self.tr(", ")
        text += self.tr("%n columns; the first rows are shown.", "", len(preview.header))
        if len(preview.header) > MAX_SHOWN_COLUMNS:
            text += " " + self.tr("Only the first %n columns are drawn.", "", MAX_SHOWN_COLUMNS)
        if preview.numeric_names and self.first_row.currentData() == "names":
            text += " " + filled(
                self.tr(
                    "Some column names are numbers (%1): if the first row does not name the "
                    "columns, say so above."
                ),
                ", ".join(preview.numeric_names[:4]),
            )
        return text

    def accept(self) -> None:
        """Check the choice with the core; stay open with its sentence when it fails."""
        if self._preview is None:
            self._show_error(self.tr("Choose a CSV file first."))
            return
        features = self.choice.chosen_features()
        if not features:
            self._show_error(self.tr("Tick at least one input column."))
            return
        targets = self.choice.chosen_targets()
        try:
            spec = CsvData(
                path=self.path.text().strip(),
                features=features,
                target=targets[0],
                extra_targets=targets[1:],
                task=self.task.currentData(),
                standardize=self.standardize.isChecked(),
                first_row=self.first_row.currentData(),
                column_names=self.names(),
            )
            describe_data(spec)
        except (DataError, ValueError) as error:
            self._show_error(describe_error(error))
            return
        self._spec = spec
        super().accept()

    def _reload(self) -> None:
        self._show_names_row()
        if self.path.text().strip():
            self.load_file(self.path.text())

    def _show_names_row(self) -> None:
        self._header_form.setRowVisible(self.column_names, self.first_row.currentData() != "names")

    def _browse(self) -> None:
        start = str(Path(self.path.text()).parent) if self.path.text() else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a CSV table"),
            start,
            self.tr("CSV tables (*.csv *.tsv *.txt);;All files (*)"),
        )
        if path:
            self.load_file(path)

    def _show_error(self, text: str) -> None:
        self.banner.show_text(text)
