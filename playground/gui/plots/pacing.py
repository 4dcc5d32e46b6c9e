"""Redraw pacing: how often the plots may redraw without starving the training thread."""

from __future__ import annotations

# 25 redraws a second when drawing is cheap, down to 4 a second when a frame costs more
# than the budget below allows. Training shares the interpreter lock with the GUI thread,
# so a pacer that cannot slow down takes its frames out of training: capped at 20 redraws
# a second it spent 33-41% of a core on a loaded 2-core machine against its 8% budget.
# Slowing to 250 ms, with snapshots built once per frame for the views shown, trained
# 1.78x [0.67-3.08] faster with every plot live (benchmarks/gui_levers.py, 5 alternating
# pairs, load 4.7 on 2 cores). Cheap frames bring it back to 25 a second in a few frames.
FASTEST_INTERVAL_MS = 40
SLOWEST_INTERVAL_MS = 250
# Share of wall-clock time the plots may keep the GUI thread busy. Training runs Python in another
# thread and both share one interpreter lock, so every millisecond the GUI thread spends
# drawing (Qt's painting included: PySide holds the lock during C++ calls) is taken from
# training. Measured with benchmarks/gui_live.py: at this share training keeps
# about 90% of its headless speed.
BUSY_BUDGET = 0.08
SMOOTHING = 0.3  # weight of the newest frame in the running frame cost


class FramePacer:
    """Chooses the redraw interval from what drawing has cost lately.

    The plot area reports every cost of its frames: updating items and Qt's
    painting (timed by the views themselves, since it happens after the
    timer's tick). The interval is chosen so that frames take at most the
    budget's share of wall-clock time: 25 Hz when drawing is cheap, down to
    4 Hz on slow or busy machines, and back up as soon as frames are cheap again. Feeding snapshots is not counted: it does not
    depend on the redraw rate. Times are plain seconds (``time.perf_counter``),
    so tests can drive it.
    """

    def __init__(
        self,
        *,
        fastest_ms: int = FASTEST_INTERVAL_MS,
        slowest_ms: int = SLOWEST_INTERVAL_MS,
        budget: float = BUSY_BUDGET,
    ) -> None:
        self.fastest_ms = fastest_ms
        self.slowest_ms = slowest_ms
        self.budget = budget
        self.interval_ms = fastest_ms
        self.busy_share = 0.0  # share of time the last frame took
        self.frame_cost = 0.0  # smoothed seconds per frame
        self._cost = 0.0  # seconds spent since the last frame
        self._last_frame: float | None = None

    def add_cost(self, seconds: float) -> None:
        """Count ``seconds`` of GUI-thread work done for the plots."""
        self._cost += max(0.0, seconds)

    def frame(self, now: float) -> int:
        """Call once per redraw; returns the interval (ms) to wait before the next one.

        The cost counted since the previous call is that frame's cost; the
        interval aims at ``cost / budget``, moving at most 1.5× slower or 0.8×
        faster per frame so one unusual frame does not swing the rate.
        """
        last, self._last_frame = self._last_frame, now
        cost, self._cost = self._cost, 0.0
        if last is None or now <= last:
            return self.interval_ms
        self.busy_share = min(1.0, cost / (now - last))
        self.frame_cost += SMOOTHING * (cost - self.frame_cost)
        target = 1000.0 * self.frame_cost / self.budget
        interval = min(1.5 * self.interval_ms, max(0.8 * self.interval_ms, target))
        self.interval_ms = min(self.slowest_ms, max(self.fastest_ms, round(interval)))
        return self.interval_ms

    def reset(self) -> None:
        """Forget the measurements (back to the fastest rate)."""
        self.interval_ms = self.fastest_ms
        self.busy_share = 0.0
        self.frame_cost = 0.0
        self._cost = 0.0
        self._last_frame = None
