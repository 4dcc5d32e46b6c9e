"""Pydantic's validation errors rewritten as problems that name the place in user terms.

Pydantic reports ``('training', 'batch_size')`` and "Input should be a valid
integer"; a user should read "training: batch size must be a whole number, not
'abc'". This module knows the shape of :class:`~playground.core.spec.experiment.Experiment`
well enough to place every error (sections, fields, layers) as a
:class:`~playground.core.problems.Problem` and to suggest the setting a
misspelled key probably meant; :mod:`playground.core.messages` words them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from playground.core.layers.catalog import CATALOGUE
from playground.core.problems import PlainValue, Problem, closest_match
from playground.core.safe_read import excerpt
from playground.core.spec.experiment import (
    BuiltinData,
    CsvData,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    ScheduleSpec,
    TrainingSpec,
)

_SECTIONS: dict[str, type[BaseModel]] = {
    "model": ModelSpec,
    "optimizer": OptimizerSpec,
    "schedule": ScheduleSpec,
    "training": TrainingSpec,
}
_DATA_KINDS: dict[str, type[BaseModel]] = {"builtin": BuiltinData, "csv": CsvData}


def _literal_choices(annotation: Any) -> tuple[str, ...]:
    """The allowed strings of a Literal, also inside ``list[Literal[...]]``."""
    if get_origin(annotation) is Literal:
        return tuple(str(arg) for arg in get_args(annotation))
    for arg in get_args(annotation):
        found = _literal_choices(arg)
        if found:
            return found
    return ()


class _Place:
    """Where an error sits: section or layer, the model class and the field."""

    def __init__(self, loc: tuple[int | str, ...], raw: Mapping[str, Any]) -> None:
        self.section: str | None = None
        self.key = ""  # dotted key of the setting, e.g. "data.name"
        self.model: type[BaseModel] | None = Experiment
        self.field: str | None = None
        self.in_params = False
        self.layer: int | None = None
        self.layer_kind: str | None = None
        self._walk(list(loc), raw)

    def _walk(self, loc: list[int | str], raw: Mapping[str, Any]) -> None:
        if not loc:
            return
        head = str(loc[0])
        rest = loc[1:]
        if head == "data":
            self.section, self.key = "data", "data"
            self.model = None
            if rest and str(rest[0]) in _DATA_KINDS:
                self.model = _DATA_KINDS[str(rest[0])]
                rest = rest[1:]
            if rest:
                self.field = str(rest[0])
                self.key = f"data.{self.field}"
            return
        if head == "model" and len(rest) >= 2 and rest[0] == "layers" and isinstance(rest[1], int):
            self._walk_layer(rest[1], rest[2:], raw)
            return
        if head in _SECTIONS:
            self.section, self.key, self.model = head, head, _SECTIONS[head]
            if rest:
                self.field = str(rest[0])
                self.key = f"{head}.{self.field}"
            return
        self.field, self.key = head, head
        if head == "loss":
            self.section = "loss"

    def _walk_layer(self, index: int, rest: list[int | str], raw: Mapping[str, Any]) -> None:
        layers = (
            raw.get("model", {}).get("layers", []) if isinstance(raw.get("model"), dict) else []
        )
        entry = layers[index] if isinstance(layers, list) and index < len(layers) else None
        kind = entry.get("kind") if isinstance(entry, dict) else None
        self.layer_kind = kind if isinstance(kind, str) and kind in CATALOGUE else None
        self.layer = index
        self.key = f"model.layers.{index}"
        self.model = LayerSpec
        if rest:
            self.field = str(rest[0])
            self.key = f"{self.key}.{self.field}"
            if self.field == "params" and len(rest) > 1:
                self.in_params = True
                self.model = None
                self.field = str(rest[1])
                self.key = f"{self.key}.{self.field}"

    def setting(self) -> str | None:
        """The setting's name (``setting.<name>`` in the catalogue), or a layer parameter's title."""
        if self.field is None:
            return None
        if self.in_params and self.layer_kind is not None:
            try:
                return CATALOGUE[self.layer_kind].param(self.field).title
            except KeyError:
                return self.field
        return self.field

    def known_fields(self) -> list[str]:
        if self.model is None:
            return []
        return [name for name in self.model.model_fields if name != "kind" or self.key != "data"]

    def choices(self) -> tuple[str, ...]:
        if self.model is None or self.field not in self.model.model_fields:
            return ()
        return _literal_choices(self.model.model_fields[self.field].annotation)

    def problem(self, code: str, values: Mapping[str, PlainValue]) -> Problem:
        """A problem with ``code`` at this place."""
        return Problem(
            code,
            values,
            layer=self.layer,
            layer_kind=self.layer_kind,
            section=self.section,
            field=self.key or None,
        )


def plain(value: object) -> PlainValue:
    """A value from a file as a problem may carry it: lists become tuples, groups stay groups."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return tuple(plain(item) for item in value)
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    return repr(value)


_RANGE_CODES: dict[str, tuple[str, str]] = {
    "greater_than": ("spec.not_above", "gt"),
    "greater_than_equal": ("spec.not_at_least", "ge"),
    "less_than": ("spec.not_below", "lt"),
    "less_than_equal": ("spec.not_at_most", "le"),
}

_TYPE_CODES: dict[str, str] = {
    "int_parsing": "spec.not_whole_number",
    "int_type": "spec.not_whole_number",
    "int_from_float": "spec.not_whole_number",
    "float_parsing": "spec.not_number",
    "float_type": "spec.not_number",
    "finite_number": "spec.not_finite",
    "bool_parsing": "spec.not_bool",
    "bool_type": "spec.not_bool",
    "string_type": "spec.not_text",
    "list_type": "spec.not_list",
    "tuple_type": "spec.not_list",
    "dict_type": "spec.not_group",
    "model_type": "spec.not_group",
    "model_attributes_type": "spec.not_group",
}


def _unknown_setting(place: _Place, name: str) -> Problem:
    if place.model is Experiment:
        for section, model in (*_SECTIONS.items(), *_DATA_KINDS.items()):
            if name in model.model_fields and name != "kind":
                where = "data" if model in _DATA_KINDS.values() else section
                return Problem("spec.misplaced_key", {"name": name, "belongs": where}, field=name)
    known = place.known_fields()
    suggestion = closest_match(name, known)
    listed = tuple(known) if suggestion is None else ()
    values = {"name": excerpt(name), "suggestion": suggestion, "known": listed}
    field = f"{place.key}.{name}" if place.key else name
    return replace(place.problem("spec.unknown_key", values), field=field)


def _problem(error: ErrorDetails, raw: Mapping[str, Any]) -> Problem:
    kind = error["type"]
    loc = tuple(error["loc"])
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    value = plain(error.get("input"))
    if kind == "extra_forbidden":
        return _unknown_setting(_Place(loc[:-1], raw), str(loc[-1]))
    place = _Place(loc, raw)
    setting = place.setting()
    if kind == "literal_error":
        choices = place.choices() or (str(ctx.get("expected", "")),)
        values: dict[str, PlainValue] = {
            "value": value,
            "choice_of": place.key,
            "suggestion": closest_match(str(value), place.choices()),
            "choices": choices,
        }
        return place.problem("spec.not_a_choice", values)
    if kind == "union_tag_invalid":
        return place.problem("spec.unknown_data_kind", {"value": plain(ctx.get("tag", value))})
    if kind == "missing":
        return place.problem("spec.missing", {"setting": setting})
    if kind in _RANGE_CODES:
        code, key = _RANGE_CODES[kind]
        limit = plain(ctx.get(key))
        return place.problem(code, {"setting": setting, "limit": limit, "value": value})
    if kind in ("string_too_short", "too_short") and isinstance(error.get("input"), str | list):
        return place.problem("spec.empty", {"setting": setting})
    if kind == "too_long" and place.field == "layers":
        counts = {"count": int(ctx.get("actual_length") or 0), "most": int(ctx["max_length"])}
        return place.problem("model.too_many_layers", counts)
    if kind == "value_error":
        reason = ctx.get("error")
        text = str(reason) if reason is not None else error["msg"]
        return place.problem("spec.rule", {"reason": excerpt(text, 300)})
    if kind in _TYPE_CODES:
        return place.problem(_TYPE_CODES[kind], {"setting": setting, "value": value})
    reason = excerpt(error["msg"], 200)
    return place.problem("spec.not_valid", {"setting": setting, "reason": reason})


def translate_errors(errors: Sequence[ErrorDetails], raw: Mapping[str, Any]) -> list[Problem]:
    """Every pydantic error as one problem; repeated places (union members) collapse."""
    problems: list[Problem] = []
    seen_params: set[tuple[int | str, ...]] = set()
    for error in errors:
        loc = tuple(error["loc"])
        if len(loc) >= 5 and loc[0] == "model" and loc[3] == "params":
            # A layer parameter may be a number, true/false or text: pydantic
            # reports one error per alternative; users need one problem.
            key = loc[:5]
            if key in seen_params:
                continue
            seen_params.add(key)
            place = _Place(key, raw)
            values = {"title": place.setting(), "value": plain(error.get("input"))}
            problems.append(place.problem("layer.param_not_scalar", values))
            continue
        if loc[:2] == ("optimizer", "betas") and error["type"] != "value_error":
            # Wrong length or a non-number inside: one problem about the pair.
            section = raw.get("optimizer")
            given = plain(section.get("betas") if isinstance(section, dict) else None)
            problem = Problem(
                "optimizer.betas_not_pair",
                {"value": given},
                section="optimizer",
                field="optimizer.betas",
            )
        else:
            problem = _problem(error, raw)
        if problem not in problems:
            problems.append(problem)
    return problems
