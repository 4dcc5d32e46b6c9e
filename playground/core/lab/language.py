"""The lab language: a small subset of Python, checked node by node against a whitelist.

The source is parsed with :func:`ast.parse` and every node must be one this
module knows; every called name must be a lab function, every attribute one of
a few tensor attributes. Nothing is ever given to ``eval``, ``exec`` or
``compile``: :mod:`~playground.core.lab.interpreter` walks the checked tree
itself. Names starting with ``_`` are refused outright, so ``__class__`` and
friends cannot be reached.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from playground.core.lab.functions import FUNCTIONS as FUNCTION_TABLE
from playground.core.lab.functions import METHODS as METHOD_TABLE
from playground.core.lab.problems import LabError, LabProblem

MAX_SOURCE_CHARS = 20_000
MAX_NESTING = 8

#: Functions a script may call, alone or as ``torch.NAME``.
FUNCTIONS: frozenset[str] = frozenset(FUNCTION_TABLE) | {"print", "range", "no_grad"}

#: Methods a script may call on a tensor.
METHODS: frozenset[str] = frozenset(METHOD_TABLE)

#: Attributes a script may read.
ATTRIBUTES: frozenset[str] = frozenset(
    {"grad", "data", "requires_grad", "is_leaf", "grad_fn", "shape", "T", "device"}
)

_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.MatMult)
_UNARY = (ast.USub, ast.UAdd)


@dataclass(frozen=True)
class Program:
    """A checked lab script: the syntax tree, safe to interpret."""

    source: str
    tree: ast.Module


def parse_program(source: str) -> Program:
    """Parse and check a lab script; raises :class:`LabError` naming the first problem."""
    problems = check_source(source)
    if problems:
        raise LabError(problems[0])
    return Program(source, ast.parse(source, mode="exec"))


def check_source(source: str) -> list[LabProblem]:
    """Every problem of a script, in line order (empty when it is valid lab code)."""
    if len(source) > MAX_SOURCE_CHARS:
        return [LabProblem("lab.too_long", 0, {"size": len(source), "limit": MAX_SOURCE_CHARS})]
    try:
        tree = ast.parse(source, mode="exec")
    except SyntaxError as exc:
        detail = (exc.msg or "syntax error").split("(")[0].strip()
        return [LabProblem("lab.syntax", exc.lineno or 0, {"detail": detail})]
    except (ValueError, RecursionError, MemoryError):
        return [LabProblem("lab.syntax", 0, {"detail": "the text cannot be read as code"})]
    checker = _Checker()
    for statement in tree.body:
        checker.statement(statement, depth=0)
    return sorted(checker.problems, key=lambda p: p.line)


def _what(node: ast.AST) -> str:
    """A short, printable name for a node a learner wrote."""
    try:
        text = ast.unparse(node)
    except (ValueError, RecursionError):
        text = type(node).__name__
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 40 else text[:37] + "..."


class _Checker:
    def __init__(self) -> None:
        self.problems: list[LabProblem] = []

    def refuse(self, code: str, node: ast.AST, **values: object) -> None:
        self.problems.append(LabProblem(code, getattr(node, "lineno", 0), values))

    # ---- statements ---------------------------------------------------------------

    def statement(self, node: ast.stmt, depth: int) -> None:
        if depth > MAX_NESTING:
            self.refuse("lab.statement", node, what="blocks nested this deep")
            return
        if isinstance(node, ast.Assign):
            if len(node.targets) != 1:
                self.refuse("lab.assign_target", node)
            for target in node.targets:
                self.target(target, node.value)
            self.expression(node.value)
        elif isinstance(node, ast.AugAssign):
            if not isinstance(node.op, _OPERATORS):
                self.refuse("lab.expression", node, what=_what(node))
            self.target(node.target, None)
            self.expression(node.value)
        elif isinstance(node, ast.Expr):
            if not isinstance(node.value, ast.Call):
                self.refuse("lab.statement", node, what=_what(node))
            self.expression(node.value)
        elif isinstance(node, ast.For):
            self.loop(node, depth)
        elif isinstance(node, ast.With):
            self.with_block(node, depth)
        elif isinstance(node, ast.Pass):
            return
        else:
            self.refuse("lab.statement", node, what=_what(node).split("\n")[0])

    def target(self, node: ast.expr, value: ast.expr | None) -> None:
        if isinstance(node, ast.Name):
            self.name(node, storing=True)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            self.name(node.value, storing=False)
            grad_to_none = (
                node.attr == "grad" and isinstance(value, ast.Constant) and value.value is None
            )
            if not (node.attr == "data" or grad_to_none):
                self.refuse("lab.assign_target", node)
        else:
            self.refuse("lab.assign_target", node)

    def loop(self, node: ast.For, depth: int) -> None:
        if not isinstance(node.target, ast.Name):
            self.refuse("lab.loop_target", node)
        else:
            self.name(node.target, storing=True)
        it = node.iter
        if not (
            isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range"
        ):
            self.refuse("lab.range_only", node)
        else:
            for argument in it.args:
                self.expression(argument)
            if it.keywords:
                self.refuse("lab.range_only", node)
        if node.orelse:
            self.refuse("lab.statement", node, what="for ... else")
        for statement in node.body:
            self.statement(statement, depth + 1)

    def with_block(self, node: ast.With, depth: int) -> None:
        ok = len(node.items) == 1 and node.items[0].optional_vars is None
        if ok:
            call = node.items[0].context_expr
            ok = (
                isinstance(call, ast.Call)
                and _function_name(call.func) == "no_grad"
                and not call.args
                and not call.keywords
            )
        if not ok:
            self.refuse("lab.with_only", node)
        for statement in node.body:
            self.statement(statement, depth + 1)

    # ---- expressions -------------------------------------------------------------

    def expression(self, node: ast.expr) -> None:
        if isinstance(node, ast.Constant):
            if not isinstance(node.value, int | float | bool | str) and node.value is not None:
                self.refuse("lab.expression", node, what=_what(node))
        elif isinstance(node, ast.Name):
            self.name(node, storing=False)
        elif isinstance(node, ast.BinOp):
            if not isinstance(node.op, _OPERATORS):
                self.refuse("lab.expression", node, what=_what(node))
            self.expression(node.left)
            self.expression(node.right)
        elif isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, _UNARY):
                self.refuse("lab.expression", node, what=_what(node))
            self.expression(node.operand)
        elif isinstance(node, ast.List | ast.Tuple):
            for element in node.elts:
                self.expression(element)
        elif isinstance(node, ast.Call):
            self.call(node)
        elif isinstance(node, ast.Attribute):
            if node.attr.startswith("_"):
                self.refuse("lab.name_private", node, name=node.attr)
            elif node.attr not in ATTRIBUTES:
                self.refuse(
                    "lab.attribute_unknown", node, name=node.attr, known=_listing(ATTRIBUTES)
                )
            self.expression(node.value)
        elif isinstance(node, ast.Subscript):
            self.expression(node.value)
            self.index(node.slice)
        else:
            self.refuse("lab.expression", node, what=_what(node))

    def index(self, node: ast.expr) -> None:
        parts = node.elts if isinstance(node, ast.Tuple) else [node]
        for part in parts:
            if isinstance(part, ast.Slice):
                for bound in (part.lower, part.upper, part.step):
                    if bound is not None:
                        self.expression(bound)
            else:
                self.expression(part)

    def call(self, node: ast.Call) -> None:
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "torch"
        ):
            if func.attr not in FUNCTIONS:
                self.refuse(
                    "lab.function_unknown",
                    node,
                    name=f"torch.{func.attr}",
                    known=_listing(FUNCTIONS),
                )
        elif isinstance(func, ast.Attribute):
            if func.attr.startswith("_"):
                self.refuse("lab.name_private", node, name=func.attr)
            elif func.attr not in METHODS:
                self.refuse("lab.method_unknown", node, name=func.attr, known=_listing(METHODS))
            self.expression(func.value)
        elif isinstance(func, ast.Name):
            if func.id.startswith("_"):
                self.refuse("lab.name_private", node, name=func.id)
            elif func.id not in FUNCTIONS:
                self.refuse("lab.function_unknown", node, name=func.id, known=_listing(FUNCTIONS))
            elif func.id in ("range", "no_grad"):
                self.refuse("lab.expression", node, what=_what(node))
        else:
            self.refuse("lab.expression", node, what=_what(node))
        for argument in node.args:
            if isinstance(argument, ast.Starred):
                self.refuse("lab.expression", argument, what=_what(argument))
            else:
                self.expression(argument)
        for keyword in node.keywords:
            if keyword.arg is None or keyword.arg.startswith("_"):
                self.refuse("lab.expression", keyword.value, what="**" + _what(keyword.value))
            self.expression(keyword.value)

    def name(self, node: ast.Name, storing: bool) -> None:
        if node.id.startswith("_"):
            self.refuse("lab.name_private", node, name=node.id)
        elif storing and (node.id in FUNCTIONS or node.id == "torch"):
            self.refuse("lab.name_reserved", node, name=node.id)


def _function_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "torch"
    ):
        return node.attr
    return None


def _listing(names: frozenset[str]) -> str:
    return ", ".join(sorted(names))


def function_name(node: ast.expr) -> str | None:
    """The lab function a call names (``ones`` for ``ones(...)`` and ``torch.ones(...)``)."""
    return _function_name(node)
