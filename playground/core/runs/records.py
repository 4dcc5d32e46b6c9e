"""Run records: what one training run used and achieved, kept for comparison.

A :class:`RunRecord` is small plain data (settings, device, duration, final
metrics and decimated curves) that travels inside ``.playground`` files, so a
learner can reopen an experiment and still see how earlier runs went.
:mod:`~playground.core.runs.differences` says what differs between two runs'
settings; :mod:`~playground.core.runs.paired` repeats a run with one setting
changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from playground.core.spec.experiment import Experiment
from playground.core.training.run_ending import RUN_ENDING_CODES, RunEnding

if TYPE_CHECKING:
    from playground.core.training.engine import Engine
    from playground.core.training.remote.proxy import RemoteEngine
    from playground.core.training.snapshot import Snapshot

MAX_CURVE_POINTS = 1000


class RecordModel(BaseModel):
    """Base of the stored records: strict keys; NaN and infinity survive JSON (diverged runs)."""

    # Built when first used (a run ends, a file with runs opens), not while the app starts.
    model_config = ConfigDict(extra="forbid", ser_json_inf_nan="constants", defer_build=True)


class RunCurves(RecordModel):
    """Loss curves thinned to at most :data:`MAX_CURVE_POINTS` points each."""

    steps: list[int] = Field(default_factory=list)
    losses: list[float] = Field(default_factory=list)
    epochs: list[int] = Field(default_factory=list)
    epoch_losses: list[float] = Field(default_factory=list)
    val_losses: list[float | None] = Field(default_factory=list)
    learning_rates: list[float] = Field(
        default_factory=list, description="The learning rate of each epoch's last step."
    )
    # Optional (files saved before they existed open with them empty): the accuracies
    # at each epoch's end, so a reopened file draws its last run's accuracy curves.
    train_accuracies: list[float | None] = Field(default_factory=list)
    val_accuracies: list[float | None] = Field(default_factory=list)
    epoch_steps: list[int] = Field(
        default_factory=list, description="The optimizer step at which each epoch ended."
    )


class FinalMetrics(RecordModel):
    """Where the run ended."""

    train_loss: float
    val_loss: float | None = None
    train_accuracy: float | None = None
    val_accuracy: float | None = None


class LearningRateEdit(RecordModel):
    """A learning rate set by hand during the run, from ``step`` (in epoch ``epoch``) on."""

    step: int = Field(ge=0)
    epoch: int = Field(ge=1)
    lr: float = Field(gt=0.0)


class EndingRecord(RecordModel):
    """Why the run ended, as data (see :mod:`~playground.core.training.run_ending`).

    Kept beside the English ``reason`` so each reader words it in its own language;
    a file's entry is untrusted: :func:`reason_in_words` falls back to ``reason``
    for a code or values it does not know.
    """

    code: str = Field(max_length=64)
    values: dict[str, str | int | float | dict[str, str | int]] = Field(default_factory=dict)


class RunRecord(RecordModel):
    """One finished (or stopped, or diverged) training run.

    ``settings`` are what the run started training with (a learning rate set
    before the first step included); ``lr_edits`` are the rates set by hand
    later, so the record says what really ran.
    """

    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    started_at: datetime
    settings: Experiment
    device: str
    seconds: float = Field(ge=0.0)
    state: str = "finished"
    reason: str = Field("", description="Why the run ended, in English.")
    ending: EndingRecord | None = None
    epochs: int = Field(0, ge=0)
    steps: int = Field(0, ge=0)
    final: FinalMetrics
    curves: RunCurves = Field(default_factory=RunCurves)
    lr_edits: list[LearningRateEdit] = Field(default_factory=list)
    paired_with: str = Field(
        "", description="The id of the run a paired run repeated with a change ('' if none)."
    )


def decimate_indices(count: int, limit: int = MAX_CURVE_POINTS) -> list[int]:
    """Evenly spread indices into ``count`` points, at most ``limit``, always keeping the last."""
    if count <= limit:
        return list(range(count))
    if limit < 2:
        return [count - 1]
    stride = (count - 1) / (limit - 1)
    return sorted({round(i * stride) for i in range(limit)})


def _thin(values: Sequence[Any], keep: Sequence[int]) -> list[Any]:
    return [values[i] for i in keep]


def make_curves(
    steps: Sequence[int],
    losses: Sequence[float],
    epochs: Sequence[int] = (),
    epoch_losses: Sequence[float] = (),
    val_losses: Sequence[float | None] = (),
    learning_rates: Sequence[float] = (),
    train_accuracies: Sequence[float | None] = (),
    val_accuracies: Sequence[float | None] = (),
    epoch_steps: Sequence[int] = (),
) -> RunCurves:
    """Build :class:`RunCurves`, thinning the per-step and per-epoch series separately."""
    keep = decimate_indices(len(steps))
    keep_epochs = decimate_indices(len(epochs))
    return RunCurves(
        steps=[int(s) for s in _thin(steps, keep)],
        losses=[float(v) for v in _thin(losses, keep)],
        epochs=[int(e) for e in _thin(epochs, keep_epochs)],
        epoch_losses=[float(v) for v in _thin(epoch_losses, keep_epochs)] if epoch_losses else [],
        val_losses=[None if v is None else float(v) for v in _thin(val_losses, keep_epochs)]
        if val_losses
        else [],
        learning_rates=[float(v) for v in _thin(learning_rates, keep_epochs)]
        if learning_rates
        else [],
        train_accuracies=_optional_floats(train_accuracies, keep_epochs),
        val_accuracies=_optional_floats(val_accuracies, keep_epochs),
        epoch_steps=[int(s) for s in _thin(epoch_steps, keep_epochs)] if epoch_steps else [],
    )


def _optional_floats(values: Sequence[float | None], keep: Sequence[int]) -> list[float | None]:
    """The kept values as floats; a series with no value at all is stored as an empty list."""
    if all(v is None for v in values):
        return []
    return [None if v is None else float(v) for v in _thin(values, keep)]


def _finite_or_none(value: float | None) -> float | None:
    return None if value is None else float(value)


def record_from_engine(
    engine: Engine | RemoteEngine,
    final_snapshot: Snapshot,
    started_at: datetime,
    seconds: float,
    paired_with: str = "",
) -> RunRecord:
    """A :class:`RunRecord` of a run that has ended: its settings, result and thinned curves.

    ``paired_with`` is the id of the run a paired run repeated ('' for a normal run).
    """
    steps, losses = engine.history.step_curve()
    epochs = engine.history.epochs
    settings = engine.experiment
    edits = [
        LearningRateEdit(step=c.step, epoch=c.epoch, lr=c.lr) for c in engine.history.lr_changes
    ]
    if edits and edits[0].step == 0:  # set before the first step: the run started with it
        optimizer = settings.optimizer.model_copy(update={"lr": edits.pop(0).lr})
        settings = settings.model_copy(update={"optimizer": optimizer})
    return RunRecord(
        started_at=started_at,
        settings=settings,
        device=str(engine.device),
        seconds=max(0.0, float(seconds)),
        state=final_snapshot.state,
        reason=final_snapshot.ending.in_english() if final_snapshot.ending else "",
        ending=_ending_record(final_snapshot.ending),
        epochs=final_snapshot.epoch,
        steps=final_snapshot.step,
        final=FinalMetrics(
            train_loss=float(engine.train_loss),
            val_loss=_finite_or_none(final_snapshot.val_loss),
            train_accuracy=_finite_or_none(final_snapshot.train_accuracy),
            val_accuracy=_finite_or_none(final_snapshot.val_accuracy),
        ),
        curves=make_curves(
            [int(s) for s in steps],
            [float(v) for v in losses],
            [r.epoch for r in epochs],
            [r.train_loss for r in epochs],
            [r.val_loss for r in epochs],
            [r.lr for r in epochs],
            [r.train_accuracy for r in epochs],
            [r.val_accuracy for r in epochs],
            [r.step for r in epochs],
        ),
        lr_edits=edits,
        paired_with=paired_with,
    )


def epoch_end_steps(record: RunRecord) -> list[int]:
    """The step at which each recorded epoch ended, for drawing per-epoch curves over steps.

    Files saved before the steps were kept give none; there every epoch is
    taken to span the same number of steps (as the engine trains them).
    """
    curves = record.curves
    if len(curves.epoch_steps) == len(curves.epochs):
        return list(curves.epoch_steps)
    per_epoch = record.steps // record.epochs if record.epochs else 0
    return [epoch * per_epoch for epoch in curves.epochs]


def final_train_loss_is_epoch_mean(record: RunRecord) -> bool:
    """Whether :func:`final_train_loss` is the mean of the last whole epoch.

    Otherwise the run stopped within an epoch, and it is the mean over that epoch's
    batches so far (the engine's ``train_loss``, which snapshot timing does not change).
    """
    if record.state == "finished" and record.curves.epoch_losses:
        return True
    ends = record.curves.epoch_steps
    return bool(ends) and ends[-1] == record.steps


def final_train_loss(record: RunRecord) -> float:
    """The mean training loss of the last epoch, or of the epoch the run stopped in so far."""
    if final_train_loss_is_epoch_mean(record):
        return record.curves.epoch_losses[-1]
    return record.final.train_loss


def reason_in_words(record: RunRecord) -> str:
    """Why ``record``'s run ended, in the active language when its ending is known data."""
    data = record.ending
    if data is None or set(data.values) != set(RUN_ENDING_CODES.get(data.code, ("?",))):
        return record.reason
    try:
        return RunEnding(data.code, data.values).message
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):  # values a file made up
        return record.reason


def _ending_record(ending: RunEnding | None) -> EndingRecord | None:
    if ending is None:
        return None
    return EndingRecord.model_validate({"code": ending.code, "values": dict(ending.values)})
