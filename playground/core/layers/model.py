"""Shape inference, parameter counts and the torch model built from a layer list.

Before any training the editor asks :func:`summarize` for every layer's output
shape and parameter count; an impossible stack comes back with a sentence on
the offending layer instead of an exception, so the GUI can mark the row.
:func:`build_model` turns a valid stack into an ``nn.Sequential``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import torch
from torch import nn

from playground.core.layers.catalog import CATALOGUE, ParamDef, ParamValue, Shape, ShapeError
from playground.core.safe_read import excerpt
from playground.core.spec.experiment import LayerSpec


class ModelError(ValueError):
    """The layer stack cannot be built; the message names the layer and says why."""


def layer_label(index: int, kind: str) -> str:
    """How messages name a layer: ``layer 3 (Conv2d)`` for the third layer (1-based)."""
    return f"layer {index + 1} ({kind})"


@dataclass(frozen=True)
class LayerSummary:
    """What the editor shows on one row."""

    index: int
    kind: str
    input_shape: Shape | None
    output_shape: Shape | None
    parameters: int
    error: str | None = None


@dataclass(frozen=True)
class ModelSummary:
    """Shapes and parameter counts of a whole stack, and the first problem if any."""

    input_shape: Shape
    layers: tuple[LayerSummary, ...]
    total_parameters: int
    output_shape: Shape | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None


def _format_number(value: float) -> str:
    return f"{value:g}"


def check_param(definition: ParamDef, value: ParamValue) -> str | None:
    """The problem with one parameter value in words, or ``None`` if it is fine."""
    title = definition.title
    if definition.type is bool:
        if not isinstance(value, bool):
            return f"{title} must be true or false, not {excerpt(repr(value))}"
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{title} must be a number, not {excerpt(repr(value))}"
    if definition.type is int and not float(value).is_integer():
        return f"{title} must be a whole number, not {_format_number(value)}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{title} must be a finite number, not {value}"
    low, high = definition.minimum, definition.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        return (
            f"{title} must be between {_format_number(low or 0)} and "
            f"{_format_number(high if high is not None else math.inf)}, not {_format_number(value)}"
        )
    return None


def check_layer(index: int, layer: LayerSpec) -> str | None:
    """Kind and parameter problems of one layer (shapes aside), as one sentence."""
    kind = CATALOGUE.get(layer.kind)
    if kind is None:
        known = ", ".join(CATALOGUE)
        return (
            f"layer {index + 1}: '{excerpt(layer.kind)}' is not a layer kind; choose one of {known}"
        )
    label = layer_label(index, kind.name)
    names = {p.name for p in kind.params}
    for name in layer.params:
        if name not in names:
            has = ", ".join(sorted(names)) if names else "none"
            return f"{label} has no parameter '{excerpt(name)}' (its parameters: {has})"
    for definition in kind.params:
        if definition.name in layer.params:
            problem = check_param(definition, layer.params[definition.name])
            if problem:
                return f"{label}: {problem}"
    return None


def _count_parameters(layer: LayerSpec, input_shape: Shape) -> int:
    kind = CATALOGUE[layer.kind]
    if not kind.has_weights:
        return 0
    # Building on the meta device allocates nothing yet counts exactly as torch does.
    with torch.device("meta"):
        module = kind.build(input_shape, kind.resolve(layer.params))
    return sum(p.numel() for p in module.parameters())


def summarize(layers: Sequence[LayerSpec], input_shape: Shape) -> ModelSummary:
    """Infer every layer's output shape and parameter count.

    Stops at the first problem: that row carries the message and the rows after
    it have no shapes (they depend on the broken one).
    """
    rows: list[LayerSummary] = []
    shape: Shape | None = tuple(input_shape)
    error: str | None = None
    total = 0
    for index, layer in enumerate(layers):
        if shape is None:
            rows.append(LayerSummary(index, layer.kind, None, None, 0))
            continue
        problem = check_layer(index, layer)
        out: Shape | None = None
        count = 0
        if problem is None:
            kind = CATALOGUE[layer.kind]
            try:
                out = kind.infer(shape, kind.resolve(layer.params))
                if any(size < 1 for size in out):
                    raise ShapeError(
                        f"its output would be {'×'.join(map(str, out))}, which is empty; "
                        "use a smaller kernel or stride"
                    )
                count = _count_parameters(layer, shape)
            except ShapeError as exc:
                problem = f"{layer_label(index, kind.name)}: {exc}"
                out = None
        if problem is not None and error is None:
            error = problem
        rows.append(LayerSummary(index, layer.kind, shape, out, count, problem))
        total += count
        shape = out
    if not layers:
        error = "the model has no layers; add at least one layer (for example Linear)"
    return ModelSummary(
        input_shape=tuple(input_shape),
        layers=tuple(rows),
        total_parameters=total,
        output_shape=shape if error is None else None,
        error=error,
    )


def build_model(layers: Sequence[LayerSpec], input_shape: Shape) -> nn.Sequential:
    """Build the torch model; raises :class:`ModelError` with the summary's sentence."""
    summary = summarize(layers, input_shape)
    if summary.error is not None:
        raise ModelError(summary.error)
    modules: list[nn.Module] = []
    for layer, row in zip(layers, summary.layers, strict=True):
        kind = CATALOGUE[layer.kind]
        assert row.input_shape is not None
        modules.append(kind.build(row.input_shape, kind.resolve(layer.params)))
    return nn.Sequential(*modules)
