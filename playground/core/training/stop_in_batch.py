"""Stop requests honoured inside a batch, between layers, not only between batches.

The engine checks its stop flag at one safe point per batch. A large network
(three 512-channel convolutions on the digits) can spend seconds in one batch,
and a window that closes, or an experiment that is replaced, should not wait
that long. :class:`BatchInterrupter` adds a cheap check before every layer's
forward pass and after every parameter's gradient is computed; when a stop is
pending it raises :class:`BatchStopped`, which unwinds the forward or backward
pass. The engine catches it, throws away the half-computed gradients, puts
buffers that the forward pass changed (BatchNorm's running statistics) back,
and ends the run as ``stopped``. The checks are armed only around the forward
and backward pass: the optimizer step is never interrupted, so the weights are
always those after the last complete step.

Hooks live only while a run is going (:meth:`BatchInterrupter.install` /
:meth:`BatchInterrupter.remove`), so exports and copies of the model never see them.
"""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import nn
from torch.utils.hooks import RemovableHandle


class BatchStopped(Exception):
    """Raised inside the forward or backward pass when a stop is pending (internal)."""


class BatchInterrupter:
    """Hooks on every layer and parameter of a model that end the current batch on a stop.

    ``stop_requested`` is read without a lock: it is a plain boolean written by
    another thread, and a check that misses a request that very moment sees it
    at the next layer or, at the latest, at the engine's safe point.
    """

    def __init__(self, model: nn.Module, stop_requested: Callable[[], bool]) -> None:
        self._model = model
        self._stop_requested = stop_requested
        self._handles: list[RemovableHandle] = []
        self._armed = False
        # Buffers that a training forward pass updates in place (BatchNorm statistics);
        # copied before each batch so that a batch cut short leaves no trace.
        # Only the catalogue's BatchNorm layers have buffers, and theirs are one number per
        # channel: the copy costs microseconds.
        self._buffers = list(model.buffers())
        self._saved: list[torch.Tensor] = []

    def install(self) -> None:
        """Add the checks (at the start of a run)."""
        if self._handles:
            return
        for module in self._model.modules():
            if module is not self._model:
                self._handles.append(module.register_forward_pre_hook(self._before_forward))
        for parameter in self._model.parameters():
            if parameter.requires_grad:
                handle = parameter.register_hook(self._after_gradient)  # type: ignore[no-untyped-call]
                self._handles.append(handle)

    def remove(self) -> None:
        """Take the checks off again (at the end of a run)."""
        for handle in self._handles:
            handle.remove()
        self._handles.clear()
        self._armed = False
        self._saved = []

    def arm(self) -> None:
        """A training batch begins: from now on a stop ends it (buffers are remembered)."""
        self._saved = [b.detach().clone() for b in self._buffers]
        self._armed = True

    def disarm(self) -> None:
        """Forward and backward are done: the rest of the batch always completes."""
        self._armed = False
        self._saved = []

    def roll_back(self) -> None:
        """After :class:`BatchStopped`: buffers as they were before the batch began."""
        self._armed = False
        with torch.no_grad():
            for buffer, saved in zip(self._buffers, self._saved, strict=True):
                buffer.copy_(saved)
        self._saved = []

    def _check(self) -> None:
        if self._armed and self._stop_requested():
            raise BatchStopped

    def _before_forward(self, module: nn.Module, inputs: object) -> None:
        self._check()

    def _after_gradient(self, gradient: torch.Tensor) -> None:
        self._check()
