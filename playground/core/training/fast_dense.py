"""A hand-written forward and backward pass for stacks of Linear layers and activations.

A playground network (2-8-8-1 on the spiral) has ~100 parameters: one step's
arithmetic takes microseconds, while autograd, the dispatcher and the modules'
Python calls take hundreds. For a model that is only ``Linear`` layers and
elementwise activations, trained with a loss listed here, :class:`DenseStack`
computes the loss and every parameter's gradient directly, with the very aten
kernels autograd itself would call (``addmm`` forward; ``mm``, ``sum`` and each
activation's own ``*_backward`` kernel backward; the loss's own backward
kernel), and no graph. The gradients land in ``.grad`` exactly as
``loss.backward()`` would leave them (new tensors, or added to the old ones
when gradients accumulate), so everything after backward is unchanged: the
gradient-norm views, clipping, the (fused) torch optimizer with its weight
decay, momentum or Adam state. Models or losses not listed here train with
autograd: :func:`plan_dense_stack` answers ``None`` for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import nn

aten = torch.ops.aten
Backward = Callable[[torch.Tensor, torch.Tensor, torch.Tensor], torch.Tensor]

# Each activation: (forward on the layer's input, backward from (grad, input, output)).
# The backward kernels are the ones autograd's derivative formulas call.
_ACTIVATIONS: dict[type[nn.Module], tuple[Callable[[torch.Tensor], torch.Tensor], Backward]] = {
    nn.ReLU: (torch.relu, lambda g, x, y: aten.threshold_backward(g, y, 0)),
    nn.Tanh: (torch.tanh, lambda g, x, y: aten.tanh_backward(g, y)),
    nn.Sigmoid: (torch.sigmoid, lambda g, x, y: aten.sigmoid_backward(g, y)),
    nn.Identity: (lambda x: x, lambda g, x, y: g),
}
MEAN = 1  # torch's reduction code for "mean"
SUPPORTED_LOSSES = ("cross-entropy", "mse", "bce-with-logits")


@dataclass(frozen=True)
class _Layer:
    weight: torch.Tensor | None  # None: an activation
    bias: torch.Tensor | None
    forward: Callable[[torch.Tensor], torch.Tensor] | None = None
    backward: Backward | None = None
    slope: float = 0.0  # LeakyReLU's negative slope


def _layer(module: nn.Module) -> _Layer | None:
    if type(module) is nn.Linear:
        return _Layer(module.weight, module.bias)
    if type(module) is nn.LeakyReLU:
        slope = float(module.negative_slope)
        return _Layer(
            None,
            None,
            lambda x: torch.nn.functional.leaky_relu(x, slope),
            lambda g, x, y: aten.leaky_relu_backward(g, x, slope, False),
            slope,
        )
    entry = _ACTIVATIONS.get(type(module))
    if entry is None:
        return None
    return _Layer(None, None, entry[0], entry[1])


def plan_dense_stack(
    model: nn.Sequential, loss: str, inputs: torch.Tensor, targets: torch.Tensor
) -> DenseStack | None:
    """The fast path for ``model`` trained with ``loss`` on these tensors, or ``None``.

    ``None`` whenever anything differs from what the hand-written pass does exactly:
    a layer kind not listed here, a frozen parameter, a hook on a module, inputs
    that are not one float32 row per sample, or targets not shaped as the loss
    takes them (a mismatch that autograd's loss would broadcast or refuse).
    """
    if loss not in SUPPORTED_LOSSES or inputs.dim() != 2 or inputs.dtype != torch.float32:
        return None
    layers: list[_Layer] = []
    for module in model:
        if module._forward_hooks or module._forward_pre_hooks or module._backward_hooks:
            return None
        layer = _layer(module)
        if layer is None:
            return None
        layers.append(layer)
    parameters = list(model.parameters())
    linear = [layer for layer in layers if layer.weight is not None]
    if not linear or any(p.dtype != torch.float32 or not p.requires_grad for p in parameters):
        return None
    outputs = linear[-1].weight.shape[0] if linear[-1].weight is not None else 0
    if not _targets_fit(loss, targets, outputs):
        return None
    return DenseStack(layers, loss)


def _targets_fit(loss: str, targets: torch.Tensor, outputs: int) -> bool:
    if loss == "cross-entropy":
        return targets.dim() == 1 and targets.dtype == torch.int64 and outputs >= 1
    return targets.dtype == torch.float32 and tuple(targets.shape[1:]) == (outputs,)


class DenseStack:
    """One training step's loss and gradients of a dense stack, without autograd."""

    def __init__(self, layers: list[_Layer], loss: str) -> None:
        self._layers = layers
        self._loss = loss

    def step(self, inputs: torch.Tensor, targets: torch.Tensor, accumulate: bool) -> torch.Tensor:
        """The batch's mean loss (detached); every parameter's ``.grad`` as backward leaves it.

        ``accumulate``: add to the existing gradients (the course's "forgot
        ``zero_grad``" lesson) instead of replacing them.
        """
        with torch.no_grad():
            values = [inputs]  # the input of every layer, then the model's output
            for layer in self._layers:
                x = values[-1]
                if layer.weight is not None:
                    weight_t = layer.weight.t()
                    y = (
                        x.mm(weight_t)
                        if layer.bias is None
                        else torch.addmm(layer.bias, x, weight_t)
                    )
                else:
                    assert layer.forward is not None
                    y = layer.forward(x)
                values.append(y)
            loss, grad = self._loss_and_gradient(values[-1], targets)
            for index in range(len(self._layers) - 1, -1, -1):
                layer = self._layers[index]
                x, y = values[index], values[index + 1]
                if layer.weight is None:
                    assert layer.backward is not None
                    grad = layer.backward(grad, x, y)
                    continue
                _store(layer.weight, grad.t().mm(x), accumulate)
                if layer.bias is not None:
                    _store(layer.bias, grad.sum(0), accumulate)
                if index > 0:
                    grad = grad.mm(layer.weight)
        return loss

    def _loss_and_gradient(
        self, outputs: torch.Tensor, targets: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """The loss and its gradient with respect to ``outputs`` (the loss kernels' own pair)."""
        one = torch.ones((), dtype=outputs.dtype, device=outputs.device)
        if self._loss == "cross-entropy":
            log_p = torch.log_softmax(outputs, 1)
            loss, total = aten.nll_loss_forward(log_p, targets, None, MEAN, -100)
            grad = aten.nll_loss_backward(one, log_p, targets, None, MEAN, -100, total)
            return loss, aten._log_softmax_backward_data(grad, log_p, 1, outputs.dtype)
        if self._loss == "mse":
            loss = aten.mse_loss(outputs, targets, MEAN)
            return loss, aten.mse_loss_backward(one, outputs, targets, MEAN)
        loss = aten.binary_cross_entropy_with_logits(outputs, targets, None, None, MEAN)
        # The derivative formula autograd uses for this loss: (sigmoid(x) - t) / N.
        grad = (torch.sigmoid(outputs) - targets).div_(outputs.numel())
        return loss, grad


def _store(parameter: torch.Tensor, gradient: torch.Tensor, accumulate: bool) -> None:
    if accumulate and parameter.grad is not None:
        parameter.grad.add_(gradient)
    else:
        parameter.grad = gradient
