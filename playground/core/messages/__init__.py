"""The one place that puts problems into words, shared by the command line and the app.

:func:`describe` turns a :class:`~playground.core.problems.Problem` into a
phrase from the active catalogue (English, :mod:`playground.core.messages.en`,
unless :func:`use_catalogue` installed another); :func:`sentence` makes any
phrase a sentence and :func:`describe_problems` joins several. Nothing else in
the program reads or rewrites a problem's text.

Templates are ``str.format`` strings whose names come from the problem's
values and place. A format spec after the colon chooses how a value is shown:

* ``show`` — as in the file (strings quoted, numbers short);
* ``list`` — items joined by ``phrase.list_separator`` (``phrase.none`` if empty);
* ``shape`` — ``8×4×4``; ``shape_words`` — ``64 features`` or ``1×8×8 (channels×height×width)``;
* ``bytes`` — a size in MB or GB;
* ``cell`` — a table cell quoted and cut short; ``repr`` — Python's repr, cut short;
* ``plural:one:many`` — the word that fits the number;
* ``opt:<key>`` — the template ``<key>`` filled with ``{value}``, or nothing when the value is empty;
* ``setting`` — a setting's name as users read it (``setting.<name>``, else the name with spaces);
* ``choice`` — what one item of a closed list is called (``choice.<key>``);
* ``layer`` — a layer given as ``{"number": …, "kind": …}``, as ``place.layer`` names it;
* ``lower`` / ``lowerfirst`` — text in lower case / with a lower-case first letter;
* anything else — Python's own format spec (``g``).
"""

from __future__ import annotations

import json
import math
import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from playground.core.messages.en import TEMPLATES as ENGLISH
from playground.core.messages.zh_CN import TEMPLATES as SIMPLIFIED_CHINESE
from playground.core.problems import Problem, closest_match
from playground.core.safe_read import excerpt

__all__ = [
    "CATALOGUES",
    "catalogue",
    "describe",
    "describe_problems",
    "describe_shape",
    "did_you_mean",
    "sentence",
    "set_catalogue",
    "show_value",
    "use_catalogue",
    "word",
]

#: The catalogues that ship, by language code.
CATALOGUES: dict[str, Mapping[str, str]] = {"en": ENGLISH, "zh_CN": SIMPLIFIED_CHINESE}

_active: Mapping[str, str] = ENGLISH


def catalogue() -> Mapping[str, str]:
    """The templates now in use."""
    return _active


def set_catalogue(templates: Mapping[str, str]) -> None:
    """Word every problem with ``templates`` from now on (the interface language changed)."""
    global _active
    _active = templates


@contextmanager
def use_catalogue(templates: Mapping[str, str]) -> Iterator[Mapping[str, str]]:
    """Word every problem with ``templates`` inside the ``with`` block (a language switch)."""
    global _active
    previous, _active = _active, templates
    try:
        yield templates
    finally:
        _active = previous


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
            return _fill(_template("phrase.long_number"), {"digits": len(str(abs(value)))})
        return str(value)
    if isinstance(value, list | tuple | Mapping) and len(value) > 20:
        key = "phrase.long_group" if isinstance(value, Mapping) else "phrase.long_list"
        return _fill(_template(key), {"count": len(value)})
    try:
        text = json.dumps(value, default=dict)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    return excerpt(text, 60)


def _quote_cell(value: object) -> str:
    return f"'{excerpt(str(value).strip(), 30)}'"


class _TemplateFormatter(string.Formatter):
    """``str.format`` with the specs listed in the module docstring."""

    def format_field(self, value: Any, format_spec: str) -> str:
        kind, _, rest = format_spec.partition(":")
        if kind == "show":
            return show_value(value)
        if kind == "list":
            items = [str(item) for item in value] if isinstance(value, list | tuple) else [value]
            return _template("phrase.list_separator").join(items) or _template("phrase.none")
        if kind == "shape":
            return "×".join(str(size) for size in value)
        if kind == "shape_words":
            return describe_shape(tuple(value))
        if kind == "cell":
            return _quote_cell(value)
        if kind == "bytes":
            if value < 1024**3:
                return _fill(_template("phrase.megabytes"), {"value": value / 1024**2})
            return _fill(_template("phrase.gigabytes"), {"value": value / 1024**3})
        if kind == "repr":
            return excerpt(repr(value))
        if kind == "plural":
            one, _, many = rest.partition(":")
            return one if value == 1 else many
        if kind == "opt":
            return _fill(_template(rest), {"value": value}) if value else ""
        if kind == "setting":
            return str(_active.get(f"setting.{value}", str(value).replace("_", " ")))
        if kind == "choice":
            return str(_active.get(f"choice.{value}", _template("choice.default")))
        if kind == "layer":
            return _fill(_template("place.layer"), value)
        if kind == "lower":
            return str(value).lower()
        if kind == "lowerfirst":
            text = str(value)
            return text[:1].lower() + text[1:]
        return str(super().format_field(value, format_spec))


_FORMATTER = _TemplateFormatter()


def _template(key: str) -> str:
    """The active template for ``key``, falling back to English for keys a translation lacks."""
    return _active.get(key) or ENGLISH[key]


def _fill(template: str, names: Mapping[str, Any]) -> str:
    return _FORMATTER.vformat(template, (), names)


def _place(problem: Problem) -> str:
    if problem.layer is not None:
        key = "place.layer" if problem.layer_kind else "place.layer_number"
        return _fill(_template(key), {"number": problem.layer + 1, "kind": problem.layer_kind})
    return problem.section or ""


def describe(problem: Problem, *, with_place: bool = True) -> str:
    """``problem`` in words: a phrase that names its place, as the catalogue says it.

    ``with_place=False`` leaves out the place in front (a layer, a section), for a
    widget that shows the problem on that place already, such as the layer's row.
    """
    place = _place(problem)
    names: dict[str, Any] = {"row": problem.row, "column": problem.column, "place": place}
    names.update(problem.values)
    template = _template(problem.code)
    text = _fill(template, names)
    if with_place and place and "{place}" not in template:
        text = _fill(_template("place.join"), {"place": place, "text": text})
    if problem.source:
        text = _fill(_template("place.source"), {"source": problem.source, "text": text})
    return text


def word(key: str, values: Mapping[str, Any]) -> str:
    """The catalogue's template ``key`` filled with ``values`` (wording that is not a problem)."""
    return _fill(_template(key), values)


def sentence(text: str, *, capital: bool = True) -> str:
    """A phrase as a sentence: spaces tidied, a capital first letter and a final full stop.

    The full stop is the catalogue's (``。`` in Chinese). ``capital=False`` keeps the first letter, for a sentence that follows a label
    (the command line's ``playground: …``).
    """
    text = " ".join(text.split())
    if not text:
        return text
    if capital:
        text = text[0].upper() + text[1:]
    if text.endswith((".", "?", "!", "。", "？", "！")):
        return text
    return text + _template("phrase.full_stop")


def describe_problems(problems: Iterable[Problem], limit: int | None = None) -> str:
    """Several problems as sentences, the first ``limit`` of them, then how many more."""
    listed = list(problems)
    shown = listed if limit is None else listed[:limit]
    text = [sentence(describe(problem)) for problem in shown]
    extra = len(listed) - len(shown)
    if extra > 0:
        text.append(_fill(_template("phrase.more_problems"), {"count": extra}))
    return " ".join(text)


def describe_shape(shape: Sequence[int]) -> str:
    """A shape in words, e.g. ``64 features`` or ``8×4×4 (channels×height×width)``."""
    shape = tuple(shape)
    if len(shape) == 1:
        return _fill(_template("shape.features"), {"count": shape[0]})
    if len(shape) == 3:
        return _fill(_template("shape.image"), {"shape": shape})
    return "×".join(str(size) for size in shape)


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'epochs'?)`` for a close match, otherwise an empty string."""
    match = closest_match(word, choices)
    return _fill(_template("phrase.did_you_mean"), {"value": match}) if match else ""
