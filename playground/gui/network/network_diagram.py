"""The network diagram: neurons and weighted connections of a dense network, live.

It exists to make weights visible the way people picture a network: one
circle per neuron, one line per weight, blue for positive and orange for
negative (a colour-blind-safe pair), thicker for larger. For 2-D data each
neuron shows a thumbnail of its output over the input plane. Snapshots only
store data; repainting is throttled to the GUI refresh rate, and pens are
made once.

One QGraphicsView: drawing, hover text and in-place weight editing use the same item
index, so they stay in one class (the layout is in network_layout).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QLocale, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDoubleValidator,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QToolTip, QWidget

from playground.core.spec.experiment import LayerSpec
from playground.core.training.snapshot import Snapshot
from playground.gui.network.network_layout import (
    NEGATIVE,
    POSITIVE,
    DenseColumn,
    Link,
    activation_image,
    dense_columns,
    nearest_link,
    place_nodes,
)

_NEUTRAL = QColor(150, 150, 150)
_BUCKETS = 12
_REFRESH_MS = 40  # at most 25 repaints per second
_HIT_DISTANCE = 5.0


class _WeightEdit(QLineEdit):
    """The small box for typing a weight; Escape cancels."""

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class NetworkDiagram(QWidget):
    """Dense network as neurons and links, updated from snapshots."""

    weight_edit_requested = Signal(str, tuple, float)  # "0.weight", (out, in), value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(240, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._columns: tuple[DenseColumn, ...] = ()
        self._message = QCoreApplication.translate(
            "NetworkLayout",
            "Add a Linear layer to see the network drawn as neurons and connections.",
        )
        self._input_names: tuple[str, ...] = ()
        self._nodes: list[list[QPointF]] = []
        self._markers: list[QPointF | None] = []
        self._links: list[Link] = []
        self._radius = 10.0
        self._weights: dict[int, np.ndarray] = {}  # spec layer index → (out, in) matrix
        self._pending: Snapshot | None = None
        self._thumbnails: dict[tuple[int, int], QImage] = {}
        self._editable = False
        self._pens = self._make_pens()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_REFRESH_MS)
        self._timer.timeout.connect(self._apply_snapshot)
        self._edit = _WeightEdit(self)
        validator = QDoubleValidator(-1e6, 1e6, 6, self._edit)
        validator.setLocale(QLocale.c())  # a dot is the decimal mark wherever the app runs
        self._edit.setValidator(validator)
        self._edit.setAccessibleName(self.tr("New weight value"))
        self._edit.hide()
        self._edit.returnPressed.connect(self._commit_edit)
        self._edit.cancelled.connect(self._edit.hide)
        self._edit_target: Link | None = None

    # ---- public API ------------------------------------------------------------

    def set_layers(
        self,
        layers: Sequence[LayerSpec],
        input_shape: Sequence[int],
        input_names: Sequence[str] = (),
    ) -> None:
        """Draw this network; ``input_names`` label the input neurons (x1, x2, ... if empty).

        The window passes the data's own feature names, so derived inputs read
        as the data panel offers them (``x1^2``), not as their position (``x3``).
        """
        self._columns, self._message = dense_columns(layers, input_shape)
        self._input_names = tuple(input_names)
        self._weights.clear()
        self._thumbnails.clear()
        self._edit.hide()
        self._relayout()
        self.update()

    def update_snapshot(self, snapshot: Snapshot) -> None:
        """Take the weights and neuron outputs of a snapshot; repaints at most ~25 times/s."""
        self._pending = snapshot
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Apply a pending snapshot now (used when a run ends, and by tests)."""
        self._timer.stop()
        self._apply_snapshot()

    def set_editable(self, editable: bool) -> None:
        """Allow typing a new weight by clicking a link (only while training is paused)."""
        self._editable = editable
        if not editable:
            self._edit.hide()

    def is_dense(self) -> bool:
        return bool(self._columns)

    def message(self) -> str:
        """Why nothing is drawn (empty when the network is drawn)."""
        return self._message

    def columns(self) -> tuple[DenseColumn, ...]:
        return self._columns

    def node_count(self) -> int:
        """Neurons drawn (collapsed neurons excluded)."""
        return sum(len(column.shown) for column in self._columns)

    def input_labels(self) -> list[str]:
        """The names of the input neurons drawn, in order (collapsed ones excluded)."""
        if not self._columns:
            return []
        return [self._short_input_name(0, neuron) for neuron in self._columns[0].shown]

    def links(self) -> list[Link]:
        return list(self._links)

    def weight_editor(self) -> QLineEdit:
        """The box that appears on a clicked link (for focus handling and tests)."""
        return self._edit

    def thumbnail_count(self) -> int:
        return len(self._thumbnails)

    def weight(self, link: Link) -> float | None:
        matrix = self._weights.get(self._layer_of(link))
        if matrix is None:
            return None
        return float(matrix[link.out_index, link.in_index])

    def link_at(self, point: QPointF) -> Link | None:
        """The link under ``point`` (within a few pixels), nearest first."""
        return nearest_link(self._links, point, _HIT_DISTANCE)

    def hover_text(self, point: QPointF) -> str:
        """What hovering ``point`` shows: a neuron, a weight, or nothing."""
        for c, nodes in enumerate(self._nodes):
            for position, neuron in zip(nodes, self._columns[c].shown, strict=True):
                if QLineF(position, point).length() <= self._radius:
                    name = self._neuron_name(c, neuron)
                    return name[:1].upper() + name[1:]
        link = self.link_at(point)
        if link is None:
            return ""
        value = self.weight(link)
        source = self._neuron_name(link.column - 1, link.in_index)
        target = self._neuron_name(link.column, link.out_index)
        shown = self.tr("not known until training starts") if value is None else f"{value:+.4f}"
        if self._editable:
            words = self.tr("Weight from {source} to {target}: {value}. Click to change it.")
        else:
            words = self.tr("Weight from {source} to {target}: {value}")
        return words.format(source=source, target=target, value=shown)

    # ---- geometry --------------------------------------------------------------

    def _layer_of(self, link: Link) -> int:
        index = self._columns[link.column].layer_index
        return -1 if index is None else index

    def _neuron_name(self, column: int, neuron: int) -> str:
        if column == 0:
            if neuron < len(self._input_names):
                return self.tr("input {name}").format(name=self._input_names[neuron])
            return self.tr("input x{number}").format(number=neuron + 1)
        info = self._columns[column]
        assert info.layer_index is not None
        return self.tr("neuron {neuron} of layer {layer} (Linear)").format(
            neuron=neuron + 1, layer=info.layer_index + 1
        )

    def _short_input_name(self, column: int, neuron: int) -> str:
        if column != 0:
            return ""
        if neuron < len(self._input_names):
            return self._input_names[neuron]
        return f"x{neuron + 1}"

    def _relayout(self) -> None:
        placement = place_nodes(
            self._columns, self.width(), self.height(), self.fontMetrics().height()
        )
        self._nodes, self._markers = placement.nodes, placement.markers
        self._links, self._radius = placement.links, placement.radius

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._edit.hide()
        self._relayout()

    # ---- snapshots -------------------------------------------------------------

    def _apply_snapshot(self) -> None:
        snapshot, self._pending = self._pending, None
        if snapshot is None or not self._columns:
            return
        expected = {
            c.layer_index: (c.size, self._columns[k - 1].size)
            for k, c in enumerate(self._columns)
            if k
        }
        for stats in snapshot.parameters:
            if stats.matrix is None or not stats.name.endswith(".weight"):
                continue
            if expected.get(stats.layer_index) == tuple(stats.matrix.shape):
                self._weights[stats.layer_index] = np.array(stats.matrix, dtype=np.float64)
        if not snapshot.content.neurons:
            self.update()  # the pictures were not asked for: the last ones stay
            return
        self._thumbnails.clear()
        neurons = snapshot.decision.neurons if snapshot.decision is not None else ()
        dense = self._columns[1:]
        if len(neurons) == len(dense):
            for k, (column, grid) in enumerate(zip(dense, neurons, strict=True), start=1):
                if grid.ndim != 3 or grid.shape[0] != column.size:
                    continue
                for neuron in column.shown:
                    self._thumbnails[(k, neuron)] = activation_image(grid[neuron])
        self.update()

    # ---- painting --------------------------------------------------------------

    @staticmethod
    def _make_pens() -> dict[tuple[int, int], QPen]:
        pens: dict[tuple[int, int], QPen] = {}
        for sign, colour in ((1, POSITIVE), (-1, NEGATIVE)):
            for bucket in range(_BUCKETS):
                strength = (bucket + 1) / _BUCKETS
                tinted = QColor(colour)
                tinted.setAlphaF(0.25 + 0.75 * strength)
                pen = QPen(tinted, 0.6 + 5.0 * strength)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                pens[(sign, bucket)] = pen
        pens[(0, 0)] = QPen(_NEUTRAL, 0.8)
        return pens

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        text_colour = palette.text().color()
        if not self._columns:
            painter.setPen(text_colour)
            area = QRectF(self.rect()).adjusted(24, 24, -24, -24)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(area, int(flags), self._message)
            return
        self._paint_links(painter)
        self._paint_nodes(painter, text_colour)
        self._paint_labels(painter, text_colour)

    def _paint_links(self, painter: QPainter) -> None:
        groups: dict[tuple[int, int], list[QLineF]] = {}
        scale = max(
            (float(np.max(np.abs(m))) for m in self._weights.values() if m.size), default=0.0
        )
        for link in self._links:
            value = self.weight(link)
            if value is None or scale <= 0 or not math.isfinite(value):
                key = (0, 0)
            else:
                bucket = min(_BUCKETS - 1, int(abs(value) / scale * _BUCKETS))
                key = (1 if value >= 0 else -1, bucket)
            groups.setdefault(key, []).append(link.line)
        # Faint links first so strong ones stay on top.
        for key in sorted(groups, key=lambda k: k[1]):
            painter.setPen(self._pens[key])
            painter.drawLines(groups[key])

    def _paint_nodes(self, painter: QPainter, text_colour: QColor) -> None:
        r = self._radius
        outline = QPen(text_colour, 1.2)
        for c, nodes in enumerate(self._nodes):
            for position, neuron in zip(nodes, self._columns[c].shown, strict=True):
                box = QRectF(position.x() - r, position.y() - r, 2 * r, 2 * r)
                image = self._thumbnails.get((c, neuron))
                painter.setPen(outline)
                if image is not None:
                    painter.drawImage(box, image)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRect(box)
                else:
                    painter.setBrush(self.palette().window())
                    painter.drawEllipse(box)
                    name = self._short_input_name(c, neuron)
                    if name and painter.fontMetrics().horizontalAdvance(name) < 2 * r - 2:
                        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), name)
            marker = self._markers[c]
            if marker is not None:
                painter.setPen(text_colour)
                label = f"…+{self._columns[c].hidden}"
                half = painter.fontMetrics().horizontalAdvance(label) / 2 + 4
                tall = max(2 * r, painter.fontMetrics().height())
                box = QRectF(marker.x() - half, marker.y() - tall / 2, 2 * half, tall)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), label)

    def _paint_labels(self, painter: QPainter, text_colour: QColor) -> None:
        metrics = self.fontMetrics()
        line = metrics.height()
        painter.setPen(text_colour)
        for column, nodes in zip(self._columns, self._nodes, strict=True):
            x = nodes[0].x() if nodes else self.width() / 2
            title = column.title if column.layer_index is not None else self.tr("Inputs")
            sub = f"{column.size} · {column.activation}" if column.activation else str(column.size)
            half = max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(sub)) / 2 + 4
            centre = min(max(x, half), self.width() - half)  # keep edge titles inside
            for row, text in enumerate((title, sub)):
                box = QRectF(centre - half, 0.2 * line + row * line, 2 * half, line)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
        legend_y = self.height() - 1.6 * line
        x = 8.0
        for colour, text in ((POSITIVE, self.tr("positive")), (NEGATIVE, self.tr("negative"))):
            painter.setPen(QPen(colour, 4))
            painter.drawLine(QPointF(x, legend_y + line / 2), QPointF(x + 22, legend_y + line / 2))
            painter.setPen(text_colour)
            painter.drawText(QPointF(x + 28, legend_y + metrics.ascent()), text)
            x += 28 + metrics.horizontalAdvance(text) + metrics.horizontalAdvance("MM")
        note = self.tr("thicker = larger")
        room = self.width() - 8.0 - x
        needed = metrics.horizontalAdvance(note)
        if needed > room > 0:
            # A narrow panel with a large font: shrink the note rather than cut it off.
            font = QFont(painter.font())
            font.setPointSizeF(max(6.0, font.pointSizeF() * room / needed))
            painter.setFont(font)
        painter.drawText(QPointF(x, legend_y + metrics.ascent()), note)

    # ---- mouse -----------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        text = self.hover_text(event.position())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        link = self.link_at(event.position()) if self._editable else None
        if link is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._edit_target = link
        value = self.weight(link)
        self._edit.setText("" if value is None else f"{value:.4f}")
        self._edit.selectAll()
        width = self.fontMetrics().horizontalAdvance("-0.000000") + 16
        pos = event.position().toPoint()
        x = min(max(0, pos.x() - width // 2), max(0, self.width() - width))
        self._edit.setGeometry(x, max(0, pos.y() - 12), width, self._edit.sizeHint().height())
        self._edit.show()
        self._edit.setFocus(Qt.FocusReason.MouseFocusReason)

    def _commit_edit(self) -> None:
        link, self._edit_target = self._edit_target, None
        self._edit.hide()
        text = self._edit.text().strip().replace(",", ".")
        if link is None or not text:
            return
        try:
            value = float(text)
        except ValueError:
            return
        layer = self._layer_of(link)
        self.weight_edit_requested.emit(f"{layer}.weight", (link.out_index, link.in_index), value)
