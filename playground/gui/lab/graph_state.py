"""What each box of the graph says about gradients after a given number of backward steps.

Kept apart from the view so the rule is in one place and testable: a node
shows the gradient that reached it (``BackwardStep.grad_outputs``) once its
step has run, and after the last step every leaf also shows its ``.grad``
(``BackwardTrace.grads_after``), which differs from the arriving gradient
when gradients accumulate over several ``backward()`` calls.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from playground.core.lab.graph import BackwardStep, BackwardTrace, Graph, GraphNode
from playground.core.lab.values import Numbers, number_text
from playground.gui.lab.graph_layout import GraphLayout
from playground.gui.lab.value_text import SMALL_ELEMENTS, element_count, gradient_text, nested_shape


def _tr(text: str) -> str:
    return QCoreApplication.translate("LabGraph", text)


def labelled_lines(label: str, value: Numbers | None) -> tuple[str, ...]:
    """``label = numbers`` on one line, or a small matrix under its label one row per line."""
    if (
        isinstance(value, list)
        and value
        and isinstance(value[0], list)
        and element_count(nested_shape(value)) <= SMALL_ELEMENTS
    ):
        return (f"{label} =", *(number_text(row) for row in value))
    return (f"{label} = {gradient_text(value)}",)


def arriving_label(root: str, names: tuple[str, ...]) -> str:
    """``∂z/∂y`` for a named node, ``∂z/∂out`` for one the script did not name."""
    return f"∂{root}/∂{names[0] if len(names) == 1 else 'out'}"


def _arriving_lines(
    trace: BackwardTrace, names: tuple[str, ...], step: BackwardStep, where: str = ""
) -> tuple[str, ...]:
    label = arriving_label(trace.root, names) + where
    if len(step.grad_outputs) == 1:
        return labelled_lines(label, step.grad_outputs[0])
    lines: list[str] = []
    for position, grad in enumerate(step.grad_outputs):
        lines += labelled_lines(f"{label} [{position}]", grad)
    return tuple(lines)


def _chain_lines(
    trace: BackwardTrace,
    members: tuple[int, ...],
    step: BackwardStep,
    by_index: dict[int, GraphNode],
) -> tuple[str, ...]:
    """The arriving gradient at ``step``'s node, saying which link of a chain it is."""
    where = f" ({members.index(step.node) + 1}/{len(members)})" if len(members) > 1 else ""
    return _arriving_lines(trace, by_index[step.node].names, step, where)


def _leaf_lines(trace: BackwardTrace, names: tuple[str, ...]) -> tuple[str, ...]:
    lines: list[str] = []
    for name in names:
        if name in trace.grads_after:
            lines += labelled_lines(_tr("%1.grad").replace("%1", name), trace.grads_after[name])
    return tuple(lines)


def node_gradients(
    graph: Graph, layout: GraphLayout, trace: BackwardTrace | None, position: int | None
) -> dict[int, tuple[str, ...]]:
    """Gradient lines of each drawn node after ``position`` steps of ``trace``.

    ``position=None`` asks for the room each node needs: its lines after the
    last step, and for a chain the widest of its members' lines.
    """
    if trace is None:
        return {}
    by_index = {node.index: node for node in graph.nodes}
    steps = trace.steps
    done = steps if position is None else steps[: max(0, position)]
    finished = position is None or position >= len(steps)
    key_of = {member: drawn.key for drawn in layout.nodes for member in drawn.members}
    steps_at: dict[int, list[BackwardStep]] = {}
    for step in done:
        if step.node in key_of:
            steps_at.setdefault(key_of[step.node], []).append(step)
    lines: dict[int, tuple[str, ...]] = {}
    for drawn in layout.nodes:
        head = by_index[drawn.key]
        member_steps = steps_at.get(drawn.key, [])
        shown: tuple[str, ...] = ()
        if member_steps:
            options = [_chain_lines(trace, drawn.members, s, by_index) for s in member_steps]
            if position is None:
                shown = max(options, key=lambda o: (len(o), max(len(line) for line in o)))
            else:
                shown = options[-1]
        if finished and head.is_leaf:
            shown += _leaf_lines(trace, head.names)
        if shown:
            lines[drawn.key] = shown
    return lines
