"""One optimizer step on one mini-batch: forward, backward, clipping, update.

The engine owns the run (its counters, controls and snapshots); this is the
step itself, with its two ways of computing the gradients: autograd, or the
hand-written pass of :mod:`playground.core.training.fast_dense` when the model is
a plain dense stack. Everything from the gradients on (the after-backward
hooks, the gradient norms, clipping, the optimizer, the update ratios) is
shared, so both ways train the same weights and show the same gradients.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import torch
from torch import nn

from playground.core.spec.experiment import TrainingSpec
from playground.core.training.fast_dense import DenseStack
from playground.core.training.gradients import GradientNorms
from playground.core.training.inspection import update_ratios
from playground.core.training.run_control import Callback
from playground.core.training.stop_in_batch import BatchInterrupter

if TYPE_CHECKING:
    from playground.core.training.engine import Engine


class BatchStep:
    """Trains one batch with the engine's model, loss and (swappable) optimizer."""

    def __init__(
        self,
        model: nn.Module,
        loss_fn: nn.Module,
        gradient_norms: GradientNorms,
        interrupter: BatchInterrupter,
        fast: DenseStack | None,
        training: TrainingSpec,
        callbacks: Sequence[Callback],
    ) -> None:
        self._model = model
        named = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
        self._names = [n for n, _ in named]
        self._parameters = [p for _, p in named]
        self._clip = training.grad_clip
        self._zero_grad = training.zero_grad
        self._callbacks = callbacks
        self._loss_fn = loss_fn
        self._gradient_norms = gradient_norms
        self._interrupter = interrupter
        self.fast = fast
        self.update_ratios: dict[str, float] = {}

    def run(
        self,
        engine: Engine,
        optimizer: torch.optim.Optimizer,
        inputs: torch.Tensor,
        targets: torch.Tensor,
        record: bool,
    ) -> torch.Tensor:
        """Train on ``inputs``; returns the batch's detached loss.

        ``record``: a snapshot follows, so the gradient norms and the
        update-to-weight ratios are measured. May raise ``BatchStopped`` (a stop
        arrived during forward or backward); no optimizer step has been taken then.
        """
        # Clipping needs the norms anyway; otherwise they are read only for a snapshot.
        clip, zero_grad, parameters = self._clip, self._zero_grad, self._parameters
        self._gradient_norms.wanted = record or clip is not None
        if self.fast is not None:
            # Replacing every .grad is what zero_grad(set_to_none=True) + backward does.
            loss = self.fast.step(inputs, targets, accumulate=not zero_grad)
        else:
            # A stop may end the batch from here until backward is done (see stop_in_batch).
            self._interrupter.arm()
            outputs = self._model(inputs)
            loss = self._loss_fn(outputs, targets)
            if zero_grad:
                optimizer.zero_grad(set_to_none=True)
            loss.backward()
            self._interrupter.disarm()
        for callback in self._callbacks:
            callback.on_after_backward(engine)
        if clip is not None:
            self._gradient_norms.clip(clip)  # with the norms the hook read before clipping
        # Update-to-weight ratios need the old weights: copied only when a snapshot is due.
        before = [p.detach().clone() for p in parameters] if record else None
        optimizer.step()
        if before is not None:
            self.update_ratios = update_ratios(self._names, parameters, before)
        return loss.detach()
