"""Model exports read back by their real consumers: torch.load, safetensors, torch.jit, onnxruntime."""

from __future__ import annotations

import os
import pickle
import warnings
from pathlib import Path

import numpy as np
import onnxruntime
import pytest
import torch
from torch import nn

from playground.core.export import ExportError, WeightsError, export_experiment, load_weights
from playground.core.export.base import fresh_weights, model_for_export
from playground.core.export.onnx import ONNX_LAYER_KINDS, onnx_problems
from playground.core.export.weights import apply_weights, save_weights
from playground.core.layers.catalog import CATALOGUE
from playground.core.spec.experiment import (
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    TrainingSpec,
)


def _dense() -> Experiment:
    """Every flat layer kind in one model (BatchNorm, Dropout and all activations)."""
    kinds = ["LeakyReLU", "ELU", "GELU", "SiLU", "Tanh", "Sigmoid", "Softplus", "Identity"]
    layers = [
        LayerSpec(kind="Linear", params={"out_features": 16}),
        LayerSpec(kind="BatchNorm1d"),
        LayerSpec(kind="ReLU"),
        LayerSpec(kind="Dropout", params={"p": 0.5}),
        LayerSpec(kind="LayerNorm"),
        *(LayerSpec(kind=kind) for kind in kinds),
        LayerSpec(kind="Linear", params={"out_features": 3}),
    ]
    return Experiment(
        data=BuiltinData(name="iris"),
        model=ModelSpec(layers=layers),
        training=TrainingSpec(seed=4, device="cpu"),
    )


def _conv() -> Experiment:
    layers = [
        LayerSpec(kind="Conv2d", params={"out_channels": 4, "kernel_size": 3, "padding": 1}),
        LayerSpec(kind="BatchNorm2d"),
        LayerSpec(kind="ReLU"),
        LayerSpec(kind="MaxPool2d", params={"kernel_size": 2}),
        LayerSpec(kind="AvgPool2d", params={"kernel_size": 2}),
        LayerSpec(kind="Flatten"),
        LayerSpec(kind="Linear", params={"out_features": 10}),
    ]
    return Experiment(
        data=BuiltinData(name="digits", as_images=True),
        model=ModelSpec(layers=layers),
        training=TrainingSpec(device="cpu"),
    )


def _trained_like(experiment: Experiment) -> dict[str, torch.Tensor]:
    """Weights unlike the initial ones, with non-trivial BatchNorm statistics."""
    weights = fresh_weights(experiment)
    gen = torch.Generator().manual_seed(11)
    for name, value in weights.items():
        if value.is_floating_point():
            weights[name] = value + 0.1 * torch.randn(value.shape, generator=gen)
        if name.endswith("running_var"):
            weights[name] = value.abs() + 0.5
    return weights


def _reference(
    experiment: Experiment, weights: dict[str, torch.Tensor], x: torch.Tensor
) -> np.ndarray:
    model, _ = model_for_export(experiment, weights)
    with torch.no_grad():
        return model(x).numpy()


class _Sentinel:
    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.target}",))


# ---- weights ---------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".pt", ".safetensors"])
def test_weights_export_loads_into_a_fresh_model(tmp_path: Path, suffix: str) -> None:
    experiment, weights = _dense(), _trained_like(_dense())
    path = tmp_path / f"model{suffix}"
    notes = export_experiment(experiment, "weights", path, weights=weights)
    assert notes == []
    # A .pt file must load with plain torch.load; .safetensors through our safe reader.
    state = torch.load(path, weights_only=True) if suffix == ".pt" else load_weights(path)
    model, _ = model_for_export(experiment, None)
    model.load_state_dict(state)
    for name, tensor in model.state_dict().items():
        assert torch.equal(tensor, weights[name]), name


def test_export_without_weights_uses_the_seed_and_says_so(tmp_path: Path) -> None:
    experiment = _dense()
    notes = export_experiment(experiment, "weights", tmp_path / "w.safetensors")
    assert len(notes) == 1 and "initial weights of seed 4" in notes[0]
    torch.manual_seed(4)
    from playground.core.layers.model import build_model

    expected = build_model(experiment.model.layers, (4,)).state_dict()
    for name, tensor in load_weights(tmp_path / "w.safetensors").items():
        assert torch.equal(tensor, expected[name])


def test_hostile_pickle_is_refused_and_never_runs(tmp_path: Path) -> None:
    sentinel = tmp_path / "pwned"
    path = tmp_path / "evil.pt"
    with open(path, "wb") as stream:
        pickle.dump({"0.weight": _Sentinel(sentinel)}, stream)
    with pytest.raises(WeightsError, match=r"refused.*Nothing from it was run"):
        load_weights(path)
    torch.save({"model": _Sentinel(sentinel)}, tmp_path / "evil2.pt")
    with pytest.raises(WeightsError, match="refused"):
        load_weights(tmp_path / "evil2.pt")
    assert not sentinel.exists()


def test_mismatched_weights_name_the_first_difference(tmp_path: Path) -> None:
    model, _ = model_for_export(_dense(), None)
    weights = dict(model.state_dict())
    wrong_shape = {**weights, "0.weight": torch.zeros(8, 4)}
    with pytest.raises(
        WeightsError, match=r"'0\.weight' of layer 1 \(Linear\) has shape 8×4.*needs 16×4"
    ):
        apply_weights(model, wrong_shape)
    missing = {k: v for k, v in weights.items() if k != "1.running_mean"}
    with pytest.raises(WeightsError, match=r"no tensor '1\.running_mean'.*layer 2 \(BatchNorm1d\)"):
        apply_weights(model, missing)
    with pytest.raises(WeightsError, match="'extra' that this model does not have"):
        apply_weights(model, {**weights, "extra": torch.zeros(1)})


def test_weights_file_errors_are_sentences(tmp_path: Path) -> None:
    with pytest.raises(WeightsError, match="does not exist"):
        load_weights(tmp_path / "none.pt")
    (tmp_path / "junk.safetensors").write_bytes(b"not tensors")
    with pytest.raises(WeightsError, match="cannot be read as a safetensors file"):
        load_weights(tmp_path / "junk.safetensors")
    torch.save([1, 2, 3], tmp_path / "list.pt")
    with pytest.raises(WeightsError, match="does not hold a set of named weights"):
        load_weights(tmp_path / "list.pt")
    with pytest.raises(WeightsError, match=r"end the name with \.pt or \.safetensors"):
        save_weights(tmp_path / "w.txt", {"a": torch.zeros(1)})


# ---- TorchScript -----------------------------------------------------------------------


@pytest.mark.parametrize("make", [_dense, _conv], ids=["dense", "conv"])
def test_torchscript_gives_the_same_outputs(tmp_path: Path, make: object) -> None:
    experiment = make()  # type: ignore[operator]
    weights = _trained_like(experiment)
    path = tmp_path / "model.pt"
    export_experiment(experiment, "torchscript", path, weights=weights)
    _, shape = model_for_export(experiment, weights)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        loaded = torch.jit.load(path)
    for batch in (1, 7):
        x = torch.randn(batch, *shape)
        with torch.no_grad():
            assert np.array_equal(loaded(x).numpy(), _reference(experiment, weights, x))


# ---- ONNX ------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [_dense, _conv], ids=["dense", "conv"])
def test_onnx_runs_in_onnxruntime_with_any_batch_size(tmp_path: Path, make: object) -> None:
    experiment = make()  # type: ignore[operator]
    weights = _trained_like(experiment)
    path = tmp_path / "model.onnx"
    export_experiment(experiment, "onnx", path, weights=weights)
    _, shape = model_for_export(experiment, weights)
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    assert session.get_inputs()[0].name == "input"
    for batch in (1, 5, 33):
        x = torch.randn(batch, *shape)
        (output,) = session.run(None, {"input": x.numpy()})
        assert output.shape[0] == batch
        np.testing.assert_allclose(output, _reference(experiment, weights, x), atol=1e-4)


def test_every_catalogue_kind_is_known_to_export() -> None:
    # The two models above hold every kind; a new kind must be tested and listed.
    used = {layer.kind for make in (_dense, _conv) for layer in make().model.layers}
    assert used == set(CATALOGUE) == ONNX_LAYER_KINDS


def test_unknown_kinds_are_reported_before_exporting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("playground.core.export.onnx.ONNX_LAYER_KINDS", ONNX_LAYER_KINDS - {"GELU"})
    experiment = _dense()
    assert onnx_problems(experiment.model.layers) == [
        "layer 8 (GELU) cannot be exported to ONNX yet; remove it or export TorchScript or "
        "weights instead"
    ]
    with pytest.raises(ExportError, match=r"^Layer 8 \(GELU\) cannot be exported to ONNX yet"):
        export_experiment(experiment, "onnx", tmp_path / "m.onnx")
    assert not (tmp_path / "m.onnx").exists()


def test_exported_model_is_in_evaluation_mode() -> None:
    model, _ = model_for_export(_conv(), None)
    assert isinstance(model, nn.Sequential)
    assert not any(module.training for module in model.modules())
