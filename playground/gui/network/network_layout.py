"""What the network diagram draws and where: columns, positions, links, neuron images.

Kept apart from the widget so the rules can be tested without painting.

A dense network is drawn as columns of neurons: the inputs, then one column
per Linear layer (labelled with the activation that follows it). Wide layers
are collapsed to a few neurons and a "…+N" marker so the picture stays
readable on a projector. Other kinds (convolution, pooling, flatten) are not
drawable this way; the reason comes back as a sentence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QPointF
from PySide6.QtGui import QColor, QImage

from playground.core.layers.catalog import CATALOGUE
from playground.core.layers.model import summarize
from playground.core.messages import describe, describe_shape, sentence
from playground.core.spec.experiment import LayerSpec

POSITIVE = QColor(0, 114, 178)  # Okabe-Ito blue
NEGATIVE = QColor(230, 159, 0)  # Okabe-Ito orange
MAX_NODES = 10  # a column with more neurons is collapsed
SHOWN_WHEN_COLLAPSED = 8
# Kinds that do not change which neuron connects to which: drawn as nothing.
_IGNORED = {"Dropout", "BatchNorm1d", "LayerNorm"}


@dataclass(frozen=True)
class DenseColumn:
    """One column of neurons: the inputs or the outputs of one Linear layer."""

    title: str
    size: int
    shown: tuple[int, ...]  # neuron indices drawn
    layer_index: int | None  # spec index of the Linear layer; None for the inputs
    activation: str | None = None

    @property
    def hidden(self) -> int:
        """How many neurons the "…+N" marker stands for."""
        return self.size - len(self.shown)


def shown_neurons(size: int) -> tuple[int, ...]:
    """The neuron indices a column of ``size`` shows (all, or the first few)."""
    if size <= MAX_NODES:
        return tuple(range(size))
    return tuple(range(SHOWN_WHEN_COLLAPSED))


def dense_columns(
    layers: Sequence[LayerSpec], input_shape: Sequence[int]
) -> tuple[tuple[DenseColumn, ...], str]:
    """The columns of a dense network, or no columns and a sentence saying why not."""
    shape = tuple(input_shape)
    if len(shape) != 1:
        return (), QCoreApplication.translate(
            "NetworkLayout",
            "The diagram draws networks on flat inputs, but this data gives {shape}. "
            "The weight plots show every layer.",
        ).format(shape=describe_shape(shape))
    summary = summarize(layers, shape)
    if summary.error is not None:
        reason = sentence(describe(summary.error))
        return (), QCoreApplication.translate(
            "NetworkLayout", "The diagram appears once the network can be built. {reason}"
        ).format(reason=reason)
    columns = [
        DenseColumn(
            QCoreApplication.translate("NetworkLayout", "Input"),
            shape[0],
            shown_neurons(shape[0]),
            None,
        )
    ]
    for index, layer in enumerate(layers):
        kind = CATALOGUE[layer.kind]
        if layer.kind == "Linear":
            size = int(kind.resolve(layer.params)["out_features"])
            title = QCoreApplication.translate("NetworkLayout", "Layer {number}").format(
                number=index + 1
            )
            columns.append(DenseColumn(title, size, shown_neurons(size), index))
        elif kind.category == "activation":
            last = columns[-1]
            if last.layer_index is not None:
                columns[-1] = DenseColumn(
                    last.title, last.size, last.shown, last.layer_index, layer.kind
                )
        elif layer.kind not in _IGNORED:
            return (), QCoreApplication.translate(
                "NetworkLayout",
                "The diagram draws dense networks (Linear layers and activations); "
                "layer {number} ({kind}) is not one. The weight plots show every layer.",
            ).format(number=index + 1, kind=layer.kind)
    if len(columns) < 2:
        return (), QCoreApplication.translate(
            "NetworkLayout",
            "Add a Linear layer to see the network drawn as neurons and connections.",
        )
    return tuple(columns), ""


@dataclass(frozen=True)
class Link:
    """One drawn connection: weight ``[out_index, in_index]`` of a Linear layer."""

    column: int  # the column the link enters (1 = first Linear layer)
    out_index: int
    in_index: int
    line: QLineF


@dataclass(frozen=True)
class Placement:
    """Where every neuron, "…+N" marker and link goes in a widget of a given size."""

    nodes: list[list[QPointF]]
    markers: list[QPointF | None]
    links: list[Link]
    radius: float


def place_nodes(
    columns: Sequence[DenseColumn], width: float, height: float, line_height: float
) -> Placement:
    """Spread columns evenly, centre each column's neurons, size neurons to fit."""
    if not columns:
        return Placement([], [], [], 10.0)
    top, bottom = 2.2 * line_height, height - 2.2 * line_height
    left, right = 1.5 * line_height + 20, width - 1.5 * line_height - 20
    count = len(columns)
    step_x = (right - left) / max(count - 1, 1)
    slots = max(len(c.shown) + (1 if c.hidden else 0) for c in columns)
    step_y = (bottom - top) / max(slots, 1)
    radius = max(5.0, min(22.0, step_y * 0.38, step_x * 0.16))
    nodes: list[list[QPointF]] = []
    markers: list[QPointF | None] = []
    for c, column in enumerate(columns):
        x = left + c * step_x if count > 1 else (left + right) / 2
        n = len(column.shown) + (1 if column.hidden else 0)
        first = (top + bottom) / 2 - (n - 1) * step_y / 2
        nodes.append([QPointF(x, first + i * step_y) for i in range(len(column.shown))])
        markers.append(QPointF(x, first + (n - 1) * step_y) if column.hidden else None)
    links = [
        Link(c, columns[c].shown[o], columns[c - 1].shown[i], QLineF(in_pos, out_pos))
        for c in range(1, count)
        for o, out_pos in enumerate(nodes[c])
        for i, in_pos in enumerate(nodes[c - 1])
    ]
    return Placement(nodes, markers, links, radius)


def distance_to_line(point: QPointF, line: QLineF) -> float:
    """Shortest distance from ``point`` to the segment ``line``."""
    dx, dy = line.dx(), line.dy()
    length = dx * dx + dy * dy
    t = 0.0
    if length > 0:
        t = ((point.x() - line.x1()) * dx + (point.y() - line.y1()) * dy) / length
        t = max(0.0, min(1.0, t))
    return math.hypot(point.x() - (line.x1() + t * dx), point.y() - (line.y1() + t * dy))


def nearest_link(links: Sequence[Link], point: QPointF, within: float) -> Link | None:
    """The link closest to ``point`` if it is at most ``within`` pixels away."""
    best: tuple[float, Link] | None = None
    for link in links:
        distance = distance_to_line(point, link.line)
        if distance <= within and (best is None or distance < best[0]):
            best = (distance, link)
    return best[1] if best else None


def _diverging_lut() -> np.ndarray:
    """256 colours from orange (negative) through white to blue (positive)."""
    t = np.linspace(-1.0, 1.0, 256)[:, None]
    white = np.array([255.0, 255.0, 255.0])
    blue = np.array([POSITIVE.red(), POSITIVE.green(), POSITIVE.blue()], dtype=float)
    orange = np.array([NEGATIVE.red(), NEGATIVE.green(), NEGATIVE.blue()], dtype=float)
    colours = np.where(t >= 0, white + t * (blue - white), white + (-t) * (orange - white))
    lut: np.ndarray = colours.round().astype(np.uint8)
    return lut


_LUT = _diverging_lut()


def activation_image(values: np.ndarray) -> QImage:
    """A small image of one neuron's output over the plane (row 0 at the bottom)."""
    grid = np.nan_to_num(np.asarray(values, dtype=np.float64))
    scale = float(np.max(np.abs(grid))) or 1.0
    indices = np.clip(((grid / scale + 1.0) * 127.5).round(), 0, 255).astype(np.intp)
    rgb = np.ascontiguousarray(_LUT[indices][::-1])
    height, width = grid.shape
    image = QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels; ``rgb`` goes away
