"""The data panel: picker, generation settings, preview and the CSV import dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from playground.core.spec.experiment import BuiltinData, CsvData
from playground.gui.data.csv_import_dialog import CsvImportDialog
from playground.gui.data.data_panel import CSV_ITEM, DataPanel
from playground.gui.shell.panel_layout import scrolling


@pytest.fixture
def panel(qtbot: QtBot) -> DataPanel:
    widget = DataPanel()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _choose(panel: DataPanel, name: str) -> None:
    panel.dataset_combo.setCurrentIndex(panel.dataset_combo.findData(name))


def test_every_builtin_set_has_a_description_tooltip(panel: DataPanel) -> None:
    for row in range(panel.dataset_combo.count()):
        tip = panel.dataset_combo.itemData(row, Qt.ItemDataRole.ToolTipRole)
        assert isinstance(tip, str) and len(tip) > 10


def test_choosing_a_set_updates_spec_and_preview(panel: DataPanel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(panel.data_changed) as changed:
        _choose(panel, "circle")
    spec = changed.args[0]
    assert isinstance(spec, BuiltinData) and spec.name == "circle"
    assert panel.preview.mode == "points"
    dataset = panel.dataset
    assert dataset is not None and dataset.info.input_shape == (2,)
    shown = len(panel.preview._train.data) + len(panel.preview._val.data)
    assert shown == len(dataset.x_train) + len(dataset.x_val)


def test_settings_change_the_generated_data(panel: DataPanel, qtbot: QtBot) -> None:
    _choose(panel, "spiral")
    with qtbot.waitSignal(panel.dataset_loaded) as loaded:
        panel.samples.setValue(300)
    assert len(loaded.args[0].x_train) + len(loaded.args[0].x_val) == 300
    panel.validation.setValue(50)
    assert panel.data_spec().validation_fraction == pytest.approx(0.5)
    before = panel.data_spec().seed
    panel.regenerate.click()
    assert panel.data_spec().seed != before or before == 0


def test_derived_inputs_only_for_plane_sets(panel: DataPanel) -> None:
    _choose(panel, "xor")
    assert panel.derived["x1*x2"].isVisibleTo(panel)
    panel.derived["x1*x2"].setChecked(True)
    spec = panel.data_spec()
    assert isinstance(spec, BuiltinData) and spec.derived_features == ["x1*x2"]
    assert panel.dataset is not None and panel.dataset.info.input_shape == (3,)
    _choose(panel, "iris")
    assert not panel.derived["x1*x2"].isVisibleTo(panel)
    spec = panel.data_spec()
    assert isinstance(spec, BuiltinData) and spec.derived_features == []


def test_digits_show_images_and_as_images_changes_shape(panel: DataPanel) -> None:
    _choose(panel, "digits")
    assert panel.preview.mode == "images"
    assert panel.as_images.isVisibleTo(panel)
    assert not panel.noise.isVisibleTo(panel)
    panel.as_images.setChecked(True)
    assert panel.dataset is not None and panel.dataset.info.input_shape == (1, 8, 8)


def test_linear_regression_preview_is_a_curve(panel: DataPanel) -> None:
    _choose(panel, "linear")
    assert panel.preview.mode == "curve"


def _write_csv(folder: Path) -> Path:
    rows = ["size,weight,kind"]
    for i in range(40):
        rows.append(f"{i % 7 + 1.5},{(i * 3) % 11 + 0.25},{'cat' if i % 2 else 'dog'}")
    path = folder / "animals.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_csv_dialog_previews_and_accepts(qtbot: QtBot, tmp_path: Path) -> None:
    path = _write_csv(tmp_path)
    dialog = CsvImportDialog()
    qtbot.addWidget(dialog)
    assert dialog.load_file(str(path))
    assert dialog.table.columnCount() == 3
    assert dialog.table.item(0, 2).text() in ("cat", "dog")
    assert dialog.target.currentText() == "kind"
    checked = [
        dialog.features.item(i).text()
        for i in range(dialog.features.count())
        if dialog.features.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert checked == ["size", "weight"]
    dialog.accept()
    spec = dialog.spec()
    assert isinstance(spec, CsvData)
    assert spec.features == ["size", "weight"] and spec.target == "kind"


def test_csv_dialog_shows_core_errors_in_words(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = CsvImportDialog()
    qtbot.addWidget(dialog)
    assert not dialog.load_file(str(tmp_path / "missing.csv"))
    assert dialog.error.isVisibleTo(dialog)
    assert "missing.csv" in dialog.error.text()
    dialog.accept()
    assert dialog.spec() is None
    assert "CSV file" in dialog.error.text()


def test_csv_dialog_refuses_no_inputs(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = CsvImportDialog()
    qtbot.addWidget(dialog)
    dialog.load_file(str(_write_csv(tmp_path)))
    for i in range(dialog.features.count()):
        dialog.features.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    assert dialog.spec() is None and "input column" in dialog.error.text()


def test_panel_uses_an_imported_table(panel: DataPanel, qtbot: QtBot, tmp_path: Path) -> None:
    spec = CsvData(path=str(_write_csv(tmp_path)), features=["size", "weight"], target="kind")
    panel.set_data_spec(spec)
    assert panel.dataset_combo.currentData() == CSV_ITEM
    assert "animals.csv" in panel.dataset_combo.currentText()
    assert panel.dataset is not None and panel.dataset.info.task == "classification"
    assert not panel.noise.isVisibleTo(panel)
    with qtbot.waitSignal(panel.data_changed) as changed:
        panel.validation.setValue(30)
    assert isinstance(changed.args[0], CsvData)
    assert changed.args[0].validation_fraction == pytest.approx(0.3)


def test_a_scrolling_panel_is_never_narrower_than_its_content(panel: DataPanel) -> None:
    # With horizontal scrolling off, a dock must not squeeze the panel and clip its buttons.
    area = scrolling(panel)
    assert area.minimumSizeHint().width() >= panel.minimumSizeHint().width()
    panel.setMinimumWidth(700)  # as wide as the panel gets with a projector font
    assert area.minimumSizeHint().width() >= 700 + area.verticalScrollBar().sizeHint().width()
    area.takeWidget()  # the fixture owns the panel
