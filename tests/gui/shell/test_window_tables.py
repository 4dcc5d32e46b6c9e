"""The window with a typed table and with a chosen pair of inputs: the model follows, files keep them."""

from __future__ import annotations

from pathlib import Path

from playground.core.spec.experiment import BuiltinData, CsvData
from playground.gui.shell.main_window import MainWindow


def test_a_typed_two_target_table_fits_the_model_and_is_saved(
    window: MainWindow, tmp_path: Path
) -> None:
    rows = "".join(f"{i},{i + 1},{i},{i + 1}\n" for i in range(1, 6))
    spec = CsvData(
        path="identity",
        inline_table="x1,x2,y1,y2\n" + rows,
        features=["x1", "x2"],
        target="y1",
        extra_targets=["y2"],
        validation_fraction=0.0,
    )
    window.data_panel._csv = spec
    window.data_panel._commit(spec)
    assert window.editor.summary().input_shape == (2,)
    assert window.editor.layers()[-1].params["out_features"] == 2  # two outputs, one per target
    assert window.training_panel.loss.currentData() == "mse"
    assert window.commands.play.isEnabled() and not window.banner.isVisible()
    path = tmp_path / "typed.json"
    experiment = window.current_experiment()
    assert window.files.save_to(path, experiment)
    window.open_preset("iris")
    assert window.files.open_path(path) is not None
    assert window.current_experiment().data == spec
    assert "Table: identity" in window.data_panel.dataset_combo.currentText()


def test_the_shown_pair_is_one_undo_step_and_reaches_the_decision_view(
    window: MainWindow,
) -> None:
    panel = window.data_panel
    panel.dataset_combo.setCurrentIndex(panel.dataset_combo.findData("iris"))
    row = panel.shown_inputs
    row.horizontal.setCurrentIndex(2)
    row.horizontal.activated.emit(2)
    data = window.current_experiment().data
    assert isinstance(data, BuiltinData)
    assert data.shown_inputs == ["petal length (cm)", "sepal width (cm)"]
    decision = window.plot_area.decision
    assert decision.plot.getAxis("bottom").labelText == "petal length (cm)"
    assert "mean" in decision.held.full_text()
    window.undo_action.trigger()
    assert window.current_experiment().data.shown_inputs == []  # type: ignore[union-attr]
    assert row.pair() == ["sepal length (cm)", "sepal width (cm)"]
