"""The shipped presets: listed in order, valid, and each reaches its goal with its own defaults."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import torch
from torch import nn

from playground.core.data import describe_data
from playground.core.resources import resource_path, resources_root
from playground.core.spec.presets import PRESET_ORDER, list_presets, load_preset, preset_names
from playground.core.spec.validation import SpecError, check_experiment
from playground.core.training.engine import Engine
from playground.core.training.snapshot import Snapshot

REQUIRED = {
    "spiral",
    "circle",
    "xor",
    "gaussian",
    "plane-regression",
    "linear-regression",
    "mlp-identity",
    "simple-nn",
    "iris",
    "digits",
    "digits-cnn",
}


def test_presets_are_listed_in_menu_order_with_titles() -> None:
    presets = list_presets()
    names = [p.name for p in presets]
    assert set(names) >= REQUIRED
    assert names[: len(PRESET_ORDER)] == list(PRESET_ORDER)
    assert names == preset_names()
    for preset in presets:
        assert preset.title and preset.title != "Untitled"
        assert preset.description.endswith(".")


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_every_preset_fits_its_data(name: str) -> None:
    experiment = load_preset(name)
    assert check_experiment(experiment, describe_data(experiment.data)) == []
    assert experiment.training.device == "auto"


def test_load_preset_returns_independent_copies() -> None:
    first = load_preset("spiral")
    first.training.epochs = 1
    assert load_preset("spiral").training.epochs != 1
    assert load_preset(" Spiral.json ") == load_preset("spiral")


def test_an_unknown_preset_lists_the_choices() -> None:
    with pytest.raises(SpecError) as caught:
        load_preset("spirals")
    message = str(caught.value)
    assert message.startswith("'spirals' is not a preset (did you mean 'spiral'?); choose one of")
    assert "digits-cnn" in message


def test_resources_are_found_in_a_checkout_and_a_frozen_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resource_path("presets", "spiral.json").is_file()
    bundle = tmp_path / "bundle"
    (bundle / "playground" / "resources" / "presets").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    resources_root.cache_clear()
    try:
        assert resource_path("presets") == bundle / "playground" / "resources" / "presets"
    finally:
        monkeypatch.delattr(sys, "_MEIPASS")
        resources_root.cache_clear()
    assert resource_path("presets", "spiral.json").is_file()


# ---- each preset trains to its goal ---------------------------------------------------------


def _accuracy_at_least(bound: float) -> Callable[[Engine, Snapshot], None]:
    def check(engine: Engine, final: Snapshot) -> None:
        assert final.val_accuracy is not None and final.val_accuracy >= bound, final.val_accuracy

    return check


def _val_mse(engine: Engine) -> float:
    with torch.no_grad():
        prediction = engine.model(engine.dataset.x_val.to(engine.device)).cpu()
    return float(nn.functional.mse_loss(prediction, engine.dataset.y_val))


def _val_mse_below(bound: float) -> Callable[[Engine, Snapshot], None]:
    def check(engine: Engine, final: Snapshot) -> None:
        assert _val_mse(engine) < bound

    return check


def _train_loss_fell(factor: float) -> Callable[[Engine, Snapshot], None]:
    def check(engine: Engine, final: Snapshot) -> None:
        x = engine.dataset.x_train.to(engine.device)
        y = engine.dataset.y_train
        with torch.no_grad():
            after = float(nn.functional.mse_loss(engine.model(x).cpu(), y))
            engine.model.load_state_dict(engine.initial_state)
            before = float(nn.functional.mse_loss(engine.model(x).cpu(), y))
        assert after < before / factor, (before, after)

    return check


def _line_fitted(engine: Engine, final: Snapshot) -> None:
    layer = engine.model[0]
    assert isinstance(layer, nn.Linear)
    assert layer.weight.detach().item() == pytest.approx(2.0, abs=0.05)
    assert layer.bias.detach().item() == pytest.approx(0.0, abs=0.1)


GOALS: dict[str, Callable[[Engine, Snapshot], None]] = {
    "linear-regression": _line_fitted,
    "plane-regression": _val_mse_below(1e-3),
    "simple-nn": _train_loss_fell(10.0),
    "mlp-identity": _val_mse_below(1e-2),
    "gaussian": _accuracy_at_least(0.98),
    "xor": _accuracy_at_least(0.95),
    "circle": _accuracy_at_least(0.95),
    "spiral": _accuracy_at_least(0.95),
    "iris": _accuracy_at_least(0.9),
    "digits": _accuracy_at_least(0.95),
    "digits-cnn": _accuracy_at_least(0.95),
}


def test_every_required_preset_has_a_goal() -> None:
    assert set(GOALS) == REQUIRED


@pytest.mark.parametrize("name", list(GOALS))
def test_preset_reaches_its_goal_with_its_defaults(name: str) -> None:
    experiment = load_preset(name)
    experiment.training.device = "cpu"
    engine = Engine(experiment, snapshot_interval=3600.0)
    final = engine.run()
    assert final.state == "finished"
    assert final.epoch == experiment.training.epochs
    GOALS[name](engine, final)
