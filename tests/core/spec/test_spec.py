"""The experiment spec: JSON round trips, defaults and the shipped presets' files."""

from __future__ import annotations

import json

import pytest

from playground.core.spec.experiment import (
    SCHEMA_VERSION,
    BuiltinData,
    CsvData,
    Experiment,
    LayerSpec,
)
from playground.core.spec.presets import list_presets, load_preset
from playground.core.spec.validation import parse_experiment

FULL = {
    "schema_version": 1,
    "name": "Round trip",
    "description": "Every section set away from its default.",
    "data": {
        "kind": "builtin",
        "name": "circle",
        "samples": 321,
        "noise": 0.25,
        "validation_fraction": 0.3,
        "seed": 7,
        "derived_features": ["x1^2", "x2^2", "x1*x2"],
        "as_images": False,
    },
    "model": {
        "layers": [
            {"kind": "Linear", "params": {"out_features": 12, "bias": False}},
            {"kind": "LeakyReLU", "params": {"negative_slope": 0.05}},
            {"kind": "Dropout", "params": {"p": 0.1}},
            {"kind": "Linear", "params": {"out_features": 2}},
        ]
    },
    "loss": "cross-entropy",
    "optimizer": {
        "kind": "sgd",
        "lr": 0.05,
        "momentum": 0.9,
        "nesterov": True,
        "betas": [0.8, 0.99],
        "weight_decay": 0.001,
    },
    "schedule": {
        "kind": "cosine",
        "step_size": 3,
        "gamma": 0.7,
        "t_max": 40,
        "min_lr": 0.0001,
        "patience": 2,
        "factor": 0.3,
    },
    "training": {
        "batch_size": 16,
        "epochs": 12,
        "seed": 3,
        "device": "cpu",
        "grad_clip": 1.5,
        "zero_grad": True,
    },
}


def test_json_to_experiment_to_json_is_unchanged() -> None:
    experiment = parse_experiment(json.dumps(FULL))
    assert json.loads(experiment.to_json()) == FULL
    assert experiment.to_dict() == FULL
    assert parse_experiment(experiment.to_json()) == experiment


def test_csv_data_round_trips() -> None:
    source = {
        "data": {
            "kind": "csv",
            "path": "houses.csv",
            "features": ["rooms", "area"],
            "target": "price",
            "task": "regression",
            "standardize": False,
            "validation_fraction": 0.25,
            "seed": 4,
        }
    }
    experiment = parse_experiment(source)
    assert isinstance(experiment.data, CsvData)
    again = parse_experiment(experiment.to_json())
    assert again == experiment
    assert again.to_dict()["data"] == source["data"]


def test_missing_sections_get_defaults_and_the_current_version() -> None:
    experiment = parse_experiment("{}")
    assert experiment == Experiment()
    assert experiment.schema_version == SCHEMA_VERSION
    assert isinstance(experiment.data, BuiltinData)


def test_data_without_kind_is_builtin_or_csv_by_its_keys() -> None:
    assert isinstance(parse_experiment({"data": {"name": "xor"}}).data, BuiltinData)
    csv = parse_experiment({"data": {"path": "a.csv", "features": ["x"], "target": "y"}})
    assert isinstance(csv.data, CsvData)


def test_parsing_accepts_bytes_with_a_byte_order_mark_and_dicts() -> None:
    text = json.dumps(FULL)
    assert parse_experiment(b"\xef\xbb\xbf" + text.encode()) == parse_experiment(FULL)


def test_parsing_does_not_change_the_given_dict() -> None:
    source = {"data": {"name": "xor"}}
    parse_experiment(source)
    assert source == {"data": {"name": "xor"}}


def test_a_layer_keeps_only_the_parameters_given() -> None:
    experiment = parse_experiment({"model": {"layers": [{"kind": "ReLU"}]}})
    assert experiment.model.layers == [LayerSpec(kind="ReLU", params={})]


@pytest.mark.parametrize("name", [p.name for p in list_presets()])
def test_every_preset_round_trips(name: str) -> None:
    experiment = load_preset(name)
    assert parse_experiment(experiment.to_json()) == experiment
