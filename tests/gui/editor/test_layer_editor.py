"""The layer editor: palette, rows that agree with the core, undo, keyboard and drag."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QSpinBox, QToolButton
from pytestqt.qtbot import QtBot

from playground.core.data import describe_data
from playground.core.layers.catalog import CATALOGUE
from playground.core.layers.model import summarize
from playground.core.messages import describe
from playground.core.problems import Problem
from playground.core.spec.experiment import BuiltinData, Experiment, LayerSpec, ModelSpec
from playground.core.spec.validation import check_experiment
from playground.gui.editor.layer_editor import LayerEditor
from playground.gui.editor.layer_row_delegate import detail_text
from playground.gui.editor.layer_stack_model import (
    LAYER_MIME,
    ProblemRole,
    ProblemTextRole,
    SummaryRole,
)


def linear(n: int) -> LayerSpec:
    return LayerSpec(kind="Linear", params={"out_features": n, "bias": True})


def kinds(editor: LayerEditor) -> list[str]:
    return [layer.kind for layer in editor.layers()]


@pytest.fixture
def editor(qtbot: QtBot) -> LayerEditor:
    widget = LayerEditor()
    qtbot.addWidget(widget)
    widget.resize(380, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_input_shape((2,))
    return widget


def test_palette_lists_every_kind_grouped_with_help(editor: LayerEditor) -> None:
    palette = editor.palette_widget()
    assert sorted(palette.kinds()) == sorted(CATALOGUE)
    assert "Activations" in palette.category_titles()
    tree = palette.tree()
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        for j in range(group.childCount()):
            item = group.child(j)
            assert item.toolTip(0) == CATALOGUE[item.text(0)].help
    # The Add layer menu offers every kind too, under category headings, with its help.
    menu = palette.add_menu()
    sections = [a.text() for a in menu.actions() if a.isSeparator()]
    entries = [a for a in menu.actions() if not a.isSeparator()]
    assert sections == palette.category_titles()
    assert sorted(a.text() for a in entries) == sorted(CATALOGUE)
    assert all(a.toolTip() == CATALOGUE[a.text()].help for a in entries)


def test_palette_stays_compact_until_a_layer_is_searched(editor: LayerEditor, qtbot: QtBot) -> None:
    palette = editor.palette_widget()
    assert not palette.is_list_open()
    # At rest the palette is one row, so the network list gets the height.
    assert palette.height() < 3 * palette.fontMetrics().height()
    assert editor.stack_view().height() > editor.height() // 3
    palette.focus_filter()
    qtbot.keyClicks(palette.filter_edit(), "batch")
    assert palette.tree().isVisible()
    assert palette.visible_kinds() == ["BatchNorm1d", "BatchNorm2d"]
    qtbot.keyClick(palette.filter_edit(), Qt.Key.Key_Escape)
    assert not palette.is_list_open() and palette.filter_edit().text() == ""
    assert sorted(palette.visible_kinds()) == sorted(CATALOGUE)


def test_build_network_with_palette_clicks_and_keys(editor: LayerEditor, qtbot: QtBot) -> None:
    palette = editor.palette_widget()
    palette.kind_action("Linear").trigger()  # Add layer ▸ Linear
    # Keyboard: type in the filter, Enter adds the match and closes the list.
    palette.focus_filter()
    qtbot.keyClicks(palette.filter_edit(), "tanh")
    assert palette.visible_kinds() == ["Tanh"]
    qtbot.keyClick(palette.filter_edit(), Qt.Key.Key_Return)
    assert not palette.is_list_open()
    # Down opens the whole list; Enter on a kind adds it.
    qtbot.keyClick(palette.filter_edit(), Qt.Key.Key_Down)
    assert palette.tree().isVisible()
    palette.select_kind("Linear")
    qtbot.keyClick(palette.tree(), Qt.Key.Key_Return)
    assert kinds(editor) == ["Linear", "Tanh", "Linear"]
    # New layers take the catalogue's defaults and are inserted after the selection.
    assert editor.layers()[0].params == CATALOGUE["Linear"].defaults()
    editor.select_row(0)
    palette.kind_action("Dropout").trigger()
    assert kinds(editor) == ["Linear", "Dropout", "Tanh", "Linear"]
    assert editor.current_row() == 1


def test_rows_and_total_match_the_core(editor: LayerEditor) -> None:
    layers = [linear(16), LayerSpec(kind="ReLU"), LayerSpec(kind="BatchNorm1d"), linear(3)]
    editor.set_input_shape((5,))
    editor.set_layers(layers)
    expected = summarize(layers, (5,))
    model = editor.model()
    for row, core_row in enumerate(expected.layers):
        shown = model.index(row).data(SummaryRole)
        assert shown.output_shape == core_row.output_shape
        assert shown.parameters == core_row.parameters
    assert detail_text(expected.layers[0]) == "→ 16    ·    96 parameters"
    assert f"{expected.total_parameters:,} trainable parameters" in editor.total_text()
    assert expected.total_parameters == 16 * 5 + 16 + 32 + 16 * 3 + 3


def test_impossible_stack_marks_the_row_and_reports_validity(
    editor: LayerEditor, qtbot: QtBot
) -> None:
    editor.set_layers([linear(8)])
    layers = [linear(8), LayerSpec(kind="Conv2d"), linear(2)]
    expected = summarize(layers, (2,)).error
    assert expected is not None
    with qtbot.waitSignal(editor.validity_changed) as blocker:
        editor.set_layers(layers)
    assert blocker.args == [False, expected]
    model = editor.model()
    broken = model.index(1).data(SummaryRole)
    assert broken.error == expected
    assert expected.layer == 1 and model.index(1).data(ProblemRole) == expected
    assert describe(expected, with_place=False) in model.index(1).data(Qt.ItemDataRole.DisplayRole)
    assert detail_text(model.index(2).data(SummaryRole)).startswith("→ —")
    assert "layer 2" in editor.status_text()
    with qtbot.waitSignal(editor.validity_changed) as blocker:
        editor.select_row(1)
        editor.remove_selected()
    assert blocker.args == [True, None]


def test_undo_redo_of_every_edit_kind(editor: LayerEditor) -> None:
    stack = editor.undo_stack()
    editor.set_layers([linear(4), LayerSpec(kind="ReLU")])
    assert stack.count() == 0
    editor.select_row(0)
    editor.add_layer("Tanh")
    assert kinds(editor) == ["Linear", "Tanh", "ReLU"]
    editor.duplicate_selected()
    assert kinds(editor) == ["Linear", "Tanh", "Tanh", "ReLU"]
    editor.select_row(3)
    editor.move_selected(-1)
    assert kinds(editor) == ["Linear", "Tanh", "ReLU", "Tanh"]
    editor.remove_selected()
    assert kinds(editor) == ["Linear", "Tanh", "Tanh"]
    editor.set_param(0, "out_features", 12)
    assert editor.layers()[0].params["out_features"] == 12
    history = [kinds(editor)]
    for _ in range(5):
        stack.undo()
        history.append(kinds(editor))
    assert editor.layers()[0].params["out_features"] == 4
    assert history[1:] == [
        ["Linear", "Tanh", "Tanh"],
        ["Linear", "Tanh", "ReLU", "Tanh"],
        ["Linear", "Tanh", "Tanh", "ReLU"],
        ["Linear", "Tanh", "ReLU"],
        ["Linear", "ReLU"],
    ]
    for _ in range(5):
        stack.redo()
    assert kinds(editor) == ["Linear", "Tanh", "Tanh"]
    assert editor.layers()[0].params["out_features"] == 12


def test_parameter_edits_merge_and_update_shapes(editor: LayerEditor, qtbot: QtBot) -> None:
    editor.set_layers([linear(8), linear(2)])
    editor.select_row(0)
    spin = editor.params_panel().editor("out_features")
    assert isinstance(spin, QSpinBox)
    definition = CATALOGUE["Linear"].param("out_features")
    assert (spin.minimum(), spin.maximum()) == (definition.minimum, definition.maximum)
    assert definition.help in spin.toolTip()
    spin.setFocus()
    for _ in range(3):
        qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert editor.layers()[0].params["out_features"] == 11
    assert editor.undo_stack().count() == 1  # three steps, one undo command
    assert editor.model().index(1).data(SummaryRole).parameters == 11 * 2 + 2
    editor.undo_stack().undo()
    assert editor.layers()[0].params["out_features"] == 8
    assert spin.value() == 8  # the editor follows undo
    editor.set_param(0, "bias", False)
    editor.set_param(1, "out_features", 3)
    assert editor.undo_stack().count() == 2  # different parameters never merge


def test_keyboard_only_flow(editor: LayerEditor, qtbot: QtBot) -> None:
    editor.set_layers([linear(4), LayerSpec(kind="ReLU"), linear(2)])
    view = editor.stack_view()
    view.setFocus()
    editor.select_row(0)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert kinds(editor) == ["ReLU", "Linear", "Linear"]
    assert editor.current_row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert kinds(editor) == ["Linear", "ReLU", "Linear"]
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert kinds(editor) == ["Linear", "Linear", "ReLU", "Linear"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert kinds(editor) == ["Linear", "ReLU", "Linear"]
    # Insert jumps to the palette; type, Enter adds after the selected row.
    editor.select_row(0)
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    filter_edit = editor.palette_widget().filter_edit()
    assert filter_edit.hasFocus()
    qtbot.keyClicks(filter_edit, "sigm")
    qtbot.keyClick(filter_edit, Qt.Key.Key_Return)
    assert kinds(editor) == ["Linear", "Sigmoid", "ReLU", "Linear"]
    # Delete inside a spin box edits the number, it never removes the layer.
    editor.select_row(0)
    spin = editor.params_panel().editor("out_features")
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Delete)
    assert len(editor.layers()) == 4


def test_reorder_by_drag_through_the_model(editor: LayerEditor) -> None:
    editor.set_layers([linear(4), LayerSpec(kind="ReLU"), linear(2)])
    model = editor.model()
    data = model.mimeData([model.index(0)])
    assert data.hasFormat(LAYER_MIME)
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    sizes = [layer.params.get("out_features") for layer in editor.layers()]
    assert sizes == [None, 2, 4]  # the first layer went to the end
    assert model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    sizes = [layer.params.get("out_features") for layer in editor.layers()]
    assert sizes == [4, None, 2]
    editor.undo_stack().undo()
    editor.undo_stack().undo()
    assert editor.layers() == [linear(4), LayerSpec(kind="ReLU"), linear(2)]
    foreign = QMimeData()
    foreign.setText("Linear")
    assert not model.dropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_locked_editor_refuses_edits(editor: LayerEditor) -> None:
    editor.set_layers([linear(4)])
    editor.select_row(0)
    editor.set_locked(True)
    editor.add_layer("ReLU")
    editor.remove_selected()
    editor.set_param(0, "out_features", 9)
    assert editor.layers() == [linear(4)]
    assert not editor.editor_action("remove").isEnabled()
    editor.set_locked(False)
    editor.add_layer("ReLU")
    assert kinds(editor) == ["Linear", "ReLU"]


def test_layers_changed_and_undoable_replace(editor: LayerEditor, qtbot: QtBot) -> None:
    editor.set_layers([linear(4)])
    with qtbot.waitSignal(editor.layers_changed) as blocker:
        editor.set_layers([linear(3), LayerSpec(kind="Tanh")], undoable=True)
    assert [layer.kind for layer in blocker.args[0]] == ["Linear", "Tanh"]
    editor.undo_stack().undo()
    assert editor.layers() == [linear(4)]


def test_tab_order_reaches_palette_list_and_settings(editor: LayerEditor, qtbot: QtBot) -> None:
    editor.set_layers([linear(4)])
    editor.select_row(0)
    editor.activateWindow()
    palette = editor.palette_widget()
    palette.focus_filter()
    qtbot.waitUntil(palette.filter_edit().hasFocus, timeout=2000)
    visited = []
    for _ in range(8):
        widget = QApplication.focusWidget()
        assert widget is not None
        visited.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    spin = editor.params_panel().editor("out_features")
    expected = [
        palette.filter_edit(),  # the list of matches is closed, so Tab skips it
        palette.add_button(),
        editor.stack_view(),
        # Up and Down are disabled for a single layer and skipped.
        *[b for b in editor.findChildren(QToolButton) if b.text() in ("Duplicate", "Remove")],
        spin,
        editor.params_panel().editor("bias"),
    ]
    assert visited[: len(expected)] == expected


def test_a_listener_may_undo_the_edit_it_is_told_about(editor: LayerEditor) -> None:
    # The main window undoes an edit when the user declines to discard a trained run.
    editor.set_layers([linear(4)])
    seen: list[list[str]] = []

    def refuse(layers: list[LayerSpec]) -> None:
        seen.append([layer.kind for layer in layers])
        if len(layers) > 1:
            editor.undo_stack().undo()

    editor.layers_changed.connect(refuse)
    editor.select_row(0)
    editor.add_layer("ReLU")
    assert seen == [["Linear", "ReLU"], ["Linear"]]
    assert editor.layers() == [linear(4)]
    sizes: list[object] = []
    editor.layers_changed.connect(lambda layers: sizes.append(layers[0].params["out_features"]))
    editor.set_param(0, "out_features", 5)
    editor.set_param(0, "out_features", 6)  # merged into one command, yet each edit is told
    assert sizes == [5, 6]
    assert editor.undo_stack().count() == 1


def test_model_problem_from_the_full_check_is_shown_and_marks_its_layer(
    editor: LayerEditor,
) -> None:
    layers = [linear(8), LayerSpec(kind="ReLU"), linear(5)]
    editor.set_layers(layers)
    assert editor.status_text().startswith("✓") and editor.status().level == "ok"
    # Shapes fit, yet the last layer gives 5 outputs for 2 classes: the core says so.
    experiment = Experiment(data=BuiltinData(name="spiral"), model=ModelSpec(layers=layers))
    problems = check_experiment(experiment, describe_data(experiment.data))
    assert problems and describe(problems[0]).startswith("layer 3 (Linear)")
    assert (problems[0].code, problems[0].layer) == ("output.size_mismatch", 2)
    editor.set_model_problem(problems[0])
    assert editor.status_text().startswith(
        "⚠ Layer 3 (Linear): this layer sets the model's 5 outputs"
    )
    assert "✓" not in editor.status_text() and editor.status().level == "error"
    model = editor.model()
    assert model.index(2).data(ProblemRole) == problems[0]
    marked = model.index(2).data(ProblemTextRole)
    assert marked is not None and marked.startswith("This layer sets the model's 5 outputs")
    assert "problem" in model.index(2).data(Qt.ItemDataRole.DisplayRole)
    assert model.index(0).data(ProblemRole) is None
    # A problem that names no layer (the loss) is shown, but marks no row.
    loss = check_experiment(
        experiment.model_copy(update={"loss": "mse"}), describe_data(experiment.data)
    )[0]
    assert loss.code == "loss.needs_numbers" and loss.layer is None
    editor.set_model_problem(loss)
    assert editor.status_text().startswith("⚠ Loss: mse compares numbers, but spiral has 2 classes")
    assert all(model.index(row).data(ProblemRole) is None for row in range(3))
    # Any edit makes the verdict stale: it is cleared until the owner checks again.
    editor.set_model_problem(problems[0])
    editor.set_param(2, "out_features", 2)
    assert editor.model_problem() is None
    assert model.index(2).data(ProblemRole) is None
    assert editor.status_text().startswith("✓")
    editor.set_model_problem(None)
    assert editor.status_text().startswith("✓")


def test_shape_problems_take_precedence_over_the_full_check(editor: LayerEditor) -> None:
    editor.set_layers([linear(8), LayerSpec(kind="Conv2d"), linear(2)])
    outputs = {"outputs": 2, "data": "x", "classes": 3}
    editor.set_model_problem(Problem("output.size_mismatch", outputs, layer=2, layer_kind="Linear"))
    assert "layer 2 has a problem" in editor.status_text()
    shape_error = editor.summary().error
    assert editor.model().index(1).data(ProblemRole) == shape_error


def test_a_laptop_sized_panel_shows_the_whole_network_and_its_settings(
    qtbot: QtBot,
) -> None:
    # The Model tab at 1280×800 is about 400×690 pixels.
    widget = LayerEditor()
    qtbot.addWidget(widget)
    widget.resize(400, 690)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_input_shape((2,))
    tanh = LayerSpec(kind="Tanh")
    widget.set_layers([linear(32), tanh, linear(32), tanh, linear(16), tanh, linear(2)])
    widget.select_row(0)
    qtbot.wait(10)
    view = widget.stack_view()
    viewport = view.viewport().rect()
    for row in range(7):
        assert viewport.contains(view.visualRect(widget.model().index(row)))
    pane = widget.params_panel()
    spin = pane.editor("out_features")
    bias = pane.editor("bias")
    for editor in (spin, bias):
        assert editor.visibleRegion().boundingRect().height() == editor.height()


def test_pooling_stride_zero_reads_as_the_kernel(editor: LayerEditor) -> None:
    editor.set_input_shape((1, 8, 8))
    editor.set_layers([LayerSpec(kind="MaxPool2d")])
    editor.select_row(0)
    assert "stride = kernel" in editor.model().index(0).data(Qt.ItemDataRole.DisplayRole)
    spin = editor.params_panel().editor("stride")
    assert isinstance(spin, QSpinBox) and spin.text() == "same as kernel"
    editor.set_layers([linear(1)])
    assert "(1 neuron · bias)" in editor.model().index(0).data(Qt.ItemDataRole.DisplayRole)
