"""Every layer kind's inferred shape and parameter count agree with what torch builds and runs."""

from __future__ import annotations

import pytest
import torch

from playground.core.layers.catalog import CATALOGUE, ParamValue, Shape
from playground.core.layers.model import ModelError, build_model, summarize
from playground.core.messages import describe
from playground.core.spec.experiment import LayerSpec

FLAT: Shape = (6,)
IMAGE: Shape = (3, 9, 7)  # odd, non-square sizes catch height/width mix-ups

# (kind, params, input shape): defaults and non-default settings of every kind.
CASES: list[tuple[str, dict[str, ParamValue], Shape]] = [
    ("Linear", {}, FLAT),
    ("Linear", {"out_features": 3, "bias": False}, FLAT),
    ("Conv2d", {}, IMAGE),
    ("Conv2d", {"out_channels": 5, "kernel_size": 3, "stride": 2, "padding": 1}, IMAGE),
    ("Conv2d", {"out_channels": 4, "kernel_size": 1, "bias": False}, IMAGE),
    ("MaxPool2d", {}, IMAGE),
    ("MaxPool2d", {"kernel_size": 3, "stride": 1, "padding": 1}, IMAGE),
    ("AvgPool2d", {}, IMAGE),
    ("AvgPool2d", {"kernel_size": 3, "stride": 2, "padding": 1}, IMAGE),
    ("Flatten", {}, IMAGE),
    ("Flatten", {}, FLAT),
    ("Dropout", {"p": 0.5}, FLAT),
    ("Dropout", {}, IMAGE),
    ("BatchNorm1d", {}, FLAT),
    ("BatchNorm1d", {"momentum": 0.3, "eps": 1e-3}, FLAT),
    ("BatchNorm2d", {}, IMAGE),
    ("LayerNorm", {}, FLAT),
    ("LayerNorm", {}, IMAGE),
    ("ReLU", {}, FLAT),
    ("LeakyReLU", {"negative_slope": 0.2}, FLAT),
    ("ELU", {"alpha": 0.5}, IMAGE),
    ("GELU", {}, FLAT),
    ("SiLU", {}, FLAT),
    ("Tanh", {}, IMAGE),
    ("Sigmoid", {}, FLAT),
    ("Softplus", {"beta": 2.0}, FLAT),
    ("Identity", {}, IMAGE),
]


def test_every_catalogue_kind_is_covered() -> None:
    assert {kind for kind, _, _ in CASES} == set(CATALOGUE)


@pytest.mark.parametrize(("kind", "params", "shape"), CASES, ids=lambda v: str(v))
def test_inferred_shape_and_parameters_match_torch(
    kind: str, params: dict[str, ParamValue], shape: Shape
) -> None:
    layers = [LayerSpec(kind=kind, params=params)]
    summary = summarize(layers, shape)
    assert summary.ok, summary.error
    model = build_model(layers, shape)
    model.train()
    with torch.no_grad():
        out = model(torch.randn(4, *shape))
    assert summary.output_shape == tuple(out.shape[1:])
    assert summary.layers[0].output_shape == tuple(out.shape[1:])
    expected = sum(p.numel() for p in model.parameters())
    assert summary.total_parameters == expected
    assert summary.layers[0].parameters == expected
    assert CATALOGUE[kind].has_weights == (expected > 0 or not params.get("bias", True))


def test_a_deep_stack_matches_torch_layer_by_layer() -> None:
    layers = [
        LayerSpec(kind="Conv2d", params={"out_channels": 6, "kernel_size": 3, "padding": 1}),
        LayerSpec(kind="BatchNorm2d"),
        LayerSpec(kind="ReLU"),
        LayerSpec(kind="MaxPool2d"),
        LayerSpec(kind="Conv2d", params={"out_channels": 4, "kernel_size": 2}),
        LayerSpec(kind="Flatten"),
        LayerSpec(kind="Dropout"),
        LayerSpec(kind="Linear", params={"out_features": 7}),
        LayerSpec(kind="LayerNorm"),
        LayerSpec(kind="Linear", params={"out_features": 3}),
    ]
    shape: Shape = (1, 8, 8)
    summary = summarize(layers, shape)
    model = build_model(layers, shape).eval()
    x = torch.randn(2, *shape)
    for row, module in zip(summary.layers, model, strict=True):
        x = module(x)
        assert row.output_shape == tuple(x.shape[1:])
        assert row.parameters == sum(p.numel() for p in module.parameters())
    assert summary.total_parameters == sum(p.numel() for p in model.parameters())


@pytest.mark.parametrize(
    ("layers", "shape", "expected"),
    [
        (
            [
                LayerSpec(kind="Conv2d", params={"kernel_size": 3}),
                LayerSpec(kind="MaxPool2d"),
                LayerSpec(kind="Conv2d", params={"kernel_size": 5}),
            ],
            (1, 8, 8),
            "layer 3 (Conv2d): kernel 5 is larger than its 3×3 input",
        ),
        (
            [LayerSpec(kind="Conv2d"), LayerSpec(kind="Linear")],
            (1, 8, 8),
            "layer 2 (Linear): Linear needs flat features, but its input is an image of 8×6×6",
        ),
        ([LayerSpec(kind="Conv2d")], (4,), "layer 1 (Conv2d): Conv2d needs image input"),
        (
            [LayerSpec(kind="BatchNorm2d")],
            (4,),
            "layer 1 (BatchNorm2d): BatchNorm2d needs image input",
        ),
        (
            [LayerSpec(kind="Flatten"), LayerSpec(kind="BatchNorm1d")],
            (2, 3, 3),
            None,
        ),
        (
            [LayerSpec(kind="MaxPool2d", params={"kernel_size": 2, "padding": 2})],
            (1, 8, 8),
            "layer 1 (MaxPool2d): padding 2 is more than half the kernel 2",
        ),
        (
            [LayerSpec(kind="Conv2d", params={"kernel_size": 3, "stride": 1})] * 2
            + [LayerSpec(kind="AvgPool2d", params={"kernel_size": 3, "stride": 3})],
            (1, 5, 5),
            "layer 3 (AvgPool2d): kernel 3 is larger than its 1×1 input",
        ),
        ([], (2,), "the model has no layers"),
    ],
)
def test_impossible_stacks_are_refused_with_a_sentence(
    layers: list[LayerSpec], shape: Shape, expected: str | None
) -> None:
    summary = summarize(layers, shape)
    if expected is None:
        assert summary.ok
        return
    assert summary.error is not None
    assert describe(summary.error).startswith(expected)
    with pytest.raises(ModelError) as caught:
        build_model(layers, shape)
    assert str(caught.value) == describe(summary.error)
    assert caught.value.problems == [summary.error]


def test_rows_after_a_broken_layer_have_no_shape() -> None:
    layers = [LayerSpec(kind="Linear"), LayerSpec(kind="Conv2d"), LayerSpec(kind="ReLU")]
    summary = summarize(layers, (3,))
    assert [row.output_shape for row in summary.layers] == [(8,), None, None]
    assert summary.layers[1].error is not None
    assert summary.output_shape is None


def test_parameter_counts_follow_every_edit_and_leave_the_seeded_draws_alone() -> None:
    # Counts are remembered per layer, shape and settings (the editor summarizes on every
    # edit); an edit or another input shape counts afresh, and counting draws nothing.
    layers = [LayerSpec(kind="Linear", params={"out_features": 8})]
    torch.manual_seed(0)
    state = torch.get_rng_state()
    for _ in range(2):
        assert summarize(layers, (3,)).total_parameters == 3 * 8 + 8
    assert torch.equal(torch.get_rng_state(), state)
    assert summarize(layers, (5,)).total_parameters == 5 * 8 + 8
    wider = [LayerSpec(kind="Linear", params={"out_features": 9})]
    assert summarize(wider, (3,)).total_parameters == 3 * 9 + 9
    no_bias = [LayerSpec(kind="Linear", params={"out_features": 8, "bias": False})]
    assert summarize(no_bias, (3,)).total_parameters == 3 * 8
