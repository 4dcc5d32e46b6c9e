"""Gradient diagnosis in words."""

from __future__ import annotations

import math

import numpy as np

from playground.core.training.diagnosis import diagnose
from playground.core.training.snapshot import Histogram, ParameterStats

KINDS = ["Linear", "Sigmoid", "Linear", "Sigmoid", "Linear", "ReLU"]
EMPTY = Histogram(np.zeros(1, dtype=np.int64), np.array([0.0, 1.0]))


def _weight(layer: int, grad_norm: float, update: float = 1e-3) -> ParameterStats:
    return ParameterStats(
        name=f"{layer}.weight",
        layer_index=layer,
        shape=(16, 16),
        mean=0.0,
        std=0.3,
        min=-1.0,
        max=1.0,
        values=EMPTY,
        grad_norm=grad_norm,
        grads=EMPTY,
        update_ratio=update,
    )


def test_a_healthy_run_has_no_hints() -> None:
    parameters = [_weight(0, 0.05), _weight(2, 0.1), _weight(4, 0.2)]
    assert diagnose(parameters, {5: 0.1}, KINDS) == ()


def test_vanishing_gradients_name_the_early_layer() -> None:
    parameters = [_weight(0, 1e-7), _weight(2, 1e-4), _weight(4, 0.5)]
    hints = diagnose(parameters, {}, KINDS)
    assert len(hints) == 1
    assert hints[0].layer_index == 0
    assert "vanish" in hints[0].message and "layer 1 (Linear)" in hints[0].message
    assert "ReLU" in hints[0].hint


def test_exploding_gradients_toward_the_input() -> None:
    hints = diagnose([_weight(0, 500.0), _weight(4, 0.01)], {}, KINDS)
    assert any("explode" in hint.message and hint.layer_index == 0 for hint in hints)


def test_huge_total_gradient_is_a_problem() -> None:
    hints = diagnose([_weight(0, 3e4), _weight(2, 2e4)], {}, KINDS)
    assert hints[0].severity == "problem"
    assert "clipping" in hints[0].hint


def test_update_ratio_far_from_1e_3() -> None:
    hints = diagnose([_weight(0, 0.1, update=0.5), _weight(2, 0.1, update=1e-8)], {}, KINDS)
    messages = " ".join(hint.message for hint in hints)
    assert "50%" in messages and "layer 1 (Linear)" in messages
    assert "learns very slowly" in messages
    assert {hint.layer_index for hint in hints} == {0, 2}


def test_unknown_update_ratio_is_ignored() -> None:
    assert diagnose([_weight(0, 0.1, update=math.nan)], {}, KINDS) == ()


def test_dead_relus_warn_and_then_alarm() -> None:
    hints = diagnose([], {5: 0.6}, KINDS)
    assert hints[0].severity == "warning"
    assert "60% of the units of layer 6 (ReLU) are dead" in hints[0].message
    assert diagnose([], {5: 0.95}, KINDS)[0].severity == "problem"
    assert diagnose([], {5: 0.3}, KINDS) == ()


def _large(layer: int, grad_norm: float, update: float) -> ParameterStats:
    stats = _weight(layer, grad_norm, update)
    return ParameterStats(**{**stats.__dict__, "min": -40.0, "max": 35.0})


def test_slow_layers_after_a_too_large_learning_rate_never_suggest_raising_it() -> None:
    # Some layers jump (steps of 50%) while another barely moves: the rate is too high.
    hints = diagnose([_weight(0, 0.1, update=0.5), _weight(2, 0.1, update=1e-8)], {}, KINDS)
    assert hints and all("Raise the learning rate" not in hint.hint for hint in hints)
    assert any("Lower" in hint.hint and hint.layer_index == 2 for hint in hints)
    # Weights blown up by a too-large rate make every update look tiny.
    hints = diagnose([_large(0, 0.1, 1e-8), _large(2, 0.1, 1e-8)], {}, KINDS)
    assert len(hints) == 2
    assert all(
        "Raise" not in hint.hint and "lower the learning rate" in hint.hint for hint in hints
    )
    # An exploding total gradient rules raising out as well.
    hints = diagnose([_weight(0, 3e4, update=1e-8), _weight(2, 2e4, update=1e-8)], {}, KINDS)
    assert all("Raise" not in hint.hint for hint in hints)


def test_a_slow_but_healthy_layer_still_suggests_a_larger_learning_rate() -> None:
    hints = diagnose([_weight(0, 0.1, update=1e-8), _weight(2, 0.1, update=1e-3)], {}, KINDS)
    assert [hint.hint for hint in hints] == ["Raise the learning rate (for example by 10×)."]


def test_no_suggestion_repeats_the_cards_try_label() -> None:
    # The diagnosis card prints "Try:" before each suggestion.
    cases = [
        diagnose([_weight(0, 1e-7), _weight(2, 1e-4), _weight(4, 0.5)], {}, KINDS),
        diagnose([_weight(0, 500.0), _weight(4, 0.01)], {}, KINDS),
        diagnose([_weight(0, 3e4), _weight(2, 2e4)], {}, KINDS),
        diagnose([_weight(0, 0.1, update=0.5), _weight(2, 0.1, update=1e-8)], {}, KINDS),
        diagnose([], {5: 0.95}, KINDS),
    ]
    suggestions = [hint.hint for hints in cases for hint in hints]
    assert len(suggestions) >= 6
    assert not [text for text in suggestions if text.lower().startswith("try")]
