"""The network diagram: columns, collapsing, live snapshots, hover text and weight edits."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from playground.core.spec.experiment import LayerSpec
from playground.core.training.snapshot import DecisionGrid, Histogram, ParameterStats, Snapshot
from playground.gui.network.network_diagram import NetworkDiagram
from playground.gui.network.network_layout import MAX_NODES, SHOWN_WHEN_COLLAPSED, activation_image


def linear(n: int) -> LayerSpec:
    return LayerSpec(kind="Linear", params={"out_features": n})


def weight_stats(index: int, matrix: np.ndarray) -> ParameterStats:
    empty = Histogram(np.zeros(1), np.zeros(2))
    return ParameterStats(
        name=f"{index}.weight",
        layer_index=index,
        shape=tuple(matrix.shape),
        mean=float(matrix.mean()),
        std=float(matrix.std()),
        min=float(matrix.min()),
        max=float(matrix.max()),
        values=empty,
        grad_norm=float("nan"),
        grads=None,
        update_ratio=float("nan"),
        matrix=matrix,
    )


def snapshot(params: list[ParameterStats], neurons: tuple[np.ndarray, ...] = ()) -> Snapshot:
    decision = DecisionGrid((-1.0, 1.0, -1.0, 1.0), np.zeros((6, 6)), None, neurons)
    return Snapshot(
        state="paused",
        step=3,
        epoch=0,
        epoch_progress=0.5,
        samples_seen=96,
        elapsed=0.1,
        samples_per_second=960.0,
        learning_rate=0.01,
        train_loss=0.7,
        val_loss=None,
        train_accuracy=None,
        val_accuracy=None,
        parameters=tuple(params),
        decision=decision if neurons else None,
    )


@pytest.fixture
def diagram(qtbot: QtBot) -> NetworkDiagram:
    widget = NetworkDiagram()
    qtbot.addWidget(widget)
    widget.resize(640, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_nodes_and_links_of_a_small_network(diagram: NetworkDiagram) -> None:
    layers = [linear(4), LayerSpec(kind="ReLU"), LayerSpec(kind="Dropout"), linear(3)]
    diagram.set_layers(layers, (2,))
    assert diagram.is_dense()
    assert [c.size for c in diagram.columns()] == [2, 4, 3]
    assert diagram.columns()[1].activation == "ReLU"
    assert diagram.node_count() == 2 + 4 + 3
    assert len(diagram.links()) == 2 * 4 + 4 * 3


def test_wide_layers_collapse(diagram: NetworkDiagram) -> None:
    diagram.set_layers([linear(MAX_NODES), linear(50), linear(2)], (30,))
    columns = diagram.columns()
    assert [len(c.shown) for c in columns] == [
        SHOWN_WHEN_COLLAPSED,
        MAX_NODES,
        SHOWN_WHEN_COLLAPSED,
        2,
    ]
    assert [c.hidden for c in columns] == [
        30 - SHOWN_WHEN_COLLAPSED,
        0,
        50 - SHOWN_WHEN_COLLAPSED,
        0,
    ]
    shown = [len(c.shown) for c in columns]
    assert len(diagram.links()) == sum(a * b for a, b in itertools.pairwise(shown))


@pytest.mark.parametrize(
    ("layers", "shape", "words"),
    [
        ([LayerSpec(kind="Conv2d"), LayerSpec(kind="Flatten")], (1, 8, 8), "flat inputs"),
        ([LayerSpec(kind="Flatten"), linear(2)], (4,), "layer 1 (Flatten)"),
        ([LayerSpec(kind="Conv2d")], (2,), "needs image input"),
        ([LayerSpec(kind="ReLU")], (2,), "Add a Linear layer"),
    ],
)
def test_friendly_message_when_not_dense(
    diagram: NetworkDiagram, layers: list[LayerSpec], shape: tuple[int, ...], words: str
) -> None:
    diagram.set_layers(layers, shape)
    assert not diagram.is_dense()
    assert words in diagram.message()
    assert diagram.node_count() == 0
    assert diagram.links() == []


def test_snapshot_updates_weights_and_thumbnails(diagram: NetworkDiagram, qtbot: QtBot) -> None:
    diagram.set_layers([linear(3), LayerSpec(kind="Tanh"), linear(2)], (2,))
    first = np.arange(6, dtype=np.float64).reshape(3, 2) - 2.5
    second = np.array([[0.5, -0.25, 1.0], [-2.0, 0.0, 0.75]])
    grid = np.linspace(-1, 1, 36).reshape(6, 6)
    neurons = (np.stack([grid] * 3), np.stack([grid, -grid]))
    assert all(diagram.weight(link) is None for link in diagram.links())
    diagram.update_snapshot(snapshot([weight_stats(0, first), weight_stats(2, second)], neurons))
    qtbot.waitUntil(lambda: diagram.thumbnail_count() == 5, timeout=2000)
    for link in diagram.links():
        matrix = first if link.column == 1 else second
        assert diagram.weight(link) == matrix[link.out_index, link.in_index]
    # A matrix of the wrong shape (a stale snapshot of another network) is ignored.
    diagram.update_snapshot(snapshot([weight_stats(0, np.ones((5, 5)))]))
    diagram.flush()
    assert diagram.weight(diagram.links()[0]) == first[0, 0]
    diagram.grab()  # painting with weights and thumbnails must not fail


def test_activation_image_colours_sign() -> None:
    image = activation_image(np.array([[-1.0, 0.0], [0.0, 1.0]]))
    assert (image.width(), image.height()) == (2, 2)
    # Row 0 of the grid is drawn at the bottom; +1 is blue, -1 orange, 0 white.
    assert image.pixelColor(1, 0).blue() > image.pixelColor(1, 0).red()
    assert image.pixelColor(0, 1).red() > image.pixelColor(0, 1).blue()
    assert image.pixelColor(0, 0).lightness() == 255


def test_hover_shows_the_weight(diagram: NetworkDiagram) -> None:
    diagram.set_layers([linear(2)], (2,), input_names=("x1", "x2"))
    matrix = np.array([[0.125, -1.5], [2.0, 0.25]])
    link = next(k for k in diagram.links() if (k.out_index, k.in_index) == (0, 1))
    middle = link.line.center()
    assert "not known" in diagram.hover_text(middle)
    diagram.update_snapshot(snapshot([weight_stats(0, matrix)]))
    diagram.flush()
    text = diagram.hover_text(middle)
    assert text == "Weight from input x2 to neuron 1 of layer 1 (Linear): -1.5000"
    node = diagram.hover_text(diagram.links()[0].line.p1())
    assert node.startswith("Input x")
    assert diagram.hover_text(QPointF(2, 2)) == ""


def test_mouse_hover_shows_a_tooltip(diagram: NetworkDiagram, qtbot: QtBot) -> None:
    diagram.set_layers([linear(2)], (2,))
    diagram.update_snapshot(snapshot([weight_stats(0, np.array([[0.5, 0.0], [0.0, 0.5]]))]))
    diagram.flush()
    link = diagram.links()[1]
    qtbot.mouseMove(diagram, link.line.center().toPoint())
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=2000)
    assert QToolTip.text() == diagram.hover_text(link.line.center())
    assert QToolTip.text().startswith("Weight from input x")


def test_clicking_a_link_while_paused_requests_a_weight_edit(
    diagram: NetworkDiagram, qtbot: QtBot
) -> None:
    diagram.set_layers([linear(3), LayerSpec(kind="ReLU"), linear(2)], (2,))
    link = next(k for k in diagram.links() if k.column == 2 and (k.out_index, k.in_index) == (1, 2))
    point = link.line.center().toPoint()
    # Not editable while training runs: a click does nothing.
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=point)
    edit = diagram.weight_editor()
    assert not edit.isVisible()
    diagram.set_editable(True)
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=point)
    assert edit.isVisible()
    edit.clear()
    qtbot.keyClicks(edit, "-0.75")
    with qtbot.waitSignal(diagram.weight_edit_requested) as blocker:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert blocker.args == ["2.weight", (1, 2), -0.75]
    assert not edit.isVisible()
    # Escape cancels without a request.
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=point)
    with qtbot.assertNotEmitted(diagram.weight_edit_requested):
        qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert not edit.isVisible()


def test_inputs_are_named_as_the_data_names_them(diagram: NetworkDiagram) -> None:
    diagram.set_layers([linear(3)], (4,), input_names=("x1", "x2", "x1^2", "x2^2"))
    assert diagram.input_labels() == ["x1", "x2", "x1^2", "x2^2"]
    link = next(k for k in diagram.links() if k.in_index == 2)
    assert diagram.hover_text(link.line.center()).startswith("Weight from input x1^2 to")
    diagram.set_layers([linear(3)], (4,))  # without names: numbered by position
    assert diagram.input_labels() == ["x1", "x2", "x3", "x4"]
