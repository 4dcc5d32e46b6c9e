"""The right half of the lab window's top: the graph, its tools, its legend and the stepper.

Grouped because they belong together on screen and in code: the tools (fit,
zoom, collapse chains) act on the graph, the legend explains its colours and
follows the palette, and the stepper drives which node it highlights.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolBar, QVBoxLayout, QWidget

from playground.gui.lab.backward_stepper import BackwardStepper
from playground.gui.lab.graph_view import GraphView
from playground.gui.lab.lab_colors import graph_colours, swatch_html


class GraphPane(QWidget):
    """The graph torch built, with Fit / Zoom / Collapse chains, a legend and the stepper."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.graph = GraphView()
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.stepper = BackwardStepper()
        tools = QToolBar(self.tr("Graph"))
        self.fit_action = tools.addAction(self.tr("Fit"), lambda: self.graph.fit_to_view())
        self.fit_action.setToolTip(self.tr("Show the whole graph (Ctrl+wheel zooms)"))
        tools.addAction(self.tr("Zoom +"), lambda: self.graph.zoom_by(1.25))
        tools.addAction(self.tr("Zoom −"), lambda: self.graph.zoom_by(0.8))
        self.collapse_action = tools.addAction(self.tr("Collapse chains"))
        self.collapse_action.setCheckable(True)
        self.collapse_action.setToolTip(self.tr("Draw a chain of identical operations as one box"))
        self.collapse_action.toggled.connect(self.graph.set_collapsed)
        title = QLabel(self.tr("The graph torch built"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(tools)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.graph, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.stepper)
        self._update_legend()

    def _update_legend(self) -> None:
        c = graph_colours(self.graph.palette())
        parts = [
            swatch_html(c.leaf, self.tr("leaf (AccumulateGrad)")),
            swatch_html(c.operation, self.tr("operation")),
            swatch_html(c.highlight, self.tr("current step")),
            "∇&nbsp;" + self.tr("requires grad"),
            "→&nbsp;" + self.tr("gradient flow"),
        ]
        self.legend.setText("&nbsp;&nbsp; ".join(parts))

    def changeEvent(self, event: QEvent) -> None:
        """The legend's swatches follow the theme, as the graph's colours do."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._update_legend()
        super().changeEvent(event)
