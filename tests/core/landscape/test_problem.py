"""The landscape's loss is the loss training reports; parameters are named as the editor names them."""

from __future__ import annotations

import pytest
import torch

from playground.core.landscape.problem import (
    COMPARED_OPTIMIZERS,
    LandscapeError,
    build_problem,
    compared_optimizer,
)
from playground.core.landscape.slices import SliceAbandoned, loss_slice, random_directions
from playground.core.spec.presets import load_preset
from playground.core.training.engine import Engine


def test_problem_is_the_engines_model_loss_and_training_set() -> None:
    experiment = load_preset("spiral")
    problem = build_problem(experiment)
    engine = Engine(experiment)
    for name, value in engine.model.state_dict().items():
        assert torch.equal(problem.model.state_dict()[name], value)
    assert torch.equal(problem.inputs, engine.dataset.x_train)
    with torch.no_grad():
        ours = float(problem.loss(problem.model(problem.inputs), problem.targets))
        theirs = float(
            torch.nn.functional.cross_entropy(
                engine.model(engine.dataset.x_train), engine.dataset.y_train
            )
        )
    assert ours == pytest.approx(theirs, rel=1e-6)


def test_bce_targets_are_shaped_as_training_shapes_them() -> None:
    experiment = load_preset("circle")  # two classes, cross-entropy: made BCE with one output
    layers = list(experiment.model.layers)
    last = layers[-1].model_copy(update={"params": {**layers[-1].params, "out_features": 1}})
    experiment = experiment.model_copy(
        update={
            "loss": "bce-with-logits",
            "model": experiment.model.model_copy(update={"layers": [*layers[:-1], last]}),
        }
    )
    problem = build_problem(experiment)
    assert problem.targets.dtype == torch.float32
    assert problem.targets.shape == (problem.inputs.shape[0], 1)


def test_a_loss_that_does_not_fit_is_a_sentence() -> None:
    experiment = load_preset("linear-regression").model_copy(update={"loss": "cross-entropy"})
    with pytest.raises(LandscapeError) as caught:
        build_problem(experiment)
    assert caught.value.problems  # as data, for the window to word
    assert "cross-entropy" in str(caught.value).lower()


def test_compared_optimizers_are_plain_sgd_momentum_and_adam() -> None:
    experiment = load_preset("linear-regression")
    specs = {key: compared_optimizer(key, 0.05, experiment) for key in COMPARED_OPTIMIZERS}
    assert (specs["sgd"].kind, specs["sgd"].momentum) == ("sgd", 0.0)
    assert (specs["momentum"].kind, specs["momentum"].momentum) == ("sgd", 0.9)
    assert specs["adam"].kind == "adam"
    assert specs["adam"].betas == experiment.optimizer.betas
    assert all(spec.lr == 0.05 and spec.weight_decay == 0.0 for spec in specs.values())


def test_a_slice_reports_rows_and_can_be_abandoned() -> None:
    problem = build_problem(load_preset("spiral"))
    directions = random_directions(problem.model, 0)
    seen: list[tuple[int, int]] = []

    def follow(done: int, rows: int) -> bool:
        seen.append((done, rows))
        return True

    args = (problem.model, problem.loss, problem.inputs, problem.targets, directions)
    plain = loss_slice(*args, extent=0.5, resolution=5)
    followed = loss_slice(*args, extent=0.5, resolution=5, progress=follow)
    assert seen == [(row, 5) for row in range(1, 6)]
    assert (followed.losses == plain.losses).all()
    with pytest.raises(SliceAbandoned):
        loss_slice(*args, extent=0.5, resolution=5, progress=lambda done, _rows: done < 2)
