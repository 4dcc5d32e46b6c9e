"""Per-parameter gradient norms as backward produced them, and clipping that reuses them.

Gradient clipping rescales every gradient in place. Norms read from ``.grad``
after that show the clip threshold instead of the real size of the gradients,
which hides exactly what a learner turns to the Gradients tab for: gradients
that explode. :class:`GradientNorms` is the engine's own after-backward hook;
it reads the norms before clipping, and clipping uses those same norms, so
with clipping on nothing is computed twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch
from torch import nn

from playground.core.training.run_control import Callback

if TYPE_CHECKING:
    from playground.core.training.engine import Engine


class GradientNorms(Callback):
    """The latest batch's gradient norm of every trainable parameter, read before clipping.

    The norms stay on the training device as one tensor, so recording them
    costs no device synchronisation per batch; :meth:`latest` reads them back
    once, when a snapshot is taken. The engine sets :attr:`wanted` per batch:
    norms are read when clipping needs them or a snapshot follows the batch.
    Otherwise nothing is read, and a later snapshot measures ``.grad``, which
    without clipping is still what backward produced.
    """

    def __init__(self, model: nn.Module) -> None:
        named = [(name, p) for name, p in model.named_parameters() if p.requires_grad]
        self._names = [name for name, _ in named]
        self._parameters = [p for _, p in named]
        self._recorded: list[str] = []  # names of the parameters in ``_norms``, in order
        self._norms: torch.Tensor | None = None
        self.wanted = True

    def on_after_backward(self, engine: Engine) -> None:
        """Read the norms of the gradients that backward has just written (when wanted)."""
        if self.wanted:
            self.record()
        else:
            self.reset()  # older norms would be stale; a snapshot reads .grad instead

    def record(self) -> None:
        """Measure every parameter that has a gradient (one small kernel per parameter)."""
        names: list[str] = []
        norms: list[torch.Tensor] = []
        for name, parameter in zip(self._names, self._parameters, strict=True):
            if parameter.grad is not None:
                names.append(name)
                norms.append(torch.linalg.vector_norm(parameter.grad.detach()))
        self._recorded = names
        self._norms = torch.stack(norms) if norms else None

    def clip(self, max_norm: float) -> None:
        """Scale the gradients so their overall norm is at most ``max_norm``.

        The same arithmetic as ``torch.nn.utils.clip_grad_norm_`` (the norm of
        the per-parameter norms, then one common factor), on the norms already
        recorded for this batch.
        """
        if self._norms is None:
            return
        total = torch.linalg.vector_norm(self._norms)
        torch.nn.utils.clip_grads_with_norm_(self._parameters, max_norm, total)

    def latest(self) -> dict[str, float]:
        """Name → norm of the latest recorded batch (empty before the first backward pass)."""
        if self._norms is None:
            return {}
        values = [float(value) for value in self._norms.tolist()]
        return dict(zip(self._recorded, values, strict=True))

    def reset(self) -> None:
        """Forget the norms (the weights went back to their start)."""
        self._recorded = []
        self._norms = None
