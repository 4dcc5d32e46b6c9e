"""Shape inference, parameter counts and the torch model built from a layer list.

Before any training the editor asks :func:`summarize` for every layer's output
shape and parameter count; an impossible stack comes back with a
:class:`~playground.core.problems.Problem` placed on the offending layer
instead of an exception, so the GUI can mark the row.
:func:`build_model` turns a valid stack into an ``nn.Sequential``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import torch
from torch import nn

from playground.core.errors import ProblemError
from playground.core.layers.catalog import CATALOGUE, ParamDef, ParamValue, Shape, ShapeError
from playground.core.problems import Problem, closest_match
from playground.core.safe_read import excerpt
from playground.core.spec.experiment import LayerSpec


class ModelError(ProblemError):
    """The layer stack cannot be built; ``problems`` names the layer and says why."""


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
    error: Problem | None = None


@dataclass(frozen=True)
class ModelSummary:
    """Shapes and parameter counts of a whole stack, and the first problem if any."""

    input_shape: Shape
    layers: tuple[LayerSummary, ...]
    total_parameters: int
    output_shape: Shape | None
    error: Problem | None

    @property
    def ok(self) -> bool:
        return self.error is None


def check_param(definition: ParamDef, value: ParamValue) -> Problem | None:
    """The problem with one parameter value (not yet placed on a layer), or ``None``."""
    values = {"title": definition.title, "value": value}
    if definition.type is bool:
        return None if isinstance(value, bool) else Problem("layer.param_not_bool", values)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return Problem("layer.param_not_number", values)
    if definition.type is int and not float(value).is_integer():
        return Problem("layer.param_not_whole", values)
    if isinstance(value, float) and not math.isfinite(value):
        return Problem("layer.param_not_finite", values)
    low, high = definition.minimum, definition.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = {"low": low or 0, "high": high if high is not None else math.inf}
        return Problem("layer.param_out_of_range", {**values, **bounds})
    return None


def unknown_kind(index: int, kind: str) -> Problem:
    """``kind`` is not in the catalogue: the problem, with the closest kind that is."""
    known = tuple(CATALOGUE)
    values = {"kind": excerpt(kind), "suggestion": closest_match(kind, known), "known": known}
    return Problem("layer.unknown_kind", values, layer=index, field="kind")


def unknown_param(index: int, kind: str, name: str) -> Problem:
    """Layer ``index`` (of ``kind``) has no parameter ``name``: the problem, with a suggestion."""
    names = tuple(p.name for p in CATALOGUE[kind].params)
    values = {"name": excerpt(name), "suggestion": closest_match(name, names), "parameters": names}
    return Problem(
        "layer.unknown_param", values, layer=index, layer_kind=kind, field=f"params.{name}"
    )


def check_layer(index: int, layer: LayerSpec) -> Problem | None:
    """Kind and parameter problems of one layer (shapes aside), the first of them."""
    kind = CATALOGUE.get(layer.kind)
    if kind is None:
        return unknown_kind(index, layer.kind)
    names = {p.name for p in kind.params}
    for name in layer.params:
        if name not in names:
            return unknown_param(index, kind.name, name)
    for definition in kind.params:
        if definition.name in layer.params:
            problem = check_param(definition, layer.params[definition.name])
            if problem:
                return replace(
                    problem.at_layer(index, kind.name), field=f"params.{definition.name}"
                )
    return None


def _count_parameters(layer: LayerSpec, input_shape: Shape) -> int:
    kind = CATALOGUE[layer.kind]
    if not kind.has_weights:
        return 0
    resolved = kind.resolve(layer.params)
    try:
        key = (layer.kind, tuple(input_shape), tuple(sorted(resolved.items())))
        hash(key)
    except TypeError:  # a value that is not hashable: count it afresh
        return _count_built(layer.kind, tuple(input_shape), resolved)
    return _count_cached(key)


@functools.lru_cache(maxsize=1024)
def _count_cached(key: tuple[str, Shape, tuple[tuple[str, ParamValue], ...]]) -> int:
    # The editor summarizes the stack on every edit; most layers are unchanged.
    kind_name, input_shape, items = key
    return _count_built(kind_name, input_shape, dict(items))


def _count_built(kind_name: str, input_shape: Shape, resolved: dict[str, ParamValue]) -> int:
    # Building on the meta device allocates nothing yet counts exactly as torch does.
    with torch.device("meta"):
        module = CATALOGUE[kind_name].build(input_shape, resolved)
    return sum(p.numel() for p in module.parameters())


def summarize(layers: Sequence[LayerSpec], input_shape: Shape) -> ModelSummary:
    """Infer every layer's output shape and parameter count.

    Stops at the first problem: that row carries the message and the rows after
    it have no shapes (they depend on the broken one).
    """
    rows: list[LayerSummary] = []
    shape: Shape | None = tuple(input_shape)
    error: Problem | None = None
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
                    raise ShapeError(Problem("layer.output_empty", {"shape": out}))
                count = _count_parameters(layer, shape)
            except ShapeError as exc:
                problem = exc.problems[0].at_layer(index, kind.name)
                out = None
        if problem is not None and error is None:
            error = problem
        rows.append(LayerSummary(index, layer.kind, shape, out, count, problem))
        total += count
        shape = out
    if not layers:
        error = Problem("model.empty", field="model.layers")
    return ModelSummary(
        input_shape=tuple(input_shape),
        layers=tuple(rows),
        total_parameters=total,
        output_shape=shape if error is None else None,
        error=error,
    )


def build_model(layers: Sequence[LayerSpec], input_shape: Shape) -> nn.Sequential:
    """Build the torch model; raises :class:`ModelError` with the summary's problem."""
    summary = summarize(layers, input_shape)
    if summary.error is not None:
        raise ModelError(summary.error)
    modules: list[nn.Module] = []
    for layer, row in zip(layers, summary.layers, strict=True):
        kind = CATALOGUE[layer.kind]
        assert row.input_shape is not None
        modules.append(kind.build(row.input_shape, kind.resolve(layer.params)))
    return nn.Sequential(*modules)
