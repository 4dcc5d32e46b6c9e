"""The data panel: which data the network learns from, and how it is generated.

It edits the ``data`` part of the experiment (a built-in set, an imported
CSV table or a table typed in the app) and shows a preview; for data with
more than two inputs it also picks the two the plots show. The panel never decides what is valid: the
core's ``load_dataset`` makes the data and its DataError sentence is shown as
is. Each loaded :class:`Dataset` is announced so the main window can hand the
very same tensors to the plots and the run.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.data import DATASET_TABLE, DataError, load_dataset
from playground.core.data.base import Dataset
from playground.core.messages import describe_problems
from playground.core.messages.texts import field_help, text
from playground.core.spec.experiment import DERIVED_FEATURES, MIN_SAMPLES, BuiltinData, CsvData
from playground.gui.data.data_preview import DataPreview
from playground.gui.data.shown_inputs_row import ShownInputsRow

DataSpec = BuiltinData | CsvData

CSV_ITEM = "csv"


if TYPE_CHECKING:  # the dialogs are imported when opened
    from playground.gui.data.csv_import_dialog import CsvImportDialog
    from playground.gui.data.typed_table_dialog import TypedTableDialog


class DataPanel(QWidget):
    """Dataset picker, generation settings, CSV import and a preview.

    Signals: ``data_changed(spec)`` after a user edit; ``dataset_loaded(dataset)``
    when new tensors are ready; ``data_failed(str)`` with the core's sentence.
    """

    data_changed = Signal(object)
    dataset_loaded = Signal(object)
    data_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, load_default: bool = True) -> None:
        """``load_default``: load and draw the default data at once; the main window passes
        False, as every experiment it opens sets the data (loading it twice slows the start)."""
        super().__init__(parent)
        self._spec: DataSpec = BuiltinData()
        self._csv: CsvData | None = None
        self._updating = False
        self.dataset: Dataset | None = None

        self.dataset_combo = QComboBox()
        self.dataset_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.dataset_combo.setMinimumContentsLength(12)
        for name, option in DATASET_TABLE.items():
            self.dataset_combo.addItem(text(option.title), name)
            index = self.dataset_combo.count() - 1
            self.dataset_combo.setItemData(
                index, text(option.description), Qt.ItemDataRole.ToolTipRole
            )
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setToolTip(self.tr("Train on your own table of numbers (a .csv file)."))
        self.type_button = QPushButton(self.tr("Type or paste data…"))
        self.type_button.setToolTip(
            self.tr(
                "Type a small table, or paste one from a spreadsheet; it is saved with the experiment."
            )
        )
        self.shown_inputs = ShownInputsRow()
        self.preview = DataPreview()

        self.noise = QSpinBox()
        self.noise.setRange(0, 100)
        self.noise.setSuffix(" %")
        self.noise.setToolTip(field_help(BuiltinData, "noise"))
        self.samples = QSpinBox()
        self.samples.setRange(MIN_SAMPLES, 200_000)
        self.samples.setSingleStep(50)
        self.samples.setToolTip(field_help(BuiltinData, "samples"))
        self.validation = QSpinBox()
        self.validation.setRange(0, 90)
        self.validation.setSuffix(" %")
        self.validation.setToolTip(field_help(BuiltinData, "validation_fraction"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(field_help(BuiltinData, "seed"))
        self.regenerate = QPushButton(self.tr("Regenerate"))
        self.regenerate.setToolTip(
            self.tr("Pick a new seed: new random points from the same recipe.")
        )
        self.as_images = QCheckBox(self.tr("1×8×8 pictures (for Conv2d)"))
        self.as_images.setToolTip(field_help(BuiltinData, "as_images"))
        self.derived: dict[str, QCheckBox] = {}
        for feature in DERIVED_FEATURES:
            box = QCheckBox(feature)
            box.setToolTip(
                self.tr("Add {feature} as an extra input computed from x1 and x2.").format(
                    feature=feature
                )
            )
            self.derived[feature] = box
        self.description = QLabel()
        self.description.setObjectName("hintLabel")
        self.description.setWordWrap(True)
        for spin in (self.noise, self.samples, self.validation, self.seed):
            spin.setKeyboardTracking(False)

        picker_row = QHBoxLayout()
        picker_row.addWidget(self.dataset_combo, 1)
        table_row = QHBoxLayout()
        table_row.addWidget(self.import_button)
        table_row.addWidget(self.type_button)
        table_row.addStretch(1)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.regenerate)
        self._derived_box = QWidget()
        derived_grid = QGridLayout(self._derived_box)
        derived_grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.derived.values()):
            derived_grid.addWidget(box, i // 3, i % 3)

        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Large (projector) fonts: a field that does not fit beside its label goes below it.
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._form.addRow(self.tr("Noise"), self.noise)
        self._form.addRow(self.tr("Samples"), self.samples)
        self._form.addRow(self.tr("Validation"), self.validation)
        self._form.addRow(self.tr("Seed"), seed_row)
        self._form.addRow(self.tr("Extra inputs"), self._derived_box)
        self._form.addRow(self.tr("Shape"), self.as_images)
        self._form.addRow(self.tr("Plots show"), self.shown_inputs)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(picker_row)
        layout.addLayout(table_row)
        layout.addWidget(self.description)
        layout.addWidget(self.preview, 1)
        layout.addLayout(self._form)

        self.dataset_combo.currentIndexChanged.connect(self._on_dataset_chosen)
        self.import_button.clicked.connect(self.import_csv)
        self.type_button.clicked.connect(self.type_table)
        self.shown_inputs.chosen.connect(self._on_shown_inputs)
        self.regenerate.clicked.connect(self._on_regenerate)
        for spin in (self.noise, self.samples, self.validation, self.seed):
            spin.valueChanged.connect(self._on_edit)
        self.as_images.toggled.connect(self._on_edit)
        for box in self.derived.values():
            box.toggled.connect(self._on_edit)
        if load_default:
            self.set_data_spec(self._spec)

    def data_spec(self) -> DataSpec:
        """The data part of the experiment as currently shown."""
        return self._spec

    def set_data_spec(self, spec: DataSpec) -> None:
        """Show ``spec`` and load its data (without emitting ``data_changed``)."""
        self._updating = True
        try:
            self._spec = spec
            if isinstance(spec, CsvData):
                self._csv = spec
                self._ensure_csv_item(spec)
                self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(CSV_ITEM))
            else:
                self.dataset_combo.setCurrentIndex(max(self.dataset_combo.findData(spec.name), 0))
                self.noise.setValue(round(spec.noise * 100))
                self.samples.setValue(spec.samples)
                self.as_images.setChecked(spec.as_images)
                for feature, box in self.derived.items():
                    box.setChecked(feature in spec.derived_features)
            self.validation.setValue(round(spec.validation_fraction * 100))
            self.seed.setValue(spec.seed)
        finally:
            self._updating = False
        self._update_enabled()
        self.reload()

    def reload(self) -> Dataset | None:
        """Make the data again from the spec; shows the core's sentence when it fails."""
        try:
            dataset = load_dataset(self._spec)
        except DataError as error:
            self.dataset = None
            text = describe_problems(error.problems)
            self.preview.show_message(text)
            self.data_failed.emit(text)
            return None
        self.dataset = dataset
        images = isinstance(self._spec, BuiltinData) and DATASET_TABLE[self._spec.name].images
        self.preview.set_dataset(dataset, images=images)
        self._show_pair_picker(dataset)
        self.dataset_loaded.emit(dataset)
        return dataset

    def import_csv(self) -> None:
        """Open the CSV import dialog; an accepted table becomes the data."""
        from playground.gui.data.csv_import_dialog import CsvImportDialog

        self._use_table(CsvImportDialog(self, initial=self._csv))

    def type_table(self) -> None:
        """Open the typed-table dialog (with the typed table in use, if any)."""
        typed = self._csv if self._csv is not None and self._csv.typed else None
        from playground.gui.data.typed_table_dialog import TypedTableDialog

        self._use_table(TypedTableDialog(self, initial=typed))

    def _use_table(self, dialog: CsvImportDialog | TypedTableDialog) -> None:
        if dialog.exec() and dialog.spec() is not None:
            spec = dialog.spec()
            assert spec is not None
            self._csv = spec
            self._commit(spec)

    def _show_pair_picker(self, dataset: Dataset) -> None:
        """Offer the pair of inputs to show when the data has more than two."""
        plane = dataset.plane
        wide = plane is not None and bool(plane.held_at_mean)
        self._form.setRowVisible(self.shown_inputs, wide)
        if plane is not None and wide:
            self.shown_inputs.set_inputs(dataset.info.feature_names, plane.axes)

    def _on_shown_inputs(self, pair: list[str]) -> None:
        self._commit(self._spec.model_copy(update={"shown_inputs": pair}))

    def _ensure_csv_item(self, spec: CsvData) -> None:
        title = self.tr("Table: {file}").format(file=Path(spec.path).name)
        index = self.dataset_combo.findData(CSV_ITEM)
        if index < 0:
            self.dataset_combo.addItem(title, CSV_ITEM)
            index = self.dataset_combo.count() - 1
        self.dataset_combo.setItemText(index, title)
        self.dataset_combo.setItemData(index, spec.path, Qt.ItemDataRole.ToolTipRole)

    def _spec_from_widgets(self) -> DataSpec:
        fraction = self.validation.value() / 100
        name = self.dataset_combo.currentData()
        if name == CSV_ITEM and self._csv is not None:
            return self._csv.model_copy(
                update={"validation_fraction": fraction, "seed": self.seed.value()}
            )
        option = DATASET_TABLE[name]
        return BuiltinData(
            name=name,
            samples=self.samples.value(),
            noise=self.noise.value() / 100,
            validation_fraction=fraction,
            seed=self.seed.value(),
            derived_features=[
                f for f, box in self.derived.items() if option.plane and box.isChecked()
            ],
            as_images=option.images and self.as_images.isChecked(),
            shown_inputs=list(self._spec.shown_inputs)
            if isinstance(self._spec, BuiltinData) and self._spec.name == name
            else [],
        )

    def _on_dataset_chosen(self) -> None:
        if self._updating:
            return
        self._update_enabled()
        self._on_edit()

    def _on_regenerate(self) -> None:
        self.seed.setValue(random.randrange(0, 100_000))

    def _on_edit(self) -> None:
        if self._updating:
            return
        self._commit(self._spec_from_widgets())

    def _commit(self, spec: DataSpec) -> None:
        if spec == self._spec:
            return
        self.set_data_spec(spec)
        self.data_changed.emit(spec)

    def _update_enabled(self) -> None:
        option = DATASET_TABLE.get(self.dataset_combo.currentData())
        self._form.setRowVisible(self.noise, option is not None and option.generated)
        self._form.setRowVisible(self.samples, option is not None and option.generated)
        self._form.setRowVisible(self._derived_box, option is not None and option.plane)
        self._form.setRowVisible(self.as_images, option is not None and option.images)
        description = (
            text(option.description)
            if option is not None
            else self.tr("Your table {file}.").format(
                file=Path(self._csv.path).name if self._csv else ""
            )
        )
        self.description.setText(description)
        self.description.setVisible(bool(description))
