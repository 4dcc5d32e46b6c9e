"""Every shipped lab example gives exactly what the same lines give in plain PyTorch."""

from __future__ import annotations

import pytest
import torch

from playground.core.lab.examples import find_example, list_examples
from playground.core.lab.interpreter import LabResult, run_lab


def _run(name: str) -> LabResult:
    example = find_example(name)
    assert example is not None, name
    return run_lab(example.source())


def test_every_course_topic_has_an_example() -> None:
    names = {e.name for e in list_examples()}
    assert {
        "graph-basics",
        "long-path",
        "derivatives",
        "chain-rule",
        "accumulation",
        "no-grad",
    } <= names
    assert all(e.title and not e.title.startswith("#") for e in list_examples())


def test_graph_basics_matches_torch() -> None:
    x = torch.ones(2, 2, requires_grad=True)
    y = x + 2
    z = (y * y).mean()
    z.backward()
    result = _run("graph-basics")
    assert result.variables["y"].value == y.tolist()
    assert result.variables["z"].value == z.item()
    assert result.variables["x"].grad == x.grad.tolist()
    assert result.variables["z"].grad_fn == "MeanBackward0"
    ops = [node.op for node in result.backward[0].graph.nodes]
    assert ops == ["MeanBackward0", "MulBackward0", "AddBackward0", "AccumulateGrad"]
    leaf = result.backward[0].graph.node_named("x")
    assert leaf is not None and leaf.is_leaf and leaf.op == "AccumulateGrad"


def test_graph_basics_backward_steps_are_torchs_chain_rule() -> None:
    steps = _run("graph-basics").backward[0].steps
    x = torch.ones(2, 2, requires_grad=True)
    y = x + 2
    # mean passes 1/4 to each element; y*y passes 2·y·(1/4) to each factor
    assert steps[0].grad_outputs == (1.0,)
    assert steps[0].grad_inputs == (torch.full((2, 2), 0.25).tolist(),)
    assert steps[1].grad_inputs == ((y * 0.25).detach().tolist(), (y * 0.25).detach().tolist())
    assert steps[-1].grad_outputs == (torch.full((2, 2), 1.5).tolist(),)


def test_long_path_of_ten_products() -> None:
    x = torch.ones(2, 2, requires_grad=True)
    s = x
    for _ in range(10):
        s = s.mm(x)
    z = s.mean()
    z.backward()
    result = _run("long-path")
    assert result.variables["s"].value == s.tolist()
    assert result.variables["x"].grad == x.grad.tolist()
    graph = result.backward[0].graph
    assert sum(node.op == "MmBackward0" for node in graph.nodes) == 10


def test_derivatives_dy_dx_and_dz_dx() -> None:
    result = _run("derivatives")
    x = torch.tensor(10.0, requires_grad=True)
    y = 2 * x**2 + 3
    (dy,) = torch.autograd.grad(y, x, retain_graph=True)
    z = 5 * y + 6
    (dz,) = torch.autograd.grad(z, x)
    assert [p.text for p in result.printed] == [f"dy/dx = {dy!s}", f"dz/dx = {dz!s}"]
    assert result.variables["x"].grad == dz.item() == 200.0


def test_chain_rule_with_two_inputs() -> None:
    a = torch.tensor(5.0, requires_grad=True)
    x = torch.tensor(10.0, requires_grad=True)
    y = 2 * x**2 + 3 * a
    b = 6 * x * a
    z = y**2 + 1 / (b * y)
    z.backward()
    result = _run("chain-rule")
    assert result.variables["x"].grad == x.grad.item()
    assert result.variables["a"].grad == a.grad.item()
    assert result.variables["z"].value == z.item()


def test_accumulation_against_zeroing() -> None:
    result = _run("accumulation")
    x = torch.tensor(10.0, requires_grad=True)
    expected = []
    for _ in range(3):
        (2 * x**2 + 3).backward()
        expected.append(x.grad.item())
    assert expected == [40.0, 80.0, 120.0]
    accumulated = [trace.grads_after["x"] for trace in result.backward if trace.root == "y"]
    zeroed = [trace.grads_after["w"] for trace in result.backward if trace.root == "v"]
    assert accumulated == expected
    assert zeroed == [40.0, 40.0, 40.0]


def test_no_grad_records_nothing() -> None:
    result = _run("no-grad")
    assert result.variables["y"].requires_grad and result.variables["y"].grad_fn == "MulBackward0"
    assert not result.variables["u"].requires_grad and result.variables["u"].grad_fn is None


def test_random_tensors_follow_torchs_seed() -> None:
    result = run_lab("manual_seed(21)\nx = randint(1, 5, (20,))\nw = randn(2, 3)\n")
    torch.manual_seed(21)
    assert result.variables["x"].value == torch.randint(1, 5, (20,)).tolist()
    assert result.variables["w"].value == torch.randn(2, 3).tolist()


@pytest.mark.parametrize("prefix", ["", "torch."])
def test_torch_prefix_is_the_same_function(prefix: str) -> None:
    result = run_lab(
        f"x = {prefix}ones(2, 2, requires_grad=True)\ny = {prefix}sum(x * 3)\ny.backward()\n"
    )
    assert result.variables["x"].grad == [[3.0, 3.0], [3.0, 3.0]]


def test_manual_gradient_step_through_data_and_no_grad() -> None:
    source = (
        "w = tensor(1.0, requires_grad=True)\n"
        "for i in range(3):\n"
        "    loss = (w * 2 - 4) ** 2\n"
        "    loss.backward()\n"
        "    with no_grad():\n"
        "        w -= 0.1 * w.grad\n"
        "    w.grad.zero_()\n"
    )
    w = torch.tensor(1.0, requires_grad=True)
    for _ in range(3):
        ((w * 2 - 4) ** 2).backward()
        with torch.no_grad():
            w -= 0.1 * w.grad
        w.grad.zero_()
    assert run_lab(source).variables["w"].value == w.item()


def test_graph_keeps_the_values_a_backward_call_saw() -> None:
    source = (
        "w = tensor(1.0, requires_grad=True)\n"
        "loss = w * 3\n"
        "loss.backward()\n"
        "with no_grad():\n"
        "    w -= 0.5\n"
    )
    result = run_lab(source)
    graph = result.backward[0].graph
    leaf, root = graph.node_named("w"), graph.node_named("loss")
    assert leaf is not None and leaf.value == 1.0
    assert root is not None and root.value == 3.0
    assert result.variables["w"].value == 0.5
