"""The image layers of the hand-written training pass: ``Conv2d``, ``MaxPool2d``, ``Flatten``.

On the playground's 8×8 digits a convolution step spends most of its time in
autograd's bookkeeping around tiny kernels (graph nodes, saved tensors,
gradient accumulation, ``zero_grad``). These layers call the kernels directly:
``aten.convolution`` forward (the op ``F.conv2d`` reaches) and
``aten.convolution_backward`` with the output mask autograd would pass,
``max_pool2d_with_indices`` and its backward (what ``F.max_pool2d`` runs when
gradients are wanted), and a view for ``Flatten``. The gradients are bit for bit
those of ``loss.backward()``, so the exported script, which trains the same
modules with autograd, reproduces the app's runs. Anything these layers do not
cover exactly (string padding, padding modes other than zeros, unbatched
inputs, ``Flatten`` of other dimensions) falls back to autograd.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn.modules.utils import _pair

from playground.core.training.fast_layers import FastLayer, store

aten = torch.ops.aten
CHANNELS_LAST_FROM = 8  # channels from which training pools in the channels-last layout


class Conv2d:
    """``nn.Conv2d`` with zero padding given as numbers, on a batch of images."""

    takes: int | None = 4
    gives: int | None = 4

    def __init__(self, module: nn.Conv2d) -> None:
        self.weight = module.weight
        self.bias = module.bias
        self._stride = list(module.stride)
        self._padding = [int(p) for p in module.padding]
        self._dilation = list(module.dilation)
        self._groups = module.groups

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        y = aten.convolution(
            x, self.weight, self.bias, self._stride, self._padding, self._dilation,
            False, [0, 0], self._groups,
        )  # fmt: skip
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
        bias_sizes = None if self.bias is None else list(self.bias.shape)
        mask = [input_grad, True, self.bias is not None]
        grad_x, grad_w, grad_b = aten.convolution_backward(
            grad, x, self.weight, bias_sizes, self._stride, self._padding, self._dilation,
            False, [0, 0], self._groups, mask,
        )  # fmt: skip
        store(self.weight, grad_w, accumulate)
        if self.bias is not None:
            store(self.bias, grad_b, accumulate)
        return grad_x if input_grad else None


class MaxPool2d:
    """``nn.MaxPool2d`` (without returned indices): the indices kernel and its backward."""

    takes: int | None = 4
    gives: int | None = 4

    def __init__(self, module: nn.MaxPool2d) -> None:
        self._kernel = list(_pair(module.kernel_size))
        stride = module.stride if module.stride is not None else module.kernel_size
        self._stride = list(_pair(stride))
        self._padding = list(_pair(module.padding))
        self._dilation = list(_pair(module.dilation))
        self._ceil = bool(module.ceil_mode)
        # Windows side by side (stride = kernel, no padding, dilation or ceil): evaluation
        # takes the maximum of the windows' k×k strided views, measured ~7× faster than
        # torch's CPU pooling kernel on the digits (5.3 ms → 0.7 ms for 1,438 images).
        # A maximum is exact, and NaN wins in both, so the values are the same.
        self._tiled = (
            self._stride == self._kernel
            and self._padding == [0, 0]
            and self._dilation == [1, 1]
            and not self._ceil
        )

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        # torch's channels-last pooling kernel is faster from 8 channels on (1-thread CPU,
        # batch 32: 8×8×8 75 → 47 µs, 32×14×14 982 → 279 µs, copies included; 1 channel
        # 18 → 24 µs). It picks the same maxima and indices (the first of equal values);
        # output and indices are copied back to the layout the rest of the pass uses.
        channels_last = x.shape[1] >= CHANNELS_LAST_FROM
        source = x.contiguous(memory_format=torch.channels_last) if channels_last else x
        y, indices = aten.max_pool2d_with_indices(
            source, self._kernel, self._stride, self._padding, self._dilation, self._ceil
        )
        if channels_last:
            y, indices = y.contiguous(), indices.contiguous()
        return y, indices

    def predict(self, x: torch.Tensor) -> torch.Tensor:
        (kh, kw), (height, width) = self._kernel, x.shape[-2:]
        rows, columns = height // kh * kh, width // kw * kw
        if not self._tiled or rows == 0 or columns == 0:  # (too small: the kernel's own error)
            pooled: torch.Tensor = aten.max_pool2d(
                x, self._kernel, self._stride, self._padding, self._dilation, self._ceil
            )
            return pooled
        result: torch.Tensor | None = None
        for i in range(kh):
            for j in range(kw):
                window = x[:, :, i:rows:kh, j:columns:kw]
                result = window if result is None else torch.maximum(result, window)
        assert result is not None
        return result.contiguous()

    def backward(
        self,
        grad: torch.Tensor,
        x: torch.Tensor,
        y: torch.Tensor,
        saved: torch.Tensor | None,
        accumulate: bool,
        input_grad: bool,
    ) -> torch.Tensor | None:
        if not input_grad:
            return None
        grad_x: torch.Tensor = aten.max_pool2d_with_indices_backward(
            grad, x, self._kernel, self._stride, self._padding, self._dilation, self._ceil, saved
        )
        return grad_x


class Flatten:
    """``nn.Flatten()`` of everything after the batch dimension: a view, and back."""

    takes: int | None = None
    gives: int | None = 2

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        return x.flatten(1), None

    def predict(self, x: torch.Tensor) -> torch.Tensor:
        return x.flatten(1)

    def backward(
        self,
        grad: torch.Tensor,
        x: torch.Tensor,
        y: torch.Tensor,
        saved: torch.Tensor | None,
        accumulate: bool,
        input_grad: bool,
    ) -> torch.Tensor | None:
        return grad.reshape(x.shape) if input_grad else None


def image_layer(module: nn.Module) -> FastLayer | None:
    """The pass's layer for an image module, or None when the pass does not cover it exactly."""
    if type(module) is nn.Conv2d:
        if module.padding_mode != "zeros" or isinstance(module.padding, str):
            return None
        return Conv2d(module)
    if type(module) is nn.MaxPool2d:
        return None if module.return_indices else MaxPool2d(module)
    if type(module) is nn.Flatten:
        return Flatten() if (module.start_dim, module.end_dim) == (1, -1) else None
    return None
