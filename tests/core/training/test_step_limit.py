"""Exact step counts: epochs lengthened by the engine's own rule, a stop at step N, shortfalls told."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from test_engine import blobs, experiment  # type: ignore[import-not-found]

from playground.core.spec.experiment import LayerSpec
from playground.core.training.engine import Engine
from playground.core.training.step_limit import (
    MAX_EPOCHS,
    StepLimit,
    StepLimitError,
    batches_per_epoch,
    epochs_for_steps,
    shortfall,
    with_epochs_for_steps,
)


def bn_layers() -> list[LayerSpec]:
    return [
        LayerSpec(kind="Linear", params={"out_features": 8}),
        LayerSpec(kind="BatchNorm1d"),
        LayerSpec(kind="ReLU"),
        LayerSpec(kind="Linear", params={"out_features": 2}),
    ]


def plain_layers() -> list[LayerSpec]:
    return [
        LayerSpec(kind="Linear", params={"out_features": 8}),
        LayerSpec(kind="ReLU"),
        LayerSpec(kind="Linear", params={"out_features": 2}),
    ]


@pytest.mark.parametrize(
    ("samples", "batch", "batchnorm", "expected"),
    [
        (480, 32, False, 15),
        (481, 32, False, 16),
        (481, 32, True, 15),  # the lone last sample is left out with BatchNorm
        (1, 32, True, 1),
        (10, 64, False, 1),
    ],
)
def test_batches_per_epoch(samples: int, batch: int, batchnorm: bool, expected: int) -> None:
    assert batches_per_epoch(samples, batch, batchnorm) == expected


@pytest.mark.parametrize(
    ("layers", "epochs"),
    [(bn_layers, 9), (plain_layers, 6)],  # 2 batches an epoch with BatchNorm, 3 without
    ids=["batchnorm", "plain"],
)
def test_the_engine_reaches_exactly_the_steps_asked_for(
    layers: Callable[[], list[LayerSpec]], epochs: int
) -> None:
    dataset = blobs(68)  # 51 training samples: 51 % 25 == 1, a lone last sample
    spec = experiment(layers(), epochs=2, batch_size=25)
    steps = 17
    longer = with_epochs_for_steps(spec, dataset.x_train.shape[0], steps)
    assert longer.training.epochs == epochs
    engine = Engine(longer, dataset, callbacks=[StepLimit(steps)])
    final = engine.run()
    assert final.step == steps
    assert engine.history.epochs[-1].epoch == epochs - 1  # the last epoch is cut at step 17


def test_enough_epochs_are_left_alone() -> None:
    spec = experiment(plain_layers(), epochs=50, batch_size=16)
    assert with_epochs_for_steps(spec, 120, 10) is spec
    assert epochs_for_steps(spec, 120, 10) == 50


def test_a_step_count_beyond_the_epoch_limit_is_refused_in_words() -> None:
    spec = experiment(plain_layers(), epochs=5, batch_size=16)
    with pytest.raises(StepLimitError) as error:
        with_epochs_for_steps(spec, 16, MAX_EPOCHS + 1)
    message = str(error.value)
    assert f"{MAX_EPOCHS + 1} steps" in message and str(MAX_EPOCHS) in message
    assert message.endswith(".") and "fewer steps" in message


def test_shortfall_says_how_far_the_run_got_and_why() -> None:
    assert shortfall(100, 100, "Training finished after 5 epochs.") == ""
    assert shortfall(120, 100, "") == ""
    assert shortfall(40, 100, "The loss became NaN at step 40.") == (
        "Training stopped after 40 of the 100 steps asked for: The loss became NaN at step 40."
    )
    assert (
        shortfall(0, 5, "") == "Training stopped after 0 of the 5 steps asked for: the run ended."
    )
