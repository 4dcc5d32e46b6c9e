"""The boxes and arrows of the lab graph, drawn by our own QGraphicsItems.

A node's size is fixed when it is made, from everything it may ever show
(including the gradient it gets during backward), so stepping through
backward never moves a box: in front of a class the picture stays calm and
only the highlight and the numbers change.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from playground.gui.lab.lab_colors import GraphColours

_PAD = 10.0
_BADGE = "∇"


@dataclass(frozen=True)
class GraphFonts:
    """Fonts scaled from the application font, so the app's font-size setting reaches the graph."""

    title: QFont
    text: QFont
    numbers: QFont
    small: QFont


@dataclass(frozen=True)
class NodeText:
    """What one box says: the torch node's name, the variables, the value; the gradient later."""

    title: str
    names: str
    values: tuple[str, ...]
    gradient_room: tuple[str, ...]  # the longest gradient lines it may show, to size the box


class NodeItem(QGraphicsItem):
    """One node of torch's graph: rounded for a leaf, square-cornered for an operation."""

    def __init__(
        self,
        key: int,
        is_leaf: bool,
        requires_grad: bool,
        text: NodeText,
        fonts: GraphFonts,
        colours: GraphColours,
    ) -> None:
        super().__init__()
        self.key = key
        self.is_leaf = is_leaf
        self.requires_grad = requires_grad
        self.text = text
        self.gradient_lines: tuple[str, ...] = ()
        self.current = False
        self._fonts = fonts
        self._colours = colours
        self._room = self._measure()
        self.setZValue(2)

    def _content_height(self, gradient_lines: int) -> float:
        height = QFontMetricsF(self._fonts.title).lineSpacing()
        if self.text.names:
            height += QFontMetricsF(self._fonts.text).lineSpacing()
        numbers = QFontMetricsF(self._fonts.numbers).lineSpacing()
        return height + numbers * (len(self.text.values) + gradient_lines) + 2 * _PAD

    def _measure(self) -> QRectF:
        """The largest the box gets (with every gradient line): what the layout makes room for."""
        title = QFontMetricsF(self._fonts.title)
        text = QFontMetricsF(self._fonts.text)
        numbers = QFontMetricsF(self._fonts.numbers)
        badge = QFontMetricsF(self._fonts.small).horizontalAdvance(_BADGE) + _PAD
        widths = [title.horizontalAdvance(self.text.title) + badge]
        widths.append(text.horizontalAdvance(self.text.names))
        widths += [numbers.horizontalAdvance(line) for line in self.text.values]
        widths += [numbers.horizontalAdvance(line) for line in self.text.gradient_room]
        width = max(widths) + 2 * _PAD
        height = self._content_height(len(self.text.gradient_room))
        return QRectF(-width / 2, -height / 2, width, height)

    def _box(self) -> QRectF:
        """The box as drawn now: full width (edges stay put), as tall as what it shows."""
        height = self._content_height(len(self.gradient_lines))
        return QRectF(self._room.left(), -height / 2, self._room.width(), height)

    def boundingRect(self) -> QRectF:
        return self._room.adjusted(-4, -4, 4, 4)

    def room(self) -> QRectF:
        return QRectF(self._room)

    def set_state(self, current: bool, gradient_lines: tuple[str, ...]) -> None:
        """Highlight this node (the step being shown) and show the gradient it has got."""
        if current != self.current or gradient_lines != self.gradient_lines:
            self.current = current
            self.gradient_lines = gradient_lines
            self.update()

    def left(self) -> QPointF:
        return self.mapToScene(QPointF(self._room.left(), 0))

    def right(self) -> QPointF:
        return self.mapToScene(QPointF(self._room.right(), 0))

    def bottom(self, share: float = 0.5) -> QPointF:
        """A point on the box's bottom edge, where arcs to far layers leave and arrive."""
        box = self._box()
        return self.mapToScene(QPointF(box.left() + box.width() * share, box.bottom()))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        c = self._colours
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(c.frame(self.is_leaf, self.current), 5.0 if self.current else 2.0)
        painter.setPen(pen)
        painter.setBrush(QBrush(c.fill(self.is_leaf, self.current)))
        box = self._box()
        radius = min(box.height() / 2, 22.0) if self.is_leaf else 3.0
        painter.drawRoundedRect(box, radius, radius)
        x = box.left() + _PAD
        y = box.top() + _PAD
        right = box.right() - _PAD
        y = self._draw_line(painter, self._fonts.title, c.text, x, y, self.text.title)
        if self.requires_grad:
            painter.setFont(self._fonts.small)
            painter.setPen(c.text)
            metrics = QFontMetricsF(self._fonts.small)
            painter.drawText(
                QPointF(
                    right - metrics.horizontalAdvance(_BADGE), box.top() + _PAD + metrics.ascent()
                ),
                _BADGE,
            )
        if self.text.names:
            y = self._draw_line(painter, self._fonts.text, c.text, x, y, self.text.names)
        for line in self.text.values:
            y = self._draw_line(painter, self._fonts.numbers, c.muted, x, y, line)
        for line in self.gradient_lines:
            y = self._draw_line(painter, self._fonts.numbers, c.text, x, y, line)

    def _draw_line(
        self, painter: QPainter, font: QFont, colour: QColor, x: float, y: float, text: str
    ) -> float:
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QPointF(x, y + metrics.ascent()), text)
        return y + metrics.lineSpacing()


class EdgeItem(QGraphicsItem):
    """Gradient flowing from one node to the next: an arrow from the root side to the leaf side.

    Edges between neighbouring layers are gentle S-curves; an edge that skips
    layers arcs below the row so it never runs through the boxes it passes.
    """

    def __init__(
        self,
        source: NodeItem,
        target: NodeItem,
        span: int,
        bend: float,
        label: str,
        fonts: GraphFonts,
        colours: GraphColours,
    ) -> None:
        super().__init__()
        self.source = source
        self.target = target
        self.label = label
        self.highlighted = False
        self._fonts = fonts
        self._colours = colours
        self._span = span
        self._bend = bend
        self._path, self._tip, self._direction = self._route(span, bend)
        self.setZValue(1)

    def reroute(self) -> None:
        """Follow the boxes' bottoms, which move as gradients appear in them."""
        self.prepareGeometryChange()
        self._path, self._tip, self._direction = self._route(self._span, self._bend)

    def _route(self, span: int, bend: float) -> tuple[QPainterPath, QPointF, QPointF]:
        path = QPainterPath()
        if span <= 1:
            start, end = self.source.left(), self.target.right()
            start += QPointF(0, bend)
            end += QPointF(0, bend)
            middle = (start.x() + end.x()) / 2
            path.moveTo(start)
            path.cubicTo(QPointF(middle, start.y()), QPointF(middle, end.y()), end)
            return path, end, QPointF(-1, 0)
        start = self.source.bottom(0.35)
        end = self.target.bottom(0.65)
        # The depth follows the largest boxes, so arcs keep their depth while boxes grow.
        lowest = max(
            self.source.mapToScene(self.source.room().bottomLeft()).y(),
            self.target.mapToScene(self.target.room().bottomLeft()).y(),
        )
        dip = lowest + 26.0 + 16.0 * span + bend
        path.moveTo(start)
        path.cubicTo(QPointF(start.x(), dip), QPointF(end.x(), dip), end)
        return path, end, QPointF(0, -1)

    def set_highlighted(self, highlighted: bool) -> None:
        if highlighted != self.highlighted:
            self.highlighted = highlighted
            self.setZValue(3 if highlighted else 1)
            self.update()

    def boundingRect(self) -> QRectF:
        metrics = QFontMetricsF(self._fonts.small)
        across = metrics.horizontalAdvance(self.label) / 2 + 12 if self.label else 10.0
        down = metrics.lineSpacing() if self.label else 10.0
        return self.shape().boundingRect().adjusted(-across, -down, across, down)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12.0)
        return stroker.createStroke(self._path)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        c = self._colours
        colour = c.highlight if self.highlighted else c.edge
        width = 4.0 if self.highlighted else 1.6
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        size = 9.0 + width
        d = self._direction
        normal = QPointF(-d.y(), d.x())
        tip = self._tip
        back = tip - d * size
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(
            QPolygonF([tip, back + normal * size * 0.5, back - normal * size * 0.5])
        )
        if self.highlighted and self.label:
            at = self._path.pointAtPercent(0.5)
            painter.setFont(self._fonts.small)
            metrics = QFontMetricsF(self._fonts.small)
            box = QRectF(
                0, 0, metrics.horizontalAdvance(self.label) + 10, metrics.lineSpacing() + 4
            )
            box.moveCenter(at)
            painter.setPen(QPen(c.highlight, 1.5))
            painter.setBrush(c.background)
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(c.text)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.label)
