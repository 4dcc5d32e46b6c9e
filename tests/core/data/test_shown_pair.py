"""The two inputs the plots show for wider data, and built-in sets as small as the course's."""

from __future__ import annotations

import pytest
import sklearn.datasets
import torch

from playground.core.data import DATASET_TABLE, DataError, describe_data, load_dataset
from playground.core.messages import describe_problems
from playground.core.spec.experiment import BuiltinData, CsvData, Experiment


def _table() -> str:
    rows = ["a,b,c,d,y"]
    for i in range(12):
        rows.append(f"{i},{i * i},{10 - i},{i % 3},{i % 2}")
    return "\n".join(rows)


def test_the_chosen_pair_is_the_plane_and_other_inputs_sit_at_their_mean() -> None:
    spec = CsvData(
        path="t",
        inline_table=_table(),
        features=["a", "b", "c", "d"],
        target="y",
        task="classification",
        shown_inputs=["c", "a"],
    )
    data = load_dataset(spec)
    assert data.plane is not None and data.raw_train is not None and data.raw_val is not None
    assert data.plane.axes == ("c", "a") and data.plane.held_at_mean == ("b", "d")
    # The points on the plane are the file's values of c and a.
    everything = torch.cat([data.raw_train, data.raw_val])
    assert sorted(everything[:, 1].tolist()) == [float(i) for i in range(12)]
    assert torch.equal(everything[:, 0] + everything[:, 1], torch.full((12,), 10.0))
    # A training point expanded: c and a as in training, b and d at their training mean.
    inputs = data.plane.expand(data.raw_train)
    assert torch.allclose(inputs[:, [2, 0]], data.x_train[:, [2, 0]], atol=1e-5)
    mean = data.x_train.mean(dim=0)
    assert torch.allclose(inputs[:, [1, 3]], mean[[1, 3]].expand(len(inputs), -1))


def test_without_a_choice_the_first_two_inputs_are_shown() -> None:
    spec = CsvData(path="t", inline_table=_table(), features=["a", "b", "c"], target="y")
    data = load_dataset(spec)
    assert data.plane is not None and data.plane.axes == ("a", "b")
    assert data.plane.held_at_mean == ("c",)


def test_an_unknown_shown_input_is_named() -> None:
    spec = CsvData(
        path="t",
        inline_table=_table(),
        features=["a", "b", "c"],
        target="y",
        shown_inputs=["a", "zz"],
    )
    with pytest.raises(DataError) as caught:
        describe_data(spec)
    assert describe_problems(caught.value.problems) == (
        "The plots are set to show the input 'zz', but the data's inputs are a, b, c; "
        "pick two of those to show."
    )


def test_the_pair_must_be_two_different_inputs() -> None:
    with pytest.raises(ValueError, match="two different inputs"):
        CsvData(path="t", features=["a"], target="y", shown_inputs=["a", "a"])


def test_iris_shows_the_chosen_petal_measures_and_remembers_them() -> None:
    petals = ["petal length (cm)", "petal width (cm)"]
    spec = BuiltinData(name="iris", shown_inputs=petals)
    data = load_dataset(spec)
    assert data.plane is not None and data.plane.axes == tuple(petals)
    assert data.raw_train is not None and data.raw_val is not None
    # The plots show centimetres; expanded, a training point is the model's input again.
    petals_cm = torch.as_tensor(sklearn.datasets.load_iris().data[:, 2:], dtype=torch.float32)
    shown = torch.cat([data.raw_train, data.raw_val])
    assert sorted(shown[:, 0].tolist()) == sorted(petals_cm[:, 0].tolist())
    assert torch.allclose(data.plane.expand(data.raw_train)[:, 2:], data.x_train[:, 2:], atol=1e-5)
    assert torch.allclose(data.plane.expand(data.raw_train)[:, :2], torch.zeros(1), atol=1e-5)
    assert data.plane.held_at_mean == ("sepal length (cm)", "sepal width (cm)")
    saved = Experiment(data=spec).to_json()
    assert Experiment.model_validate_json(saved).data == spec
    with pytest.raises(DataError):
        describe_data(BuiltinData(name="wine", shown_inputs=petals))


GENERATED = [name for name, option in DATASET_TABLE.items() if option.generated]


@pytest.mark.parametrize("name", GENERATED)
def test_every_generated_set_can_be_as_small_as_five_points(name: str) -> None:
    data = load_dataset(BuiltinData(name=name, samples=5, validation_fraction=0.2))
    assert len(data.x_train) + len(data.x_val) == 5 and len(data.x_train) >= 4
    assert torch.isfinite(data.x_train).all()
    with pytest.raises(ValueError):
        BuiltinData(name=name, samples=4)
