"""How the weights start: each choice of ``model.init`` gives exactly plain torch's numbers."""

from __future__ import annotations

import json

import pytest
import torch
from torch import nn

from playground.core.export.base import fresh_weights
from playground.core.messages import describe
from playground.core.spec.experiment import (
    INITS,
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    TrainingSpec,
)
from playground.core.spec.options import INIT_TABLE
from playground.core.spec.validation import SpecError, parse_experiment
from playground.core.training.engine import Engine


def mlp(init: str, seed: int = 7) -> Experiment:
    return Experiment(
        data=BuiltinData(name="spiral", samples=120, noise=0.1),
        model=ModelSpec(
            layers=[
                LayerSpec(kind="Linear", params={"out_features": 16}),
                LayerSpec(kind="ReLU"),
                LayerSpec(kind="BatchNorm1d"),
                LayerSpec(kind="Linear", params={"out_features": 8, "bias": False}),
                LayerSpec(kind="Tanh"),
                LayerSpec(kind="Linear", params={"out_features": 2}),
            ],
            init=init,  # type: ignore[arg-type]
        ),
        training=TrainingSpec(epochs=2, batch_size=16, seed=seed, device="cpu"),
    )


def plain_mlp() -> nn.Sequential:
    return nn.Sequential(
        nn.Linear(2, 16),
        nn.ReLU(),
        nn.BatchNorm1d(16),
        nn.Linear(16, 8, bias=False),
        nn.Tanh(),
        nn.Linear(8, 2),
    )


def cnn(init: str) -> Experiment:
    return Experiment(
        data=BuiltinData(name="digits", as_images=True),
        model=ModelSpec(
            layers=[
                LayerSpec(kind="Conv2d", params={"out_channels": 4, "kernel_size": 3}),
                LayerSpec(kind="BatchNorm2d"),
                LayerSpec(kind="ReLU"),
                LayerSpec(kind="Flatten"),
                LayerSpec(kind="Linear", params={"out_features": 10}),
            ],
            init=init,  # type: ignore[arg-type]
        ),
        training=TrainingSpec(epochs=1, seed=3, device="cpu"),
    )


def plain_cnn() -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(1, 4, 3),
        nn.BatchNorm2d(4),
        nn.ReLU(),
        nn.Flatten(),
        nn.Linear(4 * 6 * 6, 10),
    )


def plain_torch_init(model: nn.Module, init: str) -> None:
    """The textbook way, written out without the app's table."""
    for module in model.modules():
        if not isinstance(module, nn.Linear | nn.Conv2d):
            continue
        if init == "xavier_uniform":
            nn.init.xavier_uniform_(module.weight)
        elif init == "kaiming_normal":
            nn.init.kaiming_normal_(module.weight, mode="fan_in", nonlinearity="relu")
        else:
            continue
        if module.bias is not None:
            nn.init.zeros_(module.bias)


def assert_same_weights(ours: dict[str, torch.Tensor], theirs: dict[str, torch.Tensor]) -> None:
    assert ours.keys() == theirs.keys()
    for name, value in theirs.items():
        assert torch.equal(ours[name], value), name


@pytest.mark.parametrize("init", INITS)
@pytest.mark.parametrize(("experiment", "plain"), [(mlp, plain_mlp), (cnn, plain_cnn)])
def test_the_engine_starts_from_plain_torchs_weights(
    init: str, experiment: object, plain: object
) -> None:
    spec = experiment(init)  # type: ignore[operator]
    torch.manual_seed(spec.training.seed)
    model = plain()  # type: ignore[operator]
    plain_torch_init(model, init)
    expected = model.state_dict()

    assert_same_weights(Engine(spec).model.state_dict(), expected)
    assert_same_weights(Engine(spec).initial_state, expected)
    assert_same_weights(fresh_weights(spec), expected)  # what exports start from


def test_each_choice_draws_other_weights_and_zero_biases() -> None:
    starts = {init: Engine(mlp(init)).model.state_dict() for init in INITS}
    for init in ("xavier_uniform", "kaiming_normal"):
        assert not torch.equal(starts[init]["0.weight"], starts["pytorch"]["0.weight"])
        assert torch.count_nonzero(starts[init]["0.bias"]) == 0
        # BatchNorm keeps torch's own start (ones and zeros) whatever the choice.
        assert torch.equal(starts[init]["2.weight"], torch.ones(16))
    assert torch.count_nonzero(starts["pytorch"]["0.bias"]) == 16
    # Kaiming normal's spread is sqrt(2 / fan_in): 16 inputs give 0.354 for the middle layer.
    spread = float(starts["kaiming_normal"]["3.weight"].std())
    assert spread == pytest.approx((2 / 16) ** 0.5, rel=0.25)


def test_the_same_seed_gives_the_same_start_and_another_seed_another() -> None:
    first = Engine(mlp("xavier_uniform", seed=1)).model.state_dict()
    again = Engine(mlp("xavier_uniform", seed=1)).model.state_dict()
    other = Engine(mlp("xavier_uniform", seed=2)).model.state_dict()
    assert_same_weights(first, again)
    assert not torch.equal(first["0.weight"], other["0.weight"])


def test_weights_set_by_hand_win_over_the_choice() -> None:
    start = {k: torch.full_like(v, 0.25) for k, v in plain_mlp().state_dict().items()}
    start["2.num_batches_tracked"] = torch.tensor(0)
    engine = Engine(mlp("kaiming_normal"), initial_state=start)
    assert_same_weights(engine.model.state_dict(), start)


def test_a_file_without_the_choice_reads_as_pytorch_and_the_default_is_not_written() -> None:
    old = json.loads(mlp("pytorch").to_json())
    assert "init" not in old["model"]  # files stay as they were before the choice existed
    assert parse_experiment(old).model.init == "pytorch"
    chosen = mlp("xavier_uniform")
    assert json.loads(chosen.to_json())["model"]["init"] == "xavier_uniform"
    assert parse_experiment(chosen.to_json()) == chosen


@pytest.mark.parametrize("bad", ["glorot", "Xavier", 3, None])
def test_a_bad_choice_in_a_file_is_refused_in_words(bad: object) -> None:
    data = json.loads(mlp("pytorch").to_json())
    data["model"]["init"] = bad
    with pytest.raises(SpecError) as caught:
        parse_experiment(data)
    [problem] = caught.value.problems
    assert problem.field == "model.init"
    words = describe(problem)
    assert "a way to start the weights" in words
    assert all(name in words for name in INIT_TABLE)


def test_the_table_names_exactly_the_spec_choices() -> None:
    assert tuple(INIT_TABLE) == INITS
    assert INITS[0] == "pytorch" == ModelSpec().init


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
@pytest.mark.parametrize("init", INITS)
def test_a_cuda_run_starts_from_the_cpu_runs_weights(init: str) -> None:
    on_cpu = Engine(mlp(init)).model.state_dict()
    cuda = mlp(init).model_copy(update={"training": TrainingSpec(seed=7, device="cuda")})
    on_cuda = Engine(cuda).model.state_dict()
    assert_same_weights({k: v.cpu() for k, v in on_cuda.items()}, on_cpu)
