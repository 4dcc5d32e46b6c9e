"""The lab window shows exactly the core's numbers: tensors, graph, backward steps and calls."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from playground.core.lab.examples import find_example, list_examples
from playground.core.lab.interpreter import LabResult, run_lab
from playground.core.lab.problems import describe
from playground.core.lab.values import number_text
from playground.core.messages import sentence as as_sentence
from playground.gui.lab import lab_runner
from playground.gui.lab.lab_window import LabWindow, open_lab_window
from playground.gui.lab.tensor_table import GRAD, LEAF, MADE_BY, NAME, REQUIRES_GRAD, VALUE
from playground.gui.lab.value_text import value_text

_TIMEOUT_MS = 30_000


@pytest.fixture
def window(qtbot: QtBot) -> LabWindow:
    lab = LabWindow()
    qtbot.addWidget(lab)
    lab.resize(1024, 768)
    return lab


def run_example(qtbot: QtBot, window: LabWindow, name: str) -> LabResult:
    """Load and run example ``name`` in the window; return what the core gives for it."""
    with qtbot.waitSignal(window.run_finished, timeout=_TIMEOUT_MS):
        window.load_example(name)
    example = find_example(name)
    assert example is not None
    return run_lab(example.source())


def run_text(qtbot: QtBot, window: LabWindow, source: str) -> None:
    window.editor.replace_text(source)
    with qtbot.waitSignal(window.run_finished, timeout=_TIMEOUT_MS):
        window.run()


@pytest.mark.parametrize("name", [e.name for e in list_examples()])
def test_every_example_shows_the_cores_tensors_graph_and_output(
    qtbot: QtBot, window: LabWindow, name: str
) -> None:
    expected = run_example(qtbot, window, name)
    assert not window.problem_label.isVisible()
    table = window.tensors
    assert table.rowCount() == len(expected.variables)
    for view in expected.variables.values():
        row = table.row_of(view.name)
        assert row >= 0, view.name
        assert table.cell_text(row, VALUE) == value_text(view.value, view.shape)
        assert table.cell_text(row, REQUIRES_GRAD) == ("yes" if view.requires_grad else "no")
        assert table.cell_text(row, LEAF) == ("yes" if view.is_leaf else "no")
        if view.grad_fn is not None:
            assert table.cell_text(row, MADE_BY) == view.grad_fn
        if view.grad is not None:
            assert table.cell_text(row, GRAD) == number_text(view.grad)
    graph = expected.backward[0].graph if expected.backward else expected.graph
    assert graph is not None
    shown = sorted(item.text.title for item in window.graph.node_items())
    assert shown == sorted(node.op for node in graph.nodes)
    assert window.output.toPlainText() == "\n".join(p.text for p in expected.printed)
    assert window.stepper.step_count() == (
        len(expected.backward[0].steps) if expected.backward else 0
    )


def test_graph_basics_numbers_in_the_table(qtbot: QtBot, window: LabWindow) -> None:
    run_example(qtbot, window, "graph-basics")
    table = window.tensors
    assert table.cell_text(table.row_of("y"), VALUE) == "[[3.0, 3.0], [3.0, 3.0]]"
    assert table.cell_text(table.row_of("x"), GRAD) == "[[1.5, 1.5], [1.5, 1.5]]"
    assert table.cell_text(table.row_of("z"), MADE_BY) == "MeanBackward0"
    assert table.cell_text(table.row_of("x"), NAME) == "x"


def test_graph_basics_step_by_step_shows_torchs_chain_rule(qtbot: QtBot, window: LabWindow) -> None:
    trace = run_example(qtbot, window, "graph-basics").backward[0]
    stepper, panel, graph = window.stepper, window.chain_rule, window.graph
    assert stepper.position == 0 and graph.current_item() is None
    targets = {(e.source, e.slot): e.target for e in trace.graph.edges}
    for position, step in enumerate(trace.steps, start=1):
        stepper.next()
        assert stepper.position == position
        current = graph.current_item()
        assert current is not None and current.key == step.node
        rows = panel.rows()
        assert rows[0][0].startswith("gradient arriving (∂z/∂")
        assert rows[0][1] == number_text(step.grad_outputs[0])
        passed = [numbers for what, numbers in rows if what.startswith("passed to input")]
        sent = [g for slot, g in enumerate(step.grad_inputs) if (step.node, slot) in targets]
        assert passed == [number_text(g) for g in sent]
        highlighted = {(e.source.key, e.target.key) for e in graph.highlighted_edges()}
        assert highlighted == {(step.node, targets[(step.node, s)]) for s in range(len(sent))}
    # mean passes 1/4 to each element, y * y passes 2·y·(1/4) = 1.5 to each factor
    stepper.set_position(2)
    assert panel.rows() == [
        ("gradient arriving (∂z/∂out)", "[[0.25, 0.25], [0.25, 0.25]]"),
        ("passed to input 0 → AddBackward0 (y)", "[[0.75, 0.75], [0.75, 0.75]]"),
        ("passed to input 1 → AddBackward0 (y)", "[[0.75, 0.75], [0.75, 0.75]]"),
    ]
    stepper.run_all()
    leaf = next(item for item in graph.node_items() if item.is_leaf)
    assert leaf.gradient_lines == (
        "∂z/∂x =",
        "[1.5, 1.5]",
        "[1.5, 1.5]",
        "x.grad =",
        "[1.5, 1.5]",
        "[1.5, 1.5]",
    )
    assert ("x.grad after this backward()", "[[1.5, 1.5], [1.5, 1.5]]") in panel.rows()


def test_back_and_next_move_the_highlight(qtbot: QtBot, window: LabWindow) -> None:
    trace = run_example(qtbot, window, "derivatives").backward[0]
    stepper, graph = window.stepper, window.graph
    assert not stepper.back_button.isEnabled()
    stepper.next_button.click()
    stepper.next_button.click()
    assert graph.current_item().key == trace.steps[1].node  # type: ignore[union-attr]
    stepper.back_button.click()
    assert graph.current_item().key == trace.steps[0].node  # type: ignore[union-attr]
    stepper.back_button.click()
    assert graph.current_item() is None and stepper.position == 0
    stepper.run_all_button.click()
    assert stepper.position == len(trace.steps) and not stepper.next_button.isEnabled()
    assert graph.current_item().key == trace.steps[-1].node  # type: ignore[union-attr]


def test_play_steps_to_the_end_and_stops(qtbot: QtBot, window: LabWindow) -> None:
    trace = run_example(qtbot, window, "derivatives").backward[0]
    stepper = window.stepper
    stepper.speed_box.setCurrentIndex(stepper.speed_box.count() - 1)
    stepper.play_button.click()
    assert stepper.playing
    qtbot.waitUntil(lambda: stepper.position == len(trace.steps), timeout=10_000)
    assert not stepper.playing and not stepper.play_button.isChecked()


def test_accumulation_table_adds_up_without_zeroing(qtbot: QtBot, window: LabWindow) -> None:
    expected = run_example(qtbot, window, "accumulation")
    calls = window.calls
    assert calls.rowCount() == len(expected.backward) == 6
    x, w = calls.column_of("x"), calls.column_of("w")
    roots = [calls.cell_text(row, 2) for row in range(6)]
    assert roots == ["y", "y", "y", "v", "v", "v"]
    assert [calls.cell_text(row, x) for row in range(3)] == ["40.0", "80.0", "120.0"]
    assert [calls.cell_text(row, w) for row in range(3, 6)] == ["40.0", "40.0", "40.0"]
    for row, trace in enumerate(expected.backward):
        assert calls.cell_text(row, x) == number_text(trace.grads_after["x"])
    calls.selectRow(4)
    assert window.stepper.trace_index == 4
    window.stepper.run_all()
    leaf = next(item for item in window.graph.node_items() if item.is_leaf)
    assert leaf.text.names == "w" and "w.grad = 40.0" in leaf.gradient_lines


def test_no_grad_tensors_are_not_recorded(qtbot: QtBot, window: LabWindow) -> None:
    run_example(qtbot, window, "no-grad")
    table = window.tensors
    u, y = table.row_of("u"), table.row_of("y")
    assert table.cell_text(u, MADE_BY) == "not recorded"
    assert table.cell_text(u, REQUIRES_GRAD) == "no"
    assert table.cell_text(y, MADE_BY) == "MulBackward0"
    names = {item.text.names for item in window.graph.node_items()}
    assert names == {"x", "y"}
    assert window.tabs.currentWidget() is window.tensors


def test_long_path_collapses_into_one_chain(qtbot: QtBot, window: LabWindow) -> None:
    trace = run_example(qtbot, window, "long-path").backward[0]
    graph = window.graph
    assert len(graph.node_items()) == 12
    window.collapse_action.setChecked(True)
    titles = sorted(item.text.title for item in graph.node_items())
    assert titles == ["AccumulateGrad", "MeanBackward0", "MmBackward0 × 10"]
    window.stepper.set_position(6)
    current = graph.current_item()
    assert current is not None and current.text.title == "MmBackward0 × 10"
    step = trace.steps[5]
    assert current.gradient_lines[0] == "∂z/∂out (5/10) ="
    assert window.chain_rule.rows()[0][1] == number_text(step.grad_outputs[0])
    window.collapse_action.setChecked(False)
    assert len(graph.node_items()) == 12
    assert graph.current_item().key == step.node  # type: ignore[union-attr]


def test_refused_script_marks_its_line(qtbot: QtBot, window: LabWindow) -> None:
    source = "x = tensor(1.0, requires_grad=True)\ny = x + 1\nz = open('notes.txt')\n"
    run_text(qtbot, window, source)
    with pytest.raises(Exception) as refused:
        run_lab(source)
    problem = refused.value.problem  # type: ignore[attr-defined]
    assert problem.line == 3
    assert window.editor.problem_line == 3
    assert window.problem_label.text() == as_sentence(describe(problem))
    assert not window.problem_label.isHidden()
    assert window.tensors.rowCount() == 0 and not window.graph.node_items()
    window.editor.insertPlainText("# edited\n")
    assert window.editor.problem_line == 0


def test_unexpected_error_becomes_a_sentence(
    qtbot: QtBot,
    window: LabWindow,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(source: str) -> LabResult:
        raise RuntimeError("a bug")

    monkeypatch.setattr(lab_runner, "run_lab", broken)
    with caplog.at_level(logging.ERROR, logger=lab_runner.__name__):
        run_text(qtbot, window, "x = tensor(1.0)\n")
    assert "RuntimeError" in window.problem_label.text()
    assert not window.problem_label.isHidden()
    assert any("a bug" in (r.exc_text or "") or r.exc_info for r in caplog.records)
    assert window.run_action.isEnabled()


def test_loading_an_example_can_be_undone(qtbot: QtBot, window: LabWindow) -> None:
    window.editor.replace_text("x = tensor(2.0)\n")
    with qtbot.waitSignal(window.run_finished, timeout=_TIMEOUT_MS):
        window.load_example("chain-rule")
    example = find_example("chain-rule")
    assert example is not None and window.editor.toPlainText() == example.source()
    window.editor.undo()
    assert window.editor.toPlainText() == "x = tensor(2.0)\n"


def test_ctrl_enter_runs_the_script(qtbot: QtBot, window: LabWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.editor.setFocus()
    window.editor.replace_text("x = tensor(2.0, requires_grad=True)\ny = x * x\ny.backward()\n")
    with qtbot.waitSignal(window.run_finished, timeout=_TIMEOUT_MS):
        qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.tensors.cell_text(window.tensors.row_of("x"), GRAD) == "4.0"


def test_worker_function_runs_on_the_calling_thread() -> None:
    outcome = lab_runner.run_script(
        "a = tensor(3.0, requires_grad=True)\nb = a * a\nb.backward()\n"
    )
    assert outcome.result is not None and outcome.problem is None
    assert outcome.result.variables["a"].grad == 6.0
    refused = lab_runner.run_script("import os\n")
    assert refused.result is None and refused.problem is not None


def test_open_lab_window_shows_a_separate_window(qtbot: QtBot) -> None:
    lab = open_lab_window(None)
    qtbot.addWidget(lab)
    assert lab.isVisible() and lab.isWindow()
    assert lab.windowTitle() == "Autograd lab"
    assert lab.editor.toPlainText() == list_examples()[0].source()
