"""The undo command of the experiment model, and the helpers it needs.

Every edit of the experiment outside the layer editor is one
:class:`EditExperimentCommand`: it keeps the experiment before and after
(immutable copies, so undo is exact) and merges with the next command when
both change the same numeric setting, the way Qt's undo-framework example
merges moves of one item.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from playground.core.spec.experiment import Experiment

#: What an edit may change. ``model`` is the layers and ``init`` how their weights start: a new
#: start, like a new seed, applies to the next run and leaves a trained one as it is.
SECTIONS: tuple[str, ...] = (
    "data", "model", "init", "loss", "optimizer", "schedule", "training", "name",
)  # fmt: skip
_EDIT_ID = 4102  # distinct from the layer editor's parameter command


class ExperimentTarget(Protocol):
    """What the command changes: the experiment model."""

    def apply(self, experiment: Experiment) -> None: ...


def _part(experiment: Experiment, section: str) -> Any:
    if section == "model":
        return experiment.model.layers
    if section == "init":
        return experiment.model.init
    return getattr(experiment, section)


def changed_sections(before: Experiment, after: Experiment) -> list[str]:
    """The sections of :data:`SECTIONS` that differ, in that order (``name`` covers the description)."""
    sections = [s for s in SECTIONS[:-1] if _part(before, s) != _part(after, s)]
    if (before.name, before.description) != (after.name, after.description):
        sections.append("name")
    return sections


def with_setting(experiment: Experiment, section: str, name: str, value: Any) -> Experiment:
    """A copy with one setting of ``section`` changed, checked by the spec.

    ``beta1``/``beta2`` are the two halves of the optimizer's ``betas``. Raises
    pydantic's ``ValidationError`` for a value the spec does not allow.
    """
    part = getattr(experiment, section)
    values = part.model_dump()
    if section == "optimizer" and name in ("beta1", "beta2"):
        betas = list(values["betas"])
        betas[name == "beta2"] = value
        values["betas"] = tuple(betas)
    else:
        values[name] = value
    return experiment.model_copy(update={section: type(part).model_validate(values)})


def _leaves(value: Any, path: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        leaves: dict[str, Any] = {}
        for key, item in value.items():
            leaves.update(_leaves(item, f"{path}.{key}" if path else key))
        return leaves
    return {path: value}


def _numeric(value: Any) -> bool:
    if isinstance(value, list):
        return bool(value) and all(_numeric(v) for v in value)
    return isinstance(value, int | float) and not isinstance(value, bool)


def merge_key(before: Experiment, after: Experiment) -> str | None:
    """The one numeric setting an edit changes (``optimizer.lr``), or None when it is more.

    Only such edits merge: spinning a number is one step, while choosing a loss
    or changing the data (which may also refit the last layer) stays its own.
    """
    a, b = _leaves(before.to_dict()), _leaves(after.to_dict())
    changed = [path for path in a.keys() | b.keys() if a.get(path) != b.get(path)]
    if len(changed) != 1:
        return None
    path = changed[0]
    both_numbers = _numeric(a.get(path)) and _numeric(b.get(path))
    return path if both_numbers else None


class EditExperimentCommand(QUndoCommand):
    """Replace the experiment; undo brings back the one before."""

    def __init__(
        self, target: ExperimentTarget, before: Experiment, after: Experiment, text: str
    ) -> None:
        super().__init__(text)
        self._target = target
        self.before = before
        self.after = after
        self.key = merge_key(before, after)

    def id(self) -> int:
        return _EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditExperimentCommand):
            return False
        if self.key is None or other.key != self.key or other.before != self.after:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)
        return True

    def redo(self) -> None:
        self._target.apply(self.after)

    def undo(self) -> None:
        self._target.apply(self.before)
