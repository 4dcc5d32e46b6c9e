"""What the window keeps of a run once its training child has moved on.

The child sends its final snapshot, weights and history at the end of a run
(:class:`~.protocol.Outcome`). :class:`EndedRun` puts the weights into the
window's own copy of the model, so the run's record, the exports, a weight
typed into the diagram afterwards and its snapshot need no child. That copy
may live on the CPU; what is shown of the run still names the device it trained on.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from playground.core.training import run_ending
from playground.core.training.engine import Engine
from playground.core.training.history import MetricHistory
from playground.core.training.remote.protocol import Outcome, cpu_weights
from playground.core.training.snapshot import RunState, Snapshot


class EndedRun:
    """The kept end of a run: final snapshot, history and the weights (loaded into ``local``)."""

    def __init__(self, outcome: Outcome, local: Engine, device: str) -> None:
        if outcome.weights:
            local.model.load_state_dict(outcome.weights)
        final = outcome.final
        self.final = final if final is not None else _failed(None, local, device)
        self.history = outcome.history
        self.train_loss = outcome.train_loss
        self.learning_rate = outcome.learning_rate
        self.edited = False  # a weight was set by hand after the end

    @property
    def state(self) -> RunState:
        return self.final.state

    def snapshot(self, local: Engine) -> Snapshot:
        """The run as it ended; after a hand-set weight, its views of the weights redone.

        Losses, progress and gradients stay the run's; what depends on the weights
        (parameter values, validation metrics, the decision picture) is computed by
        the engine's own snapshot code from ``local``'s model.
        """
        ended = dataclasses.replace(
            self.final,
            new_steps=np.zeros(0, dtype=np.int64),
            new_losses=np.zeros(0, dtype=np.float64),
            new_epochs=(),
        )
        if not self.edited:
            return ended
        fresh = local.snapshot()
        gradients = {p.name: p for p in self.final.parameters}
        parameters = tuple(
            dataclasses.replace(
                p,
                grad_norm=g.grad_norm,
                grads=g.grads,
                grad_matrix=g.grad_matrix,
                update_ratio=g.update_ratio,
            )
            if (g := gradients.get(p.name)) is not None
            else p
            for p in fresh.parameters
        )
        return dataclasses.replace(
            ended,
            parameters=parameters,
            val_loss=fresh.val_loss,
            train_accuracy=fresh.train_accuracy,
            val_accuracy=fresh.val_accuracy,
            dead_units=fresh.dead_units,
            decision=fresh.decision,
            curve=fresh.curve,
            predictions=fresh.predictions,
        )


def _failed(latest: Snapshot | None, local: Engine, device: str) -> Snapshot:
    base = latest if latest is not None else local.snapshot()
    return dataclasses.replace(
        base,
        device=device,  # the run's, not that of the window's copy
        state="failed",
        ending=run_ending.process_ended(base.step),
        new_steps=np.zeros(0, dtype=np.int64),
        new_losses=np.zeros(0, dtype=np.float64),
        new_epochs=(),
    )


def outcome_of_lost_child(
    latest: Snapshot | None, local: Engine, history: MetricHistory, device: str
) -> Outcome:
    """The end of a run whose child died or went silent: failed, with a sentence in words.

    The weights the child had are lost with it; the window keeps the start weights,
    the last snapshot it received and the history mirrored from the snapshots.
    """
    final = _failed(latest, local, device)
    return Outcome(
        final, cpu_weights(local.model.state_dict()), history, final.train_loss, final.learning_rate
    )
