"""Train losses kept on the device and read back in bulk.

Calling ``loss.item()`` after every batch forces the host to wait for the
device and costs a noticeable share of a tiny network's step. The recorder
instead copies each detached loss into a preallocated device tensor and reads
the whole buffer back only when a snapshot is due, an epoch ends or the buffer
is full; that is also where NaN/Inf losses are found.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from playground.core.training.history import MetricHistory
from playground.core.training.run_ending import RunEnding, loss_not_finite

BUFFER_SIZE = 512


class LossRecorder:
    """Per-step train losses: buffered on the device, flushed into history and snapshots."""

    def __init__(self, device: torch.device, history: MetricHistory) -> None:
        self._buffer = torch.zeros(BUFFER_SIZE, dtype=torch.float32, device=device)
        self._count = 0
        self._last_step = 0
        self._history = history
        self._new_steps: list[np.ndarray] = []
        self._new_losses: list[np.ndarray] = []
        self.epoch_sum = 0.0  # sum of the flushed losses of the current epoch
        self.first_bad: tuple[int, float] | None = None  # (step, value) of the first NaN/Inf

    def add(self, step: int, loss: torch.Tensor) -> None:
        """Record the detached loss of optimizer step ``step`` (no device sync)."""
        self._buffer[self._count] = loss
        self._count += 1
        self._last_step = step
        if self._count == BUFFER_SIZE:
            self.flush()

    def flush(self) -> None:
        """Read the buffered losses back in one transfer and check them for NaN/Inf."""
        if self._count == 0:
            return
        losses = np.asarray(self._buffer[: self._count].tolist(), dtype=np.float64)
        steps = np.arange(self._last_step - self._count + 1, self._last_step + 1, dtype=np.int64)
        self._count = 0
        self._new_steps.append(steps)
        self._new_losses.append(losses)
        self._history.add_losses(steps, losses)
        self.epoch_sum += float(losses.sum())
        bad = np.flatnonzero(~np.isfinite(losses))
        if bad.size and self.first_bad is None:
            self.first_bad = (int(steps[bad[0]]), float(losses[bad[0]]))

    def epoch_mean(self, batches: int) -> float:
        """Mean loss of the running epoch's ``batches`` batches, else of the last finished one."""
        if batches > 0:
            self.flush()
            return self.epoch_sum / batches
        epochs = self._history.epochs
        return epochs[-1].train_loss if epochs else math.nan

    def take_new(self) -> tuple[np.ndarray, np.ndarray]:
        """Every (step, loss) since the previous call, flushing first."""
        self.flush()
        if not self._new_steps:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        steps = np.concatenate(self._new_steps)
        losses = np.concatenate(self._new_losses)
        self._new_steps.clear()
        self._new_losses.clear()
        return steps, losses

    def divergence(self, lr: float) -> RunEnding | None:
        """Why the run diverged: the first NaN/Inf loss (None when there was none)."""
        if self.first_bad is None:
            return None
        step, value = self.first_bad
        return loss_not_finite(step, value, lr)
