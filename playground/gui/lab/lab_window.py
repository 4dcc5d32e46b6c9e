"""The autograd lab window: write a tiny script, run it, and watch torch's graph and backward.

Made for teaching in front of a class: the script on the left with what it
printed, the graph torch recorded on the right, and under it the chain rule
at the node being stepped, the tensors, and every ``backward()`` call. All
numbers come from the core's :class:`LabResult`; the window only arranges
them. A refused script marks its line and says why in a sentence; nothing a
script does can close the window.
"""

from __future__ import annotations

from PySide6.QtCore import QKeyCombination, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from playground.core.lab.examples import LabExample, list_examples
from playground.core.lab.graph import BackwardTrace
from playground.core.lab.interpreter import LabResult
from playground.core.lab.problems import describe
from playground.core.messages import sentence as as_sentence
from playground.core.messages.texts import text
from playground.gui.lab.backward_calls import BackwardCallsTable
from playground.gui.lab.chain_rule_panel import ChainRulePanel
from playground.gui.lab.graph_pane import GraphPane
from playground.gui.lab.lab_runner import LabOutcome, LabRunner
from playground.gui.lab.script_editor import ScriptEditor
from playground.gui.lab.tensor_table import TensorTable


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    label = QLabel(title)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


class LabWindow(QMainWindow):
    """A window of its own, so the lab can sit beside the main window on a second screen."""

    run_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Autograd lab"))
        self._examples: list[LabExample] = list_examples()
        self._result: LabResult | None = None
        self._runner = LabRunner(self)
        self._divider_placed = False
        self._runner.finished.connect(self.show_outcome)
        self.editor = ScriptEditor()
        self.problem_label = QLabel()
        self.problem_label.setObjectName("problemBanner")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.output.setFont(self.editor.font())
        self.output.setPlaceholderText(self.tr("What the script prints appears here."))
        self.graph_pane = GraphPane()
        self.graph = self.graph_pane.graph
        self.stepper = self.graph_pane.stepper
        self.collapse_action = self.graph_pane.collapse_action
        self.chain_rule = ChainRulePanel()
        self.tensors = TensorTable()
        self.calls = BackwardCallsTable()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.chain_rule, self.tr("Chain rule at this step"))
        self.tabs.addTab(self.tensors, self.tr("Tensors"))
        self.tabs.addTab(self.calls, self.tr("backward() calls"))
        self._build_toolbar()
        self._build_layout()
        self.stepper.trace_changed.connect(self._show_trace)
        self.stepper.position_changed.connect(self._show_position)
        self.calls.trace_chosen.connect(self.stepper.select_trace)
        self.editor.run_requested.connect(self.run)
        self.statusBar().showMessage(
            self.tr("Choose an example or write a script, then press Run.")
        )
        self._clear_views(self.tr("Press Run (Ctrl+Enter) to see the graph torch builds."))
        if self._examples:
            self.editor.setPlainText(self._examples[0].source())
            self.editor.document().clearUndoRedoStacks()
        self.resize(1024, 768)

    # ---- building -----------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Lab"))
        bar.setMovable(False)
        self.addToolBar(bar)
        # Run comes first: a narrow window with a large font still shows it.
        self.run_action = QAction(self.tr("▶ Run"), self)
        self.run_action.setShortcuts(
            [
                QKeySequence(
                    QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Return)
                ),
                QKeySequence(
                    QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Enter)
                ),
            ]
        )
        self.run_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.run_action.setToolTip(self.tr("Run the script (Ctrl+Enter)"))
        self.run_action.triggered.connect(self.run)
        bar.addAction(self.run_action)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr("Example:")))
        self.example_box = QComboBox()
        self.example_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.example_box.setMinimumContentsLength(20)
        self.example_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for example in self._examples:
            self.example_box.addItem(text(example.title), example.name)
            self.example_box.setItemData(
                self.example_box.count() - 1, text(example.title), Qt.ItemDataRole.ToolTipRole
            )
        self.example_box.activated.connect(self._example_chosen)
        bar.addWidget(self.example_box)

    def _build_layout(self) -> None:
        script = QWidget()
        script_layout = QVBoxLayout(script)
        script_layout.setContentsMargins(0, 0, 0, 0)
        script_layout.addWidget(_titled(self.tr("Script"), self.editor), 1)
        script_layout.addWidget(self.problem_label)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(script)
        left.addWidget(_titled(self.tr("Printed"), self.output))
        left.setSizes([480, 200])
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.graph_pane)
        right.addWidget(self.tabs)
        right.setSizes([440, 240])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(left)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        main.setContentsMargins(6, 4, 6, 4)
        self._main_splitter = main
        self.setCentralWidget(main)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Give the script about a third of the width until the user moves the divider."""
        super().resizeEvent(event)
        if not self._divider_placed and self.width() > 0:
            left = max(
                self.editor.fontMetrics().horizontalAdvance("m") * 28, int(self.width() * 0.33)
            )
            self._main_splitter.setSizes([left, max(self.width() - left, 1)])
            self._divider_placed = True

    # ---- examples and running ---------------------------------------------------------

    def examples(self) -> list[LabExample]:
        return list(self._examples)

    def load_example(self, name: str) -> None:
        """Replace the script with the shipped example ``name`` (undoable) and run it."""
        index = self.example_box.findData(name)
        if index < 0:
            raise KeyError(name)
        self.example_box.setCurrentIndex(index)
        self._example_chosen(index)

    def _example_chosen(self, index: int) -> None:
        self.editor.replace_text(self._examples[index].source())
        self.run()

    def run(self) -> None:
        """Run the script in the editor; the views update when it is done (:attr:`run_finished`)."""
        if not self._runner.start(self.editor.toPlainText()):
            return
        self.run_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Running…"))

    def show_outcome(self, outcome: LabOutcome) -> None:
        """Show one run's result, or its problem as a sentence with the line marked."""
        self.run_action.setEnabled(True)
        if outcome.result is not None:
            self._show_result(outcome.result)
        else:
            if outcome.problem is not None:
                sentence = as_sentence(describe(outcome.problem))
                self.editor.mark_problem(outcome.problem.line)
            else:
                sentence = self.tr(
                    "The lab could not run this script because of an unexpected error (%1). "
                    "The details are in the log."
                ).replace("%1", outcome.failure or "?")
                self.editor.clear_problem()
            self.problem_label.setText(sentence)
            self.problem_label.show()
            self._clear_views(self.tr("Nothing ran: fix the script and press Run again."))
            self.statusBar().showMessage(self.tr("The script was not run to the end."))
        self.run_finished.emit()

    def _show_result(self, result: LabResult) -> None:
        self._result = result
        self.editor.clear_problem()
        self.problem_label.hide()
        self.output.setPlainText("\n".join(line.text for line in result.printed))
        self.tensors.show_tensors(list(result.variables.values()))
        self.calls.show_traces(result.backward)
        self.stepper.set_traces(result.backward)
        if result.backward:
            self._show_trace(0)
            self.tabs.setCurrentWidget(self.chain_rule)
        else:
            self.graph.show_graph(result.graph, None, self._no_graph_text())
            self.chain_rule.show_step(None, 0)
            self.tabs.setCurrentWidget(self.tensors)
        self.statusBar().showMessage(
            self.tr("Ran: %1 tensors, %2 backward() calls")
            .replace("%1", str(len(result.variables)))
            .replace("%2", str(len(result.backward)))
        )

    def _no_graph_text(self) -> str:
        return self.tr(
            "No graph: nothing in this script requires grad. Create a leaf with "
            "requires_grad=True, e.g. x = tensor(2.0, requires_grad=True)."
        )

    def _clear_views(self, text: str) -> None:
        self._result = None
        self.output.clear()
        self.tensors.show_tensors([])
        self.calls.show_traces([])
        self.stepper.set_traces([])
        self.chain_rule.show_step(None, 0)
        self.graph.show_graph(None, None, text)

    # ---- stepping -----------------------------------------------------------------------

    def _trace(self, index: int) -> BackwardTrace | None:
        if self._result is None or not 0 <= index < len(self._result.backward):
            return None
        return self._result.backward[index]

    def _show_trace(self, index: int) -> None:
        trace = self._trace(index)
        if trace is None:
            return
        self.graph.show_graph(trace.graph, trace, self._no_graph_text())
        self.chain_rule.show_step(trace, 0)
        self.calls.select_trace(index)

    def _show_position(self, position: int) -> None:
        self.graph.show_step(position)
        self.chain_rule.show_step(self.stepper.trace(), position)

    # ---- Qt events ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stepper.stop()
        self._runner.wait()
        super().closeEvent(event)


def open_lab_window(parent: QWidget | None = None) -> LabWindow:
    """Open the lab beside ``parent`` (a separate top-level window that closes with it)."""
    window = LabWindow(parent)
    window.setWindowFlag(Qt.WindowType.Window, True)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.show()
    return window
