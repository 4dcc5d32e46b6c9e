"""Real tables in the dialogs: scikit-learn's CSV files, typed and pasted tables, the shown pair."""

from __future__ import annotations

from pathlib import Path

import pytest
import sklearn
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from playground.core.spec.experiment import BuiltinData, CsvData
from playground.gui.data.csv_import_dialog import CsvImportDialog
from playground.gui.data.data_panel import CSV_ITEM, DataPanel
from playground.gui.data.typed_table_dialog import TypedTableDialog
from playground.gui.plots.decision_plot import DecisionPlot

SKLEARN_DATA = Path(sklearn.__file__).parent / "datasets" / "data"


def _dialog(qtbot: QtBot) -> CsvImportDialog:
    dialog = CsvImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_wine_says_its_rows_are_wider_and_reads_whole_with_the_first_row_skipped(
    qtbot: QtBot,
) -> None:
    dialog = _dialog(qtbot)
    assert dialog.load_file(str(SKLEARN_DATA / "wine_data.csv"))
    assert dialog.error.isVisibleTo(dialog)
    assert "row 2 has 14 cells but the first row has 5" in dialog.error.text()
    assert dialog.table.columnCount() == 14  # nothing is dropped, even before the fix
    dialog.accept()
    assert dialog.spec() is None and "row 2 has 14 cells" in dialog.error.text()
    dialog.first_row.setCurrentIndex(dialog.first_row.findData("skip"))
    assert dialog.column_names.isVisibleTo(dialog)
    assert not dialog.error.isVisibleTo(dialog)
    assert dialog.table.columnCount() == 14 and dialog.target.currentText() == "column 14"
    # The last column holds 0, 1, 2: offered as classes, and the dialog says so.
    assert dialog.task.currentData() == "classification"
    assert dialog.choice.task_note.isVisibleTo(dialog)
    assert "0, 1, 2" in dialog.choice.task_note.text()
    dialog.accept()
    spec = dialog.spec()
    assert isinstance(spec, CsvData) and spec.first_row == "skip"
    assert len(spec.features) == 13 and spec.task == "classification"


def test_named_columns_and_the_choice_of_regression_stay(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.first_row.setCurrentIndex(dialog.first_row.findData("skip"))
    dialog.column_names.setText("sepal length, sepal width, petal length, petal width, species")
    assert dialog.load_file(str(SKLEARN_DATA / "iris.csv"))
    assert dialog.target.currentText() == "species"
    assert dialog.task.currentData() == "classification"
    dialog.task.setCurrentIndex(dialog.task.findData("regression"))
    dialog.task.activated.emit(dialog.task.currentIndex())
    dialog.accept()
    spec = dialog.spec()
    assert spec is not None and spec.task == "regression"
    assert spec.column_names[-1] == "species" and spec.features[0] == "sepal length"


def test_a_bad_cell_is_caught_before_the_dialog_closes_and_shown_whole(
    qtbot: QtBot, tmp_path: Path
) -> None:
    rows = ["alpha,beta,label"] + [f"{i},{i * 2},{i % 2}" for i in range(20)]
    rows[7] = "6,n/a,0"
    path = tmp_path / "cells.csv"
    path.write_text("\n".join(rows) + "\n")
    dialog = _dialog(qtbot)
    dialog.resize(700, 600)
    assert dialog.load_file(str(path))
    dialog.accept()
    assert dialog.spec() is None
    expected = (
        "In cells.csv, row 8, column 'beta' holds 'n/a', which marks a missing value; "
        "fill it in or delete the row."
    )
    assert dialog.error.text() == expected
    # Every line of it fits: the banner is as tall as the wrapped sentence needs.
    label = dialog.error
    assert dialog.banner.height() >= label.heightForWidth(dialog.banner.viewport().width())


def test_preview_headers_are_not_cut(qtbot: QtBot, tmp_path: Path) -> None:
    name = "od280/od315_of_diluted_wines"
    path = tmp_path / "wide.csv"
    path.write_text(f"{name},b\n" + "".join(f"{i},{i}\n" for i in range(8)))
    dialog = _dialog(qtbot)
    dialog.load_file(str(path))
    header = dialog.table.horizontalHeader()
    metrics = header.fontMetrics()
    assert dialog.table.columnWidth(0) >= metrics.horizontalAdvance(name)
    assert header.height() >= 2 * metrics.lineSpacing()


def test_several_targets_make_a_multi_output_regression(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "identity.csv"
    path.write_text("x1,x2,y1,y2\n" + "".join(f"{i},{i + 1},{i},{i + 1}\n" for i in range(6)))
    dialog = _dialog(qtbot)
    dialog.load_file(str(path))
    assert dialog.target.currentText() == "y2"
    dialog.target.setCurrentIndex(dialog.target.findText("y1"))
    extra = dialog.choice.extra_targets
    extra.item(3).setCheckState(Qt.CheckState.Checked)
    dialog.features.item(3).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.choice.task_note.text().startswith("2 target column")
    dialog.accept()
    spec = dialog.spec()
    assert spec is not None and spec.targets == ["y1", "y2"] and spec.features == ["x1", "x2"]


def test_a_pasted_spreadsheet_table_becomes_the_data(qtbot: QtBot) -> None:
    panel = DataPanel()
    qtbot.addWidget(panel)
    dialog = TypedTableDialog(panel)
    qtbot.addWidget(dialog)
    QApplication.clipboard().setText("x\ty\n1\t2\n2\t4\n3\t6\n4\t8\n5\t10\n")
    dialog.paste.click()
    assert dialog.grid.names() == ["x", "y"] and dialog.grid.rowCount() == 5
    assert dialog.grid.verticalHeaderItem(0).text() == "2"  # as messages number rows
    assert dialog.choice.target.currentText() == "y"
    dialog.accept()
    spec = dialog.spec()
    assert spec is not None and spec.typed and spec.features == ["x"]
    assert spec.inline_table == "x,y\n1,2\n2,4\n3,6\n4,8\n5,10\n"
    panel._csv = spec
    panel._commit(spec)
    assert panel.dataset_combo.currentData() == CSV_ITEM
    assert panel.dataset is not None and len(panel.dataset.x_train) == 4
    # Opened again, the dialog shows the same table.
    again = TypedTableDialog(panel, initial=spec)
    qtbot.addWidget(again)
    assert again.grid.to_csv_text() == spec.inline_table


def test_a_typed_bad_cell_is_named_and_selected(qtbot: QtBot) -> None:
    dialog = TypedTableDialog()
    qtbot.addWidget(dialog)
    dialog.grid.paste_text("a,b\n1,2\n2,x\n3,6\n4,8\n5,10\n")
    dialog.grid.rename_column(1, "target")
    dialog.choice.set_preview(None)
    dialog.grid.changed.emit()
    dialog.choice.target.setCurrentIndex(dialog.choice.target.findText("a"))
    dialog.choice.features.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    assert dialog.spec() is None
    assert dialog.banner.label.text() == (
        "In typed table, row 3, column 'target': 'x' is not a number; fix the cell or leave "
        "the column out."
    )
    assert (dialog.grid.currentRow(), dialog.grid.currentColumn()) == (1, 1)


def test_rows_and_columns_can_be_added_and_removed(qtbot: QtBot) -> None:
    dialog = TypedTableDialog()
    qtbot.addWidget(dialog)
    dialog.add_column.click()
    dialog.add_row.click()
    assert dialog.grid.names() == ["column 1", "column 2", "column 3"]
    assert dialog.grid.rowCount() == 6
    dialog.grid.setCurrentCell(0, 0)
    dialog.remove_column.click()
    dialog.remove_row.click()
    assert dialog.grid.names() == ["column 2", "column 3"] and dialog.grid.rowCount() == 5
    assert [dialog.choice.target.itemText(i) for i in range(2)] == ["column 2", "column 3"]


def test_a_huge_paste_is_refused_in_words(qtbot: QtBot) -> None:
    dialog = TypedTableDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grid.paste_text("1\n" * 6000)
    assert dialog.banner.isVisible() and "at most 5000 rows" in dialog.banner.label.text()
    assert dialog.grid.rowCount() == 5


def test_a_table_too_large_to_keep_is_refused_in_words(qtbot: QtBot) -> None:
    dialog = TypedTableDialog()
    qtbot.addWidget(dialog)
    wide = "\t".join("9" * 120 for _ in range(100))
    # Each paste fits, together they pass 1 MB: 90 rows of 100 long numbers.
    dialog.grid.paste_text("\n".join([wide] * 60))
    dialog.grid.setCurrentCell(59, 0)
    dialog.grid.paste_text("\n".join([wide] * 31))
    assert dialog.grid.rowCount() == 90
    dialog.accept()
    assert dialog.spec() is None
    assert "too large to keep in the experiment" in dialog.banner.label.text()


def test_the_panel_picks_the_pair_the_plots_show(qtbot: QtBot) -> None:
    panel = DataPanel()
    qtbot.addWidget(panel)
    panel.show()
    plot = DecisionPlot()
    qtbot.addWidget(plot)
    panel.set_data_spec(BuiltinData(name="iris"))
    row = panel.shown_inputs
    assert row.isVisibleTo(panel)
    assert row.pair() == ["sepal length (cm)", "sepal width (cm)"]
    with qtbot.waitSignal(panel.data_changed) as changed:
        row.vertical.setCurrentIndex(3)
        row.vertical.activated.emit(3)
    spec = changed.args[0]
    assert spec.shown_inputs == ["sepal length (cm)", "petal width (cm)"]
    assert panel.dataset is not None and panel.dataset.plane is not None
    plot.set_dataset(panel.dataset)
    assert plot.plot.getAxis("left").labelText == "petal width (cm)"
    assert plot.held.isVisibleTo(plot)
    assert "sepal width (cm)" in plot.held.full_text() and "mean" in plot.held.full_text()
    assert "Pick the pair in the data panel" in plot.held.toolTip()
    # In a narrow column the note keeps one line and ends with an ellipsis.
    plot.show()
    plot.resize(160, 300)
    QApplication.processEvents()
    assert plot.held.text().endswith("…") and plot.held.height() < 2 * plot.fontMetrics().height()
    # Picking the input the other axis shows swaps the pair.
    row.horizontal.setCurrentIndex(3)
    row.horizontal.activated.emit(3)
    assert row.pair() == ["petal width (cm)", "sepal length (cm)"]
    panel.set_data_spec(BuiltinData(name="spiral"))
    assert not row.isVisibleTo(panel)
    plot.set_dataset(panel.dataset)
    assert not plot.held.full_text() and not plot.held.isVisibleTo(plot)


@pytest.mark.parametrize("samples", [5])
def test_generated_sets_take_five_samples(qtbot: QtBot, samples: int) -> None:
    panel = DataPanel()
    qtbot.addWidget(panel)
    panel.set_data_spec(BuiltinData(name="course-randn"))
    panel.samples.setValue(samples)
    assert panel.data_spec().samples == samples  # type: ignore[union-attr]
    assert panel.dataset is not None and len(panel.dataset.x_train) == 4
