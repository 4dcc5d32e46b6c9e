"""Plain-data views of the tensors a lab script made: what the CLI prints and the GUI draws.

Every number here is read straight from torch (``Tensor.tolist()``), so a view
shows exactly what plain PyTorch computed; only the text form rounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

#: Tensors larger than this are described by their shape alone in views and JSON.
MAX_VIEW_ELEMENTS = 10_000

Numbers = float | int | bool | list[Any]


def numbers(tensor: torch.Tensor | None) -> Numbers | None:
    """A tensor as a number (0-d) or nested lists of numbers; ``None`` stays ``None``."""
    if tensor is None:
        return None
    if tensor.numel() > MAX_VIEW_ELEMENTS:
        return None
    value: Numbers = tensor.detach().cpu().tolist()
    return value


def number_text(value: Numbers | None, float32: bool = True) -> str:
    """Numbers as short text: the shortest digits that give the same float32 back."""
    if value is None:
        return "None"
    if isinstance(value, list):
        return "[" + ", ".join(number_text(v, float32) for v in value) + "]"
    if isinstance(value, int):  # bool is an int too
        return str(value)
    return str(np.float32(value)) if float32 else repr(value)


@dataclass(frozen=True)
class TensorView:
    """One named tensor after the script ran."""

    name: str
    shape: tuple[int, ...]
    dtype: str
    device: str
    value: Numbers | None
    requires_grad: bool
    is_leaf: bool
    grad_fn: str | None
    grad: Numbers | None

    @classmethod
    def of(cls, name: str, tensor: torch.Tensor) -> TensorView:
        grad = tensor.grad if (tensor.is_leaf or tensor.retains_grad) else None
        return cls(
            name=name,
            shape=tuple(tensor.shape),
            dtype=str(tensor.dtype).removeprefix("torch."),
            device=str(tensor.device),
            value=numbers(tensor),
            requires_grad=tensor.requires_grad,
            is_leaf=tensor.is_leaf,
            grad_fn=None if tensor.grad_fn is None else type(tensor.grad_fn).__name__,
            grad=numbers(grad),
        )

    def to_json(self) -> dict[str, Any]:
        """``{"value": ..., "grad": ...}`` as ``playground lab --json`` prints it."""
        return {"value": self.value, "grad": self.grad}
