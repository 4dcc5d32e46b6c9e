"""The lab graph's layout: leaves on the left, the root on the right, chains collapsed on request."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from playground.core.lab.examples import find_example, list_examples
from playground.core.lab.graph import Graph
from playground.core.lab.interpreter import run_lab
from playground.gui.lab.graph_layout import chains, layout_graph
from playground.gui.lab.graph_view import GraphView, graph_fonts
from playground.gui.lab.lab_colors import graph_colours
from playground.gui.shell.theme import make_palette


def backward_graph(name: str) -> Graph:
    example = find_example(name)
    assert example is not None
    return run_lab(example.source()).backward[0].graph


@pytest.mark.parametrize("name", [e.name for e in list_examples() if run_lab(e.source()).backward])
def test_gradient_flows_from_right_to_left(name: str) -> None:
    graph = backward_graph(name)
    layout = layout_graph(graph)
    layer = {node.key: node.layer for node in layout.nodes}
    assert all(layer[e.source] > layer[e.target] for e in layout.edges)
    leaves = {n.index for n in graph.nodes if n.is_leaf}
    assert {key for key, at in layer.items() if at == 0} >= leaves
    assert layer[graph.roots[0]] == layout.layer_count - 1
    rows = {(n.layer, n.row) for n in layout.nodes}
    assert len(rows) == len(layout.nodes)  # no two boxes in one place


def test_long_path_chain_collapses_to_one_node() -> None:
    graph = backward_graph("long-path")
    (chain,) = chains(graph)
    assert len(chain) == 10 and {graph.nodes[i].op for i in chain} == {"MmBackward0"}
    layout = layout_graph(graph, collapse=True)
    assert layout.layer_count == 3
    drawn = layout.node_of(chain[4])
    assert drawn is not None and drawn.members == tuple(chain)
    leaf = next(n.index for n in graph.nodes if n.is_leaf)
    (to_leaf,) = [e for e in layout.edges if e.target == leaf]
    assert len(to_leaf.edges) == 11  # every product sends gradient to x, the first one twice
    assert layout.edges_from(chain[4]) == (to_leaf,)


def test_named_tensors_are_never_hidden_in_a_chain() -> None:
    graph = backward_graph("chain-rule")
    assert chains(graph) == []
    assert len(layout_graph(graph, collapse=True).nodes) == len(graph.nodes)


def test_parallel_inputs_stay_separate_edges() -> None:
    graph = backward_graph("graph-basics")
    mul = next(n.index for n in graph.nodes if n.op == "MulBackward0")
    slots = sorted(e.edges[0].slot for e in layout_graph(graph).edges_from(mul))
    assert slots == [0, 1]


def test_graph_text_follows_the_application_font(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = QFont(app.font())
    try:
        big = QFont(saved)
        big.setPointSize(20)
        app.setFont(big)
        fonts = graph_fonts()
        assert fonts.text.pointSizeF() == 20 and fonts.numbers.pointSizeF() == 20
        assert fonts.title.bold()
    finally:
        app.setFont(saved)


def test_colours_come_from_the_palette(qtbot: QtBot) -> None:
    light, dark = graph_colours(make_palette("light")), graph_colours(make_palette("dark"))
    assert not light.dark and dark.dark
    assert dark.background == make_palette("dark").color(make_palette("dark").ColorRole.Base)
    assert light.leaf != light.operation != light.highlight
    view = GraphView()
    qtbot.addWidget(view)
    view.setPalette(make_palette("dark"))
    view.show_graph(backward_graph("graph-basics"), None, "")
    assert view.backgroundBrush().color() == dark.background
