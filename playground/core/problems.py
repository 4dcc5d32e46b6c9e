"""Problems as data: a stable code, the place it is about and the values that explain it.

The core finds problems (a kernel larger than its input, a loss that cannot
learn the data, a cell that is not a number) and front ends show them. Keeping
them as data rather than sentences lets each front end word them its own way
(the GUI marks the offending layer row from :attr:`Problem.layer`, the command
line prints a sentence) and lets the wording be translated in one place,
:mod:`playground.core.messages`. No code outside that module reads a problem's
text.

:data:`PROBLEM_VALUES` declares every code and the names its wording may use;
a :class:`Problem` refuses an unknown code or a missing value, so every
template in every catalogue can always be filled.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TypeAlias

#: A value a problem carries: plain data a template can show (JSON-like, lists as tuples).
PlainValue: TypeAlias = (
    str | int | float | bool | tuple["PlainValue", ...] | Mapping[str, "PlainValue"] | None
)

_CELL = ("file", "row", "column", "cell")
_PARAM = ("title", "value")

#: Every problem code and the names its wording may use (values or place fields).
PROBLEM_VALUES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # the file as a whole
        "file.not_text": ("byte",),
        "file.empty": (),
        "file.unreadable": ("reason",),
        "file.bad_json": ("reason", "line", "column"),
        "file.not_an_experiment": ("found",),
        "spec.version_not_whole": ("value", "current"),
        "spec.version_too_new": ("version", "current"),
        "spec.version_unknown": ("version",),
        "spec.no_presets": (),
        "spec.more_problems": ("count",),
        "spec.unknown_preset": ("name", "suggestion", "presets"),
        # settings, as pydantic reports them
        "spec.unknown_key": ("name", "suggestion", "known"),
        "spec.misplaced_key": ("name", "belongs"),
        "spec.not_a_choice": ("value", "choice_of", "suggestion", "choices"),
        "spec.unknown_data_kind": ("value",),
        "spec.missing": ("setting",),
        "spec.not_above": ("setting", "limit", "value"),
        "spec.not_at_least": ("setting", "limit", "value"),
        "spec.not_below": ("setting", "limit", "value"),
        "spec.not_at_most": ("setting", "limit", "value"),
        "spec.empty": ("setting",),
        "spec.rule": ("reason",),
        "spec.not_whole_number": ("setting", "value"),
        "spec.not_number": ("setting", "value"),
        "spec.not_finite": ("setting", "value"),
        "spec.not_bool": ("setting", "value"),
        "spec.not_text": ("setting", "value"),
        "spec.not_list": ("setting", "value"),
        "spec.not_group": ("setting", "value"),
        "spec.not_valid": ("setting", "reason"),
        "optimizer.betas_not_pair": ("value",),
        "optimizer.nesterov_needs_momentum": (),
        # layers and their parameters
        "layer.unknown_kind": ("kind", "suggestion", "known"),
        "layer.unknown_param": ("name", "suggestion", "parameters"),
        "layer.param_not_scalar": _PARAM,
        "layer.param_not_bool": _PARAM,
        "layer.param_not_number": _PARAM,
        "layer.param_not_whole": _PARAM,
        "layer.param_not_finite": _PARAM,
        "layer.param_out_of_range": ("title", "value", "low", "high"),
        # shapes
        "model.empty": (),
        "model.too_many_layers": ("count", "most"),
        "model.too_large_for_memory": (
            "total",
            "parameter_count",
            "parameter_bytes",
            "batch_size",
            "activation_bytes",
            "usable",
        ),
        "layer.needs_flat": ("kind", "shape"),
        "layer.needs_image": ("kind", "shape"),
        "layer.kernel_too_large": ("kernel", "height", "width", "padding"),
        "layer.padding_too_large": ("padding", "kernel", "most"),
        "layer.output_empty": ("shape",),
        "layer.needs_batches": (),
        # the model against the data
        "output.image": ("shape",),
        "output.size_mismatch": ("outputs", "data", "classes"),
        "output.target_mismatch": ("outputs", "data", "targets"),
        "output.bce_needs_one": ("outputs",),
        "loss.needs_numbers": ("loss", "data", "classes"),
        "loss.needs_classes": ("loss", "data"),
        "loss.needs_two_classes": ("loss", "data", "classes"),
        "data.unavailable": (),
        # data sets
        "data.no_plane_inputs": ("name", "chosen"),
        "data.images_only_digits": ("name",),
        "data.csv.duplicate_feature": ("column",),
        "data.csv.target_is_feature": ("column",),
        "data.csv.too_few_rows": ("file", "rows", "minimum"),
        "data.csv.missing_marker": _CELL,
        "data.csv.empty_cell": ("file", "row", "column"),
        "data.csv.target_not_number": _CELL,
        "data.csv.target_mostly_numbers": _CELL,
        "data.csv.one_class": ("file", "column", "value"),
        "data.csv.too_many_classes": ("file", "column", "classes", "rows"),
        "data.csv.bad_cell": _CELL,
        "data.csv.too_large": (*_CELL, "most"),
        "data.csv.too_many_columns": ("file", "row", "columns", "most"),
        "data.csv.row_too_wide": ("file", "row", "cells", "width"),
        "data.csv.row_too_short": ("file", "row", "column", "cells", "width"),
        "data.csv.header_is_numbers": ("file", "shown"),
        "data.csv.names_count": ("names", "columns", "row"),
        "data.csv.empty_table": ("file",),
        "data.csv.no_file": ("file",),
        "data.csv.empty_file": ("file",),
        "data.csv.binary_file": ("file",),
        "data.csv.bad_quotes": ("file", "row", "error"),
        "data.csv.duplicate_target": ("column",),
        "data.csv.classes_need_one_target": ("count",),
        "data.shown_input_unknown": ("name", "known"),
        # training in a spawned process
        "training.process_silent": (),
        # what the training engine refuses
        "training.no_samples": (),
        "training.batchnorm_batch": (),
        "training.start_weights_mismatch": (),
        "training.lr_not_positive": ("value",),
        "training.weight_not_finite": ("value",),
        "training.no_parameter": ("name", "known"),
        "training.position_outside": ("name", "index", "shape"),
        "training.busy_weights": (),
        "training.busy_snapshot": (),
        "training.reset_while_running": (),
        "training.already_running": (),
        "training.diverged": ("reason",),
        # a problem another part of the program has already put in words
        "note": ("text",),
    }
)

#: Names a template may use that come from the place rather than from the values.
PLACE_NAMES: tuple[str, ...] = ("row", "column")

__all__ = ["PLACE_NAMES", "PROBLEM_VALUES", "PlainValue", "Problem", "closest_match"]


@dataclass(frozen=True)
class Problem:
    """One thing that stops an experiment (or a file, or a data set) from working.

    ``code`` says what is wrong (see :data:`PROBLEM_VALUES`); the place fields
    say where: ``layer`` (0-based index) and ``layer_kind`` for a layer,
    ``section`` and ``field`` (dotted path in the file, e.g.
    ``training.batch_size``) for a setting, ``row`` (the file's row number) and
    ``column`` (its name) for a table cell, ``source`` for the file or input it
    was found in. ``values`` holds what the wording needs, as plain values.
    """

    code: str
    values: Mapping[str, PlainValue] = field(default_factory=dict, hash=False)
    layer: int | None = None
    layer_kind: str | None = None
    section: str | None = None
    field: str | None = None
    row: int | None = None
    column: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        if self.code not in PROBLEM_VALUES:
            raise ValueError(f"unknown problem code {self.code!r}")
        values = dict(self.values)
        missing = [
            name
            for name in PROBLEM_VALUES[self.code]
            if name not in values and not (name in PLACE_NAMES and getattr(self, name) is not None)
        ]
        if missing:
            raise ValueError(f"problem {self.code!r} lacks the values {', '.join(missing)}")
        object.__setattr__(self, "values", MappingProxyType(values))

    @classmethod
    def note(cls, text: str, *, source: str | None = None) -> Problem:
        """A problem already put in words elsewhere (an operating-system error, for example)."""
        return cls("note", {"text": text}, source=source)

    def within(self, source: str) -> Problem:
        """This problem as found in ``source`` (a file name or another input's name)."""
        return replace(self, source=source)

    def at_layer(self, index: int, kind: str | None) -> Problem:
        """This problem placed on the layer at ``index`` (0-based)."""
        return replace(self, layer=index, layer_kind=kind)


def closest_match(word: str, choices: Sequence[str]) -> str | None:
    """The choice ``word`` probably meant (same letters in another case, or a near spelling)."""
    if len(word) > 100:  # nothing that long is a misspelled name; difflib would only be slow
        return None
    lowered = {choice.lower(): choice for choice in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None
