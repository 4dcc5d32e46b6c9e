"""Gradient diagnosis in words: what the numbers of a snapshot say about training health.

Learners see gradient-norm plots but rarely know what a healthy one looks like.
:func:`diagnose` reads the per-layer statistics a snapshot already carries and
turns clear problems (vanishing or exploding gradients, updates far from the
usual ~1e-3 of the weight size, dead ReLU units) into :class:`Hint` findings,
each a code with its numbers; the message catalogue words the finding and one
suggestion (``diagnosis.<code>`` and ``diagnosis.<code>.try``). Thresholds are deliberately wide so a healthy run
shows no hints at all.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from playground.core.training.snapshot import Hint, ParameterStats, Severity

# Ratio between the RMS gradients of the weakest and strongest weighted layer
# beyond which the weak one clearly learns much slower than the rest.
GRADIENT_SPREAD = 1000.0
# Update-to-weight ratios: about 1e-3 per step is the usual healthy value.
UPDATE_TOO_SMALL = 1e-6
UPDATE_TOO_LARGE = 0.1
# Share of ReLU units that are zero for every validation sample.
DEAD_WARNING = 0.5
DEAD_PROBLEM = 0.9
# A total gradient norm this large usually precedes divergence.
EXPLODING_NORM = 1e4
# Weights this large (in absolute value) in a layer are rarely reached by healthy
# training of small models; a learning rate that was too high is the usual cause.
LARGE_WEIGHT = 10.0

#: Every finding the diagnosis makes, with the values its wording may use.
HINT_CODES: dict[str, tuple[str, ...]] = {
    "gradients_vanish": ("weak", "strong", "times"),
    "gradients_explode": ("weak", "strong", "times"),
    "update_too_large": ("layer", "ratio"),
    "update_too_small": ("layer", "ratio"),
    "update_too_small_unstable": ("layer", "ratio"),
    "update_too_small_large_weights": ("layer", "ratio"),
    "dead_units": ("layer", "share"),
    "total_norm_large": ("total",),
}


def _weights(parameters: Sequence[ParameterStats]) -> list[ParameterStats]:
    """Weight matrices and filters (not biases or norm scales) with a known gradient."""
    return [
        p
        for p in parameters
        if p.name.endswith("weight")
        and len(p.shape) >= 2
        and math.isfinite(p.grad_norm)
        and math.prod(p.shape) > 0
    ]


def _rms_gradient(stats: ParameterStats) -> float:
    return stats.grad_norm / math.sqrt(math.prod(stats.shape))


def _label(index: int, kinds: Sequence[str]) -> dict[str, object]:
    """A layer as the wording names it: its number from 1 and its kind."""
    kind = kinds[index] if 0 <= index < len(kinds) else "?"
    return {"number": index + 1, "kind": kind}


def _gradient_spread(weights: list[ParameterStats]) -> tuple[float, int, int] | None:
    """(strongest / weakest RMS gradient, weak layer, strong layer) past the limit, else None."""
    if len(weights) < 2:
        return None
    rms = [(_rms_gradient(p), p.layer_index) for p in weights]
    strongest, strong_layer = max(rms)
    weakest, weak_layer = min(rms)
    if strongest <= 0.0:
        return None
    spread = strongest / weakest if weakest > 0 else math.inf
    if spread < GRADIENT_SPREAD:
        return None
    return spread, weak_layer, strong_layer


def _gradients_explode(weights: list[ParameterStats]) -> bool:
    """Whether the early layers get far larger gradients than the later ones."""
    found = _gradient_spread(weights)
    return found is not None and found[1] > found[2]


def _gradient_flow(weights: list[ParameterStats], kinds: Sequence[str]) -> list[Hint]:
    found = _gradient_spread(weights)
    if found is None:
        return []
    spread, weak_layer, strong_layer = found
    times = "∞" if math.isinf(spread) else f"{spread:,.0f}"
    weak, strong = _label(weak_layer, kinds), _label(strong_layer, kinds)
    values = {"weak": weak, "strong": strong, "times": times}
    if weak_layer < strong_layer:
        return [Hint("warning", weak_layer, "gradients_vanish", values)]
    return [Hint("warning", strong_layer, "gradients_explode", values)]


def _slow_layer_code(stats: ParameterStats, unstable: bool) -> str:
    """Which finding a layer with tiny updates is, by what to do about it.

    Tiny updates after a learning rate that was too high come from weights that
    grew huge (saturated units), not from a learning rate that is too small:
    raising it then makes things worse, so it is suggested only when nothing
    points at a learning rate that is already too large.
    """
    if max(abs(stats.min), abs(stats.max)) > LARGE_WEIGHT:
        return "update_too_small_large_weights"
    return "update_too_small_unstable" if unstable else "update_too_small"


def _update_sizes(
    weights: list[ParameterStats], kinds: Sequence[str], unstable: bool
) -> list[Hint]:
    unstable = unstable or any(
        math.isfinite(p.update_ratio) and p.update_ratio > UPDATE_TOO_LARGE for p in weights
    )
    hints: list[Hint] = []
    for stats in weights:
        ratio = stats.update_ratio
        if not math.isfinite(ratio) or (stats.std == 0.0 and stats.max == 0.0):
            continue
        label = _label(stats.layer_index, kinds)
        if ratio > UPDATE_TOO_LARGE:
            values = {"layer": label, "ratio": ratio}
            hints.append(Hint("warning", stats.layer_index, "update_too_large", values))
        elif 0.0 < ratio < UPDATE_TOO_SMALL:
            values = {"layer": label, "ratio": ratio}
            code = _slow_layer_code(stats, unstable)
            hints.append(Hint("info", stats.layer_index, code, values))
    return hints


def _dead_relus(dead_units: Mapping[int, float], kinds: Sequence[str]) -> list[Hint]:
    hints: list[Hint] = []
    for index, share in sorted(dead_units.items()):
        if share < DEAD_WARNING:
            continue
        severity: Severity = "problem" if share >= DEAD_PROBLEM else "warning"
        values = {"layer": _label(index, kinds), "share": share}
        hints.append(Hint(severity, index, "dead_units", values))
    return hints


def _exploding_total(parameters: Sequence[ParameterStats]) -> list[Hint]:
    norms = [p.grad_norm for p in parameters if math.isfinite(p.grad_norm)]
    total = math.sqrt(sum(n * n for n in norms))
    if total < EXPLODING_NORM:
        return []
    return [Hint("problem", None, "total_norm_large", {"total": total})]


def diagnose(
    parameters: Sequence[ParameterStats],
    dead_units: Mapping[int, float],
    layer_kinds: Sequence[str],
) -> tuple[Hint, ...]:
    """Findings about a snapshot, most serious first; empty for a healthy run.

    ``layer_kinds`` names each layer of the spec (``"Linear"``, ``"ReLU"``...)
    so messages can say ``layer 3 (ReLU)``.
    """
    weights = _weights(parameters)
    exploding = _exploding_total(parameters)
    unstable = bool(exploding) or _gradients_explode(weights)
    hints = (
        exploding
        + _gradient_flow(weights, layer_kinds)
        + _update_sizes(weights, layer_kinds, unstable)
        + _dead_relus(dead_units, layer_kinds)
    )
    order = {"problem": 0, "warning": 1, "info": 2}
    return tuple(sorted(hints, key=lambda hint: order[hint.severity]))
