"""The CSV import dialog: turn a user's own table into training data.

The user picks a file, sees its first rows, ticks the input columns and
chooses the column to predict. The dialog asks the core (``read_csv_preview``,
``describe_data``) whether the choice works and shows its sentence in the
dialog, so a bad cell is fixed before training, not discovered during it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.data import DataError, describe_data, read_csv_preview
from playground.core.errors import describe_error
from playground.core.spec.experiment import CsvData

TASK_TITLES = {
    "auto": QT_TRANSLATE_NOOP("CsvImportDialog", "Decide from the target column"),
    "classification": QT_TRANSLATE_NOOP("CsvImportDialog", "Classification (predict a class)"),
    "regression": QT_TRANSLATE_NOOP("CsvImportDialog", "Regression (predict a number)"),
}


class CsvImportDialog(QDialog):
    """Choose a CSV file, its feature columns, its target, the task and standardisation."""

    def __init__(self, parent: QWidget | None = None, initial: CsvData | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a CSV table"))
        self.resize(720, 560)
        self._spec: CsvData | None = None
        self._columns: list[str] = []

        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Choose a .csv file…"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.summary = QLabel()
        self.summary.setObjectName("hintLabel")
        self.features = QListWidget()
        self.features.setToolTip(self.tr("Tick the columns the network gets as inputs."))
        self.target = QComboBox()
        self.target.setToolTip(self.tr("The column the network learns to predict."))
        self.task = QComboBox()
        for key, title in TASK_TITLES.items():
            self.task.addItem(QCoreApplication.translate("CsvImportDialog", title), key)
        self.standardize = QCheckBox(self.tr("Standardise inputs (mean 0, spread 1)"))
        self.standardize.setChecked(True)
        self.standardize.setToolTip(self.tr("Usually helps training: inputs get similar scales."))
        self.error = QLabel()
        self.error.setObjectName("problemBanner")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this table"))

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Inputs"), self.features)
        form.addRow(self.tr("Target"), self.target)
        form.addRow(self.tr("Task"), self.task)
        form.addRow("", self.standardize)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.summary)
        layout.addLayout(form, 2)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.browse.clicked.connect(self._browse)
        self.path.editingFinished.connect(lambda: self.load_file(self.path.text()))
        self.target.currentIndexChanged.connect(self._on_target_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if initial is not None:
            self.load_file(initial.path)
            self._select(initial.features, initial.target)
            self.task.setCurrentIndex(max(self.task.findData(initial.task), 0))
            self.standardize.setChecked(initial.standardize)

    def spec(self) -> CsvData | None:
        """The accepted data spec (None until the dialog was accepted)."""
        return self._spec

    def load_file(self, path: str) -> bool:
        """Read the file's first rows into the preview; False (and a sentence) when it fails."""
        path = path.strip()
        if not path:
            return False
        self.path.setText(path)
        try:
            preview = read_csv_preview(path)
        except DataError as error:
            self._show_error(describe_error(error))
            self._columns = []
            self.table.clear()
            self.features.clear()
            self.target.clear()
            return False
        self._show_error("")
        self._columns = list(preview.header)
        self.table.clear()
        self.table.setColumnCount(len(self._columns))
        self.table.setRowCount(len(preview.rows))
        self.table.setHorizontalHeaderLabels(
            [
                self._header(name, kind, missing)
                for name, kind, missing in zip(
                    self._columns, preview.column_types, preview.missing_counts, strict=False
                )
            ]
        )
        for r, row in enumerate(preview.rows):
            for c, cell in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(cell))
        self.summary.setText(
            self.tr(
                "%n rows, {columns} columns; the first {shown} rows are shown.",
                "",
                preview.row_count,
            ).format(columns=len(self._columns), shown=len(preview.rows))
        )
        numeric = [
            n for n, k in zip(self._columns, preview.column_types, strict=False) if k == "numeric"
        ]
        target = self._columns[-1] if self._columns else ""
        self._select([n for n in numeric if n != target], target)
        return True

    def _header(self, name: str, kind: str, missing: int) -> str:
        """A column's header: its name, then what it holds and how many cells are empty."""
        kinds = {"numeric": self.tr("numeric"), "text": self.tr("text")}
        shown = kinds.get(kind, kind)
        if missing:
            return self.tr("{name}\n({kind}, {missing} empty)").format(
                name=name, kind=shown, missing=missing
            )
        return self.tr("{name}\n({kind})").format(name=name, kind=shown)

    def accept(self) -> None:
        """Check the choice with the core; stay open with its sentence when it fails."""
        if not self._columns:
            self._show_error(self.tr("Choose a CSV file first."))
            return
        features = [
            self.features.item(i).text()
            for i in range(self.features.count())
            if self.features.item(i).checkState() == Qt.CheckState.Checked
        ]
        if not features:
            self._show_error(self.tr("Tick at least one input column."))
            return
        try:
            spec = CsvData(
                path=self.path.text().strip(),
                features=features,
                target=self.target.currentText(),
                task=self.task.currentData(),
                standardize=self.standardize.isChecked(),
            )
            describe_data(spec)
        except (DataError, ValueError) as error:
            self._show_error(describe_error(error))
            return
        self._spec = spec
        super().accept()

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

    def _select(self, features: list[str], target: str) -> None:
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItems(self._columns)
        self.target.setCurrentIndex(max(self.target.findText(target), 0))
        self.target.blockSignals(False)
        self.features.clear()
        for name in self._columns:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = name in features and name != target
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.features.addItem(item)
        self._on_target_changed()

    def _on_target_changed(self) -> None:
        # The target cannot also be an input: grey it out in the input list.
        target = self.target.currentText()
        for i in range(self.features.count()):
            item = self.features.item(i)
            is_target = item.text() == target
            flags = item.flags()
            if is_target:
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self.tr("This is the target column."))
            else:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip("")

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
