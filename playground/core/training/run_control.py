"""Thread-safe run controls (pause, resume, stop, single steps) and training hooks.

The GUI presses buttons in its own thread while the engine trains in a worker
thread. :class:`RunControl` holds the requests behind one
``threading.Condition``; the training loop asks it at a single safe point
whether to go on, and sleeps on the condition while paused (no busy-waiting,
and no thread is ever terminated). At full speed the loop takes the lock only
once per burst of steps (about a millisecond, see
:mod:`~playground.core.training.pace`) and between steps reads the request
flags without it (:meth:`RunControl.quiet`), so a pause is still honoured
after the step that is running when it arrives.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

import torch

if TYPE_CHECKING:
    from playground.core.training.engine import Engine


IDLE_TIMEOUT = 30.0  # seconds to wait for a pausing loop to finish its batch


class Callback:
    """Hooks into the training loop in the spirit of Lightning's fit loop; every method is a no-op.

    Subclass and override what you need, then pass ``Engine(..., callbacks=[...])``.
    Hooks run in the training thread, inside the hot loop: keep them cheap and
    avoid ``.item()`` on every batch.
    """

    def on_after_backward(self, engine: Engine) -> None:
        """Gradients exist and are not clipped yet: the place to read per-parameter norms."""

    def on_batch_end(self, engine: Engine, step: int, loss: torch.Tensor) -> None:
        """After optimizer step ``step`` (1-based); ``loss`` is that batch's detached loss."""

    def on_epoch_end(self, engine: Engine, epoch: int) -> None:
        """After epoch ``epoch`` (1-based) was evaluated and the schedule advanced."""

    def on_exception(self, engine: Engine, error: BaseException) -> None:
        """Training failed with ``error``; the run ends in state ``failed`` afterwards."""


class Decision(Enum):
    """What the loop does at its safe point."""

    TRAIN = "train"
    STOP = "stop"
    REPORT_PAUSE = "report-pause"  # emit a paused snapshot, then ask again


class RunControl:
    """Requests from any thread, consumed by the training thread once per batch."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.stop_requested = False
        self.pause_requested = False
        self.batch_budget = 0  # batches to run while paused (step_batch)
        self.epoch_budget = False  # finish the current epoch while paused (step_epoch)
        self.pending_lr: float | None = None
        self.busy = False  # the training thread is working (not waiting at the safe point)
        self.pause_reported = False
        self.loop_thread: int | None = None
        self.steps_per_second: float | None = None  # None: full speed (kept across runs)

    def start(self, paused: bool) -> None:
        """Begin a ``run()`` in this thread.

        Requests made since the previous run ended are kept: a stop, pause or
        single step pressed while the worker thread was still starting is not lost.
        """
        with self.condition:
            self.pause_requested = self.pause_requested or paused
            self.pause_reported = False
            self.busy = True
            self.loop_thread = threading.get_ident()

    def finish(self) -> None:
        """End a ``run()``: its requests are spent, the next run starts clean."""
        with self.condition:
            self.stop_requested = False
            self.pause_requested = False
            self.batch_budget = 0
            self.epoch_budget = False
            self.pause_reported = False
            self.busy = False
            self.loop_thread = None
            self.condition.notify_all()

    def in_loop_thread(self) -> bool:
        return self.loop_thread == threading.get_ident()

    def _notify(self) -> None:
        """Call holding ``condition``: wake the loop (paused, or waiting for a slow step's turn)."""
        self.condition.notify_all()

    def pause(self) -> None:
        with self.condition:
            self.pause_requested = True
            self._notify()

    def resume(self) -> None:
        with self.condition:
            self.pause_requested = False
            self.batch_budget = 0
            self.epoch_budget = False
            self._notify()

    def stop(self) -> None:
        with self.condition:
            self.stop_requested = True
            self._notify()

    def request_learning_rate(self, lr: float, apply_lr: Callable[[float], None]) -> None:
        """Apply ``lr`` now when no batch runs, else hand it to the loop's next safe point."""
        with self.condition:
            if self.wait_until_idle():
                apply_lr(lr)
            else:
                self.pending_lr = lr

    def set_speed(self, steps_per_second: float | None) -> None:
        """Train at most ``steps_per_second`` steps a second (``None``: full speed)."""
        with self.condition:
            self.steps_per_second = steps_per_second
            self._notify()

    def quiet(self) -> bool:
        """No request waits for the safe point; read without the lock, once per step.

        Plain attribute reads: a request made this very moment is seen at the next step.
        """
        return not (self.stop_requested or self.pause_requested or self.pending_lr is not None)

    def step_batch(self) -> bool:
        """Allow one more batch while paused; False (ignored) when not paused."""
        with self.condition:
            if not self.pause_requested:
                return False
            self.batch_budget += 1
            self._notify()
            return True

    def step_epoch(self) -> bool:
        """Allow the rest of the current epoch while paused; False when not paused."""
        with self.condition:
            if not self.pause_requested:
                return False
            self.epoch_budget = True
            self._notify()
            return True

    def epoch_done(self) -> None:
        with self.condition:
            self.epoch_budget = False

    def safe_point(
        self,
        apply_lr: Callable[[float], None],
        on_wait: Callable[[bool], None],
        next_turn: Callable[[float | None], float] = lambda rate: -math.inf,
    ) -> Decision:
        """The loop's full check; blocks while paused with nothing to step.

        ``apply_lr`` receives a learning rate set from another thread;
        ``on_wait(True)`` / ``on_wait(False)`` bracket the time spent paused.
        ``next_turn(steps_per_second)`` is when the next step is due at a slow
        speed (a ``perf_counter`` time); until then the loop waits here, where
        every request still reaches it at once. A single step (Step batch) goes
        without waiting for its turn.
        """
        with self.condition:
            while True:
                if self.pending_lr is not None:
                    apply_lr(self.pending_lr)
                    self.pending_lr = None
                if self.stop_requested:
                    return Decision.STOP
                if not self.pause_requested or self.epoch_budget:
                    self.pause_reported = False
                    wait = next_turn(self.steps_per_second) - time.perf_counter()
                    if wait <= 0:
                        return Decision.TRAIN
                    self.condition.wait(wait)
                    continue
                if self.batch_budget > 0:
                    self.batch_budget -= 1
                    self.pause_reported = False
                    return Decision.TRAIN
                if not self.pause_reported:
                    self.pause_reported = True
                    return Decision.REPORT_PAUSE
                on_wait(True)
                self.busy = False
                self.condition.notify_all()  # wake callers of wait_until_idle
                self.condition.wait()
                self.busy = True
                on_wait(False)

    def wait_until_idle(self, timeout: float = IDLE_TIMEOUT) -> bool:
        """Call holding ``condition``: True once no batch is running (or from the loop itself).

        While a pause is pending or a single step runs, waits for the loop to
        reach its safe point; while training runs freely, answers False at once.
        """
        if not self.busy or self.in_loop_thread():
            return True
        if not self.pause_requested or self.stop_requested:
            return False
        self.condition.wait_for(
            lambda: not self.busy or not self.pause_requested or self.stop_requested, timeout
        )
        return not self.busy


class RunClock:
    """Seconds of training, pauses excluded (for samples/s and the elapsed display)."""

    def __init__(self) -> None:
        self._elapsed = 0.0
        self._started: float | None = None

    def start(self) -> None:
        if self._started is None:
            self._started = time.perf_counter()

    def stop(self) -> None:
        if self._started is not None:
            self._elapsed += time.perf_counter() - self._started
            self._started = None

    def waiting(self, waiting: bool) -> None:
        """Hand to :meth:`RunControl.safe_point`: stops the clock while paused."""
        if waiting:
            self.stop()
        else:
            self.start()

    @property
    def elapsed(self) -> float:
        running = 0.0 if self._started is None else time.perf_counter() - self._started
        return self._elapsed + running
