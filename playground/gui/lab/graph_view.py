"""The graph torch built, drawn left to right from the leaves to the root, stepped through backward.

It exists so a class can *see* autograd: every box is a node torch recorded
(``MulBackward0``, ``AccumulateGrad``), named after the script's variables,
with the value it had and, once backward has reached it, the gradient that
arrived there. The numbers are the core's (read from torch); the view only
places and colours them. It scrolls and zooms (Ctrl+wheel) because a long
chain is wide, and can collapse a chain of identical operations into one box.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QWidget

from playground.core.lab.graph import BackwardTrace, Graph, GraphNode
from playground.gui.lab.graph_items import EdgeItem, GraphFonts, NodeItem, NodeText
from playground.gui.lab.graph_layout import DrawnNode, GraphLayout, layout_graph
from playground.gui.lab.graph_state import node_gradients
from playground.gui.lab.lab_colors import graph_colours
from playground.gui.lab.value_text import value_lines

_LAYER_GAP = 56.0
_ROW_GAP = 36.0
_ZOOM_STEP = 1.15
_MIN_ZOOM, _MAX_ZOOM = 0.1, 4.0
#: A graph opens no smaller than this, so its text can be read from the back of a room.
READABLE_ZOOM = 0.7


def graph_fonts(scale: float = 1.0) -> GraphFonts:
    """Fonts for the graph, sized from the application font (the app's font-size setting)."""
    base = QFont(QApplication.font())
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    text = QFont(base)
    text.setPointSizeF(size * scale)
    title = QFont(text)
    title.setBold(True)
    numbers = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    numbers.setPointSizeF(size * scale)
    small = QFont(text)
    small.setPointSizeF(size * scale * 0.85)
    return GraphFonts(title, text, numbers, small)


class GraphView(QGraphicsView):
    """One backward graph (or the script's final graph) with the current backward step marked."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setMinimumSize(240, 160)
        self._graph: Graph | None = None
        self._trace: BackwardTrace | None = None
        self._position = 0
        self._collapsed = False
        self._layout: GraphLayout | None = None
        self._nodes: dict[int, NodeItem] = {}
        self._edges: list[tuple[tuple[int, ...], EdgeItem]] = []
        self._empty_text = ""
        self._zoom = 1.0

    # ---- what is shown ----------------------------------------------------------------

    def show_graph(self, graph: Graph | None, trace: BackwardTrace | None, empty_text: str) -> None:
        """Draw ``graph`` (``trace``'s graph when stepping a backward call) afresh."""
        self._graph = graph
        self._trace = trace
        self._position = 0
        self._empty_text = empty_text
        self._rebuild()
        self.fit_to_view(readable=True)

    def set_collapsed(self, collapsed: bool) -> None:
        """Draw each chain of identical operations as one box ("MmBackward0 × 10"), or not."""
        if collapsed != self._collapsed:
            self._collapsed = collapsed
            self._rebuild()
            self.fit_to_view(readable=True)

    def show_step(self, position: int) -> None:
        """Mark the node that ran at step ``position`` (1-based; 0 is before backward)."""
        self._position = position
        self._refresh_state()

    # ---- read by the window and the tests ---------------------------------------------

    @property
    def collapsed(self) -> bool:
        return self._collapsed

    @property
    def zoom(self) -> float:
        return self._zoom

    def node_items(self) -> list[NodeItem]:
        return list(self._nodes.values())

    def current_item(self) -> NodeItem | None:
        return next((n for n in self._nodes.values() if n.current), None)

    def highlighted_edges(self) -> list[EdgeItem]:
        return [edge for _, edge in self._edges if edge.highlighted]

    def changeEvent(self, event: QEvent) -> None:
        """Redraw in the new colours when the theme (the palette) changes."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            position = self._position
            self._rebuild()
            self.show_step(position)

    # ---- zoom ---------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            self.zoom_by(_ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def zoom_by(self, factor: float) -> None:
        wanted = min(_MAX_ZOOM, max(_MIN_ZOOM, self._zoom * factor))
        self.scale(wanted / self._zoom, wanted / self._zoom)
        self._zoom = wanted
        self.zoom_changed.emit(wanted)

    def fit_to_view(self, readable: bool = False) -> None:
        """Show the whole graph, never larger than its natural size (text stays crisp).

        With ``readable`` the text never shrinks below :data:`READABLE_ZOOM`, so a
        wide graph opens legible and scrolls (and follows the current step).
        """
        rect = self.scene().sceneRect()
        self.resetTransform()
        self._zoom = 1.0
        if rect.isEmpty():
            return
        viewport = self.viewport().rect()
        factor = min(viewport.width() / rect.width(), viewport.height() / rect.height(), 1.0)
        floor = READABLE_ZOOM if readable else _MIN_ZOOM
        self.zoom_by(max(factor, floor))
        if readable and factor < floor:
            self.centerOn(
                QPointF(rect.right(), rect.center().y())
            )  # the root: backward starts there
        else:
            self.centerOn(rect.center())

    # ---- drawing ------------------------------------------------------------------------

    def _rebuild(self) -> None:
        scene = self.scene()
        scene.clear()
        self._nodes = {}
        self._edges = []
        self.setBackgroundBrush(graph_colours(self.palette()).background)
        if self._graph is None or not self._graph.nodes:
            self._layout = None
            message = scene.addText(self._empty_text, graph_fonts(1.2).text)
            message.setDefaultTextColor(graph_colours(self.palette()).muted)
            message.setTextWidth(max(self.viewport().width() - 60, 200))
            scene.setSceneRect(message.boundingRect())
            return
        self._layout = layout_graph(self._graph, self._collapsed)
        fonts = graph_fonts()
        colours = graph_colours(self.palette())
        by_index = {node.index: node for node in self._graph.nodes}
        rooms = node_gradients(self._graph, self._layout, self._trace, None)
        for drawn in self._layout.nodes:
            head = by_index[drawn.key]
            node_text = self._node_text(drawn, head, rooms.get(drawn.key, ()))
            self._nodes[drawn.key] = NodeItem(
                drawn.key, head.is_leaf, True, node_text, fonts, colours
            )
        self._place(self._layout)
        for item in self._nodes.values():
            scene.addItem(item)
        layer = {n.key: n.layer for n in self._layout.nodes}
        parallel_count = Counter((e.source, e.target) for e in self._layout.edges)
        drawn_so_far: Counter[tuple[int, int]] = Counter()
        for edge in self._layout.edges:
            pair = (edge.source, edge.target)
            # Parallel edges (y * y passes to y twice) fan out around the straight line.
            bend = (drawn_so_far[pair] - (parallel_count[pair] - 1) / 2) * 18.0
            drawn_so_far[pair] += 1
            label = (
                self.tr("input %1").replace("%1", str(edge.edges[0].slot))
                if len(edge.edges) == 1
                else ""
            )
            edge_item = EdgeItem(
                self._nodes[edge.source],
                self._nodes[edge.target],
                layer[edge.source] - layer[edge.target],
                bend,
                label,
                fonts,
                colours,
            )
            scene.addItem(edge_item)
            self._edges.append((tuple(g.source for g in edge.edges), edge_item))
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-16, -16, 16, 16))
        self._refresh_state()

    def _node_text(self, drawn: DrawnNode, head: GraphNode, room: tuple[str, ...]) -> NodeText:
        title = head.op
        if drawn.is_chain:
            title = self.tr("%1 × %2").replace("%1", head.op).replace("%2", str(len(drawn.members)))
        return NodeText(
            title, ", ".join(head.names), tuple(value_lines(head.value, head.shape)), room
        )

    def _place(self, layout: GraphLayout) -> None:
        """Columns as wide as their widest box; rows centred on the middle of the drawing."""
        widths = [0.0] * layout.layer_count
        heights = [0.0] * layout.layer_count
        for drawn in layout.nodes:
            rect = self._nodes[drawn.key].boundingRect()
            widths[drawn.layer] = max(widths[drawn.layer], rect.width())
            heights[drawn.layer] = max(heights[drawn.layer], rect.height())
        lefts = [0.0]
        for width in widths[:-1]:
            lefts.append(lefts[-1] + width + _LAYER_GAP)
        for drawn in layout.nodes:
            count = layout.rows_per_layer[drawn.layer]
            pitch = heights[drawn.layer] + _ROW_GAP
            y = (drawn.row - (count - 1) / 2) * pitch
            self._nodes[drawn.key].setPos(lefts[drawn.layer] + widths[drawn.layer] / 2, y)

    def _refresh_state(self) -> None:
        if self._layout is None or self._graph is None:
            return
        steps = self._trace.steps if self._trace is not None else ()
        current = steps[self._position - 1].node if 0 < self._position <= len(steps) else None
        current_key = None
        if current is not None and (drawn := self._layout.node_of(current)) is not None:
            current_key = drawn.key
        shown = node_gradients(self._graph, self._layout, self._trace, self._position)
        for key, item in self._nodes.items():
            item.set_state(key == current_key, shown.get(key, ()))
        for sources, edge in self._edges:
            edge.set_highlighted(current is not None and current in sources)
            edge.reroute()
        highlighted = self.current_item()
        if highlighted is not None:
            self.ensureVisible(highlighted, 40, 40)

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()
