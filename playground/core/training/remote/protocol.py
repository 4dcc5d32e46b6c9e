"""What crosses the pipes between the window's process and a training child.

Messages are tuples whose first item names them; their payloads are the plain
dataclasses below, pickled by :mod:`multiprocessing`. Parent to child (the
child's inbox): ``("run", Job)``, the controls (``("pause",)``, ``("resume",)``,
``("stop",)``, ``("step_batch",)``, ``("step_epoch",)``, ``("speed", s)``,
``("lr", lr)``, ``("ready", SnapshotContent)``), the questions (``("ask", id,
what, args)``), ``("release",)`` after a run's end and ``("quit",)``. Child to
parent: ``("warm", pid)`` once it can train, ``("snapshot", Snapshot)``,
``("answer", id, ok, value)`` and ``("end", Outcome)``.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass

import torch

from playground.core.data.base import Dataset
from playground.core.training.history import MetricHistory
from playground.core.training.run_control import Callback
from playground.core.training.snapshot import Snapshot
from playground.core.training.snapshot_demand import SnapshotContent

Message = tuple[object, ...]


@dataclass(frozen=True)
class Job:
    """Everything the child needs to build the same engine as the window's."""

    experiment_json: str
    dataset: Dataset
    initial_state: dict[str, torch.Tensor]
    callbacks: tuple[Callback, ...]
    speed: float | None
    snapshot_interval: float
    start_paused: bool
    content: SnapshotContent
    paced: bool
    # Controls given before the job was sent, applied before the loop starts (as an
    # engine keeps requests made before its run): a pause plus one step is one step.
    early: tuple[Message, ...] = ()
    # The window's language, so what the child puts into words reads as the window does.
    language: str = "en"


@dataclass(frozen=True)
class Failure:
    """An exception the child's run raised, told as its kind and its text."""

    kind: str  # "value" (already a sentence), "memory", or the exception's class name
    text: str


@dataclass(frozen=True)
class Outcome:
    """The end of a run: what the window keeps once the child has moved on."""

    final: Snapshot | None
    weights: dict[str, torch.Tensor]
    history: MetricHistory
    train_loss: float
    learning_rate: float
    failure: Failure | None = None


def crossing_callbacks(
    callbacks: Sequence[Callback], dataset: Dataset | None = None
) -> tuple[Callback, ...] | None:
    """``callbacks`` when they and ``dataset`` survive pickling, else None.

    Core hooks such as StepLimit and the app's data sets cross; a hook defined
    inside a function, or one holding a lock or a widget, cannot go to another
    process (nor can a data set whose plane mapping is such a function): that
    run trains in the window's process instead.
    """
    try:
        pickle.dumps((tuple(callbacks), dataset))
    except Exception:  # any failure to pickle means it cannot cross
        return None
    return tuple(callbacks)


def cpu_weights(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """Detached CPU copies of a state dict, safe to pickle whatever the device."""
    return {name: value.detach().to("cpu").clone() for name, value in state.items()}
