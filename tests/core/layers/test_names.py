"""Readable layer and parameter names, counted from 1 as the layer editor counts."""

from __future__ import annotations

from playground.core.layers.names import layer_title, parameter_label

KINDS = ["Linear", "ReLU", "Linear", "ReLU", "Linear"]


def test_parameter_names_follow_the_editor_s_numbering() -> None:
    assert parameter_label("0.weight", KINDS) == "Layer 1 · Linear · weight"
    assert parameter_label("4.bias", KINDS) == "Layer 5 · Linear · bias"


def test_layer_titles_use_the_catalogue_s_names() -> None:
    assert layer_title(0, "Linear") == "Layer 1 · Linear"
    assert layer_title(2, "BatchNorm1d") == "Layer 3 · BatchNorm1d"


def test_names_that_are_not_layer_parameters_stay_as_they_are() -> None:
    assert parameter_label("scale", KINDS) == "scale"
    assert parameter_label("9.weight", KINDS) == "9.weight"
    assert parameter_label("x.weight", KINDS) == "x.weight"
