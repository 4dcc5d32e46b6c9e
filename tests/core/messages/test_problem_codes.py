"""The core's checks return problems as data: a code, a place and the values."""

from __future__ import annotations

from pathlib import Path

import pytest

from playground.core.data import DataError, describe_data, load_dataset
from playground.core.layers.model import ModelError, build_model, summarize
from playground.core.spec.experiment import BuiltinData, CsvData, Experiment, LayerSpec, ModelSpec
from playground.core.spec.presets import load_preset
from playground.core.spec.validation import SpecError, check_experiment, parse_experiment


def spec_problems(source: dict[str, object]) -> list[tuple[str, int | None, str | None]]:
    with pytest.raises(SpecError) as caught:
        parse_experiment(source)
    return [(p.code, p.layer, p.field) for p in caught.value.problems]


def test_shape_problems_carry_the_layer_and_the_numbers() -> None:
    layers = [LayerSpec(kind="Conv2d", params={"kernel_size": 5}), LayerSpec(kind="Flatten")]
    summary = summarize(layers, (1, 3, 3))
    error = summary.error
    assert error is not None and summary.layers[0].error == error
    assert (error.code, error.layer, error.layer_kind) == ("layer.kernel_too_large", 0, "Conv2d")
    assert dict(error.values) == {"kernel": 5, "height": 3, "width": 3, "padding": 0}
    with pytest.raises(ModelError) as caught:
        build_model(layers, (1, 3, 3))
    assert caught.value.problems == [error]
    flat = summarize([LayerSpec(kind="Linear")], (1, 8, 8)).error
    assert flat is not None and flat.code == "layer.needs_flat"
    assert flat.values["shape"] == (1, 8, 8)


def test_check_experiment_places_output_and_loss_problems() -> None:
    layers = [LayerSpec(kind="Linear", params={"out_features": 5}), LayerSpec(kind="ReLU")]
    experiment = Experiment(data=BuiltinData(name="spiral"), model=ModelSpec(layers=layers))
    info = describe_data(experiment.data)
    (size,) = check_experiment(experiment, info)
    assert (size.code, size.layer, size.field) == (
        "output.size_mismatch",
        0,
        "params.out_features",
    )
    assert dict(size.values) == {"outputs": 5, "data": "spiral", "classes": 2}
    (loss,) = check_experiment(
        experiment.model_copy(update={"loss": "mse"}), describe_data(experiment.data)
    )
    assert (loss.code, loss.section, loss.layer) == ("loss.needs_numbers", "loss", None)
    regression = Experiment(data=BuiltinData(name="linear"), model=ModelSpec(layers=layers))
    codes = [p.code for p in check_experiment(regression, describe_data(regression.data))]
    assert codes == ["loss.needs_classes"]


def test_spec_problems_name_section_field_and_suggestion() -> None:
    with pytest.raises(SpecError) as caught:
        parse_experiment({"training": {"epoch": 3}})
    (unknown,) = caught.value.problems
    assert (unknown.code, unknown.section, unknown.field) == (
        "spec.unknown_key",
        "training",
        "training.epoch",
    )
    assert unknown.values["suggestion"] == "epochs"
    assert spec_problems({"training": {"batch_size": 0}}) == [
        ("spec.not_at_least", None, "training.batch_size")
    ]
    assert spec_problems({"model": {"layers": [{"kind": "Linear"}, {"kind": "relu"}]}}) == [
        ("layer.unknown_kind", 1, "kind")
    ]
    assert spec_problems(
        {"model": {"layers": [{"kind": "Linear", "params": {"out_features": 0}}]}}
    ) == [("layer.param_out_of_range", 0, "params.out_features")]
    with pytest.raises(SpecError) as caught:
        load_preset("spirl")
    assert caught.value.problems[0].values["suggestion"] == "spiral"


def test_a_bad_cell_is_placed_by_row_and_column(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    rows = ["a,b,y", *(f"{i},{i * 2},{i % 2}" for i in range(8))]
    rows[4] = "3,six,1"
    table.write_text("\n".join(rows) + "\n")
    spec = CsvData(path=str(table), features=["a", "b"], target="y")
    with pytest.raises(DataError) as caught:
        load_dataset(spec)
    (problem,) = caught.value.problems
    assert (problem.code, problem.row, problem.column) == ("data.csv.bad_cell", 5, "b")
    assert problem.values["cell"] == "six"
    assert str(caught.value).startswith("In t.csv, row 5, column 'b': 'six' is not a number")
