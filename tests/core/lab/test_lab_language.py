"""The lab language refuses everything outside its whitelist, in words naming the line."""

from __future__ import annotations

import random

import pytest

from playground.core.lab import limits
from playground.core.lab.interpreter import run_lab
from playground.core.lab.language import check_source
from playground.core.lab.problems import LAB_MESSAGES, LabError, LabProblem, describe


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("import os", "lab.statement"),
        ("from os import system", "lab.statement"),
        ("x = ().__class__", "lab.name_private"),
        ("x = ones(1).__class__", "lab.name_private"),
        ("open('/etc/passwd')", "lab.function_unknown"),
        ("eval('1+1')", "lab.function_unknown"),
        ("exec('x = 1')", "lab.function_unknown"),
        ("__import__('os')", "lab.name_private"),
        ("x = lambda: 1", "lab.expression"),
        ("x = [i for i in range(3)]", "lab.expression"),
        ("def f():\n    pass", "lab.statement"),
        ("class A:\n    pass", "lab.statement"),
        ("x = ones(2).numpy()", "lab.method_unknown"),
        ("x = ones(2).storage", "lab.attribute_unknown"),
        ("x = os.system('ls')", "lab.method_unknown"),
        ("x = torch.load('f.pt')", "lab.function_unknown"),
        ("while True:\n    pass", "lab.statement"),
        ("with open('f') as f:\n    pass", "lab.with_only"),
        ("for x in [1, 2]:\n    pass", "lab.range_only"),
        ("ones = 3", "lab.name_reserved"),
        ("x = f'{1}'", "lab.expression"),
        ("x = 1 if True else 2", "lab.expression"),
        ("global x", "lab.statement"),
        ("x = (y := 2)", "lab.expression"),
        ("x = 1 < 2", "lab.expression"),
        ("x = ones(2)\nx = x[::2]\ndel x", "lab.statement"),
    ],
)
def test_refused_with_a_code_and_a_line(source: str, code: str) -> None:
    problems = check_source(source)
    assert problems, source
    assert problems[0].code == code
    assert problems[0].line >= 1
    with pytest.raises(LabError) as caught:
        run_lab(source)
    assert str(caught.value).startswith(f"line {problems[0].line}: ")


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("x = y + 1", "lab.name_unknown"),
        ("x = ones(100000, 100000)", "lab.too_big"),
        ("x = 10 ** 10 ** 10", "lab.number_too_big"),
        ("for i in range(10 ** 9):\n    pass", "lab.number_invalid"),
        ("x = ones(2, 3)\nx.backward()", "lab.no_grad_fn"),
        ("x = ones(2, requires_grad=True)\nx.backward()", "lab.backward_scalar"),
        ("x = tensor(1.0, requires_grad=True)\nx.grad.zero_()", "lab.grad_missing"),
        ("x = tensor(1.0, requires_grad=True)\nx -= 1", "lab.leaf_in_place"),
        ("x = ones(2).to('gpu')", "lab.device_unknown"),
        (
            "x = tensor(1.0, requires_grad=True)\ny = x * 2\ny.backward()\ny.backward()",
            "lab.backward_twice",
        ),
        ("x = ones(2, 3) @ ones(2, 3)", "lab.torch"),
        ("x = ones(2, foo=1)", "lab.keyword_unknown"),
        ("x = mm(ones(2, 2))", "lab.argument_count"),
        ("x = 'a' * 100", "lab.argument_type"),
        ("x = [0] * 100", "lab.argument_type"),
        ("a = ones(300, 300)\nfor i in range(5000):\n    b = a @ a", "lab.too_much_work"),
        ("for i in range(50000):\n    for j in range(50000):\n        pass", "lab.too_many_steps"),
    ],
)
def test_run_time_problems_are_refused_in_words(source: str, code: str) -> None:
    with pytest.raises(LabError) as caught:
        run_lab(source)
    assert caught.value.problem.code == code


def test_every_code_is_worded_and_a_missing_value_never_crashes() -> None:
    for code in LAB_MESSAGES:
        text = describe(LabProblem(code, 3, {}))
        assert text.startswith("line 3: ") and len(text) > 12
    french = {code: f"⟦{code}⟧ ligne" for code in LAB_MESSAGES}
    assert (
        describe(LabProblem("lab.syntax", 2, {"detail": "x"}), french)
        == "line 2: ⟦lab.syntax⟧ ligne"
    )


def test_a_long_script_is_refused_before_parsing() -> None:
    problems = check_source("x = 1\n" * (limits.MAX_STEPS))
    assert problems[0].code == "lab.too_long"


def test_fuzzed_scripts_end_in_a_result_or_a_lab_error() -> None:
    """Random token soups and mutations of valid scripts never raise anything else."""
    rng = random.Random(7)
    pieces = [
        "x", "y", "=", "+", "*", "**", "@", "(", ")", "[", "]", ",", ".", ":", "\n", "    ",
        "ones(2, 2)", "tensor(3.0, requires_grad=True)", "backward()", "grad", "zero_()",
        "mean", "for i in range(3):", "with no_grad():", "__class__", "import", "'s'", "1e308",
        "-1", "0", "mm", "data", "requires_grad", "9" * 30, "\\", "#", "lambda", "None",
    ]  # fmt: skip
    base = "x = tensor(2.0, requires_grad=True)\ny = x * x + 3\ny.backward()\n"
    for _ in range(300):
        if rng.random() < 0.5:
            source = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        else:
            chars = list(base)
            for _ in range(rng.randint(1, 4)):
                chars.insert(rng.randrange(len(chars) + 1), rng.choice(pieces))
            source = "".join(chars)
        try:
            run_lab(source)
        except LabError as error:
            assert str(error)
