"""Runs a checked lab script with torch, statement by statement, and keeps what it made.

The interpreter walks the syntax tree that :mod:`~playground.core.lab.language`
accepted; it never compiles or evaluates text. Arithmetic on tensors is
torch's own (``a * b`` runs ``Tensor.__mul__``), so gradients, graph nodes and
numbers are exactly what the same lines give in plain PyTorch. Random numbers
come from the script's own generator (``manual_seed(n)`` seeds it, as
``torch.manual_seed(n)`` seeds torch's), so running a script never disturbs
the app's training.

One walker over the checked tree: statements, expressions and the recorded backward
call share the script's variables and limits; the functions, values and graph are in
their own modules.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch

from playground.core.lab import limits
from playground.core.lab.calls import (
    CallContext,
    WorkBudget,
    check_broadcast,
    check_product,
    check_signature,
    kind_of,
    refuse,
    torch_detail,
    whole,
)
from playground.core.lab.functions import FUNCTIONS, METHODS, call_method
from playground.core.lab.graph import BackwardRecorder, BackwardTrace, Graph, capture
from playground.core.lab.language import Program, function_name, parse_program
from playground.core.lab.problems import LabError
from playground.core.lab.values import TensorView, numbers

DEFAULT_SEED = 0

_BINARY: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.MatMult: operator.matmul,
}
_IN_PLACE: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.iadd,
    ast.Sub: operator.isub,
    ast.Mult: operator.imul,
    ast.Div: operator.itruediv,
    ast.Pow: operator.ipow,
    ast.MatMult: operator.imatmul,
}


@dataclass(frozen=True)
class PrintedLine:
    line: int
    text: str


@dataclass
class LabResult:
    """Everything a script made: its tensors, what it printed, every backward, the final graph."""

    variables: dict[str, TensorView] = field(default_factory=dict)
    numbers: dict[str, float | int | bool] = field(default_factory=dict)
    printed: list[PrintedLine] = field(default_factory=list)
    backward: list[BackwardTrace] = field(default_factory=list)
    graph: Graph | None = None

    def to_json(self) -> dict[str, Any]:
        """Each tensor's name mapped to ``{"value": ..., "grad": ...}``."""
        return {name: view.to_json() for name, view in self.variables.items()}


def run_lab(source: str, seed: int = DEFAULT_SEED) -> LabResult:
    """Check and run a lab script; raises :class:`LabError` with the line and the reason."""
    return Interpreter(parse_program(source), seed).run()


class Interpreter:
    """One run of one program; keeps the script's variables between statements."""

    def __init__(self, program: Program, seed: int = DEFAULT_SEED) -> None:
        self.program = program
        self.env: dict[str, Any] = {}
        self.generator = torch.Generator().manual_seed(seed)
        self.budget = WorkBudget()
        self.result = LabResult()
        self.steps = 0
        self.line = 0

    def run(self) -> LabResult:
        try:
            with torch.enable_grad():
                self.block(self.program.tree.body)
        except LabError:
            raise
        except (
            RuntimeError,
            ValueError,
            TypeError,
            IndexError,
            ZeroDivisionError,
            OverflowError,
        ) as exc:
            raise refuse("lab.torch", self.context(), detail=torch_detail(exc)) from None
        except (MemoryError, RecursionError):
            raise refuse(
                "lab.too_big", self.context(), count="too many", limit=limits.MAX_ELEMENTS
            ) from None
        tensors = self.tensors()
        self.result.variables = {name: TensorView.of(name, t) for name, t in tensors.items()}
        self.result.numbers = {
            name: value for name, value in self.env.items() if isinstance(value, bool | int | float)
        }
        self.result.graph = capture(tensors, tensors)[0]
        return self.result

    def tensors(self) -> dict[str, torch.Tensor]:
        return {name: v for name, v in self.env.items() if isinstance(v, torch.Tensor)}

    def context(self) -> CallContext:
        return CallContext(self.line, self.generator, self.budget)

    # ---- statements -------------------------------------------------------------------

    def block(self, statements: list[ast.stmt]) -> None:
        for statement in statements:
            self.steps += 1
            if self.steps > limits.MAX_STEPS:
                raise refuse("lab.too_many_steps", self.context(), limit=limits.MAX_STEPS)
            self.line = statement.lineno
            self.statement(statement)

    def statement(self, node: ast.stmt) -> None:
        if isinstance(node, ast.Assign):
            self.assign(node.targets[0], self.value(node.value))
        elif isinstance(node, ast.AugAssign):
            self.augmented(node)
        elif isinstance(node, ast.Expr):
            self.value(node.value)
        elif isinstance(node, ast.For):
            self.loop(node)
        elif isinstance(node, ast.With):
            with torch.no_grad():
                self.block(node.body)

    def assign(self, target: ast.expr, value: Any) -> None:
        if isinstance(target, ast.Name):
            self.env[target.id] = value
            return
        assert isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
        owner = self.tensor_named(target.value.id, f"{target.value.id}.{target.attr}")
        if target.attr == "grad":
            owner.grad = None
        else:
            data = self.tensor_value(value, f"{target.value.id}.data")
            check_broadcast(owner, data, self.context())
            owner.data = data

    def augmented(self, node: ast.AugAssign) -> None:
        value = self.value(node.value)
        op = type(node.op)
        if isinstance(node.target, ast.Name):
            current = self.name(node.target.id)
            self.check_operands(op, current, value)
            if (
                isinstance(current, torch.Tensor)
                and current.is_leaf
                and current.requires_grad
                and torch.is_grad_enabled()
            ):
                raise refuse("lab.leaf_in_place", self.context(), name=node.target.id)
            self.env[node.target.id] = self.python_number(_IN_PLACE[op](current, value))
            return
        assert isinstance(node.target, ast.Attribute) and isinstance(node.target.value, ast.Name)
        owner = self.tensor_named(node.target.value.id, f"{node.target.value.id}.data")
        self.check_operands(op, owner, value)
        owner.data = _IN_PLACE[op](owner.data, value)

    def loop(self, node: ast.For) -> None:
        assert isinstance(node.iter, ast.Call) and isinstance(node.target, ast.Name)
        bounds = [self.value(a) for a in node.iter.args]
        context = self.context()
        if not 1 <= len(bounds) <= 3:
            raise refuse(
                "lab.argument_count",
                context,
                function="range",
                expected="1 to 3 arguments",
                given=len(bounds),
            )
        ints = [
            whole(b, "range()'s bound", context, -limits.MAX_STEPS, limits.MAX_STEPS)
            for b in bounds
        ]
        if len(ints) == 3 and ints[2] == 0:
            raise refuse(
                "lab.number_invalid",
                context,
                what="range()'s step",
                low=1,
                high=limits.MAX_STEPS,
                value=0,
            )
        for i in range(*ints):
            self.env[node.target.id] = i
            self.block(node.body)

    # ---- expressions ------------------------------------------------------------------

    def value(self, node: ast.expr) -> Any:
        if isinstance(node, ast.Constant):
            return self.python_number(node.value)
        if isinstance(node, ast.Name):
            return self.name(node.id)
        if isinstance(node, ast.BinOp):
            left, right = self.value(node.left), self.value(node.right)
            self.check_operands(type(node.op), left, right)
            return self.python_number(_BINARY[type(node.op)](left, right))
        if isinstance(node, ast.UnaryOp):
            operand = self.value(node.operand)
            return -operand if isinstance(node.op, ast.USub) else +operand
        if isinstance(node, ast.List | ast.Tuple):
            return [self.value(e) for e in node.elts]
        if isinstance(node, ast.Attribute):
            return self.attribute(node)
        if isinstance(node, ast.Subscript):
            return self.subscript(node)
        assert isinstance(node, ast.Call)
        return self.call(node)

    def name(self, name: str) -> Any:
        if name not in self.env:
            raise refuse("lab.name_unknown", self.context(), name=name)
        return self.env[name]

    def tensor_named(self, name: str, what: str) -> torch.Tensor:
        return self.tensor_value(self.name(name), what, name)

    def tensor_value(self, value: Any, what: str, name: str = "it") -> torch.Tensor:
        if not isinstance(value, torch.Tensor):
            raise refuse(
                "lab.not_a_tensor", self.context(), what=what, name=name, kind=kind_of(value)
            )
        return value

    def python_number(self, value: Any) -> Any:
        """Keeps whole numbers outside tensors within bounds (``10 ** 10 ** 10`` never runs)."""
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and abs(value) > limits.MAX_INTEGER
        ):
            raise refuse(
                "lab.number_too_big",
                self.context(),
                value="a number this large",
                limit=limits.MAX_INTEGER,
            )
        return value

    def check_operands(self, op: type[ast.operator], left: Any, right: Any) -> None:
        context = self.context()
        if op is ast.MatMult:
            check_product(self.tensor_value(left, "@"), self.tensor_value(right, "@"), context, "@")
            return
        if (
            op is ast.Pow
            and not isinstance(left, torch.Tensor)
            and not isinstance(right, torch.Tensor)
        ):
            base_ok = isinstance(left, int | float) and isinstance(right, int | float)
            if not base_ok:
                raise refuse(
                    "lab.argument_type",
                    context,
                    function="**",
                    expected="numbers or tensors",
                    argument="both",
                    given=kind_of(left),
                )
            if isinstance(left, int) and isinstance(right, int) and abs(right) > 64:
                raise refuse(
                    "lab.number_too_big",
                    context,
                    value=f"{left} ** {right}",
                    limit=limits.MAX_INTEGER,
                )
        for value in (left, right):
            if not isinstance(value, torch.Tensor | int | float | bool):
                raise refuse(
                    "lab.argument_type",
                    context,
                    function="this calculation",
                    expected="numbers or tensors",
                    argument="both",
                    given=kind_of(value),
                )
        check_broadcast(left, right, context)

    def attribute(self, node: ast.Attribute) -> Any:
        owner = self.value(node.value)
        what = f"{ast.unparse(node.value)}.{node.attr}"
        if node.attr == "device" and isinstance(owner, torch.Tensor):
            return owner.device
        tensor = self.tensor_value(owner, what, ast.unparse(node.value))
        if node.attr == "grad_fn":
            return None if tensor.grad_fn is None else type(tensor.grad_fn).__name__
        if node.attr == "shape":
            return tuple(tensor.shape)
        if node.attr == "grad" and not (tensor.is_leaf or tensor.retains_grad):
            return None  # torch keeps no gradient for intermediate tensors unless asked
        return getattr(tensor, node.attr)

    def subscript(self, node: ast.Subscript) -> Any:
        tensor = self.tensor_value(self.value(node.value), "indexing")
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        index: list[Any] = []
        context = self.context()
        for part in parts:
            if isinstance(part, ast.Slice):
                bounds = [
                    None
                    if b is None
                    else whole(self.value(b), "an index", context, -limits.MAX_ELEMENTS)
                    for b in (part.lower, part.upper, part.step)
                ]
                index.append(slice(*bounds))
            else:
                index.append(whole(self.value(part), "an index", context, -limits.MAX_ELEMENTS))
        return tensor[tuple(index)]

    def call(self, node: ast.Call) -> Any:
        args = [self.value(a) for a in node.args]
        keywords = {k.arg: self.value(k.value) for k in node.keywords if k.arg is not None}
        context = self.context()
        func = node.func
        name = function_name(func)
        if name is not None:
            if name == "print":
                self.print_line(args)
                return None
            signature, handler = FUNCTIONS[name]
            check_signature(name, signature, args, keywords, context)
            return handler(args, keywords, context)
        assert isinstance(func, ast.Attribute)
        owner_text = ast.unparse(func.value)
        owner = self.value(func.value)
        if owner is None and func.attr == "zero_":
            raise refuse("lab.grad_missing", context, name=owner_text.removesuffix(".grad"))
        tensor = self.tensor_value(owner, f".{func.attr}()", owner_text)
        check_signature(func.attr, METHODS[func.attr], args, keywords, context)
        if func.attr == "backward":
            self.backward(tensor, owner_text, keywords)
            return None
        return call_method(tensor, func.attr, args, keywords, context)

    def print_line(self, args: list[Any]) -> None:
        if len(self.result.printed) >= limits.MAX_PRINTED_LINES:
            return
        text = " ".join(_printable(a) for a in args)
        if len(text) > limits.MAX_LINE_CHARS:
            text = text[: limits.MAX_LINE_CHARS - 3] + "..."
        self.result.printed.append(PrintedLine(self.line, text))

    # ---- backward ---------------------------------------------------------------------

    def backward(self, root: torch.Tensor, name: str, keywords: dict[str, Any]) -> None:
        context = self.context()
        if not root.requires_grad:
            raise refuse("lab.no_grad_fn", context, name=name)
        if root.numel() != 1:
            raise refuse("lab.backward_scalar", context, name=name, shape=list(root.shape))
        tensors = self.tensors()
        graph, torch_nodes = capture({name: root}, tensors)
        recorder = BackwardRecorder(torch_nodes)
        try:
            root.backward(retain_graph=bool(keywords.get("retain_graph", False)))  # type: ignore[no-untyped-call]
        except RuntimeError as exc:
            if "second time" in str(exc) or "freed" in str(exc):
                raise refuse("lab.backward_twice", context, name=name) from None
            raise
        finally:
            recorder.close()
            del torch_nodes
        grads = {
            leaf: numbers(t.grad) for leaf, t in tensors.items() if t.is_leaf and t.requires_grad
        }
        self.result.backward.append(
            BackwardTrace(self.line, name, graph, tuple(recorder.steps), grads)
        )


def _printable(value: Any) -> str:
    text = str(value) if not isinstance(value, str) else value
    return "".join(c if c.isprintable() or c == "\n" else "?" for c in text)
