"""Paired runs: repeat a run with one setting changed but the same start.

The paired run gets the same initial weights, data tensors and batch order as
its base, so any difference in the curves comes from the changed setting alone.
This sits above the engine (it builds one); run records stay plain data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

from playground.core.runs.differences import diff_settings
from playground.core.runs.records import RunRecord
from playground.core.spec.experiment import Experiment
from playground.core.training.engine import Engine
from playground.core.training.snapshot import Snapshot


class PairedRunError(ValueError):
    """A paired run cannot keep what it must keep; the message says which setting differs."""


def _same_or_refuse(base: Experiment, changed: Experiment) -> None:
    for change in diff_settings(base, changed):
        if change.path.startswith(("data.", "model.")):
            raise PairedRunError(
                f"A paired run keeps the data and the layers, but this changes {change.text}; "
                "start a normal run to compare it instead."
            )


def paired_engine(base: Engine | RunRecord, changed: Experiment, **engine_options: Any) -> Engine:
    """An engine for ``changed`` that starts where ``base`` started, ready to :meth:`~Engine.run`.

    It gets the same initial weights and the same data tensors as the base run;
    with an unchanged training seed it also sees the batches in the same order,
    so the two curves differ only through the changed setting. Data and layer
    changes are refused with :class:`PairedRunError`.
    """
    if isinstance(base, RunRecord):
        _same_or_refuse(base.settings, changed)
        # Only a source of the data and start weights, which do not depend on the device.
        base = Engine(base.settings, device=torch.device("cpu"))
    else:
        _same_or_refuse(base.experiment, changed)
    return Engine(changed, dataset=base.dataset, initial_state=base.initial_state, **engine_options)


def paired_run(
    base: Engine | RunRecord,
    changed: Experiment,
    on_snapshot: Callable[[Snapshot], None] | None = None,
) -> tuple[Engine, Snapshot]:
    """Build :func:`paired_engine` and train it here (blocking); returns it and its final snapshot."""
    engine = paired_engine(base, changed)
    return engine, engine.run(on_snapshot)
