"""The layer catalogue: every layer kind a user can add, its parameters and its shape rule.

Each :class:`LayerKind` declares its parameters (type, default, range and a
one-line help text used for tooltips), how its output shape follows from its
input shape, and how to build the torch module. Input sizes are always
inferred from the previous layer; the user never types them.

Shapes exclude the batch dimension: ``(features,)`` or ``(channels, height, width)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from torch import nn

from playground.core.layers.rules import (
    Params,
    ParamValue,
    Shape,
    ShapeError,
    avg_pool_build,
    batchnorm1d_infer,
    batchnorm2d_infer,
    conv_build,
    conv_infer,
    describe_shape,
    flatten_infer,
    linear_build,
    linear_infer,
    max_pool_build,
    pool_infer,
    same_shape,
)

__all__ = [
    "ACTIVATIONS",
    "CATALOGUE",
    "Category",
    "LayerKind",
    "ParamDef",
    "ParamValue",
    "Params",
    "Shape",
    "ShapeError",
    "describe_shape",
    "layer_kind",
]

Category = Literal["dense", "convolution", "pooling", "normalization", "activation", "reshape"]


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
        infer=same_shape,
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
        infer=linear_infer,
        build=linear_build,
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
        infer=conv_infer,
        build=conv_build,
        has_weights=True,
    ),
    LayerKind(
        name="MaxPool2d",
        category="pooling",
        help="Keeps the largest value of each window: shrinks the image, keeps strong features.",
        params=(_KERNEL, _POOL_STRIDE, _PADDING),
        infer=pool_infer("MaxPool2d"),
        build=max_pool_build,
    ),
    LayerKind(
        name="AvgPool2d",
        category="pooling",
        help="Averages each window: shrinks the image smoothly.",
        params=(_KERNEL, _POOL_STRIDE, _PADDING),
        infer=pool_infer("AvgPool2d"),
        build=avg_pool_build,
    ),
    LayerKind(
        name="Flatten",
        category="reshape",
        help="Turns an image (channels×height×width) into one flat list of features.",
        params=(),
        infer=flatten_infer,
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
        infer=same_shape,
        build=lambda shape, p: nn.Dropout(float(p["p"])),
    ),
    LayerKind(
        name="BatchNorm1d",
        category="normalization",
        help="Normalises every feature over the batch, then scales and shifts it (learned).",
        params=(_MOMENTUM, _EPS),
        infer=batchnorm1d_infer,
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
        infer=batchnorm2d_infer,
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
        infer=same_shape,
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
