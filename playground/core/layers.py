"""The layer catalogue: every layer kind a user can add, its parameters and its shape rule.

Each :class:`LayerKind` declares its parameters (type, default, range and a
one-line help text used for tooltips), how its output shape follows from its
input shape, and how to build the torch module. Input sizes are always
inferred from the previous layer; the user never types them.

Shapes exclude the batch dimension: ``(features,)`` or ``(channels, height, width)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from torch import nn

Shape = tuple[int, ...]
ParamValue = bool | int | float | str
Params = Mapping[str, ParamValue]
Category = Literal["dense", "convolution", "pooling", "normalization", "activation", "reshape"]


class ShapeError(ValueError):
    """A layer cannot accept the shape it is given; the message says why in words."""


@dataclass(frozen=True)
class ParamDef:
    """One user-editable parameter of a layer kind."""

    name: str
    type: type[bool] | type[int] | type[float]
    default: ParamValue
    help: str
    minimum: float | None = None
    maximum: float | None = None
    label: str = ""

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ")


@dataclass(frozen=True)
class LayerKind:
    """A kind of layer: documentation, parameters, shape rule and module factory."""

    name: str
    category: Category
    help: str
    params: tuple[ParamDef, ...]
    infer: Callable[[Shape, Params], Shape]
    build: Callable[[Shape, Params], nn.Module]
    has_weights: bool = False
    tags: frozenset[str] = field(default_factory=frozenset)

    def param(self, name: str) -> ParamDef:
        for definition in self.params:
            if definition.name == name:
                return definition
        raise KeyError(name)

    def defaults(self) -> dict[str, ParamValue]:
        return {p.name: p.default for p in self.params}

    def resolve(self, params: Params) -> dict[str, ParamValue]:
        """The full parameter set: defaults overlaid with the given values."""
        values = self.defaults()
        values.update(params)
        return values


def _shape_text(shape: Shape) -> str:
    return "×".join(str(s) for s in shape)


def describe_shape(shape: Shape) -> str:
    """A shape in words, e.g. ``64 features`` or ``8×4×4 (channels×height×width)``."""
    if len(shape) == 1:
        return f"{shape[0]} feature{'s' if shape[0] != 1 else ''}"
    if len(shape) == 3:
        return f"{_shape_text(shape)} (channels×height×width)"
    return _shape_text(shape)


def _int(params: Params, name: str) -> int:
    return int(params[name])


def _need_flat(kind: str, shape: Shape) -> None:
    if len(shape) != 1:
        raise ShapeError(
            f"{kind} needs flat features, but its input is an image of "
            f"{describe_shape(shape)}; add a Flatten layer before it"
        )


def _need_image(kind: str, shape: Shape) -> None:
    if len(shape) != 3:
        raise ShapeError(
            f"{kind} needs image input (channels×height×width), but its input is "
            f"{describe_shape(shape)}; use image data (digits as 1×8×8 images) "
            "or place it before any Flatten"
        )


def _same_shape(shape: Shape, params: Params) -> Shape:
    return shape


# ---- dense ----------------------------------------------------------------------


def _linear_infer(shape: Shape, params: Params) -> Shape:
    _need_flat("Linear", shape)
    return (_int(params, "out_features"),)


def _linear_build(shape: Shape, params: Params) -> nn.Module:
    return nn.Linear(shape[0], _int(params, "out_features"), bias=bool(params["bias"]))


# ---- convolution and pooling ----------------------------------------------------


def _window_out(size: int, kernel: int, stride: int, padding: int) -> int:
    return (size + 2 * padding - kernel) // stride + 1


def _check_window(kind: str, shape: Shape, kernel: int, padding: int) -> None:
    _, height, width = shape
    if kernel > height + 2 * padding or kernel > width + 2 * padding:
        padded = f" (with padding {padding})" if padding else ""
        raise ShapeError(
            f"kernel {kernel} is larger than its {height}×{width} input{padded}; "
            "use a smaller kernel, more padding, or fewer pooling layers before it"
        )
    if padding * 2 > kernel:
        raise ShapeError(
            f"padding {padding} is more than half the kernel {kernel}; use padding ≤ {kernel // 2}"
        )


def _conv_infer(shape: Shape, params: Params) -> Shape:
    _need_image("Conv2d", shape)
    kernel, stride, padding = (_int(params, n) for n in ("kernel_size", "stride", "padding"))
    _check_window("Conv2d", shape, kernel, padding)
    _, height, width = shape
    return (
        _int(params, "out_channels"),
        _window_out(height, kernel, stride, padding),
        _window_out(width, kernel, stride, padding),
    )


def _conv_build(shape: Shape, params: Params) -> nn.Module:
    return nn.Conv2d(
        shape[0],
        _int(params, "out_channels"),
        kernel_size=_int(params, "kernel_size"),
        stride=_int(params, "stride"),
        padding=_int(params, "padding"),
        bias=bool(params["bias"]),
    )


def _pool_infer(kind: str) -> Callable[[Shape, Params], Shape]:
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


def _max_pool_build(shape: Shape, params: Params) -> nn.Module:
    kernel = _int(params, "kernel_size")
    return nn.MaxPool2d(
        kernel, stride=_int(params, "stride") or kernel, padding=_int(params, "padding")
    )


def _avg_pool_build(shape: Shape, params: Params) -> nn.Module:
    kernel = _int(params, "kernel_size")
    return nn.AvgPool2d(
        kernel, stride=_int(params, "stride") or kernel, padding=_int(params, "padding")
    )


# ---- reshape, regularisation, normalisation --------------------------------------


def _flatten_infer(shape: Shape, params: Params) -> Shape:
    total = 1
    for size in shape:
        total *= size
    return (total,)


def _batchnorm1d_infer(shape: Shape, params: Params) -> Shape:
    _need_flat("BatchNorm1d", shape)
    return shape


def _batchnorm2d_infer(shape: Shape, params: Params) -> Shape:
    _need_image("BatchNorm2d", shape)
    return shape


# ---- parameter definitions shared by several kinds -------------------------------

_BIAS = ParamDef("bias", bool, True, "Learn an additive bias for every output.")
_KERNEL = ParamDef("kernel_size", int, 2, "Side of the square window.", 1, 15, "kernel")
_POOL_STRIDE = ParamDef(
    "stride", int, 0, "Step between windows; 0 means the same as the kernel.", 0, 15
)
_PADDING = ParamDef("padding", int, 0, "Zeros added around the image on every side.", 0, 7)
_MOMENTUM = ParamDef(
    "momentum", float, 0.1, "How fast the running statistics follow each batch.", 0.0, 1.0
)
_EPS = ParamDef("eps", float, 1e-5, "Small number added to the variance for stability.", 1e-12, 1.0)


def _activation(
    name: str,
    help_text: str,
    factory: Callable[[Params], nn.Module],
    params: tuple[ParamDef, ...] = (),
) -> LayerKind:
    return LayerKind(
        name=name,
        category="activation",
        help=help_text,
        params=params,
        infer=_same_shape,
        build=lambda shape, p: factory(p),
    )


_KINDS: tuple[LayerKind, ...] = (
    LayerKind(
        name="Linear",
        category="dense",
        help="Fully connected layer: every output is a weighted sum of all inputs plus a bias.",
        params=(
            ParamDef(
                "out_features",
                int,
                8,
                "Number of neurons (outputs) of this layer.",
                1,
                4096,
                "neurons",
            ),
            _BIAS,
        ),
        infer=_linear_infer,
        build=_linear_build,
        has_weights=True,
    ),
    LayerKind(
        name="Conv2d",
        category="convolution",
        help="2-D convolution: slides small learned filters over an image.",
        params=(
            ParamDef(
                "out_channels", int, 8, "Number of filters (output channels).", 1, 512, "filters"
            ),
            ParamDef("kernel_size", int, 3, "Side of each square filter.", 1, 15, "kernel"),
            ParamDef("stride", int, 1, "Step between filter positions.", 1, 15),
            _PADDING,
            _BIAS,
        ),
        infer=_conv_infer,
        build=_conv_build,
        has_weights=True,
    ),
    LayerKind(
        name="MaxPool2d",
        category="pooling",
        help="Keeps the largest value of each window: shrinks the image, keeps strong features.",
        params=(_KERNEL, _POOL_STRIDE, _PADDING),
        infer=_pool_infer("MaxPool2d"),
        build=_max_pool_build,
    ),
    LayerKind(
        name="AvgPool2d",
        category="pooling",
        help="Averages each window: shrinks the image smoothly.",
        params=(_KERNEL, _POOL_STRIDE, _PADDING),
        infer=_pool_infer("AvgPool2d"),
        build=_avg_pool_build,
    ),
    LayerKind(
        name="Flatten",
        category="reshape",
        help="Turns an image (channels×height×width) into one flat list of features.",
        params=(),
        infer=_flatten_infer,
        build=lambda shape, p: nn.Flatten(),
    ),
    LayerKind(
        name="Dropout",
        category="normalization",
        help="During training, zeroes a random share of values so the network cannot rely on any one.",
        params=(
            ParamDef(
                "p",
                float,
                0.2,
                "Share of values set to zero while training.",
                0.0,
                0.95,
                "drop rate",
            ),
        ),
        infer=_same_shape,
        build=lambda shape, p: nn.Dropout(float(p["p"])),
    ),
    LayerKind(
        name="BatchNorm1d",
        category="normalization",
        help="Normalises every feature over the batch, then scales and shifts it (learned).",
        params=(_MOMENTUM, _EPS),
        infer=_batchnorm1d_infer,
        build=lambda shape, p: nn.BatchNorm1d(
            shape[0], eps=float(p["eps"]), momentum=float(p["momentum"])
        ),
        has_weights=True,
    ),
    LayerKind(
        name="BatchNorm2d",
        category="normalization",
        help="Normalises every channel over the batch and image, then scales and shifts it.",
        params=(_MOMENTUM, _EPS),
        infer=_batchnorm2d_infer,
        build=lambda shape, p: nn.BatchNorm2d(
            shape[0], eps=float(p["eps"]), momentum=float(p["momentum"])
        ),
        has_weights=True,
    ),
    LayerKind(
        name="LayerNorm",
        category="normalization",
        help="Normalises all values of each sample, then scales and shifts them (learned).",
        params=(_EPS,),
        infer=_same_shape,
        build=lambda shape, p: nn.LayerNorm(list(shape), eps=float(p["eps"])),
        has_weights=True,
    ),
    _activation("ReLU", "max(0, x): passes positives, blocks negatives.", lambda p: nn.ReLU()),
    _activation(
        "LeakyReLU",
        "Like ReLU but lets a small slope through for negatives, so units never die.",
        lambda p: nn.LeakyReLU(float(p["negative_slope"])),
        (
            ParamDef(
                "negative_slope", float, 0.01, "Slope used for negative inputs.", 0.0, 1.0, "slope"
            ),
        ),
    ),
    _activation(
        "ELU",
        "Smooth ReLU variant that saturates at -alpha for large negative inputs.",
        lambda p: nn.ELU(float(p["alpha"])),
        (ParamDef("alpha", float, 1.0, "Value approached for large negative inputs.", 0.0, 10.0),),
    ),
    _activation(
        "GELU",
        "Smooth ReLU used in transformers: x weighted by its probability.",
        lambda p: nn.GELU(),
    ),
    _activation(
        "SiLU", "x·sigmoid(x) (also called Swish): smooth and non-monotonic.", lambda p: nn.SiLU()
    ),
    _activation("Tanh", "Squashes values into (-1, 1); centred on zero.", lambda p: nn.Tanh()),
    _activation(
        "Sigmoid",
        "Squashes values into (0, 1); saturates for large inputs.",
        lambda p: nn.Sigmoid(),
    ),
    _activation(
        "Softplus",
        "log(1 + eˣ): a smooth ReLU that is always positive.",
        lambda p: nn.Softplus(beta=float(p["beta"])),
        (
            ParamDef(
                "beta", float, 1.0, "Sharpness: larger values are closer to ReLU.", 0.01, 100.0
            ),
        ),
    ),
    _activation(
        "Identity",
        "Passes values through unchanged (a linear 'activation').",
        lambda p: nn.Identity(),
    ),
)

CATALOGUE: dict[str, LayerKind] = {kind.name: kind for kind in _KINDS}
ACTIVATIONS: tuple[str, ...] = tuple(k.name for k in _KINDS if k.category == "activation")


def layer_kind(name: str) -> LayerKind:
    """Look a kind up by name; the error lists the kinds that exist."""
    try:
        return CATALOGUE[name]
    except KeyError:
        known = ", ".join(CATALOGUE)
        raise KeyError(f"'{name}' is not a layer kind; choose one of {known}") from None
