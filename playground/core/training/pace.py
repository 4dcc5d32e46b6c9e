"""How fast the loop goes: bursts of steps at full speed, a set rate when slowed down.

At full speed a tiny network's step takes tens of microseconds, so the loop's
own bookkeeping per step (the locked control check, the clock, the snapshot
timer) is a visible share of it. :class:`Pace` measures the steps and sizes a
burst to last about :data:`CHECK_INTERVAL`: the full control check runs once
per burst, and between the burst's steps only the lock-free
:meth:`~playground.core.training.run_control.RunControl.quiet` flag is read.

When a teacher slows training down (steps per second), every step waits for
its turn at the loop's safe point (where pause, stop and a new speed still
reach it at once), and at :data:`SLOW_SPEED` or below a snapshot follows every step, so
the plots and the network diagram move one step at a time.
"""

from __future__ import annotations

import math
import time

CHECK_INTERVAL = 1e-3  # seconds between full control checks at full speed
MAX_BURST = 256  # steps; bounds the burst before the first measurement settles
SLOW_SPEED = 30.0  # steps per second at or below which every step gets a snapshot


def valid_speed(steps_per_second: float | None) -> float | None:
    """``steps_per_second`` as the loop takes it; raises ValueError for a non-positive rate."""
    if steps_per_second is None:
        return None
    if not math.isfinite(steps_per_second) or steps_per_second <= 0:
        raise ValueError(
            f"a speed must be a positive number of steps per second, not {steps_per_second}"
        )
    return float(steps_per_second)


class Pace:
    """Burst sizes at full speed (from measured step times) and turns at a set rate."""

    def __init__(self) -> None:
        self._step_seconds: float | None = None  # running mean of one step's time
        self._last_turn = -math.inf

    def burst(self, rate: float | None, left: int) -> int:
        """Steps to train before the next full control check (at most ``left``)."""
        if rate is not None or self._step_seconds is None:
            return 1
        steps = int(CHECK_INTERVAL / max(self._step_seconds, 1e-9))
        return max(1, min(steps, MAX_BURST, left))

    def measured(self, steps: int, seconds: float) -> None:
        """``steps`` steps took ``seconds`` (snapshots not included)."""
        if steps <= 0:
            return
        per_step = seconds / steps
        previous = self._step_seconds
        self._step_seconds = per_step if previous is None else 0.8 * previous + 0.2 * per_step

    def next_turn(self, rate: float | None) -> float:
        """When the next step is due at ``rate`` steps/s (``perf_counter`` time; now at full speed).

        Hand to :meth:`~playground.core.training.run_control.RunControl.safe_point`, which
        waits for it; read again after every wake, so a new speed applies at once.
        """
        return -math.inf if rate is None else self._last_turn + 1.0 / rate

    def took_turn(self) -> None:
        """A step starts now (the next one at a slow speed is due one interval later)."""
        self._last_turn = time.perf_counter()

    @staticmethod
    def every_step(rate: float | None) -> bool:
        """Whether a snapshot follows every step at ``rate``."""
        return rate is not None and rate <= SLOW_SPEED
