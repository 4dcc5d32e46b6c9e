"""Problems in a lab script as data: a code, the line, and the values; worded in one place.

The GUI marks the line from :attr:`LabProblem.line`; the CLI prints
:func:`describe`. Nothing reads the wording back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from playground.core.messages.texts import text

#: English wording of every lab problem code; placeholders are the problem's values.
#: Translations look these templates up by their text (``core/messages/<lang>.py``).
LAB_MESSAGES: dict[str, str] = {
    "lab.syntax": "this is not valid lab code ({detail})",
    "lab.too_long": "the script has {size} characters; the lab takes at most {limit}",
    "lab.statement": "'{what}' is not part of the lab language; use assignments, "
    "calls such as z.backward(), 'for i in range(n):' and 'with no_grad():'",
    "lab.expression": "'{what}' is not part of the lab language",
    "lab.name_unknown": "'{name}' is not defined yet; assign it first (for example {name} = tensor(1.0))",
    "lab.name_reserved": "'{name}' is the name of a lab function; choose another name",
    "lab.name_private": "names starting with '_' are not allowed ('{name}')",
    "lab.function_unknown": "'{name}' is not a lab function; the functions are {known}",
    "lab.method_unknown": "'.{name}()' is not a lab method; the methods are {known}",
    "lab.attribute_unknown": "'.{name}' is not available in the lab; you can read {known}",
    "lab.module_unknown": "only torch's functions can be called through a module ('{name}' is not torch)",
    "lab.keyword_unknown": "{function}() takes no keyword '{name}'",
    "lab.argument_count": "{function}() takes {expected} but was given {given}",
    "lab.argument_type": "{function}() needs {expected} for '{argument}', not {given}",
    "lab.range_only": "a for loop runs over range(n) only",
    "lab.loop_target": "a for loop needs one plain name before 'in'",
    "lab.with_only": "only 'with no_grad():' is part of the lab language",
    "lab.assign_target": "you can assign to a name, to x.data or set x.grad = None",
    "lab.too_many_steps": "the script ran more than {limit} steps; make the loops shorter",
    "lab.too_much_work": "the script computes too much (more than {limit} operations); use smaller "
    "tensors or fewer loop passes",
    "lab.too_big": "a tensor of {count} numbers is too large for the lab (at most {limit})",
    "lab.number_too_big": "the number {value} is too large here (at most {limit})",
    "lab.number_invalid": "{what} must be a whole number from {low} to {high}, not {value}",
    "lab.not_a_tensor": "{what} needs a tensor, but '{name}' is {kind}",
    "lab.no_grad_fn": "{name} has no gradient path: it does not require grad and was not computed from "
    "a tensor that does; create a leaf with requires_grad=True",
    "lab.backward_scalar": "backward() without arguments needs a single number, but {name} has shape "
    "{shape}; take its mean() or sum() first",
    "lab.backward_twice": "the graph behind {name} was already used by backward() and freed; compute "
    "it again, or call backward(retain_graph=True) the first time",
    "lab.grad_missing": "{name}.grad is None: no backward() has reached {name} yet",
    "lab.leaf_in_place": "{name} is a leaf that requires grad; change it inside 'with no_grad():' or "
    "through {name}.data",
    "lab.device_unknown": "'{device}' is not a device; use 'cpu', 'cuda', 'cuda:0' or 'mps'",
    "lab.device_absent": "the device '{device}' is not available on this computer",
    "lab.torch": "torch refused this: {detail}",
}


@dataclass(frozen=True)
class LabProblem:
    """One thing wrong with a lab script, at a line (1-based; 0 when it is the whole script)."""

    code: str
    line: int = 0
    values: Mapping[str, Any] = field(default_factory=dict)


def describe(problem: LabProblem, messages: Mapping[str, str] | None = None) -> str:
    """The problem in words, with its line: ``line 3: 'open' is not a lab function ...``."""
    if messages is None:  # the interface language's wording of the English template
        template = text(LAB_MESSAGES.get(problem.code, problem.code))
    else:
        template = messages.get(problem.code, problem.code)
    wording = template.format_map(_Values(problem.values))
    return text("line {line}: {text}", line=problem.line, text=wording) if problem.line else wording


class _Values(dict[str, Any]):
    def __init__(self, values: Mapping[str, Any]) -> None:
        super().__init__(values)

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class LabError(Exception):
    """A lab script was refused or stopped; :attr:`problem` says why, as data."""

    def __init__(self, problem: LabProblem) -> None:
        super().__init__(describe(problem))
        self.problem = problem
