"""The computation graph torch recorded, read from ``grad_fn.next_functions``.

:func:`capture` walks the graph behind a tensor before ``backward()`` frees it
and names every node after the script's variables where it can (a leaf's
``AccumulateGrad`` node after the leaf; an operation's node after the variable
it produced). :class:`BackwardRecorder` hooks every node
(``torch.autograd.graph.Node.register_hook``) and records, in the order torch
runs them, the gradient that reached each node and the gradients it passed on:
the chain rule's local products, stepped through one node at a time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import torch

from playground.core.lab.values import Numbers, numbers

#: Nodes beyond this many are left out of a captured graph (its ``truncated`` flag says so).
MAX_NODES = 2_000


@dataclass(frozen=True)
class GraphNode:
    """One node of torch's backward graph (``MulBackward0``, ``AccumulateGrad``, ...).

    ``value`` is the node's tensor (the leaf, or the named result of the
    operation) as it was when the graph was captured: a later ``x.data = ...``
    or a rebound name does not change what a drawing of this graph shows.
    """

    index: int
    op: str
    names: tuple[str, ...]
    is_leaf: bool
    shape: tuple[int, ...] | None
    value: Numbers | None = None


@dataclass(frozen=True)
class GraphEdge:
    """Gradient flows from ``source`` to ``target`` (the forward computation goes the other way).

    ``slot`` is the position among ``source``'s inputs.
    """

    source: int
    target: int
    slot: int


@dataclass(frozen=True)
class Graph:
    """The nodes reachable from some roots, the roots first."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    roots: tuple[int, ...]
    truncated: bool = False

    def node_named(self, name: str) -> GraphNode | None:
        return next((n for n in self.nodes if name in n.names), None)


@dataclass(frozen=True)
class BackwardStep:
    """What one node did during backward: the gradient it got and what it passed on."""

    node: int
    grad_outputs: tuple[Numbers | None, ...]
    grad_inputs: tuple[Numbers | None, ...]


@dataclass(frozen=True)
class BackwardTrace:
    """One ``backward()`` call: the graph it ran over and every node's step, in order."""

    line: int
    root: str
    graph: Graph
    steps: tuple[BackwardStep, ...]
    grads_after: Mapping[str, Numbers | None] = field(default_factory=dict)


def _names_by_node(
    tensors: Mapping[str, torch.Tensor],
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    by_fn: dict[int, list[str]] = {}
    by_leaf: dict[int, list[str]] = {}
    for name, tensor in tensors.items():
        if tensor.grad_fn is not None:
            by_fn.setdefault(id(tensor.grad_fn), []).append(name)
        elif tensor.requires_grad:
            by_leaf.setdefault(id(tensor), []).append(name)
    return by_fn, by_leaf


def capture(
    roots: Mapping[str, torch.Tensor], tensors: Mapping[str, torch.Tensor]
) -> tuple[Graph, dict[int, Any]]:
    """The graph behind ``roots``, named after ``tensors``; also the torch nodes by index.

    Keep the returned nodes only while hooks need them: they hold the graph alive.
    """
    by_fn, by_leaf = _names_by_node(tensors)
    index_of: dict[int, int] = {}
    torch_nodes: dict[int, Any] = {}
    nodes: list[GraphNode] = []
    edges: list[GraphEdge] = []
    root_indices: list[int] = []
    truncated = False

    def add(fn: Any) -> int:
        key = id(fn)
        if key in index_of:
            return index_of[key]
        index = len(nodes)
        index_of[key] = index
        torch_nodes[index] = fn
        variable = getattr(fn, "variable", None)
        if isinstance(variable, torch.Tensor):
            names = tuple(by_leaf.get(id(variable), ()))
            shape: tuple[int, ...] | None = tuple(variable.shape)
            value = numbers(variable)
            leaf = True
        else:
            names = tuple(by_fn.get(key, ()))
            shape = tuple(tensors[names[0]].shape) if names else None
            value = numbers(tensors[names[0]]) if names else None
            leaf = False
        nodes.append(GraphNode(index, type(fn).__name__, names, leaf, shape, value))
        return index

    pending: list[Any] = []
    for tensor in roots.values():
        if tensor.grad_fn is not None:
            root_indices.append(add(tensor.grad_fn))
            pending.append(tensor.grad_fn)
    seen: set[int] = set()
    while pending:
        fn = pending.pop()
        if id(fn) in seen:
            continue
        seen.add(id(fn))
        for slot, (child, _) in enumerate(fn.next_functions):
            if child is None:
                continue
            if len(nodes) >= MAX_NODES and id(child) not in index_of:
                truncated = True
                continue
            edges.append(GraphEdge(index_of[id(fn)], add(child), slot))
            pending.append(child)
    graph = Graph(tuple(nodes), tuple(edges), tuple(dict.fromkeys(root_indices)), truncated)
    return graph, torch_nodes


class BackwardRecorder:
    """Hooks on every node of a captured graph that record each backward step in order."""

    def __init__(self, torch_nodes: Mapping[int, Any]) -> None:
        self.steps: list[BackwardStep] = []
        self._handles = [fn.register_hook(self._hook(index)) for index, fn in torch_nodes.items()]

    def _hook(self, index: int) -> Any:
        def record(grad_inputs: tuple[Any, ...], grad_outputs: tuple[Any, ...]) -> None:
            self.steps.append(
                BackwardStep(
                    index,
                    tuple(
                        numbers(g) if isinstance(g, torch.Tensor) else None for g in grad_outputs
                    ),
                    tuple(numbers(g) if isinstance(g, torch.Tensor) else None for g in grad_inputs),
                )
            )

        return record

    def close(self) -> None:
        for handle in self._handles:
            handle.remove()
        self._handles = []
