"""Tensor numbers as the lab window shows them: digits for small tensors, a shape for big ones.

The numbers come from the core's views (read from torch with ``tolist()``) and
are only turned into text here, with the core's :func:`number_text`, so the
window, the CLI and the tests all show the same digits. Nothing is computed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from playground.core.lab.values import Numbers, number_text

#: Tensors with more numbers than this are shown by their shape alone.
SMALL_ELEMENTS = 16


def element_count(shape: Sequence[int] | None) -> int:
    count = 1
    for size in shape or ():
        count *= size
    return count


def shape_text(shape: Sequence[int]) -> str:
    """``shape 2×3`` (``shape ()`` for a single number), worded for translation."""
    dims = "×".join(str(s) for s in shape) if shape else "()"
    return QCoreApplication.translate("LabValues", "shape %1").replace("%1", dims)


def value_text(value: Numbers | None, shape: Sequence[int] | None) -> str:
    """One line: the numbers of a small tensor, otherwise its shape."""
    if value is None or element_count(shape) > SMALL_ELEMENTS:
        return shape_text(shape) if shape is not None else "None"
    return number_text(value)


def value_lines(value: Numbers | None, shape: Sequence[int] | None) -> list[str]:
    """Lines for a graph node: a matrix one row per line, with its shape above it."""
    if shape is None:
        return []
    if value is None or element_count(shape) > SMALL_ELEMENTS:
        return [shape_text(shape)]
    if isinstance(value, list) and value and isinstance(value[0], list):
        return [shape_text(shape), *(number_text(row) for row in value)]
    if isinstance(value, list):
        return [shape_text(shape), number_text(value)]
    return [number_text(value)]


def nested_shape(value: Numbers) -> tuple[int, ...]:
    """The shape of nested lists of numbers (``[[1, 2], [3, 4]]`` has shape 2×2)."""
    shape: list[int] = []
    while isinstance(value, list):
        shape.append(len(value))
        if not value:
            break
        value = value[0]
    return tuple(shape)


def gradient_text(value: Numbers | None) -> str:
    """A gradient torch passed on: its numbers when small, its shape when large."""
    if value is None:
        return QCoreApplication.translate("LabValues", "too large to show")
    shape = nested_shape(value)
    if element_count(shape) > SMALL_ELEMENTS:
        return shape_text(shape)
    return number_text(value)
