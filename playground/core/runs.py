"""Run records: what one training run used and achieved, kept for comparison.

A :class:`RunRecord` is small plain data (settings, device, duration, final
metrics and decimated curves) that travels inside ``.playground`` files, so a
learner can reopen an experiment and still see how earlier runs went.
:func:`diff_settings` says in words what differs between two runs' settings;
:func:`paired_run` repeats a run with one setting changed but the same start
weights, data and batch order, so any difference in the curves comes from that
setting alone.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from playground.core.layers import CATALOGUE
from playground.core.spec import Experiment, LayerSpec

if TYPE_CHECKING:
    from playground.core.engine import Engine
    from playground.core.snapshot import Snapshot

MAX_CURVE_POINTS = 1000


class RecordModel(BaseModel):
    """Base of the stored records: strict keys; NaN and infinity survive JSON (diverged runs)."""

    model_config = ConfigDict(extra="forbid", ser_json_inf_nan="constants")


class RunCurves(RecordModel):
    """Loss curves thinned to at most :data:`MAX_CURVE_POINTS` points each."""

    steps: list[int] = Field(default_factory=list)
    losses: list[float] = Field(default_factory=list)
    epochs: list[int] = Field(default_factory=list)
    epoch_losses: list[float] = Field(default_factory=list)
    val_losses: list[float | None] = Field(default_factory=list)


class FinalMetrics(RecordModel):
    """Where the run ended."""

    train_loss: float
    val_loss: float | None = None
    train_accuracy: float | None = None
    val_accuracy: float | None = None


class RunRecord(RecordModel):
    """One finished (or stopped, or diverged) training run."""

    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    started_at: datetime
    settings: Experiment
    device: str
    seconds: float = Field(ge=0.0)
    state: str = "finished"
    reason: str = ""
    epochs: int = Field(0, ge=0)
    steps: int = Field(0, ge=0)
    final: FinalMetrics
    curves: RunCurves = Field(default_factory=RunCurves)


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
    )


# ---- differences between settings ------------------------------------------------

_SECTION_LABELS = {
    "data": "data",
    "model": "model",
    "loss": "loss",
    "optimizer": "optimizer",
    "schedule": "schedule",
    "training": "training",
}
_FIELD_LABELS = {
    ("data", "name"): "data set",
    ("data", "validation_fraction"): "validation share",
    ("data", "derived_features"): "derived inputs",
    ("data", "as_images"): "digits as images",
    ("data", "path"): "CSV file",
    ("data", "features"): "feature columns",
    ("data", "target"): "target column",
    ("data", "standardize"): "standardise",
    ("optimizer", "kind"): "type",
    ("optimizer", "lr"): "learning rate",
    ("optimizer", "weight_decay"): "weight decay",
    ("schedule", "kind"): "type",
    ("schedule", "step_size"): "step size (epochs)",
    ("schedule", "t_max"): "half-cycle (epochs)",
    ("schedule", "min_lr"): "lowest learning rate",
    ("training", "batch_size"): "batch size",
    ("training", "grad_clip"): "gradient clipping",
}
_IGNORED = frozenset({"schema_version", "name", "description"})
ARROW = "→"
SEPARATOR = " ▸ "


def format_setting(value: Any) -> str:
    """A setting value the way a person writes it: ``0.01``, ``on``, ``none``."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, float):
        return f"{value:g}" if math.isfinite(value) else str(value)
    if isinstance(value, list | tuple):
        return ", ".join(format_setting(v) for v in value) if value else "none"
    return str(value)


@dataclass(frozen=True)
class SettingChange:
    """One setting that differs between two experiments, with a label for people."""

    path: str  # machine path, e.g. ``optimizer.lr`` or ``model.layers[1].params.out_features``
    label: str  # e.g. ``optimizer ▸ learning rate``
    a_value: Any
    b_value: Any

    @property
    def text(self) -> str:
        """E.g. ``optimizer ▸ learning rate: 0.01 → 0.1``."""
        return (
            f"{self.label}: {format_setting(self.a_value)} {ARROW} {format_setting(self.b_value)}"
        )

    def __str__(self) -> str:
        return self.text


def _field_label(section: str, name: str) -> str:
    return _FIELD_LABELS.get((section, name), name.replace("_", " "))


def _diff_section(section: str, a: Any, b: Any) -> list[SettingChange]:
    title = _SECTION_LABELS[section]
    if not isinstance(a, dict) or not isinstance(b, dict):
        return [SettingChange(section, title, a, b)] if a != b else []
    if a.get("kind") != b.get("kind") and section == "data":
        return [SettingChange("data.kind", f"{title}{SEPARATOR}source", a["kind"], b["kind"])]
    changes = []
    for key in list(a) + [k for k in b if k not in a]:
        if a.get(key) != b.get(key):
            label = f"{title}{SEPARATOR}{_field_label(section, key)}"
            changes.append(SettingChange(f"{section}.{key}", label, a.get(key), b.get(key)))
    return changes


def _layer_name(layer: LayerSpec | None) -> str | None:
    return None if layer is None else layer.kind


def _diff_layers(a: Sequence[LayerSpec], b: Sequence[LayerSpec]) -> list[SettingChange]:
    changes = []
    for index in range(max(len(a), len(b))):
        left = a[index] if index < len(a) else None
        right = b[index] if index < len(b) else None
        base = f"model{SEPARATOR}layer {index + 1}"
        path = f"model.layers[{index}]"
        if left is None or right is None or left.kind != right.kind:
            changes.append(SettingChange(path, base, _layer_name(left), _layer_name(right)))
            continue
        kind = CATALOGUE.get(left.kind)
        params_a = kind.resolve(left.params) if kind else dict(left.params)
        params_b = kind.resolve(right.params) if kind else dict(right.params)
        for name in list(params_a) + [k for k in params_b if k not in params_a]:
            if params_a.get(name) != params_b.get(name):
                title = kind.param(name).title if kind and name in params_a else name
                changes.append(
                    SettingChange(
                        f"{path}.params.{name}",
                        f"{base} ({left.kind}){SEPARATOR}{title}",
                        params_a.get(name),
                        params_b.get(name),
                    )
                )
    return changes


def diff_settings(a: Experiment, b: Experiment) -> list[SettingChange]:
    """Every setting that differs from ``a`` to ``b`` (name and description aside), in spec order."""
    left, right = a.to_dict(), b.to_dict()
    changes: list[SettingChange] = []
    for section in left:
        if section in _IGNORED:
            continue
        if section == "model":
            changes.extend(_diff_layers(a.model.layers, b.model.layers))
        else:
            changes.extend(_diff_section(section, left[section], right[section]))
    return changes


# ---- records from the engine and paired runs ------------------------------------------


def _finite_or_none(value: float | None) -> float | None:
    return None if value is None else float(value)


def record_from_engine(
    engine: Engine, final_snapshot: Snapshot, started_at: datetime, seconds: float
) -> RunRecord:
    """A :class:`RunRecord` of a run that has ended: its settings, result and thinned curves."""
    steps, losses = engine.history.step_curve()
    epochs = engine.history.epochs
    return RunRecord(
        started_at=started_at,
        settings=engine.experiment,
        device=str(engine.device),
        seconds=max(0.0, float(seconds)),
        state=final_snapshot.state,
        reason=final_snapshot.reason,
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
        ),
    )


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
    from playground.core.engine import Engine

    if isinstance(base, RunRecord):
        _same_or_refuse(base.settings, changed)
        base = Engine(base.settings)
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
