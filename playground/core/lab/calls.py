"""The lab's functions and tensor methods, each checked before torch runs it.

Every entry says which arguments it takes; sizes are checked against
:mod:`~playground.core.lab.limits` before torch allocates anything, so
``ones(100000, 100000)`` is refused in words instead of exhausting memory.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import torch

from playground.core.lab import limits
from playground.core.lab.problems import LabError, LabProblem


@dataclass
class WorkBudget:
    """Multiply-adds left to the whole script: loops of large products end in words, not a hang."""

    left: int = limits.MAX_TOTAL_WORK


@dataclass
class CallContext:
    """What a call may use: the script's random generator and work budget, the line."""

    line: int
    generator: torch.Generator
    budget: WorkBudget

    def spend(self, work: int) -> None:
        self.budget.left -= work
        if self.budget.left < 0:
            raise refuse("lab.too_much_work", self, limit=limits.MAX_TOTAL_WORK)


def refuse(code: str, context: CallContext, **values: Any) -> LabError:
    return LabError(LabProblem(code, context.line, values))


def kind_of(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return f"a tensor of shape {list(value.shape)}"
    if isinstance(value, bool):
        return "True or False"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if value is None:
        return "None"
    return "something else"


def whole(
    value: Any, what: str, context: CallContext, low: int = 0, high: int = limits.MAX_ELEMENTS
) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        shown = value if isinstance(value, int | float) else kind_of(value)
        raise refuse("lab.number_invalid", context, what=what, low=low, high=high, value=shown)
    return value


def shape_of(args: Sequence[Any], function: str, context: CallContext) -> tuple[int, ...]:
    """``ones(2, 3)`` and ``ones((2, 3))`` alike; every size a whole number, the total bounded."""
    sizes: Sequence[Any] = args
    if len(args) == 1 and isinstance(args[0], list | tuple | torch.Size):
        sizes = list(args[0])
    shape = tuple(whole(size, f"{function}()'s size", context) for size in sizes)
    check_count(math.prod(shape), context)
    return shape


def check_count(count: int, context: CallContext) -> None:
    """Refuses a tensor of more than the lab's numbers, and counts its making as work."""
    if count > limits.MAX_ELEMENTS:
        raise refuse("lab.too_big", context, count=count, limit=limits.MAX_ELEMENTS)
    context.spend(count)


def tensor_arg(value: Any, what: str, context: CallContext, name: str = "it") -> torch.Tensor:
    if not isinstance(value, torch.Tensor):
        raise refuse("lab.not_a_tensor", context, what=what, name=name, kind=kind_of(value))
    return value


def nested_numbers(value: Any, context: CallContext, depth: int = 0) -> int:
    """Counts the numbers in ``tensor(...)``'s data, refusing anything but numbers and lists."""
    if depth > 8:
        raise refuse(
            "lab.argument_type",
            context,
            function="tensor",
            expected="numbers or lists of numbers",
            argument="data",
            given="lists nested this deep",
        )
    if isinstance(value, list | tuple):
        return sum(nested_numbers(v, context, depth + 1) for v in value)
    if isinstance(value, torch.Tensor) and value.dim() == 0:
        return 1
    if isinstance(value, bool | int | float):
        return 1
    raise refuse(
        "lab.argument_type",
        context,
        function="tensor",
        expected="numbers or lists of numbers",
        argument="data",
        given=kind_of(value),
    )


def check_product(a: torch.Tensor, b: torch.Tensor, context: CallContext, function: str) -> None:
    """Bounds a matrix product's result and work before torch runs it."""
    if a.dim() == 0 or b.dim() == 0 or a.dim() > 2 or b.dim() > 2:
        raise refuse(
            "lab.argument_type",
            context,
            function=function,
            expected="vectors or matrices",
            argument="both",
            given=f"shapes {list(a.shape)} and {list(b.shape)}",
        )
    rows = a.shape[0] if a.dim() == 2 else 1
    inner = a.shape[-1]
    cols = b.shape[-1] if b.dim() == 2 else 1
    check_count(rows * cols, context)
    if rows * inner * cols > limits.MAX_PRODUCT_WORK:
        raise refuse(
            "lab.too_big", context, count=rows * inner * cols, limit=limits.MAX_PRODUCT_WORK
        )
    context.spend(rows * inner * cols)


def check_broadcast(a: Any, b: Any, context: CallContext) -> None:
    shapes = [tuple(v.shape) for v in (a, b) if isinstance(v, torch.Tensor)]
    if len(shapes) == 2:
        try:
            shape = torch.broadcast_shapes(*shapes)  # type: ignore[no-untyped-call]
        except RuntimeError as exc:
            raise refuse("lab.torch", context, detail=torch_detail(exc)) from None
        check_count(math.prod(shape), context)


def torch_detail(exc: BaseException) -> str:
    """The first line of torch's message, printable and short."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 200 else text[:197] + "..."


_DEVICE = re.compile(r"^(cpu|mps|cuda(:\d{1,2})?)$")


def device_from(value: Any, context: CallContext) -> torch.device:
    if isinstance(value, torch.device):
        return value
    if not isinstance(value, str) or not _DEVICE.match(value):
        shown = value if isinstance(value, str) and len(value) <= 20 else kind_of(value)
        raise refuse("lab.device_unknown", context, device=shown)
    device = torch.device(value)
    available = (
        device.type == "cpu"
        or (
            device.type == "cuda"
            and torch.cuda.is_available()
            and (device.index or 0) < torch.cuda.device_count()
        )
        or (device.type == "mps" and torch.backends.mps.is_available())
    )
    if not available:
        raise refuse("lab.device_absent", context, device=value)
    return device


@dataclass(frozen=True)
class Signature:
    """Positional arguments (at least, at most) and the keywords a call takes."""

    least: int
    most: int | None
    keywords: frozenset[str] = frozenset()


def check_signature(
    name: str,
    signature: Signature,
    args: Sequence[Any],
    keywords: dict[str, Any],
    context: CallContext,
) -> None:
    for keyword in keywords:
        if keyword not in signature.keywords:
            raise refuse("lab.keyword_unknown", context, function=name, name=keyword)
    most = signature.most
    if len(args) < signature.least or (most is not None and len(args) > most):
        if most is None:
            expected = f"at least {signature.least} argument(s)"
        elif most == signature.least:
            expected = f"{most} argument(s)"
        else:
            expected = f"{signature.least} to {most} arguments"
        raise refuse(
            "lab.argument_count", context, function=name, expected=expected, given=len(args)
        )


Handler = Callable[[Sequence[Any], dict[str, Any], CallContext], Any]
