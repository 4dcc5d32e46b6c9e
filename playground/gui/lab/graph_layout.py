"""Where each node of torch's backward graph goes: layers from the leaves to the root.

The layout is plain data and free of Qt so it can be tested on its own. Layers
are longest paths: a leaf (a node that passes no gradient on) is in layer 0 on
the left, every other node one layer to the right of the furthest node it
sends gradient to, so the root ends up on the right and the forward
computation reads left to right. Inside a layer, a few barycentre sweeps order
the nodes to cut down crossing edges.

A chain of identical operations (ten ``s = s.mm(x)``) can be drawn as one node
("MmBackward0 × 10"): the chain's members keep their own indices, so a
backward step at any member still finds the drawn node it belongs to.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from playground.core.lab.graph import Graph, GraphEdge

#: Shorter runs of identical operations are drawn node by node even when collapsing.
MIN_CHAIN = 3
_SWEEPS = 4


@dataclass(frozen=True)
class DrawnNode:
    """One box in the drawing: a graph node, or a collapsed chain of them (root side first)."""

    key: int
    members: tuple[int, ...]
    op: str
    layer: int
    row: int

    @property
    def is_chain(self) -> bool:
        return len(self.members) > 1


@dataclass(frozen=True)
class DrawnEdge:
    """One line in the drawing; ``edges`` are the graph edges it stands for."""

    source: int
    target: int
    edges: tuple[GraphEdge, ...]


@dataclass(frozen=True)
class GraphLayout:
    nodes: tuple[DrawnNode, ...]
    edges: tuple[DrawnEdge, ...]
    layer_count: int
    rows_per_layer: tuple[int, ...]

    def node_of(self, graph_index: int) -> DrawnNode | None:
        """The drawn node that shows graph node ``graph_index``."""
        return next((n for n in self.nodes if graph_index in n.members), None)

    def edges_from(self, graph_index: int) -> tuple[DrawnEdge, ...]:
        """The drawn edges along which graph node ``graph_index`` sends gradient."""
        return tuple(e for e in self.edges if any(g.source == graph_index for g in e.edges))


def chains(graph: Graph) -> list[list[int]]:
    """Runs of at least :data:`MIN_CHAIN` identical operations, each passing to the next.

    Only the run's first node (nearest the root) may carry a variable's name: a
    named tensor is what a lesson talks about, so it is never hidden in a chain.
    """
    op = {n.index: n.op for n in graph.nodes}
    named = {n.index for n in graph.nodes if n.names}
    parents: dict[int, set[int]] = defaultdict(set)
    same_op_children: dict[int, set[int]] = defaultdict(set)
    for edge in graph.edges:
        parents[edge.target].add(edge.source)
        if op[edge.source] == op[edge.target] and edge.source != edge.target:
            same_op_children[edge.source].add(edge.target)

    def next_in_chain(index: int) -> int | None:
        children = same_op_children.get(index, set())
        if len(children) != 1:
            return None
        (child,) = children
        return child if parents[child] == {index} and child not in named else None

    followers = {child for i in op if (child := next_in_chain(i)) is not None}
    found: list[list[int]] = []
    for node in graph.nodes:
        if node.index in followers or node.is_leaf:
            continue
        run = [node.index]
        while (child := next_in_chain(run[-1])) is not None and child not in run:
            run.append(child)
        if len(run) >= MIN_CHAIN:
            found.append(run)
    return found


def layout_graph(graph: Graph, collapse: bool = False) -> GraphLayout:
    """Layers and rows for every node of ``graph``, with chains collapsed if asked."""
    group_of = {n.index: n.index for n in graph.nodes}
    members: dict[int, list[int]] = {n.index: [n.index] for n in graph.nodes}
    if collapse:
        for run in chains(graph):
            for index in run[1:]:
                group_of[index] = run[0]
                del members[index]
            members[run[0]] = run
    drawn_edges = _drawn_edges(graph, group_of)
    keys = [n.index for n in graph.nodes if n.index in members]
    children: dict[int, list[int]] = defaultdict(list)
    parents: dict[int, list[int]] = defaultdict(list)
    for edge in drawn_edges:
        children[edge.source].append(edge.target)
        parents[edge.target].append(edge.source)
    layer = _longest_path_layers(keys, children)
    order = _ordered_layers(keys, layer, children, parents)
    op = {n.index: n.op for n in graph.nodes}
    row = {key: position for keys_in in order for position, key in enumerate(keys_in)}
    nodes = tuple(
        DrawnNode(key, tuple(members[key]), op[key], layer[key], row[key]) for key in keys
    )
    return GraphLayout(nodes, drawn_edges, len(order), tuple(len(k) for k in order))


def _drawn_edges(graph: Graph, group_of: dict[int, int]) -> tuple[DrawnEdge, ...]:
    """Edges between drawn nodes; a chain's edges to one target merge into one line.

    Parallel edges from a single node stay separate (``y * y`` passes gradient to
    ``y`` twice, once per input), so each input can be shown on its own.
    """
    grouped: dict[tuple[int, int, int], list[GraphEdge]] = {}
    chain_sources = {g for i, g in group_of.items() if i != g}
    for edge in graph.edges:
        source, target = group_of[edge.source], group_of[edge.target]
        if source == target:
            continue
        slot = -1 if source in chain_sources else edge.slot
        grouped.setdefault((source, target, slot), []).append(edge)
    return tuple(DrawnEdge(s, t, tuple(edges)) for (s, t, _), edges in grouped.items())


def _longest_path_layers(keys: list[int], children: dict[int, list[int]]) -> dict[int, int]:
    """Layer 0 for nodes that pass nothing on; otherwise one past the furthest child.

    Iterative (graphs may hold thousands of nodes, deeper than Python's recursion).
    """
    layer: dict[int, int] = {}
    for start in keys:
        stack = [(start, False)]
        while stack:
            key, expanded = stack.pop()
            if key in layer:
                continue
            if expanded:
                layer[key] = 1 + max((layer[c] for c in children[key]), default=-1)
                continue
            stack.append((key, True))
            stack.extend((c, False) for c in children[key] if c not in layer)
    return layer


def _ordered_layers(
    keys: list[int],
    layer: dict[int, int],
    children: dict[int, list[int]],
    parents: dict[int, list[int]],
) -> list[list[int]]:
    """Nodes of each layer in drawing order: barycentre sweeps right-to-left and back."""
    count = 1 + max(layer.values(), default=-1)
    order: list[list[int]] = [[] for _ in range(count)]
    for key in keys:  # the graph lists nodes from the root outwards: a calm first order
        order[layer[key]].append(key)
    for sweep in range(_SWEEPS):
        towards_leaves = sweep % 2 == 0
        indices = range(count - 2, -1, -1) if towards_leaves else range(1, count)
        neighbours = parents if towards_leaves else children
        for index in indices:
            position = {k: p for keys_in in order for p, k in enumerate(keys_in)}
            centre = {key: _barycentre(key, neighbours[key], position) for key in order[index]}
            order[index].sort(key=centre.__getitem__)
    return order


def _barycentre(key: int, linked: list[int], position: dict[int, int]) -> float:
    """The mean row of the nodes ``key`` is linked to (its own row when it has none)."""
    rows = [position[n] for n in linked]
    return sum(rows) / len(rows) if rows else float(position[key])
