"""Validation messages: every problem is a sentence that names its place and says what to do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from playground.core.data import describe_data
from playground.core.data.base import DataInfo
from playground.core.io.readers import load_experiment_file
from playground.core.layers.catalog import CATALOGUE
from playground.core.layers.model import summarize
from playground.core.messages import describe
from playground.core.spec.experiment import BuiltinData, Experiment, LayerSpec, ModelSpec
from playground.core.spec.validation import (
    SpecError,
    check_experiment,
    fit_output_layer,
    parse_experiment,
)


def problems_of(source: Any) -> list[str]:
    with pytest.raises(SpecError) as caught:
        parse_experiment(source)
    worded = [describe(problem) for problem in caught.value.problems]
    assert str(caught.value) == "\n".join(worded)
    return worded


def single(source: Any) -> str:
    problems = problems_of(source)
    assert len(problems) == 1, problems
    return problems[0]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ({"optimizer": {"lr": -1}}, "optimizer: learning rate must be greater than 0, not -1"),
        ({"optimizer": {"lr": 0}}, "optimizer: learning rate must be greater than 0, not 0"),
        ({"optimizer": {"momentum": 1}}, "optimizer: momentum must be less than 1, not 1"),
        ({"training": {"epochs": 0}}, "training: epochs must be at least 1, not 0"),
        ({"data": {"noise": 2}}, "data: noise must be at most 1, not 2"),
        (
            {"training": {"batch_size": "abc"}},
            "training: batch size must be a whole number, not 'abc'",
        ),
        ({"training": {"batch_size": 2.5}}, "training: batch size must be a whole number, not 2.5"),
        ({"optimizer": {"lr": "fast"}}, "optimizer: learning rate must be a number, not 'fast'"),
        ({"optimizer": {"nesterov": "maybe"}}, "optimizer: nesterov must be true or false"),
        ({"name": 5}, "name must be text, not 5"),
        ({"training": 5}, "training: must be a group of settings (in curly braces), not 5"),
        (
            {"training": {"epoch": 3}},
            "training: unknown setting 'epoch' (did you mean 'epochs'?)",
        ),
        (
            {"optimizer": {"learning_rate": 0.1}},
            "optimizer: unknown setting 'learning_rate'",
        ),
        (
            {"epochs": 3},
            "unknown setting 'epochs' at the top of the file; it belongs in the 'training' section",
        ),
        (
            {"data": {"name": "spirals"}},
            "data: 'spirals' is not a data set (did you mean 'spiral'?); choose one of circle, xor",
        ),
        ({"data": {"kind": "sql"}}, "data: 'sql' is not a kind of data; use 'builtin' or 'csv'"),
        (
            {"data": {"kind": "csv", "features": ["a"], "target": "b"}},
            "data: path is missing",
        ),
        (
            {"data": {"kind": "csv", "path": "", "features": ["a"], "target": "b"}},
            "data: path must not be empty",
        ),
        (
            {"data": {"derived_features": ["x3"]}},
            "data: 'x3' is not a derived input; choose one of",
        ),
        (
            {"data": {"derived_features": ["x1^2", "x1^2"]}},
            "data: each derived input may be chosen only once",
        ),
        ({"loss": "mse2"}, "loss: 'mse2' is not a loss (did you mean 'mse'?)"),
        ({"optimizer": {"kind": "adamx"}}, "optimizer: 'adamx' is not an optimizer"),
        ({"schedule": {"kind": "linear"}}, "schedule: 'linear' is not a schedule"),
        (
            {"optimizer": {"betas": [0.9, 1.5]}},
            "optimizer: each beta must be at least 0 and below 1",
        ),
        ({"optimizer": {"betas": [0.9]}}, "optimizer: betas must be two numbers, not [0.9]"),
        ({"training": {"device": "gpu"}}, "training: 'gpu' is not a device; use auto, cpu"),
        (
            {"optimizer": {"kind": "sgd", "nesterov": True}},
            "optimizer: Nesterov momentum needs a momentum above 0",
        ),
        (
            {"schema_version": 3},
            "this file was made by a newer Torch Playground (format 3); this version reads "
            "format 1; update the app",
        ),
        ({"schema_version": "one"}, "format version must be a whole number, not 'one'"),
        ({"schema_version": 0}, "format version 0 does not exist"),
    ],
)
def test_spec_errors_name_the_place(source: dict[str, Any], expected: str) -> None:
    assert single(source).startswith(expected)


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        (
            {"kind": "relu"},
            "layer 2: 'relu' is not a layer kind (did you mean 'ReLU'?); choose one of",
        ),
        ({"kind": "Conv3d"}, "layer 2: 'Conv3d' is not a layer kind"),
        (
            {"kind": "Conv2d", "params": {"kernal_size": 3}},
            "layer 2 (Conv2d) has no parameter 'kernal_size' (did you mean 'kernel_size'?)",
        ),
        (
            {"kind": "Linear", "params": {"out_features": 0}},
            "layer 2 (Linear): neurons must be between 1 and 4096, not 0",
        ),
        (
            {"kind": "Linear", "params": {"out_features": 2.5}},
            "layer 2 (Linear): neurons must be a whole number, not 2.5",
        ),
        (
            {"kind": "Dropout", "params": {"p": "half"}},
            "layer 2 (Dropout): drop rate must be a number, not 'half'",
        ),
        (
            {"kind": "Linear", "params": {"bias": 1}},
            "layer 2 (Linear): bias must be true or false, not 1",
        ),
        (
            {"kind": "Linear", "params": {"out_features": [1, 2]}},
            "layer 2 (Linear): neurons must be a single number or true/false, not [1, 2]",
        ),
        ({"params": {}}, "layer 2: kind is missing"),
        ("Linear", "layer 2: must be a group of settings"),
    ],
)
def test_layer_errors_name_the_layer(layer: Any, expected: str) -> None:
    source = {"model": {"layers": [{"kind": "Linear"}, layer]}}
    assert single(source).startswith(expected)


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    problems = problems_of(
        {
            "training": {"batch_size": 0},
            "model": {
                "layers": [
                    {"kind": "Linear", "params": {"out_features": [1]}},
                    {"kind": "relu"},
                    {"kind": "Linear", "params": {"out_features": -3}},
                ]
            },
        }
    )
    assert problems[0].startswith("training: batch size")
    assert [p.split(" ")[1] for p in problems[1:]] == ["1", "2:", "3"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{\n  "loss": "mse",,\n}', "the file is not valid JSON: expecting property name"),
        ('{"loss": "mse"', "the file is not valid JSON"),
        ("[1, 2]", "the file does not hold an experiment"),
        ("   ", "the file is empty"),
    ],
)
def test_broken_json_says_where(text: str, expected: str) -> None:
    message = single(text)
    assert message.startswith(expected)
    if "JSON" in expected:
        assert "line" in message and "column" in message


def test_broken_json_points_at_line_and_column() -> None:
    assert "at line 2, column 17" in single('{\n  "loss": "mse",,\n}')


def test_bytes_that_are_not_text_are_refused() -> None:
    assert single(b"\xff\xfe\x00binary").startswith("the file is not text")


# ---- files ---------------------------------------------------------------------------


def test_load_experiment_file_reads_json_and_prefixes_problems(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"loss": "mse", "data": {"name": "linear"}}))
    assert load_experiment_file(good).loss == "mse"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"training": {"epochs": -1}}))
    with pytest.raises(SpecError) as caught:
        load_experiment_file(bad)
    assert [describe(p) for p in caught.value.problems] == [
        "bad.json: training: epochs must be at least 1, not -1"
    ]


def test_load_experiment_file_explains_missing_and_wrong_files(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="does not exist; check the name"):
        load_experiment_file(tmp_path / "nothing.json")
    with pytest.raises(SpecError, match=r"'notes.txt' is not an experiment file; .*\.json"):
        load_experiment_file(tmp_path / "notes.txt")
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(SpecError, match="is a folder"):
        load_experiment_file(folder)


def test_playground_archives_load_through_the_same_function(tmp_path: Path) -> None:
    from playground.core.io.files import save_experiment_file

    original = parse_experiment({"name": "Saved", "data": {"name": "xor"}})
    path = tmp_path / "saved.playground"
    save_experiment_file(path, original)
    assert load_experiment_file(path) == original


def test_a_broken_playground_archive_is_a_spec_error(tmp_path: Path) -> None:
    archive = tmp_path / "broken.playground"
    archive.write_bytes(b"this is not a zip archive")
    with pytest.raises(SpecError, match=r"broken\.playground"):
        load_experiment_file(archive)


# ---- checks that need the data --------------------------------------------------------


def experiment(data: str, loss: str, layers: list[LayerSpec], **data_options: Any) -> Experiment:
    return Experiment(
        data=BuiltinData(name=data, **data_options),  # type: ignore[arg-type]
        loss=loss,  # type: ignore[arg-type]
        model=ModelSpec(layers=layers),
    )


def dense(*sizes: int) -> list[LayerSpec]:
    layers: list[LayerSpec] = []
    for size in sizes[:-1]:
        layers += [LayerSpec(kind="Linear", params={"out_features": size}), LayerSpec(kind="ReLU")]
    return [*layers, LayerSpec(kind="Linear", params={"out_features": sizes[-1]})]


def check(exp: Experiment) -> list[str]:
    return [describe(problem) for problem in check_experiment(exp, describe_data(exp.data))]


@pytest.mark.parametrize(
    ("exp", "expected"),
    [
        (
            experiment("iris", "cross-entropy", dense(8, 2)),
            "layer 3 (Linear): this layer sets the model's 2 outputs, but iris has 3 classes; "
            "set its neurons to 3",
        ),
        (
            experiment("iris", "bce-with-logits", dense(8, 1)),
            "loss: bce-with-logits tells exactly 2 classes apart, but iris has 3; use cross-entropy",
        ),
        (
            experiment("circle", "bce-with-logits", dense(8, 2)),
            "layer 3 (Linear): with bce-with-logits the model must give 1 output",
        ),
        (
            experiment("iris", "mse", dense(8, 3)),
            "loss: mse compares numbers, but iris has 3 classes to tell apart; use cross-entropy",
        ),
        (
            experiment("linear", "cross-entropy", dense(1)),
            "loss: cross-entropy is for telling classes apart, but linear has numeric targets",
        ),
        (
            experiment("identity", "mse", dense(5, 1)),
            "layer 3 (Linear): this layer sets the model's 1 output, but identity has 2 targets to "
            "predict; set its neurons to 2",
        ),
        (
            experiment(
                "digits",
                "cross-entropy",
                [
                    LayerSpec(kind="Conv2d", params={"kernel_size": 3}),
                    LayerSpec(kind="MaxPool2d"),
                    LayerSpec(kind="Conv2d", params={"kernel_size": 5}),
                ],
                as_images=True,
            ),
            "layer 3 (Conv2d): kernel 5 is larger than its 3×3 input",
        ),
        (
            experiment("digits", "cross-entropy", [LayerSpec(kind="Conv2d")], as_images=True),
            "layer 1 (Conv2d): the model ends with an image of 8×6×6; end it with Flatten",
        ),
        (
            experiment("xor", "cross-entropy", []),
            "the model has no layers",
        ),
    ],
)
def test_check_experiment_against_the_data(exp: Experiment, expected: str) -> None:
    problems = check(exp)
    assert problems and problems[0].startswith(expected), problems


def test_batch_norm_needs_batches_of_two() -> None:
    exp = experiment("xor", "cross-entropy", [LayerSpec(kind="BatchNorm1d"), *dense(2)])
    exp.training.batch_size = 1
    assert check(exp) == [
        "layer 1 (BatchNorm1d) needs batches of at least 2 samples; raise the batch size or "
        "remove the layer"
    ]


def test_check_experiment_reports_layer_problems_of_unvalidated_specs() -> None:
    exp = experiment("xor", "cross-entropy", [LayerSpec(kind="Dense"), *dense(2)])
    assert check(exp)[0].startswith("layer 1: 'Dense' is not a layer kind")


@pytest.mark.parametrize(
    ("data", "loss", "outputs"),
    [
        ("iris", "cross-entropy", 3),
        ("circle", "bce-with-logits", 1),
        ("circle", "cross-entropy", 2),
        ("identity", "mse", 2),
        ("linear", "huber", 1),
        ("digits", "cross-entropy", 10),
    ],
)
def test_valid_experiments_have_no_problems(data: str, loss: str, outputs: int) -> None:
    assert check(experiment(data, loss, dense(4, outputs))) == []


# ---- fitting the output layer -----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "loss", "fitted_loss", "outputs"),
    [
        ("iris", "cross-entropy", "cross-entropy", 3),
        ("digits", "cross-entropy", "cross-entropy", 10),
        ("circle", "bce-with-logits", "bce-with-logits", 1),
        ("iris", "bce-with-logits", "cross-entropy", 3),
        ("iris", "mse", "cross-entropy", 3),
        ("identity", "cross-entropy", "mse", 2),
        ("linear", "l1", "l1", 1),
    ],
)
def test_fit_output_layer_makes_a_valid_copy(
    data: str, loss: str, fitted_loss: str, outputs: int
) -> None:
    original = experiment(data, loss, [*dense(6, 7), LayerSpec(kind="Dropout")])
    before = original.to_json()
    fitted = fit_output_layer(original, describe_data(original.data))
    assert original.to_json() == before
    assert fitted.loss == fitted_loss
    assert fitted.model.layers[2].params["out_features"] == outputs
    assert fitted.model.layers[0].params["out_features"] == 6
    assert check(fitted) == []


def test_fit_output_layer_appends_a_linear_layer_when_there_is_none() -> None:
    exp = experiment("digits", "cross-entropy", [LayerSpec(kind="Conv2d")], as_images=True)
    info = describe_data(exp.data)
    fitted = fit_output_layer(exp, info)
    assert [layer.kind for layer in fitted.model.layers] == ["Conv2d", "Flatten", "Linear"]
    assert summarize(fitted.model.layers, info.input_shape).output_shape == (10,)
    flat = experiment("xor", "cross-entropy", [LayerSpec(kind="Tanh")])
    assert [
        layer.kind for layer in fit_output_layer(flat, describe_data(flat.data)).model.layers
    ] == [
        "Tanh",
        "Linear",
    ]


def test_check_experiment_works_with_a_hand_made_data_info() -> None:
    info = DataInfo(
        task="classification",
        input_shape=(5,),
        num_outputs=4,
        feature_names=tuple("abcde"),
        target_names=("label",),
        class_names=("w", "x", "y", "z"),
    )
    exp = experiment("xor", "cross-entropy", dense(3, 2))
    assert describe(check_experiment(exp, info)[0]).endswith("set its neurons to 4")
    assert check_experiment(fit_output_layer(exp, info), info) == []
    assert set(CATALOGUE) >= {"Linear", "ReLU"}
