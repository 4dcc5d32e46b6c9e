"""Bounded, decimating metric buffers: a run's curves in constant memory.

A long run takes millions of optimizer steps; keeping every loss would grow
memory without end and a plot cannot show more points than it has pixels.
:class:`DecimatingBuffer` keeps at most ``capacity`` points: when full it
merges neighbouring pairs (averaging their values) and doubles the number of
raw points each stored point stands for, so the curve stays representative of
the whole run at ever coarser resolution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

EPOCH_COLUMNS: tuple[str, ...] = (
    "epoch",
    "step",
    "train_loss",
    "val_loss",
    "train_accuracy",
    "val_accuracy",
    "lr",
)


class DecimatingBuffer:
    """(x, y) points with fixed memory; older detail is averaged away as the run grows."""

    def __init__(self, capacity: int = 4096) -> None:
        if capacity < 2 or capacity % 2:
            raise ValueError("the capacity of a metric buffer must be an even number of at least 2")
        self._capacity = capacity
        self._x = np.zeros(capacity, dtype=np.float64)
        self._y = np.zeros(capacity, dtype=np.float64)
        self._size = 0
        self._stride = 1  # raw points per stored point
        self._pending_x = 0.0  # the raw points gathered for the next stored point
        self._pending_y = 0.0
        self._pending_count = 0
        self._total = 0

    @property
    def stride(self) -> int:
        """How many raw points each stored point averages."""
        return self._stride

    @property
    def total(self) -> int:
        """Raw points appended so far."""
        return self._total

    def __len__(self) -> int:
        return self._size + (1 if self._pending_count else 0)

    def append(self, x: float, y: float) -> None:
        """Add one raw point; non-finite values are kept (a diverged loss stays visible)."""
        self._total += 1
        self._pending_x += x
        self._pending_y += y
        self._pending_count += 1
        if self._pending_count < self._stride:
            return
        if self._size == self._capacity:
            self._halve()
            return  # the pending point keeps gathering until it spans the doubled stride
        count = self._pending_count
        self._x[self._size] = self._pending_x / count
        self._y[self._size] = self._pending_y / count
        self._size += 1
        self._pending_x = self._pending_y = 0.0
        self._pending_count = 0

    def extend(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """Append many raw points."""
        for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
            self.append(x, y)

    def _halve(self) -> None:
        half = self._capacity // 2
        self._x[:half] = self._x.reshape(half, 2).mean(axis=1)
        self._y[:half] = self._y.reshape(half, 2).mean(axis=1)
        self._size = half
        self._stride *= 2

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Copies of the stored points, the partly gathered last point included."""
        xs = self._x[: self._size].copy()
        ys = self._y[: self._size].copy()
        if self._pending_count:
            xs = np.append(xs, self._pending_x / self._pending_count)
            ys = np.append(ys, self._pending_y / self._pending_count)
        return xs, ys

    def clear(self) -> None:
        """Forget every point."""
        self._size = 0
        self._stride = 1
        self._pending_x = self._pending_y = 0.0
        self._pending_count = 0
        self._total = 0


@dataclass(frozen=True)
class EpochRecord:
    """Metrics at the end of one epoch (``None`` where the data has no validation part).

    ``train_accuracy`` is measured with the weights at the end of the epoch (on
    at most a few thousand training samples), like the validation metrics, so
    the two accuracy curves compare like with like; ``None`` for regression.
    """

    epoch: int
    step: int
    train_loss: float
    val_loss: float | None
    val_accuracy: float | None
    lr: float
    train_accuracy: float | None = None


@dataclass(frozen=True)
class LearningRateChange:
    """A learning rate set by hand during a run: from ``step`` on (in epoch ``epoch``) it was ``lr``.

    Schedules change the rate too; those changes are in every epoch's ``lr``.
    A change at step 0 is where the run really started.
    """

    step: int
    epoch: int
    lr: float


class MetricHistory:
    """The curves of a run: per-step train loss (decimated) and per-epoch metrics.

    Epoch records are decimated the same way once there are more than
    ``capacity`` of them (every other record is dropped, keeping the latest).
    """

    def __init__(self, capacity: int = 4096) -> None:
        self._capacity = capacity
        self.train_loss = DecimatingBuffer(capacity)
        self._epochs: list[EpochRecord] = []
        self._epoch_stride = 1
        self._epochs_seen = 0
        self.lr_changes: list[LearningRateChange] = []

    def add_lr_change(self, change: LearningRateChange) -> None:
        """Record a learning rate set by hand; a second change before the next step replaces it."""
        if self.lr_changes and self.lr_changes[-1].step == change.step:
            self.lr_changes[-1] = change
        else:
            self.lr_changes.append(change)

    def add_losses(self, steps: np.ndarray, losses: np.ndarray) -> None:
        """Record train losses of consecutive optimizer steps."""
        self.train_loss.extend(steps, losses)

    def add_epoch(self, record: EpochRecord) -> None:
        """Record the metrics of a finished epoch."""
        self._epochs_seen += 1
        if (self._epochs_seen - 1) % self._epoch_stride:
            return
        if len(self._epochs) == self._capacity:
            self._epochs = self._epochs[::2]
            self._epoch_stride *= 2
        self._epochs.append(record)

    @property
    def epochs(self) -> tuple[EpochRecord, ...]:
        return tuple(self._epochs)

    def step_curve(self) -> tuple[np.ndarray, np.ndarray]:
        """(steps, train losses) of the decimated per-step curve."""
        return self.train_loss.arrays()

    def epoch_curve(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """(epochs, values) of one epoch column; missing values are nan."""
        if column not in EPOCH_COLUMNS[2:]:
            raise ValueError(f"'{column}' is not an epoch metric; use one of {EPOCH_COLUMNS[2:]}")
        xs = np.array([r.epoch for r in self._epochs], dtype=np.float64)
        ys = np.array([_number(getattr(r, column)) for r in self._epochs], dtype=np.float64)
        return xs, ys

    def rows(self) -> list[dict[str, float | int | str]]:
        """One dict per recorded epoch with :data:`EPOCH_COLUMNS` keys, for metrics.csv.

        Missing values (no validation data, not a classification task) are empty strings.
        """
        rows: list[dict[str, float | int | str]] = []
        for record in self._epochs:
            rows.append(
                {
                    "epoch": record.epoch,
                    "step": record.step,
                    "train_loss": record.train_loss,
                    "val_loss": "" if record.val_loss is None else record.val_loss,
                    "train_accuracy": ""
                    if record.train_accuracy is None
                    else record.train_accuracy,
                    "val_accuracy": "" if record.val_accuracy is None else record.val_accuracy,
                    "lr": record.lr,
                }
            )
        return rows

    def clear(self) -> None:
        """Forget the whole run (after the weights are reset)."""
        self.train_loss.clear()
        self._epochs.clear()
        self._epoch_stride = 1
        self._epochs_seen = 0
        self.lr_changes = []


def _number(value: float | None) -> float:
    return math.nan if value is None else value
