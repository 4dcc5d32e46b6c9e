"""A hand-written forward and backward pass for plain stacks of dense and image layers.

A playground network (2-8-8-1 on the spiral, two tiny convolutions on 8×8
digits) does microseconds of arithmetic per step, while autograd, the
dispatcher and the modules' Python calls take hundreds. For a model made only
of the layers :mod:`~playground.core.training.fast_layers` and
:mod:`~playground.core.training.fast_conv` cover (``Linear``, elementwise
activations, ``Conv2d``, ``MaxPool2d``, ``Flatten``), trained with a loss
listed here, :class:`DenseStack` computes the loss and every parameter's
gradient directly, with the very aten kernels autograd itself would call, and
no graph. The gradients land in ``.grad`` exactly as ``loss.backward()`` would
leave them (new tensors, or added to the old ones when gradients accumulate),
so everything after backward is unchanged: the gradient-norm views, clipping,
the (fused) torch optimizer with its weight decay, momentum or Adam state.
Models or losses not listed here train with autograd: :func:`plan_dense_stack`
answers ``None`` for them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import torch
from torch import nn

from playground.core.training.fast_conv import image_layer
from playground.core.training.fast_layers import FastLayer, dense_layer

aten = torch.ops.aten
MEAN = 1  # torch's reduction code for "mean"
SUPPORTED_LOSSES = ("cross-entropy", "mse", "bce-with-logits")


def plan_dense_stack(
    model: nn.Sequential, loss: str, inputs: torch.Tensor, targets: torch.Tensor
) -> DenseStack | None:
    """The fast path for ``model`` trained with ``loss`` on these tensors, or ``None``.

    ``None`` whenever anything differs from what the hand-written pass does exactly:
    a layer kind not listed here, a frozen parameter, a hook on a module, inputs
    that are not float32 or not shaped as each layer's kernel takes them (a dense
    layer gets one row per sample, an image layer a batch of images), or targets
    not shaped as the loss takes them (a mismatch that autograd's loss would
    broadcast or refuse).
    """
    if loss not in SUPPORTED_LOSSES or inputs.dtype != torch.float32:
        return None
    layers: list[FastLayer] = []
    dims = inputs.dim()
    for module in model:
        if module._forward_hooks or module._forward_pre_hooks or module._backward_hooks:
            return None
        layer = dense_layer(module) or image_layer(module)
        if layer is None or layer.takes not in (None, dims):
            return None
        dims = layer.gives or dims
        layers.append(layer)
    parameters = list(model.parameters())
    if not parameters or any(p.dtype != torch.float32 or not p.requires_grad for p in parameters):
        return None
    last = next((m for m in reversed(model) if type(m) in (nn.Linear, nn.Conv2d)), None)
    if dims != 2 or type(last) is not nn.Linear:
        return None
    if not _targets_fit(loss, targets, last.out_features):
        return None
    return DenseStack(layers, loss)


def _targets_fit(loss: str, targets: torch.Tensor, outputs: int) -> bool:
    if loss == "cross-entropy":
        return targets.dim() == 1 and targets.dtype == torch.int64 and outputs >= 1
    return targets.dtype == torch.float32 and tuple(targets.shape[1:]) == (outputs,)


class DenseStack:
    """One training step's loss and gradients of a plain layer stack, without autograd."""

    def __init__(self, layers: list[FastLayer], loss: str) -> None:
        self._layers = layers
        self._loss = loss

    def step(self, inputs: torch.Tensor, targets: torch.Tensor, accumulate: bool) -> torch.Tensor:
        """The batch's mean loss (detached); every parameter's ``.grad`` as backward leaves it.

        ``accumulate``: add to the existing gradients (the course's "forgot
        ``zero_grad``" lesson) instead of replacing them.
        """
        with torch.no_grad():
            values = [inputs]  # the input of every layer, then the model's output
            saved: list[torch.Tensor | None] = []
            for layer in self._layers:
                y, kept = layer.forward(values[-1])
                values.append(y)
                saved.append(kept)
            loss, grad = self._loss_and_gradient(values[-1], targets)
            for index in range(len(self._layers) - 1, -1, -1):
                layer = self._layers[index]
                x, y = values[index], values[index + 1]
                result = layer.backward(grad, x, y, saved[index], accumulate, index > 0)
                if result is None:
                    break  # the first layer: the inputs need no gradient
                grad = result
        return loss

    def predict(
        self, inputs: torch.Tensor, watch: Mapping[int, Callable[[torch.Tensor], None]]
    ) -> torch.Tensor:
        """The model's outputs, the very values its own forward gives, for evaluation;
        ``watch`` maps a layer's index to a callable that sees the layer's output."""
        with torch.no_grad():
            for index, layer in enumerate(self._layers):
                inputs = layer.predict(inputs)
                watcher = watch.get(index)
                if watcher is not None:
                    watcher(inputs)
        return inputs

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
