"""Shape rules and module factories of the layer kinds, one pair of functions per kind.

Each ``*_infer`` function maps an input shape (batch excluded) and the layer's
parameters to the output shape, or raises :class:`ShapeError` with a
:class:`~playground.core.problems.Problem` that says what is wrong (the caller
adds which layer); each ``*_build`` makes the torch module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from torch import nn

from playground.core.errors import ProblemError
from playground.core.messages import describe_shape
from playground.core.problems import Problem

__all__ = ["ShapeError", "describe_shape"]

Shape = tuple[int, ...]
ParamValue = bool | int | float | str
Params = Mapping[str, ParamValue]


class ShapeError(ProblemError):
    """A layer cannot accept the shape it is given; ``problems`` holds the one reason."""


def _int(params: Params, name: str) -> int:
    return int(params[name])


def _need_flat(kind: str, shape: Shape) -> None:
    if len(shape) != 1:
        raise ShapeError(Problem("layer.needs_flat", {"kind": kind, "shape": shape}))


def _need_image(kind: str, shape: Shape) -> None:
    if len(shape) != 3:
        raise ShapeError(Problem("layer.needs_image", {"kind": kind, "shape": shape}))


def same_shape(shape: Shape, params: Params) -> Shape:
    return shape


# ---- dense ----------------------------------------------------------------------


def linear_infer(shape: Shape, params: Params) -> Shape:
    _need_flat("Linear", shape)
    return (_int(params, "out_features"),)


def linear_build(shape: Shape, params: Params) -> nn.Module:
    return nn.Linear(shape[0], _int(params, "out_features"), bias=bool(params["bias"]))


# ---- convolution and pooling ----------------------------------------------------


def _window_out(size: int, kernel: int, stride: int, padding: int) -> int:
    return (size + 2 * padding - kernel) // stride + 1


def _check_window(kind: str, shape: Shape, kernel: int, padding: int) -> None:
    _, height, width = shape
    if kernel > height + 2 * padding or kernel > width + 2 * padding:
        values = {"kernel": kernel, "height": height, "width": width, "padding": padding}
        raise ShapeError(Problem("layer.kernel_too_large", values))
    if padding * 2 > kernel:
        values = {"padding": padding, "kernel": kernel, "most": kernel // 2}
        raise ShapeError(Problem("layer.padding_too_large", values))


def conv_infer(shape: Shape, params: Params) -> Shape:
    _need_image("Conv2d", shape)
    kernel, stride, padding = (_int(params, n) for n in ("kernel_size", "stride", "padding"))
    _check_window("Conv2d", shape, kernel, padding)
    _, height, width = shape
    return (
        _int(params, "out_channels"),
        _window_out(height, kernel, stride, padding),
        _window_out(width, kernel, stride, padding),
    )


def conv_build(shape: Shape, params: Params) -> nn.Module:
    return nn.Conv2d(
        shape[0],
        _int(params, "out_channels"),
        kernel_size=_int(params, "kernel_size"),
        stride=_int(params, "stride"),
        padding=_int(params, "padding"),
        bias=bool(params["bias"]),
    )


def pool_infer(kind: str) -> Callable[[Shape, Params], Shape]:
    def infer(shape: Shape, params: Params) -> Shape:
        _need_image(kind, shape)
        kernel = _int(params, "kernel_size")
        stride = _int(params, "stride") or kernel
        padding = _int(params, "padding")
        _check_window(kind, shape, kernel, padding)
        channels, height, width = shape
        return (
            channels,
            _window_out(height, kernel, stride, padding),
            _window_out(width, kernel, stride, padding),
        )

    return infer


def max_pool_build(shape: Shape, params: Params) -> nn.Module:
    kernel = _int(params, "kernel_size")
    return nn.MaxPool2d(
        kernel, stride=_int(params, "stride") or kernel, padding=_int(params, "padding")
    )


def avg_pool_build(shape: Shape, params: Params) -> nn.Module:
    kernel = _int(params, "kernel_size")
    return nn.AvgPool2d(
        kernel, stride=_int(params, "stride") or kernel, padding=_int(params, "padding")
    )


# ---- reshape, regularisation, normalisation --------------------------------------


def flatten_infer(shape: Shape, params: Params) -> Shape:
    total = 1
    for size in shape:
        total *= size
    return (total,)


def batchnorm1d_infer(shape: Shape, params: Params) -> Shape:
    _need_flat("BatchNorm1d", shape)
    return shape


def batchnorm2d_infer(shape: Shape, params: Params) -> Shape:
    _need_image("BatchNorm2d", shape)
    return shape
