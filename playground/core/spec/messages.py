"""Pydantic's validation errors rewritten as sentences that name the place in user terms.

Pydantic reports ``('training', 'batch_size')`` and "Input should be a valid
integer"; a user should read "training: batch size must be a whole number, not
'abc'". This module knows the shape of :class:`~playground.core.spec.experiment.Experiment`
well enough to name every place (sections, fields, layers) and to suggest the
setting a misspelled key probably meant.
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from playground.core.layers.catalog import CATALOGUE
from playground.core.layers.model import layer_label
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

_FIELD_TITLES: dict[str, str] = {
    "lr": "learning rate",
    "grad_clip": "gradient clipping",
    "validation_fraction": "validation share",
    "derived_features": "derived inputs",
    "t_max": "cosine period (t_max)",
    "min_lr": "lowest learning rate",
    "schema_version": "format version",
    "kind": "kind",
}

# What one choice of a closed list is called ("'spirals' is not a data set").
_CHOICE_NOUNS: dict[str, str] = {
    "data.name": "a data set",
    "data.task": "a task",
    "data.derived_features": "a derived input",
    "loss": "a loss",
    "optimizer.kind": "an optimizer",
    "schedule.kind": "a schedule",
}


def field_title(name: str) -> str:
    """A field name as users read it: ``batch_size`` → ``batch size``, ``lr`` → ``learning rate``."""
    return _FIELD_TITLES.get(name, name.replace("_", " "))


def show_value(value: object) -> str:
    """A value as it would appear in the file: strings quoted, numbers short.

    Whatever the value, the result is a short printable excerpt: a message
    never echoes megabytes (or control characters) from a file back to a user.
    """
    if isinstance(value, str):
        return f"'{excerpt(value)}'"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, float):
        return f"{value:g}" if math.isfinite(value) else str(value)
    if isinstance(value, int):
        if abs(value).bit_length() > 64:
            return f"a whole number of about {len(str(abs(value)))} digits"
        return str(value)
    if isinstance(value, list | tuple | dict) and len(value) > 20:
        return f"a {'list' if not isinstance(value, dict) else 'group'} of {len(value)} items"
    try:
        text = json.dumps(value)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    return excerpt(text, 60)


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'epochs'?)`` for a close match, otherwise an empty string."""
    if len(word) > 100:  # nothing that long is a misspelled name; difflib would only be slow
        return ""
    lowered = {choice.lower(): choice for choice in choices}
    if word.lower() in lowered:
        return f" (did you mean '{lowered[word.lower()]}'?)"
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f" (did you mean '{lowered[close[0]]}'?)" if close else ""


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
    """Where an error sits: the prefix users read, the model class and the field."""

    def __init__(self, loc: tuple[int | str, ...], raw: Mapping[str, Any]) -> None:
        self.prefix = ""
        self.key = ""  # dotted key for choice nouns, e.g. "data.name"
        self.model: type[BaseModel] | None = Experiment
        self.field: str | None = None
        self.in_params = False
        self.layer_kind: str | None = None
        self._walk(list(loc), raw)

    def _walk(self, loc: list[int | str], raw: Mapping[str, Any]) -> None:
        if not loc:
            return
        head = str(loc[0])
        rest = loc[1:]
        if head == "data":
            self.prefix, self.key = "data", "data"
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
            self.prefix, self.key, self.model = head, head, _SECTIONS[head]
            if rest:
                self.field = str(rest[0])
                self.key = f"{head}.{self.field}"
            return
        self.field, self.key = head, head
        if head == "loss":
            self.prefix = "loss"

    def _walk_layer(self, index: int, rest: list[int | str], raw: Mapping[str, Any]) -> None:
        layers = (
            raw.get("model", {}).get("layers", []) if isinstance(raw.get("model"), dict) else []
        )
        entry = layers[index] if isinstance(layers, list) and index < len(layers) else None
        kind = entry.get("kind") if isinstance(entry, dict) else None
        self.layer_kind = kind if isinstance(kind, str) and kind in CATALOGUE else None
        self.prefix = (
            layer_label(index, self.layer_kind) if self.layer_kind else f"layer {index + 1}"
        )
        self.model = LayerSpec
        if rest:
            self.field = str(rest[0])
            if self.field == "params" and len(rest) > 1:
                self.in_params = True
                self.model = None
                self.field = str(rest[1])

    def title(self) -> str:
        if self.field is None:
            return ""
        if self.in_params and self.layer_kind is not None:
            try:
                return CATALOGUE[self.layer_kind].param(self.field).title
            except KeyError:
                return field_title(self.field)
        return field_title(self.field)

    def known_fields(self) -> list[str]:
        if self.model is None:
            return []
        return [name for name in self.model.model_fields if name != "kind" or self.key != "data"]

    def choices(self) -> tuple[str, ...]:
        if self.model is None or self.field not in self.model.model_fields:
            return ()
        return _literal_choices(self.model.model_fields[self.field].annotation)

    def join(self, text: str) -> str:
        return f"{self.prefix}: {text}" if self.prefix else text


def _range_message(kind: str, ctx: Mapping[str, Any], value: object) -> str:
    words = {
        "greater_than": ("greater than", "gt"),
        "greater_than_equal": ("at least", "ge"),
        "less_than": ("less than", "lt"),
        "less_than_equal": ("at most", "le"),
    }
    phrase, key = words[kind]
    return f"must be {phrase} {show_value(ctx.get(key))}, not {show_value(value)}"


_TYPE_MESSAGES: dict[str, str] = {
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "finite_number": "must be a finite number",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "string_type": "must be text",
    "list_type": "must be a list (in square brackets)",
    "tuple_type": "must be a list (in square brackets)",
    "dict_type": "must be a group of settings (in curly braces)",
    "model_type": "must be a group of settings (in curly braces)",
    "model_attributes_type": "must be a group of settings (in curly braces)",
}


def _unknown_setting(place: _Place, name: str) -> str:
    if place.model is Experiment:
        for section, model in (*_SECTIONS.items(), *_DATA_KINDS.items()):
            if name in model.model_fields and name != "kind":
                where = "data" if model in _DATA_KINDS.values() else section
                return f"unknown setting '{name}' at the top of the file; it belongs in the '{where}' section"
    known = place.known_fields()
    hint = did_you_mean(name, known)
    listing = f"; known settings: {', '.join(known)}" if known and not hint else ""
    return place.join(f"unknown setting '{excerpt(name)}'{hint}{listing}")


def _message(error: ErrorDetails, raw: Mapping[str, Any]) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    if kind == "extra_forbidden":
        parent = _Place(loc[:-1], raw)
        return _unknown_setting(parent, str(loc[-1]))
    place = _Place(loc, raw)
    title = place.title()
    subject = f"{title} " if title else ""
    if kind == "literal_error":
        choices = place.choices()
        noun = _CHOICE_NOUNS.get(place.key, "a valid choice")
        listed = ", ".join(choices) if choices else str(ctx.get("expected", ""))
        hint = did_you_mean(str(value), choices)
        return place.join(f"{show_value(value)} is not {noun}{hint}; choose one of {listed}")
    if kind == "union_tag_invalid":
        return place.join(
            f"{show_value(ctx.get('tag', value))} is not a kind of data; use 'builtin' or 'csv'"
        )
    if kind == "missing":
        return place.join(f"{subject}is missing; add it")
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return place.join(f"{subject}{_range_message(kind, ctx, value)}")
    if kind in ("string_too_short", "too_short") and isinstance(value, str | list):
        need = "must not be empty"
        return place.join(f"{subject}{need}")
    if kind == "too_long" and place.field == "layers":
        return place.join(
            f"the model has {ctx.get('actual_length', 'too many')} layers, more than the "
            f"{ctx.get('max_length')} this app builds; remove layers"
        )
    if kind == "value_error":
        reason = ctx.get("error")
        text = str(reason) if reason is not None else error["msg"]
        return place.join(excerpt(text, 300))
    if kind in _TYPE_MESSAGES:
        return place.join(f"{subject}{_TYPE_MESSAGES[kind]}, not {show_value(value)}")
    text = excerpt(error["msg"], 200)
    return place.join(f"{subject}is not valid ({text[:1].lower()}{text[1:]})")


def translate_errors(errors: Sequence[ErrorDetails], raw: Mapping[str, Any]) -> list[str]:
    """Every pydantic error as one sentence; repeated places (union members) collapse."""
    problems: list[str] = []
    seen_params: set[tuple[int | str, ...]] = set()
    for error in errors:
        loc = tuple(error["loc"])
        if len(loc) >= 5 and loc[0] == "model" and loc[3] == "params":
            # A layer parameter may be a number, true/false or text: pydantic
            # reports one error per alternative; users need one sentence.
            key = loc[:5]
            if key in seen_params:
                continue
            seen_params.add(key)
            place = _Place(key, raw)
            problems.append(
                place.join(
                    f"{place.title()} must be a single number or true/false, "
                    f"not {show_value(error.get('input'))}"
                )
            )
            continue
        if loc[:2] == ("optimizer", "betas") and error["type"] != "value_error":
            # Wrong length or a non-number inside: one sentence about the pair.
            section = raw.get("optimizer")
            given = section.get("betas") if isinstance(section, dict) else None
            sentence = f"optimizer: betas must be two numbers, not {show_value(given)}"
        else:
            sentence = _message(error, raw)
        if sentence not in problems:
            problems.append(sentence)
    return problems
