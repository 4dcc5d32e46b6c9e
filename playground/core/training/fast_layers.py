"""The layers of the hand-written training pass: each one's forward and backward kernels.

:mod:`~playground.core.training.fast_dense` runs a model's layers one after the
other without autograd. Each layer here computes its output with the aten kernel
the module's own ``forward`` reaches, and its gradients with the kernel
autograd's derivative formula for that op calls, so the pass leaves bit for bit
the gradients ``loss.backward()`` leaves. This module holds the dense layers
(``Linear`` and elementwise activations) and what every layer shares;
:mod:`~playground.core.training.fast_conv` holds the image layers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import torch
from torch import nn

aten = torch.ops.aten
Backward = Callable[[torch.Tensor, torch.Tensor, torch.Tensor], torch.Tensor]


class FastLayer(Protocol):
    """One layer of the pass: what it takes, its forward and its backward."""

    # The number of dimensions its input must have (None: any) and its output has
    # (None: the input's); the plan checks the whole chain before using the pass.
    takes: int | None
    gives: int | None

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        """The output, and what backward needs besides input and output (or None)."""
        ...

    def predict(self, x: torch.Tensor) -> torch.Tensor:
        """The output alone, for evaluation without gradients (the very same values)."""
        ...

    def backward(
        self,
        grad: torch.Tensor,
        x: torch.Tensor,
        y: torch.Tensor,
        saved: torch.Tensor | None,
        accumulate: bool,
        input_grad: bool,
    ) -> torch.Tensor | None:
        """Store the parameters' gradients; return the input's (None when not wanted)."""
        ...


def store(parameter: torch.Tensor, gradient: torch.Tensor, accumulate: bool) -> None:
    """Leave ``gradient`` in ``parameter.grad`` as backward does (added to it when accumulating)."""
    if accumulate and parameter.grad is not None:
        parameter.grad.add_(gradient)
    else:
        parameter.grad = gradient


class Linear:
    """``nn.Linear`` on one row per sample: ``addmm`` forward, ``mm`` and ``sum`` backward."""

    takes: int | None = 2
    gives: int | None = 2

    def __init__(self, module: nn.Linear) -> None:
        self.weight = module.weight
        self.bias = module.bias

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        weight_t = self.weight.t()
        y = x.mm(weight_t) if self.bias is None else torch.addmm(self.bias, x, weight_t)
        return y, None

    def predict(self, x: torch.Tensor) -> torch.Tensor:
        return self.forward(x)[0]

    def backward(
        self,
        grad: torch.Tensor,
        x: torch.Tensor,
        y: torch.Tensor,
        saved: torch.Tensor | None,
        accumulate: bool,
        input_grad: bool,
    ) -> torch.Tensor | None:
        store(self.weight, grad.t().mm(x), accumulate)
        if self.bias is not None:
            store(self.bias, grad.sum(0), accumulate)
        return grad.mm(self.weight) if input_grad else None


class Activation:
    """An elementwise activation: its forward and its own ``*_backward`` kernel."""

    takes: int | None = None
    gives: int | None = None

    def __init__(self, forward: Callable[[torch.Tensor], torch.Tensor], backward: Backward) -> None:
        self._forward = forward
        self._backward = backward

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        return self._forward(x), None

    def predict(self, x: torch.Tensor) -> torch.Tensor:
        return self._forward(x)

    def backward(
        self,
        grad: torch.Tensor,
        x: torch.Tensor,
        y: torch.Tensor,
        saved: torch.Tensor | None,
        accumulate: bool,
        input_grad: bool,
    ) -> torch.Tensor | None:
        return self._backward(grad, x, y)


# Each activation: (forward on the layer's input, backward from (grad, input, output)).
# The backward kernels are the ones autograd's derivative formulas call.
_ACTIVATIONS: dict[type[nn.Module], tuple[Callable[[torch.Tensor], torch.Tensor], Backward]] = {
    nn.ReLU: (torch.relu, lambda g, x, y: aten.threshold_backward(g, y, 0)),
    nn.Tanh: (torch.tanh, lambda g, x, y: aten.tanh_backward(g, y)),
    nn.Sigmoid: (torch.sigmoid, lambda g, x, y: aten.sigmoid_backward(g, y)),
    nn.Identity: (lambda x: x, lambda g, x, y: g),
}


def dense_layer(module: nn.Module) -> FastLayer | None:
    """The pass's layer for a dense-stack module, or None when it has none."""
    if type(module) is nn.Linear:
        return Linear(module)
    if type(module) is nn.LeakyReLU:
        slope = float(module.negative_slope)
        return Activation(
            lambda x: torch.nn.functional.leaky_relu(x, slope),
            lambda g, x, y: aten.leaky_relu_backward(g, x, slope, False),
        )
    entry = _ACTIVATIONS.get(type(module))
    return None if entry is None else Activation(*entry)
