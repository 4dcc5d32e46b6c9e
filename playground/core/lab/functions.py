"""What each lab function and tensor method does: a checked call into torch.

:data:`FUNCTIONS` and :data:`METHODS` are the tables the interpreter looks
calls up in; :mod:`~playground.core.lab.language` checks names against the
same sets, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch

from playground.core.lab import limits
from playground.core.lab.calls import (
    CallContext,
    Handler,
    Signature,
    check_broadcast,
    check_count,
    check_product,
    device_from,
    nested_numbers,
    refuse,
    shape_of,
    tensor_arg,
    whole,
)

GRAD = frozenset({"requires_grad"})
REDUCE = frozenset({"dim", "keepdim"})


def _grad_flag(keywords: dict[str, Any], context: CallContext) -> bool:
    flag = keywords.get("requires_grad", False)
    if not isinstance(flag, bool):
        raise refuse(
            "lab.argument_type",
            context,
            function="tensor",
            expected="True or False",
            argument="requires_grad",
            given=str(flag)[:20],
        )
    return flag


def _tensor(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> torch.Tensor:
    data = args[0]
    if isinstance(data, torch.Tensor):
        check_count(data.numel(), c)
        return data.detach().clone().requires_grad_(_grad_flag(kw, c))
    check_count(nested_numbers(data, c), c)
    return torch.tensor(data, requires_grad=_grad_flag(kw, c))


def _filled(fill: str) -> Handler:
    def make(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> torch.Tensor:
        shape = shape_of(args, fill, c)
        flag = _grad_flag(kw, c)
        if fill == "ones":
            return torch.ones(shape, requires_grad=flag)
        if fill == "zeros":
            return torch.zeros(shape, requires_grad=flag)
        if fill == "randn":
            return torch.randn(shape, generator=c.generator, requires_grad=flag)
        return torch.rand(shape, generator=c.generator, requires_grad=flag)

    return make


def _randint(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> torch.Tensor:
    low = whole(args[0], "randint()'s low", c, -limits.MAX_INTEGER, limits.MAX_INTEGER)
    high = whole(args[1], "randint()'s high", c, low + 1, limits.MAX_INTEGER)
    shape = shape_of(args[2:], "randint", c)
    return torch.randint(low, high, shape, generator=c.generator)


def _full(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> torch.Tensor:
    value = args[-1]
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise refuse(
            "lab.argument_type",
            c,
            function="full",
            expected="a number",
            argument="value",
            given=str(value)[:20],
        )
    return torch.full(shape_of(args[:-1], "full", c), float(value), requires_grad=_grad_flag(kw, c))


def _eye(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> torch.Tensor:
    n = whole(args[0], "eye()'s size", c, 0, 300)
    return torch.eye(n, requires_grad=_grad_flag(kw, c))


def _number(value: Any, what: str, c: CallContext) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise refuse(
            "lab.argument_type",
            c,
            function=what,
            expected="a number",
            argument="start/end",
            given=str(value)[:20],
        )
    return float(value)


def _arange(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> torch.Tensor:
    start, end, step = (
        (0.0, _number(args[0], "arange", c), 1.0)
        if len(args) == 1
        else (
            _number(args[0], "arange", c),
            _number(args[1], "arange", c),
            _number(args[2], "arange", c) if len(args) > 2 else 1.0,
        )
    )
    if step == 0:
        raise refuse(
            "lab.number_invalid", c, what="arange()'s step", low="any", high="any but 0", value=0
        )
    count = max(0, int((end - start) / step) + 1)
    check_count(count, c)
    whole_numbers = all(isinstance(a, int) and not isinstance(a, bool) for a in args)
    if whole_numbers:
        return torch.arange(*[int(a) for a in args])
    return torch.arange(start, end, step, requires_grad=_grad_flag(kw, c))


def _linspace(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> torch.Tensor:
    steps = whole(args[2], "linspace()'s steps", c, 1)
    return torch.linspace(
        _number(args[0], "linspace", c),
        _number(args[1], "linspace", c),
        steps,
        requires_grad=_grad_flag(kw, c),
    )


def _manual_seed(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> None:
    c.generator.manual_seed(whole(args[0], "manual_seed()'s seed", c, 0, 2**63 - 1))


def _product(name: str) -> Handler:
    def run(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> torch.Tensor:
        a = tensor_arg(args[0], f"{name}()", c)
        b = tensor_arg(args[1], f"{name}()", c)
        check_product(a, b, c, name)
        return torch.mm(a, b) if name == "mm" else torch.matmul(a, b)

    return run


def _reduce(name: str) -> Handler:
    def run(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> torch.Tensor:
        t = tensor_arg(args[0], f"{name}()", c)
        options: dict[str, Any] = {}
        if "dim" in kw:
            options["dim"] = whole(kw["dim"], f"{name}()'s dim", c, -8, 8)
            options["keepdim"] = bool(kw.get("keepdim", False))
        return t.mean(**options) if name == "mean" else t.sum(**options)

    return run


def _elementwise(name: str) -> Handler:
    op = getattr(torch, name)

    def run(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> torch.Tensor:
        tensor = tensor_arg(args[0], f"{name}()", c)
        check_count(tensor.numel(), c)
        result: torch.Tensor = op(tensor)
        return result

    return run


def _pow(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> torch.Tensor:
    base = tensor_arg(args[0], "pow()", c)
    check_broadcast(base, args[1], c)
    return torch.pow(base, args[1])


def _device(args: Sequence[Any], kw: dict[str, Any], c: CallContext) -> torch.device:
    return device_from(args[0], c)


#: Lab functions: name -> (arguments, what runs). ``print``, ``range`` and ``no_grad`` are
#: handled by the interpreter itself.
FUNCTIONS: dict[str, tuple[Signature, Handler]] = {
    "tensor": (Signature(1, 1, GRAD), _tensor),
    "ones": (Signature(1, 8, GRAD), _filled("ones")),
    "zeros": (Signature(1, 8, GRAD), _filled("zeros")),
    "randn": (Signature(1, 8, GRAD), _filled("randn")),
    "rand": (Signature(1, 8, GRAD), _filled("rand")),
    "randint": (Signature(3, 10), _randint),
    "full": (Signature(2, 9, GRAD), _full),
    "eye": (Signature(1, 1, GRAD), _eye),
    "arange": (Signature(1, 3, GRAD), _arange),
    "linspace": (Signature(3, 3, GRAD), _linspace),
    "manual_seed": (Signature(1, 1), _manual_seed),
    "mm": (Signature(2, 2), _product("mm")),
    "matmul": (Signature(2, 2), _product("matmul")),
    "mean": (Signature(1, 1, REDUCE), _reduce("mean")),
    "sum": (Signature(1, 1, REDUCE), _reduce("sum")),
    "pow": (Signature(2, 2), _pow),
    "device": (Signature(1, 1), _device),
    **{
        name: (Signature(1, 1), _elementwise(name))
        for name in ("relu", "tanh", "sigmoid", "exp", "log", "sqrt", "abs", "sin", "cos")
    },
}


def call_method(
    tensor: torch.Tensor, name: str, args: Sequence[Any], kw: dict[str, Any], c: CallContext
) -> Any:
    """``tensor.NAME(*args)`` for the lab's methods, through the same checks as the functions."""
    if name in ("mean", "sum"):
        return FUNCTIONS[name][1]([tensor, *args], kw, c)
    if name in ("mm", "matmul", "pow"):
        return FUNCTIONS[name][1]([tensor, *args], kw, c)
    if name in ("relu", "tanh", "sigmoid", "exp", "log", "sqrt", "abs", "sin", "cos"):
        return FUNCTIONS[name][1]([tensor], kw, c)
    if name == "item":
        if tensor.numel() != 1:
            raise refuse("lab.backward_scalar", c, name="it", shape=list(tensor.shape))
        return tensor.item()
    if name == "detach":
        return tensor.detach()
    if name == "clone":
        return tensor.clone()
    if name == "t":
        return tensor.t()
    if name == "zero_":
        return tensor.zero_()
    if name == "requires_grad_":
        flag = args[0] if args else True
        return tensor.requires_grad_(bool(flag))
    if name == "retain_grad":
        tensor.retain_grad()
        return None
    if name == "to":
        return tensor.to(device_from(args[0], c))
    if name == "numel":
        return tensor.numel()
    if name == "size":
        return tuple(tensor.size())
    if name in ("reshape", "view"):
        sizes = [
            whole(s, f"{name}()'s size", c, -1) if s == -1 else whole(s, f"{name}()'s size", c)
            for s in (
                list(args[0]) if len(args) == 1 and isinstance(args[0], list | tuple) else args
            )
        ]
        return tensor.reshape(sizes) if name == "reshape" else tensor.view(sizes)
    raise refuse("lab.method_unknown", c, name=name, known="")


#: Method signatures (``backward`` is handled by the interpreter, which records it).
METHODS: dict[str, Signature] = {
    "backward": Signature(0, 0, frozenset({"retain_graph"})),
    "mean": Signature(0, 0, REDUCE),
    "sum": Signature(0, 0, REDUCE),
    "mm": Signature(1, 1),
    "matmul": Signature(1, 1),
    "pow": Signature(1, 1),
    **{
        n: Signature(0, 0)
        for n in (
            "exp",
            "log",
            "sqrt",
            "abs",
            "relu",
            "tanh",
            "sigmoid",
            "sin",
            "cos",
            "item",
            "detach",
            "t",
            "zero_",
            "retain_grad",
            "clone",
            "numel",
            "size",
        )
    },
    "requires_grad_": Signature(0, 1),
    "to": Signature(1, 1),
    "reshape": Signature(1, 8),
    "view": Signature(1, 8),
}
