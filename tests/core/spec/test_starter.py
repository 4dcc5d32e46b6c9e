"""File ▸ New's experiment trains as it is."""

from __future__ import annotations

from playground.core.data import describe_data, load_dataset
from playground.core.spec.starter import starter_experiment
from playground.core.spec.validation import check_experiment
from playground.core.training.engine import Engine


def test_a_new_experiment_is_a_small_network_that_can_train() -> None:
    experiment = starter_experiment()
    assert experiment.name == "Untitled"
    assert [layer.kind for layer in experiment.model.layers] == [
        "Linear",
        "Tanh",
        "Linear",
        "Tanh",
        "Linear",
    ]
    assert check_experiment(experiment, describe_data(experiment.data)) == []
    quick = experiment.model_copy(
        update={"training": experiment.training.model_copy(update={"epochs": 2})}
    )
    final = Engine(quick, load_dataset(quick.data)).run()
    assert final.state == "finished" and final.step > 0
