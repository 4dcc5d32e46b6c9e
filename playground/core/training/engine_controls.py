"""The thread-safe controls of a run, and the error an engine refuses a request with.

Pause, resume, stop, single steps, the speed limit and the learning rate only
leave a request with :class:`~playground.core.training.run_control.RunControl`,
which the running loop reads at its one safe point per batch; a weight edit waits
on its lock until no batch runs. They are here, apart from the loop in
:mod:`~playground.core.training.engine`, because they share nothing with it but
that object (and the model a weight edit writes to).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import torch
from torch import nn

from playground.core.errors import ProblemError
from playground.core.problems import Problem
from playground.core.training.inspection import weight_at
from playground.core.training.pace import valid_speed
from playground.core.training.run_control import RunControl


class EngineError(ProblemError):
    """The engine cannot do what was asked; ``problems`` says why and what to do."""


class EngineControls:
    """The controls of an :class:`~playground.core.training.engine.Engine`, for any thread."""

    _control: RunControl
    _model: nn.Sequential
    # Sets the learning rate in the loop's thread (the engine records where it took effect).
    _apply_lr: Callable[[float], None]

    def pause(self) -> None:
        """Pause before the next batch (takes effect within one batch)."""
        self._control.pause()

    def resume(self) -> None:
        """Continue a paused run."""
        self._control.resume()

    def stop(self) -> None:
        """End the run; ``run()`` returns with state ``stopped``.

        Honoured before the next batch, or inside a long one between two layers
        (forward or backward): that batch is then dropped without an optimizer
        step, so the weights are those after the last complete step.
        """
        self._control.stop()

    def step_batch(self) -> None:
        """While paused: train exactly one batch, emit a snapshot and pause again."""
        self._control.step_batch()

    def step_epoch(self) -> None:
        """While paused: train to the end of the current epoch, emit a snapshot, pause again."""
        self._control.step_epoch()

    def set_learning_rate(self, lr: float) -> None:
        """Change the learning rate; a running loop applies it before its next batch."""
        if not math.isfinite(lr) or lr <= 0:
            raise EngineError(Problem("training.lr_not_positive", {"value": lr}))
        self._control.request_learning_rate(lr, self._apply_lr)

    def set_speed(self, steps_per_second: float | None) -> None:
        """At most this many steps a second (None: full speed), also mid-run; see ``pace``."""
        self._control.set_speed(valid_speed(steps_per_second))

    @property
    def speed(self) -> float | None:
        """The steps-per-second limit (``None``: full speed)."""
        return self._control.steps_per_second

    def set_weight(self, name: str, index: tuple[int, ...], value: float) -> None:
        """Set one weight, e.g. ``set_weight("0.weight", (2, 1), 0.5)``; not while a batch runs."""
        try:
            parameter = weight_at(self._model, name, index)
        except ProblemError as error:
            raise EngineError(error.problems) from None
        if not math.isfinite(value):
            raise EngineError(Problem("training.weight_not_finite", {"value": value}))
        with self._control.condition:
            self._require_idle("training.busy_weights")
            with torch.no_grad():
                parameter[index] = value

    def _require_idle(self, refusal: str) -> None:
        """Wait for the running batch to end; refuse with the problem ``refusal`` if it does not."""
        if not self._control.wait_until_idle():
            raise EngineError(Problem(refusal))
