"""What differs between two runs' settings, in words a learner reads in the compare view."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from playground.core.layers.catalog import CATALOGUE
from playground.core.messages.texts import text
from playground.core.runs.records import RunRecord
from playground.core.spec.experiment import Experiment, LayerSpec

# Labels are English; they reach people through ``text`` (core/messages), in their language.
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
    ("model", "init"): "initial weights",
}
_IGNORED = frozenset({"schema_version", "name", "description"})
ARROW = "→"
SEPARATOR = " ▸ "


def format_setting(value: Any) -> str:
    """A setting value the way a person writes it: ``0.01``, ``on``, ``none``."""
    if value is None:
        return text("none")
    if isinstance(value, bool):
        return text("on") if value else text("off")
    if isinstance(value, float):
        return f"{value:g}" if math.isfinite(value) else str(value)
    if isinstance(value, list | tuple):
        return ", ".join(format_setting(v) for v in value) if value else text("none")
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
    label = _FIELD_LABELS.get((section, name))
    return text(label) if label else name.replace("_", " ")


def _section_label(section: str) -> str:
    return text(_SECTION_LABELS[section])


def _diff_section(section: str, a: Any, b: Any) -> list[SettingChange]:
    title = _section_label(section)
    if not isinstance(a, dict) or not isinstance(b, dict):
        return [SettingChange(section, title, a, b)] if a != b else []
    if a.get("kind") != b.get("kind") and section == "data":
        label = f"{title}{SEPARATOR}{text('source')}"
        return [SettingChange("data.kind", label, a["kind"], b["kind"])]
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
        base = _section_label("model") + SEPARATOR + text("layer {number}", number=index + 1)
        path = f"model.layers[{index}]"
        if left is None or right is None or left.kind != right.kind:
            changes.append(SettingChange(path, base, _layer_name(left), _layer_name(right)))
            continue
        kind = CATALOGUE.get(left.kind)
        params_a = kind.resolve(left.params) if kind else dict(left.params)
        params_b = kind.resolve(right.params) if kind else dict(right.params)
        for name in list(params_a) + [k for k in params_b if k not in params_a]:
            if params_a.get(name) != params_b.get(name):
                title = text(kind.param(name).title) if kind and name in params_a else name
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
            if a.model.init != b.model.init:
                label = f"{_section_label('model')}{SEPARATOR}{_field_label('model', 'init')}"
                changes.append(SettingChange("model.init", label, a.model.init, b.model.init))
        else:
            changes.extend(_diff_section(section, left[section], right[section]))
    return changes


def learning_rate_text(record: RunRecord) -> str:
    """The learning rate a run used: ``0.1``, or ``0.1, then 0.01 from epoch 12`` when set mid-run.

    Worded without an arrow, which the compare view keeps for "run A → run B".
    """
    words = format_setting(record.settings.optimizer.lr)
    for edit in record.lr_edits:
        words += text(
            ", then {lr} from epoch {epoch}", lr=format_setting(edit.lr), epoch=edit.epoch
        )
    return words


def diff_runs(a: RunRecord, b: RunRecord) -> list[SettingChange]:
    """What differs between two runs, a learning rate changed during either run included.

    The start settings alone would report a learning-rate difference that was
    not there (or miss one that was) once a rate is set by hand mid-run; the
    rates as they ran are compared instead.
    """
    changes = diff_settings(a.settings, b.settings)
    a_lr, b_lr = learning_rate_text(a), learning_rate_text(b)
    label = f"{_section_label('optimizer')}{SEPARATOR}{_field_label('optimizer', 'lr')}"
    lr_change = SettingChange("optimizer.lr", label, a_lr, b_lr)
    paths = [c.path for c in changes]
    if "optimizer.lr" in paths:
        changes[paths.index("optimizer.lr")] = lr_change  # the start rates differ anyway
    elif a_lr != b_lr:
        before = ("data", "model", "loss", "optimizer.kind")
        at = max((i + 1 for i, path in enumerate(paths) if path.startswith(before)), default=0)
        changes.insert(at, lr_change)
    return changes
