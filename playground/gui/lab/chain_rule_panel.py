"""The chain rule at one node: the gradient that arrived and what the node passed to each input.

During backward each node gets ∂root/∂(its output) and passes on that times
its local derivative, one product per input. The panel lists exactly those
numbers from the core's :class:`BackwardStep` (``grad_outputs`` and
``grad_inputs``, read from torch's own hooks), next to the node and input
they belong to, so a class can check the chain rule by hand.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.lab.graph import BackwardStep, BackwardTrace, GraphNode
from playground.gui.lab.graph_state import arriving_label
from playground.gui.lab.value_text import gradient_text


def _node_label(node: GraphNode) -> str:
    return f"{node.op} ({', '.join(node.names)})" if node.names else node.op


class ChainRulePanel(QWidget):
    """What the highlighted node of a backward call received and passed on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [self.tr("At this node"), self.tr("Numbers (from torch)")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        # The table is as tall as its rows; the panel scrolls as a whole instead, so the
        # note under the table is never cut off in a short window or with a large font.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel()
        self.note.setObjectName("hintLabel")
        self.note.setWordWrap(True)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.show_step(None, 0)

    def rows(self) -> list[tuple[str, str]]:
        """The table as text: (what, numbers) per row."""
        result = []
        for row in range(self.table.rowCount()):
            what, numbers = self.table.item(row, 0), self.table.item(row, 1)
            result.append(
                ("" if what is None else what.text(), "" if numbers is None else numbers.text())
            )
        return result

    def show_step(self, trace: BackwardTrace | None, position: int) -> None:
        """Explain step ``position`` (1-based) of ``trace``; 0 explains where backward starts."""
        if trace is None:
            self.title.setText(self.tr("No backward() call to step through."))
            self.note.setText(
                self.tr(
                    "Call backward() on a single number, for example z.backward(), to see the gradient flow."
                )
            )
            self._fill([])
            return
        count = len(trace.steps)
        if position <= 0 or position > count:
            self.title.setText(
                self.tr("Before %1.backward(): %2 steps to run")
                .replace("%1", trace.root)
                .replace("%2", str(count))
            )
            self.note.setText(
                self.tr(
                    "Backward starts at %1 with the gradient 1 (∂%1/∂%1 = 1). Press Next."
                ).replace("%1", trace.root)
            )
            self._fill([])
            return
        step = trace.steps[position - 1]
        nodes = {node.index: node for node in trace.graph.nodes}
        node = nodes[step.node]
        self.title.setText(
            self.tr("Step %1 of %2: %3")
            .replace("%1", str(position))
            .replace("%2", str(count))
            .replace("%3", _node_label(node))
        )
        rows = self._arriving_rows(trace, node, step)
        if node.is_leaf:
            for name in node.names:
                if name in trace.grads_after:
                    after = trace.grads_after[name]
                    rows.append(
                        (
                            self.tr("%1.grad after this backward()").replace("%1", name),
                            "None" if after is None else gradient_text(after),
                        )
                    )
            self.note.setText(
                self.tr(
                    "AccumulateGrad adds the arriving gradient to the leaf's .grad (it is not replaced)."
                )
            )
        else:
            rows += self._passed_rows(trace, step, nodes)
            self.note.setText(
                self.tr(
                    "Chain rule: each input gets the arriving gradient times this operation's "
                    "local derivative with respect to that input."
                )
            )
        self._fill(rows)

    def _arriving_rows(
        self, trace: BackwardTrace, node: GraphNode, step: BackwardStep
    ) -> list[tuple[str, str]]:
        label = arriving_label(trace.root, node.names)
        rows = []
        for position, grad in enumerate(step.grad_outputs):
            what = self.tr("gradient arriving (%1)").replace("%1", label)
            if len(step.grad_outputs) > 1:
                what += f" [{position}]"
            rows.append((what, gradient_text(grad)))
        return rows

    def _passed_rows(
        self, trace: BackwardTrace, step: BackwardStep, nodes: dict[int, GraphNode]
    ) -> list[tuple[str, str]]:
        targets = {edge.slot: edge.target for edge in trace.graph.edges if edge.source == step.node}
        rows = []
        for slot, grad in enumerate(step.grad_inputs):
            if slot in targets:
                what = (
                    self.tr("passed to input %1 → %2")
                    .replace("%1", str(slot))
                    .replace("%2", _node_label(nodes[targets[slot]]))
                )
                rows.append((what, gradient_text(grad)))
            else:
                what = self.tr("input %1 needs no gradient").replace("%1", str(slot))
                rows.append((what, "None" if grad is None else gradient_text(grad)))
        return rows

    def _fill(self, rows: list[tuple[str, str]]) -> None:
        self.table.setRowCount(len(rows))
        for row, (what, numbers) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            item = QTableWidgetItem(numbers)
            item.setToolTip(numbers)
            self.table.setItem(row, 1, item)
        self.table.resizeRowsToContents()
