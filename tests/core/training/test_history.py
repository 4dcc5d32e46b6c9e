"""Bounded, decimating metric buffers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from playground.core.training.history import DecimatingBuffer, EpochRecord, MetricHistory


def test_small_runs_are_kept_exactly() -> None:
    buffer = DecimatingBuffer(capacity=8)
    for step in range(1, 8):
        buffer.append(step, step * 10.0)
    xs, ys = buffer.arrays()
    np.testing.assert_array_equal(xs, np.arange(1, 8))
    np.testing.assert_array_equal(ys, np.arange(1, 8) * 10.0)
    assert buffer.stride == 1


def test_full_buffer_halves_by_averaging_pairs() -> None:
    buffer = DecimatingBuffer(capacity=4)
    for step in range(1, 6):
        buffer.append(step, float(step))
    xs, ys = buffer.arrays()
    assert buffer.stride == 2
    np.testing.assert_allclose(xs, [1.5, 3.5, 5.0])  # last point is half gathered
    np.testing.assert_allclose(ys, [1.5, 3.5, 5.0])


def test_a_million_appends_stay_bounded_and_representative() -> None:
    buffer = DecimatingBuffer(capacity=4096)
    steps = np.arange(1, 1_000_001, dtype=np.float64)
    losses = 1.0 / np.sqrt(steps)  # a typical falling loss
    append = buffer.append
    for x, y in zip(steps.tolist(), losses.tolist(), strict=True):
        append(x, y)
    xs, ys = buffer.arrays()
    assert buffer.total == 1_000_000
    assert len(xs) <= 4096 + 1
    assert buffer.stride >= 256
    # Monotone x covering the whole run, and each point the mean of the raw losses it covers.
    assert np.all(np.diff(xs) > 0)
    assert xs[0] < 200 and xs[-1] > 999_000
    stride = buffer.stride
    for i in (0, 5, len(ys) // 2):
        np.testing.assert_allclose(ys[i], losses[i * stride : (i + 1) * stride].mean(), rtol=1e-9)
    # Memory does not grow: the arrays are the preallocated ones.
    assert buffer._x.nbytes == 4096 * 8


def test_nan_stays_visible() -> None:
    buffer = DecimatingBuffer(capacity=4)
    buffer.append(1, 1.0)
    buffer.append(2, math.nan)
    assert math.isnan(buffer.arrays()[1][1])


def test_odd_capacity_is_refused() -> None:
    with pytest.raises(ValueError, match="even number"):
        DecimatingBuffer(capacity=5)


def _record(epoch: int, val: float | None = 0.5) -> EpochRecord:
    return EpochRecord(epoch, epoch * 10, 1.0 / epoch, val, None if val is None else 0.9, 0.01, 0.8)


def test_epoch_rows_for_metrics_csv() -> None:
    history = MetricHistory()
    history.add_epoch(_record(1))
    history.add_epoch(_record(2, val=None))
    rows = history.rows()
    assert rows[0] == {
        "epoch": 1,
        "step": 10,
        "train_loss": 1.0,
        "val_loss": 0.5,
        "train_accuracy": 0.8,
        "val_accuracy": 0.9,
        "lr": 0.01,
    }
    assert rows[1]["val_loss"] == "" and rows[1]["val_accuracy"] == ""
    epochs, values = history.epoch_curve("val_loss")
    np.testing.assert_array_equal(epochs, [1, 2])
    assert values[0] == 0.5 and math.isnan(values[1])


def test_epoch_records_are_decimated_too() -> None:
    history = MetricHistory(capacity=8)
    for epoch in range(1, 101):
        history.add_epoch(_record(epoch))
    records = history.epochs
    assert len(records) <= 8
    assert records[0].epoch == 1
    assert records[-1].epoch > 60
    assert [r.epoch for r in records] == sorted(r.epoch for r in records)


def test_clear_forgets_everything() -> None:
    history = MetricHistory()
    history.add_losses(np.array([1, 2]), np.array([0.5, 0.4]))
    history.add_epoch(_record(1))
    history.clear()
    assert len(history.step_curve()[0]) == 0
    assert history.rows() == []
